"""`asll service installer | desinstaller | statut`: start the watcher with the session.

Linux: a systemd *user* unit, `~/.config/systemd/user/asll-watch.service` (or under
$XDG_CONFIG_HOME), enabled with `systemctl --user enable --now`.
Windows: a scheduled task « ASLL - surveillance » started at log-on, created with
`schtasks /Create /XML` from a task definition rather than `/TR`, because a task made with
`/TR` is stopped by Windows after 3 days (default execution time limit), does not start
on battery and is not restarted after a crash; `/TR` also caps the command at 261
characters, which a UNC path can exceed. The `/TR` one-liner is still given in the manual
steps, for the record.

Everything that builds text (unit, task XML, command lines) is a pure function, so the
quoting of paths with spaces, accents, `%`, `$` and UNC paths is tested on any system.
When `systemctl` / `schtasks` is missing or fails, nothing is lost: the unit or the XML
file is written, and the result carries the exact steps to finish by hand, in French.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from html import escape as html_escape
from pathlib import Path, PureWindowsPath

from asll.config import CONFIG_NAME, ConfigError, load_config

UNIT_NAME = "asll-watch.service"
TASK_NAME = "ASLL - surveillance"
TASK_XML_NAME = "asll-surveillance.xml"
TR_MAX_CHARS = 261  # schtasks refuses a longer /TR
COMMAND_TIMEOUT = 60


@dataclass
class InstallResult:
    """What `installer`, `desinstaller` or `statut` did, in French for the IT person."""

    ok: bool  # True: nothing left to do by hand
    message: str
    fichier: Path | None = None  # the unit file or the task XML written
    etapes: list[str] = field(default_factory=list)  # steps left to do by hand, if any
    remarques: list[str] = field(default_factory=list)  # advice that does not block

    def lines(self) -> list[str]:
        """The text to print, line by line."""
        out = [self.message]
        if self.fichier:
            out.append(f"Fichier : {self.fichier}")
        if self.etapes:
            out.append("À faire à la main :")
            out.extend(f"  {i}. {step}" for i, step in enumerate(self.etapes, start=1))
        out.extend(self.remarques)
        return out


# ---------------------------------------------------------------------- common
def resolve_config(config_path: Path | None) -> Path | None:
    """The absolute config file the service will use (checked now, not at each restart).

    None means "no asll.toml here": the service then uses the project's own folders,
    as `asll watch` typed in the project folder would.
    """
    if config_path is None:
        candidate = Path.cwd() / CONFIG_NAME
        if not candidate.is_file():
            return None
        config_path = candidate
    path = Path(config_path).expanduser().absolute()
    load_config(path)  # raises ConfigError, in French, for a missing or broken file
    return path


def _watch_args(config: str | None) -> list[str]:
    return ["-m", "asll", "watch"] + (["--config", config] if config else [])


def _check_path(value: str, what: str) -> None:
    if any(ch in value for ch in "\n\r\x00"):
        raise ConfigError(
            f"Le chemin {what} contient un retour à la ligne : impossible de "
            "l'écrire dans une définition de service."
        )


# ---------------------------------------------------------------------- Linux
def systemd_quote(arg: str) -> str:
    """One ExecStart= word: always double-quoted, with systemd's escapes.

    Inside quotes systemd reads C escapes (`\\\\`, `\\"`); it also expands `%` specifiers
    and `$VAR` in ExecStart, hence `%%` and `$$`.
    """
    _check_path(arg, f"« {arg} »")
    text = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{text}"'


def _systemd_path(path: str) -> str:
    """A path setting (WorkingDirectory=): not split on spaces, but `%` is a specifier."""
    _check_path(path, f"« {path} »")
    return path.replace("%", "%%")


def systemd_unit(python: str, config: Path | None, working_directory: Path) -> str:
    """The text of asll-watch.service."""
    command = " ".join(
        systemd_quote(a) for a in [python] + _watch_args(str(config) if config else None)
    )
    return "\n".join(
        [
            "# Surveillance du dossier d'arrivée d'asll (écrit par « asll service installer »).",
            "# Pour l'arrêter : systemctl --user stop asll-watch ;"
            " pour la retirer : asll service desinstaller",
            "[Unit]",
            "Description=ASLL - surveillance du dossier d'arrivée",
            "After=network-online.target",
            "",
            "[Service]",
            "Type=simple",
            f"WorkingDirectory={_systemd_path(str(working_directory))}",
            f"ExecStart={command}",
            "Environment=PYTHONUNBUFFERED=1",
            "Environment=PYTHONIOENCODING=utf-8",
            # The result lines (stdout) name files, hence households: kept out of the system
            # journal. Problems (stderr) and .asll/asll.log name files by SHA-256 only.
            "StandardOutput=null",
            "Restart=on-failure",
            "RestartSec=10",
            # Ctrl-C equivalent: the watcher finishes the file in hand before stopping.
            "KillSignal=SIGINT",
            "TimeoutStopSec=240",
            "",
            "[Install]",
            "WantedBy=default.target",
            "",
        ]
    )


def unit_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user" / UNIT_NAME


def _shell_quote(text: str) -> str:
    return shlex.quote(text)


def _run(command: list[str]) -> tuple[bool, str]:
    """Run a system command; (succeeded, what it said or why it could not run)."""
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=COMMAND_TIMEOUT, errors="replace"
        )
    except FileNotFoundError:
        return False, f"commande « {command[0]} » introuvable sur cette machine"
    except (OSError, subprocess.SubprocessError) as exc:
        return False, f"« {command[0]} » n'a pas pu être lancé ({exc})"
    said = (done.stderr or done.stdout or "").strip()
    if done.returncode != 0:
        return False, said or f"« {' '.join(command[:3])} » a échoué (code {done.returncode})"
    return True, said


def _linux_install(config: Path | None, python: str) -> InstallResult:
    working = config.parent if config else Path.cwd().absolute()
    path = unit_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(systemd_unit(python, config, working), encoding="utf-8")
    remarques = [
        "La surveillance démarre avec votre session. Pour qu'elle tourne aussi quand "
        "personne n'est connecté (serveur), une fois : sudo loginctl enable-linger "
        + _shell_quote(os.environ.get("USER") or "UTILISATEUR"),
        "Son journal : journalctl --user -u asll-watch (et .asll/asll.log à côté du registre).",
    ]
    if config is None:
        remarques.insert(
            0,
            f"Aucun {CONFIG_NAME} indiqué : la surveillance utilisera les "
            "dossiers du projet. Relancez avec --config pour en donner un.",
        )
    steps = [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", UNIT_NAME],
    ]
    for command in steps:
        ok, said = _run(command)
        if not ok:
            return InstallResult(
                False,
                "Service écrit, mais pas démarré : " + said + ".",
                path,
                etapes=[" ".join(c) for c in steps]
                + ["systemctl --user status asll-watch   (doit indiquer « active (running) »)"],
                remarques=remarques,
            )
    return InstallResult(
        True,
        f"Surveillance installée et démarrée (service systemd utilisateur {UNIT_NAME}).",
        path,
        remarques=remarques,
    )


def _linux_uninstall() -> InstallResult:
    path = unit_path()
    ok, said = _run(["systemctl", "--user", "disable", "--now", UNIT_NAME])
    existed = path.exists()
    path.unlink(missing_ok=True)
    _run(["systemctl", "--user", "daemon-reload"])
    if not ok and existed and "introuvable" in said:
        return InstallResult(
            False,
            "Fichier du service retiré ; systemctl est absent : "
            "arrêtez la surveillance si elle tourne encore.",
            path,
        )
    if not existed and not ok:
        return InstallResult(True, "Aucun service de surveillance n'était installé.")
    return InstallResult(True, "Surveillance arrêtée et retirée du démarrage.", path)


def _linux_status() -> InstallResult:
    path = unit_path()
    if not path.exists():
        return InstallResult(
            False, "Aucun service de surveillance installé (asll service installer)."
        )
    ok, said = _run(["systemctl", "--user", "is-active", UNIT_NAME])
    state = said.splitlines()[-1] if said else "inconnu"
    if ok:
        return InstallResult(True, "Service installé et en marche.", path)
    return InstallResult(
        False,
        f"Service installé mais pas en marche (état : {state}).",
        path,
        etapes=[
            f"systemctl --user start {UNIT_NAME}",
            "journalctl --user -u asll-watch -n 50   (pour voir pourquoi)",
        ],
    )


# ---------------------------------------------------------------------- Windows
def windows_quote(arg: str) -> str:
    """One argument, always double-quoted, by the rules Windows programs parse with:
    backslashes are literal except before a quote (then doubled), so a UNC path
    `\\\\serveur\\partage` stays as it is and a path ending in `\\` still closes its quote."""
    _check_path(arg, f"« {arg} »")
    out, backslashes = [], 0
    for ch in arg:
        if ch == "\\":
            backslashes += 1
            continue
        if ch == '"':
            out.append("\\" * (2 * backslashes + 1) + '"')
        else:
            out.append("\\" * backslashes + ch)
        backslashes = 0
    out.append("\\" * (2 * backslashes))
    return '"' + "".join(out) + '"'


def pythonw_for(python: str) -> str:
    """pythonw.exe beside python.exe (no console window), when it exists."""
    path = PureWindowsPath(python)
    if path.name.lower() == "python.exe":
        candidate = path.with_name("pythonw.exe")
        if Path(str(candidate)).exists() or sys.platform != "win32":
            return str(candidate)
    return python


def task_command(pythonw: str, config: Path | str | None) -> tuple[str, str]:
    """(program, arguments) of the task's action."""
    arguments = " ".join(_watch_args(None))
    if config:
        arguments += " --config " + windows_quote(str(config))
    return pythonw, arguments


