"""Council staff suspend or reactivate a shop, from the shop's page in the back office."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin.widgets import HeaderButton

from merchants.admin_views.scoped import ScopedEditView
from merchants.models import Merchant
from merchants.scoping import user_is_council_staff
from merchants.services.suspension import merchant_set_active

TEMPLATE = "merchants/admin/shop_suspend.html"


class ShopSuspendView(View):
    """GET: what suspending (or reactivating) means; POST: do it."""

    def dispatch(self, request, *args, **kwargs):
        if not user_is_council_staff(request.user):
            raise PermissionDenied
        self.merchant = get_object_or_404(Merchant, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        title = (
            _("Suspendre la boutique %(name)s")
            if self.merchant.is_active
            else _("Réactiver la boutique %(name)s")
        ) % {"name": self.merchant.name}
        return render(
            request,
            TEMPLATE,
            {
                "merchant": self.merchant,
                "page_title": title,
                "shop_url": reverse("merchants_shops:edit", args=[self.merchant.pk]),
            },
        )

    def post(self, request, pk):
        active = not self.merchant.is_active
        merchant_set_active(merchant_id=self.merchant.pk, active=active, by=request.user)
        message = (
            _("Boutique « %(name)s » réactivée : ses articles sont de nouveau en vente.")
            if active
            else _("Boutique « %(name)s » suspendue : plus rien n'est en vente.")
        )
        messages.success(request, message % {"name": self.merchant.name})
        return redirect("merchants_shops:edit", self.merchant.pk)


class ShopEditView(ScopedEditView):
    """The shop's settings; staff also get the suspend / reactivate button."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if user_is_council_staff(self.request.user):
            label = _("Suspendre la boutique") if self.object.is_active else _("Réactiver")
            buttons.append(
                HeaderButton(
                    label,
                    url=reverse("merchants_shops:suspend", args=[self.object.pk]),
                    icon_name="warning" if self.object.is_active else "tick",
                )
            )
        return buttons
