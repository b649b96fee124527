from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from merchants.selectors import commune_list_with_most_merchants, merchant_list_public


class HomePage(Page):
    """The marketplace's front door: what it is, a search box, shops and communes."""

    hero_title = models.CharField(
        _("titre d'accroche"), max_length=120, default="Achetez local, dans toute l'Orne"
    )
    hero_text = models.CharField(_("texte d'accroche"), max_length=300, blank=True)
    intro = RichTextField(_("présentation"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("intro"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_merchants"] = merchant_list_public().order_by("-created_at", "pk")[:8]
        context["top_communes"] = commune_list_with_most_merchants(limit=8)
        return context