def schtasks_tr_args(pythonw: str, config: Path | str | None) -> list[str]:
    """The `/TR` form (for the manual steps): argv for subprocess, one item per word."""
    program, arguments = task_command(pythonw, config)
    return [
        "schtasks",
        "/Create",
        "/SC",
        "ONLOGON",
        "/TN",
        TASK_NAME,
        "/TR",
        f"{windows_quote(program)} {arguments}",
        "/RL",
        "LIMITED",
        "/F",
    ]


def schtasks_xml_args(xml_path: Path | str) -> list[str]:
    return ["schtasks", "/Create", "/TN", TASK_NAME, "/XML", str(xml_path), "/F"]


def escape(text: str) -> str:
    """XML character data: `&`, `<` and `>` escaped, as `xml.sax.saxutils.escape` does
    (which would import urllib and ssl at every start of the command)."""
    return html_escape(text, quote=False)


def task_xml(
    pythonw: str, config: Path | str | None, working_directory: Path | str, user: str | None
) -> str:
    """Task Scheduler definition: at log-on of `user`, no time limit, restarted on failure,
    runs on battery, one instance at a time."""
    program, arguments = task_command(pythonw, config)
    user_id = f"<UserId>{escape(user)}</UserId>" if user else ""
    return f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>Surveillance du dossier d'arrivée d'asll (écrite par « asll service installer »).</Description>
  </RegistrationInfo>
  <Triggers>
    <LogonTrigger>
      <Enabled>true</Enabled>
      {user_id}
      <Delay>PT30S</Delay>
    </LogonTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      {user_id}
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <StartWhenAvailable>true</StartWhenAvailable>
    <RestartOnFailure>
      <Interval>PT1M</Interval>
      <Count>999</Count>
    </RestartOnFailure>
    <Enabled>true</Enabled>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{escape(program)}</Command>
      <Arguments>{escape(arguments)}</Arguments>
      <WorkingDirectory>{escape(str(working_directory))}</WorkingDirectory>
    </Exec>
  </Actions>
