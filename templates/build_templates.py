"""Write the four Word templates of the drafts and templates/CHAMPS.md (all committed).

    .venv/bin/python templates/build_templates.py

Each docxtpl tag is written as a run of its own (a tag split over several runs would not
render), marked « pas de vérification » so Word's spell-checker doesn't split it later.
Staff may restyle the templates in Word; `generators.check_template()` lints them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from generators import house_style as style
from generators.context import CASES  # asll installed (make setup: pip install -e .)
from generators.dsf import RUBRIQUES_DSF
from generators.fields_doc import write_field_list
from generators.formatting import typo_fr

ICI = Path(__file__).resolve().parent
POLICE_SYMBOLES = "Segoe UI Symbol"  # ☐ ☒ (LibreOffice falls back to DejaVu Sans)
TAILLE = 10.5
# the house style (generators/house_style.py), under the names this script uses
POLICE = style.POLICE
BLEU, GRIS = style.rgb(style.BLEU), style.rgb(style.GRIS)
FOND_LIBELLE, FOND_ENTETE, BORDURE = style.FOND_CLAIR, style.FOND_ENTETE, style.BORDURE
LARGEUR = 16.6  # cm of text on A4 with 2.2 cm margins

_DECOUPE = re.compile(r"({{.*?}}|{%.*?%}|[☐☒])")
_CASE_BALISE = re.compile(r"{{\s*(\w+\.)?case\b|{{\s*(\w+\.)?case_")


# ---------------------------------------------------------------- low-level helpers
def _el(tag: str, **attrs) -> OxmlElement:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), str(v))
    return e


def runs(p, texte: str, bold=False, italic=False, taille=None, couleur=None):
    """Add `texte` to paragraph `p`: plain text with French spacing, each tag its own run."""
    for morceau in _DECOUPE.split(texte):
        if not morceau:
            continue
        est_balise = morceau.startswith(("{{", "{%"))
        r = p.add_run(morceau if est_balise else typo_fr(morceau))
        r.bold = bold or None
        r.italic = italic or None
        if taille:
            r.font.size = Pt(taille)
        if couleur is not None:
            r.font.color.rgb = couleur
        if est_balise:
            r._r.get_or_add_rPr().append(_el("w:noProof"))
        if morceau in "☐☒" or _CASE_BALISE.match(morceau):
            r.font.name = POLICE_SYMBOLES
            r._r.rPr.rFonts.set(qn("w:cs"), POLICE_SYMBOLES)
    return p


def para(
    conteneur,
    texte="",
    style=None,
    bold=False,
    italic=False,
    taille=None,
    couleur=None,
    apres=None,
    avant=None,
    align=None,
    garder=False,
):
    p = conteneur.add_paragraph(style=style)
    runs(p, texte, bold, italic, taille, couleur)
    fmt = p.paragraph_format
    if apres is not None:
        fmt.space_after = Pt(apres)
    if avant is not None:
        fmt.space_before = Pt(avant)
    if align:
        p.alignment = align
    if garder:
        fmt.keep_with_next = True
    return p


def _cell_para(cell, texte, **kw):
    p = (
        cell.paragraphs[0]
        if not cell.paragraphs[0].text and len(cell.paragraphs[0].runs) == 0
        else cell.add_paragraph()
    )
    runs(p, texte, **kw)
    p.paragraph_format.space_after = Pt(1)
    p.paragraph_format.space_before = Pt(1)
    return p


def _fond(cell, couleur):
    cell._tc.get_or_add_tcPr().append(_el("w:shd", val="clear", color="auto", fill=couleur))


def _bordures(table, couleur=BORDURE, taille=4, aucune=False):
    tblPr = table._tbl.tblPr
    b = _el("w:tblBorders")
    for cote in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b.append(
            _el(f"w:{cote}", val="nil")
            if aucune
            else _el(f"w:{cote}", val="single", sz=taille, space=0, color=couleur)
        )
    tblPr.append(b)
    marges = _el("w:tblCellMar")
    for cote, v in (("top", 40), ("left", 90), ("bottom", 40), ("right", 90)):
        marges.append(_el(f"w:{cote}", w=v, type="dxa"))
    tblPr.append(marges)


def _ligne_insecable(row, entete=False):
    trPr = row._tr.get_or_add_trPr()
    trPr.append(_el("w:cantSplit"))
    if entete:
        trPr.append(_el("w:tblHeader"))


def tableau(doc, largeurs, sans_bordure=False):
    t = doc.add_table(rows=0, cols=len(largeurs))
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _bordures(t, aucune=sans_bordure)
    _grille(t, largeurs)
    t._largeurs = largeurs
    return t


def _grille(t, largeurs):
    """Fixed column widths that Word and LibreOffice both honour."""
    for col, largeur in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), largeurs):
        col.set(qn("w:w"), str(int(Cm(largeur).twips)))
    tblPr = t._tbl.tblPr
    for vieux in tblPr.findall(qn("w:tblW")):
        tblPr.remove(vieux)
    tblPr.append(_el("w:tblW", w=int(Cm(sum(largeurs)).twips), type="dxa"))
    tblPr.append(_el("w:tblLayout", type="fixed"))


def ligne(t, textes, fond=None, bold=False, entete=False, italic=False):
    row = t.add_row()
    _ligne_insecable(row, entete)
    for cell, texte, largeur in zip(row.cells, textes, t._largeurs):
        cell.width = Cm(largeur)
        _cell_para(cell, texte, bold=bold, italic=italic)
        if fond:
            _fond(cell, fond)
    return row


def fiche(doc, lignes, largeur_libelle=5.4):
    """Label / value table (labels shaded)."""
    t = tableau(doc, [largeur_libelle, LARGEUR - largeur_libelle])
    for libelle, valeur in lignes:
        row = ligne(t, [libelle, valeur])
        _fond(row.cells[0], FOND_LIBELLE)
        for r in row.cells[0].paragraphs[0].runs:
            r.font.color.rgb = BLEU
    _tenir_ensemble(t)
    espace(doc)
    return t


def _tenir_ensemble(t):
    """Keep a short table on one page: every row's paragraphs keep with the next row."""
    for row in t.rows[:-1]:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True


