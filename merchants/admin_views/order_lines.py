"""Taking articles out of an order from its page: choose, confirm the refund, done.

Three steps on one URL (``merchant_orders:reduce``): GET shows the form (the new quantity or
"remove", the reason); its POST shows the confirmation with the amount refunded; the
confirmation's POST makes the change through merchants.services.orders.
merchant_order_line_reduce. The order is looked up in the user's scope
(ScopedOrderMixin), the line inside that order, so another shop's ids are a 404.
"""

from __future__ import annotations

import stripe
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from commerce.order.models import LineReduction
from commerce.order.reductions import line_reduction_amount, order_line_reduction_allowed
from merchants.admin_views.order_page import ScopedOrderMixin
from merchants.services.orders import LineReductionRefused, merchant_order_line_reduce
from merchants.templatetags.back_office import euros

REDUCE_TEMPLATE = "merchants/admin/order_line_reduce.html"


class LineReductionForm(forms.Form):
    quantity = forms.TypedChoiceField(label=gettext_lazy("Nouvelle quantité"), coerce=int)
    reason = forms.ChoiceField(
        label=gettext_lazy("Raison"),
        choices=LineReduction.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choisissez la raison.")},
    )
    # The quantity the merchant saw: a second submit of the same form changes nothing.
    seen_quantity = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, line, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quantity"].choices = [(0, _("Retirer l'article de la commande"))] + [
            (n, str(n)) for n in range(line.quantity - 1, 0, -1)
        ]
        self.fields["quantity"].error_messages["invalid_choice"] = _(
            "La nouvelle quantité doit être entre 1 et %(most)s, ou l'article retiré."
        ) % {"most": line.quantity - 1}
        self.fields["seen_quantity"].initial = line.quantity


class OrderLineReduceView(ScopedOrderMixin, View):
    """Remove a line or lower its quantity, refunding that part of the order."""

    def dispatch(self, request, pk, line_id):
        if not request.user.has_perm("order.change_order"):
            raise PermissionDenied
        self.order_ = self.order(request, pk)
        self.line = next((line for line in self.order_.lines.all() if line.pk == line_id), None)
        if self.line is None:
            raise Http404
        if not order_line_reduction_allowed(order=self.order_) or self.line.quantity == 0:
            messages.error(request, _("Cet article ne peut plus être retiré de cette commande."))
            return redirect("merchant_orders:edit", pk=self.order_.pk)
        return super().dispatch(request, pk, line_id)

    def get(self, request, pk, line_id):
        return self.show(LineReductionForm(line=self.line))

    def post(self, request, pk, line_id):
        if request.POST.get("seen_quantity") != str(self.line.quantity):
            # The form was for a quantity the line no longer has (the service re-checks
            # under the order's lock, for two submits at the same moment).
            messages.error(request, str(LineReductionRefused.line_changed(line=self.line)))
            return redirect("merchant_orders:edit", pk=self.order_.pk)
        form = LineReductionForm(request.POST, line=self.line)
        if not form.is_valid():
            return self.show(form)
        if "confirm" not in request.POST:
            return self.show(form, confirm=True)
        try:
            reduction = merchant_order_line_reduce(
                order_id=self.order_.pk,
                line_id=self.line.pk,
                quantity=form.cleaned_data["quantity"],
                seen_quantity=form.cleaned_data["seen_quantity"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except LineReductionRefused as refused:
            messages.error(request, str(refused))
        except stripe.StripeError:  # the refund was refused: the transaction rolled back
            messages.error(request, _("Le remboursement n'a pas pu être fait ; réessayez."))
        else:
            messages.success(request, self.done_message(reduction))
        return redirect("merchant_orders:edit", pk=self.order_.pk)

    def show(self, form, *, confirm: bool = False):
        context = self.order_context(self.order_)
        quantity = form.cleaned_data["quantity"] if confirm else None
        context.update(
            form=form,
            line=self.line,
            confirm=confirm,
            new_quantity=quantity,
            reason_label=LineReduction.Reason(form.cleaned_data["reason"]).label if confirm else "",
            amount=line_reduction_amount(line=self.line, quantity=quantity) if confirm else None,
            paid_online=bool(self.order_.checkout_id and self.order_.checkout.payment_intent_id),
            order_url=reverse("merchant_orders:edit", args=[self.order_.pk]),
            page_title=_("Modifier « %(title)s » · commande %(number)s")
            % {"title": self.line.title, "number": self.order_.number},
        )
        return render(self.request, REDUCE_TEMPLATE, context)

    def done_message(self, reduction: LineReduction) -> str:
        values = {"number": self.order_.number, "amount": euros(reduction.amount_incl_tax)}
        if hasattr(reduction, "refund"):
            return (
                _("Commande %(number)s modifiée : %(amount)s remboursés. Le client est prévenu.")
                % values
            )
        return _("Commande %(number)s modifiée. Le client est prévenu.") % values
