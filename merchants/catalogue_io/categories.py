"""Finding an Oscar category from what a merchant typed: "fromages", "Épicerie fine", or
the path "Alimentation > Fromages" when a name is used twice in the tree."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from merchants.catalogue_io.csv_format import CellError, normalize_text

Category = get_model("catalogue", "Category")

PATH_SEPARATOR = " > "


class CategoryIndex:
    """Every category, loaded once (one query) and looked up by name or path in memory."""

    def __init__(self, categories: Iterable[Category]):
        self._names: dict[int, tuple[str, ...]] = {}
        self._by_path: dict[str, Category] = {}
        self._by_name: dict[str, list[Category]] = {}
        self._resolved: dict[str, Category | CellError] = {}
        by_tree_path = {}
        # Treebeard's materialised path: a parent's path is the child's minus one step.
        for category in sorted(categories, key=lambda c: c.path):
            parent = by_tree_path.get(category.path[: -Category.steplen])
            names = (*self._names[parent.pk], category.name) if parent else (category.name,)
            by_tree_path[category.path] = category
            self._names[category.pk] = names
            self._by_path[_path_key(names)] = category
            self._by_name.setdefault(normalize_text(category.name), []).append(category)

    @classmethod
    def load(cls) -> CategoryIndex:
        return cls(Category.objects.only("pk", "path", "depth", "name"))

    def categories(self) -> list[Category]:
        return list(self._by_path.values())

    def label(self, category: Category) -> str:
        """The full path, as the export writes it ("Alimentation > Fromages")."""
        return PATH_SEPARATOR.join(self._names[category.pk])

    def resolve(self, text: str) -> Category:
        """The category named ``text``; CellError with a French reason otherwise."""
        key = normalize_text(text)
        if key not in self._resolved:
            try:
                self._resolved[key] = self._find(text)
            except CellError as error:
                self._resolved[key] = error
        found = self._resolved[key]
        if isinstance(found, CellError):
            raise found
        return found

    def _find(self, text: str) -> Category:
        if not text.strip():
            raise CellError(_("La catégorie est obligatoire."))
        parts = [part for part in text.split(">") if part.strip()]
        if len(parts) > 1:
            found = self._by_path.get(_path_key(parts))
            if found is None:
                raise CellError(_("Catégorie « %(value)s » introuvable.") % {"value": text.strip()})
            return found
        matches = self._by_name.get(normalize_text(parts[0]), [])
        if not matches:
            raise CellError(_("Catégorie « %(value)s » introuvable.") % {"value": text.strip()})
        if len(matches) > 1:
            raise CellError(
                _(
                    "Plusieurs catégories s'appellent « %(value)s » : "
                    "écrivez le chemin, par exemple « %(path)s »."
                )
                % {"value": text.strip(), "path": self.label(matches[0])}
            )
        return matches[0]


def _path_key(names: Iterable[str]) -> str:
    return "/".join(normalize_text(name) for name in names)
