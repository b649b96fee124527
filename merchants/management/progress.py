"""A text progress bar for long management commands, drawn only on a terminal."""

from __future__ import annotations

from collections.abc import Callable

from django.core.management.base import OutputWrapper

WIDTH = 30


def _plain(text: str) -> str:
    return text


def progress_bar(stream: OutputWrapper, label: str) -> Callable[[int, int], None]:
    """A `progress(done, total)` callback; silent when the output is a file or a pipe, so logs
    and CI output are not filled with carriage returns."""

    def draw(done: int, total: int) -> None:
        if not stream.isatty():
            return
        filled = WIDTH * done // max(total, 1)
        bar = "█" * filled + "·" * (WIDTH - filled)
        end = "\n" if done >= total else ""
        # No style: Django paints everything written to stderr red, as if it were an error.
        stream.write(f"\r{label} [{bar}] {done}/{total}", ending=end, style_func=_plain)
        stream.flush()

    return draw
