"""What every editorial page shares: a hero/share image with its text alternative."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def image_field(verbose_name):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )


def alt_field():
    return models.CharField(
        _("texte alternatif de l'image"),
        max_length=250,
        blank=True,
        help_text=_("Décrivez l'image pour les personnes qui ne la voient pas."),
    )


class SharedImageMixin(models.Model):
    """A page with one main image: shown at the top, and in social cards and listings."""

    image_field_name = "hero_image"
    alt_field_name = "hero_image_alt"

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # RGAA: a meaningful image needs a text alternative; editors type it with the image.
        if getattr(self, self.image_field_name + "_id") and not getattr(self, self.alt_field_name):
            raise ValidationError(
                {self.alt_field_name: _("Saisissez le texte alternatif de l'image.")}
            )

    def get_share_image(self):
        return getattr(self, self.image_field_name)

    def get_share_image_alt(self) -> str:
        return getattr(self, self.alt_field_name)

    def get_meta_description(self) -> str:
        return self.search_description or getattr(self, "summary", "") or ""