def boucle(doc, largeurs, entetes, variable, liste, cellules, totaux=()):
    """Table with a header row, one `{%tr for %}` row loop, and optional total rows."""
    t = tableau(doc, largeurs)
    ligne(t, entetes, fond=FOND_ENTETE, bold=True, entete=True)
    ligne(t, [f"{{%tr for {variable} in {liste} %}}"] + [""] * (len(largeurs) - 1))
    ligne(t, cellules)
    ligne(t, ["{%tr endfor %}"] + [""] * (len(largeurs) - 1))
    for total in totaux:
        ligne(t, total, fond=FOND_LIBELLE, bold=True)
    _tenir_ensemble(t)
    espace(doc)
    return t


def espace(doc, pt=4):
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = Pt(pt)
    return p


def encadre(doc, titre, consigne, balise):
    """The clearly marked space where the worker writes (shaded box, blue rule on the left)."""
    t = doc.add_table(rows=1, cols=1)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    b = _el("w:tblBorders")
    for cote in ("top", "bottom", "right", "insideH", "insideV"):
        b.append(_el(f"w:{cote}", val="nil"))
    b.insert(1, _el("w:left", val="single", sz=24, space=0, color="2E5C8A"))
    t._tbl.tblPr.append(b)
    marges = _el("w:tblCellMar")
    for cote, v in (("top", 100), ("left", 160), ("bottom", 100), ("right", 140)):
        marges.append(_el(f"w:{cote}", w=v, type="dxa"))
    t._tbl.tblPr.append(marges)
    _grille(t, [LARGEUR])
    cell = t.rows[0].cells[0]
    cell.width = Cm(LARGEUR)
    _fond(cell, "F4F7FB")
    _cell_para(cell, "✎ " + titre, bold=True, taille=9.5, couleur=BLEU)
    _cell_para(cell, consigne, italic=True, taille=9, couleur=GRIS)
    p = _cell_para(cell, balise)
    p.paragraph_format.space_before = Pt(4)
    for _ in range(2):
        _cell_para(cell, "")
    espace(doc)
    return t


def cases(doc, options, apres=2):
    for option in options:
        p = para(doc, f"☐ {option}", apres=apres)
        p.paragraph_format.left_indent = Cm(0.4)
        p.paragraph_format.keep_with_next = True  # a list of boxes stays with what follows


def choix(doc, champ, textes, apres=2):
    """Boxes of a closed list of the register: ☒ on its value (`{{ case_<champ>_<option> }}`)."""
    for valeur, texte in textes.items():
        p = para(doc, f"{{{{ case_{champ}_{CASES[champ][valeur]} }}}} {texte}", apres=apres)
        p.paragraph_format.left_indent = Cm(0.4)
        p.paragraph_format.keep_with_next = True


def titre_section(doc, texte):
    return doc.add_heading(typo_fr(texte), level=1)


# ---------------------------------------------------------------- document skeleton
def nouveau_document(titre_pied: str, titre_doc: str) -> Document:
    """A4 template in the house style: letterhead and footer filled by docxtpl tags."""
    doc = Document()
    sec = doc.sections[0]
    largeur = style.page_a4(sec, 2.2, 2.2)
    style.polices(
        doc,
        TAILLE,
        {
            "Heading 1": (11.5, 12, 4),
            "Heading 2": (10.5, 8, 3),
            "Title": (17, 0, 2),
            "Subtitle": (9.5, 0, 10),
        },
    )
    normal = doc.styles["Normal"]
    normal.element.get_or_add_rPr().append(
        _el("w:lang", val="fr-FR", eastAsia="fr-FR", bidi="ar-SA")
    )
    normal.paragraph_format.line_spacing = 1.1

    # letterhead (header) and footer with « Page X sur Y »
    entete = sec.header
    p = entete.paragraphs[0]
    runs(p, "{{ service_nom }}", bold=True, taille=11, couleur=BLEU)
    p.paragraph_format.space_after = Pt(0)
    p = para(
        entete,
        "{{ service_adresse }} – {{ service_ville }}",
        taille=style.PIED_TAILLE,
        couleur=GRIS,
        apres=0,
    )
    p = para(
        entete,
        "Tél. : {{ service_telephone }} – Courriel : {{ service_courriel }}",
        taille=style.PIED_TAILLE,
        couleur=GRIS,
        apres=0,
    )
    style.filet_entete(p)

    p = style.pied(doc, sec, largeur)
    runs(
        p,
        f"{{{{ numero }}}} – {titre_pied} – Document confidentiel",
        taille=style.PIED_TAILLE,
        couleur=GRIS,
    )
    style.numeros_de_page(p)

    doc.core_properties.title = titre_doc
    doc.core_properties.author = "asll"
    doc.core_properties.language = "fr-FR"
    doc.core_properties.comments = (
        "Modèle asll – balises docxtpl ; voir templates/build_templates.py"
    )
    return doc


def signatures(doc, blocs, lieu=True, lignes=4):
    if lieu:
        para(
            doc, "Fait à {{ service_commune }}, le {{ date_jour }}.", avant=8, apres=6, garder=True
        )
    n = len(blocs)
    t = tableau(doc, [LARGEUR / 2] * 2, sans_bordure=True)
    for i in range(0, n, 2):
        paire = blocs[i : i + 2] + [("", "")] * (2 - len(blocs[i : i + 2]))
        row = ligne(t, [b[0] for b in paire], bold=True)
        for cell, (_, detail) in zip(row.cells, paire):
            _cell_para(cell, detail, taille=9, couleur=GRIS)
            for _ in range(lignes):  # room to sign
                _cell_para(cell, "")
    return t


