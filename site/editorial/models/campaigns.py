from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from orne_site.editorial.blocks import CampaignBodyBlock
from orne_site.editorial.models.base import SharedImageMixin, alt_field, image_field
from orne_site.editorial.page_memos import pages_public
from orne_site.editorial.selectors import (
    campaign_filter_current,
    live_items_for_streams,
    pages_localized,
)


class CampaignIndexPage(Page):
    """The list of the council's current campaigns ("Temps forts")."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["editorial.HomePage"]
    subpage_types = ["editorial.CampaignPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("liste des campagnes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns"] = CampaignPage.current(parent=self)
        return context


class CampaignPage(SharedImageMixin, Page):
    """A dated campaign bringing shoppers to local shops, with live products and shops."""

    hero_image = image_field(_("image d'accroche"))
    hero_image_alt = alt_field()
    summary = models.TextField(
        _("résumé"), max_length=300, blank=True, help_text=_("Montré dans les listes.")
    )
    start_date = models.DateField(_("début"), default=timezone.localdate)
    end_date = models.DateField(
        _("fin"),
        null=True,
        blank=True,
        help_text=_("Après cette date, la campagne quitte les listes."),
    )
    body = StreamField(CampaignBodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt"), FieldPanel("summary")],
            heading=_("Accroche"),
        ),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["editorial.CampaignIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("campagne")

    @classmethod
    def current(cls, *, parent: Page | None = None, locale=None) -> QuerySet:
        """Live campaigns still running, newest first (below ``parent``, in ``locale``)."""
        campaigns = pages_public(cls.objects.live()).select_related("hero_image")
        if parent is not None:
            campaigns = campaigns.child_of(parent)
        if locale is not None:
            campaigns = campaigns.filter(locale=locale)
        return campaign_filter_current(campaigns).order_by("-start_date", "-first_published_at")

    @classmethod
    def current_by_id(cls, *, ids: Iterable[int]) -> dict[int, Page]:
        """The chosen campaigns still running, by id, in the visitor's language if translated."""
        chosen = cls.objects.filter(pk__in=list(ids)).only("pk", "translation_key")
        running = campaign_filter_current(
            pages_public(cls.objects.live()).select_related("hero_image")
        )
        return pages_localized(chosen, running)

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La fin doit suivre le début.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["live_items"] = live_items_for_streams(self.body)
        return context
