"""Each app's conf.py gives a default when the project leaves a setting out, and reads the
project's value at call time (so override_settings keeps working)."""

from datetime import timedelta

from django.utils import translation

from checkout import conf as checkout_conf
from commerce import conf as commerce_conf
from merchants import conf as merchants_conf
from search import conf as search_conf


def test_missing_settings_get_the_apps_defaults(settings):
    for name in (
        "SITE_NAME",
        "WAGTAIL_SITE_NAME",
        "STRIPE_SECRET_KEY",
        "STRIPE_PUBLISHABLE_KEY",
        "STRIPE_JS_URL",
        "COMMERCE_STRATEGY_CLASS",
        "WAGTAILADMIN_BASE_URL",
        "WAGTAILSEARCH_BACKENDS",
        "EMAIL_CHANGE_LINK_MAX_AGE",
        "OSCAR_DEFAULT_CURRENCY",
    ):
        delattr(settings, name)
    with translation.override("fr"):
        assert merchants_conf.site_name() == "Marché local"
        assert checkout_conf.site_name() == "Marché local"
    assert commerce_conf.stripe_secret_key() == ""
    assert checkout_conf.stripe_publishable_key() == ""
    assert checkout_conf.stripe_js_url() == "https://js.stripe.com/v3/"
    assert commerce_conf.strategy_class_path() == "commerce.partner.strategy.France"
    assert commerce_conf.site_base_url() == "http://localhost:8000"
    assert commerce_conf.currency() == "EUR"
    assert search_conf.search_backends() == {"default": {"BACKEND": "search.backends.database"}}
    assert merchants_conf.email_change_link_max_age() == timedelta(days=2)


def test_project_values_are_read_at_call_time(settings):
    settings.SITE_NAME = "Marché du Perche"
    settings.WAGTAILADMIN_BASE_URL = "https://marche.example/"
    settings.EMAIL_CHANGE_LINK_MAX_AGE = 3600
    assert merchants_conf.site_name() == "Marché du Perche"
    assert commerce_conf.site_base_url() == "https://marche.example"
    assert merchants_conf.email_change_link_max_age() == timedelta(hours=1)


def test_site_name_falls_back_to_wagtails_site_name(settings):
    del settings.SITE_NAME
    settings.WAGTAIL_SITE_NAME = "Bourg-sur-Test"
    assert merchants_conf.site_name() == "Bourg-sur-Test"
