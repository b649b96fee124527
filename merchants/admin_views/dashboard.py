"""The admin home: a merchant's day (orders, pickups, deliveries, stock, sales, first steps),
and the council's pending applications. Wagtail's own summary ("1 Page, 0 Image") and its
page panels say nothing to a shop: a merchant's home shows only these panels."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from merchants import dashboard
from merchants.models import Merchant, MerchantApplication


class MerchantPanel(Component):
    order = 50

    def __init__(self, *, request, merchant: Merchant):
        self.request = request
        self.merchant = merchant


class ChecklistPanel(MerchantPanel):
    """A new shop's first steps, until all are done."""

    name = "merchant_checklist"
    order = 10
    template_name = "merchants/admin/dashboard/checklist.html"

    def __init__(self, *, request, merchant):
        super().__init__(request=request, merchant=merchant)
        state = dashboard.shop_checklist_state(merchant=merchant)
        page = getattr(merchant, "page", None)
        page_url = reverse("wagtailadmin_pages:edit", args=[page.pk]) if page else ""
        settings_url = reverse("merchants_shops:edit", args=[merchant.pk])
        self.items = [
            dashboard.ChecklistItem(
                _("Publier la page de la boutique"), state["page_published"], page_url
            ),
            dashboard.ChecklistItem(
                _("Indiquer les horaires d'ouverture"), state["opening_hours"], settings_url
            ),
            dashboard.ChecklistItem(
                _("Choisir les communes livrées"), state["delivery_area"], settings_url
            ),
            dashboard.ChecklistItem(
                _("Mettre en vente un premier article avec une photo"),
                state["article_with_photo"],
                reverse("merchant_products:add"),
            ),
        ]

    @property
    def complete(self) -> bool:
        return all(item.done for item in self.items)

    def get_context_data(self, parent_context=None):
        return {"items": self.items}


class OrdersPanel(MerchantPanel):
    name = "merchant_orders_today"
    order = 20
    template_name = "merchants/admin/dashboard/orders.html"

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        user = self.request.user
        return {
            "to_prepare": dashboard.orders_to_prepare(user=user),
            "today": today,
            "tomorrow": today + timedelta(days=1),
            "pickups_today": dashboard.pickups_by_slot(user=user, day=today),
            "pickups_tomorrow": dashboard.pickups_by_slot(user=user, day=today + timedelta(1)),
            "deliveries": dashboard.deliveries_to_make(user=user),
        }


class StockAndSalesPanel(MerchantPanel):
    name = "merchant_stock_sales"
    order = 30
    template_name = "merchants/admin/dashboard/stock_sales.html"

    def get_context_data(self, parent_context=None):
        return {
            "sales": dashboard.sales_figures(user=self.request.user, today=timezone.localdate()),
            "low_stock": dashboard.low_stock_records(merchant=self.merchant),
            "threshold": self.merchant.low_stock_threshold,
            "settings_url": reverse("merchants_shops:edit", args=[self.merchant.pk]),
        }


class PendingApplicationsPanel(Component):
    name = "pending_applications"
    order = 5
    template_name = "merchants/admin/dashboard/applications.html"

    def get_context_data(self, parent_context=None):
        pending = MerchantApplication.objects.filter(status=MerchantApplication.Status.PENDING)
        return {
            "count": pending.count(),
            "oldest": list(pending.select_related("commune").order_by("submitted_at")[:5]),
        }


def merchant_home_panels(*, request, merchant: Merchant) -> list[Component]:
    checklist = ChecklistPanel(request=request, merchant=merchant)
    panels = [] if checklist.complete else [checklist]
    return panels + [
        OrdersPanel(request=request, merchant=merchant),
        StockAndSalesPanel(request=request, merchant=merchant),
    ]
