#!/usr/bin/env bash
# Build the wheel, install it (not editable) into a fresh virtual environment outside the
# repository, and run `asll demo` there: the templates, samples, rules and example
# configuration must come from the installed package, not from this checkout.
#
#   scripts/check-wheel.sh [python]      (default: python3; exit status 0 when the demo ran)
#
# Needs the package index (or a pip cache) for the dependencies, and Tesseract for the
# demo's scan, as `make demo` does.
set -euo pipefail
PYTHON="${1:-python3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d -t asll-wheel-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

echo "… construction de la roue (wheel)"
"$PYTHON" -m pip wheel --quiet --no-deps --wheel-dir "$WORK/dist" "$ROOT"
WHEEL="$(ls "$WORK"/dist/asll-*.whl)"

echo "… installation dans un environnement neuf : $WORK/venv"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet "$WHEEL"

# Run from an empty folder: nothing of the checkout can be imported or read from there.
mkdir "$WORK/vide"
cd "$WORK/vide"
"$WORK/venv/bin/python" - <<'PY'
import asll, intake
from pathlib import Path
from asll.config import BUNDLED_SAMPLES, BUNDLED_TEMPLATES, EXAMPLE_CONFIG
for path in (Path(asll.__file__), Path(intake.__file__), BUNDLED_SAMPLES, BUNDLED_TEMPLATES, EXAMPLE_CONFIG):
    assert "site-packages" in str(path), f"pris hors de l'installation : {path}"
    assert path.exists(), f"absent de l'installation : {path}"
print("ressources trouvées dans l'installation")
PY
"$WORK/venv/bin/asll" demo --dossier "$WORK/demo"
echo "asll demo a fonctionné depuis la roue installée"
