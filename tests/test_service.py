"""`asll service`: the unit and task texts, quoting, and the install without systemctl."""

from __future__ import annotations

import shlex
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from asll.app import service
from asll.config import EXAMPLE_CONFIG, ConfigError


def _exec_start(unit: str) -> list[str]:
    line = next(l for l in unit.splitlines() if l.startswith("ExecStart="))
    return line.removeprefix("ExecStart=")


def _systemd_split(command: str) -> list[str]:
    """What systemd reads back: quoted words with C escapes, then %% and $$ unescaped."""
    words = shlex.split(command, posix=True)  # same quoting and \\ \" rules for our output
    return [w.replace("%%", "%").replace("$$", "$") for w in words]


@pytest.mark.parametrize(
    "config",
    [
        "/srv/ASLL/asll.toml",
        "/home/claire/Documents/Service logement/Année 2025/asll.toml",
        '/mnt/partage/ASLL 100%/prix $HOME/"guillemets"/asll.toml',
        "/home/ré mi/l'équipe\\dossier/asll.toml",
    ],
)
def test_systemd_unit_quotes_every_path(config):
    python = "/opt/asll tools/.venv/bin/python"
    unit = service.systemd_unit(python, Path(config), Path(config).parent)
    assert _systemd_split(_exec_start(unit)) == [python, "-m", "asll", "watch", "--config", config]
    assert "Restart=on-failure" in unit and "RestartSec=10" in unit
    assert "Environment=PYTHONUNBUFFERED=1" in unit
    assert "WantedBy=default.target" in unit
    assert "StandardOutput=null" in unit  # result lines name households
    wd = next(l for l in unit.splitlines() if l.startswith("WorkingDirectory="))
    assert wd.removeprefix("WorkingDirectory=").replace("%%", "%") == str(Path(config).parent)


def test_systemd_unit_without_config_runs_watch_in_the_folder():
    unit = service.systemd_unit("/usr/bin/python3", None, Path("/srv/asll"))
    assert _systemd_split(_exec_start(unit)) == ["/usr/bin/python3", "-m", "asll", "watch"]
    assert "WorkingDirectory=/srv/asll" in unit


def test_newline_in_a_path_is_refused():
    with pytest.raises(ConfigError):
        service.systemd_quote("/tmp/a\nb")


def _config(tmp_path: Path, folder: str = "Service logement — Année") -> Path:
    workspace = tmp_path / folder
    workspace.mkdir()
    path = workspace / "asll.toml"
    path.write_text(EXAMPLE_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_install_writes_the_unit_in_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    calls = []
    monkeypatch.setattr(service, "_run", lambda cmd: (calls.append(cmd), (True, ""))[1])
    config = _config(tmp_path)
    result = service.install_service(config, python=sys.executable, platform="linux")
    unit = tmp_path / "xdg" / "systemd" / "user" / "asll-watch.service"
    assert result.ok and result.fichier == unit
    words = _systemd_split(_exec_start(unit.read_text(encoding="utf-8")))
    assert words[0] == str(Path(sys.executable).absolute())  # a venv symlink, not resolved
    assert words[1:] == ["-m", "asll", "watch", "--config", str(config)]
    assert calls == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", "asll-watch.service"],
    ]


def test_install_without_systemctl_gives_the_steps_in_french(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "vide"))  # no systemctl: FileNotFoundError
    config = _config(tmp_path)
    result = service.install_service(config, python=sys.executable, platform="linux")
    unit = tmp_path / "home" / ".config" / "systemd" / "user" / "asll-watch.service"
    assert unit.is_file() and result.fichier == unit
    assert not result.ok
    assert "introuvable" in result.message
    assert "systemctl --user enable --now asll-watch.service" in result.etapes
    text = "\n".join(result.lines())
    assert "À faire à la main" in text and "loginctl enable-linger" in text


