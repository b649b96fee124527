import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    """Oscar's catalogue, forked: later issues index products and add merchant data."""

    name = "commerce.catalogue"
