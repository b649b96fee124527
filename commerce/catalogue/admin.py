from oscar.apps.catalogue.admin import *  # noqa: F403  (keeps Oscar's admin registrations)
