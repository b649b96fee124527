"""Validators for what merchants type in: SIRET numbers, French phone numbers, names and
control characters."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.eu import vat
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as NumberError
from stdnum.fr import siren, siret


def normalize_siret(value: str) -> str:
    """Digits only: people paste SIRET numbers with spaces ("123 456 789 00012")."""
    return re.sub(r"[\s.\-]", "", value or "")


def validate_siret(value: str) -> None:
    """Format and check digit, by python-stdnum (it knows La Poste's own rule)."""
    try:
        siret.validate(normalize_siret(value))
    except (InvalidLength, InvalidFormat):
        raise ValidationError(
            _("Un numéro SIRET compte exactement 14 chiffres."), code="siret_length"
        ) from None
    except InvalidChecksum:
        raise ValidationError(
            _("Ce numéro SIRET n'est pas valide : vérifiez les chiffres saisis."),
            code="siret_checksum",
        ) from None


def validate_siren(value: str) -> None:
    """A buyer's SIREN (9 digits and a check digit), given at checkout for its invoice."""
    try:
        siren.validate(normalize_siret(value))
    except NumberError:
        raise ValidationError(
            _("Un numéro SIREN compte 9 chiffres : vérifiez les chiffres saisis."),
            code="siren",
        ) from None


def validate_vat_number(value: str) -> None:
    """An intra-community VAT number (FR12345678901, DE123456789...), check digits included."""
    try:
        vat.validate(re.sub(r"[\s.\-]", "", value or ""))
    except NumberError:
        raise ValidationError(
            _("Ce numéro de TVA intracommunautaire n'est pas valide (par exemple FR12345678901)."),
            code="vat_number",
        ) from None


FRENCH_PHONE = re.compile(r"^(?:\+33\s?|0)[1-9](?:[\s.\-]?\d{2}){4}$")


def validate_french_phone(value: str) -> None:
    if not FRENCH_PHONE.match((value or "").strip()):
        raise ValidationError(
            _("Saisissez un numéro de téléphone français, par exemple 02 33 12 34 56."),
            code="phone",
        )


# Joiners and the soft hyphen are format characters people do type (emoji sequences, words).
ORDINARY_FORMAT_CHARACTERS = {"\u200c", "\u200d", "\u00ad"}


def has_control_characters(value: str, *, allow_newlines: bool = False) -> bool:
    """True when ``value`` holds a line break, a tab, NUL or another control/format character."""
    allowed = {"\n", "\r", "\t"} if allow_newlines else set()
    return any(
        unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")
        and char not in allowed
        and char not in ORDINARY_FORMAT_CHARACTERS
        for char in value or ""
    )


def validate_single_line(value: str) -> None:
    """Names and one-line fields: a line break here ends up in e-mail headers and page titles."""
    if has_control_characters(value):
        raise ValidationError(
            _("Écrivez ce texte sur une seule ligne, sans retour à la ligne ni caractère spécial."),
            code="control_characters",
        )


def validate_no_control_characters(value: str) -> None:
    """Free text (a description, a search): line breaks and tabs allowed, NUL and other
    invisible control characters not (PostgreSQL refuses NUL in text)."""
    if has_control_characters(value, allow_newlines=True):
        raise ValidationError(
            _("Ce texte contient un caractère interdit (caractère de contrôle invisible)."),
            code="control_characters",
        )
