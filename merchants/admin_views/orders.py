"""A merchant's orders in the back office: the list (filters, CSV export) and the viewset.

Scoped like every merchant screen: the rows come from merchants.order_selectors, which
starts from merchants.scoping, so another shop's order is never listed, exported or opened
(404). The order page itself, its slip and the cancellation step are in
merchants.admin_views.order_page.
"""

from __future__ import annotations

import django_filters
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput, HeaderButton

from commerce.order.fulfilment import FulfilmentMode
from commerce.order.models import Order
from commerce.order.statuses import OrderStatus
from merchants.admin_views.order_lines import OrderLineReduceView
from merchants.admin_views.order_page import OrderCancelView, OrderPageView, OrderSlipView
from merchants.admin_views.scoped import MerchantScopedViewSetMixin, ScopedIndexView
from merchants.order_export import orders_export_csv
from merchants.order_selectors import (
    MERCHANT_PATH,
    order_customer,
    order_list_filter,
    orders_for_user,
)
from merchants.templatetags.back_office import day_text, money_text, slot_text


class OrderFilterSet(django_filters.FilterSet):
    """Status, way of handing over, day of hand-over: shared by the list and its export."""

    status = django_filters.ChoiceFilter(
        label=_("Statut"), choices=OrderStatus.choices, empty_label=_("Tous")
    )
    fulfilment_mode = django_filters.ChoiceFilter(
        label=_("Mode de remise"), choices=FulfilmentMode.choices, empty_label=_("Tous")
    )
    day = django_filters.DateFilter(
        label=_("Jour de remise"), method="filter_day", widget=AdminDateInput
    )

    class Meta:
        model = Order
        fields = ["status", "fulfilment_mode"]

    def filter_day(self, queryset, name, value):
        return order_list_filter(queryset, day=value)


def filtered_orders(request):
    """The user's orders narrowed by the list's filters (invalid filters are ignored)."""
    filters = OrderFilterSet(request.GET or None, queryset=orders_for_user(user=request.user))
    queryset = filters.qs if filters.is_valid() else filters.queryset
    return queryset.order_by("due_at", "number")


def handover_text(order: Order) -> str:
    """The slot of a pickup, or the day a delivery was ordered (deliveries have no slot)."""
    if order.fulfilment_mode == FulfilmentMode.CLICK_COLLECT:
        return slot_text(order.pickup_starts_at, order.pickup_ends_at)
    return _("commandée le %(day)s") % {"day": day_text(order.date_placed)}


class OrderIndexView(ScopedIndexView):
    default_ordering = "due_at"
    page_title = _("Commandes")

    def get_base_queryset(self):
        return orders_for_user(user=self.request.user)

    def get_edit_url(self, instance):
        return reverse("merchant_orders:edit", args=[instance.pk])

    # Orders come from the checkout only and are never deleted (see get_urlpatterns).
    def get_add_url(self):
        return None

    def get_delete_url(self, instance):
        return None

    @cached_property
    def header_buttons(self):
        query = self.request.GET.urlencode()
        url = reverse("merchant_orders:export") + (f"?{query}" if query else "")
        return [HeaderButton(_("Exporter (CSV)"), url=url, icon_name="download")]


class OrderExportView(View):
    """The filtered orders as a CSV file Excel opens as is (like the catalogue export)."""

    def get(self, request):
        response = HttpResponse(
            orders_export_csv(orders=filtered_orders(request)),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="commandes.csv"'
        return response


class MerchantOrderViewSet(MerchantScopedViewSetMixin, ModelViewSet):
    model = Order
    merchant_path = MERCHANT_PATH
    icon = "list-ul"
    menu_label = _("Commandes")
    menu_order = 220
    add_to_admin_menu = True
    name = "merchant_orders"
    url_prefix = "commandes"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = OrderIndexView
    filterset_class = OrderFilterSet
    list_display = [
        "number",
        Column("customer", label=_("Client"), accessor=lambda o: order_customer(order=o).name),
        Column("mode", label=_("Mode de remise"), accessor="get_fulfilment_mode_display"),
        Column("due", label=_("Créneau ou date"), accessor=handover_text, sort_key="due_at"),
        Column("total", label=_("Total TTC"), accessor=lambda o: money_text(o.total_incl_tax)),
        Column("status", label=_("Statut"), accessor="status", sort_key="status"),
    ]
    search_fields = ["number"]
    form_fields = ["status"]

    def get_urlpatterns(self):
        # An order is never edited as a form nor deleted: its page shows it and moves its
        # status (merchants.services.orders); the slip, the cancellation and taking articles
        # out hang off it. Its history is on the page (one timeline), not in Wagtail's view.
        dropped = {"edit", "delete", "add", "history"}
        kept = [p for p in super().get_urlpatterns() if p.name not in dropped]
        return kept + [
            path("edit/<int:pk>/", OrderPageView.as_view(), name="edit"),
            path("cancel/<int:pk>/", OrderCancelView.as_view(), name="cancel"),
            path("slip/<int:pk>/", OrderSlipView.as_view(), name="slip"),
            path("reduce/<int:pk>/<int:line_id>/", OrderLineReduceView.as_view(), name="reduce"),
            path("export/", OrderExportView.as_view(), name="export"),
        ]
