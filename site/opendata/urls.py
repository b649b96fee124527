"""Open data files: outside i18n_patterns, their URLs are a stable interface (DCAT, harvesters).
The page describing them (opendata_index) is mounted inside i18n_patterns by the site URLs."""

from django.urls import path

from orne_site.opendata import views

app_name = "opendata"

urlpatterns = [
    path("catalogue.jsonld", views.opendata_catalogue, name="catalogue"),
    path("schemas/<slug:slug>.json", views.opendata_schema, name="schema"),
    path("<slug:slug>.<str:fmt>", views.opendata_file, name="file"),
]
