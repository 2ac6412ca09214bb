"""Rooktest van de duurtest (issue 13): ``bench/soak_http.py --snel`` draait, schrijft geldige
JSON naar het pad van ``--uit`` (nooit naar bench/soak.json) en heeft 0 fouten.

Geen getimede test: alleen dat de meting werkt. Alleen op 127.0.0.1, begrensd (5 s belasting,
20 gewone en 15 trage clients, een leestermijn van 2 s; alles samen ongeveer 6 s); de duurtest
ruimt zijn server zelf op. Zonder waitress overgeslagen.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("waitress", reason="waitress is niet geïnstalleerd; installeer de extra 'test' of 'server' "
                                       "(pip install -e '.[test]') om de duurtest te draaien")

ROOT = Path(__file__).resolve().parent.parent
SOAK = ROOT / "bench" / "soak_http.py"


def test_duurtest_snel_draait_en_schrijft_json_zonder_fouten(tmp_path):
    echt = ROOT / "bench" / "soak.json"
    voor = echt.read_bytes() if echt.exists() else None
    uit = tmp_path / "soak.json"
    p = subprocess.run([sys.executable, str(SOAK), "--snel", "--uit", str(uit)], cwd=ROOT, capture_output=True,
                       text=True, timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
    doc = json.loads(uit.read_text(encoding="utf-8"))
    r = doc["resultaat"]
    assert r["fouten"]["totaal"] == 0, r["fouten"]
    assert r["gewoon"]["verzoeken_ok"] > 0 and r["gewoon"]["latentie_ms"]["p99"] is not None
    assert doc["parameters"]["snel"] is True and doc["parameters"]["host"] == "127.0.0.1"
    assert doc["machine"]["kernen"] and doc["gemeten_op"]
    assert r["server_geheugen_mb"]["rss_voor"] is None or r["server_geheugen_mb"]["rss_voor"] > 0
    assert "Duurtest HTTP" in p.stdout and "fouten: 0" in p.stdout
    assert (echt.read_bytes() if echt.exists() else None) == voor, "--snel mag bench/soak.json niet aanraken"


def test_duurtest_snel_weigert_de_echte_uitvoer():
    p = subprocess.run([sys.executable, str(SOAK), "--snel", "--uit", str(ROOT / "bench" / "soak.json")], cwd=ROOT,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "bench/soak.json" in p.stderr
