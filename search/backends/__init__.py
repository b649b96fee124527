"""Search backends: modelsearch's own, with French analysis and fail-fast clients.

`SEARCH_URL` (site settings) names one of the modules in this package instead of
modelsearch's, so every engine gets the same index settings, written once in
`search.backends.analysis`.
"""
