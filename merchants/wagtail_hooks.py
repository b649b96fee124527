"""Registers the merchant back office in Wagtail admin."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from merchants import admin_policies  # noqa: F401  (hooks scoping images, pages, reports)
from merchants.admin_policies import user_is_merchant
from merchants.admin_views.account import EmailChangeConfirmView, EmailChangeSettingsPanel
from merchants.admin_views.applications import MerchantApplicationViewSet
from merchants.admin_views.catalogue_transfer import CatalogueExportView, CatalogueImportView
from merchants.admin_views.dashboard import PendingApplicationsPanel, merchant_home_panels
from merchants.admin_views.invoices import InvoiceDownloadView, InvoicesView
from merchants.admin_views.orders import MerchantOrderViewSet
from merchants.admin_views.payments import (
    Dac7ReportView,
    PaymentsView,
    PayoutConnectView,
    PayoutLinkRefreshView,
    PayoutReturnView,
)
from merchants.admin_views.products import MerchantProductViewSet
from merchants.admin_views.shops import MerchantViewSet, own_shop_settings_url
from merchants.audit import register_log_actions
from merchants.scoping import merchant_for_user, user_is_council_staff


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [
        MerchantViewSet(),
        MerchantProductViewSet(),
        MerchantApplicationViewSet(),
        MerchantOrderViewSet(),
    ]


class OwnShopMenuItem(MenuItem):
    """ "Réglages de ma boutique", shown to merchant accounts only."""

    def is_shown(self, request):
        return merchant_for_user(request.user) is not None

    def render_component(self, request):
        self.url = own_shop_settings_url(request.user)
        return super().render_component(request)


@hooks.register("register_admin_menu_item")
def register_own_shop_menu_item():
    return OwnShopMenuItem(_("Réglages de ma boutique"), "#", icon_name="cog", order=190)


@hooks.register("register_admin_urls")
def register_catalogue_transfer_urls():
    return [
        path("articles/import/", CatalogueImportView.as_view(), name="merchant_catalogue_import"),
        path("articles/export/", CatalogueExportView.as_view(), name="merchant_catalogue_export"),
    ]


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    register_log_actions(actions)


@hooks.register("register_account_settings_panel")
def register_email_change_panel(request, user, profile):
    return EmailChangeSettingsPanel(request, user, profile)


@hooks.register("register_admin_urls")
def register_email_change_urls():
    return [
        path(
            "compte/adresse-email/<str:token>/",
            EmailChangeConfirmView.as_view(),
            name="merchants_email_change_confirm",
        ),
    ]


@hooks.register("construct_homepage_panels", order=100)
def register_home_panels(request, panels):
    """A merchant's home is its day's work; staff get the pending applications first."""
    if user_is_merchant(request.user):
        panels[:] = merchant_home_panels(request=request, merchant=merchant_for_user(request.user))
    elif user_is_council_staff(request.user):
        panels.insert(0, PendingApplicationsPanel())


# Late: after Wagtail and its apps have added their items and panels.
@hooks.register("construct_homepage_summary_items", order=100)
def hide_site_summary_from_merchants(request, items):
    # "1 Page, 0 Image, 0 Document": site-wide counts that say nothing to a shop.
    if user_is_merchant(request.user):
        items[:] = []


class PaymentsMenuItem(MenuItem):
    """ "Paiements": a merchant's own payments; every shop's for council staff."""

    def is_shown(self, request):
        # "Paiements" and "Factures" ask once per request, not once per menu item.
        if not hasattr(request, "_orne_shows_shop_money"):
            user = request.user
            request._orne_shows_shop_money = (
                user_is_council_staff(user) or merchant_for_user(user) is not None
            )
        return request._orne_shows_shop_money


@hooks.register("register_admin_menu_item")
def register_payments_menu_item():
    return PaymentsMenuItem(
        _("Paiements"), reverse_lazy("merchant_payments"), icon_name="pick", order=230
    )


@hooks.register("register_admin_urls")
def register_payments_urls():
    return [
        path("paiements/", PaymentsView.as_view(), name="merchant_payments"),
        path("paiements/connecter/", PayoutConnectView.as_view(), name="merchant_payments_connect"),
        path("paiements/lien/", PayoutLinkRefreshView.as_view(), name="merchant_payments_refresh"),
        path("paiements/retour/", PayoutReturnView.as_view(), name="merchant_payments_return"),
        path("paiements/dac7/", Dac7ReportView.as_view(), name="merchant_payments_dac7"),
    ]


@hooks.register("register_admin_menu_item")
def register_invoices_menu_item():
    # Shown to the same people as "Paiements": a merchant (its own) and council staff.
    return PaymentsMenuItem(
        _("Factures"), reverse_lazy("merchant_invoices"), icon_name="doc-full", order=235
    )


@hooks.register("register_admin_urls")
def register_invoices_urls():
    return [
        path("factures/", InvoicesView.as_view(), name="merchant_invoices"),
        path(
            "factures/<str:kind>/<int:pk>/pdf/",
            InvoiceDownloadView.as_view(),
            name="merchant_invoice_pdf",
        ),
    ]
