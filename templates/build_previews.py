"""Previews of the four documents for the README: first page, 72 dpi, 64-colour PNG.

.venv/bin/python templates/build_previews.py      (needs LibreOffice and pdftoppm)
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from PIL import Image

from asll.config import Config, Service  # asll installed (make setup: pip install -e .)
from generators import convert_to_pdf, draft_document

ICI = Path(__file__).resolve().parent


def _test_dossiers():
    """The dossiers of tests/test_generators_suivi.py, loaded from their file."""
    spec = importlib.util.spec_from_file_location(
        "test_generators_suivi", ICI.parent / "tests" / "test_generators_suivi.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_dossiers = _test_dossiers()
bilan_renseigne, dossier_complet = _dossiers.bilan_renseigne, _dossiers.dossier_complet
esu_non_rencontre, esu_rencontre = _dossiers.esu_non_rencontre, _dossiers.esu_rencontre

SORTIE = ICI.parent / "docs" / "images"
AUJOURDHUI = date(2025, 9, 25)


def main() -> list[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(
            outbox=Path(tmp),
            service=Service(
                nom="Service logement – Solidarités Charente",
                adresse="8 place du Champ-de-Mars",
                code_postal="16000",
                commune="Angoulême",
                telephone="05 45 00 00 00",
                courriel="asll@exemple.fr",
                signataire="Camille Roux",
                departement="Charente",
            ),
        )
        docs = {
            "rapport-esu": draft_document("esu", esu_rencontre(), config, AUJOURDHUI),
            "rapport-esu-non-rencontre": draft_document(
                "esu", esu_non_rencontre(), config, AUJOURDHUI
            ),
            "convention": draft_document(
                "convention", dossier_complet("ASLL-2025-0003"), config, AUJOURDHUI
            ),
            "bilan": draft_document("bilan", bilan_renseigne(), config, AUJOURDHUI),
        }
        pdfs = convert_to_pdf(list(docs.values()))
        if len(pdfs) != len(docs) or shutil.which("pdftoppm") is None:
            sys.exit("LibreOffice et pdftoppm sont nécessaires pour les aperçus.")
        ecrits = []
        for (nom, _), pdf in zip(docs.items(), pdfs):
            base = Path(tmp) / nom
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "72",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-png",
                    "-singlefile",
                    str(pdf),
                    str(base),
                ],
                check=True,
                timeout=120,
            )
            cible = SORTIE / f"apercu-{nom}.png"
            Image.open(base.with_suffix(".png")).convert("RGB").quantize(64).save(
                cible, optimize=True
            )
            ecrits.append(cible)
            print(f"écrit : {cible} ({cible.stat().st_size // 1024} Ko)")
        return ecrits


if __name__ == "__main__":
    main()
