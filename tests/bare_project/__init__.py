"""A bare Wagtail project that installs the marketplace apps without the Orne site.

``boot.py`` migrates it and renders a shop page, a basket and a search page;
tests/integration/test_bare_project.py runs that in a subprocess and checks what they show.
"""
