"""Local development: the embedded default (SQLite, database search, console e-mail)."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = env_bool("DEBUG", True)
INTERNAL_IPS = ["127.0.0.1"]
