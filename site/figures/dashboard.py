"""The council dashboard's tables, built from the selectors: what the page shows and exports.

Each table has a slug (its export's file name), French column titles and raw values (ints,
Decimals, text): the page formats them French style, the CSV and XLSX keep them as numbers.
`dashboard_tables` runs a fixed set of queries, one per selector.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from merchants.templatetags.back_office import day_text
from orne_site.figures import selectors
from orne_site.figures.selectors import Group, OrderFigures, Period

TEXT, COUNT, MONEY = "text", "count", "money"


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = COUNT


@dataclass
class Table:
    slug: str
    title: str
    columns: list[Column]
    rows: list[list]
    # Which column the bars draw (its values' share of the largest one).
    chart_column: int = 1
    total: list | None = None

    @property
    def chart_title(self) -> str:
        return self.columns[self.chart_column].title

    def bars(self) -> list[int]:
        values = [row[self.chart_column] or 0 for row in self.rows]
        top = max(values, default=0)
        return [round(100 * value / top) if top else 0 for value in values]

    @property
    def rows_with_bars(self) -> list[tuple[list, int]]:
        return list(zip(self.rows, self.bars(), strict=True))


def _order_columns(first: str) -> list[Column]:
    return [
        Column(first, TEXT),
        Column(_("Commandes")),
        Column(_("Ventes TTC"), MONEY),
        Column(_("Panier moyen"), MONEY),
        Column(_("Commandes annulées")),
        Column(_("Montant annulé"), MONEY),
        Column(_("Remboursé"), MONEY),
    ]


def _order_row(label: str, figures: OrderFigures) -> list:
    return [
        label,
        figures.orders,
        figures.sales,
        figures.average_basket,
        figures.cancelled_orders,
        figures.cancelled_amount,
        figures.refunded,
    ]


def _order_table(slug: str, title: str, first: str, groups: list[Group], *, total=True) -> Table:
    table = Table(
        slug=slug,
        title=title,
        columns=_order_columns(first),
        rows=[_order_row(group.label, group.figures) for group in groups],
        chart_column=2,
    )
    if total:
        overall = OrderFigures()
        for group in groups:
            overall.add(group.figures)
        table.total = _order_row(_("Total"), overall)
    return table


def _count_table(slug: str, title: str, first: str, groups: list[Group]) -> Table:
    return Table(
        slug=slug,
        title=title,
        columns=[Column(first, TEXT), Column(_("Boutiques"))],
        rows=[[group.label, group.count] for group in groups],
        total=[_("Total"), sum(group.count for group in groups)],
    )


def step_label(*, day: date, step: str) -> str:
    if step == "month":
        return date_format(day, "F Y").capitalize()
    return _("Semaine du %(day)s") % {"day": day_text(day)}


@dataclass
class Dashboard:
    period: Period
    summary: list[tuple[str, object, str]]
    tables: list[Table]

    def table(self, slug: str) -> Table | None:
        return next((table for table in self.tables if table.slug == slug), None)


def dashboard_build(*, period: Period) -> Dashboard:
    no_epci = _("Sans intercommunalité")
    shops = selectors.shop_counts(no_intercommunality=no_epci)
    articles = selectors.articles_online_count()
    by_step = selectors.orders_by_step(period)
    for group in by_step:
        group.label = step_label(day=date.fromisoformat(group.key), step=period.step)
    step_word = _("Mois") if period.step == "month" else _("Semaine")
    orders = _order_table(
        "commandes-par-periode", _("Commandes et ventes par période"), step_word, by_step
    )
    applications = selectors.application_counts(period)
    outside = selectors.refunds_outside_orders(period)
    modes = selectors.orders_by_fulfilment(period)
    tables = [
        orders,
        _order_table(
            "commandes-par-commune",
            _("Par commune de la boutique"),
            _("Commune"),
            selectors.orders_by_commune(period, empty=_("Commune inconnue")),
        ),
        _order_table(
            "commandes-par-intercommunalite",
            _("Par intercommunalité"),
            _("Intercommunalité"),
            selectors.orders_by_intercommunality(period, empty=no_epci),
        ),
        _order_table(
            "commandes-par-boutique",
            _("Par boutique"),
            _("Boutique"),
            selectors.orders_by_shop(period),
        ),
        _order_table(
            "modes-de-remise",
            _("Livraison et retrait en boutique"),
            _("Mode de remise"),
            modes,
        ),
        Table(
            slug="boutiques-par-statut",
            title=_("Boutiques par statut"),
            columns=[Column(_("Statut"), TEXT), Column(_("Boutiques"))],
            rows=[
                [_("Actives"), shops.by_status.get(True, 0)],
                [_("Suspendues"), shops.by_status.get(False, 0)],
            ],
            total=[_("Total"), shops.total],
        ),
        _count_table(
            "boutiques-par-commune", _("Boutiques par commune"), _("Commune"), shops.by_commune
        ),
        _count_table(
            "boutiques-par-intercommunalite",
            _("Boutiques par intercommunalité"),
            _("Intercommunalité"),
            shops.by_intercommunality,
        ),
        _count_table(
            "boutiques-par-categorie",
            _("Boutiques par catégorie"),
            _("Catégorie"),
            shops.by_category,
        ),
        Table(
            slug="candidatures",
            title=_("Candidatures des commerçants"),
            columns=[Column(_("Candidatures"), TEXT), Column(_("Nombre"))],
            rows=[
                [_("En attente (toutes dates)"), applications.pending],
                [_("Acceptées sur la période"), applications.approved],
                [_("Refusées sur la période"), applications.rejected],
            ],
        ),
    ]
    total = orders.total
    summary = [
        (_("Boutiques actives"), shops.by_status.get(True, 0), COUNT),
        (_("Articles en ligne"), articles, COUNT),
        (_("Commandes"), total[1], COUNT),
        (_("Ventes TTC"), total[2], MONEY),
        (_("Panier moyen"), total[3], MONEY),
        (_("Montant annulé"), total[5], MONEY),
        (_("Remboursé sur des commandes"), total[6], MONEY),
        (_("Remboursé hors commande (articles manquants…)"), outside, MONEY),
        (_("Candidatures en attente"), applications.pending, COUNT),
    ]
    return Dashboard(period=period, summary=summary, tables=tables)