# ---------------------------------------------------------------- the three templates
# The 15 headings of art. 2 of décret n° 2021-8, in order (both forms of the report), are
# RUBRIQUES_DSF in generators/dsf.py, with the items that need a ticked box.
# What can be checked without the household (not-met form): who, and what to ask.
VERIFICATIONS = (
    ("CAF / MSA", "droits ouverts, aide au logement versée ou suspendue, composition du foyer"),
    ("Bailleur", "montant de la dette, paiements récents, contacts avec le ménage"),
    ("Fournisseur d'énergie", "contrat actif, consommation, coupure ou impayé"),
    ("Voisinage, gardien", "logement occupé, départ éventuel du ménage"),
    ("Services sociaux (secteur, CCAS)", "accompagnement connu, démarches en cours"),
)


def _rapport(titre_pied: str, sous_titre: str, rencontre: bool) -> Document:
    doc = nouveau_document(titre_pied, "Diagnostic social et financier")
    para(doc, "Diagnostic social et financier", style="Title")
    para(doc, sous_titre, style="Subtitle")
    fiche(
        doc,
        [
            ("Destinataire", "Madame, Monsieur le juge des contentieux de la protection"),
            ("Juridiction", "{{ juridiction }}"),
            ("Audience", "{{ date_audience }} à {{ heure_audience }}"),
            ("N° RG", "{{ numero_rg }}"),
            ("Référence de la préfecture", "{{ reference }}"),
            ("Locataire(s)", "{{ menage }}"),
            ("Bailleur", "{{ bailleur }}\n{{ adresse_bailleur }}"),
            ("Saisine du préfet", "{{ date_document }}"),
            ("Dossier du service", "{{ numero }}"),
        ],
    )
    para(doc, "{%p if notification_tardive %}")
    avis = para(doc, "{{ notification_tardive }}", bold=True, couleur=style.rgb("9C0006"))
    avis.paragraph_format.space_after = Pt(6)
    para(doc, "{%p endif %}")
    r = iter(RUBRIQUES_DSF)

    titre_section(doc, next(r))
    fiche(
        doc,
        [
            ("Rédacteur", "{{ service_signataire }}, {{ service_fonction }}"),
            ("Service", "{{ service_nom }}"),
            ("Adresse", "{{ service_adresse }}, {{ service_ville }}"),
            ("Téléphone", "{{ redacteur_telephone }}"),
            ("Courriel", "{{ redacteur_courriel }}"),
        ],
    )

    titre_section(doc, next(r))
    if rencontre:
        choix(
            doc,
            "menage_rencontre",
            {
                "Oui": "Le locataire a été rencontré en entretien, le {{ date_entretien }}.",
                "Non": "Le locataire n'a pas pu être rencontré malgré les démarches suivantes "
                "(courriers, visites à domicile, contacts avec les partenaires).",
            },
        )
        # A household the register says was met owes no list of attempts.
        para(doc, "{%p if tentatives_a_decrire %}")
        para(doc, "Tentatives de contact : {{ tentatives_contact }}", avant=2)
        para(doc, "{%p endif %}")
    else:
        para(
            doc, "☐ Le locataire a été rencontré en entretien.", apres=2
        ).paragraph_format.left_indent = Cm(0.4)
        para(
            doc,
            "☒ Le locataire n'a pas pu être rencontré malgré {{ nb_tentatives }}.",
            apres=4,
        ).paragraph_format.left_indent = Cm(0.4)
        para(
            doc,
            "Tentatives effectuées (dates des courriers, visites à domicile sans "
            "rendez-vous, appels) : {{ tentatives_contact }}",
            garder=True,
        )
        cases(
            doc,
            [
                "Courriers proposant un rendez-vous",
                "Visite(s) à domicile sans rendez-vous, avis de passage déposé",
                "Appels téléphoniques, messages",
                "Contact par l'intermédiaire d'un partenaire",
            ],
        )
        para(
            doc, "Vérifications effectuées sans le ménage", bold=True, avant=6, apres=3, garder=True
        )
        t = tableau(doc, [4.4, 1.4, 2.6, 8.2])
        ligne(
            t,
            ["Interlocuteur", "Fait", "Date", "Informations recueillies"],
            fond=FOND_ENTETE,
            bold=True,
            entete=True,
        )
        for qui, quoi in VERIFICATIONS:
            row = ligne(t, [qui, "☐", "", quoi])
            _fond(row.cells[0], FOND_LIBELLE)
            for run in row.cells[3].paragraphs[0].runs:
                run.italic, run.font.size, run.font.color.rgb = True, Pt(8.5), GRIS
            trPr = row._tr.get_or_add_trPr()
            trPr.append(_el("w:trHeight", val=int(Cm(1.2).twips), hRule="atLeast"))
            row.cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        espace(doc)  # may break between rows: the header row repeats

    titre_section(doc, next(r))
    para(
        doc,
        "Le présent diagnostic est transmis au locataire et au bailleur ({{ bailleur }}, "
        "{{ adresse_bailleur }}), "
        "ainsi qu'à la commission de coordination des actions de prévention des expulsions "
        "locatives (CCAPEX).",
    )
    para(doc, "Date d'envoi : {{ date_envoi_rapport }}")

    titre_section(doc, next(r))
    boucle(
        doc,
        [8.6, 4.6, 3.4],
        ["Nom et prénom", "Date de naissance", "Âge"],
        "p",
        "personnes",
        ["{{ p.nom_complet }}", "{{ p.date_naissance }}", "{{ p.age }}"],
    )
    para(doc, "Adresse du logement : {{ adresse_complete }}")

    titre_section(doc, next(r))
    if not rencontre:
        para(
            doc,
            "Situation connue des partenaires (CAF / MSA, bailleur), non vérifiée avec le ménage.",
            italic=True,
            couleur=GRIS,
            garder=True,
        )
    para(doc, "Composition du foyer : {{ composition }}", garder=True)
    para(doc, "Enfants à charge : {{ nb_enfants }}", apres=6, garder=True)
    boucle(
        doc,
        [8.6, 4.6, 3.4],
        ["Enfant", "Date de naissance", "Âge"],
        "e",
        "enfants",
        ["{{ e.nom_complet }}", "{{ e.date_naissance }}", "{{ e.age }}"],
    )

    titre_section(doc, next(r))
    para(doc, "{{ accompagnement_existant }}")

    titre_section(doc, next(r))
    fiche(
        doc,
        [
            ("Bailleur", "{{ bailleur }}"),
            ("Mandataire", "{{ mandataire }}"),
            ("Statut d'occupation", "{{ statut_occupation }}"),
            ("Logement", "{{ logement }}"),
            ("Date du bail", "{{ date_bail }}"),
            ("Loyer hors charges", "{{ loyer_hors_charges }}"),
            ("Charges locatives", "{{ charges_locatives }}"),
            ("Loyer mensuel charges comprises", "{{ loyer }}"),
            ("Aide au logement (APL / AL)", "{{ apl }}"),
            ("Adéquation du logement", "{{ adequation_logement }}"),
        ],
    )

    titre_section(doc, next(r))
    dette = fiche(
        doc,
        [
            ("Montant de la dette", "{{ montant_dette }}, arrêtée au {{ date_dette }}"),
            (
                "Commandement de payer",
                "du {{ date_commandement }}, pour {{ montant_commandement }}",
            ),
            ("Clause résolutoire acquise le", "{{ date_effet_clause }}"),
            ("Assignation délivrée le", "{{ date_assignation }}"),
            ("Commissaire de justice", "{{ commissaire_justice }}"),
            ("Motif de l'impayé", "{{ motif_impaye }}"),
            ("Origine de la dette", "{{ origine_dette }}"),
        ],
    )
    for cell in dette.rows[-1].cells:  # the table and its boxes on one page
        cell.paragraphs[-1].paragraph_format.keep_with_next = True
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    cases(
        doc,
        ["Décompte de la dette joint au présent diagnostic", "Décompte figurant à l'assignation"],
    )

    titre_section(doc, next(r))
    t = tableau(doc, [0.9, 5.3, 3.8, 3.6, 3.0])
    ligne(
        t, ["", "Dispositif", "Statut", "Date", "Montant"], fond=FOND_ENTETE, bold=True, entete=True
    )
    ligne(t, ["{%tr for d in dispositifs_dette %}", "", "", "", ""])
    row = ligne(
        t, ["{{ d.case }}", "{{ d.libelle }}", "{{ d.statut }}", "{{ d.date }}", "{{ d.montant }}"]
    )
    row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    row.cells[4].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    ligne(t, ["{%tr endfor %}", "", "", "", ""])
    _tenir_ensemble(t)
    espace(doc)
    p = para(
        doc,
        "{{ case_aucun_dispositif }} Aucun dispositif mobilisé ni mobilisable à ce jour",
        apres=2,
    )
    p.paragraph_format.left_indent = Cm(0.4)
    if rencontre:
        para(doc, "Précisions (autre dispositif, plan amiable…) : {{ dispositifs }}", avant=2)
    else:
        para(doc, "Précisions, si les partenaires en donnent :", avant=2)

    titre_section(doc, next(r))
    choix(
        doc,
        "reprise_paiement",
        {
            "Aucune": "Le paiement du loyer courant n'a pas repris.",
            "Partielle": "Le loyer courant est de nouveau payé, partiellement.",
            "Loyer courant intégral": "Le loyer courant est de nouveau payé intégralement.",
        },
    )
    if not rencontre:
        cases(doc, ["Information non disponible auprès du bailleur."])
    para(doc, "{%p if reprise_versements %}")
    para(
        doc,
        "Depuis le {{ reprise_depuis }} : {{ reprise_montant }} versés par mois, pour un loyer "
        "courant de {{ loyer }}.",
        avant=2,
    )
    para(doc, "{%p endif %}")
    para(
        doc,
        "Depuis la loi n° 2023-668 du 27 juillet 2023, le juge ne peut accorder des délais de "
        "paiement qu'au locataire qui a repris le versement intégral du loyer courant avant la "
        "date de l'audience (article 24 de la loi n° 89-462 du 6 juillet 1989).",
        italic=True,
        taille=9.5,
        couleur=GRIS,
        avant=4,
    )

    titre_section(doc, next(r))
    if rencontre:
        para(doc, "Budget mensuel du ménage", bold=True, apres=3, garder=True)
    else:
        para(
            doc,
            "Le budget du ménage n'a pas pu être établi avec lui. Ressources connues des "
            "partenaires (CAF / MSA) :",
            apres=3,
            garder=True,
        )
    t = tableau(doc, [12.0, 4.6])
    ligne(t, ["Ressources mensuelles", "Montant"], fond=FOND_ENTETE, bold=True)
    ligne(t, ["{%tr for r in ressources %}", ""])
    ligne(t, ["{{ r.libelle }}", "{{ r.montant }}"])
    ligne(t, ["{%tr endfor %}", ""])
    ligne(
        t,
        ["Total des ressources (hors aide au logement)", "{{ total_ressources }}"],
        fond=FOND_LIBELLE,
        bold=True,
    )
    ligne(t, ["Logement", "Montant"], fond=FOND_ENTETE, bold=True)
    ligne(t, ["Loyer mensuel charges comprises", "{{ loyer }}"])
    ligne(t, ["Aide au logement (APL / AL)", "{{ apl }}"])
    ligne(
        t,
        ["Loyer résiduel (loyer – aide au logement)", "{{ loyer_residuel }}"],
        fond=FOND_LIBELLE,
        bold=True,
    )
    if rencontre:
        ligne(
            t,
            [
                "Charges fixes hors loyer (énergie, eau, assurances, téléphone, transports, "
                "crédits…)",
                "{{ charges }}",
            ],
        )
        ligne(
            t,
            [
                "Reste à vivre mensuel (ressources – loyer résiduel – charges)",
                "{{ reste_a_vivre }}",
            ],
            fond=FOND_ENTETE,
            bold=True,
        )
    for row in t.rows:
        row.cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _tenir_ensemble(t)
    # The resources and the housing block may sit on two pages: no half-page left blank.
    coupure = next(i for i, row in enumerate(t.rows) if row.cells[0].text == "Logement")
    for cell in t.rows[coupure - 1].cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_with_next = False
    espace(doc)
    para(
        doc,
        "Capacité de remboursement mensuelle "
        + ("proposée" if rencontre else "estimée")
        + " : {{ capacite_remboursement }}",
    )

    titre_section(doc, next(r))
    if rencontre:
        para(doc, "Plan d'apurement proposé : {{ plan_propose }}", apres=4)
    encadre(
        doc,
        "Rédaction du travailleur social",
        "Analyse de la situation, plan d'apurement envisageable, délais de paiement, "
        "orientation, relogement…"
        if rencontre
        else "Ce que les vérifications permettent d'établir, ce qui reste inconnu, suites "
        "proposées (nouvelle convocation, orientation, saisine de la CCAPEX)…",
        "{{ preconisations }}",
    )

    titre_section(doc, next(r))
    # Décret n° 2021-8, art. 1er: both parties are told how long they have to answer.
    cases(
        doc,
        [
            "Le locataire et le bailleur ont été informés des délais dans lesquels ils "
            "peuvent présenter des observations écrites ou orales (article 1er du décret "
            "n° 2021-8 du 5 janvier 2021)."
        ],
    )
    encadre(
        doc,
        "Observations écrites (le cas échéant)",
        "Observations du rédacteur, du locataire ou du bailleur jointes ou reproduites ici.",
        "{{ observations }}",
    )

    titre_section(doc, next(r))
    cases(
        doc,
        [
            "Demande de logement social (numéro unique)",
            "Recours DALO",
            "Orientation vers le SIAO",
            "Aucun besoin de relogement",
        ]
        + ([] if rencontre else ["Besoin non évalué en l'absence d'entretien"]),
    )
    if rencontre:
        para(doc, "Démarches engagées : {{ demarches_relogement }}", avant=2)
    else:
        para(doc, "Démarches engagées, si les partenaires en connaissent :", avant=2)

    titre_section(doc, next(r))
    para(doc, "{{ ccapex }}", garder=True)  # never a last page holding only the signature

    signatures(
        doc, [("Le rédacteur", "{{ service_signataire }}, {{ service_fonction }}")], lignes=2
    )
    return doc


