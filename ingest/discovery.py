"""Which files an ingest reads: article files under the given folders, never a link that leads out of them."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from service.errors import SourceNotFoundError

ARTICLE_SUFFIXES = (".txt",)


@dataclass
class Discovered:
    files: list[Path] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # "name: why", for the ingest report


def discover_articles(paths: Iterable[Path]) -> Discovered:
    """The article files under ``paths`` and the folders scanned. A missing path fails before anything changes.

    Inside a folder, a symbolic link is followed only when its target is inside that folder too."""
    found = Discovered()
    for given in paths:
        path = given.expanduser().absolute()
        if path.is_dir():
            folder = path.resolve()
            found.folders.append(folder)
            for candidate in sorted(folder.rglob("*")):
                if candidate.suffix not in ARTICLE_SUFFIXES or not candidate.is_file():
                    continue
                if not candidate.resolve().is_relative_to(folder):
                    found.refused.append(f"{candidate.name}: a link to a file outside {folder}")
                    continue
                found.files.append(candidate)
        elif path.is_file():
            found.files.append(path.resolve())
        else:
            raise SourceNotFoundError(f"no such file or folder: {given}")
    found.files = sorted(set(found.files))
    return found
