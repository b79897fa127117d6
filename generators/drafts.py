"""Render the Word drafts into the outbox, never overwriting a file already there.

    draft_document("esu", dossier, config)  ->  outbox/ESU-2025-0001_DUPONT_rapport-esu.docx
"""
from __future__ import annotations

import copy
import difflib
import io
import re
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.text.run import Run
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, TemplateSyntaxError, UndefinedError

from asll.config import Config
from asll.model import Dossier
from generators.context import LIBELLES, MARQUE, build_context
from generators.errors import TemplateError

# kind -> (template file in config.templates, suffix of the draft's file name)
MODELES = {
    "esu": ("rapport-esu.docx", "rapport-esu"),
    "convention": ("convention-asll.docx", "convention"),
    "bilan": ("bilan-asll.docx", "bilan"),
}
# Keys of the rows of the table loops (`{{ p.nom_complet }}` inside `{%tr for p in personnes %}`).
CLES_LIGNES = {"nom_complet", "nom", "prenom", "date_naissance", "age", "libelle", "montant",
               "case", "commentaire"}
GUILLEMETS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_BALISE = re.compile(r"{{.*?}}|{%.*?%}", re.S)


class _Modele(DocxTemplate):
    """DocxTemplate that also straightens Word's curly quotes inside tags."""

    def patch_xml(self, src_xml):
        src_xml = super().patch_xml(src_xml)
        return _BALISE.sub(lambda m: m.group(0).translate(GUILLEMETS), src_xml)


def draft_document(kind: str, dossier: Dossier, config: Config,
                   aujourd_hui: date | None = None) -> Path:
    """Render the `kind` template (esu, convention, bilan) for `dossier` into `config.outbox`."""
    if kind not in MODELES:
        raise ValueError(f"Type de document inconnu : {kind!r} (attendu : {', '.join(MODELES)})")
    fichier, suffixe = MODELES[kind]
    modele = Path(config.templates) / fichier
    if not modele.is_file():
        raise TemplateError(f"Modèle introuvable : {modele}", modele=fichier)
    contenu = render_template(modele, build_context(dossier, config, aujourd_hui))

    outbox = Path(config.outbox)
    outbox.mkdir(parents=True, exist_ok=True)
    base = f"{_nom_fichier(dossier.numero or 'BROUILLON', upper=False)}_" \
           f"{_nom_fichier(dossier.nom_menage)}_{suffixe}"
    version = 1
    while True:
        cible = outbox / (base + (f"-v{version}" if version > 1 else "") + ".docx")
        try:
            with open(cible, "xb") as f:  # exclusive creation: never overwrite
                f.write(contenu)
            return cible
        except FileExistsError:
            version += 1


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
            modele=nom, balise=balise) from exc
    except UndefinedError as exc:
        m = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(exc))
        balise = (m.group(1) or m.group(2)) if m else str(exc)
        raise TemplateError(
            f"Le modèle « {nom} » utilise une balise inconnue : « {balise} »"
            f"{_suggestion(balise)}.", modele=nom, balise=balise) from exc
    tampon = io.BytesIO()
    tpl.save(tampon)
    return _surligner(tampon.getvalue())


def check_template(path: Path | str) -> list[str]:
    """French messages naming each unknown or malformed tag of a template (empty: all good)."""
    path = Path(path)
    nom = path.name
    try:
        tpl = _Modele(str(path))
        inconnues = tpl.get_undeclared_template_variables() - set(LIBELLES)
    except TemplateSyntaxError as exc:
        return [f"Le modèle « {nom} » contient une balise mal écrite : "
                f"« {_balise_fautive(path) or '?'} » ({exc.message})."]
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        return [f"Le modèle « {nom} » n'est pas un document Word lisible ({exc})."]
    messages = [f"Le modèle « {nom} » utilise une balise inconnue : « {b} »{_suggestion(b)}."
                for b in sorted(inconnues)]
    for attribut in sorted({a for t in _balises(path) for a in re.findall(r"\b\w+\.(\w+)", t)}
                           - CLES_LIGNES):
        messages.append(f"Le modèle « {nom} » utilise un champ de tableau inconnu : "
                        f"« {attribut} »{_suggestion(attribut, CLES_LIGNES)}.")
    return messages


def _suggestion(balise: str, connues=None) -> str:
    proches = difflib.get_close_matches(balise, list(connues or LIBELLES), n=1, cutoff=0.6)
    return f" — vouliez-vous dire « {proches[0]} » ?" if proches else ""


def _balises(path: Path) -> list[str]:
    """Text of every tag of a template, paragraph by paragraph (also headers and footers)."""
    out = []
    with zipfile.ZipFile(path) as z:
        for nom in z.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", nom):
                xml = z.read(nom).decode("utf-8")
                for para in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S):
                    texte = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", para))
                    out += _BALISE.findall(texte.translate(GUILLEMETS))
    return out


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


def _surligner(docx_bytes: bytes) -> bytes:
    """Turn text between MARQUE characters into runs with a yellow Word highlight."""
    doc = Document(io.BytesIO(docx_bytes))
    for part in doc.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None or not part.partname.startswith(("/word/document", "/word/header",
                                                            "/word/footer")):
            continue
        for t in list(element.iter(qn("w:t"))):
            if t.text and MARQUE in t.text:
                _decouper(t, part)
    tampon = io.BytesIO()
    doc.save(tampon)
    return tampon.getvalue()


def _decouper(t, part) -> None:
    run = t.getparent()
    autres = [c for c in run if c.tag not in (qn("w:rPr"), qn("w:t"))]
    if autres or len(run.findall(qn("w:t"))) != 1:  # unusual run: highlight it whole
        t.text = t.text.replace(MARQUE, "")
        Run(run, part).font.highlight_color = WD_COLOR_INDEX.YELLOW
        return
    morceaux = t.text.split(MARQUE)  # even index: plain text, odd index: highlighted
    for i, texte in enumerate(morceaux):
        if not texte:
            continue
        nouveau = copy.deepcopy(run)
        nt = nouveau.find(qn("w:t"))
        nt.text = texte
        nt.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if i % 2:
            Run(nouveau, part).font.highlight_color = WD_COLOR_INDEX.YELLOW
        run.addprevious(nouveau)
    run.getparent().remove(run)
