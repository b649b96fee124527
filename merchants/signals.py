"""Signals for upper layers that must follow writes which bypass model signals.

Bulk writes (the catalogue import) use bulk_create and UPDATE statements, so no post_save
fires; the search index (search/, which merchants may not import) listens here instead.
They carry no rule: they only say which products changed.
"""

from django.dispatch import Signal

# Sent inside the writing transaction with ``product_ids``: the products created or updated.
products_bulk_saved = Signal()
