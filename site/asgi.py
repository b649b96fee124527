"""ASGI entry point (production default settings)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orne_site.settings.production")

application = get_asgi_application()
