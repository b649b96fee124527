"""'Tâches' in Wagtail's admin, for council staff: the queue's counts and its failed tasks.

A failed task can be run again ("Relancer"): the same call is enqueued once more, whatever
its number of attempts (staff decide; automatic retries stop at TASK_MAX_ATTEMPTS).
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django_tasks_db.models import DBTaskResult

from merchants.scoping import user_is_council_staff
from orne_site.operations.selectors import task_counts_by_status, tasks_failed
from orne_site.operations.tasks import task_enqueue_again

TEMPLATE = "operations/admin/tasks.html"


class StaffOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not user_is_council_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TaskStatusView(StaffOnlyMixin, View):
    def get(self, request):
        return render(
            request,
            TEMPLATE,
            {
                "page_title": _("Tâches en arrière-plan"),
                "counts": task_counts_by_status(),
                "failed": tasks_failed(),
            },
        )


class TaskRetryView(StaffOnlyMixin, View):
    def post(self, request, task_id):
        result = get_object_or_404(DBTaskResult.objects.failed(), pk=task_id)
        task_enqueue_again(db_result=result, delay=timedelta(0))
        messages.success(
            request, _("La tâche « %(name)s » est relancée.") % {"name": result.task_name}
        )
        return redirect("operations_tasks")
