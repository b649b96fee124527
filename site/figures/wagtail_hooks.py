"""Registers the council dashboard ("Chiffres") in Wagtail admin, for council staff only."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from merchants.staff import user_is_council_staff
from orne_site.figures.admin_views import FiguresDashboardView


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return user_is_council_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_figures_menu_item():
    return StaffMenuItem(
        _("Chiffres"), reverse_lazy("figures_dashboard"), icon_name="table", order=240
    )


@hooks.register("register_admin_urls")
def register_figures_urls():
    return [path("chiffres/", FiguresDashboardView.as_view(), name="figures_dashboard")]
