from django.db import migrations

from merchants.communes import communes_sync_from_file


def load_communes(apps, schema_editor):
    communes_sync_from_file(
        commune_model=apps.get_model("merchants", "Commune"),
        intercommunality_model=apps.get_model("merchants", "Intercommunality"),
    )


class Migration(migrations.Migration):
    dependencies = [("merchants", "0001_initial")]

    operations = [migrations.RunPython(load_communes, migrations.RunPython.noop)]
