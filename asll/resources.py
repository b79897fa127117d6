"""Where the files shipped with asll are: the Word templates, the sample documents and the
example configuration.

Installed from a wheel, they are package data under `asll/bundled/` (copied there when the
wheel is built, see setup.py) and found through importlib.resources. In a source checkout
(an editable install, the tests) they are the repository's own `templates/`,
`samples/documents/` and `asll.exemple.toml`, which staff may edit.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
BUNDLED_FOLDER = "bundled"  # inside the asll package, in a wheel
# resource -> (its place in the repository, its name under asll/bundled/)
PLACES = {
    "templates": ("templates", "templates"),
    "samples": ("samples/documents", "samples"),
    "example_config": ("asll.exemple.toml", "asll.exemple.toml"),
}


def bundled(name: str) -> Path:
    """The path of a shipped resource: `templates`, `samples` or `example_config`."""
    in_repository, in_package = PLACES[name]
    packaged = resources.files("asll").joinpath(BUNDLED_FOLDER, in_package)
    if packaged.is_dir() or packaged.is_file():
        return Path(str(packaged))
    return REPOSITORY / in_repository
