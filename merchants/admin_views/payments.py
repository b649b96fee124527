"""'Paiements' in the back office: a shop's payout account and payments; staff's reconciliation.

A merchant sees its own shop only (merchants.scoping): its Stripe payout status, a button
that sends it through Stripe's onboarding (return and refresh URLs come back here), and
each order's payment. Council staff see every shop's status and, over a period, sales,
refunds, commission, transferred, coming and failed, with a CSV export.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import stripe
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from openpyxl import Workbook

from commerce.payment.connect import (
    payout_account_for_partner,
    payout_account_onboarding_url,
    payout_account_refresh,
)
from commerce.payment.payout_selectors import (
    PayoutTotals,
    payout_quarters_by_partner,
    payout_totals_by_partner,
    payouts_for_partner,
)
from merchants.catalogue_io.csv_format import escape_cell
from merchants.models import Merchant
from merchants.scoping import merchant_for_user, scope_to_merchant, user_is_council_staff

TEMPLATE = "merchants/admin/payments.html"
STAFF_TEMPLATE = "merchants/admin/payments_staff.html"


class PeriodForm(forms.Form):
    du = forms.DateField(
        label=gettext_lazy("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    au = forms.DateField(
        label=gettext_lazy("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("du") and data.get("au") and data["du"] > data["au"]:
            raise forms.ValidationError(_("La date de début doit précéder la date de fin."))
        return data


def _own_shop(request) -> Merchant:
    merchant = merchant_for_user(request.user)
    if merchant is None:
        raise PermissionDenied
    return merchant


class PaymentsView(View):
    """The merchant's payments, or, for staff, every shop's."""

    def get(self, request):
        if user_is_council_staff(request.user):
            return self.staff(request)
        merchant = _own_shop(request)
        payouts = list(payouts_for_partner(partner_id=merchant.partner_id)[:200])
        totals = payout_totals_by_partner(partner_ids=[merchant.partner_id]).get(
            merchant.partner_id, PayoutTotals()
        )
        return render(
            request,
            TEMPLATE,
            {
                "page_title": _("Paiements"),
                "merchant": merchant,
                "account": payout_account_for_partner(partner=merchant.partner),
                "payouts": payouts,
                "totals": totals,
            },
        )

    def staff(self, request):
        form = PeriodForm(request.GET or None)
        start = end = None
        if form.is_valid():
            start, end = form.cleaned_data.get("du"), form.cleaned_data.get("au")
        rows = shop_rows(user=request.user, start=start, end=end)
        export = EXPORTS.get(request.GET.get("format", ""))
        if export and (not request.GET or form.is_valid()):
            return export(rows=rows, start=start, end=end)
        return render(
            request,
            STAFF_TEMPLATE,
            {"page_title": _("Paiements des boutiques"), "form": form, "rows": rows},
        )


def shop_rows(*, user, start: date | None, end: date | None) -> list[dict]:
    shops = list(
        scope_to_merchant(Merchant.objects.all(), user=user, merchant_path="")
        .select_related("partner__payout_account")
        .order_by("name")
    )
    totals = payout_totals_by_partner(
        start=start, end=end, partner_ids=[shop.partner_id for shop in shops]
    )
    rows = []
    for shop in shops:
        account = getattr(shop.partner, "payout_account", None)
        rows.append(
            {
                "shop": shop,
                "status": account.get_status_display() if account else _("Pas commencé"),
                "requirements": account.requirements if account else [],
                "totals": totals.get(shop.partner_id, PayoutTotals()),
            }
        )
    return rows


def reconciliation_table(*, rows: list[dict]) -> tuple[list[str], list[list]]:
    """The reconciliation's header and rows, amounts as Decimal (each export formats them)."""
    header = [
        _("Boutique"),
        _("SIRET"),
        _("Compte de versement"),
        _("Commandes"),
        _("Ventes TTC"),
        _("Remboursements"),
        _("Commission"),
        _("Versé"),
        _("À venir"),
        _("En échec"),
    ]
    body = []
    for row in rows:
        t = row["totals"]
        amounts = (t.sales, t.refunds, t.commission, t.transferred, t.coming, t.failed)
        body.append([row["shop"].name, row["shop"].siret, str(row["status"]), t.orders, *amounts])
    return header, body


def _period_name(start, end) -> str:
    return f"paiements_{start or 'debut'}_{end or 'aujourdhui'}"


