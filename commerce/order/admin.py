from oscar.apps.order.admin import *  # noqa: F403  (keeps Oscar's admin registrations)
