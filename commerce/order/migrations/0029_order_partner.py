import django.db.models.deletion
from django.db import migrations, models


def order_partner_backfill(apps, schema_editor):
    """Each existing order gets the partner of its first line that has one, in one UPDATE.

    An order's lines all belong to its shop (placement makes one order per shop), so the
    first line is enough. UPDATE ... FROM a grouped subquery runs once over the lines on
    PostgreSQL and SQLite (3.33 or later), where a correlated subquery per order would not.
    """
    Order = apps.get_model("order", "Order")
    Line = apps.get_model("order", "Line")
    quote = schema_editor.quote_name
    orders, lines = quote(Order._meta.db_table), quote(Line._meta.db_table)
    schema_editor.execute(
        f"UPDATE {orders} SET partner_id = first_line.partner_id"
        f" FROM (SELECT line.order_id, line.partner_id FROM {lines} AS line"
        f" JOIN (SELECT order_id, MIN(id) AS id FROM {lines}"
        f" WHERE partner_id IS NOT NULL GROUP BY order_id) AS firsts ON firsts.id = line.id)"
        f" AS first_line WHERE first_line.order_id = {orders}.id"
        f" AND {orders}.partner_id IS NULL"
    )


class Migration(migrations.Migration):

    dependencies = [
        ("order", "0028_linereduction"),
        ("partner", "0008_stockrecord_price_incl_tax_stockrecord_vat_rate"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="partner",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="orders",
                to="partner.partner",
                verbose_name="boutique",
            ),
        ),
        migrations.RunPython(order_partner_backfill, migrations.RunPython.noop, elidable=True),
    ]
