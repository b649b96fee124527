"""Registers the task queue's page ('Tâches') in Wagtail's admin, for council staff."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from merchants.scoping import user_is_council_staff
from orne_site.operations.admin_views import TaskRetryView, TaskStatusView


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return user_is_council_staff(request.user)


@hooks.register("register_settings_menu_item")
def register_tasks_menu_item():
    return StaffMenuItem(_("Tâches"), reverse_lazy("operations_tasks"), icon_name="cogs", order=900)


@hooks.register("register_admin_urls")
def register_tasks_urls():
    return [
        path("taches/", TaskStatusView.as_view(), name="operations_tasks"),
        path(
            "taches/<uuid:task_id>/relancer/", TaskRetryView.as_view(), name="operations_task_retry"
        ),
    ]
