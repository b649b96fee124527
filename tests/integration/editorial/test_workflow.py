"""Editorial roles, the two-step moderation workflow, and scheduled publication."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow

from orne_site.editorial.models import CampaignPage
from orne_site.editorial.workflow import (
    APPROVAL_TASK,
    COMMS_LEAD,
    EDITORS,
    REVIEW_TASK,
    WORKFLOW_NAME,
    editorial_workflow_setup,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redac", "redac@orne.invalid", "x")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("relect", "relect@orne.invalid", "x")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def lead(django_user_model):
    user = django_user_model.objects.create_user("com", "com@orne.invalid", "x")
    user.groups.add(Group.objects.get(name=COMMS_LEAD))
    return user


def test_migration_assigns_the_two_step_workflow_to_the_home_page(home, campaign_index):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)

    assert [task.name for task in workflow.tasks] == [REVIEW_TASK, APPROVAL_TASK]
    assert home.get_workflow() == workflow
    assert campaign_index.get_workflow() == workflow  # inherited by the editorial tree


def test_setup_is_idempotent(home):
    call_command("setup_editorial_workflow", stdout=mock.MagicMock())
    editorial_workflow_setup()

    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert Workflow.objects.get(name=WORKFLOW_NAME).workflow_tasks.count() == 2
    assert Group.objects.filter(name__in=[EDITORS, COMMS_LEAD]).count() == 2


def test_editor_can_edit_but_not_publish_the_lead_can(home, editor, lead):
    assert home.permissions_for_user(editor).can_edit()
    assert not home.permissions_for_user(editor).can_publish()
    assert home.permissions_for_user(lead).can_publish()
    assert editor.has_perm("wagtailadmin.access_admin")
    assert lead.has_perm("editorial.change_sitesettings")
    assert not editor.has_perm("editorial.change_sitesettings")


def test_page_goes_live_after_review_then_approval(campaign_index, editor, reviewer, lead):
    page = CampaignPage(title="Les producteurs du Perche", slug="perche")
    campaign_index.add_child(instance=page)
    page.save_revision(user=editor)
    page.refresh_from_db()
    page.unpublish()  # add_child creates it live; an editor's new page starts as a draft

    state = page.get_workflow().start(page, editor)
    review = state.current_task_state
    assert review.task.name == REVIEW_TASK
    assert not review.task.specific.get_actions(page, lead)  # not the lead's step yet
    review.task.specific.on_action(review, reviewer, "approve")

    state.refresh_from_db()
    approval = state.current_task_state
    assert approval.task.name == APPROVAL_TASK
    assert not approval.task.specific.get_actions(page, reviewer)
    approval.task.specific.on_action(approval, lead, "approve")

    page.refresh_from_db()
    assert page.live


def test_scheduled_campaign_appears_at_its_time(client, campaign_index):
    go_live = timezone.now() + timedelta(hours=2)
    page = CampaignPage(title="Noël chez nos commerçants", slug="noel", live=False)
    campaign_index.add_child(instance=page)
    page.go_live_at = go_live
    page.save_revision().publish()
    page.refresh_from_db()

    call_command("publish_scheduled")
    assert not page.live
    assert "Noël chez nos commerçants" not in client.get(campaign_index.url).content.decode()

    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live
    assert "Noël chez nos commerçants" in client.get(campaign_index.url).content.decode()


def test_campaign_expires_at_its_time(client, campaign, campaign_index):
    expiry = timezone.now() + timedelta(days=1)
    page = campaign("Soldes d'hiver")
    page.expire_at = expiry
    page.save_revision().publish()

    with mock.patch("django.utils.timezone.now", return_value=expiry + timedelta(minutes=1)):
        call_command("publish_scheduled")

    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get(page.url).status_code == 404
