"""The 'Tâches' page of Wagtail's admin: counts, failed tasks, and running one again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db
URL = "/admin/taches/"


@pytest.fixture
def failed_task(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from orne_site.operations.tasks import periodic_command_run

    for _ in range(2):
        result = periodic_command_run.enqueue(name="not_a_job")
        DBTaskResult.objects.filter(pk=result.id).update(
            status=TaskResultStatus.FAILED,
            started_at=timezone.now(),
            finished_at=datetime(2026, 12, 1, 13, 5, tzinfo=UTC),
            exception_class_path="builtins.ValueError",
            traceback="Traceback…\nValueError: 'not_a_job' is not a periodic job",
        )
    return DBTaskResult.objects.failed().first()


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("agent", "agent@orne.invalid", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="Agents du Département · commerçants"))
    client.force_login(user)
    return client


def test_staff_see_counts_and_failed_tasks_in_french(staff_client, failed_task):
    page = staff_client.get(URL).content.decode()

    assert "Tâches en échec" in page
    assert "periodic_command_run · not_a_job" in page  # which scheduled job failed
    assert "ValueError: &#x27;not_a_job&#x27; is not a periodic job" in page
    assert "1er décembre 2026 à 14h05" in page  # Paris time
    assert "En échec" in page and "Relancer" in page
    for english in ("Ready", "Failed", "None", "True"):
        assert english not in page


def test_relancer_enqueues_the_same_call_again(staff_client, failed_task):
    response = staff_client.post(reverse("operations_task_retry", args=[failed_task.pk]))

    assert response.status_code == 302
    again = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert again.args_kwargs == failed_task.args_kwargs
    assert "relancée" in staff_client.get(URL).content.decode()


def test_a_merchant_cannot_see_the_tasks(client, django_user_model, failed_task):
    user = django_user_model.objects.create_user("fromager", "f@orne.invalid", "x", is_staff=True)
    client.force_login(user)

    assert client.get(URL).status_code in (302, 403)
    assert client.post(reverse("operations_task_retry", args=[failed_task.pk])).status_code in (
        302,
        403,
    )
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
