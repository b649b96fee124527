"""The basket page, grouped by shop (replaces Oscar's basket summary at the same URL).

Oscar's page prices every line through the strategy (a query per line) and knows nothing
of shops; this one reads the selector (constant queries) and shows each shop's subtotal.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from checkout.selectors import basket_groups_by_merchant, basket_lines_not_for_sale
from checkout.services import basket_line_set_quantity


def basket_page(request: HttpRequest) -> HttpResponse:
    for title in basket_lines_not_for_sale(basket=request.basket):
        messages.warning(
            request,
            _("« %(title)s » n'est plus en vente : il ne fera pas partie de votre commande.")
            % {"title": title},
        )
    groups = basket_groups_by_merchant(basket=request.basket)
    total = sum((group.subtotal_incl_tax for group in groups), 0)
    return render(
        request,
        "checkout/basket.html",
        {
            "groups": groups,
            "total": total,
            "has_short_lines": any(line.is_short for g in groups for line in g.lines),
        },
    )


@require_POST
def basket_line_update(request: HttpRequest, line_id: int) -> HttpResponse:
    basket = request.basket
    line = (
        None
        if basket.id is None
        else basket.lines.select_related("product").filter(pk=line_id).first()
    )
    if line is None:
        return redirect("basket:summary")
    try:
        wanted = int(request.POST.get("quantity", "0"))
    except ValueError:
        wanted = 0
    if request.POST.get("remove"):
        wanted = 0
    kept = basket_line_set_quantity(basket=basket, line_id=line_id, quantity=wanted)
    title = line.product.get_title()
    if kept == 0:
        messages.info(request, _("« %(title)s » a été retiré de votre panier.") % {"title": title})
    elif kept < wanted:
        messages.warning(
            request,
            _("« %(title)s » : il n'en reste que %(count)s, quantité ajustée.")
            % {"title": title, "count": kept},
        )
    return redirect("basket:summary")
