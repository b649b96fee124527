"""Translating pages through wagtail-localize from code (demo content, tests).

Editors translate in the admin; this does the same steps so the result is an ordinary
wagtail-localize translation that editors can open and carry on with.
"""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


@transaction.atomic
def page_translate(*, page: Page, language_code: str, strings: dict[str, str]) -> Page:
    """Create or update the translation of ``page`` and publish it.

    ``strings`` maps source texts to their translations; a source text absent from it stays
    as it is (wagtail-localize then copies the source text into the translated page).
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    # Published here rather than by wagtail-localize's on_commit: a page translated next (a
    # child) must find this one live, even when both are written in one transaction.
    translation.save_target(publish=False)
    translated = page.get_translation(locale)
    translated.get_latest_revision().publish()
    return translated
