"""Test runs: same apps as production, fast hashing, in-memory e-mail, a reusable test DB."""

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR
from .env import env_str, tasks_from_env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A task worker started by a test (a separate process) writes its e-mails to files instead.
EMAIL_BACKEND = env_str("TEST_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
EMAIL_FILE_PATH = env_str("TEST_EMAIL_FILE_PATH")
# Tasks run at once in the tests, e-mails included, unless a test asks for the worker.
TASKS = tasks_from_env("TEST_TASK_BACKEND")
MEDIA_ROOT = VAR_DIR / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not :memory:, so `pytest --reuse-db` keeps the migrated database between runs
    # (migrating from scratch takes about a minute on two cores).
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}

# Tests run on the database search backend; the search tests switch to a real engine when
# TEST_SEARCH_URL (or SEARCH_URL) names one, with their own index prefix, so a developer's
# SEARCH_URL never gets test documents written into its indexes. TEST_SEARCH_URL may name
# several engines, comma-separated (CI: OpenSearch and Elasticsearch): each search test then
# runs on the database and on each engine.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

# The page cache outlives a test (the cache is per process) and its invalidation waits for
# commits that most tests roll back: off, except in the tests that turn it on.
PAGE_CACHE_SECONDS = 0
