"""A household's monthly budget and its proposed plan, as items 11 and 12 of the DSF give
them (décret n° 2021-8, art. 2), computed from what the register holds.

- Resources are counted without the housing benefit (APL / AL): the benefit goes to the
  rent, so it is taken off the rent (« loyer résiduel ») rather than added to resources.
  The worker's total (`ressources_mensuelles`) wins; else the resources read from the
  documents are summed, when every amount is known.
- Rent: the rent charges included; else the rent without charges plus the charges.
- Reste à vivre = resources − loyer résiduel − fixed charges other than the rent.
- The plan: monthly amount × months, compared with the debt.
A figure that needs an unknown amount is None: nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from asll.domain.model import Dossier

HOUSING_BENEFIT = "apl"  # the resource type of the housing benefit
# Loi n° 89-462, art. 24 V: the judge grants payment delays « dans la limite de trois années ».
JUDGE_DELAY_MAX_MONTHS = 36


@dataclass(frozen=True)
class Budget:
    ressources: float | None  # monthly, housing benefit excluded
    aide_logement: float | None
    loyer: float | None  # charges included
    loyer_residuel: float | None  # rent − housing benefit
    charges: float | None  # fixed charges other than the rent
    reste_a_vivre: float | None


def budget(d: Dossier) -> Budget:
    ressources = d.ressources_mensuelles
    if ressources is None:
        others = [r for r in d.ressources if r.type != HOUSING_BENEFIT]
        if others and all(r.montant is not None for r in others):
            ressources = round(sum(r.montant for r in others), 2)
    aide = d.aide_logement
    if aide is None:
        amounts = [r.montant for r in d.ressources if r.type == HOUSING_BENEFIT]
        if amounts and all(a is not None for a in amounts):
            aide = round(sum(amounts), 2)
    loyer = rent(d)
    # No housing benefit recorded anywhere: the residual rent is not known.
    residuel = round(loyer - aide, 2) if loyer is not None and aide is not None else None
    charges = d.charges_mensuelles
    reste = (
        round(ressources - residuel - charges, 2)
        if None not in (ressources, residuel, charges)
        else None
    )
    return Budget(ressources, aide, loyer, residuel, charges, reste)


def rent(d: Dossier) -> float | None:
    """The monthly rent, charges included."""
    if d.loyer_mensuel is not None:
        return d.loyer_mensuel
    if d.loyer_hors_charges is not None and d.charges is not None:
        return round(d.loyer_hors_charges + d.charges, 2)
    return None


@dataclass(frozen=True)
class Plan:
    mensualite: float
    mois: int
    total: float
    dette: float | None
    reste: float | None  # debt − total: > 0 left unpaid at the plan's end, < 0 paid over

    @property
    def beyond_judge_delays(self) -> bool:
        """Longer than the payment delays a judge may grant."""
        return self.mois > JUDGE_DELAY_MAX_MONTHS


def plan(d: Dossier) -> Plan | None:
    """The proposed plan, when both its monthly amount and its length are entered."""
    if d.plan_mensualite is None or not d.plan_duree_mois:
        return None
    total = round(d.plan_mensualite * d.plan_duree_mois, 2)
    dette = d.montant_dette
    return Plan(
        d.plan_mensualite,
        d.plan_duree_mois,
        total,
        dette,
        round(dette - total, 2) if dette is not None else None,
    )
