from django.db import migrations

STAFF_GROUP = "Agents du Département · commerçants"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("merchants", "manage_merchants"),
    ("merchants", "view_merchant"),
    ("merchants", "add_merchant"),
    ("merchants", "change_merchant"),
    ("merchants", "view_merchantapplication"),
    ("merchants", "change_merchantapplication"),
    ("order", "view_order"),
]


def create_staff_group(apps, schema_editor):
    """The group council staff join to approve and manage shops."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    # Permissions are normally created after all migrations; make sure ours exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("merchants", "0004_applications_and_shop_pages"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("order", "0021_billingaddress_code_shippingaddress_code"),
    ]

    operations = [migrations.RunPython(create_staff_group, migrations.RunPython.noop)]
