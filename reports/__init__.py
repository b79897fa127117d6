"""Yearly activity report and monthly GTS pack, counted from the register's dossiers."""

from reports.annual import ReportFiles, annual_report, dossiers_du_rapport
from reports.gts import CHAMPS_GTS, dossiers_du_gts, gts_pack, selection_gts
from reports.stats import Statistiques, Tableau, pourcentage_fr, statistiques

__all__ = [
    "CHAMPS_GTS",
    "ReportFiles",
    "Statistiques",
    "Tableau",
    "annual_report",
    "dossiers_du_gts",
    "dossiers_du_rapport",
    "gts_pack",
    "pourcentage_fr",
    "selection_gts",
    "statistiques",
]
