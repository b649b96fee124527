"""Staff-assisted onboarding from a shell. Stable interface: keep the name and options."""

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from merchants import conf
from merchants.models import Commune, MerchantCategory, SalesMode
from merchants.services.onboarding import OnboardingError, ShopDetails, merchant_onboard


class Command(BaseCommand):
    help = "Crée une boutique (compte, partenaire, page) pour un commerçant, sans demande."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Nom de la boutique.")
        parser.add_argument("--commune", required=True, help="Code INSEE de la commune (61…).")
        parser.add_argument("--email", required=True, help="E-mail du commerçant (identifiant).")
        parser.add_argument("--password", help="Mot de passe ; sinon un lien est envoyé.")
        parser.add_argument(
            "--category", default=MerchantCategory.ALIMENTATION, choices=MerchantCategory.values
        )
        parser.add_argument("--sales-mode", default=SalesMode.BOTH, choices=SalesMode.values)
        parser.add_argument("--draft", action="store_true", help="Page boutique en brouillon.")

    def handle(self, *args, name, commune, email, password, category, sales_mode, draft, **kw):
        try:
            commune_obj = Commune.objects.get(insee_code=commune)
        except Commune.DoesNotExist:
            raise CommandError(
                f"Commune inconnue : {commune} (code INSEE d'une commune de l'Orne attendu)."
            ) from None
        try:
            merchant = merchant_onboard(
                details=ShopDetails(
                    name=name,
                    commune=commune_obj,
                    email=email,
                    category=category,
                    sales_mode=sales_mode,
                ),
                publish_page=not draft,
                password=password,
            )
        except OnboardingError as error:
            raise CommandError(str(error)) from None
        base = conf.site_base_url()
        self.stdout.write(merchant.slug)
        self.stdout.write(f"{base}{reverse('wagtailadmin_home')}")
