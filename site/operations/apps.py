from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site on several machines: health probes, task retries, the scheduler."""

    name = "orne_site.operations"
    label = "operations"
    verbose_name = _("Exploitation")

    def ready(self) -> None:
        from django_tasks.signals import task_finished

        from orne_site.operations.tasks import task_retry_when_failed

        task_finished.connect(task_retry_when_failed, dispatch_uid="operations.task_retry")
