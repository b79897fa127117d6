"""What pyproject.toml cannot say: the templates, sample documents and example
configuration stay where the project's layout puts them (`templates/`, `samples/`,
`asll.exemple.toml`) and are copied into the wheel under `asll/bundled/`, where
asll/resources.py finds them through importlib.resources."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# source in the repository -> (name under asll/bundled/, files kept)
BUNDLED = {
    "templates": ("templates", ("*.docx", "CHAMPS.md")),
    "samples/documents": ("samples", ("*.pdf", "*.docx")),
    "asll.exemple.toml": ("asll.exemple.toml", ()),
}


class BuildWithBundledFiles(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "asll" / "bundled"
        for source, (name, patterns) in BUNDLED.items():
            source = HERE / source
            if source.is_file():
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)
                continue
            (target / name).mkdir(parents=True, exist_ok=True)
            for pattern in patterns:
                for path in source.glob(pattern):
                    shutil.copy2(path, target / name / path.name)


setup(cmdclass={"build_py": BuildWithBundledFiles})
