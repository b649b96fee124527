# Forked so later changes (indexing, merchant-facing fields) can land without a new fork.
# Models declared here, before the star import, replace Oscar's.
from oscar.apps.catalogue.models import *  # noqa: E402, F403
