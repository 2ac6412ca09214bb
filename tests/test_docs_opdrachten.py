"""Docs die niet kunnen verouderen (issue 15, punt 8).

Elke ``sora ...``-opdracht in een codeblok van README.md en docs/*.md, en elk voorbeeld in de
``--help`` van elke opdracht, draait hier echt: met de ``sora`` van deze virtuele omgeving op het
PATH, in bash (pijpen, ``>``, ``cat ... |``), per bron (één document of één ``--help``) op volgorde
in één tijdelijke map met een kopie van voorbeelden/, plugins/ en docs/. Zo schrijft niets in de
repo, en kan een opdracht een bestand gebruiken dat een eerdere opdracht in dezelfde bron schreef
(``sora populatie --uit populatie.jsonl`` en dan ``sora batch populatie.jsonl``).

Afspraken voor wie docs schrijft:

* **Exitcode.** Een opdracht moet met 0 eindigen, tenzij het commentaar erachter iets anders zegt:
  ``$ sora actualiteit --peildatum 2025-02-01   # exitcode 1: niet gedekt``.
* **Getoonde uitvoer.** In een ```` ```console ````-blok zijn de regels na ``$ opdracht`` (tot de
  volgende ``$``) de uitvoer van die opdracht (standaarduit en standaardfout, zoals een terminal ze
  toont). Ze moeten precies zo in de echte uitvoer staan, in dezelfde volgorde, van de eerste tot de
  laatste regel. ``...`` op een eigen regel staat voor nul of meer weggelaten regels, ``...`` in
  een regel voor weggelaten tekst ("ingekort"). Een opdracht zonder getoonde regels wordt alleen op
  haar exitcode getoetst.
* **Getallen in de lopende tekst.** Noemt de tekst een uitkomst van een opdracht, zet er dan een
  commentaar bij dat de opdracht noemt en wat de uitvoer moet bevatten::

      <!-- uitvoer: sora beoordeel voorbeelden/bijzondere-bijstand-heiloo-draagkracht.toml
      bevat: € 85,76
      -->

* **Vandaag.** Een getoonde uitvoer of getal hoort bij een vaste ``--peildatum`` (of de peildatum
  van het casusbestand), nooit bij vandaag.
* **Bestanden.** Een opdracht die een bestand schrijft (``--uit F``, ``> F``, ``--grafiek F``,
  ``sora plugin nieuw``), moet het ook echt schrijven; een bestand dat een opdracht noemt en dat
  niet bestaat, laat de opdracht falen: voeg het voorbeeld toe of pas de docs aan.
* **Niet te draaien** (een server die niet stopt, een meting van een halve minuut): alleen via
  ``NIET_DRAAIEN`` hieronder, met de reden. Zo'n opdracht verschijnt als *skipped* met die reden.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import click
import pytest

from sora_core.cli import laad_opdrachten, sora

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # de virtuele omgeving die de tests draait (niet resolve(): .venv/bin)

#: opdrachten die bewust niet draaien: (bron, begin van de opdracht) -> reden
NIET_DRAAIEN = {
    # een server stopt niet vanzelf; de HTTP-tests starten de app zelf
    ("docs/http.md", "sora serve"): "start de HTTP-dienst en stopt niet (tests/test_wsgi.py en test_http_trage_clients.py starten de app zelf)",
    ("sora serve --help", "sora serve"): "start de HTTP-dienst en stopt niet (tests/test_wsgi.py en test_http_trage_clients.py starten de app zelf)",
    # 'make' installeert .venv in de repo zelf; wat 'make demo' draait, staat in de README met vaste peildatum
    ("README.md", "make demo"): "installeert .venv in de repo; dezelfde 'sora vergelijk' staat en draait in de README",
    ("README.md", "make test"): "dat is deze testsuite",
    ("docs/betrouwbaarheid.md", "make bench"): "meting van 3 tot 6 minuten (1.000.000 huishoudens, OpenFisca, callgrind); schrijft bench/resultaten.json in de repo",
    ("docs/betrouwbaarheid.md", "valgrind --tool=callgrind"):
        "meting van instructies (valgrind, ≈ 30 s, niet op elke machine); 'sora beoordeel' van dat bestand draait elders",
    # een regel uit een cron-script: cd /opt/sora, een datum in een variabele, mail
    ("docs/cli.md", '.venv/bin/sora actualiteit --peildatum "$over_zes_weken"'):
        "regel uit een cron-script (cd /opt/sora, $over_zes_weken, mail); 'sora actualiteit' draait hierboven met vaste datum",
    # de meting van issue 8: 100.000 casussen naar /tmp, ongeveer 15 s
    ("docs/cli.md", "sora populatie --aantal 100000"):
        "meting met 100.000 casussen in /tmp (≈ 15 s); dezelfde opdrachten draaien met 10.000 casussen onder 'Wat-als'",
    ("docs/cli.md", '/usr/bin/time -f "%e s, %U s user, %M KB" sora batch /tmp/pop100k.jsonl'):
        "meting met 100.000 casussen in /tmp (≈ 15 s); dezelfde opdrachten draaien met 10.000 casussen onder 'Wat-als'",
}

#: een regel (zonder commentaar) die sora als opdracht aanroept, ook na een pijp of /usr/bin/time
_SORA = re.compile(r"(?:^|[|;&(]\s*|\s)(?:\.venv/bin/)?sora(?=\s|$)")
_MAKE = re.compile(r"^make\s")
_SHELL_BLOKKEN = {"", "sh", "console", "shell", "bash"}


@dataclass
class Opdracht:
    bron: str                     # "docs/cli.md", "README.md" of "sora batch --help"
    regel: int                    # regelnummer in het document (0 bij --help)
    tekst: str                    # de opdracht voor bash, zonder commentaar
    exitcode: int = 0             # volgens het commentaar ('# exitcode 1'), anders 0
    uitvoer: list = field(default_factory=list)   # getoonde uitvoer (console-blok)
    bevat: list = field(default_factory=list)     # <!-- uitvoer: ... bevat: ... -->

    @property
    def naam(self) -> str:
        return f"{self.bron}:{self.regel} {self.tekst}" if self.regel else f"{self.bron}: {self.tekst}"

    @property
    def reden_niet(self) -> Optional[str]:
        return next((r for (b, begin), r in NIET_DRAAIEN.items() if b == self.bron and self.tekst.startswith(begin)),
                    None)


def _zonder_commentaar(regel: str) -> tuple[str, str]:
    """(opdracht, commentaar): een '#' na witruimte en buiten aanhalingstekens begint commentaar."""
    quote = None
    for i, c in enumerate(regel):
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "#" and i > 0 and regel[i - 1].isspace():
            return regel[:i].rstrip(), regel[i + 1:].strip()
    return regel.rstrip(), ""


def _opdracht(bron: str, regel: int, tekst: str) -> Opdracht:
    tekst, commentaar = _zonder_commentaar(tekst)
    m = re.search(r"\bexitcode (\d+)", commentaar)
    return Opdracht(bron, regel, tekst.strip(), int(m.group(1)) if m else 0)


def _uit_document(bron: str, tekst: str) -> list[Opdracht]:
    regels = tekst.splitlines()
    uit: list[Opdracht] = []
    i = 0
    while i < len(regels):
        m = re.match(r"^```(\w*)\s*$", regels[i])
        if not m:
            i += 1
            continue
        taal, begin = m.group(1), i + 1
        eind = next(k for k in range(begin, len(regels)) if regels[k].startswith("```"))
        i = eind + 1
        if taal not in _SHELL_BLOKKEN:
            continue
        k = begin
        huidige: Optional[Opdracht] = None
        while k < eind:
            r, nr = regels[k], k + 1
            console = taal == "console"
            if console and not r.startswith("$ "):
                if huidige is not None:
                    huidige.uitvoer.append(r.rstrip())
                k += 1
                continue
            r = r[2:] if console else r
            while r.rstrip().endswith("\\") and k + 1 < eind:  # vervolgregels
                k += 1
                r = r.rstrip()[:-1].rstrip() + " " + regels[k].strip()
            k += 1
            kaal = _zonder_commentaar(r)[0].strip()
            if not kaal.startswith("#") and (_SORA.search(kaal) or _MAKE.match(kaal)):
                huidige = _opdracht(bron, nr, r)
                uit.append(huidige)
            else:
                huidige = None  # pip install, cd, curl, ...: geen sora-opdracht
    for m in re.finditer(r"<!-- uitvoer: ([^\n]+)\n(.*?)-->", tekst, re.S):
        o = _opdracht(bron, tekst[:m.start()].count("\n") + 1, m.group(1))
        o.bevat = [r.strip()[len("bevat:"):].strip() for r in m.group(2).splitlines() if r.strip().startswith("bevat:")]
        assert o.bevat, f"{bron}:{o.regel}: <!-- uitvoer: ... --> zonder 'bevat:'-regel"
        uit.append(o)
    return uit


def _hulpteksten():
    def loop(cmd, pad):
        yield " ".join(pad), "\n".join(t for t in (cmd.help, cmd.epilog) if t)
        if isinstance(cmd, click.Group):
            for naam, sub in sorted(cmd.commands.items()):
                yield from loop(sub, pad + [naam])
    yield from loop(laad_opdrachten(), ["sora"])


def _bronnen() -> dict[str, list[Opdracht]]:
    uit = {}
    for pad in [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md")):
        naam = str(pad.relative_to(ROOT))
        uit[naam] = _uit_document(naam, pad.read_text(encoding="utf-8"))
    for naam, tekst in _hulpteksten():
        bron = f"{naam} --help"
        # een voorbeeldregel roept sora aan (ook na 'cat ... |'); eindigt ze op '\', dan hoort de
        # volgende regel erbij; '# ...' is commentaar (met de exitcode), '   (' een toelichting
        regels, verder = [], False
        for r in (x.strip() for x in tekst.splitlines()):
            if verder:
                regels[-1] = regels[-1].rstrip("\\").rstrip() + " " + r
            elif _SORA.search(re.split(r"\s{3,}\(", r)[0]) and not r.startswith(("cd ", "(")):
                regels.append(r)
            else:
                continue
            verder = r.endswith("\\")
        uit[bron] = [_opdracht(bron, 0, re.split(r"\s{3,}\(", r)[0]) for r in regels]
    return {b: o for b, o in uit.items() if o}


BRONNEN = _bronnen()
OPDRACHTEN = [o for lijst in BRONNEN.values() for o in lijst]


# --------------------------------------------------------------------------- draaien

@dataclass
class Uitslag:
    code: int
    uitvoer: str
    geschreven: dict = field(default_factory=dict)  # pad -> bestaat en is niet leeg, meteen na de opdracht


def _werkmap(basis: Path) -> Path:
    basis.mkdir(parents=True)
    negeer = shutil.ignore_patterns("*.egg-info", "__pycache__", ".pytest_cache", "build")
    for m in ("voorbeelden", "plugins", "docs"):
        shutil.copytree(ROOT / m, basis / m, ignore=negeer)
    (basis / ".venv").mkdir()
    (basis / ".venv" / "bin").symlink_to(BIN)  # voor de README-vorm '.venv/bin/sora ...'
    return basis


def _omgeving() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "COV_"))}
    env.update(PATH=f"{BIN}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}", PYTHONUNBUFFERED="1",
               PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    return env


def _draai_bron(opdrachten: list[Opdracht], map_: Path) -> dict[int, Uitslag]:
    """Alle opdrachten van één bron op volgorde in één map (elke opdracht een eigen bash)."""
    uit, eerder = {}, {}
    env = _omgeving()
    for o in opdrachten:
        if o.reden_niet:
            continue
        if o.bevat and o.tekst in eerder:  # een getal uit de tekst: dezelfde opdracht is al gedraaid
            uit[id(o)] = eerder[o.tekst]
            continue
        try:
            r = subprocess.run(["bash", "-o", "pipefail", "-c", o.tekst], cwd=map_, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
            u = Uitslag(r.returncode, r.stdout.decode("utf-8", "replace"))
        except subprocess.TimeoutExpired as e:
            u = Uitslag(-1, f"time-out na {e.timeout} s")
        for pad in _geschreven(o):  # meteen: een latere opdracht kan hetzelfde bestand weer schrijven
            p = map_ / pad
            u.geschreven[pad] = p.exists() and (p.is_dir() or p.stat().st_size > 0)
        uit[id(o)] = eerder[o.tekst] = u
    return uit


def _git_status() -> Optional[str]:
    try:
        r = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT, capture_output=True,
                           timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return r.stdout.decode() if r.returncode == 0 else None


@pytest.fixture(scope="session")
def uitslagen(tmp_path_factory):
    """Draait alle bronnen één keer (naast elkaar, elke bron op volgorde) en geeft per opdracht de uitslag."""
    assert (BIN / "sora").exists(), f"geen 'sora' in {BIN}: draai de tests met de python van de virtuele omgeving"
    voor = _git_status()
    basis = tmp_path_factory.mktemp("docs")
    taken = [(lijst, _werkmap(basis / f"bron{i}")) for i, lijst in enumerate(BRONNEN.values())]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        uit = {}
        for deel in pool.map(lambda t: _draai_bron(*t), taken):
            uit.update(deel)
    assert _git_status() == voor, "een opdracht uit de docs schreef in de repo"
    return uit


# --------------------------------------------------------------------------- toetsen

def _patroon(getoond: str) -> re.Pattern:
    """Een getoonde regel; '...' erin staat voor weggelaten tekst."""
    return re.compile(".*".join(re.escape(d) for d in getoond.split("...")) + r"\Z")


def vergelijk_uitvoer(getoond: list[str], echt: list[str]) -> Optional[str]:
    """None als de getoonde regels (met '...' voor weggelaten regels) de echte uitvoer beschrijven;
    anders wat er niet klopt."""
    def weg_lege_eind(x):
        x = [r.rstrip() for r in x]
        while x and not x[-1]:
            x.pop()
        return x

    getoond, echt = weg_lege_eind(getoond), weg_lege_eind(echt)
    stukken: list[list[str]] = [[]]
    for r in getoond:
        if r.strip() == "...":
            stukken.append([])
        else:
            stukken[-1].append(r)
    vrij_begin, vrij_eind = not stukken[0], not stukken[-1]
    stukken = [s for s in stukken if s]

    def begin(p):  # hoeveel regels van het stuk vanaf echt[p] passen
        j = 0
        while j < len(stuk) and p + j < len(echt) and _patroon(stuk[j]).match(echt[p + j]):
            j += 1
        return j

    pos = 0
    for n, stuk in enumerate(stukken):
        vast_begin = n == 0 and not vrij_begin
        vast_eind = n == len(stukken) - 1 and not vrij_eind
        if vast_begin:
            kandidaten = [0]
        elif vast_eind:
            kandidaten = [len(echt) - len(stuk)] if len(echt) - len(stuk) >= pos else []
        else:
            kandidaten = list(range(pos, len(echt) - len(stuk) + 1))
        gevonden = next((p for p in kandidaten if begin(p) == len(stuk)), None)
        if gevonden is None:
            p = max(kandidaten or range(pos, max(pos, len(echt)) + 1), key=begin)
            j = begin(p)
            if j >= len(stuk):
                return f"de getoonde regels vanaf {stuk[0]!r} staan niet in deze volgorde in de uitvoer"
            daar = echt[p + j] if p + j < len(echt) else "(einde van de uitvoer)"
            return (f"getoonde regel {stuk[j]!r} past niet; de uitvoer heeft daar (regel {p + j + 1}) {daar!r}"
                    + ("" if j else " (staan er regels tussen, zet dan '...' op een eigen regel)"))
        if vast_eind and gevonden + len(stuk) != len(echt):
            return (f"de uitvoer gaat na {stuk[-1]!r} verder met {echt[gevonden + len(stuk)]!r}; "
                    "zet '...' op een eigen regel voor weggelaten regels")
        pos = gevonden + len(stuk)
    return None


def _geschreven(o: Opdracht) -> list[str]:
    """De bestanden en mappen die de opdracht volgens haar tekst schrijft."""
    delen = shlex.split(o.tekst.replace(" | ", " \x00 "))
    uit = []
    for i, d in enumerate(delen[:-1]):
        if d in ("--uit", ">", "--grafiek") and delen[i + 1] not in ("-", "\x00"):
            uit.append(delen[i + 1])
    if "plugin" in delen and "nieuw" in delen:
        naam = delen[delen.index("nieuw") + 1]
        uit.append(str(Path(delen[delen.index("--map") + 1] if "--map" in delen else ".") / naam))
    return uit


def _verwachting(o: Opdracht) -> tuple[int, list[str], bool]:
    """(exitcode, tekst die in de uitvoer moet staan, schrijft bestanden)."""
    if "--grafiek" in o.tekst and importlib.util.find_spec("matplotlib") is None:
        # docs/cli.md, 'Grafieken': zonder matplotlib zegt de opdracht dat, exitcode 2, en schrijft niets
        return 2, ["matplotlib"], False
    return o.exitcode, [], o.exitcode in (0, 1)


def test_er_zijn_opdrachten():
    assert len(OPDRACHTEN) > 60 and len(BRONNEN) > 20
    # elke soort die de docs tonen, zit erin: een pijp, een bestand, ZGW, een plugin, --help
    for stukje in (r"\| (\.venv/bin/)?sora beoordeel -", "--uit rapport.html", "--zgw", "sora plugin nieuw", "> normen.csv",
                   r"sora populatie .*\| (\.venv/bin/)?sora batch -"):
        assert any(re.search(stukje, o.tekst) for o in OPDRACHTEN), stukje
    assert any(o.bron.endswith("--help") for o in OPDRACHTEN) and any(o.uitvoer for o in OPDRACHTEN)
    assert any(o.bevat for o in OPDRACHTEN)


def test_niet_draaien_is_kort_en_klopt():
    """Elke regel van NIET_DRAAIEN hoort bij een opdracht die er nog is (geen dode uitzonderingen)."""
    assert len(NIET_DRAAIEN) <= 9
    for (bron, begin), _reden in NIET_DRAAIEN.items():
        assert any(o.bron == bron and o.tekst.startswith(begin) for o in OPDRACHTEN), (bron, begin)


@pytest.mark.parametrize("o", OPDRACHTEN, ids=lambda o: o.naam[:120])
def test_opdracht_uit_de_docs(o, uitslagen):
    if o.reden_niet:
        pytest.skip(f"{o.naam[:80]}: {o.reden_niet}")
    u = uitslagen[id(o)]
    code, moet, schrijft = _verwachting(o)
    staart = u.uitvoer if len(u.uitvoer) < 4000 else u.uitvoer[:2000] + "\n[...]\n" + u.uitvoer[-2000:]
    assert u.code == code, f"{o.naam}\nexitcode {u.code}, de docs zeggen {code}\n{staart}"
    assert "Traceback" not in u.uitvoer, f"{o.naam}\n{staart}"
    if code == 0:
        assert not re.search(r"^Fout:", u.uitvoer, re.M), f"{o.naam}\n{staart}"
    for t in moet + o.bevat:
        assert t in u.uitvoer, f"{o.naam}\nde docs noemen {t!r}, maar de uitvoer niet:\n{staart}"
    if o.uitvoer:
        fout = vergelijk_uitvoer(o.uitvoer, u.uitvoer.splitlines())
        assert fout is None, f"{o.naam}\n{fout}\n--- echte uitvoer ---\n{staart}"
    for pad, goed in u.geschreven.items() if schrijft else ():
        assert goed, f"{o.naam}\nschreef {pad} niet (of leeg)"


def test_genoemde_bestanden_bestaan():
    """Elk pad onder voorbeelden/ of plugins/ dat de docs noemen (ook in lopende tekst), bestaat,
    behalve wat een getoonde 'sora plugin nieuw' eerst aanmaakt."""
    aangemaakt = {p for o in OPDRACHTEN if "plugin nieuw" in o.tekst for p in _geschreven(o)}
    teksten = [(p, p.read_text(encoding="utf-8")) for p in [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md"))]
    teksten += [(Path(f"{n} --help"), t) for n, t in _hulpteksten()]
    for pad, tekst in teksten:
        for m in re.finditer(r"(?<![\w/.-])((?:voorbeelden|plugins)/[\w./-]*[\w-])", tekst):
            genoemd = m.group(1)
            if "*" in tekst[m.end():m.end() + 1] or "<" in genoemd or any(genoemd.startswith(a) for a in aangemaakt):
                continue
            assert (ROOT / genoemd).exists(), f"{pad.name} noemt {genoemd}, dat niet bestaat"


# --------------------------------------------------------------------------- de vergelijker zelf

@pytest.mark.parametrize("getoond, echt, klopt", [
    (["a", "b"], ["a", "b", ""], True),
    (["a"], ["a", "b"], False),                        # zonder '...' aan het eind: de uitvoer houdt op
    (["a", "..."], ["a", "b", "c"], True),
    (["...", "c"], ["a", "b", "c"], True),
    (["a", "...", "c"], ["a", "c"], True),
    (["a", "...", "d"], ["a", "b", "c"], False),
    (["x ... z"], ["x y z"], True),
    (["x ... z"], ["x y"], False),
    (["...", "b", "..."], ["a", "b", "c"], True),
    (["...", "b", "c", "..."], ["a", "b", "x", "c"], False),
    (["b"], ["a"], False),
])
def test_vergelijk_uitvoer(getoond, echt, klopt):
    assert (vergelijk_uitvoer(getoond, echt) is None) == klopt
