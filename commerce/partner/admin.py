from oscar.apps.partner.admin import *  # noqa: F403  (keeps Oscar's admin registrations)
