"""Een zevende gemeente naast de zes van de regio (issue 12).

De tests van het project gaan over "de zes van de regio" (``plugins.INGEBOUWD``, de fixture
``zes_gemeenten``), niet over "alles wat geïnstalleerd is". Deze test maakt met ``sora plugin
nieuw`` een wegwerpplugin, maakt hem vindbaar via de entry-pointgroep ``sora`` (een
``.dist-info`` in een tijdelijke map op ``PYTHONPATH``; er wordt niets in de .venv
geïnstalleerd) en draait de tests die iets over de set gemeenten aannemen in een apart proces
met die zevende gemeente erbij.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date

import pytest

from conftest import ROOT, register_van_de_zes
from sora_core.nieuw import maak_plugin
from sora_core.plugins import INGEBOUWD

#: tests die een aanname over de geïnstalleerde gemeenten doen; een nieuwe test van die soort hoort hier bij
AANNAMEN = [
    "tests/test_cli_analyse.py::test_vergelijk_voorbeeld_zes_gemeenten_tekst",
    "tests/test_cli_analyse.py::test_vergelijk_json_schema_en_totalen",
    "tests/test_cli_analyse.py::test_normen_echte_gemeenten",
    "tests/test_cli_analyse.py::test_harmonisatie_echte_gemeenten",
    "tests/test_declaratief.py::test_de_zes_plugins_laden_zonder_fouten",
    "tests/test_fundament.py::test_gemeenten_json_noemt_alle_zes_met_juiste_cbs_code",
    "tests/test_pluginfouten.py::test_plugin_van_buiten_wordt_nog_steeds_gevonden",
    "tests/test_scenarios.py::test_root_config_verzamelt_de_scenarios_van_elke_plugin",
    "tests/test_scenarios.py::test_elke_plugin_heeft_een_scenario",
    "tests/test_cli_batch.py::test_populatie_reproduceerbaar_en_geldig",
]


@pytest.fixture
def zevende(tmp_path):
    """Een map voor PYTHONPATH met de wegwerpplugin 'zevenstad' (GM9977) en zijn entry point."""
    project = maak_plugin("zevenstad", "GM9977", tmp_path / "project", gemeentenaam="Zevenstad",
                          vandaag=date(2025, 9, 1))
    site = tmp_path / "site"
    shutil.copytree(project / "sora_zevenstad", site / "sora_zevenstad")
    info = site / "sora_zevenstad-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: sora-zevenstad\nVersion: 0.1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[sora]\nzevenstad = sora_zevenstad\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site)] + [p for p in [os.environ.get("PYTHONPATH")] if p])}
    env.pop("SORA_ALLEEN_INGEBOUWD", None)
    return env


def test_de_zevende_gemeente_is_echt_geinstalleerd(zevende):
    r = subprocess.run([sys.executable, "-m", "sora_core.cli", "gemeenten", "--json"], env=zevende, cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert {g["plugin"] for g in doc["gemeenten"]} == set(INGEBOUWD) | {"zevenstad"}
    assert doc["plugin_fouten"] == []


def test_aannamen_van_de_testsuite_houden_met_een_zevende_gemeente(zevende):
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *AANNAMEN], env=zevende,
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-1000:]
    assert " passed" in r.stdout and "failed" not in r.stdout


def test_register_van_de_zes_laat_een_zevende_weg(zevende, monkeypatch):
    monkeypatch.syspath_prepend(zevende["PYTHONPATH"].split(os.pathsep)[0])
    from sora_core.plugins import _kandidaten, bouw_register

    monkeypatch.delenv("SORA_ALLEEN_INGEBOUWD", raising=False)
    alles = bouw_register(_kandidaten())
    assert "zevenstad" in alles.plugins
    zes = register_van_de_zes()
    assert set(zes.plugins) == set(INGEBOUWD) and not zes.fouten