def reconciliation_csv(*, rows: list[dict], start, end) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_period_name(start, end)}.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 with its mark
    writer = csv.writer(response, delimiter=";")
    header, body = reconciliation_table(rows=rows)
    writer.writerow(header)
    for name, siret, status, orders, *amounts in body:
        writer.writerow(
            [escape_cell(name), siret, status, orders, *(number_format(a, 2) for a in amounts)]
        )
    return response


def reconciliation_xlsx(*, rows: list[dict], start, end) -> HttpResponse:
    """The same table as an Excel workbook, amounts as numbers in a euro format."""
    header, body = reconciliation_table(rows=rows)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Paiements"))
    sheet.append(header)
    for name, siret, status, orders, *amounts in body:
        # escape_cell: a shop name starting with "=" stays text, never a formula.
        sheet.append([escape_cell(name), siret, status, orders, *amounts])
    for cells in sheet.iter_rows(min_row=2, min_col=5):
        for cell in cells:
            cell.number_format = '#,##0.00 "€"'
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_period_name(start, end)}.xlsx"'
    return response


EXPORTS = {"csv": reconciliation_csv, "xlsx": reconciliation_xlsx}


class Dac7ReportView(View):
    """Staff only: the yearly seller report (DAC7) as CSV, ?annee=YYYY (this year by default)."""

    def get(self, request):
        if not user_is_council_staff(request.user):
            raise PermissionDenied
        raw = request.GET.get("annee") or str(date.today().year)
        if not raw.isdigit() or not 2000 <= int(raw) <= 2100:
            messages.error(request, _("Année invalide : indiquez-la sur quatre chiffres."))
            return redirect("merchant_payments")
        return dac7_csv(year=int(raw))


def dac7_csv(*, year: int) -> HttpResponse:
    quarters = payout_quarters_by_partner(year=year)
    shops = Merchant.objects.select_related("commune").order_by("name")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="dac7_vendeurs_{year}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    header = [_("Boutique"), _("Raison sociale"), _("SIREN"), _("SIRET"), _("Adresse")]
    for q in range(1, 5):
        header += [
            _("Ventes T%(q)s") % {"q": q},
            _("Montant T%(q)s") % {"q": q},
            _("Commission T%(q)s") % {"q": q},
        ]
    writer.writerow(header)
    for shop in shops:
        by_quarter = quarters.get(shop.partner_id)
        if not by_quarter:
            continue  # no sale this year: nothing to declare
        row = [
            escape_cell(shop.name),
            escape_cell(shop.legal_name),
            shop.siret[:9],
            shop.siret,
            escape_cell(f"{shop.address} {shop.commune.name if shop.commune else ''}".strip()),
        ]
        for q in range(1, 5):
            cell = by_quarter.get(q, {"count": 0, "amount": 0, "commission": 0})
            row += [
                cell["count"],
                number_format(cell["amount"], 2),
                number_format(cell["commission"], 2),
            ]
        writer.writerow(row)
    return response


class PayoutConnectView(View):
    """POST: send the merchant to Stripe's onboarding (a fresh Account Link)."""

    def post(self, request):
        return _to_onboarding(request, _own_shop(request))


class PayoutLinkRefreshView(View):
    """Stripe's refresh URL: the link expired or was used; make a new one."""

    def get(self, request):
        return _to_onboarding(request, _own_shop(request))


class PayoutReturnView(View):
    """Stripe's return URL: read the account as Stripe has it now, and say where it stands."""

    def get(self, request):
        merchant = _own_shop(request)
        account = payout_account_for_partner(partner=merchant.partner)
        try:
            account = payout_account_refresh(account=account)
        except stripe.StripeError:
            messages.warning(
                request, _("Stripe ne répond pas ; le statut sera mis à jour sous peu.")
            )
            return redirect("merchant_payments")
        messages.info(
            request,
            _("Compte de versement : %(status)s.") % {"status": account.get_status_display()},
        )
        return redirect("merchant_payments")


def _to_onboarding(request, merchant: Merchant):
    try:
        url = payout_account_onboarding_url(
            partner=merchant.partner,
            email=merchant.email,
            refresh_url=request.build_absolute_uri(reverse("merchant_payments_refresh")),
            return_url=request.build_absolute_uri(reverse("merchant_payments_return")),
        )
    except stripe.StripeError:
        messages.error(
            request, _("Stripe ne répond pas pour le moment ; réessayez dans un instant.")
        )
        return redirect("merchant_payments")
    return redirect(url)
