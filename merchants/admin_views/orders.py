"""A merchant's orders in the back office, and the one screen that changes their status.

Scoped like every merchant screen (merchants.admin_views.scoped): a merchant reaches only
orders whose lines are its partner's, so another shop's order from the same basket is a
404 for reading and writing. The edit screen is the status change: it offers only the
statuses the pipeline allows for this order's fulfilment, and goes through
merchants.services.orders (refund on cancellation, e-mail to the shopper).
"""

from __future__ import annotations

import stripe
from django import forms
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from merchants.admin_views.scoped import (
    MerchantScopedViewSetMixin,
    ScopedEditView,
    ScopedInspectView,
)
from merchants.services.orders import (
    OrderStatusRefused,
    merchant_order_next_statuses,
    merchant_order_set_status,
)

Order = get_model("order", "Order")


class OrderStatusForm(WagtailAdminModelForm):
    class Meta:
        model = Order
        fields = ["status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(s, s) for s in merchant_order_next_statuses(order=self.instance)]
        self.fields["status"] = forms.ChoiceField(
            label=_("Nouveau statut"),
            choices=choices,
            help_text=_("Le client est prévenu par e-mail. Annuler rembourse cette commande."),
        )


class OrderStatusEditView(ScopedEditView):
    def get_form_class(self):
        return OrderStatusForm

    def save_instance(self):
        return merchant_order_set_status(
            order_id=self.object.pk, status=self.form.cleaned_data["status"], by=self.request.user
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except OrderStatusRefused as refused:
            message = str(refused)
        except stripe.StripeError:  # the refund was refused: the transaction rolled back
            message = _("Le remboursement n'a pas pu être fait ; réessayez.")
        form.add_error(None, message)
        self.produced_error_message = message
        return self.form_invalid(form)

    def get_success_message(self, instance=None):
        return _("Commande %(number)s : %(status)s. Le client est prévenu.") % {
            "number": self.object.number,
            "status": self.form.cleaned_data["status"],
        }


class OrderInspectView(ScopedInspectView):
    """The order, with a button to its history: who changed its status, and when."""

    def get_field_label(self, field_name, field):
        if field_name == "date_placed":  # Oscar's label has no French translation
            return _("Passée le")
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        if getattr(self.object, field_name, None) is None:
            return "—"  # a delivery has no pickup time, a pickup no address
        return super().get_field_display_value(field_name, field)

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Historique"),
                url=reverse("merchant_orders:history", args=(quote(self.object.pk),)),
                icon_name="history",
            ),
        ]


class MerchantOrderViewSet(MerchantScopedViewSetMixin, ModelViewSet):
    model = Order
    merchant_path = "lines__partner__merchant"
    icon = "list-ul"
    menu_label = gettext_lazy("Commandes")
    menu_order = 220
    add_to_admin_menu = True
    name = "merchant_orders"
    url_prefix = "commandes"
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_view_class = OrderStatusEditView
    inspect_view_class = OrderInspectView
    list_display = [
        "number",
        "date_placed",
        "status",
        "fulfilment_mode",
        "pickup_starts_at",
        "total_incl_tax",
    ]
    list_filter = ["status", "fulfilment_mode"]
    search_fields = ["number"]
    form_fields = ["status"]
    inspect_view_fields = [
        "number",
        "date_placed",
        "status",
        "fulfilment_mode",
        "pickup_starts_at",
        "pickup_ends_at",
        "pickup_address",
        "shipping_address",
        "shipping_incl_tax",
        "total_incl_tax",
        "guest_email",
    ]
