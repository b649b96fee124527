from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from orne_site.editorial.blocks import ArticleBodyBlock
from orne_site.editorial.models.base import SharedImageMixin, alt_field, image_field
from orne_site.editorial.page_memos import pages_public

NEWS_PER_PAGE = 10


class NewsIndexPage(Page):
    """The council's news about the marketplace, newest first, paginated."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["editorial.HomePage"]
    subpage_types = ["editorial.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("liste des actualités")

    def news_items(self):
        """Live, public news below this page, newest first, with their image."""
        return (
            pages_public(NewsPage.objects.child_of(self).live())
            .select_related("image")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.news_items(), NEWS_PER_PAGE)
        context["news_items"] = paginator.get_page(request.GET.get("page"))
        return context


class NewsPage(SharedImageMixin, Page):
    """One news item: a dated article with a summary, an image and a body."""

    image_field_name = "image"
    alt_field_name = "image_alt"

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("résumé"), max_length=300)
    image = image_field(_("image"))
    image_alt = alt_field()
    body = StreamField(ArticleBodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["editorial.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("actualité")
