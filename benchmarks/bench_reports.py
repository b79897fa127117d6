"""Time the annual report and the GTS pack on a synthetic register of 20,000 dossiers.

    .venv/bin/python benchmarks/bench_reports.py [nombre_de_dossiers]

Not a test: prints timings. Dossiers are built in memory (reading a 20,000-row register
with openpyxl is the register's cost, not the report's).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from asll.config import Config
from asll.domain.model import (
    CATEGORIES_REVENUS,
    MOTIFS_FIN,
    MOTIFS_IMPAYE,
    ORIGINES_DEMANDE,
    PLANS_APUREMENT,
    RELOGEMENTS,
    SITUATIONS_MESURE,
    SURENDETTEMENT,
    TYPES_MESURE,
    Dossier,
    Personne,
    Ressource,
)
from reports import annual_report, gts_pack

COMMUNES = (
    "Saint-Dizier",
    "Joinville",
    "Wassy",
    "Chancenay",
    "Angoulême",
    "Cognac",
    "Soyaux",
    "La Couronne",
    "Ruffec",
    "Barbezieux",
)
BAILLEURS = (
    "OPH de Saint-Dizier",
    "OPAC",
    "Logélia",
    "Noalis",
    "SCI Les Tilleuls",
    "M. Dubois",
    "Domofrance",
)


def synthetic(n: int, seed: int = 1) -> list[Dossier]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        nature = "ASLL" if i % 2 else "ESU"
        ouvert = date(2019, 1, 1) + timedelta(days=rnd.randrange(6 * 365))
        d = Dossier(
            numero=f"{nature}-{ouvert.year}-{i:05d}",
            nature=nature,
            date_ouverture=ouvert,
            personnes=[Personne("NOM", "Prénom")],
            commune=rnd.choice(COMMUNES),
            bailleur=rnd.choice(BAILLEURS),
            composition=rnd.choice(("femme_seule", "homme_seul", "couple")),
            nb_enfants=rnd.randrange(6),
            montant_dette=rnd.uniform(0, 9000),
            ressources=[Ressource(rnd.choice(("salaire", "rsa", "chomage", "aah")))],
            categorie_revenus=rnd.choice(CATEGORIES_REVENUS + (None,)),
            organisme_prescripteur=rnd.choice(("CCAS", "MDS", "CAF", None)),
            origine_demande=rnd.choice(ORIGINES_DEMANDE),
        )
        if nature == "ESU":
            d.menage_rencontre = rnd.choice(("Oui", "Non"))
            d.motif_impaye = rnd.choice(MOTIFS_IMPAYE)
            d.aide_fsl = rnd.choice(("Oui", "Non"))
        else:
            d.type_mesure = rnd.choice(TYPES_MESURE)
            d.situation_mesure = rnd.choice(SITUATIONS_MESURE)
            if d.situation_mesure in ("Suivie", "Renouvelée"):
                d.date_debut_mesure = ouvert + timedelta(days=rnd.randrange(60))
                if rnd.random() < 0.7:
                    d.date_fin_mesure = d.date_debut_mesure + timedelta(days=rnd.randrange(90, 400))
                    d.motif_fin = rnd.choice(MOTIFS_FIN)
                d.dette_debut_mesure = rnd.uniform(0, 9000)
                d.dette_fin_mesure = rnd.uniform(0, 9000)
                d.plan_apurement = rnd.choice(PLANS_APUREMENT)
                d.surendettement = rnd.choice(SURENDETTEMENT)
                d.relogement = rnd.choice(RELOGEMENTS)
                d.resultats_objectifs = {"budget": "Atteint"}
            d.statut = rnd.choice(("Nouveau", "Mesure en cours", "Clos"))
        out.append(d)
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 20000
    t = time.perf_counter()
    dossiers = synthetic(n)
    print(f"{n} dossiers synthétiques : {time.perf_counter() - t:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        for annee in (2023, 2024):
            t = time.perf_counter()
            r = annual_report(dossiers, annee, Config(), Path(tmp), pdf=False)
            lignes = len(r.statistiques.tableau("ASLL évolution dettes").lignes)
            print(
                f"rapport {annee} (docx + xlsx, {lignes} lignes de dettes) : "
                f"{time.perf_counter() - t:.2f} s"
            )
        t = time.perf_counter()
        gts_pack(dossiers, "2024-06", Config(), Path(tmp))
        print(f"dossier GTS 2024-06 : {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
