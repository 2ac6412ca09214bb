"""``--uit`` schrijft alleen een gewoon bestand, atomisch; onderbroken runs ruimen op (issues 1 en 2).

Nooit ``/dev/null`` zelf als doel gebruiken: de tests draaien soms als root, en vóór de reparatie
werd het doel vervangen. Een apparaat komt hier alleen via een link in ``tmp_path`` binnen.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import ROOT
from sora_core.cli import laad_opdrachten, sora

OPDRACHTEN = ["batch", "populatie", "normen-doc", "rapport"]


def _args(opdracht: str, invoer: Path, uit) -> list:
    if opdracht == "batch":
        return ["batch", str(invoer), "--uit", str(uit), "--processen", "1"]
    if opdracht == "populatie":
        return ["populatie", "--aantal", "3", "--uit", str(uit)]
    if opdracht == "rapport":
        return ["rapport", "--peildatum", "2026-12-01", "--uit", str(uit)]
    return ["normen-doc", "--uit", str(uit)]


@pytest.fixture
def invoer(tmp_path) -> Path:
    from sora_core.analyse.populatie import STANDAARD_PEILDATUM, regels

    pad = tmp_path / "in.jsonl"
    pad.write_text("".join(regels(3, 1, STANDAARD_PEILDATUM)), encoding="utf-8")
    return pad


def _geweigerd(r, woord: str) -> None:
    assert r.exit_code == 2, (r.exit_code, r.output)
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "--uit" in r.stderr and woord in r.stderr, r.stderr
    assert "Traceback" not in r.output


def _geen_tijdelijke(*mappen: Path) -> None:
    for m in mappen:
        assert not [p.name for p in m.iterdir() if p.name.startswith(".sora-")], m


@pytest.mark.parametrize("opdracht", OPDRACHTEN)
def test_map_als_uit_wordt_geweigerd(runner, tmp_path, invoer, opdracht):
    doel = tmp_path / "map"
    doel.mkdir()
    _geweigerd(runner.invoke(sora, _args(opdracht, invoer, doel)), "map")
    assert doel.is_dir() and not list(doel.iterdir())
    _geen_tijdelijke(tmp_path)


@pytest.mark.parametrize("opdracht", OPDRACHTEN)
def test_fifo_als_uit_wordt_geweigerd_en_blijft_een_fifo(runner, tmp_path, invoer, opdracht):
    doel = tmp_path / "pijp"
    os.mkfifo(doel)
    _geweigerd(runner.invoke(sora, _args(opdracht, invoer, doel)), "FIFO")
    assert doel.is_fifo()
    _geen_tijdelijke(tmp_path)


@pytest.mark.parametrize("opdracht", OPDRACHTEN)
def test_apparaat_via_een_link_wordt_geweigerd(runner, tmp_path, invoer, opdracht):
    link = tmp_path / "niets"
    link.symlink_to("/dev/null")
    _geweigerd(runner.invoke(sora, _args(opdracht, invoer, link)), "apparaat")
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert Path("/dev/null").is_char_device()
    _geen_tijdelijke(tmp_path)


def test_socket_als_uit_wordt_geweigerd(runner, invoer):
    map_ = Path(tempfile.mkdtemp(prefix="sora-sock-", dir="/tmp"))  # kort pad: een socketnaam is begrensd
    doel = map_ / "s"
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(doel))
        _geweigerd(runner.invoke(sora, _args("batch", invoer, doel)), "socket")
        assert doel.is_socket()
    finally:
        s.close()
        doel.unlink()
        map_.rmdir()


@pytest.mark.parametrize("hoe", ["zelf", "link", "harde_link"])
def test_invoer_als_uit_wordt_geweigerd_en_blijft_heel(runner, tmp_path, invoer, hoe):
    voor = invoer.read_bytes()
    doel = {"zelf": invoer, "link": tmp_path / "link.jsonl", "harde_link": tmp_path / "hard.jsonl"}[hoe]
    if hoe == "link":
        doel.symlink_to(invoer)
    elif hoe == "harde_link":
        os.link(invoer, doel)
    _geweigerd(runner.invoke(sora, _args("batch", invoer, doel)), "invoerbestand")
    assert invoer.read_bytes() == voor
    _geen_tijdelijke(tmp_path)


def test_link_naar_een_gewoon_bestand_schrijft_het_doel_en_laat_de_link_staan(runner, tmp_path, invoer):
    doelmap = tmp_path / "elders"
    doelmap.mkdir()
    doel = doelmap / "besluiten.jsonl"
    doel.write_text("oud\n", encoding="utf-8")
    link = tmp_path / "uit.jsonl"
    link.symlink_to(doel)
    r = runner.invoke(sora, _args("batch", invoer, link))
    assert r.exit_code == 0, r.output
    assert link.is_symlink() and link.resolve() == doel.resolve()
    regels = doel.read_text(encoding="utf-8").splitlines()
    assert len(regels) == 3 and all(json.loads(x)["regel"] for x in regels)
    _geen_tijdelijke(tmp_path, doelmap)


def test_link_die_nergens_naar_wijst_maakt_het_doel_aan(runner, tmp_path, invoer):
    link = tmp_path / "uit.jsonl"
    link.symlink_to(tmp_path / "nieuw.jsonl")
    assert runner.invoke(sora, _args("populatie", invoer, link)).exit_code == 0
    assert link.is_symlink() and len((tmp_path / "nieuw.jsonl").read_text().splitlines()) == 3


@pytest.mark.parametrize("opdracht", OPDRACHTEN)
def test_gewoon_bestand_wordt_vervangen(runner, tmp_path, invoer, opdracht):
    doel = tmp_path / "uit.txt"
    doel.write_text("oud\n", encoding="utf-8")
    r = runner.invoke(sora, _args(opdracht, invoer, doel))
    assert r.exit_code == 0, r.output
    assert doel.read_text(encoding="utf-8") not in ("", "oud\n")
    _geen_tijdelijke(tmp_path)


def test_een_helper_voor_alle_opdrachten_met_uit():
    """Elke opdracht met --uit gaat door uitvoerpad.controleer_uit (via Atomisch of rechtstreeks)."""
    met_uit = sorted(naam for naam, cmd in _alle_opdrachten(laad_opdrachten())
                     if any("--uit" in p.opts for p in cmd.params))
    assert met_uit == sorted(OPDRACHTEN)


def _alle_opdrachten(groep, voor=""):
    import click

    for naam, cmd in groep.commands.items():
        if isinstance(cmd, click.Group):
            yield from _alle_opdrachten(cmd, voor + naam + " ")
        else:
            yield voor + naam, cmd


# --------------------------------------------------------------------------- issue 2: onderbroken runs

def _tijdelijke(map_: Path) -> list:
    return [p for p in map_.iterdir() if p.name.startswith(".sora-") and p.name.endswith(".tmp")]


def _kinderen(pid: int) -> set:
    uit = set()
    for taak in Path(f"/proc/{pid}/task").iterdir():
        try:
            uit |= {int(x) for x in (taak / "children").read_text().split()}
        except OSError:
            pass
    return uit


def _dood(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "State:\tZ" in status


def _start_batch(tmp_path: Path, processen: int):
    """Een echte `sora batch - --uit ...` die op standaardinvoer wacht: midden in de run, zonder
    op de klok te hoeven gokken. Geeft (proces, uitvoerpad) zodra het tijdelijke bestand er is."""
    from sora_core.analyse.populatie import STANDAARD_PEILDATUM, regels

    uit = tmp_path / "uit.jsonl"
    p = subprocess.Popen([sys.executable, "-c", "from sora_core.cli import main; main()", "batch", "-", "--uit", str(uit), "--processen",
                          str(processen), "--blok", "10"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, cwd=ROOT, start_new_session=True)
    p.stdin.write("".join(regels(45, 1, STANDAARD_PEILDATUM)).encode())  # een paar blokken naar de werkers
    p.stdin.flush()
    einde = time.monotonic() + 60
    while not _tijdelijke(tmp_path):
        assert p.poll() is None, p.communicate(timeout=10)
        assert time.monotonic() < einde, "geen tijdelijk bestand na 60 s"
        time.sleep(0.05)
    werkers: set = set()
    while processen > 1 and time.monotonic() < einde:
        werkers = _kinderen(p.pid)
        # klaar zodra elk werkproces zijn initialisatie deed (eigen procesgroep, zie uitvoerpad)
        if len(werkers) == processen and all(os.getpgid(w) == w for w in werkers if not _dood(w)):
            break
        time.sleep(0.05)
    return p, uit, werkers


@pytest.mark.parametrize("sig,groep,processen", [
    (signal.SIGTERM, False, 2), (signal.SIGHUP, False, 2), (signal.SIGTERM, True, 2), (signal.SIGHUP, True, 2),
    (signal.SIGINT, True, 2), (signal.SIGTERM, False, 1),
])
def test_signaal_ruimt_op_en_stopt_werkers_stil(tmp_path, sig, groep, processen):
    p, uit, werkers = _start_batch(tmp_path, processen)
    (os.killpg if groep else os.kill)(p.pid, sig)
    try:
        _, fout = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
    fout = fout.decode("utf-8", "replace")
    assert p.returncode == 128 + sig, (p.returncode, fout[-2000:])
    assert "Onderbroken" in fout and "Traceback" not in fout and "BrokenPipe" not in fout, fout[-2000:]
    assert not uit.exists() and not _tijdelijke(tmp_path)
    einde = time.monotonic() + 30
    while not all(_dood(w) for w in werkers) and time.monotonic() < einde:
        time.sleep(0.05)
    assert all(_dood(w) for w in werkers), werkers


def test_na_sigkill_ruimt_de_volgende_run_het_tijdelijke_bestand_op(tmp_path, runner, invoer):
    p, uit, werkers = _start_batch(tmp_path, 2)
    achter = _tijdelijke(tmp_path)
    os.kill(p.pid, signal.SIGKILL)
    p.communicate(timeout=60)
    assert _tijdelijke(tmp_path) == achter  # SIGKILL is niet op te vangen: het bestand blijft
    einde = time.monotonic() + 30
    while not all(_dood(w) for w in werkers) and time.monotonic() < einde:  # werkers volgen het hoofdproces
        time.sleep(0.05)
    assert all(_dood(w) for w in werkers), werkers
    r = runner.invoke(sora, ["batch", str(invoer), "--uit", str(uit), "--processen", "1"])
    assert r.exit_code == 0, r.output
    assert "afgebroken run" in r.stderr and str(p.pid) in r.stderr
    assert not _tijdelijke(tmp_path) and len(uit.read_text().splitlines()) == 3


def test_tijdelijk_bestand_van_een_levend_proces_of_andere_machine_blijft_staan(tmp_path):
    from sora_core.uitvoerpad import _machine, ruim_op

    levend = tmp_path / f".sora-{os.getppid()}-{_machine()}-abc.tmp"
    ander = tmp_path / ".sora-999999999-00000000-abc.tmp"
    for p in (levend, ander):
        p.write_text("x")
    assert ruim_op(str(tmp_path)) == []
    assert levend.exists() and ander.exists()


def test_signaal_wacht_tot_na_het_uitgestelde_blok():
    """``signalen_uitgesteld``: een SIGHUP in het blok komt pas bij het verlaten aan."""
    from sora_core.uitvoerpad import signalen_uitgesteld

    gezien: list = []
    oud = signal.signal(signal.SIGHUP, lambda s, _f: gezien.append(s))
    try:
        with signalen_uitgesteld():
            os.kill(os.getpid(), signal.SIGHUP)
            time.sleep(0.05)
            assert gezien == []
        einde = time.monotonic() + 5
        while not gezien and time.monotonic() < einde:
            time.sleep(0.01)
        assert gezien == [signal.SIGHUP]
    finally:
        signal.signal(signal.SIGHUP, oud)


def test_signaal_tijdens_het_starten_van_de_werkers_laat_geen_werkers_achter(monkeypatch):
    """Het geval dat met ``multiprocessing.Pool`` 1 op ≈ 50 runs liet hangen (gdb +
    multiprocessing-logging): het stopsignaal kwam terwijl de werkprocessen werden gestart. Hier
    komt het direct na de fork van het laatste werkproces, nog vóór het in de administratie staat;
    daarna moet de run als Onderbroken eindigen en mag geen werkproces meer leven (ook niet als
    zombie: het hoofdproces oogst ze)."""
    import io

    from sora_core.analyse import batch as b
    from sora_core.analyse.populatie import STANDAARD_PEILDATUM, regels
    from sora_core.uitvoerpad import Onderbroken, onderbreekbaar

    echt = b._start_werker
    gestart: list = []

    def start_met_signaal(zet, volledig, werkers):
        w = echt(zet, volledig, werkers)
        gestart.append(w.pid)
        if len(gestart) == 2:
            os.kill(os.getpid(), signal.SIGTERM)  # nog binnen het starten
            time.sleep(0.05)
        return w

    monkeypatch.setattr(b, "_start_werker", start_met_signaal)
    invoer = io.BytesIO("".join(regels(30, 1, STANDAARD_PEILDATUM)).encode())
    with pytest.raises(Onderbroken):
        with onderbreekbaar():
            b.draai(invoer, io.StringIO(), processen=2, blok=5)
    assert len(gestart) == 2
    for pid in gestart:
        with pytest.raises(ChildProcessError):  # al geoogst: geen kind en geen zombie meer
            os.waitpid(pid, os.WNOHANG)
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
