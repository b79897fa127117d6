"""Previews of the documents for the README and the guide: 72 dpi, 64-colour PNG.

.venv/bin/python templates/build_previews.py [NOM…]     (needs LibreOffice and pdftoppm)

Without a name, every preview is made again; with names (`convention`, `bilan`…), only
those. Each preview is a document's first page, and for the bilan also its last page
(signatures and the commission's box).
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

from asll.config import Config, Secteur, Service  # asll installed (make setup: pip install -e .)
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


SECTEUR = Secteur(
    "Angoulême",
    "Camille Roux",
    ("Angoulême",),
    departement="Charente",
    fsl="Fonds de solidarité pour le logement de la Charente",
    ville="Angoulême",
)


def _mesure(type_mesure: str):
    """An ASLL measure of the Angoulême sector, begun on 1 October 2025."""
    d = dossier_complet("ASLL-2025-0003" if type_mesure == "maintien" else "ASLL-2025-0004")
    d.type_mesure, d.secteur, d.referent = type_mesure, SECTEUR.nom, SECTEUR.referent
    d.date_debut_mesure = date(2025, 10, 1)
    if type_mesure == "acces":
        d.personnes, d.nb_enfants, d.enfants = d.personnes[:1], 0, []
        d.objectifs, d.bailleur, d.loyer_mensuel = ["installation", "budget"], "Noalis", 455.0
        d.montant_dette = d.date_dette = None
    return d


def _bilan():
    d = bilan_renseigne()
    d.secteur, d.referent = SECTEUR.nom, SECTEUR.referent
    return d


def main(noms: list[str] | None = None) -> list[Path]:
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
                directeur="Nadia Leroy",
                fonction_directeur="Directrice",
            ),
            secteurs=(SECTEUR,),
        )
        fabriques = {
            "rapport-esu": lambda: draft_document("esu", esu_rencontre(), config, AUJOURDHUI),
            "rapport-esu-non-rencontre": lambda: draft_document(
                "esu", esu_non_rencontre(), config, AUJOURDHUI
            ),
            "convention": lambda: draft_document(
                "convention", _mesure("maintien"), config, AUJOURDHUI
            ),
            "convention-acces": lambda: draft_document(
                "convention", _mesure("acces"), config, AUJOURDHUI
            ),
            "bilan": lambda: draft_document("bilan", _bilan(), config, AUJOURDHUI),
        }
        inconnus = set(noms or ()) - set(fabriques)
        if inconnus:
            sys.exit(f"Aperçus inconnus : {', '.join(sorted(inconnus))} ({', '.join(fabriques)})")
        docs = {nom: f() for nom, f in fabriques.items() if not noms or nom in noms}
        pdfs = convert_to_pdf(list(docs.values()))
        if len(pdfs) != len(docs) or shutil.which("pdftoppm") is None:
            sys.exit("LibreOffice et pdftoppm sont nécessaires pour les aperçus.")
        ecrits = []
        for (nom, _), pdf in zip(docs.items(), pdfs):
            pages = [(1, f"apercu-{nom}.png")]
            if nom == "bilan":
                pages.append((_nombre_de_pages(pdf), "apercu-bilan-decision.png"))
            for page, fichier in pages:
                base = Path(tmp) / f"{nom}-{page}"
                subprocess.run(
                    ["pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), "-png"]
                    + ["-singlefile", str(pdf), str(base)],
                    check=True,
                    timeout=120,
                )
                cible = SORTIE / fichier
                Image.open(base.with_suffix(".png")).convert("RGB").quantize(64).save(
                    cible, optimize=True
                )
                ecrits.append(cible)
                print(f"écrit : {cible} ({cible.stat().st_size // 1024} Ko)")
        return ecrits


def _nombre_de_pages(pdf: Path) -> int:
    sortie = subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return int(next(l.split()[-1] for l in sortie.splitlines() if l.startswith("Pages:")))


if __name__ == "__main__":
    main(sys.argv[1:])
