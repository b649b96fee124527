"""The page cache for anonymous visitors (orne_site.pagecache.services says what and why)."""
