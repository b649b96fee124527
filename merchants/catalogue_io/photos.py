"""Photos sent with an import, in a zip: found by the name in the CSV's `image` column."""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from merchants.catalogue_io.csv_format import CellError, CsvFileError
from merchants.images import CleanPhoto, photo_clean, photo_max_bytes


class PhotoArchive:
    """A zip of photos. Names match exactly, or by file name alone whatever the folder and
    case ("Photos/Camembert.JPG" answers "camembert.jpg"), as merchants zip a folder."""

    def __init__(self, file: IO[bytes]):
        try:
            self._zip = zipfile.ZipFile(file)
        except (zipfile.BadZipFile, OSError):
            raise CsvFileError(_("Le fichier des photos n'est pas un zip lisible.")) from None
        self._exact: dict[str, zipfile.ZipInfo] = {}
        self._by_basename: dict[str, list[zipfile.ZipInfo]] = {}
        for info in self._zip.infolist():
            name = info.filename
            base = posixpath.basename(name)
            # Folders and the resource forks macOS adds are not photos.
            if info.is_dir() or name.startswith("__MACOSX/") or base.startswith("._"):
                continue
            self._exact[name] = info
            self._by_basename.setdefault(base.casefold(), []).append(info)

    def find(self, name: str) -> zipfile.ZipInfo:
        name = name.strip().replace("\\", "/")
        if name in self._exact:
            return self._exact[name]
        matches = self._by_basename.get(posixpath.basename(name).casefold(), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise CellError(
                _("Plusieurs photos s'appellent « %(name)s » dans le zip : indiquez le dossier.")
                % {"name": name}
            )
        raise CellError(_("Photo « %(name)s » absente du zip.") % {"name": name})

    def clean(self, info: zipfile.ZipInfo) -> CleanPhoto:
        """The photo checked like an upload; CellError with the reason otherwise."""
        max_bytes = photo_max_bytes()
        try:
            with self._zip.open(info) as member:
                # The declared size can lie (zip bombs): never read more than allowed.
                data = member.read(max_bytes + 1)
            return photo_clean(file=io.BytesIO(data))
        except ValidationError as error:
            raise CellError(" ".join(error.messages)) from None
        except (zipfile.BadZipFile, OSError, EOFError):
            raise CellError(
                _("Photo « %(name)s » illisible dans le zip.") % {"name": info.filename}
            ) from None

    def close(self) -> None:
        self._zip.close()
