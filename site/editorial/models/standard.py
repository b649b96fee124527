from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from orne_site.editorial.blocks import ArticleBodyBlock


class StandardPage(Page):
    """A plain text page: legal notices, terms, privacy, the accessibility statement."""

    body = StreamField(ArticleBodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["editorial.HomePage", "editorial.StandardPage"]
    subpage_types = ["editorial.StandardPage"]

    class Meta:
        verbose_name = _("page simple")

    def get_meta_description(self) -> str:
        return self.search_description

    def get_share_image(self):
        return None
