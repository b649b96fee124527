from oscar.apps.payment.admin import *  # noqa: F403  (keeps Oscar's admin registrations)