def test_install_when_systemctl_fails(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(
        service, "_run", lambda cmd: (False, "Failed to connect to bus: No medium found")
    )
    result = service.install_service(_config(tmp_path), platform="linux")
    assert not result.ok and "Failed to connect to bus" in result.message
    assert result.fichier.is_file()


def test_run_reports_failures_in_french(tmp_path):
    ok, said = service._run([str(tmp_path / "absent")])
    assert not ok and "introuvable" in said
    ok, said = service._run([sys.executable, "-c", "import sys; sys.exit(3)"])
    assert not ok and "code 3" in said


def test_bad_config_is_refused_before_installing(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    bad = tmp_path / "asll.toml"
    bad.write_text("[dossiers\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        service.install_service(bad, platform="linux")
    with pytest.raises(ConfigError):
        service.install_service(tmp_path / "absent.toml", platform="linux")
    assert not (tmp_path / "xdg").exists()


def test_uninstall_removes_the_unit(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    calls = []
    monkeypatch.setattr(service, "_run", lambda cmd: (calls.append(cmd), (True, ""))[1])
    service.install_service(_config(tmp_path), platform="linux")
    status = service.service_status(platform="linux")
    assert status.ok
    result = service.uninstall_service(platform="linux")
    assert result.ok and not service.unit_path().exists()
    assert ["systemctl", "--user", "disable", "--now", "asll-watch.service"] in calls
    assert not service.service_status(platform="linux").ok


# ---------------------------------------------------------------------- Windows
def _windows_split(command_line: str) -> list[str]:
    """Split like the C runtime of a Windows program (reference implementation)."""
    words, word, i, quoted, has_word = [], [], 0, False, False
    while i < len(command_line):
        ch = command_line[i]
        if ch == "\\":
            j = i
            while j < len(command_line) and command_line[j] == "\\":
                j += 1
            n = j - i
            if j < len(command_line) and command_line[j] == '"':
                word.append("\\" * (n // 2))
                if n % 2:
                    word.append('"')
                    i = j + 1
                else:
                    i = j
                has_word = True
                continue
            word.append("\\" * n)
            i = j
            has_word = True
            continue
        if ch == '"':
            quoted = not quoted
            has_word = True
        elif ch in " \t" and not quoted:
            if has_word:
                words.append("".join(word))
            word, has_word = [], False
        else:
            word.append(ch)
            has_word = True
        i += 1
    if has_word:
        words.append("".join(word))
    return words


WINDOWS_CASES = [
    r"C:\ASLL\asll.toml",
    r"C:\Users\Claire\Documents\Service logement\Année 2025\asll.toml",
    r"\\serveur\partage\ASLL\asll.toml",
    r"\\serveur\Partage équipe\ASLL — Arrivée\asll.toml",
    "C:\\dossier finissant par\\",
]


@pytest.mark.parametrize("config", WINDOWS_CASES)
def test_task_arguments_survive_windows_parsing(config):
    pythonw = r"C:\Program Files\Python311\pythonw.exe"
    program, arguments = service.task_command(pythonw, config)
    assert program == pythonw
    assert _windows_split(arguments) == ["-m", "asll", "watch", "--config", config]


@pytest.mark.parametrize("config", WINDOWS_CASES)
def test_schtasks_tr_form(config):
    pythonw = r"C:\Users\Rémi\AppData\Local\Programs\Python\Python311\pythonw.exe"
    argv = service.schtasks_tr_args(pythonw, config)
    assert argv[:6] == ["schtasks", "/Create", "/SC", "ONLOGON", "/TN", "ASLL - surveillance"]
    assert argv[-3:] == ["/RL", "LIMITED", "/F"]
    tr = argv[7]
    assert tr.startswith(f'"{pythonw}" -m asll watch --config "')
    assert _windows_split(tr) == [pythonw, "-m", "asll", "watch", "--config", config]
    # Typed in cmd.exe, the whole /TR value stays one argument of schtasks.
    line = service.command_line(argv)
    assert _windows_split(line) == argv


def test_task_xml_is_valid_and_has_no_time_limit():
    config = r"\\serveur\partage\ASLL & co\asll.toml"
    text = service.task_xml(
        r"C:\Python311\pythonw.exe", config, r"\\serveur\partage\ASLL & co", "MAIRIE\\claire"
    )
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    root = ET.fromstring(text.encode("utf-16"))
    assert root.find("t:Settings/t:ExecutionTimeLimit", ns).text == "PT0S"
    assert root.find("t:Settings/t:DisallowStartIfOnBatteries", ns).text == "false"
    assert root.find("t:Triggers/t:LogonTrigger/t:UserId", ns).text == "MAIRIE\\claire"
    assert root.find("t:Principals/t:Principal/t:RunLevel", ns).text == "LeastPrivilege"
    exec_ = root.find("t:Actions/t:Exec", ns)
    assert exec_.find("t:Command", ns).text == r"C:\Python311\pythonw.exe"
    assert _windows_split(exec_.find("t:Arguments", ns).text)[-1] == config


def test_pythonw_beside_python():
    assert service.pythonw_for(r"C:\Python311\python.exe") == r"C:\Python311\pythonw.exe"
    assert service.pythonw_for("/usr/bin/python3") == "/usr/bin/python3"


def test_windows_install_writes_the_xml_and_falls_back_to_steps(tmp_path, monkeypatch):
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData"))
    monkeypatch.setenv("USERNAME", "claire")
    monkeypatch.setenv("USERDOMAIN", "MAIRIE")
    calls = []

    def fake_run(cmd):
        calls.append(cmd)
        return False, "ERREUR : Accès refusé."

    monkeypatch.setattr(service, "_run", fake_run)
    result = service.install_service(_config(tmp_path), python=sys.executable, platform="win32")
    xml_path = tmp_path / "AppData" / "asll" / service.TASK_XML_NAME
    assert result.fichier == xml_path and xml_path.read_bytes()[:2] == b"\xff\xfe"
    assert not result.ok and "Accès refusé" in result.message
    assert calls[0] == [
        "schtasks",
        "/Create",
        "/TN",
        "ASLL - surveillance",
        "/XML",
        str(xml_path),
        "/F",
    ]
    assert any("Importer une tâche" in step for step in result.etapes)
