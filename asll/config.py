"""Workspace and service settings, from `asll.toml` or command-line options.

Every path defaults to the project's own layout (inbox/, outbox/, … beside this package)
or, when an `asll.toml` is used, to folders beside that file.
"""

from __future__ import annotations

import os
import shutil
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from asll.resources import bundled

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_TEMPLATES = bundled("templates")
BUNDLED_SAMPLES = bundled("samples")
CONFIG_NAME = "asll.toml"
EXAMPLE_CONFIG = bundled("example_config")


class ConfigError(Exception):
    """A configuration problem, explained in French for the person installing the tool."""


@dataclass
class Service:
    """The service's identity, printed on every document."""

    nom: str = "Service d'accompagnement social lié au logement"
    adresse: str = ""
    code_postal: str = ""
    commune: str = ""
    telephone: str = ""
    courriel: str = ""
    signataire: str = ""
    fonction_signataire: str = "Travailleur social"
    departement: str = ""
    # The service's legal representative, who signs the ASLL conventions for the service.
    directeur: str = ""
    fonction_directeur: str = ""


@dataclass(frozen=True)
class Secteur:
    """A worker's sector: the communes it covers and its référent.

    A service may cover two départements: each sector names its own (and its FSL), and the
    town where its documents are signed; empty values fall back on the service's.
    """

    nom: str
    referent: str = ""
    communes: tuple[str, ...] = ()
    departement: str = ""
    fsl: str = ""
    ville: str = ""


@dataclass(frozen=True)
class Intervenant:
    """One worker of the service: the job title and contact printed under her name (item 1
    of the DSF, the documents she signs)."""

    nom: str
    fonction: str = ""
    telephone: str = ""
    courriel: str = ""


