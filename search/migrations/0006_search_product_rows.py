"""The database backend's narrow product rows (search.database_rows), what its filters and
facets read.

The table starts empty: filling it needs the current indexing code, which a migration must
not import (a later migration would find that code ahead of its schema). On a database that
already holds products, `manage.py search_fill_rows` fills it (or `search_rebuild` of the
database backend); until then the database backend lists no article, and
`manage.py check --database default` says so (product_search.W002).
"""

import django.db.models.deletion
from django.db import migrations, models
from django.utils.translation import gettext as _


def tell_to_fill(apps, schema_editor):
    Product = apps.get_model("catalogue", "Product")
    if Product.objects.using(schema_editor.connection.alias).exists():
        message = _(
            "La recherche en base lit désormais ses filtres dans une nouvelle table : "
            "lancez « manage.py search_fill_rows » pour la remplir."
        )
        print(f"\n  {message}")


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0033_product_size_label"),
        ("product_search", "0005_postgresql_french"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchProductRow",
            fields=[
                (
                    "product",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="catalogue.product",
                    ),
                ),
                ("partner_id", models.PositiveBigIntegerField()),
                ("merchant_id", models.PositiveBigIntegerField()),
                ("commune_code", models.CharField(blank=True, max_length=10)),
                ("intercommunality_code", models.CharField(blank=True, max_length=20)),
                ("offers_delivery", models.BooleanField()),
                ("offers_click_collect", models.BooleanField()),
                ("price_cents", models.BigIntegerField(null=True)),
                ("in_stock", models.BooleanField()),
                ("category_id", models.PositiveBigIntegerField(null=True)),
                ("date_created", models.DateTimeField()),
                ("digest", models.CharField(max_length=64)),
            ],
            options={
                "verbose_name": "article indexé (filtres)",
                "verbose_name_plural": "articles indexés (filtres)",
                "indexes": [
                    models.Index(fields=["date_created", "product"], name="search_row_date"),
                    models.Index(fields=["price_cents", "product"], name="search_row_price"),
                    models.Index(fields=["commune_code"], name="search_row_commune"),
                    models.Index(fields=["merchant_id"], name="search_row_merchant"),
                    models.Index(fields=["category_id"], name="search_row_category"),
                ],
            },
        ),
        migrations.RunPython(tell_to_fill, migrations.RunPython.noop, elidable=True),
    ]
