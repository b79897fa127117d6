"""Render the Word drafts into the outbox, never overwriting a file already there.

draft_document("esu", dossier, config)  ->  outbox/ESU-2025-0001_DUPONT_rapport-esu.docx
"""

from __future__ import annotations

import copy
import difflib
import glob
import html
import io
import re
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.run import Run
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, TemplateSyntaxError, UndefinedError

from asll.config import Config
from asll.domain.dossiers import RAPPORT_ENVOYE
from asll.domain.model import Dossier
from asll.storage.naming import write_new
from generators.cases import aligner_sur_glyphes, choix_coches, en_cases_a_cocher
from generators.context import (
    A_COMPLETER,
    A_VERIFIER,
    CASE,
    COCHEE,
    LIBELLES,
    LIBELLES_LIGNES,
    MARQUE,
    MARQUE_CLE,
    build_context,
    libelle_champ,
)
from generators.dsf import rubriques_sans_case, suivi_du_dsf
from generators.errors import IncompleteDocument, TemplateError
from generators.pdf import convert_to_pdf

# kind -> (template file in config.templates, suffix of the draft's file name)
MODELES = {
    "esu": ("rapport-esu.docx", "rapport-esu"),
    "convention": ("convention-asll.docx", "convention"),
    "bilan": ("bilan-asll.docx", "bilan"),
}
# The ESU report of a household not met after three attempts (`menage_rencontre == "Non"`).
ESU_NON_RENCONTRE = ("rapport-esu-non-rencontre.docx", "rapport-esu-non-rencontre")
FICHIERS_MODELES = (
    "rapport-esu.docx",
    "rapport-esu-non-rencontre.docx",
    "convention-asll.docx",
    "bilan-asll.docx",
)
# Keys of the rows of the table loops (`{{ p.nom_complet }}` inside `{%tr for p in personnes %}`).
CLES_LIGNES = set(LIBELLES_LIGNES)
GUILLEMETS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_BALISE = re.compile(r"{{.*?}}|{%.*?%}", re.S)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SIGNET = "_ac"  # hidden bookmarks (leading "_") around each highlighted value


class _Modele(DocxTemplate):
    """DocxTemplate that also straightens Word's curly quotes inside tags."""

    def patch_xml(self, src_xml):
        src_xml = super().patch_xml(src_xml)
        return _BALISE.sub(lambda m: m.group(0).translate(GUILLEMETS), src_xml)


def modele_pour(kind: str, dossier: Dossier) -> tuple[str, str]:
    """(template file, file-name suffix) of a kind for this household."""
    if kind not in MODELES:
        raise ValueError(f"Type de document inconnu : {kind!r} (attendu : {', '.join(MODELES)})")
    if kind == "esu" and (dossier.menage_rencontre or "").strip().lower() == "non":
        return ESU_NON_RENCONTRE
    return MODELES[kind]


def draft_document(
    kind: str, dossier: Dossier, config: Config, aujourd_hui: date | None = None
) -> Path:
    """Render the `kind` template (esu, convention, bilan) for `dossier` into `config.outbox`.

    For "esu", a household recorded as not met (`menage_rencontre == "Non"`) gets the
    not-met form, `…_rapport-esu-non-rencontre.docx`.
    """
    fichier, suffixe = modele_pour(kind, dossier)
    modele = _modele(config, fichier)
    contenu = render_template(modele, build_context(dossier, config, aujourd_hui))
    return write_new(dossier_brouillons(dossier, config), _base(dossier, suffixe), ".docx", contenu)


def final_document(
    kind: str,
    dossier: Dossier,
    config: Config,
    aujourd_hui: date | None = None,
    source: Path | None = None,
) -> Path:
    """The final version: `…_<suffix>-final.docx` and, when LibreOffice is installed, its PDF.

    The document made final is `source`, else the latest draft of this kind in the outbox
    (the one the worker completed in Word), else a new rendering from the register. While a
    field is still « [à compléter] » (or « (à vérifier) », or a choice left unticked) it
    raises `IncompleteDocument` with their French labels. Returns the .docx path; the PDF,
    when made, sits beside it with the same name.
    """
    fichier, suffixe = modele_pour(kind, dossier)
    base = _base(dossier, suffixe)
    outbox = dossier_brouillons(dossier, config)
    source = Path(source) if source else dernier_brouillon(outbox, base)
    if source is not None:
        contenu, nom = source.read_bytes(), source.name
    else:
        # Made final straight from the register: it is signed the day it is made.
        jour = aujourd_hui or date.today()
        contenu = render_template(
            _modele(config, fichier), build_context(dossier, config, jour, date_signature=jour)
        )
        nom = f"{base}.docx"
    restants = champs_restants(contenu) + rubriques_sans_case(contenu, suffixe)
    if restants:
        raise IncompleteDocument(nom, restants)
    cible = write_new(outbox, f"{base}-final", ".docx", _nettoyer(contenu))
    convert_to_pdf([cible])
    return cible


