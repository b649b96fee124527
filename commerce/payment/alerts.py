"""Telling council staff about money that needs a human: a log error and an e-mail.

The e-mail goes to settings.MANAGERS; with none configured, to the active superusers, so a
refund made automatically or a dispute is never known only to the logs.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import mail_managers, send_mail
from django.db import transaction

logger = logging.getLogger("commerce.payment.alerts")


def staff_alert(*, subject: str, message: str) -> None:
    """Log the alert now and e-mail it once the current transaction commits."""
    logger.error("%s\n%s", subject, message)
    transaction.on_commit(lambda: _staff_mail(subject=subject, message=message))


def _staff_mail(*, subject: str, message: str) -> None:
    try:
        if settings.MANAGERS:
            mail_managers(subject, message)
            return
        recipients = list(
            get_user_model()
            .objects.filter(is_superuser=True, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
        if recipients:
            prefix = settings.EMAIL_SUBJECT_PREFIX
            send_mail(f"{prefix}{subject}", message, None, recipients)
    except Exception:
        # The money side is already recorded; a mail server down must not undo it.
        logger.exception("Staff alert could not be e-mailed: %s", subject)
