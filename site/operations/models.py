"""What the operations app stores: the task workers' heartbeats."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """The last sign of life of one `db_worker` process (orne_site.operations.recovery)."""

    worker_id = models.CharField(_("processus"), max_length=64, primary_key=True)
    beat_at = models.DateTimeField(_("dernier signe de vie"))

    class Meta:
        verbose_name = _("signe de vie d'un processus de tâches")
        verbose_name_plural = _("signes de vie des processus de tâches")

    def __str__(self) -> str:
        return self.worker_id
