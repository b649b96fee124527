"""The council dashboard in Wagtail admin ("Chiffres"): staff only, a period, tables, exports."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from merchants.admin_views.payments import PeriodForm
from merchants.staff import user_is_council_staff
from orne_site.figures.dashboard import dashboard_build
from orne_site.figures.export import table_csv, table_xlsx
from orne_site.figures.selectors import Period, period_default

TEMPLATE = "figures/admin/dashboard.html"
EXPORTS = {"csv": table_csv, "xlsx": table_xlsx}


class FiguresPeriodForm(PeriodForm):
    """The payments' period (from, to, checked) and whether to count by month or by week."""

    pas = forms.ChoiceField(
        label=gettext_lazy("Par"),
        choices=[("month", gettext_lazy("mois")), ("week", gettext_lazy("semaine"))],
        required=False,
    )

    def period(self) -> Period:
        """The period asked for; the default one (last twelve months) for what is missing."""
        default = period_default()
        data = self.cleaned_data if self.is_valid() else {}
        return Period(
            start=data.get("du") or default.start,
            end=data.get("au") or default.end,
            step=data.get("pas") or default.step,
        )


class FiguresDashboardView(View):
    def get(self, request) -> HttpResponse:
        if not user_is_council_staff(request.user):
            raise PermissionDenied
        form = FiguresPeriodForm(request.GET or None)
        period = form.period()
        dashboard = dashboard_build(period=period)
        fmt = request.GET.get("format")
        if fmt:
            table = dashboard.table(request.GET.get("tableau", ""))
            if fmt not in EXPORTS or table is None:
                raise Http404
            return EXPORTS[fmt](table=table, period=period)
        return render(
            request,
            TEMPLATE,
            {
                "page_title": _("Chiffres de la place de marché"),
                "form": form,
                "dashboard": dashboard,
                "export_query": urlencode(
                    {"du": period.start, "au": period.end, "pas": period.step}
                ),
            },
        )