# Closed lists of the register a final bilan answers with its boxes.
CHOIX_BILAN = ("plan_apurement", "surendettement", "relogement", "motif_fin", "proposition")


def suivi_final(kind: str, docx: bytes, jour: date) -> dict:
    """What a final document gives back to its dossier in the register (the caller
    writes it through the register's own interface, see asll/app/cli.py):
    - a DSF: the report is sent (status, « rapport envoyé le »: the date its item 3 states,
      else `jour`), the interview date and the boxes ticked (generators/dsf.py);
    - a bilan: its sending date and the choices ticked (plan, overindebtedness,
      rehousing, end, proposal).
    Fields a person already filled in the register keep their value
    (asll/domain/dossiers.apply_final_report)."""
    if kind == "esu":
        return {"statut": RAPPORT_ENVOYE, "date_envoi_rapport": jour} | suivi_du_dsf(docx)
    if kind == "bilan":  # sent: settles the bilan's deadline (deadlines.bilan_sent)
        # the measure goes on (its status stays): only the sending date is recorded
        return {"date_envoi_rapport": jour} | choix_coches(
            Document(io.BytesIO(docx)).element.body, CHOIX_BILAN
        )
    return {}


def dossier_brouillons(dossier: Dossier, config: Config) -> Path:
    """Where a dossier's drafts go: the outbox, or its sector's folder inside it, so that
    each worker finds hers in her own folder."""
    outbox = Path(config.outbox)
    if not dossier.secteur:
        return outbox
    name = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", dossier.secteur).strip(" .")
    return outbox / (name or "secteur")


def dernier_brouillon(outbox: Path, base: str) -> Path | None:
    """The latest draft `base.docx`, `base-v2.docx`… in the outbox (None when there is none)."""
    versions = []
    for chemin in Path(outbox).glob(f"{glob.escape(base)}*.docx"):
        m = re.fullmatch(re.escape(base) + r"(?:-v(\d+))?\.docx", chemin.name)
        if m:
            versions.append((int(m.group(1) or 1), chemin))
    return max(versions)[1] if versions else None


def _modele(config: Config, fichier: str) -> Path:
    modele = Path(config.templates) / fichier
    if not modele.is_file():
        raise TemplateError(f"Modèle introuvable : {modele}", modele=fichier)
    return modele


def _base(dossier: Dossier, suffixe: str) -> str:
    return (
        f"{_nom_fichier(dossier.numero or 'BROUILLON', upper=False)}_"
        f"{_nom_fichier(dossier.nom_menage)}_{suffixe}"
    )


def render_template(modele: Path, context: dict) -> bytes:
    """Render one template with autoescape; errors become `TemplateError` in French."""
    nom = Path(modele).name
    tpl = _Modele(str(modele))
    env = Environment(autoescape=True, undefined=StrictUndefined)
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
    except TemplateSyntaxError as exc:
        balise = _balise_fautive(modele) or "?"
        raise TemplateError(
            f"Le modèle « {nom} » contient une balise mal écrite : « {balise} » ({exc.message}).",
            modele=nom,
            balise=balise,
        ) from exc
    except UndefinedError as exc:
        m = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(exc))
        balise = (m.group(1) or m.group(2)) if m else str(exc)
        raise TemplateError(
            f"Le modèle « {nom} » utilise une balise inconnue : « {balise} »{_suggestion(balise)}.",
            modele=nom,
            balise=balise,
        ) from exc
    tampon = io.BytesIO()
    tpl.save(tampon)
    return _surligner(tampon.getvalue())


