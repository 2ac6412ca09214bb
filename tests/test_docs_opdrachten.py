"""Docs die niet kunnen verouderen (issue 15, punt 8): elke ``sora ...``-opdracht uit de README,
docs/*.md en de ``--help``-teksten noemt alleen bestanden die bestaan, en de opdrachten die niets
buiten een tijdelijke map schrijven en geen server of groot bestand nodig hebben, draaien met
exitcode 0 (in een tijdelijke kopie van voorbeelden/ en plugins/)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import click
import pytest

from sora_core.cli import sora

ROOT = Path(__file__).resolve().parent.parent


def _help_teksten():
    def loop(cmd, pad):
        yield " ".join(pad), cmd.help or ""
        if isinstance(cmd, click.Group):
            for naam, sub in cmd.commands.items():
                yield from loop(sub, pad + [naam])
    yield from loop(sora, ["sora"])


def _opdrachten():
    bronnen = [("README.md", (ROOT / "README.md").read_text(encoding="utf-8"))]
    bronnen += [(f"docs/{p.name}", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "docs").glob("*.md"))]
    uit = []
    for naam, tekst in bronnen:
        for blok in re.findall(r"```[a-z]*\n(.*?)```", tekst, re.S):
            for r in blok.splitlines():
                r = r.strip().removeprefix("$ ")
                if r.startswith("sora "):
                    uit.append((naam, r.split("  #")[0].split(" # ")[0].strip()))
    for naam, tekst in _help_teksten():
        for r in tekst.splitlines():
            r = r.strip()
            if r.startswith("sora "):
                uit.append((f"{naam} --help", r.split("   ")[0]))
    return uit


OPDRACHTEN = _opdrachten()
#: mappen die een gedocumenteerde 'sora plugin nieuw NAAM [--map M]' eerst aanmaakt
PADEN = re.compile(r"^(voorbeelden|plugins|docs)/")
_MAP = re.compile(r"--map (\S+)")


def _aangemaakt(o: str) -> str:
    m = _MAP.search(o)
    return re.sub(r"^\./", "", (m.group(1) if m else ".") + "/" + o.split()[3])


AANGEMAAKT = {_aangemaakt(o) for _b, o in OPDRACHTEN if o.startswith("sora plugin nieuw ")}


def test_er_zijn_opdrachten():
    assert len(OPDRACHTEN) > 30


@pytest.mark.parametrize("bron, opdracht", OPDRACHTEN)
def test_genoemde_bestanden_bestaan(bron, opdracht):
    for arg in opdracht.split("|")[0].split(">")[0].replace("\\", " ").split():
        if PADEN.match(arg) and not any(arg == a or arg.startswith(a + "/") for a in AANGEMAAKT):
            assert (ROOT / arg).exists(), f"{bron}: '{opdracht}' noemt {arg}, dat niet bestaat"


#: opdrachten die we draaien: lezen alleen bestanden uit voorbeelden/ en plugins/, snel
DRAAIEN = re.compile(r"^sora (beoordeel|landelijk|plugin (normen|controleer|test)|gemeenten|uitleg|normen-doc --controleer)\b")


def _te_draaien():
    gezien, uit = set(), []
    for bron, o in OPDRACHTEN:
        if not DRAAIEN.match(o) or any(t in o for t in ("|", ">", "<", "--zgw", "casus.toml", "casus.json", "...", "voorbeeldstad")):
            continue
        if o not in gezien:
            gezien.add(o)
            uit.append((bron, o))
    return uit


@pytest.mark.parametrize("bron, opdracht", _te_draaien())
def test_opdracht_draait_zoals_beschreven(bron, opdracht, runner, tmp_path, monkeypatch):
    for m in ("voorbeelden", "plugins"):
        shutil.copytree(ROOT / m, tmp_path / m, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(sora, shlex.split(opdracht)[1:])
    assert r.exit_code == 0, f"{bron}: {opdracht}\n{r.output}"


def test_wat_als_bedrag_in_cli_doc_klopt(runner, tmp_path, monkeypatch):
    """docs/cli.md citeert de uitvoer van een wat-als; die moet de opdracht ook echt geven."""
    tekst = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    m = re.search(r"\$ (sora populatie [^\n]+)\n\$ (sora batch populatie\.jsonl --zet [^\n]+)\n\.\.\.\n(Wat-als [^\n]+)", tekst)
    assert m, "het wat-als-voorbeeld in docs/cli.md is niet gevonden"
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(sora, shlex.split(m.group(1))[1:]).exit_code == 0
    r = runner.invoke(sora, shlex.split(m.group(2))[1:])
    assert r.exit_code == 0, r.output
    assert m.group(3) in r.output, (m.group(3), r.output[-600:])
