from django.db import migrations

HOME_TITLE = "Accueil"


def create_homepage(apps, schema_editor):
    """Replace Wagtail's default "Welcome" page with our HomePage and add the English locale."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("editorial.HomePage")

    french, _ = Locale.objects.get_or_create(language_code="fr")
    Locale.objects.get_or_create(language_code="en")

    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    # Deleting the page also deletes the default Site that points at it.
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()

    homepage_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="editorial")
    homepage = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="accueil",
        content_type=homepage_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/accueil/",
        locale=french,
        hero_title="Achetez local, dans toute l'Orne",
        hero_text=(
            "Les commerçants, producteurs et artisans de l'Orne vendent en ligne : "
            "livraison à domicile ou retrait en boutique."
        ),
    )
    Site.objects.create(
        hostname="localhost", port=80, root_page=homepage, is_default_site=True,
        site_name="Marché de l'Orne",
    )


def remove_homepage(apps, schema_editor):
    HomePage = apps.get_model("editorial.HomePage")
    HomePage.objects.filter(slug="accueil", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