def check_template(path: Path | str) -> list[str]:
    """French messages naming each problem of a template (empty: all good).

    Unknown or misspelled tags (with a suggestion), tags Word cut into several pieces
    (spell-check, formatting), Word's curly quotes inside a tag, tags left open
    (`{{ nom` without `}}`) and unbalanced blocks (`{% if %}` without `{% endif %}`).
    """
    path = Path(path)
    nom = path.name
    try:
        paragraphes = _paragraphes(path)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return [f"Le modèle « {nom} » n'est pas un document Word lisible ({exc})."]
    structure = [f"Le modèle « {nom} » {m}" for m in _structure(paragraphes)]
    messages = list(structure)
    for morceaux in (m for _, ps in paragraphes for m in ps):
        texte, debut = "".join(morceaux), 0
        bornes = []
        for m in morceaux:
            bornes.append((debut, debut + len(m)))
            debut += len(m)
        for t in _BALISE.finditer(texte):
            if not any(a <= t.start() and t.end() <= b for a, b in bornes):
                messages.append(
                    f"Le modèle « {nom} » contient la balise « {t.group(0)} » coupée en "
                    f"plusieurs morceaux par Word (correcteur orthographique ou mise en forme) : "
                    f"retapez-la d'un seul tenant, sans changer de mise en forme au milieu."
                )
            if t.group(0) != t.group(0).translate(GUILLEMETS):
                messages.append(
                    f"Le modèle « {nom} » contient des guillemets typographiques de Word dans la "
                    f"balise « {t.group(0)} » : écrivez des guillemets droits (\" ou ')."
                )
    if structure:  # Jinja2 would only name the first of these problems
        return messages
    try:
        tpl = _Modele(str(path))
        inconnues = tpl.get_undeclared_template_variables() - set(LIBELLES)
    except TemplateSyntaxError as exc:
        return messages + [
            f"Le modèle « {nom} » contient une balise mal écrite : "
            f"« {_balise_fautive(path) or '?'} » ({exc.message})."
        ]
    messages += [
        f"Le modèle « {nom} » utilise une balise inconnue : « {b} »{_suggestion(b)}."
        for b in sorted(inconnues)
    ]
    for attribut in sorted(_attributs(path) - CLES_LIGNES):
        messages.append(
            f"Le modèle « {nom} » utilise un champ de tableau inconnu : "
            f"« {attribut} »{_suggestion(attribut, CLES_LIGNES)}."
        )
    return messages


def check_templates(folder: Path | str) -> dict[Path, list[str]]:
    """`check_template` for every Word template of a folder (the four expected ones included:
    a missing one is reported). Keys are the templates' paths; an empty list means all good."""
    folder = Path(folder)
    if not folder.is_dir():
        return {folder: [f"Dossier des modèles introuvable : {folder}"]}
    chemins = {p for p in folder.glob("*.docx") if not p.name.startswith("~$")}
    chemins |= {folder / f for f in FICHIERS_MODELES}
    return {
        p: (check_template(p) if p.is_file() else [f"Modèle introuvable : {p}"])
        for p in sorted(chemins)
    }


def balises_utilisees(path: Path | str) -> tuple[set[str], set[str]]:
    """(top-level tags, row fields) a template uses."""
    return _Modele(str(path)).get_undeclared_template_variables(), _attributs(Path(path))


def _attributs(path: Path) -> set[str]:
    return {a for t in _balises(path) for a in re.findall(r"\b[a-z_]\w*\.([a-z_]\w*)", t)}


def _suggestion(balise: str, connues=None) -> str:
    proches = difflib.get_close_matches(balise, list(connues or LIBELLES), n=1, cutoff=0.6)
    return f" — vouliez-vous dire « {proches[0]} » ?" if proches else ""


def _paragraphes(path: Path) -> list[tuple[str, list[list[str]]]]:
    """Per part (body, headers, footers): each paragraph as the list of its w:t texts."""
    out = []
    with zipfile.ZipFile(path) as z:
        noms = [
            n for n in z.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)
        ]
        if "word/document.xml" not in noms:
            raise KeyError("word/document.xml")
        for nom in noms:
            xml = z.read(nom).decode("utf-8")
            paras = [
                [html.unescape(t) for t in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)]
                for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
            ]
            out.append((nom, paras))
    return out


def _balises(path: Path) -> list[str]:
    """Text of every tag of a template, paragraph by paragraph (also headers and footers)."""
    return [
        b
        for _, ps in _paragraphes(path)
        for p in ps
        for b in _BALISE.findall("".join(p).translate(GUILLEMETS))
    ]


