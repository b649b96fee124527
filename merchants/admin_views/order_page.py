"""One order in the back office: its page, the status buttons, the cancellation step, the slip.

Every view looks the order up through merchants.order_selectors.order_for_user (scoped to
the user's shop; staff see all), so another shop's order id is a 404 for reading and
writing. A status change goes through merchants.services.orders.merchant_order_set_status
only; a cancellation refunds the order, so it first shows the amount and asks to confirm.
Taking articles out of the order is merchants.admin_views.order_lines. The history is the
order's one timeline (commerce.order.selectors.order_timeline).
"""

from __future__ import annotations

import stripe
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from commerce.order.models import Order
from commerce.order.reductions import order_line_reduction_allowed
from commerce.order.selectors import order_timeline
from commerce.order.statuses import OrderStatus
from commerce.payment.refunds import order_refundable
from merchants.invoicing.selectors import documents_for_order
from merchants.order_selectors import (
    order_customer,
    order_for_user,
    order_vat_breakdown,
)
from merchants.services.orders import (
    OrderStatusRefused,
    merchant_order_next_statuses,
    merchant_order_set_status,
)

PAGE_TEMPLATE = "merchants/admin/order_page.html"
CANCEL_TEMPLATE = "merchants/admin/order_cancel.html"
SLIP_TEMPLATE = "merchants/admin/order_slip.html"


class ScopedOrderMixin:
    def order(self, request, pk: int) -> Order:
        if not request.user.has_perm("order.view_order"):
            raise PermissionDenied
        try:
            return order_for_user(user=request.user, order_id=pk)
        except Order.DoesNotExist:
            raise Http404 from None

    def order_context(self, order: Order) -> dict:
        return {
            "order": order,
            "lines": list(order.lines.all()),
            "customer": order_customer(order=order),
            "vat_lines": order_vat_breakdown(order=order),
        }

    def change(self, request, order: Order, status: str):
        """Apply the change; the page again with the reason when it is refused."""
        if not request.user.has_perm("order.change_order"):
            raise PermissionDenied
        try:
            merchant_order_set_status(order_id=order.pk, status=status, by=request.user)
        except OrderStatusRefused as refused:
            messages.error(request, str(refused))
        except stripe.StripeError:  # the refund was refused: the transaction rolled back
            messages.error(request, _("Le remboursement n'a pas pu être fait ; réessayez."))
        else:
            messages.success(
                request,
                _("Commande %(number)s : %(status)s. Le client est prévenu par e-mail.")
                % {"number": order.number, "status": OrderStatus(status).label},
            )
        return redirect("merchant_orders:edit", pk=order.pk)


class OrderPageView(ScopedOrderMixin, View):
    """Everything needed to prepare and hand over the order; the next statuses as buttons."""

    def get(self, request, pk):
        order = self.order(request, pk)
        context = self.order_context(order)
        context.update(
            next_statuses=[
                OrderStatus(status) for status in merchant_order_next_statuses(order=order)
            ],
            cancelled=OrderStatus.CANCELLED,
            history=order_timeline(order=order),
            documents=documents_for_order(order=order),
            can_change=request.user.has_perm("order.change_order"),
            can_reduce=request.user.has_perm("order.change_order")
            and order_line_reduction_allowed(order=order),
            page_title=_("Commande %(number)s") % {"number": order.number},
        )
        return render(request, PAGE_TEMPLATE, context)

    def post(self, request, pk):
        order = self.order(request, pk)
        status = request.POST.get("status", "")
        if status == OrderStatus.CANCELLED:
            # A cancellation refunds: it is confirmed on its own page, with the amount.
            return redirect("merchant_orders:cancel", pk=order.pk)
        return self.change(request, order, status)


class OrderCancelView(ScopedOrderMixin, View):
    """The confirmation step: the amount refunded, then one button to cancel."""

    def get(self, request, pk):
        order = self.order(request, pk)
        if OrderStatus.CANCELLED not in merchant_order_next_statuses(order=order):
            messages.error(request, _("Cette commande ne peut plus être annulée."))
            return redirect("merchant_orders:edit", pk=order.pk)
        context = self.order_context(order)
        context.update(
            refund_amount=order_refundable(order=order) if order.checkout_id else None,
            page_title=_("Annuler la commande %(number)s") % {"number": order.number},
            order_url=reverse("merchant_orders:edit", args=[order.pk]),
        )
        return render(request, CANCEL_TEMPLATE, context)

    def post(self, request, pk):
        order = self.order(request, pk)
        return self.change(request, order, OrderStatus.CANCELLED)


class OrderSlipView(ScopedOrderMixin, View):
    """The preparation slip: a page of its own, laid out for printing on A4."""

    def get(self, request, pk):
        order = self.order(request, pk)
        context = self.order_context(order)
        context["shop"] = next(
            (line.partner.merchant for line in context["lines"] if line.partner_id), None
        )
        # Nothing to prepare for an article the shop took out.
        context["lines"] = [line for line in context["lines"] if line.quantity]
        return render(request, SLIP_TEMPLATE, context)