def rapport_esu() -> Document:
    return _rapport(
        "Diagnostic social et financier",
        "Enquête sociale préalable à l'audience d'expulsion – article 24 de la loi "
        "n° 89-462 du 6 juillet 1989 – contenu fixé par l'article 2 du décret "
        "n° 2021-8 du 5 janvier 2021",
        rencontre=True,
    )


def rapport_esu_non_rencontre() -> Document:
    return _rapport(
        "Diagnostic social et financier (ménage non rencontré)",
        "Ménage non rencontré – enquête sociale préalable à "
        "l'audience d'expulsion – article 24 de la loi n° 89-462 du 6 juillet 1989 – "
        "article 2 du décret n° 2021-8 du 5 janvier 2021",
        rencontre=False,
    )


def _si(doc, condition):
    """`{%p if … %}`: the paragraphs (and tables) up to `_fin_si` print only when it holds."""
    para(doc, f"{{%p if {condition} %}}", apres=0)


def _sinon(doc):
    para(doc, "{%p else %}", apres=0)


def _fin_si(doc):
    para(doc, "{%p endif %}", apres=0)


def _fait_a(doc, suite=""):
    para(
        doc,
        "Fait à {{ lieu_signature }}, le {{ date_signature }}" + suite + ".",
        avant=8,
        apres=6,
        garder=True,
    )


