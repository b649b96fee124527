"""`import_previews_purge [--hours 24]`: delete the files of import previews never confirmed.

Run it daily (cron or a timer) beside `publish_scheduled`.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from merchants.catalogue_io.uploads import import_uploads_purge


class Command(BaseCommand):
    help = _("Supprime les fichiers des aperçus d'import abandonnés (plus de 24 h par défaut).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours", type=int, default=24, help=_("Âge minimal des aperçus supprimés, en heures.")
        )

    def handle(self, *args, hours, **options):
        purged = import_uploads_purge(older_than=timedelta(hours=hours))
        self.stdout.write(_("%(count)d aperçus d'import supprimés.") % {"count": purged})
