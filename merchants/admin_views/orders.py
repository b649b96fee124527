"""A merchant's orders in the back office (placing orders comes with the checkout issue).

The scoping is in place now: a merchant reaches only orders whose lines are its partner's.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.viewsets.model import ModelViewSet

from merchants.admin_views.scoped import MerchantScopedViewSetMixin

Order = get_model("order", "Order")


class MerchantOrderViewSet(MerchantScopedViewSetMixin, ModelViewSet):
    model = Order
    merchant_path = "lines__partner__merchant"
    icon = "list-ul"
    menu_label = _("Commandes")
    menu_order = 220
    add_to_admin_menu = True
    name = "merchant_orders"
    url_prefix = "commandes"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["number", "date_placed", "status", "total_incl_tax"]
    list_filter = ["status"]
    search_fields = ["number"]
    form_fields = ["status"]
    inspect_view_fields = ["number", "date_placed", "status", "total_incl_tax", "guest_email"]
