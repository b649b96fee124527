"""Validators for what merchants type in: SIRET numbers, French phone numbers, control
characters."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# La Poste's establishments share one SIREN and follow another checksum rule (INSEE).
LA_POSTE_SIREN = "356000000"


def luhn_is_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalize_siret(value: str) -> str:
    """Digits only: people paste SIRET numbers with spaces ("123 456 789 00012")."""
    return re.sub(r"[\s.\-]", "", value or "")


def validate_siret(value: str) -> None:
    siret = normalize_siret(value)
    if not siret.isdigit() or len(siret) != 14:
        raise ValidationError(
            _("Un numéro SIRET compte exactement 14 chiffres."), code="siret_length"
        )
    if siret.startswith(LA_POSTE_SIREN):
        valid = sum(int(char) for char in siret) % 5 == 0
    else:
        valid = luhn_is_valid(siret)
    if not valid:
        raise ValidationError(
            _("Ce numéro SIRET n'est pas valide : vérifiez les chiffres saisis."),
            code="siret_checksum",
        )


FRENCH_PHONE = re.compile(r"^(?:\+33\s?|0)[1-9](?:[\s.\-]?\d{2}){4}$")


def validate_french_phone(value: str) -> None:
    if not FRENCH_PHONE.match((value or "").strip()):
        raise ValidationError(
            _("Saisissez un numéro de téléphone français, par exemple 02 33 12 34 56."),
            code="phone",
        )


# C0 control characters (NUL included) and DEL; tab and line breaks are ordinary text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def validate_no_control_characters(value: str) -> None:
    """Refuse NUL and other invisible control characters (PostgreSQL refuses NUL in text)."""
    if CONTROL_CHARACTERS.search(value or ""):
        raise ValidationError(
            _("Ce texte contient un caractère interdit (caractère de contrôle invisible)."),
            code="control_characters",
        )