@dataclass
class Config:
    base: Path = PROJECT_ROOT
    inbox: Path = PROJECT_ROOT / "inbox"
    outbox: Path = PROJECT_ROOT / "outbox"
    archive: Path = PROJECT_ROOT / "archive"
    quarantaine: Path = PROJECT_ROOT / "quarantaine"
    a_trier: Path = PROJECT_ROOT / "a-trier"
    # Files staff set aside for good from « à trier » or the quarantine, each with its note
    # (created when first needed).
    mis_de_cote: Path = PROJECT_ROOT / "mis-de-cote"
    registre: Path = PROJECT_ROOT / "registre.xlsx"
    templates: Path = BUNDLED_TEMPLATES
    # The service's own extraction rules (letter styles of its sub-prefecture…), tried
    # before the bundled ones; see intake/rules/README.md.
    regles: Path | None = None
    service: Service = field(default_factory=Service)
    secteurs: tuple[Secteur, ...] = ()
    # The workers, by name as the sectors give them ([[intervenants]] in asll.toml).
    intervenants: tuple[Intervenant, ...] = ()
    # Sector of a dossier whose commune no sector lists (flagged for checking).
    secteur_par_defaut: str = "À attribuer"
    # Communes grouped by EPCI (communauté d'agglomération / de communes), for the figures.
    epci: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Personal data: who may read the files the tool creates (a group name, or only the
    # owner when empty), and how long a closed dossier is kept after the last contact.
    groupe: str = ""
    conservation_annees: int = 2
    polling: bool = False
    # A file is read once its size and date have not changed for this long (network copies).
    stabilite_secondes: float = 3.0
    # Time and memory allowed to read one file before it is quarantined.
    delai_max_secondes: float = 180.0
    memoire_max_mo: int = 1500
    # The register's database: empty for SQLite beside the workbook (.asll/registre.sqlite),
    # or a PostgreSQL address shared by several sites ([registre] base = "postgresql://…").
    base_registre: str = ""

    @classmethod
    def for_workspace(cls, base: Path, **overrides) -> "Config":
        """A workspace whose folders all sit under `base` (templates stay the bundled ones)."""
        base = Path(base).resolve()
        values = dict(
            base=base,
            inbox=base / "inbox",
            outbox=base / "outbox",
            archive=base / "archive",
            quarantaine=base / "quarantaine",
            a_trier=base / "a-trier",
            mis_de_cote=base / "mis-de-cote",
            registre=base / "registre.xlsx",
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def rebased(self, base: Path) -> "Config":
        """The same settings with every workspace folder under `base`."""
        moved = Config.for_workspace(base)
        return replace(
            self,
            **{
                name: getattr(moved, name)
                for name in (
                    "base",
                    "inbox",
                    "outbox",
                    "archive",
                    "quarantaine",
                    "a_trier",
                    "mis_de_cote",
                    "registre",
                )
            },
        )

    def with_options(self, **options) -> "Config":
        """Command-line options override the file; None means "not given"."""
        given = {
            k: (Path(v) if isinstance(getattr(self, k), Path) else v)
            for k, v in options.items()
            if v is not None
        }
        return replace(self, **given)

    def ensure_folders(self) -> None:
        for folder in (
            self.inbox,
            self.outbox,
            self.archive,
            self.quarantaine,
            self.a_trier,
            self.registre.parent,
        ):
            folder.mkdir(parents=True, exist_ok=True)
            if self.groupe and os.name == "posix" and folder != self.inbox:
                # New files inherit the group (setgid folder); the umask lets it read them.
                try:
                    shutil.chown(folder, group=self.groupe)
                except LookupError as exc:
                    raise ConfigError(
                        f"Groupe « {self.groupe} » inconnu sur ce système "
                        "([confidentialite] groupe)."
                    ) from exc
                folder.chmod(0o2770)


_PATH_KEYS = (
    "inbox",
    "outbox",
    "archive",
    "quarantaine",
    "a_trier",
    "mis_de_cote",
    "registre",
    "templates",
    "regles",
)
_WATCH_KEYS = ("polling", "stabilite_secondes", "delai_max_secondes", "memoire_max_mo")


def load_config(path: Path | None = None) -> Config:
    """Read `path`, or `./asll.toml` when it exists, else the project's default layout."""
    if path is None:
        candidate = Path.cwd() / CONFIG_NAME
        if not candidate.is_file():
            return Config()
        path = candidate
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"Fichier de configuration introuvable : {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Fichier de configuration illisible ({path}) : {exc}") from exc

    base = path.resolve().parent
    dossiers = data.get("dossiers", {})
    unknown = set(dossiers) - set(_PATH_KEYS)
    if unknown:
        raise ConfigError(
            f"Clés inconnues dans [dossiers] de {path} : {', '.join(sorted(unknown))}"
        )
    paths = {key: _resolve(base, dossiers[key]) for key in _PATH_KEYS if key in dossiers}
    config = Config.for_workspace(base, **paths)

    surveillance = data.get("surveillance", {})
    watch = {key: surveillance[key] for key in _WATCH_KEYS if key in surveillance}
    service_data = data.get("service", {})
    known = {f.name for f in fields(Service)}
    unknown = set(service_data) - known
    if unknown:
        raise ConfigError(f"Clés inconnues dans [service] de {path} : {', '.join(sorted(unknown))}")
    privacy = data.get("confidentialite", {})
    unknown = set(privacy) - {"groupe", "conservation_annees"}
    if unknown:
        raise ConfigError(
            f"Clés inconnues dans [confidentialite] de {path} : {', '.join(sorted(unknown))}"
        )
    registre = data.get("registre", {})
    unknown = set(registre) - {"base"}
    if unknown:
        raise ConfigError(
            f"Clés inconnues dans [registre] de {path} : {', '.join(sorted(unknown))}"
        )
    if registre.get("base") and not str(registre["base"]).startswith(("postgresql", "sqlite")):
        raise ConfigError(
            f"[registre] base de {path} : une adresse « postgresql://… » ou « sqlite:///… » "
            "est attendue."
        )
    return replace(
        config,
        base_registre=str(registre.get("base", "")),
        service=Service(**service_data),
        **watch,
        **privacy,
        **_sectors(data, path),
        epci=_epci(data, path),
        intervenants=_intervenants(data, path),
    )


def _intervenants(data: dict, path: Path) -> tuple[Intervenant, ...]:
    out = []
    known = {f.name for f in fields(Intervenant)}
    for entry in data.get("intervenants", []):
        unknown = set(entry) - known
        if unknown or not str(entry.get("nom", "")).strip():
            raise ConfigError(
                f"Intervenant mal décrit dans {path} : chaque [[intervenants]] a un « nom » et "
                "une « fonction » (et, s'il y a lieu, « telephone » et « courriel »)"
                + (f" (clés inconnues : {', '.join(sorted(unknown))})" if unknown else "")
            )
        out.append(Intervenant(**{k: str(v).strip() for k, v in entry.items()}))
    return tuple(out)


_SECTOR_TEXT_KEYS = ("departement", "fsl", "ville")


def _sectors(data: dict, path: Path) -> dict:
    out = {}
    sectors = []
    for entry in data.get("secteurs", []):
        unknown = set(entry) - {"nom", "referent", "communes", *_SECTOR_TEXT_KEYS}
        if unknown or "nom" not in entry:
            raise ConfigError(
                f"Secteur mal décrit dans {path} : chaque [[secteurs]] a un « nom », "
                "un « referent » et une liste « communes » (et, au choix, « departement », "
                "« fsl », « ville »)"
                + (f" (clés inconnues : {', '.join(sorted(unknown))})" if unknown else "")
            )
        sectors.append(
            Secteur(
                entry["nom"],
                entry.get("referent", ""),
                tuple(entry.get("communes", [])),
                **{k: str(entry[k]) for k in _SECTOR_TEXT_KEYS if k in entry},
            )
        )
    if sectors:
        out["secteurs"] = tuple(sectors)
    if "secteur_par_defaut" in data:
        out["secteur_par_defaut"] = str(data["secteur_par_defaut"])
    return out


def _epci(data: dict, path: Path) -> dict[str, tuple[str, ...]]:
    table = data.get("epci", {})
    if not all(isinstance(v, list) for v in table.values()):
        raise ConfigError(f"[epci] de {path} : chaque EPCI reçoit une liste de communes.")
    return {name: tuple(communes) for name, communes in table.items()}


def _resolve(base: Path, value: str) -> Path:
    """Relative paths are read from the config file's folder; `~` and UNC paths kept."""
    p = Path(value).expanduser()
    return p if p.is_absolute() else base / p
