"""Never overwrite a file: the one naming style of the project. A name already taken gets
a version, `name.ext`, `name-v2.ext`, `name-v3.ext`…, wherever the tool writes (filed
documents, drafts, reports), as the user guide says."""

from __future__ import annotations

from pathlib import Path


def versioned(stem: str, version: int) -> str:
    """`stem` for the first version, `stem-vN` after."""
    return stem if version <= 1 else f"{stem}-v{version}"


def free_stem(folder: Path, stem: str, suffixes) -> str:
    """The first of `stem`, `stem-v2`… for which no `stem<suffix>` exists in `folder`
    (a report is several files sharing one stem: all must be free)."""
    version = 1
    while any((folder / f"{versioned(stem, version)}{s}").exists() for s in suffixes):
        version += 1
    return versioned(stem, version)


def write_new(folder: Path, stem: str, suffix: str, content: bytes) -> Path:
    """Write `stem.suffix`, or `stem-v2.suffix`…: created exclusively, so that two writers
    at once still never overwrite each other."""
    folder.mkdir(parents=True, exist_ok=True)
    version = 1
    while True:
        target = folder / f"{versioned(stem, version)}{suffix}"
        try:
            with open(target, "xb") as f:
                f.write(content)
            return target
        except FileExistsError:
            version += 1
