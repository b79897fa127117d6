"""Yearly activity report and monthly GTS pack, counted from the register's dossiers."""

from reports.annual import ReportFiles, annual_report
from reports.gts import gts_pack, selection_gts
from reports.stats import Statistiques, Tableau, pourcentage_fr, statistiques

__all__ = [
    "ReportFiles",
    "Statistiques",
    "Tableau",
    "annual_report",
    "gts_pack",
    "pourcentage_fr",
    "selection_gts",
    "statistiques",
]
