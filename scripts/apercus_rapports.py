"""Pictures of the annual report and of the GTS pack for docs/, from the 2024-style test
register (tests/fixtures/seed2024.py): LibreOffice → PDF → pdftoppm PNG, one per page.

    PYTHONPATH=. python scripts/apercus_rapports.py [DOSSIER]   # default: a temporary folder

Pages are written as rapport-annuel-N.png and gts-N.png; the ones the guide shows are
then copied into docs/images/ by hand (the pictures are looked at before they are kept).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

import seed2024  # noqa: E402

from asll.config import Config, Secteur, Service  # noqa: E402
from asll.domain.model import Dossier  # noqa: E402
from reports import annual_report, gts_pack  # noqa: E402

SERVICE = Service(
    nom="GIP Charente Solidarités",
    adresse="4 rue Fontaine du Lizier",
    code_postal="16000",
    commune="Angoulême",
    telephone="05 45 00 00 00",
    departement="Charente",
)


def pages(docx: Path, prefixe: str, outdir: Path) -> list[Path]:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
        check=True,
        capture_output=True,
    )
    pdf = outdir / (docx.stem + ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(outdir / prefixe)], check=True)
    return sorted(outdir.glob(f"{prefixe}-*.png"))


def demandes_de_juin() -> list[Dossier]:
    """Requests of June 2024 awaiting the GTS, with what members decide on."""
    base = dict(nature="ASLL", statut="Nouveau", origine_demande="Travailleur social")
    return [
        Dossier(
            numero="ASLL-2024-0101",
            commune="Soyaux",
            referent="Camille ROUX",
            organisme_prescripteur="MDS Angoulême Est",
            date_ouverture=date(2024, 6, 4),
            type_mesure="maintien",
            composition="femme_seule",
            nb_enfants=2,
            statut_occupation="locataire_prive",
            objectifs=["budget", "dette_apurement"],
            montant_dette=2954.0,
            **base,
        ),
        Dossier(
            numero="ASLL-2024-0102",
            commune="Cognac",
            referent="Isabelle DUMONT",
            organisme_prescripteur="CCAS de Cognac",
            date_ouverture=date(2024, 6, 11),
            type_mesure="acces",
            composition="homme_seul",
            nb_enfants=0,
            statut_occupation="heberge",
            objectifs=["projet_logement", "installation"],
            **base,
        ),
        Dossier(
            numero="ASLL-2024-0103",
            commune="Ruffec",
            referent="Marc VIDAL",
            organisme_prescripteur="MDS Ruffec",
            date_ouverture=date(2024, 6, 13),
            type_mesure="renouvellement",
            composition="couple",
            nb_enfants=3,
            statut_occupation="locataire_public",
            objectifs=["budget", "usage_logement"],
            montant_dette=1180.0,
            **base,
        ),
    ]


def main() -> None:
    outdir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    outdir.mkdir(parents=True, exist_ok=True)
    config = Config(
        service=SERVICE,
        secteurs=tuple(Secteur(nom, referent) for nom, referent in seed2024.SECTEURS.items()),
    )
    dossiers = seed2024.all_dossiers() + demandes_de_juin()
    for d in dossiers:  # diagnostics of earlier months: decided at the next GTS
        if d.type_mesure == "diagnostic" and d.date_envoi_rapport and not d.decision_gts:
            if d.date_envoi_rapport < date(2024, 6, 1):
                d.decision_gts, d.date_gts = "Accord", d.date_envoi_rapport.replace(day=28)
    rapport = annual_report(dossiers, 2024, config, outdir, pdf=False, aujourd_hui=date(2025, 2, 3))
    gts = gts_pack(dossiers, "2024-06", config, outdir, date_seance=date(2024, 6, 27))
    for chemin in pages(rapport.docx, "rapport-annuel", outdir) + pages(gts, "gts", outdir):
        print(chemin)


if __name__ == "__main__":
    main()
