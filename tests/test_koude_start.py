"""De koude start van ``sora``: het startpunt (sora_core/__main__.py) en wat een gewone
``sora beoordeel CASUS.json --json`` niet hoort te laden. Geen tijden (die staan in de
benchmark), alleen de structuur die de tijd scheelt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def _draai(code: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([PY, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_start_zet_de_gc_weer_aan_voor_de_opdracht():
    """Tijdens het laden van de opdrachtregel staat de collector uit; de opdracht zelf (ook een
    lange, zoals batch of serve) draait met de collector aan, en het geladene is bevroren."""
    r = _draai("import gc, sora_core.cli as c\n"
               "c.main = lambda: print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
               "from sora_core.__main__ import main\n"
               "main()\n")
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["True", "True"]


def test_python_m_sora_core_is_de_opdracht_sora():
    r = subprocess.run([PY, "-m", "sora_core", "--version"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0 and r.stdout == "sora 0.1.0\n"
    sora = Path(PY).parent / "sora"
    r2 = subprocess.run([str(sora), "--version"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r2.stdout == r.stdout


def test_koude_beoordeel_laadt_geen_overbodige_modules(tmp_path):
    """Met een gevulde TOML-cache laadt ``sora beoordeel CASUS.json --json`` geen TOML-parser,
    geen scenariolezer, geen opmaak voor waarschuwingen en geen hashlib (OpenSSL)."""
    casus = tmp_path / "casus.json"
    casus.write_text(json.dumps({
        "gemeente": "GM0373", "peildatum": "2025-03-01", "aanvrager": {"geboortedatum": "1980-01-01"},
        "inkomen": {"netto_per_maand": "1200.00", "laag_sinds": "2020-01-01"},
        "aanvragen": [{"regeling": "individuele_inkomenstoeslag"}],
    }), encoding="utf-8")
    code = ("import sys\n"
            "sys.argv = ['sora', 'beoordeel', sys.argv[1], '--json']\n"
            "from sora_core.__main__ import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('MODULES', ' '.join(sorted(sys.modules)), file=sys.stderr)\n"
            "from sora_core.lui import Patroon\n"
            "print('GECOMPILEERD', ' '.join(sorted(f'{m.__name__}.{n}' for m in list(sys.modules.values())\n"
            "      if getattr(m, '__name__', '').startswith('sora_core') for n, p in vars(m).items()\n"
            "      if type(p) is Patroon and 'match' in p.__dict__)), file=sys.stderr)\n")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "SORA_GEEN_CACHE": ""}
    eerst = _draai(code, str(casus), env=env)  # vult de cache
    r = _draai(code, str(casus), env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout == eerst.stdout and '"contract": "sora-besluit/1"' in r.stdout
    modules = set(r.stderr.split("MODULES", 1)[1].split("GECOMPILEERD", 1)[0].split())
    # alleen de patronen die de volledige lezer en de toets van het beleid gebruiken, worden gecompileerd;
    # die van foutmeldingen, hulptekst en het opruimen van tijdelijke bestanden niet (lui.Patroon)
    assert set(r.stderr.split("GECOMPILEERD", 1)[1].split()) <= {
        "sora_core.beleidstoets._INSTRUMENT", "sora_core.invoer._DATUMVORM", "sora_core.invoer._BEDRAGVORM"}
    assert "sora_core.beslisser" in modules
    for niet in ("tomllib", "tomli", "sora_core.scenario", "sora_core.analyse.actualiteit", "hashlib"):
        assert niet not in modules, niet


def test_elk_uitgesteld_patroon_is_geldig():
    """``lui.Patroon`` compileert pas bij het eerste gebruik: hier elk patroon van de kern één keer, zodat een
    fout in een patroon van een zelden gebruikte foutmelding hier opvalt en niet bij een gebruiker."""
    import importlib
    import pkgutil
    import re

    import sora_core
    from sora_core.lui import Patroon

    gevonden = 0
    for info in pkgutil.walk_packages(sora_core.__path__, "sora_core."):
        if info.name.endswith(("wsgi", "grafiek")):
            continue  # optionele extra's (waitress, matplotlib); die hebben geen patronen
        module = importlib.import_module(info.name)
        for naam, waarde in vars(module).items():
            for p in (waarde if type(waarde) is tuple else (waarde,)):
                if type(p) is not Patroon and type(p) is tuple and p and type(p[0]) is Patroon:
                    p = p[0]  # (patroon, vervanging), zoals cli._HULP_EXTRA
                if type(p) is not Patroon:
                    continue
                assert p.pattern == p._bron and p.fullmatch.__self__ == re.compile(p._bron, p._vlaggen), naam
                gevonden += 1
    assert gevonden >= 20