def _signatures_parties(doc, blocs, detail_menage):
    """One block of signatures kept on one page: the parties two by two, then one block
    per adult of the household (a row each, from the `personnes` loop)."""
    t = tableau(doc, [LARGEUR / 2] * 2, sans_bordure=True)
    for i in range(0, len(blocs), 2):
        paire = blocs[i : i + 2] + [("", "")] * (2 - len(blocs[i : i + 2]))
        row = ligne(t, [b[0] for b in paire], bold=True)
        for cell, (_, detail) in zip(row.cells, paire):
            _cell_para(cell, detail, taille=9, couleur=GRIS)
            for _ in range(3):
                _cell_para(cell, "")
    ligne(t, ["Le ménage", ""], bold=True)
    ligne(t, ["{%tr for p in personnes %}", ""])
    row = ligne(t, ["{{ p.nom_complet }}", ""], bold=True)
    _cell_para(row.cells[0], detail_menage, taille=9, couleur=GRIS)
    for _ in range(3):
        _cell_para(row.cells[0], "")
    ligne(t, ["{%tr endfor %}", ""])
    _tenir_ensemble(t)
    return t


def convention_asll() -> Document:
    doc = nouveau_document("Convention ASLL", "Convention d'accompagnement social lié au logement")
    para(doc, "Convention d'accompagnement social lié au logement", style="Title")
    para(
        doc,
        "Mesure individuelle d'ASLL – {{ type_mesure }} – dossier {{ numero }} – "
        "Fonds de solidarité pour le logement (loi n° 90-449 du 31 mai 1990)",
        style="Subtitle",
    )

    titre_section(doc, "Entre les soussignés")
    fiche(
        doc,
        [
            (
                "Le service",
                "{{ service_nom }}, {{ service_adresse }}, {{ service_ville }}, représenté par "
                "{{ directeur }}, {{ fonction_directeur }}, son représentant légal",
            ),
            (
                "Le travailleur social",
                "{{ service_signataire }}, {{ service_fonction }}, référent du ménage, chargé "
                "de l'accompagnement",
            ),
            ("Le ménage", "{{ menage }}, demeurant {{ adresse_complete }}"),
            ("Le bailleur", "{{ bailleur }}"),
            (
                "Le Département",
                "{{ departement }}, au titre du {{ fsl }}, financeur de la mesure",
            ),
        ],
        largeur_libelle=3.6,
    )

    titre_section(doc, "Article 1 – Objet")
    para(
        doc,
        "La présente convention organise un accompagnement social lié au logement (ASLL) "
        "individuel, de nature « {{ type_mesure }} », demandé par {{ prescripteur }} "
        "({{ organisme_prescripteur }}) et accordé par décision de la commission du FSL "
        "du {{ date_decision }}. Le ménage a donné son accord exprès à cet accompagnement.",
    )
    _si(doc, "acces")
    para(
        doc,
        "L'accompagnement vise l'accès du ménage à un logement adapté à sa situation et à "
        "ses ressources, puis son installation dans ce logement.",
    )
    _sinon(doc)
    para(
        doc,
        "L'accompagnement vise le maintien du ménage dans son logement. À la demande, la "
        "dette locative s'élevait à {{ montant_dette }} (arrêtée au {{ date_dette }}) : "
        "la reprise du paiement du loyer courant et l'apurement de cette dette en sont les "
        "conditions.",
    )
    _fin_si(doc)

    titre_section(doc, "Article 2 – Durée")
    para(
        doc,
        "L'accompagnement est conclu pour une durée de six mois, du {{ date_debut }} au "
        "{{ date_fin_prevue }}. Il peut être renouvelé pour six mois, au vu du bilan, par "
        "décision de la commission du FSL.",
    )

    titre_section(doc, "Article 3 – Objectifs")
    para(doc, "Les objectifs retenus lors de la prescription sont cochés ci-dessous :", garder=True)
    boucle(
        doc, [1.2, 15.4], ["", "Objectif"], "o", "objectifs", ["{{ o.case }}", "{{ o.libelle }}"]
    )
    para(doc, "Précisions : {{ precisions_objectifs }}")

    titre_section(doc, "Article 4 – Engagements des parties")
    # (text, condition): None prints always; "acces" / "not acces" only for that kind.
    engagements = [
        (
            "Le ménage s'engage à :",
            [
                (
                    "participer aux rendez-vous et aux visites à domicile convenus avec le "
                    "travailleur social ;",
                    None,
                ),
                (
                    "fournir les justificatifs utiles à l'ouverture et au maintien de ses droits ;",
                    None,
                ),
                ("payer son loyer et ses charges ;", "acces"),
                (
                    "payer son loyer et ses charges et, le cas échéant, respecter le plan "
                    "d'apurement ;",
                    "not acces",
                ),
                ("informer le service de tout changement de situation.", None),
            ],
        ),
        (
            "Le service s'engage à :",
            [
                (
                    "accompagner le ménage, par son travailleur social référent, dans les "
                    "démarches liées aux objectifs ;",
                    None,
                ),
                (
                    "assurer la liaison avec le bailleur, le Département et les partenaires, "
                    "dans le respect du secret professionnel ;",
                    None,
                ),
                ("présenter une évaluation à trois mois et un bilan en fin de mesure.", None),
            ],
        ),
        (
            "Le bailleur s'engage à :",
            [
                (
                    "désigner un interlocuteur et informer le service de tout incident de "
                    "paiement ;",
                    None,
                ),
                ("étudier avec le ménage et le service un plan d'apurement adapté ;", "not acces"),
                (
                    "suspendre, autant que possible, les poursuites pendant la durée de "
                    "l'accompagnement.",
                    "not acces",
                ),
            ],
        ),
        (
            "Le Département (FSL) s'engage à :",
            [
                ("financer la mesure dans les conditions du règlement intérieur du FSL ;", None),
                (
                    "examiner le bilan et statuer sur la fin ou le renouvellement de la mesure.",
                    None,
                ),
            ],
        ),
    ]
    for titre, items in engagements:
        para(doc, titre, bold=True, apres=2, avant=4, garder=True)
        for item, condition in items:
            if condition:
                _si(doc, condition)
            p = para(doc, "– " + item, apres=1)
            p.paragraph_format.left_indent = Cm(0.8)
            p.paragraph_format.first_line_indent = Cm(-0.4)
            if condition:
                _fin_si(doc)

    titre_section(doc, "Article 5 – Évaluation")
    para(
        doc,
        "Une évaluation intermédiaire est réalisée à trois mois, vers le {{ date_evaluation }}, "
        "avec le ménage. Avant le {{ date_fin_prevue }}, le service présente à la commission du "
        "FSL un bilan écrit (objectifs atteints, partiellement atteints ou non atteints, "
        "paiement du loyer, aides obtenues{%r if not acces %}, évolution de la dette"
        "{%r endif %}) proposant l'arrêt ou le renouvellement de la mesure.",
    )

    titre_section(doc, "Article 6 – Fin anticipée")
    para(
        doc,
        "La convention peut prendre fin avant son terme à la demande du ménage, ou sur "
        "proposition du service lorsque le ménage ne participe plus à l'accompagnement ; "
        "la commission du FSL en est informée.",
    )

    titre_section(doc, "Article 7 – Protection des données personnelles")
    para(
        doc,
        "Les informations recueillies sont traitées par {{ service_nom }} pour la seule mise en "
        "œuvre de l'accompagnement, conformément au règlement général sur la protection des "
        "données et au référentiel de la CNIL relatif à l'accompagnement social (délibération "
        "n° 2021-028). Elles ne sont communiquées qu'aux personnes qui en ont besoin : "
        "travailleur social, Département (FSL) et, pour ce qui les concerne, le bailleur. "
        "Le dossier est conservé deux ans après le dernier contact, puis archivé ou détruit. "
        "Le ménage dispose d'un droit d'accès, de rectification, d'effacement et de limitation, "
        "qu'il exerce auprès du service ({{ service_courriel }}), et peut saisir la CNIL.",
        taille=9.5,
    )

    _fait_a(doc, ", en autant d'exemplaires que de parties")
    _signatures_parties(
        doc,
        [
            ("Pour le service", "{{ directeur }}, {{ fonction_directeur }}"),
            ("Le travailleur social référent", "{{ service_signataire }}, {{ service_fonction }}"),
            ("Le bailleur", "{{ bailleur }}"),
            ("Pour le Département", "{{ departement }} – {{ fsl }}"),
        ],
        "Mention manuscrite « lu et approuvé »",
    )
    return doc


