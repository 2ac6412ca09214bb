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
            "print('MODULES', ' '.join(sorted(sys.modules)), file=sys.stderr)\n")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "SORA_GEEN_CACHE": ""}
    eerst = _draai(code, str(casus), env=env)  # vult de cache
    r = _draai(code, str(casus), env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout == eerst.stdout and '"contract": "sora-besluit/1"' in r.stdout
    modules = set(r.stderr.split("MODULES", 1)[1].split())
    assert "sora_core.beslisser" in modules
    for niet in ("tomllib", "tomli", "sora_core.scenario", "sora_core.analyse.actualiteit", "hashlib"):
        assert niet not in modules, niet
