"""Previews of the documents for the README and the user guide, 72 dpi, 64-colour PNG:
the first page of each document and, for the DSF, the two pages from item 9 on (items 9
to 12, side by side).

.venv/bin/python templates/build_previews.py      (needs LibreOffice and pdftoppm)
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from PIL import Image

from asll.config import Config, Intervenant, Secteur, Service  # asll installed (make setup)
from generators import convert_to_pdf, draft_document

ICI = Path(__file__).resolve().parent


def _test_module(nom: str):
    """A module of tests/ (the dossiers the tests draft), registered under its own name so
    that the test modules importing one another find it."""
    spec = importlib.util.spec_from_file_location(nom, ICI.parent / "tests" / f"{nom}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[nom] = module
    spec.loader.exec_module(module)
    return module


_test_module("test_generators")
_suivi = _test_module("test_generators_suivi")
_dsf = _test_module("test_dsf")
bilan_renseigne, dossier_complet = _suivi.bilan_renseigne, _suivi.dossier_complet
esu_non_rencontre, dsf_renseigne = _suivi.esu_non_rencontre, _dsf.dsf_renseigne

SORTIE = ICI.parent / "docs" / "images"
AUJOURDHUI = date(2025, 9, 25)
SERVICE = Service(
    nom="Service logement – Solidarités Charente",
    adresse="8 place du Champ-de-Mars",
    code_postal="16000",
    commune="Angoulême",
    telephone="05 45 00 00 00",
    courriel="asll@exemple.fr",
    signataire="Claire Bernard",
    fonction_signataire="Cheffe de service",
    departement="Charente",
    directeur="Nadia Leroy",
    fonction_directeur="Directrice",
)
INTERVENANTS = (
    Intervenant("Camille Roux", "Conseillère en économie sociale et familiale", "05 45 00 00 12"),
)


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


def main() -> list[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(
            outbox=Path(tmp), service=SERVICE, intervenants=INTERVENANTS, secteurs=(SECTEUR,)
        )
        rencontre = dsf_renseigne()
        rencontre.date_document = date(2025, 9, 10)  # a late notification, as often
        non_rencontre = replace(esu_non_rencontre(), referent="Camille Roux")
        docs = {
            "rapport-esu": draft_document("esu", rencontre, config, AUJOURDHUI),
            "rapport-esu-non-rencontre": draft_document("esu", non_rencontre, config, AUJOURDHUI),
            "convention": draft_document("convention", _mesure("maintien"), config, AUJOURDHUI),
            "convention-acces": draft_document("convention", _mesure("acces"), config, AUJOURDHUI),
            "bilan": draft_document(
                "bilan",
                replace(bilan_renseigne(), secteur=SECTEUR.nom, referent=SECTEUR.referent),
                config,
                AUJOURDHUI,
            ),
        }
        pdfs = dict(zip(docs, convert_to_pdf(list(docs.values()))))
        if len(pdfs) != len(docs) or shutil.which("pdftoppm") is None:
            sys.exit("LibreOffice et pdftoppm sont nécessaires pour les aperçus.")
        pages = {f"apercu-{nom}": (pdf, [1]) for nom, pdf in pdfs.items()}
        for nom in ("rapport-esu", "rapport-esu-non-rencontre"):
            page = _page_avec(pdfs[nom], "9. Dispositifs de traitement")
            pages[f"apercu-{nom}-rubriques-9-a-12"] = (pdfs[nom], [page, page + 1])
        # the bilan's last page: signatures and the commission's decision
        derniere = _page_avec(pdfs["bilan"], "Décision de la commission")
        pages["apercu-bilan-decision"] = (pdfs["bilan"], [derniere])
        ecrits = []
        for nom, (pdf, numeros) in pages.items():
            images = []
            for page in numeros:
                base = Path(tmp) / f"{nom}-{page}"
                subprocess.run(
                    ["pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), "-png"]
                    + ["-singlefile", str(pdf), str(base)],
                    check=True,
                    timeout=120,
                )
                images.append(Image.open(base.with_suffix(".png")).convert("RGB"))
            cible = SORTIE / f"{nom}.png"
            _cote_a_cote(images).quantize(64).save(cible, optimize=True)
            ecrits.append(cible)
            print(f"écrit : {cible} ({cible.stat().st_size // 1024} Ko)")
        return ecrits


def _cote_a_cote(images: list) -> Image.Image:
    """Pages side by side, a thin grey gap between them."""
    ecart = 8
    largeur = sum(i.width for i in images) + ecart * (len(images) - 1)
    out = Image.new("RGB", (largeur, max(i.height for i in images)), (200, 200, 200))
    x = 0
    for image in images:
        out.paste(image, (x, 0))
        x += image.width + ecart
    return out


def _page_avec(pdf: Path, texte: str) -> int:
    """The number of the first page of `pdf` whose text holds `texte` (pdftotext)."""
    for page in range(1, 20):
        sortie = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if sortie.returncode != 0:
            break
        if texte in sortie.stdout:
            return page
    return 1


if __name__ == "__main__":
    main()