# Boxes the commission ticks on the bilan it receives (not the worker: never demanded).
DECISIONS_COMMISSION = (
    "Arrêt de la mesure",
    "Renouvellement de la mesure pour ………… mois",
    "Ajournement : précisions ou pièces demandées",
    "Réorientation vers un autre dispositif : ……………………………………",
)


def _cadre_commission(doc):
    """The box the FSL commission fills in: its decision, date and signature."""
    t = tableau(doc, [LARGEUR])
    ligne(
        t,
        ["Décision de la commission du FSL (cadre réservé à la commission)"],
        fond=FOND_ENTETE,
        bold=True,
    )
    row = ligne(t, ["Séance du ……………………………"])
    cell = row.cells[0]
    for decision in DECISIONS_COMMISSION:
        p = _cell_para(cell, f"☐ {decision}")
        p.paragraph_format.left_indent = Cm(0.3)
    _cell_para(cell, "Observations : ……………………………………………………………………………………")
    _cell_para(cell, "")
    _cell_para(cell, "Pour la commission, le président :", italic=True, taille=9, couleur=GRIS)
    for _ in range(3):
        _cell_para(cell, "")
    _tenir_ensemble(t)
    for p in cell.paragraphs:
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_together = True
    return t


def bilan_asll() -> Document:
    doc = nouveau_document(
        "Bilan ASLL", "Bilan de la mesure d'accompagnement social lié au logement"
    )
    para(doc, "Bilan de la mesure d'ASLL", style="Title")
    para(
        doc,
        "Accompagnement social lié au logement – {{ type_mesure }} – dossier {{ numero }} – "
        "{{ fsl }}",
        style="Subtitle",
    )

    titre_section(doc, "1. La mesure")
    fiche(
        doc,
        [
            ("Ménage", "{{ menage }}"),
            ("Adresse", "{{ adresse_complete }}"),
            ("Bailleur", "{{ bailleur }}"),
            ("Nature de la mesure", "{{ type_mesure }}"),
            ("Prescripteur", "{{ prescripteur }} ({{ organisme_prescripteur }})"),
            ("Début de la mesure", "{{ date_debut }}"),
            ("Fin de la mesure", "{{ date_fin }} (fin prévue : {{ date_fin_prevue }})"),
            ("Durée", "{{ duree_mesure }} – renouvellements : {{ renouvellements }}"),
            (
                "Rencontres",
                "entretiens : {{ nb_entretiens }} – visites à domicile : {{ nb_visites }}",
            ),
            ("Travailleur social", "{{ service_signataire }}, {{ service_fonction }}"),
        ],
    )

    titre_section(doc, "2. Objectifs et résultats")
    boucle(
        doc,
        [6.4, 4.4, 5.8],
        ["Objectif retenu", "Résultat", "Commentaire"],
        "o",
        "objectifs_retenus",
        [
            "{{ o.libelle }}",
            "{{ o.case_atteint }} atteint\n{{ o.case_partiel }} partiellement\n"
            "{{ o.case_non_atteint }} non atteint\n{{ o.case_sans_objet }} sans objet",
            "{{ o.commentaire }}",
        ],
    )

    titre_section(doc, "3. Loyer et aides obtenues")
    para(
        doc,
        "{%r if acces %}Paiement{%r else %}Reprise du paiement{%r endif %} du loyer courant "
        "({{ loyer }} par mois) :",
        bold=True,
        apres=2,
        garder=True,
    )
    choix(
        doc,
        "reprise_loyer",
        {
            "Loyer courant intégral": "Le loyer courant est payé en totalité",
            "Partielle": "Le loyer courant est payé en partie",
            "Aucune": "Le loyer courant n'est pas payé",
        },
    )
    para(doc, "Payé depuis le : {{ date_reprise_loyer }}", avant=2)
    para(doc, "Aides obtenues :", bold=True, avant=4, apres=2, garder=True)
    for champ, libelle, suite in (
        ("aide_fsl", "Aide du FSL (accès, maintien, énergie)", ""),
        ("aide_logement", "Aide au logement (APL / AL)", " – montant mensuel : {{ apl }}"),
    ):
        p = para(
            doc,
            f"{libelle} : {{{{ case_{champ}_oui }}}} oui  {{{{ case_{champ}_non }}}} non{suite}",
            apres=2,
        )
        p.paragraph_format.left_indent = Cm(0.4)
        p.paragraph_format.keep_with_next = True
    para(doc, "Précisions (montants, dates des décisions) : {{ precisions_aides }}", avant=2)

    titre_section(doc, "4. Dette locative")
    t = tableau(doc, [3.2, 4.4, 4.4, 4.6])
    ligne(
        t,
        ["", "À la demande d'ASLL", "Au début de la mesure", "À la fin de la mesure"],
        fond=FOND_ENTETE,
        bold=True,
        entete=True,
    )
    ligne(t, ["Date", "{{ date_dette }}", "{{ date_debut }}", "{{ date_fin }}"])
    ligne(t, ["Dette locative", "{{ montant_dette }}", "{{ dette_debut }}", "{{ dette_fin }}"])
    for row in t.rows:
        for cell in row.cells[1:]:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _fond(t.rows[1].cells[0], FOND_LIBELLE)
    _fond(t.rows[2].cells[0], FOND_LIBELLE)
    _tenir_ensemble(t)
    espace(doc)
    _si(doc, "acces")
    para(
        doc,
        "Mesure d'accès au logement : pas de dette locative à apurer ni de plan d'apurement.",
        italic=True,
    )
    _sinon(doc)
    para(doc, "Évolution de la dette depuis la demande : {{ evolution_dette }}", bold=True)
    para(doc, "Plan d'apurement :", bold=True, avant=4, apres=2, garder=True)
    choix(
        doc,
        "plan_apurement",
        {
            "Aucun": "Pas de plan d'apurement",
            "Mis en place": "Plan d'apurement mis en place (en cours)",
            "Respecté": "Plan d'apurement mis en place et respecté",
            "Non respecté": "Plan d'apurement mis en place, non respecté",
        },
    )
    para(doc, "Précisions (montant mensuel, durée, créancier) : {{ precisions_plan }}", avant=2)
    _fin_si(doc)

    titre_section(doc, "5. Surendettement")
    choix(
        doc,
        "surendettement",
        {
            "Non": "Pas de dossier de surendettement",
            "Dossier déposé": "Dossier de surendettement déposé à la Banque de France",
            "Plan en cours": "Plan de surendettement en cours",
        },
    )
    para(doc, "Précisions : {{ precisions_surendettement }}", avant=2)

    titre_section(doc, "6. Relogement")
    choix(
        doc,
        "relogement",
        {
            "Non concerné": "Non concerné",
            "En cours": "Demande de relogement en cours",
            "Relogé": "Relogement réalisé",
        },
    )
    para(doc, "Précisions : {{ precisions_relogement }}", avant=2)

    titre_section(doc, "7. Avis du bailleur")
    para(doc, "{{ bailleur }} : {{ avis_bailleur }}")

    titre_section(doc, "8. Motif de fin de l'accompagnement")
    choix(
        doc,
        "motif_fin",
        {
            "Travail possible": "Le travail a été possible : objectifs atteints ou en voie de l'être.",
            "Travail non possible": "Le travail n'a pas été possible : le ménage n'a pas participé à "
            "l'accompagnement.",
            "Limites de l'intervention atteintes": "Les limites de l'intervention sont atteintes : une "
            "mesure de protection est à envisager.",
        },
    )

    titre_section(doc, "9. Proposition à la commission")
    choix(
        doc,
        "proposition",
        {
            "Arrêt": "Arrêt de la mesure au {{ date_fin_prevue }}",
            "Renouvellement": "Renouvellement de la mesure pour {{ duree_renouvellement }}",
        },
    )
    encadre(
        doc,
        "Appréciation du travailleur social",
        "Évolution de la situation, points d'appui, difficultés persistantes, suites proposées…",
        "{{ observations }}",
    )

    _fait_a(doc)
    _signatures_parties(
        doc,
        [("Le travailleur social", "{{ service_signataire }}, {{ service_fonction }}")],
        "A pris connaissance du bilan",
    )
    espace(doc, 8)
    _cadre_commission(doc)
    return doc


