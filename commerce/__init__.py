"""Commerce: django-oscar, forked only where the marketplace changes it."""