_OUVRANTS = {"for": "endfor", "if": "endif"}
_JETON = re.compile(r"{{|}}|{%|%}")


def _structure(paragraphes) -> list[str]:
    """Tags left open and unbalanced {% for/if %} … {% endfor/endif %}, part by part."""
    messages = []
    for _, paras in paragraphes:
        pile: list[str] = []
        for morceaux in paras:
            texte = "".join(morceaux)
            ouvert = None
            for j in _JETON.finditer(texte):
                jeton = j.group(0)
                if jeton in ("{{", "{%"):
                    if ouvert is not None:
                        break
                    ouvert = j
                elif ouvert is None or {"{{": "}}", "{%": "%}"}[ouvert.group(0)] != jeton:
                    extrait = texte[max(0, j.start() - 20) : j.end()]
                    messages.append(
                        f"contient « {jeton} » sans ouverture correspondante "
                        f"(« …{extrait} ») : balise mal écrite."
                    )
                    ouvert = None
                else:
                    ouvert = None
            if ouvert is not None:
                extrait = texte[ouvert.start() : ouvert.start() + 40]
                messages.append(
                    f"contient une balise dont « {ouvert.group(0)} » n'est pas fermé "
                    f"(« {extrait}… ») : balise mal écrite."
                )
            for b in re.findall(r"{%-?\s*(?:tr|tc|p|r)?\s*(\w+)", texte):
                if b in _OUVRANTS:
                    pile.append(b)
                elif b in _OUVRANTS.values():
                    attendu = _OUVRANTS[pile[-1]] if pile else None
                    if attendu == b:
                        pile.pop()
                    else:
                        messages.append(
                            f"contient « {{% {b} %}} » sans « {{% {b[3:]} … %}} » correspondant."
                        )
        for b in pile:
            messages.append(
                f"contient « {{% {b} … %}} » sans « {{% {_OUVRANTS[b]} %}} » correspondant."
            )
    return messages


def _balise_fautive(path: Path) -> str | None:
    """The first tag Jinja2 can't read on its own."""
    env = Environment()
    for balise in _balises(path):
        corps = balise[2:-2].strip()
        mot = re.sub(r"^(tr|tc|p|r)\s+", "", corps).split(" ", 1)[0]
        if mot.startswith("end") or mot in ("else", "elif"):
            continue
        source = re.sub(r"^({[{%])\s*(tr|tc|p|r)\s", r"\1 ", balise)
        if mot in ("for", "if"):
            source += "{% end" + mot + " %}"
        try:
            env.parse(source)
        except TemplateSyntaxError:
            return balise
    return None


def _nom_fichier(texte: str, upper: bool = True) -> str:
    """Filesystem-safe (Windows too) but accents kept: « d'Almeida » → « D-ALMEIDA »."""
    texte = unicodedata.normalize("NFC", texte.strip())
    texte = texte.upper() if upper else texte
    texte = re.sub(r"[^\w-]+", "-", texte).strip("-_")
    return re.sub(r"-{2,}", "-", texte) or "MENAGE"


_PARTIES = ("/word/document", "/word/header", "/word/footer")
_CLE = re.compile(f"{MARQUE_CLE}([^{MARQUE_CLE}]*){MARQUE_CLE}")


def _parties(doc):
    for part in doc.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is not None and str(part.partname).startswith(_PARTIES):
            yield part, element


def _surligner(docx_bytes: bytes) -> bytes:
    """Turn text between MARQUE characters into runs with a yellow Word highlight, each inside
    a hidden bookmark `_ac<n>_<tag>` that names the field it stands for; then every ☐ / ☒
    into a check-box content control (generators/cases.py)."""
    doc = Document(io.BytesIO(docx_bytes))
    compteur = iter(range(1000, 10**6))
    for part, element in _parties(doc):
        for t in list(element.iter(qn("w:t"))):
            if t.text and MARQUE in t.text:
                _decouper(t, part, compteur)
        en_cases_a_cocher(element)
    tampon = io.BytesIO()
    doc.save(tampon)
    return tampon.getvalue()


def _signet(run, cle: str, compteur) -> None:
    n = next(compteur)
    debut = OxmlElement("w:bookmarkStart")
    debut.set(qn("w:id"), str(n))
    debut.set(qn("w:name"), f"{SIGNET}{n}_{cle}"[:40])
    fin = OxmlElement("w:bookmarkEnd")
    fin.set(qn("w:id"), str(n))
    run.addprevious(debut)
    run.addnext(fin)