def _corriger_sauts(doc):
    """'\\n' inside a run (table cells with several lines) becomes a real line break."""
    for t in doc.element.body.iter(qn("w:t")):
        if t.text and "\n" in t.text:
            r = t.getparent()
            morceaux = t.text.split("\n")
            t.text = morceaux[0]
            suivant = t
            for m in morceaux[1:]:
                br = OxmlElement("w:br")
                suivant.addnext(br)
                nt = OxmlElement("w:t")
                nt.text = m
                nt.set(qn("xml:space"), "preserve")
                br.addnext(nt)
                suivant = nt
            del r


# Word rejects properties out of the schema's order: sort them before saving.
ORDRE = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
    "tblCellSpacing jc hidden",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
    "vAlign hideMark",
}


def _ordonner(racine):
    for nom, ordre in ORDRE.items():
        rang = {qn(f"w:{t}"): i for i, t in enumerate(ordre.split())}
        for pr in racine.iter(qn(f"w:{nom}")):
            enfants = sorted(pr, key=lambda e: rang.get(e.tag, len(rang)))
            for e in enfants:
                pr.append(e)


def _ordonner_document(doc):
    _ordonner(doc.element)
    _ordonner(doc.styles.element)
    for sec in doc.sections:
        _ordonner(sec.header._element)
        _ordonner(sec.footer._element)


MODELES = {
    "rapport-esu.docx": rapport_esu,
    "rapport-esu-non-rencontre.docx": rapport_esu_non_rencontre,
    "convention-asll.docx": convention_asll,
    "bilan-asll.docx": bilan_asll,
}


def main(dossier: Path = ICI) -> list[Path]:
    ecrits = []
    for nom, fabrique in MODELES.items():
        doc = fabrique()
        _corriger_sauts(doc)
        _ordonner_document(doc)
        cible = Path(dossier) / nom
        doc.save(cible)
        ecrits.append(cible)
        print(f"écrit : {cible}")
    champs = write_field_list(Path(dossier) / "CHAMPS.md", Path(dossier))
    print(f"écrit : {champs}")
    return ecrits + [champs]


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ICI)
