from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("mastodon", "Mastodon"),
    ("youtube", "YouTube"),
    ("x", "X"),
]


class FooterPageLinkBlock(blocks.StructBlock):
    # The link shows the page's title in the visitor's language (its translation's title).
    page = blocks.PageChooserBlock(label=_("page"))

    class Meta:
        icon = "doc-empty"
        label = _("Page du site")


class FooterUrlLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("libellé"), max_length=80)
    url = blocks.URLBlock(label=_("adresse"))

    class Meta:
        icon = "link"
        label = _("Lien externe")


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(choices=SOCIAL_NETWORKS, label=_("réseau"))
    url = blocks.URLBlock(label=_("adresse"))

    class Meta:
        icon = "site"
        label = _("Réseau social")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What the footer shows: legal links, social networks, contact, the council's logo."""

    footer_links = StreamField(
        [("page", FooterPageLinkBlock()), ("url", FooterUrlLinkBlock())],
        verbose_name=_("liens du pied de page"),
        blank=True,
    )
    social_links = StreamField(
        [("social", SocialLinkBlock())], verbose_name=_("réseaux sociaux"), blank=True
    )
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone de contact"), max_length=30, blank=True)
    contact_address = models.TextField(_("adresse postale"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo du Département"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    logo_alt = models.CharField(
        _("texte alternatif du logo"), max_length=120, default="Département de l'Orne"
    )

    panels = [
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
    ]

    class Meta:
        verbose_name = _("réglages du site")