def _decouper(t, part, compteur) -> None:
    run = t.getparent()
    autres = [c for c in run if c.tag not in (qn("w:rPr"), qn("w:t"))]
    if autres or len(run.findall(qn("w:t"))) != 1:  # unusual run: highlight it whole
        cles = _CLE.findall(t.text)
        t.text = _CLE.sub("", t.text).replace(MARQUE, "")
        Run(run, part).font.highlight_color = WD_COLOR_INDEX.YELLOW
        if cles and cles[0]:
            _signet(run, cles[0], compteur)
        return
    morceaux = t.text.split(MARQUE)  # even index: plain text, odd index: highlighted
    for i, texte in enumerate(morceaux):
        cle = ""
        if i % 2:
            m = _CLE.match(texte)
            if m:
                cle, texte = m.group(1), texte[m.end() :]
        if not texte:
            continue
        nouveau = copy.deepcopy(run)
        nt = nouveau.find(qn("w:t"))
        nt.text = texte
        nt.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if i % 2:
            Run(nouveau, part).font.highlight_color = WD_COLOR_INDEX.YELLOW
        run.addprevious(nouveau)
        if cle:
            _signet(nouveau, cle, compteur)
    run.getparent().remove(run)


def champs_restants(docx: bytes | Path) -> list[str]:
    """French labels of the fields a draft still leaves to complete, in the document's order.

    A value is still to complete while its bookmark holds « [à compléter] » or « (à vérifier) »,
    or, for a closed list, while none of its boxes is ticked. Any other « [à compléter] » left
    in the text is reported with the words around it.
    """
    donnees = Path(docx).read_bytes() if isinstance(docx, Path) else docx
    doc = Document(io.BytesIO(donnees))
    groupes: dict[str, list[str]] = {}
    orphelins: list[str] = []
    for _, element in _parties(doc):
        ouverts: dict[str, str] = {}
        for e in element.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"), qn("w:t")):
            if e.tag == qn("w:bookmarkStart"):
                nom = e.get(qn("w:name")) or ""
                m = re.fullmatch(SIGNET + r"(\d+)_(.+)", nom)
                if m:
                    ouverts[e.get(qn("w:id"))] = m.group(2)
                    groupes.setdefault(m.group(2), []).append("")
            elif e.tag == qn("w:bookmarkEnd"):
                ouverts.pop(e.get(qn("w:id")), None)
            elif ouverts:
                for cle in ouverts.values():
                    groupes[cle][-1] += e.text or ""
            elif A_COMPLETER in (e.text or ""):
                p = next((a for a in e.iterancestors(qn("w:p"))), None)
                texte = "".join(x.text or "" for x in p.iter(qn("w:t"))) if p is not None else ""
                orphelins.append(f"Champ non identifié : « {texte.strip()[:70]} »")
    out = []
    for cle, textes in groupes.items():
        manque = any(A_COMPLETER in x or A_VERIFIER in x for x in textes)
        cases = [x.strip() for x in textes]
        if cases and all(x in (CASE, "") for x in cases) and not any(COCHEE in x for x in textes):
            manque = True
        libelle = libelle_champ(cle)
        if manque and libelle not in out:
            out.append(libelle)
    return out + [o for o in orphelins if o not in out]


def _nettoyer(docx_bytes: bytes) -> bytes:
    """A final version: no yellow highlight, no hidden bookmark of the drafts; each check
    box's state matches the glyph the worker left (a tool may change only the glyph)."""
    doc = Document(io.BytesIO(docx_bytes))
    for _, element in _parties(doc):
        aligner_sur_glyphes(element)
        for h in list(element.iter(qn("w:highlight"))):
            h.getparent().remove(h)
        ids = set()
        for b in list(element.iter(qn("w:bookmarkStart"))):
            if (b.get(qn("w:name")) or "").startswith(SIGNET):
                ids.add(b.get(qn("w:id")))
                b.getparent().remove(b)
        for b in list(element.iter(qn("w:bookmarkEnd"))):
            if b.get(qn("w:id")) in ids:
                b.getparent().remove(b)
    tampon = io.BytesIO()
    doc.save(tampon)
    return tampon.getvalue()
