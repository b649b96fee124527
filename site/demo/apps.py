from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "orne_site.demo"
    label = "demo"
    verbose_name = "Démo"
