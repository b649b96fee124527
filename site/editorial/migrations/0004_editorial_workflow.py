from django.db import migrations


def setup(apps, schema_editor):
    # The same idempotent service as `manage.py setup_editorial_workflow`, on historical models.
    from orne_site.editorial.workflow import editorial_workflow_setup

    editorial_workflow_setup(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_campaigns_news_standard_settings"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
