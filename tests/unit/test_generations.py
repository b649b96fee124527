"""A generation counter lost from the cache never counts again through its earlier values."""

import time

from django.core.cache import cache

from commerce.generations import generation_bump, generation_read

KEY = "tests:generation"


def test_a_counter_goes_up_on_each_bump():
    cache.delete(KEY)
    first = generation_read(KEY)
    generation_bump(KEY)
    generation_bump(KEY)

    assert generation_read(KEY) == first + 2


def test_a_lost_counter_starts_again_above_every_value_it_had():
    cache.delete(KEY)
    generation_bump(KEY)
    before_loss = generation_read(KEY)
    time.sleep(0.01)

    cache.delete(KEY)  # Redis restarted, or the key evicted

    assert generation_read(KEY) > before_loss
