"""Settings shared by every environment; values that vary come from environment variables."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's OSCAR_* defaults, overridden below)

from commerce.order.statuses import INITIAL_ORDER_STATUS, ORDER_STATUS_PIPELINE
from commerce.prices import FRENCH_PRICE_PATTERN, CurrencyFormatByLanguage

from .env import (
    cache_from_url,
    env_bool,
    env_float,
    env_int,
    env_list,
    env_str,
    frontend_cache_from_url,
    media_storage_from_url,
    search_backends_from_url,
    tasks_from_env,
)

# Oscar's dashboard is not installed (commerce.shop.Shop): its settings go with it.
del OSCAR_DASHBOARD_NAVIGATION  # noqa: F821
del OSCAR_DASHBOARD_DEFAULT_ACCESS_FUNCTION  # noqa: F821
del OSCAR_DASHBOARD_ITEMS_PER_PAGE  # noqa: F821

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
    "orne_site.privacy",
    "orne_site.operations",
    "orne_site.pagecache",
    "orne_site.opendata",
    "orne_site.figures",
    "orne_site.api",
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
    # django-oscar; forked apps live in commerce/ under Oscar's own labels. Oscar's
    # dashboard apps are not installed (commerce/shop.py says why); the apps with models
    # stay, reviews, wishlists, offers and vouchers included: their tables and foreign keys
    # are part of Oscar's schema (order discounts, basket vouchers), even unused.
    "commerce.shop.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    # The marketplace checkout takes the label of Oscar's (checkout/apps.py says why).
    "checkout.apps.CheckoutConfig",
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
    "commerce.shop.DashboardLabel",
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    # {% load csp %} and its nonce'd {% script %} tag.
    "csp",
    # Locks an account or an address out after repeated wrong passwords, on every login.
    "axes",
    # The task queue in the database (TASK_BACKEND=database), run by `manage.py db_worker`.
    "django_tasks_db",
    # The public API v1 (orne_site.api): DRF, its OpenAPI description, CORS.
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
]

# Order: the two policy headers come right after SecurityMiddleware so that every response,
# redirects and errors from the middleware below included, carries them; the CSP middleware
# must also run before any template reads ``request.csp_nonce`` (it creates the nonce).
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "orne_site.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Keeps what the sitewide memo answers for the request (orne_site.editorial.sitewide).
    "orne_site.editorial.middleware.SitewideMemoMiddleware",
    # Keeps anonymous pages; placed here to see the cookies set below (orne_site.pagecache).
    "orne_site.pagecache.middleware.PageCacheStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before CommonMiddleware, as django-cors-headers asks; it only acts on CORS_URLS_REGEX.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "merchants.middleware.MerchantAdminScopeMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
    # After everything else: a kept page goes out through all the middleware above.
    "orne_site.pagecache.middleware.PageCacheFetchMiddleware",
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
    # First: refuses every login attempt (even the right password) while locked out.
    "axes.backends.AxesStandaloneBackend",
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
# Django's default (/accounts/profile/) does not exist here; shoppers go back to the home page.
LOGIN_REDIRECT_URL = "/"

# Brute-force protection (django-axes) on the Wagtail admin, shopper and Django admin logins:
# after LOGIN_FAILURE_LIMIT wrong passwords, that account and that client address are each
# refused, right password included, for LOGIN_COOLOFF_MINUTES (every new try restarts it).
# Staff unlock in Django admin (/django-admin/axes/accessattempt/: delete the attempts) or
# with `manage.py axes_reset` (everything), `axes_reset_username <e-mail>`, `axes_reset_ip <ip>`.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# The same client address as the sign-up rate limit (X-Forwarded-For only behind our proxy).
AXES_CLIENT_IP_CALLABLE = "merchants.views.client_ip"
# "Marie@Example.org" and "marie@example.org" are one account (logins are e-mails).
AXES_USERNAME_CALLABLE = "merchants.views.login_username"
# E-mail addresses are changed from the account page only after the new one confirms
# (merchants.admin_views.account); Wagtail's own, unverified e-mail field is turned off.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
EMAIL_CHANGE_LINK_MAX_AGE = timedelta(days=2)

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
    # Local disk, or an S3-compatible bucket with MEDIA_STORAGE_URL=s3://bucket?endpoint_url=...
    "default": media_storage_from_url(env_str("MEDIA_STORAGE_URL")),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SITE_ID = 1
SITE_NAME = env_str("SITE_NAME", "Marché de l'Orne")

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Marché de l'Orne <ne-pas-repondre@localhost>")
# Council staff told about money that needs a human (automatic refunds, disputes): comma-separated.
MANAGERS = [(address, address) for address in env_list("MANAGERS")]

# Marketplace
# With moderation on, merchants submit their shop page for the council's approval.
MERCHANT_PAGES_MODERATED = env_bool("MERCHANT_PAGES_MODERATED", False)
MERCHANT_SIGNUPS_PER_HOUR = env_int("MERCHANT_SIGNUPS_PER_HOUR", 5)
# Only behind a reverse proxy that sets X-Forwarded-For (the sign-up rate limit reads it).
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)
# Personal data (orne_site.privacy): the data protection officer's address, shown to shoppers.
PRIVACY_DPO_EMAIL = env_str("PRIVACY_DPO_EMAIL", "dpo@orne.invalid")

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
# One price format per language through Oscar's `currency` filter (commerce/prices.py):
# "6,10\u202f€" in French, Babel's "€6.10" in English.
OSCAR_CURRENCY_FORMAT = CurrencyFormatByLanguage({"fr": {"format": FRENCH_PRICE_PATTERN}})
OSCAR_HOMEPAGE = "/"
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_THUMBNAILER = "oscar.core.thumbnails.SorlThumbnail"
OSCAR_ALLOW_ANON_CHECKOUT = True
# Where the terms of sale accepted at checkout are read (a legal page of the site).
CHECKOUT_TERMS_OF_SALE_URL = "/cgu-cgv/"
# Reviews and stock alerts would collect names and e-mail addresses with neither moderation
# nor a rate limit, and wishlists need an account no shopper has: all three are off (their
# URLs answer 404, see orne_site.privacy.urls; the product page shows none of them).
OSCAR_MODERATE_REVIEWS = True
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_HIDDEN_FEATURES = ["reviews", "wishlists"]
# With stock alerts off, Oscar's receiver would still look for alerts (two queries and a log
# line) at every stock record save: each sale, import and edit.
OSCAR_EAGER_ALERTS = False
THUMBNAIL_KEY_PREFIX = "orne-thumbnails"
# A product photo whose file is gone renders as no photo (and a warning), never a 500.
THUMBNAIL_BACKEND = "commerce.thumbnails.MissingPhotoTolerantBackend"
# Haystack is only kept because Oscar's search app imports it; it cannot talk to
# Elasticsearch 9 or OpenSearch. The simple backend queries the database and never crashes;
# product search is rebuilt on Wagtail's search framework in search/.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
# Oscar turns on haystack's realtime indexing; the simple backend has no index to update.
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# One cache shared by every app process with REDIS_URL (redis://host:6379/0): sessions, the
# search engine's circuit breaker, degraded-search pages, rate limits. Without it each
# process has its own memory, which is right for `make run` and only for it.
REDIS_URL = env_str("REDIS_URL")
CACHES = {"default": cache_from_url(REDIS_URL)}
if REDIS_URL:
    # Read from Redis, written through to the database: a Redis restart logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Background work (django-tasks): TASK_BACKEND=database in production, with `manage.py
# db_worker` processes; immediate (in the request's process) by default. Wagtail's own tasks
# use the same backend. A failed task is retried TASK_MAX_ATTEMPTS times in all (orne_site.tasks).
TASKS = tasks_from_env("TASK_BACKEND")
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 3)
# A task still RUNNING whose worker has not been heard of for this long (its heartbeat,
# every TASK_WORKER_HEARTBEAT seconds) was lost with its worker: run_scheduler runs it again.
TASK_WORKER_HEARTBEAT = env_float("TASK_WORKER_HEARTBEAT", 10.0)
TASK_WORKER_LOST_AFTER = env_float("TASK_WORKER_LOST_AFTER", 120.0)

# Whole pages kept for anonymous visitors (orne_site.pagecache), 0 to turn off. They are
# dropped at once when a page, a product, a stock record or a shop changes; this bounds the
# rest. HTML carries a per-visitor CSRF token and CSP nonce: browsers may keep it (and
# revalidate with its ETag), shared caches may not.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_CONTROL = env_str("PAGE_CACHE_CONTROL", "private, max-age=0, must-revalidate")
# A CDN or Varnish in front, purged by Wagtail when a page is published (docs/deployment.md).
WAGTAILFRONTENDCACHE = frontend_cache_from_url(env_str("FRONTEND_CACHE_URL"))
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
# Personal, back-office and non-page paths (without the /en prefix): never kept.
PAGE_CACHE_EXCLUDED_PATHS = (
    "/admin/",
    "/django-admin/",
    "/commande/",
    "/boutique/basket/",
    "/boutique/accounts/",
    "/boutique/checkout/",
    "/espace-commercant/",
    "/paiement/",
    "/api/",
    "/i18n/",
    "/healthz",
    "/readyz",
    "/donnees-personnelles/",
)

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
        # sorl logs a traceback and a warning for each view of a photo whose file is gone,
        # its only messages there; commerce.thumbnails logs one warning naming the file.
        "sorl.thumbnail.base": {"level": "CRITICAL"},
    },
}

# Availability: commerce's pricing strategy, extended by the merchants layer so that a
# suspended shop's articles are not for sale (commerce.partner.strategy.Selector).
COMMERCE_STRATEGY_CLASS = "merchants.strategy.Marketplace"

# Orders: one per merchant (commerce.order). Statuses are French words a merchant reads in
# its back office; the pipeline says which change is allowed from each status.
# Defined once in commerce.order.statuses (a module without models, safe to import here).
OSCAR_INITIAL_ORDER_STATUS = INITIAL_ORDER_STATUS.value
OSCAR_INITIAL_LINE_STATUS = INITIAL_ORDER_STATUS.value
OSCAR_ORDER_STATUS_PIPELINE = {
    status.value: tuple(next_status.value for next_status in next_statuses)
    for status, next_statuses in ORDER_STATUS_PIPELINE.items()
}

# Stripe (payments, Connect), the security headers (CSP, Permissions-Policy) and the public
# API live in their own modules, to keep each settings module readable.
from .api import *  # noqa: E402, F403
from .headers import *  # noqa: E402, F403
from .stripe import *  # noqa: E402, F403
