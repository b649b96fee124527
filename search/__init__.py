"""Cross-shop product search on Wagtail's search framework (app label: product_search)."""
