"""Settings shared by every environment; values that vary come from environment variables."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's OSCAR_* defaults, overridden below)

from .env import env_bool, env_float, env_int, env_list, env_str, search_backends_from_url

# site/settings/base.py -> repository root
BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
# Runtime files (SQLite database, media, search engine data) live here, ignored by git.
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_str("SECRET_KEY", "insecure-dev-key-never-use-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first so their templates, static files and commands win.
    "orne_site.editorial",
    "orne_site.demo",
    "search.apps.ProductSearchConfig",
    "merchants",
    # Wagtail. wagtail_localize.locales replaces wagtail.locales (same label, install one).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    # Listed before haystack: Django resolves a command name to the first app that has it,
    # and Wagtail's `update_index` must win over haystack's.
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    # django-oscar; forked apps live in commerce/ under Oscar's own labels.
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "oscar.apps.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "oscar.apps.shipping.apps.ShippingConfig",
    "commerce.catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "commerce.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "commerce.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "commerce.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    # Oscar owns the label `search`; ours is `product_search` (search/apps.py).
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "orne_site.middleware.OscarDashboardForSuperusersMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "orne_site.urls"
WSGI_APPLICATION = "orne_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # templates/ first: it holds our pages and our overrides of Oscar and Wagtail templates.
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "orne_site.context_processors.site_context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite waits for a lock instead of failing at once (runserver threads, seed_demo).
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/boutique/accounts/login/"

# Internationalisation: French first, English second (wagtail-localize translates pages).
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# The theme lives in site/static; `orne_site` itself is not an app (its sub-apps are).
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SITE_ID = 1
SITE_NAME = env_str("SITE_NAME", "Marché de l'Orne")

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Marché de l'Orne <ne-pas-repondre@localhost>")

# Marketplace
# With moderation on, merchants submit their shop page for the council's approval.
MERCHANT_PAGES_MODERATED = env_bool("MERCHANT_PAGES_MODERATED", False)
MERCHANT_SIGNUPS_PER_HOUR = env_int("MERCHANT_SIGNUPS_PER_HOUR", 5)
# Only behind a reverse proxy that sets X-Forwarded-For (the sign-up rate limit reads it).
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)

# Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Every Wagtail image upload is checked and stripped like a product photo.
WAGTAILIMAGES_IMAGE_FORM_BASE = "merchants.image_forms.CheckedImageForm"
WAGTAILSEARCH_BACKENDS = search_backends_from_url(
    env_str("SEARCH_URL"), index_prefix=env_str("SEARCH_INDEX_PREFIX", "orne_")
)
# A shopper's query waits this long for the engine before the database answers instead.
PRODUCT_SEARCH_QUERY_TIMEOUT = env_float("SEARCH_QUERY_TIMEOUT", 1.0)
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR = None

# django-oscar
OSCAR_SHOP_NAME = SITE_NAME
OSCAR_SHOP_TAGLINE = _("Les commerces de l'Orne, en ligne")
OSCAR_DEFAULT_CURRENCY = "EUR"
OSCAR_HOMEPAGE = "/"
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_THUMBNAILER = "oscar.core.thumbnails.SorlThumbnail"
OSCAR_ALLOW_ANON_CHECKOUT = True
THUMBNAIL_KEY_PREFIX = "orne-thumbnails"
# Haystack is only kept because Oscar's search app imports it; it cannot talk to
# Elasticsearch 9 or OpenSearch. The simple backend queries the database and never crashes;
# product search is rebuilt on Wagtail's search framework in search/.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
# Oscar turns on haystack's realtime indexing; the simple backend has no index to update.
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "orne-marketplace",
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # haystack warns about facets on every query with its simple backend.
        "haystack": {"level": "ERROR"},
        # The engine clients log every request at INFO; failures still come through.
        "opensearch": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
        # Wagtail's background tasks (immediate backend) log every run at INFO.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # Wagtail logs every page creation and publication at INFO (seed_demo makes hundreds).
        "wagtail": {"level": "WARNING"},
    },
}

# Orders: one per merchant (commerce.order). Statuses are French words a merchant reads in
# its back office; the pipeline says which change is allowed from each status.
OSCAR_INITIAL_ORDER_STATUS = "Reçue"
OSCAR_INITIAL_LINE_STATUS = "Reçue"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Reçue": ("En préparation", "Annulée"),
    "En préparation": ("Prête à retirer", "Expédiée", "Annulée"),
    "Prête à retirer": ("Retirée", "Annulée"),
    "Expédiée": ("Livrée",),
    "Retirée": (),
    "Livrée": (),
    "Annulée": (),
}

# Stripe: real keys in production; `make run` and the tests point STRIPE_API_BASE and
# STRIPE_JS_URL at a local localstripe server instead.
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = env_str("STRIPE_API_BASE", "")
STRIPE_JS_URL = env_str("STRIPE_JS_URL", "https://js.stripe.com/v3/")
# Called with checkout_id= after a checkout's orders are placed (and committed).
CHECKOUT_ORDERS_PLACED_HANDLERS = ["merchants.checkout.notifications.checkout_orders_placed_notify"]