</Task>
"""


def command_line(argv: list[str]) -> str:
    """How to type argv in cmd.exe (what subprocess passes to Windows)."""
    return subprocess.list2cmdline(argv)


def _task_xml_path(config: Path | None) -> Path:
    base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    return Path(base) / "asll" / TASK_XML_NAME


def _windows_user() -> str | None:
    user = os.environ.get("USERNAME")
    domain = os.environ.get("USERDOMAIN")
    return f"{domain}\\{user}" if user and domain else user


def _windows_install(config: Path | None, python: str) -> InstallResult:
    pythonw = pythonw_for(python)
    working = config.parent if config else Path.cwd().absolute()
    xml_path = _task_xml_path(config)
    xml_path.parent.mkdir(parents=True, exist_ok=True)
    xml_path.write_text(task_xml(pythonw, config, working, _windows_user()), encoding="utf-16")
    remarques = [
        "La surveillance démarre à chaque ouverture de session de ce compte, sans "
        "fenêtre ; son journal est le fichier .asll\\asll.log à côté du registre."
    ]
    tr = schtasks_tr_args(pythonw, config)
    manual = [
        f"Ouvrir une invite de commandes (cmd) et taper : "
        f"{command_line(schtasks_xml_args(xml_path))}",
        f"ou, dans le Planificateur de tâches : Action > Importer une tâche… > choisir {xml_path}",
        f'puis la démarrer : schtasks /Run /TN "{TASK_NAME}"',
    ]
    if len(tr[7]) <= TR_MAX_CHARS:
        remarques.append(
            "Équivalent en une ligne (mais arrêtée par Windows au bout de 3 jours "
            "si on ne change pas ses paramètres) : " + command_line(tr)
        )
    ok, said = _run(schtasks_xml_args(xml_path))
    if not ok:
        return InstallResult(
            False,
            f"Tâche planifiée non créée : {said}.",
            xml_path,
            etapes=manual,
            remarques=remarques,
        )
    ok, said = _run(["schtasks", "/Run", "/TN", TASK_NAME])
    if not ok:
        return InstallResult(
            False,
            f"Tâche « {TASK_NAME} » créée, mais pas démarrée : {said}. "
            "Elle démarrera à la prochaine ouverture de session.",
            xml_path,
            etapes=[manual[-1].removeprefix("puis la démarrer : ")],
            remarques=remarques,
        )
    return InstallResult(
        True,
        f"Surveillance installée et démarrée (tâche planifiée « {TASK_NAME} »).",
        xml_path,
        remarques=remarques,
    )


def _windows_uninstall() -> InstallResult:
    _run(["schtasks", "/End", "/TN", TASK_NAME])
    ok, said = _run(["schtasks", "/Delete", "/TN", TASK_NAME, "/F"])
    if not ok:
        return InstallResult(
            False,
            f"Tâche « {TASK_NAME} » non supprimée : {said}.",
            etapes=[f'schtasks /End /TN "{TASK_NAME}"', f'schtasks /Delete /TN "{TASK_NAME}" /F'],
        )
    return InstallResult(True, f"Tâche « {TASK_NAME} » arrêtée et supprimée.")


def _windows_status() -> InstallResult:
    ok, said = _run(["schtasks", "/Query", "/TN", TASK_NAME, "/FO", "LIST"])
    if not ok:
        return InstallResult(
            False, "Aucune tâche de surveillance installée (asll service installer)."
        )
    running = any(word in said for word in ("En cours", "Running"))
    if running:
        return InstallResult(True, f"Tâche « {TASK_NAME} » installée et en cours d'exécution.")
    return InstallResult(
        False,
        f"Tâche « {TASK_NAME} » installée mais pas en cours d'exécution.",
        etapes=[f'schtasks /Run /TN "{TASK_NAME}"'],
    )


# ---------------------------------------------------------------------- entry points
def _unsupported() -> InstallResult:
    return InstallResult(
        False,
        f"Installation automatique non prévue sur ce système ({sys.platform}).",
        etapes=[
            "Lancer « asll watch --config <chemin de asll.toml> » à "
            "l'ouverture de session, par le moyen habituel du système."
        ],
    )


def install_service(
    config_path: Path | None, python: str = sys.executable, platform: str | None = None
) -> InstallResult:
    """Install and start the watcher at log-on. Raises ConfigError for a bad config file."""
    platform = platform or sys.platform
    config = resolve_config(config_path)
    if Path(python).exists():
        python = os.path.abspath(python)  # not resolve(): a venv's python is a symlink
    if platform.startswith("linux"):
        return _linux_install(config, python)
    if platform == "win32":
        return _windows_install(config, python)
    return _unsupported()


def uninstall_service(platform: str | None = None) -> InstallResult:
    platform = platform or sys.platform
    if platform.startswith("linux"):
        return _linux_uninstall()
    if platform == "win32":
        return _windows_uninstall()
    return _unsupported()


def service_status(platform: str | None = None) -> InstallResult:
    platform = platform or sys.platform
    if platform.startswith("linux"):
        return _linux_status()
    if platform == "win32":
        return _windows_status()
    return _unsupported()
