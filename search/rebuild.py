"""Full rebuild of the search indexes, fast, into a fresh index swapped in atomically.

Steps of `search_indexes_rebuild`, per indexed model (products, then shops):
1. modelsearch's rebuilder creates a new index beside the live one (engines with
   ATOMIC_REBUILD, the default: `<alias>_<random>`), with our mapping;
2. on an engine, refreshes are switched off while loading;
3. chunks of ids are loaded with everything a document reads (one query per relation) and
   their documents built, while the previous chunk's `_bulk` is in flight (the engine
   indexes on its own cores meanwhile);
4. refreshes are restored and the rebuilder swaps the alias onto the new index and deletes
   the old one: searches never see a half-built index.

modelsearch's `update_index` does steps 1 and 4 for every indexed model (Wagtail's pages and
images too), one chunk after the other; this does the shop's search in a fraction of it.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.utils import timezone
from modelsearch.backends import get_search_backend

from search.loading import objects_for_index
from search.models import SearchableMerchant, SearchableProduct
from search.services import pending_forget

CHUNK_SIZE = 1000
Progress = Callable[[str, int, int], None]


@dataclass
class RebuildReport:
    counts: dict[str, int] = field(default_factory=dict)


def search_indexes_rebuild(
    *, backend_name: str = "default", chunk_size: int = CHUNK_SIZE, progress: Progress | None = None
) -> RebuildReport:
    backend = get_search_backend(backend_name)
    started = timezone.now()
    report = RebuildReport()
    for model in (SearchableProduct, SearchableMerchant):
        report.counts[model._meta.label] = _rebuild_model(
            backend=backend, model=model, chunk_size=chunk_size, progress=progress
        )
    # What the engine missed before the rebuild started is in the new index.
    pending_forget(backend_name=backend_name, before=started)
    return report


def _rebuild_model(*, backend, model, chunk_size: int, progress: Progress | None) -> int:
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(model))
    index = rebuilder.start()
    index.add_model(model)
    engine = hasattr(backend, "es")
    if engine:
        set_refresh_interval(backend, index.name, "-1")
    ids = list(model.get_indexed_objects().values_list("pk", flat=True))
    label = str(model._meta.verbose_name_plural)
    done = 0
    with ThreadPoolExecutor(max_workers=1) as sender:
        in_flight = None
        for start in range(0, len(ids), chunk_size):
            objects = objects_for_index(model, ids[start : start + chunk_size])
            if engine:
                actions = _bulk_actions(backend, model, objects)
                if in_flight is not None:
                    in_flight.result()
                in_flight = sender.submit(backend.bulk, backend.es, actions, index=index.name)
            else:
                # Database backends write through this thread's connection.
                index.add_items(model, objects)
            done += len(objects)
            if progress:
                progress(label, done, len(ids))
        if in_flight is not None:
            in_flight.result()
    if engine:
        set_refresh_interval(backend, index.name, None)
    rebuilder.finish()
    return done


def _bulk_actions(backend, model, objects) -> list[dict]:
    mapping = backend.mapping_class(model)
    return [{"_id": mapping.get_document_id(obj), **mapping.get_document(obj)} for obj in objects]


def set_refresh_interval(backend, index_name: str, interval: str | None) -> None:
    # None restores the engine's default (1 s).
    settings = {"index": {"refresh_interval": interval}}
    client = backend.es
    if hasattr(client, "options"):  # elasticsearch-py 8/9
        client.indices.put_settings(index=index_name, settings=settings)
    else:
        client.indices.put_settings(index=index_name, body=settings)
