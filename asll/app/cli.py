"""The `asll` command: parses arguments, calls library functions, prints in French."""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from asll.app import french_argparse  # noqa: F401  (French messages for argparse)
from asll.config import BUNDLED_SAMPLES, EXAMPLE_CONFIG, Config, ConfigError, load_config
from asll.storage.permissions import private_umask
from intake.inbox import wait_until_stable, waiting_files
from intake.outcomes import A_TRIER, DOUBLON, QUARANTAINE, TRAITE, IntakeResult
from intake.sandbox import ToolFailure, extract_isolated

# Word, PDF-rendering, chart and file-watching libraries (python-docx, docxtpl, matplotlib,
# watchdog) and the register's (openpyxl, through the store, the pipeline, the importer,
# the privacy and status commands) are imported inside the commands that use them, on
# purpose: `asll extract` and `asll --help` start without loading them. So are the log
# file, the service, the deadlines, the retention rules and the evaluation: `asll extract`
# is timed as a whole process against pdfplumber alone (benchmarks/bench_extraction.py),
# and its fork starts sooner without them.

EXIT_OK, EXIT_TOOL_FAILED, EXIT_BAD_INPUT = 0, 1, 2
DRAFT_KINDS = ("esu", "convention", "bilan")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(args)
    logged = args.func in LOGGED_COMMANDS
    try:
        if logged:
            from asll.app.logs import setup_file_log

            if setup_file_log(config_from(args)):
                logging.getLogger("asll").info(
                    "Commande « %s » lancée (pid %d).", args.func.__name__[4:], os.getpid()
                )
        return args.func(args)
    except ConfigError as exc:
        print(f"Erreur de configuration : {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # output piped into `head` and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception:
        logging.getLogger("asll").exception("Arrêt sur erreur interne.")
        raise
    finally:
        if logged:
            from asll.app.logs import close_file_log

            close_file_log()


def setup_logging(args) -> None:
    """Results are printed; the console log only shows problems (all of it with -v)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    handler.setLevel(logging.DEBUG if getattr(args, "verbeux", False) else logging.WARNING)
    root = logging.getLogger("asll")
    root.setLevel(logging.DEBUG)
    root.addHandler(handler)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        type=Path,
        metavar="FICHIER",
        help="fichier de configuration asll.toml (par défaut : ./asll.toml s'il existe)",
    )
    common.add_argument(
        "--espace",
        type=Path,
        metavar="DOSSIER",
        help="espace de travail : tous les dossiers et le registre dedans "
        "(inbox/, outbox/, archive/, quarantaine/, a-trier/, registre.xlsx)",
    )
    common.add_argument(
        "--inbox", type=Path, metavar="DOSSIER", help="dossier d'arrivée des documents"
    )
    common.add_argument(
        "--outbox", type=Path, metavar="DOSSIER", help="dossier des brouillons rédigés"
    )
    common.add_argument(
        "--registre", type=Path, metavar="FICHIER", help="classeur du registre (.xlsx)"
    )
    common.add_argument("--modeles", type=Path, metavar="DOSSIER", help="dossier des modèles Word")
    common.add_argument("-v", "--verbeux", action="store_true", help="journal détaillé")

    parser = argparse.ArgumentParser(
        prog="asll",
        description="Traitement des documents d'un service ASLL / ESU : arrivée des courriers, "
        "registre des dossiers, brouillons des rapports et conventions.",
    )
    sub = parser.add_subparsers(title="commandes", metavar="COMMANDE", required=True)

    p = sub.add_parser(
        "surveiller",
        aliases=["watch"],
        parents=[common],
        help="surveiller le dossier d'arrivée",
        description="Traite les fichiers déjà présents dans le dossier d'arrivée, "
        "puis chaque nouveau fichier dès qu'il est complètement "
        "copié. Ctrl-C arrête proprement après le fichier en cours.",
    )
    p.add_argument(
        "--polling",
        action="store_true",
        help="scrutation périodique, pour un partage réseau (SMB, NFS)",
    )
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser(
        "traiter",
        aliases=["ingest"],
        parents=[common],
        help="traiter les fichiers une fois, puis s'arrêter",
        description="Fait une fois ce que fait la surveillance : "
        "sur les fichiers donnés, ou sur tous ceux du dossier d'arrivée. Les "
        "fichiers traités sont déplacés vers l'archive.",
    )
    p.add_argument("fichiers", nargs="*", type=Path, metavar="FICHIER")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser(
        "extraire",
        aliases=["extract"],
        parents=[common],
        help="afficher ce qu'un document contient",
        description="Lit un fichier et affiche les données extraites, sans rien "
        "écrire ni déplacer.",
    )
    p.add_argument("fichier", type=Path, metavar="FICHIER")
    p.add_argument("--json", action="store_true", help="sortie JSON (format de référence)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "rediger",
        aliases=["generate"],
        parents=[common],
        help="(re)rédiger un document d'un dossier",
        description="Rédige à nouveau un brouillon à partir du registre. Un "
        "brouillon existant n'est jamais écrasé : la nouvelle "
        "version porte un autre nom.",
    )
    p.add_argument("type", choices=DRAFT_KINDS, metavar="{esu,convention,bilan}")
    p.add_argument("dossier", metavar="DOSSIER", help="numéro, par exemple ESU-2025-0001")
    p.add_argument(
        "--final",
        action="store_true",
        help="version définitive (DOCX et PDF) du dernier brouillon complété dans "
        "Word ; refusée tant qu'il reste des champs « [à compléter] »",
    )
    p.add_argument(
        "--source",
        type=Path,
        metavar="FICHIER",
        help="avec --final : le brouillon complété à utiliser (par défaut : le "
        "plus récent de ce dossier dans le dossier des brouillons)",
    )
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser(
        "modeles",
        parents=[common],
        help="vérifier les modèles Word",
        description="Vérifie les modèles Word du service avant qu'une rédaction "
        "n'échoue : balises inconnues ou mal orthographiées (avec "
        "une suggestion), balises coupées par Word, guillemets "
        "typographiques, blocs non refermés.",
    )
    p.add_argument("action", choices=("verifier",), metavar="verifier")
    p.set_defaults(func=cmd_modeles)

    p = sub.add_parser(
        "statut",
        parents=[common],
        help="état de la surveillance, fichiers en attente ou écartés, rapports à rendre",
        description="Dit en clair si la surveillance tourne, ce qui attend, ce qui "
        "a été mis de côté et pourquoi, et les rapports ESU dus dans "
        "les 7 jours.",
    )
    p.set_defaults(func=cmd_statut)

    p = sub.add_parser(
        "echeances",
        parents=[common],
        help="rapports et bilans à rendre, et ceux en retard",
        description="Liste les échéances (rapports ESU / "
        "DSF, entretiens, bilans, diagnostics) en retard et à venir.",
    )
    p.add_argument(
        "--jours", type=int, default=15, metavar="N", help="horizon en jours (par défaut : 15)"
    )
    p.set_defaults(func=cmd_echeances)

    p = sub.add_parser(
        "reconstruire",
        parents=[common],
        help="refaire le classeur du registre à partir de la base et des documents archivés",
        description="Refait le classeur du registre à partir de la base du registre, "
        "après avoir repris les saisies du classeur actuel s'il est lisible ; les "
        "documents archivés absents de la base sont relus. Le classeur actuel est "
        "d'abord sauvegardé.",
    )
    p.set_defaults(func=cmd_reconstruire)

    p = sub.add_parser(
        "migrer",
        parents=[common],
        help="reprendre dans la base un registre tenu dans le classeur et son journal",
        description="Reprend une fois pour toutes le registre (classeur et journal des "
        "versions précédentes) dans la base du registre, puis vérifie que chaque dossier et "
        "chaque document y est. Relancer la commande n'ajoute rien.",
    )
    p.set_defaults(func=cmd_migrer)

    p = sub.add_parser(
        "importer",
        parents=[common],
        help="importer un tableau existant (Excel ou CSV) dans le registre",
        description="Charge la liste de ménages que le service tenait déjà "
        "(Excel .xlsx ou CSV). Les colonnes sont reconnues par leur "
        "en-tête (Nom, Prénom, Adresse, CP, Ville, Bailleur, Dette, "
        "Date d'audience, Prestation, Montant…) ou par un fichier de "
        "correspondance. Un ménage déjà présent n'est pas importé deux fois.",
    )
    p.add_argument("fichier", type=Path, metavar="FICHIER")
    p.add_argument(
        "--correspondance",
        type=Path,
        metavar="FICHIER",
        help='fichier TOML : [colonnes] "En-tête" = "champ", et '
        'nature_par_defaut = "ESU" ou "ASLL"',
    )
    p.set_defaults(func=cmd_importer)

    p = sub.add_parser(
        "purger",
        parents=[common],
        help="appliquer la durée de conservation (simulation par défaut)",
        description="Anonymise les dossiers clos dont le dernier contact date de "
        "plus de N ans (2 par défaut, référentiel CNIL) et supprime "
        "leurs documents et brouillons. Sans --appliquer, dit "
        "seulement ce qui serait fait.",
    )
    p.add_argument(
        "--annees",
        type=int,
        metavar="N",
        help="durée de conservation en années "
        "(par défaut : [confidentialite] conservation_annees, sinon 2)",
    )
    p.add_argument("--appliquer", action="store_true", help="faire réellement la purge")
    p.set_defaults(func=cmd_purger)

    p = sub.add_parser(
        "exporter-personne",
        parents=[common],
        help="droit d'accès : tout ce que le service détient sur une personne",
        description="Copie dans un dossier les données du registre et les "
        "documents des dossiers où figure cette personne.",
    )
    p.add_argument("nom", metavar="NOM")
    p.add_argument("--prenom", metavar="PRÉNOM")
    p.add_argument(
        "--sortie",
        type=Path,
        metavar="DOSSIER",
        help="où écrire l'export (par défaut : exports/ dans l'espace de travail)",
    )
    p.set_defaults(func=cmd_exporter_personne)

    p = sub.add_parser(
        "effacer-personne",
        parents=[common],
        help="droit à l'effacement : anonymiser les dossiers d'une personne",
        description="Anonymise les dossiers où figure cette personne et supprime "
        "leurs documents et brouillons. Sans --confirmer, dit "
        "seulement ce qui serait fait.",
    )
    p.add_argument("nom", metavar="NOM")
    p.add_argument("--prenom", metavar="PRÉNOM")
    p.add_argument("--confirmer", action="store_true", help="effacer réellement")
    p.set_defaults(func=cmd_effacer_personne)

    p = sub.add_parser(
        "rapport-annuel",
        parents=[common],
        help="rapport d'activité de l'année",
        description="Rédige le rapport d'activité de l'année (Word, PDF et "
        "tableaux Excel) à partir du registre. Les ménages n'y "
        "figurent que par leur numéro de dossier.",
    )
    p.add_argument("annee", type=int, metavar="ANNEE")
    p.add_argument(
        "--sortie",
        type=Path,
        metavar="DOSSIER",
        help="dossier où écrire (par défaut : outbox/rapports)",
    )
    p.add_argument("--sans-pdf", action="store_true", help="ne pas produire le PDF")
    p.set_defaults(func=cmd_rapport_annuel)

    p = sub.add_parser(
        "gts",
        parents=[common],
        help="dossier de séance du GTS du mois",
        description="Prépare le document de la séance mensuelle du Groupe "
        "Technique Social : nouvelles demandes, bilans dus, "
        "diagnostics rendus, colonne de décision vide.",
    )
    p.add_argument("mois", metavar="AAAA-MM")
    p.add_argument(
        "--sortie",
        type=Path,
        metavar="DOSSIER",
        help="dossier où écrire (par défaut : outbox/rapports)",
    )
    p.add_argument(
        "--seance",
        metavar="JJ/MM/AAAA",
        help="date de la séance, imprimée sous le titre (sinon laissée à compléter)",
    )
    p.set_defaults(func=cmd_gts)

    p = sub.add_parser(
        "service",
        parents=[common],
        help="démarrer la surveillance avec la session (service)",
        description="Installe la surveillance du dossier d'arrivée pour qu'elle "
        "démarre seule à chaque ouverture de session et redémarre "
        "après une panne : service systemd de l'utilisateur sous "
        "Linux, tâche planifiée « ASLL - surveillance » sous Windows. "
        "Donnez --config : le service utilisera ce fichier.",
    )
    p.add_argument(
        "action",
        choices=("installer", "desinstaller", "statut"),
        metavar="{installer,desinstaller,statut}",
    )
    p.set_defaults(func=cmd_service)

    p = sub.add_parser(
        "evaluer",
        aliases=["evaluate"],
        parents=[common],
        help="mesurer l'extraction sur un corpus étiqueté",
        description="Extrait chaque document de DOSSIER qui a un "
        "attendu <ATTENDU>/<nom du fichier>.json et compare champ par champ : "
        "exactitude par champ, par type de document, textes et scans.",
    )
    p.add_argument("dossier", type=Path, metavar="DOSSIER")
    p.add_argument(
        "--attendu", type=Path, metavar="DOSSIER", help="par défaut : DOSSIER/../attendu"
    )
    p.add_argument(
        "--details-reserve",
        action="store_true",
        help="montrer aussi les écarts des familles tenues à l'écart (par défaut "
        "seuls leurs scores sont affichés, pour ne pas régler les règles dessus)",
    )
    p.add_argument("--ecarts", type=int, metavar="N", help="n'afficher que les N premiers écarts")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser(
        "servir",
        aliases=["serve"],
        parents=[common],
        help="ouvrir le registre dans le navigateur (pages web)",
        description="Sert les pages du registre : dossiers, valeurs à vérifier, brouillons. "
        "Écoute sur 127.0.0.1 (cette machine seulement) sauf --adresse ; une adresse "
        "accessible au service n'est permise qu'une fois un compte créé (asll comptes).",
    )
    p.add_argument("--adresse", default="127.0.0.1", help="adresse d'écoute (127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port d'écoute (8000)")
    p.set_defaults(func=cmd_servir)

    p = sub.add_parser(
        "comptes",
        help="gérer les comptes des pages web",
        description="Ajoute un compte pour les pages web (asll servir). Le mot de passe est "
        "demandé deux fois, sans s'afficher ; il est gardé haché (Argon2).",
    )
    comptes = p.add_subparsers(title="actions", metavar="ACTION", required=True)
    q = comptes.add_parser("ajouter", parents=[common], help="ajouter un compte")
    q.add_argument(
        "nom", metavar="NOM", help="nom du compte (celui du référent, pour un travailleur)"
    )
    q.add_argument("--role", required=True, choices=("agent", "travailleur", "responsable"))
    q.add_argument(
        "--mot-de-passe-fichier",
        type=Path,
        metavar="FICHIER",
        help="lire le mot de passe dans ce fichier (scripts et tests) au lieu de le demander",
    )
    q.set_defaults(func=cmd_comptes_ajouter)

    p = sub.add_parser(
        "demo",
        parents=[common],
        help="démonstration sur les documents d'exemple",
        description="Copie les documents d'exemple dans un espace "
        "de travail temporaire, les traite et résume le résultat.",
    )
    p.add_argument(
        "--dossier",
        type=Path,
        help="espace de travail à utiliser (par défaut : un dossier temporaire neuf)",
    )
    p.set_defaults(func=cmd_demo)
    return parser


def config_from(args) -> Config:
    config = load_config(args.config)
    if args.espace:
        config = config.rebased(args.espace)
    config = config.with_options(
        inbox=args.inbox, outbox=args.outbox, registre=args.registre, templates=args.modeles
    )
    private_umask(config)
    return config


# ------------------------------------------------------------------------ commands
def cmd_watch(args) -> int:
    from intake.watcher import InboxWatcher

    config = config_from(args)
    watcher = InboxWatcher(config, polling=args.polling or None, on_result=print_result)

    def request_stop(signum, frame):
        print("Arrêt demandé : fin du fichier en cours…", file=sys.stderr)
        watcher.stop()

    signal.signal(signal.SIGINT, request_stop)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, request_stop)
    print(
        f"Surveillance de {config.inbox}{' (scrutation périodique)' if watcher.polling else ''}"
        " — Ctrl-C pour arrêter.",
        file=sys.stderr,
        flush=True,
    )
    watcher.run()
    print("Surveillance arrêtée.", file=sys.stderr)
    return EXIT_OK


def cmd_ingest(args) -> int:
    config = config_from(args)
    config.ensure_folders()
    if args.fichiers:
        missing = [p for p in args.fichiers if not p.is_file()]
        for path in missing:
            print(f"Fichier introuvable : {path}", file=sys.stderr)
        paths = [p for p in args.fichiers if p.is_file()]
    else:
        paths = waiting_files(config.inbox)
    if not paths:
        print("Aucun fichier à traiter.")
        _catch_up(config)  # changes kept while the workbook was open are written now
        return EXIT_BAD_INPUT if args.fichiers else EXIT_OK
    paths = wait_until_stable(paths, config.stabilite_secondes)
    results = run_batch(paths, config)
    print_summary(results, config)
    failed = any(r.erreur_interne for r in results) or len(results) < len(paths)
    return EXIT_TOOL_FAILED if failed else EXIT_OK


def _catch_up(config: Config, quiet: bool = False):
    """Bring the workbook up to date with the database, whatever the command: changes kept
    while it was open are written as soon as it is free. Nothing when there is no register
    yet. Returns what still waits."""
    from asll.storage.store import RegisterStore, has_register

    if not has_register(config.registre, config.base_registre or None):
        return None
    waiting = RegisterStore(config.registre, config.base_registre or None).flush()
    if waiting and not quiet:
        print(f"Registre non mis à jour pour l'instant : {waiting.reason}.")
    return waiting


def run_batch(paths: list[Path], config: Config) -> list[IntakeResult]:
    from asll.app.logs import Progress
    from intake.batch import handle_all
    from intake.pipeline import Intake

    intake = Intake(config)
    results = []
    progress = Progress(len(paths))

    def on_result(path: Path, result: IntakeResult) -> None:
        results.append(result)
        progress.clear()
        print_result(result, prefix=progress.prefix(progress_done()))
        progress.update(progress_done())

    def on_failure(path: Path, exc: Exception) -> None:
        failures.append(path)
        progress.clear()
        print(
            f"{progress.prefix(progress_done())}{path.name} : laissé dans le dossier "
            f"d'arrivée ({exc})",
            file=sys.stderr,
        )
        progress.update(progress_done())

    failures: list[Path] = []
    progress_done = lambda: len(results) + len(failures)  # noqa: E731
    with progress.above_logs():
        progress.update(0)
        handle_all(intake, paths, on_result, on_failure)
        progress.finish()
    waiting = intake.flush()
    if waiting:
        print(
            f"Registre : {waiting.count} changement(s) en attente, car {waiting.reason} ; "
            "ils seront enregistrés dès sa fermeture (asll watch) ou au prochain passage."
        )
    return results


def cmd_extract(args) -> int:
    config = config_from(args)
    if not args.fichier.is_file():
        print(f"Fichier introuvable : {args.fichier}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        outcome = extract_isolated(
            args.fichier,
            config.delai_max_secondes,
            config.memoire_max_mo,
            config.regles,
            one_shot=True,
        )
    except ToolFailure as exc:
        print(exc, file=sys.stderr)
        return EXIT_TOOL_FAILED
    if not outcome.ok:
        print(outcome.reason, file=sys.stderr)
        return EXIT_BAD_INPUT
    extraction = outcome.extraction
    extraction.fichier = args.fichier.name
    for note in outcome.notes:  # stderr: standard output is the contract's JSON alone
        print(f"Remarque : {note}", file=sys.stderr)
    if args.json:
        print(json.dumps(extraction.to_json(), ensure_ascii=False, indent=2))
    else:
        for key, value in extraction.to_json().items():
            if value not in (None, [], ""):
                print(f"{key:24} {json.dumps(value, ensure_ascii=False)}")
    return EXIT_OK


def cmd_generate(args) -> int:
    from asll.storage.store import RegisterStore, drafts_entry, final_report_entry
    from generators import IncompleteDocument, final_document
    from generators.drafts import draft_document, suivi_final
    from generators.errors import TemplateError

    config = config_from(args)
    if not config.registre.exists():
        print(f"Registre introuvable : {config.registre}", file=sys.stderr)
        return EXIT_BAD_INPUT
    store = RegisterStore(config.registre, config.base_registre or None)
    dossier = store.view().get(args.dossier)
    if dossier is None:
        print(f"Dossier {args.dossier} absent du registre.", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        if args.final:
            path = final_document(args.type, dossier, config, source=args.source)
        else:
            path = draft_document(args.type, dossier, config)
    except IncompleteDocument as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    except TemplateError as exc:
        print(f"Modèle invalide : {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    store.record(drafts_entry(dossier.numero, [path.name]))
    if args.final:
        # What the final document states goes back into the register: a DSF is sent and
        # its deadline met, the household counts as met or not; a bilan's choices.
        values = suivi_final(args.type, path.read_bytes(), date.today())
        if values:
            store.record(final_report_entry(dossier.numero, values))
    waiting = store.flush()
    print(f"{'Version définitive' if args.final else 'Brouillon'} rédigé(e) : {path}")
    if args.final and args.type in ("esu", "bilan") and not waiting:
        print(f"Registre : dossier {dossier.numero}, rapport noté envoyé ce jour.")
    if args.final and path.with_suffix(".pdf").exists():
        print(f"PDF : {path.with_suffix('.pdf')}")
    if waiting:
        print(f"Registre non mis à jour pour l'instant : {waiting.reason}.")
    return EXIT_OK


def cmd_evaluate(args) -> int:
    from intake.evaluate import evaluate, format_report

    config = config_from(args)
    if not args.dossier.is_dir():
        print(f"Dossier introuvable : {args.dossier}", file=sys.stderr)
        return EXIT_BAD_INPUT
    report = evaluate(args.dossier, args.attendu, extra_rules_dir=config.regles)
    print(format_report(report, max_mismatches=args.ecarts, details_reserve=args.details_reserve))
    return EXIT_OK if report.documents else EXIT_BAD_INPUT


def cmd_service(args) -> int:
    from asll.app.service import install_service, service_status, uninstall_service

    if args.action == "installer":
        if args.espace or args.inbox or args.outbox or args.registre or args.modeles:
            print(
                "Les options --espace, --inbox, --outbox, --registre et --modeles ne sont "
                "pas reprises par le service : écrivez-les dans asll.toml.",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        result = install_service(args.config)
    elif args.action == "desinstaller":
        result = uninstall_service()
    else:
        result = service_status()
    for line in result.lines():
        print(line)
    return EXIT_OK if result.ok else EXIT_TOOL_FAILED


def cmd_servir(args) -> int:
    # Django and the server are imported here only: the other commands never load them.
    from asll.app.web.server import ServeRefused, serve

    config = config_from(args)
    config.ensure_folders()
    try:
        print(
            f"Pages du registre : http://{args.adresse}:{args.port}/ — Ctrl-C pour arrêter.",
            file=sys.stderr,
            flush=True,
        )
        serve(config, args.adresse, args.port)
    except ServeRefused as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def cmd_comptes_ajouter(args) -> int:
    from asll.app.web.server import AccountError, create_account

    config = config_from(args)
    if args.mot_de_passe_fichier:
        try:
            password = args.mot_de_passe_fichier.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            print(f"Fichier du mot de passe illisible : {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
    else:
        import getpass

        password = getpass.getpass("Mot de passe : ")
        if getpass.getpass("Mot de passe (une deuxième fois) : ") != password:
            print("Les deux mots de passe diffèrent : aucun compte créé.", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        create_account(config, args.nom, args.role, password)
    except AccountError as exc:
        print(f"Compte non créé : {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Compte « {args.nom.strip()} » créé ({args.role}).")
    return EXIT_OK


def cmd_modeles(args) -> int:
    from generators import check_templates

    config = config_from(args)
    problems = 0
    for path, messages in check_templates(config.templates).items():
        if messages:
            problems += len(messages)
            print(f"✘ {path.name}")
            for message in messages:
                print(f"    {message}")
        else:
            print(f"✓ {path.name}")
    return EXIT_BAD_INPUT if problems else EXIT_OK


def cmd_importer(args) -> int:
    from asll.app.importer import ImportFailure, import_file
    from asll.storage.store import RegisterStore

    config = config_from(args)
    if not args.fichier.is_file():
        print(f"Fichier introuvable : {args.fichier}", file=sys.stderr)
        return EXIT_BAD_INPUT
    store = RegisterStore(config.registre, config.base_registre or None)
    try:
        report = import_file(args.fichier, store, args.correspondance)
    except ImportFailure as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    waiting = store.flush()
    print(
        f"{len(report.importes)} dossier(s) importé(s), {len(report.deja_presents)} déjà "
        f"présent(s), {len(report.illisibles)} ligne(s) illisible(s)."
    )
    for row, numero in report.deja_presents:
        print(f"  ligne {row} : déjà dans le registre ({numero}), non importée")
    for row, reason in report.illisibles:
        print(f"  ligne {row} : illisible — {reason}")
    if report.colonnes_ignorees:
        print("Colonnes non reprises : " + ", ".join(report.colonnes_ignorees))
    if waiting:
        print(f"Registre non mis à jour pour l'instant : {waiting.reason}.")
    return EXIT_OK


def cmd_purger(args) -> int:
    from asll.app.privacy import erase
    from asll.domain.retention import PURGE_FIELDS, due_for_purge, last_activity
    from asll.storage.store import RegisterStore

    config = config_from(args)
    years = args.annees if args.annees is not None else config.conservation_annees
    store = RegisterStore(config.registre, config.base_registre or None)
    dossiers = due_for_purge(store.select(PURGE_FIELDS), date.today(), years)
    if not dossiers:
        print(f"Aucun dossier clos sans contact depuis plus de {years} an(s) : rien à purger.")
        return EXIT_OK
    verb = "Anonymisation de" if args.appliquer else "Seraient anonymisés"
    print(f"{verb} {len(dossiers)} dossier(s) clos sans contact depuis plus de {years} an(s) :")
    for dossier in dossiers:
        print(
            f"  {dossier.numero} (dernier contact : {last_activity(dossier).strftime('%d/%m/%Y')})"
        )
    if not args.appliquer:
        print("Simulation : rien n'a été modifié. Relancez avec --appliquer pour purger.")
        return EXIT_OK
    result = erase(
        [d.numero for d in dossiers], store, config, f"durée de conservation ({years} ans) dépassée"
    )
    _print_erasure(result)
    return EXIT_OK


def _person_dossiers(args):
    """(config, store, dossiers naming the person), saying so when there are none."""
    from asll.domain.retention import PERSON_FIELDS, find_person
    from asll.storage.store import RegisterStore

    config = config_from(args)
    store = RegisterStore(config.registre, config.base_registre or None)
    found = find_person(store.select(PERSON_FIELDS), args.nom, args.prenom)
    if not found:
        print(f"Aucun dossier ne mentionne {args.nom}{' ' + args.prenom if args.prenom else ''}.")
        return config, store, []
    return config, store, store.select(numeros={d.numero for d in found})  # whole, to export


def cmd_exporter_personne(args) -> int:
    from asll.app.privacy import export_person

    config, store, dossiers = _person_dossiers(args)
    if not dossiers:
        return EXIT_OK
    folder = export_person(
        dossiers, store, config, args.nom, args.sortie or config.base / "exports"
    )
    print(
        f"{len(dossiers)} dossier(s) exporté(s) ({', '.join(d.numero for d in dossiers)}) "
        f"dans {folder}"
    )
    print(
        "Cet export contient des données personnelles : remettez-le à la personne puis "
        "supprimez-le."
    )
    return EXIT_OK


def cmd_effacer_personne(args) -> int:
    from asll.app.privacy import erase

    config, store, dossiers = _person_dossiers(args)
    if not dossiers:
        return EXIT_OK
    numeros = [d.numero for d in dossiers]
    if not args.confirmer:
        print(
            f"Seraient anonymisés : {', '.join(numeros)}. Simulation : rien n'a été modifié ; "
            "relancez avec --confirmer pour effacer."
        )
        return EXIT_OK
    _print_erasure(erase(numeros, store, config, "demande d'effacement de la personne"))
    return EXIT_OK


def _print_erasure(result) -> None:
    print(
        f"{len(result.dossiers)} dossier(s) anonymisé(s) : {', '.join(result.dossiers)} ; "
        f"{len(result.fichiers_supprimes)} document(s) et brouillon(s) supprimé(s) ; journal "
        f"nettoyé ; {result.sauvegardes_supprimees} ancienne(s) sauvegarde(s) du registre "
        "supprimée(s)."
    )


def cmd_rapport_annuel(args) -> int:
    from asll.storage.store import RegisterStore
    from reports import annual_report, dossiers_du_rapport

    config = config_from(args)
    epci_by_commune = {
        commune: epci for epci, communes in config.epci.items() for commune in communes
    }
    store = RegisterStore(config.registre, config.base_registre or None)
    files = annual_report(
        dossiers_du_rapport(store, args.annee),
        args.annee,
        config,
        args.sortie or config.outbox / "rapports",
        epci_by_commune=epci_by_commune or None,
        pdf=not args.sans_pdf,
    )
    print(f"Rapport d'activité {args.annee} : {files.docx}")
    print(f"Tableaux : {files.xlsx}")
    if files.pdf:
        print(f"PDF : {files.pdf}")
    return EXIT_OK


def cmd_gts(args) -> int:
    from asll.storage.store import RegisterStore
    from reports import dossiers_du_gts, gts_pack

    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", args.mois):
        print(
            f"Mois invalide : « {args.mois} » (attendu : AAAA-MM, par exemple 2025-10).",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    seance = None
    if args.seance:
        try:
            seance = datetime.strptime(args.seance, "%d/%m/%Y").date()
        except ValueError:
            print(
                f"Date de séance invalide : « {args.seance} » (attendu : JJ/MM/AAAA).",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
    config = config_from(args)
    path = gts_pack(
        dossiers_du_gts(RegisterStore(config.registre, config.base_registre or None), args.mois),
        args.mois,
        config,
        args.sortie or config.outbox / "rapports",
        date_seance=seance,
    )
    print(f"Document de séance du GTS : {path}")
    return EXIT_OK


def cmd_statut(args) -> int:
    from asll.app.status import gather_status

    config = config_from(args)
    _catch_up(config, quiet=True)  # the status below says what still waits, and why
    status = gather_status(config)
    print(status.surveillance)
    if status.en_attente:
        print(
            f"{len(status.en_attente)} fichier(s) dans le dossier d'arrivée, pas encore traités :"
        )
        for name in status.en_attente:
            print(f"  - {name}")
    else:
        print("Aucun fichier en attente dans le dossier d'arrivée.")
    if status.ignores:
        print(
            f"{len(status.ignores)} fichier(s) du dossier d'arrivée ne seront jamais lus "
            "(nom commençant par un point, raccourci) : renommez-les ou déposez le document "
            "lui-même :"
        )
        for name in status.ignores:
            print(f"  - {name}")
    for title, items in (
        ("en quarantaine (illisibles)", status.quarantaine),
        ("à trier (non reconnus)", status.a_trier),
    ):
        if items:
            print(f"{len(items)} fichier(s) {title} :")
            for item in items:
                print(f"  - {item.fichier} : {item.motif}")
    if status.registre_erreur:
        print(f"Registre : {status.registre_erreur}")
    elif status.registre:
        print(
            f"Registre : {status.registre.count} changement(s) en attente, car "
            f"{status.registre.reason}."
        )
    else:
        print("Registre : à jour.")
    if status.conflits:
        print(
            f"{len(status.conflits)} cellule(s) modifiée(s) à la fois dans le classeur et par "
            "l'outil (la valeur saisie dans le classeur a été gardée) :"
        )
        for c in status.conflits:
            print(
                f"  {c['quand'].strftime('%d/%m/%Y %H:%M')} {c['dossier']}, {c['champ']} : "
                f"« {_cell_fr(c['valeur_personne'])} » gardé ({c['auteur']}), l'outil avait "
                f"« {_cell_fr(c['valeur_outil'])} »"
            )
    if status.en_retard:
        print(f"{len(status.en_retard)} rapport(s) ESU en retard :")
        _print_deadlines(status.en_retard)
    if status.rapports_dus:
        print(f"{len(status.rapports_dus)} rapport(s) ESU à rendre dans les 7 jours :")
        _print_deadlines(status.rapports_dus)
    elif not status.en_retard:
        print("Aucun rapport ESU à rendre dans les 7 jours.")
    return EXIT_OK


def _cell_fr(value: str | None) -> str:
    """A register value kept as text (ISO date, decimal point) as a French reader writes it."""
    from generators.formatting import date_fr

    if not value:
        return "(vide)"
    try:
        return date_fr(date.fromisoformat(value))
    except ValueError:
        pass
    try:
        number = float(value)
    except ValueError:
        return value
    text = f"{number:,.2f}" if number != int(number) else f"{int(number):,}"
    return text.replace(",", "\u202f").replace(".", ",")


def cmd_echeances(args) -> int:
    from asll.domain.deadlines import DEADLINE_FIELDS, due
    from asll.storage.store import RegisterStore

    config = config_from(args)
    _catch_up(config)
    store = RegisterStore(config.registre, config.base_registre or None)
    # the open dossiers' dates only: closed ones have no deadline
    late, coming = due(store.select(DEADLINE_FIELDS, open_only=True), date.today(), args.jours)
    if late:
        print(f"En retard ({len(late)}) :")
        _print_deadlines(late)
    print(f"À rendre dans les {args.jours} jours ({len(coming)}) :")
    _print_deadlines(coming)
    if not coming:
        print("  rien")
    return EXIT_OK


def _print_deadlines(deadlines) -> None:
    today = date.today()
    for d in deadlines:
        left = d.days_left(today)
        when = f"depuis {-left} j" if left < 0 else "aujourd'hui" if left == 0 else f"dans {left} j"
        line = f"  {d.echeance.strftime('%d/%m/%Y')} ({when}) {d.numero} : {d.quoi}"
        print(line + (f" — {d.remarque}" if d.remarque else ""))


def cmd_reconstruire(args) -> int:
    from asll.app.logs import Progress
    from asll.storage.store import RegisterStore, has_register
    from intake.recovery import archived_documents, recover_archived

    config = config_from(args)
    archived = archived_documents(config)
    store = RegisterStore(config.registre, config.base_registre or None)
    if (
        not config.registre.exists()
        and not archived
        # a shared database is always "there": it counts once it holds something
        and (not has_register(config.registre, config.base_registre or None) or store.db.is_empty)
    ):
        print(
            f"Ni base du registre, ni registre ({config.registre}), ni document archivé "
            f"({config.archive}) : rien à reconstruire.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    known = len(store.dossiers())
    rebuilt = store.rebuild()
    progress = Progress(len(archived))
    with progress.above_logs():  # reading a whole archive again can take a while
        recovered = recover_archived(archived, config, store, progress.update)
    progress.clear()
    dossiers = len(store.dossiers())
    print(f"Registre reconstruit : {rebuilt.path} ({dossiers} dossier{'s' * (dossiers > 1)}).")
    if not known:
        print(
            "  La base du registre était vide : les colonnes remplies à la main (en vert) "
            "sont à ressaisir."
        )
    elif rebuilt.base is None:
        print(
            "  Classeur illisible : refait depuis la base du registre, saisies manuelles "
            "comprises (jusqu'au dernier enregistrement lu)."
        )
    else:
        print("  Saisies manuelles conservées.")
    if rebuilt.dossiers_restored or rebuilt.documents_restored:
        print(
            f"  Remis depuis la base : {rebuilt.dossiers_restored} dossier(s) et "
            f"{rebuilt.documents_restored} document(s) absents du classeur."
        )
    if recovered.registered:
        print(
            f"  {len(recovered.registered)} document(s) archivé(s) absents de la base relus et "
            "enregistrés : vérifiez leurs dossiers (numéros attribués à nouveau)."
        )
        for path, numero in recovered.registered:
            print(f"    {path.relative_to(config.archive)} → {numero}")
    if recovered.unreadable:
        print(f"  {len(recovered.unreadable)} document(s) archivé(s) non relus, laissés en place :")
        for path, reason in recovered.unreadable:
            print(f"    {path.relative_to(config.archive)} : {reason}")
    if rebuilt.previous:
        print(f"  L'ancien registre est gardé sous {rebuilt.previous}.")
    return EXIT_OK


def cmd_migrer(args) -> int:
    from asll.storage.store import RegisterStore

    config = config_from(args)
    store = RegisterStore(config.registre, config.base_registre or None)
    local = store.dir / "registre.sqlite"
    if (
        not config.registre.exists()
        and not store.journal_path.exists()
        and not (config.base_registre and local.exists())
    ):
        print(
            f"Ni registre ({config.registre}) ni journal ({store.journal_path}) : rien à migrer.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    result = store.migrate()
    print(
        f"Registre repris dans la base : {result.dossiers} dossier(s) et {result.documents} "
        f"document(s) trouvés ; {result.dossiers_added} dossier(s) et "
        f"{result.documents_added} document(s) ajoutés par cette reprise."
    )
    if result.lost_dossiers or result.lost_documents:
        print(
            f"Vérification : {len(result.lost_dossiers)} dossier(s) et {result.lost_documents} "
            "document(s) absents de la base ; le journal est gardé. Signalez-le au référent "
            "informatique.",
            file=sys.stderr,
        )
        return EXIT_TOOL_FAILED
    print("Vérification : chaque dossier et chaque document est dans la base.")
    return EXIT_OK


def cmd_demo(args) -> int:
    workspace = args.dossier or Path(tempfile.mkdtemp(prefix="asll-demo-"))
    # The documented example gives the demo a letterhead, sectors and EPCI.
    config = load_config(args.config or EXAMPLE_CONFIG).rebased(workspace)
    config = replace(config, templates=args.modeles or config.templates, stabilite_secondes=0.0)
    private_umask(config)
    config.ensure_folders()
    samples = sorted(p for p in BUNDLED_SAMPLES.iterdir() if p.is_file())
    for sample in samples:
        shutil.copy2(sample, config.inbox / sample.name)
    print(f"Démonstration : {len(samples)} documents d'exemple copiés dans {config.inbox}")

    results = run_batch(waiting_files(config.inbox), config)
    print_summary(results, config)
    return EXIT_TOOL_FAILED if any(r.erreur_interne for r in results) else EXIT_OK


# ------------------------------------------------------------------------ output
_MARK = {TRAITE: "✔", DOUBLON: "=", A_TRIER: "?", QUARANTAINE: "✘"}


def print_result(result: IntakeResult, prefix: str = "") -> None:
    line = f"{prefix}{_MARK.get(result.resultat, '-')} {result.fichier} : {result.resultat}"
    if result.resultat == TRAITE and result.dossier:
        line += f" → dossier {result.dossier}" + (
            " (nouveau)" if result.nouveau_dossier else " (complété)"
        )
        for draft in result.brouillons:
            line += f", brouillon {draft.name}"
        if result.motif:  # a note for staff (misleading extension, draft not written)
            line += f" — {result.motif}"
    elif result.motif:
        line += f" — {result.motif}"
    print(line, flush=True)


def print_summary(results: list[IntakeResult], config: Config) -> None:
    from asll.storage.store import RegisterStore

    counts = Counter(r.resultat for r in results)
    drafts = [d for r in results for d in r.brouillons]
    nb_dossiers = len(RegisterStore(config.registre, config.base_registre or None).dossiers())
    print()
    print("Résumé")
    print(f"  Fichiers traités          : {counts[TRAITE]}")
    print(f"  Dossiers dans le registre : {nb_dossiers}")
    print(f"  Brouillons rédigés        : {len(drafts)}")
    print(f"  Doublons reconnus         : {counts[DOUBLON]}")
    print(f"  À trier (non reconnus)    : {counts[A_TRIER]}")
    print(f"  En quarantaine            : {counts[QUARANTAINE]}")
    print()
    print("À ouvrir :")
    print(f"  Registre     : {config.registre}")
    print(f"  Brouillons   : {config.outbox}")
    if counts[QUARANTAINE]:
        print(f"  Quarantaine  : {config.quarantaine}  (un fichier .txt explique chaque motif)")
    if counts[A_TRIER]:
        print(f"  À trier      : {config.a_trier}")


LOGGED_COMMANDS = (
    cmd_watch,
    cmd_ingest,
    cmd_generate,
    cmd_reconstruire,
    cmd_migrer,
    cmd_importer,
    cmd_purger,
    cmd_effacer_personne,
    cmd_demo,
)

if __name__ == "__main__":
    sys.exit(main())
