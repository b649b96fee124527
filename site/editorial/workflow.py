"""The council's editorial roles and their two-step moderation workflow.

Steps of ``editorial_workflow_setup`` (idempotent; run by a data migration, by
``manage.py setup_editorial_workflow`` and by ``seed_demo``):
1. groups "Rédacteurs" (write, submit) and "Responsable communication" (write, publish);
2. their page permissions on every language's home page (so on the whole editorial tree),
   the right to use the image and document libraries, and (lead only) the site settings;
3. the workflow "Relecture éditoriale": review by an editor, then approval by the
   communications lead, assigned to every home page.

It takes an ``apps`` registry so the migration can pass its historical models.
"""

from django.apps import apps as django_apps

EDITORS = "Rédacteurs"
COMMS_LEAD = "Responsable communication"
WORKFLOW_NAME = "Relecture éditoriale"
REVIEW_TASK = "Relecture par la rédaction"
APPROVAL_TASK = "Validation par la responsable communication"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
LEAD_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def _permission(apps, app_label: str, model: str, codename: str):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    # Django creates permissions after migrating; a fresh database may not have them yet.
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    return permission


def _group(apps, name: str, page_codenames: list[str], homes) -> object:
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(_permission(apps, "wagtailadmin", "admin", "access_admin"))
    for home in homes:
        for codename in page_codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page_id=home.pk,
                permission=_permission(apps, "wagtailcore", "page", codename),
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, codenames in MEDIA_PERMISSIONS.items():
            model = "image" if app_label == "wagtailimages" else "document"
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app_label, model, codename),
                )
    return group


def _approval_task(apps, name: str, group):
    ContentType = apps.get_model("contenttypes.ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=name, content_type=content_type, active=True)
    task.groups.set([group])
    return task


def editorial_workflow_setup(*, apps=django_apps):
    HomePage = apps.get_model("editorial.HomePage")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")

    homes = list(HomePage.objects.all())
    editors = _group(apps, EDITORS, EDITOR_PAGE_PERMISSIONS, homes)
    lead = _group(apps, COMMS_LEAD, LEAD_PAGE_PERMISSIONS, homes)
    # The footer's links and contact are the communications lead's to keep up to date.
    lead.permissions.add(_permission(apps, "editorial", "sitesettings", "change_sitesettings"))

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for order, task in enumerate(
        [_approval_task(apps, REVIEW_TASK, editors), _approval_task(apps, APPROVAL_TASK, lead)]
    ):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": order}
        )
    for home in homes:
        WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})
    return workflow
