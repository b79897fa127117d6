"""templates/CHAMPS.md, the list of the templates' fields, written from the code.

    write_field_list(Path("templates/CHAMPS.md"))

Each tag of `context.LIBELLES` (and each field of a table row) with its French label and the
templates that use it, so that staff restyling a template in Word know what they may write.
A test compares the committed file with what this module writes.
"""

from __future__ import annotations

from pathlib import Path

from asll.resources import bundled
from generators.context import LIBELLES, LIBELLES_LIGNES
from generators.drafts import FICHIERS_MODELES, balises_utilisees

DOSSIER_MODELES = bundled("templates")


def field_list(templates: Path | None = None) -> str:
    """The Markdown text of CHAMPS.md for the templates of `templates` (bundled by default)."""
    dossier = Path(templates or DOSSIER_MODELES)
    usages: dict[str, list[str]] = {}
    lignes: dict[str, list[str]] = {}
    for fichier in FICHIERS_MODELES:
        chemin = dossier / fichier
        if not chemin.is_file():
            continue
        variables, attributs = balises_utilisees(chemin)
        for v in variables:
            usages.setdefault(v, []).append(fichier)
        for a in attributs:
            lignes.setdefault(a, []).append(fichier)

    def modeles(noms: list[str] | None) -> str:
        return ", ".join(f"`{n}`" for n in noms) if noms else "— (disponible, non utilisée)"

    out = [
        "# Champs des modèles de documents",
        "",
        "<!-- Fichier généré par `python templates/build_templates.py` "
        "(generators/fields_doc.py) : ne pas le modifier à la main. -->",
        "",
        "Chaque balise s'écrit `{{ nom_de_la_balise }}` dans un modèle Word (dossier `templates/`).",
        "Une valeur inconnue s'imprime « [à compléter] », surlignée en jaune ; une case `☐` "
        "surlignée signale un choix encore à faire dans le registre. Après avoir modifié un modèle, "
        "la commande `asll modeles verifier` signale les balises inconnues ou abîmées par Word.",
        "",
        "## Balises",
        "",
        "| Balise | Libellé | Modèles |",
        "|---|---|---|",
    ]
    for cle, libelle in LIBELLES.items():
        out.append(f"| `{{{{ {cle} }}}}` | {libelle} | {modeles(usages.get(cle))} |")
    out += [
        "",
        "## Champs des lignes de tableau",
        "",
        "Dans une boucle de tableau (`{%tr for p in personnes %}` … `{%tr endfor %}`), chaque "
        "ligne donne ces champs : `{{ p.nom_complet }}`, `{{ r.montant }}`, `{{ o.case_atteint }}`…",
        "",
        "| Champ | Libellé | Modèles |",
        "|---|---|---|",
    ]
    for cle, libelle in LIBELLES_LIGNES.items():
        out.append(f"| `{cle}` | {libelle} | {modeles(lignes.get(cle))} |")
    inconnues = sorted(set(usages) - set(LIBELLES))
    if inconnues:
        out += ["", "## Balises inconnues", ""] + [
            f"- `{b}` ({modeles(usages[b])})" for b in inconnues
        ]
    return "\n".join(out) + "\n"


def write_field_list(path: Path, templates: Path | None = None) -> Path:
    """Write CHAMPS.md at `path` (UTF-8, LF line ends) and return its path."""
    path = Path(path)
    path.write_text(field_list(templates or path.parent), encoding="utf-8", newline="\n")
    return path
