"""The Orne marketplace site: settings, URLs and editorial pages (import name ``orne_site``)."""
