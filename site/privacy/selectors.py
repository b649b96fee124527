"""What the marketplace holds about one e-mail address: the rows, and their export."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone
from oscar.core.loading import get_model

from commerce.order.models import Checkout, Order

Email = get_model("communication", "Email")
ProductAlert = get_model("customer", "ProductAlert")
ProductReview = get_model("reviews", "ProductReview")
UserAddress = get_model("address", "UserAddress")

ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line2", "line3", "line4", "postcode")


def users_for_email(*, email: str) -> QuerySet:
    return get_user_model().objects.filter(email__iexact=email)


def checkouts_for_email(*, email: str) -> QuerySet:
    return Checkout.objects.filter(
        Q(email__iexact=email) | Q(user__in=users_for_email(email=email))
    )


def orders_for_email(*, email: str) -> QuerySet:
    users = users_for_email(email=email)
    return Order.objects.filter(
        Q(guest_email__iexact=email)
        | Q(user__in=users)
        | Q(checkout__in=checkouts_for_email(email=email))
    ).distinct()


def emails_for_email(*, email: str) -> QuerySet:
    return Email.objects.filter(Q(email__iexact=email) | Q(user__in=users_for_email(email=email)))


def alerts_for_email(*, email: str) -> QuerySet:
    return ProductAlert.objects.filter(
        Q(email__iexact=email) | Q(user__in=users_for_email(email=email))
    )


def reviews_for_email(*, email: str) -> QuerySet:
    return ProductReview.objects.filter(
        Q(email__iexact=email) | Q(user__in=users_for_email(email=email))
    )


def personal_data_exists(*, email: str) -> bool:
    return any(
        queryset.exists()
        for queryset in (
            users_for_email(email=email),
            checkouts_for_email(email=email),
            orders_for_email(email=email),
            emails_for_email(email=email),
            alerts_for_email(email=email),
            reviews_for_email(email=email),
        )
    )


def personal_data_summary(*, email: str) -> dict[str, int]:
    """How many rows of each kind the link page announces before export or erasure."""
    return {
        "accounts": users_for_email(email=email).count(),
        "checkouts": checkouts_for_email(email=email).count(),
        "orders": orders_for_email(email=email).count(),
    }


def _address(address) -> dict | None:
    if address is None:
        return None
    data = {name: getattr(address, name) for name in ADDRESS_FIELDS}
    data["country"] = address.country_id
    phone = getattr(address, "phone_number", None)
    data["phone"] = str(phone) if phone else ""
    data["notes"] = getattr(address, "notes", "")
    return data


def _account(user) -> dict:
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "addresses": [_address(a) for a in UserAddress.objects.filter(user=user).order_by("pk")],
    }


def _checkout(checkout: Checkout) -> dict:
    return {
        "number": checkout.number,
        "created_at": checkout.created_at,
        "status": checkout.get_status_display(),
        "email": checkout.email,
        "amount": checkout.amount,
        "refunded_amount": checkout.refunded_amount,
        "currency": checkout.currency,
        "shipping_address": checkout.shipping_address,
    }


def _order(order: Order) -> dict:
    lines = list(order.lines.all())
    return {
        "number": order.number,
        "checkout": order.checkout.number if order.checkout_id else None,
        "shop": lines[0].partner_name if lines else "",
        "date_placed": order.date_placed,
        "status": order.status,
        "email": order.guest_email or (order.user.email if order.user_id else ""),
        "fulfilment": order.get_fulfilment_mode_display(),
        "pickup_address": order.pickup_address,
        "pickup_starts_at": order.pickup_starts_at,
        "shipping_address": _address(order.shipping_address),
        "currency": order.currency,
        "shipping_incl_tax": order.shipping_incl_tax,
        "total_incl_tax": order.total_incl_tax,
        "total_excl_tax": order.total_excl_tax,
        "lines": [
            {
                "title": line.title,
                "quantity": line.quantity,
                "unit_price_incl_tax": line.unit_price_incl_tax,
                "line_price_incl_tax": line.line_price_incl_tax,
                "line_price_excl_tax": line.line_price_excl_tax,
            }
            for line in lines
        ],
    }


def personal_data_export(*, email: str) -> dict:
    """Everything held about ``email``, JSON-ready (DjangoJSONEncoder for dates, decimals)."""
    orders = (
        orders_for_email(email=email)
        .select_related("checkout", "user", "shipping_address")
        .prefetch_related("lines")
        .order_by("number")
    )
    return {
        "email": email,
        "exported_at": timezone.now(),
        "accounts": [_account(user) for user in users_for_email(email=email).order_by("pk")],
        "checkouts": [_checkout(c) for c in checkouts_for_email(email=email).order_by("number")],
        "orders": [_order(order) for order in orders],
        "emails": [
            {"subject": e.subject, "date_sent": e.date_sent, "body": e.body_text}
            for e in emails_for_email(email=email).order_by("pk")
        ],
        "stock_alerts": [
            {"product": a.product.get_title(), "email": a.email, "created": a.date_created}
            for a in alerts_for_email(email=email).select_related("product").order_by("pk")
        ],
        "reviews": [
            {
                "product": r.product.get_title() if r.product_id else "",
                "title": r.title,
                "body": r.body,
                "name": r.name,
            }
            for r in reviews_for_email(email=email).select_related("product").order_by("pk")
        ],
    }
