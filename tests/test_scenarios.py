"""Scenariotests in data: lezen, uitvoeren, rapporteren, en de pytest-plugin (pytest11)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from decimal import Decimal
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from sora_core.plugins import INGEBOUWD
from sora_core.scenario import ScenarioFout, is_scenariobestand, lees_scenario, rapport, voer_uit

ROOT = Path(__file__).resolve().parent.parent

# Bergen (NH), peildatum 1-9-2025, alleenstaande van 45, inkomen 1.450,00, laag sinds 1-1-2021:
# grens 1,20 x 1.369,06 = 1.642,87 -> voldoet; referteperiode 36 maanden vol op 1-1-2024;
# vermogen 2.500 <= 7.770; toeslag alleenstaande 479,00 per jaar.
CASUS = '''
[casus]
gemeente = "GM0373"
peildatum = 2025-09-01
[casus.aanvrager]
geboortedatum = 1980-05-01
[casus.inkomen]
netto_per_maand = "1450.00"
laag_sinds = 2021-01-01
[casus.vermogen]
bezittingen = "2500.00"
[[casus.aanvragen]]
regeling = "individuele_inkomenstoeslag"
'''


def schrijf(map_: Path, naam: str, tekst: str) -> Path:
    (map_ / "tests").mkdir(parents=True, exist_ok=True)
    pad = map_ / "tests" / naam
    pad.write_text(textwrap.dedent(tekst), encoding="utf-8")
    return pad


def test_scenario_slaagt_bij_juiste_verwachting(tmp_path):
    pad = schrijf(tmp_path, "scenario_goed.toml", 'naam = "IIT Bergen"\n' + CASUS + '''
[[verwacht]]
regeling = "individuele_inkomenstoeslag"
uitkomst = "toegekend"
bedrag = "479.00"
bedrag_per = "per_jaar"
vorm = "om_niet"
''')
    s = lees_scenario(pad)
    assert s.naam == "IIT Bergen" and s.verwacht[0].bedrag == Decimal("479.00")
    afwijkingen, besluit = voer_uit(s)
    assert afwijkingen == []
    assert besluit.gemeente.cbs_code == "GM0373"


def test_afwijking_toont_naam_verwacht_gekregen_en_motivering(tmp_path):
    pad = schrijf(tmp_path, "scenario_fout.toml", 'naam = "IIT Bergen, verkeerd bedrag"\ntoelichting = "479 + 1"\n' + CASUS + '''
[[verwacht]]
regeling = "individuele_inkomenstoeslag"
uitkomst = "afgewezen"
bedrag = "480.00"
''')
    s = lees_scenario(pad)
    afwijkingen, _ = voer_uit(s)
    assert len(afwijkingen) == 1
    assert afwijkingen[0].verschillen == (("uitkomst", "afgewezen", "toegekend"), ("bedrag", "480.00", "479.00"))
    tekst = rapport(s, afwijkingen)
    assert "Scenario 'IIT Bergen, verkeerd bedrag'" in tekst
    assert "uitkomst: verwacht afgewezen, kreeg toegekend" in tekst
    assert "bedrag: verwacht 480.00, kreeg 479.00" in tekst
    assert "motivering van de toolkit:" in tekst and "Aan alle voorwaarden is voldaan" in tekst
    assert "grondslag: art. 36 lid 2 Participatiewet" in tekst
    assert "toelichting bij het scenario: 479 + 1" in tekst


def test_onbekende_regeling_in_verwachting(tmp_path):
    pad = schrijf(tmp_path, "scenario_x.toml", CASUS + '[[verwacht]]\nregeling = "bergen.bestaat_niet"\n')
    afwijkingen, _ = voer_uit(lees_scenario(pad))
    assert afwijkingen[0].verschillen[0][2].startswith("niet in het besluit; wel: individuele_inkomenstoeslag")


def test_ongeldig_scenario_meldt_alle_problemen(tmp_path):
    pad = schrijf(tmp_path, "scenario_kapot.toml", '''
        onzin = 1
        [[aanvragen]]
        regeling = "x"
        [[verwacht]]
        uitkomst = "ja"
        [[verwacht]]
        regeling = "individuele_inkomenstoeslag"
        uitkomst = "misschien"
        bedrag = "1.234"
        vorm = "cadeau"
        ''')
    with pytest.raises(ScenarioFout) as e:
        lees_scenario(pad)
    m = e.value.meldingen
    assert any("onbekend veld 'aanvragen'" in x and "[[casus.aanvragen]]" in x for x in m)
    assert any("onbekend veld 'onzin'" in x for x in m)
    assert any("[casus] ontbreekt" in x for x in m)
    assert any("[[verwacht]] 1: 'regeling' ontbreekt" in x for x in m)
    assert any("uitkomst 'misschien'" in x for x in m)
    assert any("bedrag '1.234'" in x for x in m)
    assert any("vorm 'cadeau'" in x for x in m)


def test_gemeente_mag_weg_in_een_pluginmap(tmp_path):
    """In de map van een plugin is de gemeente van de casus standaard die plugin."""
    from sora_core.nieuw import maak_plugin

    p = maak_plugin("proefdorp", "GM9991", tmp_path)
    pad = schrijf(p, "scenario_zonder_gemeente.toml", CASUS.replace('gemeente = "GM0373"\n', "") + '''
[[verwacht]]
regeling = "individuele_inkomenstoeslag"
uitkomst = "toegekend"
bedrag = "479.00"
''')
    afwijkingen, besluit = voer_uit(lees_scenario(pad))
    assert afwijkingen == [] and besluit.gemeente.cbs_code == "GM9991"


def test_is_scenariobestand():
    assert is_scenariobestand(Path("plugins/bergen/tests/scenario_iit.toml"))
    assert not is_scenariobestand(Path("plugins/bergen/sora_bergen/scenario_iit.toml"))
    assert not is_scenariobestand(Path("plugins/bergen/tests/casus.toml"))


def test_pytest11_entry_point_is_geregistreerd():
    eps = {e.name: e.value for e in entry_points(group="pytest11")}
    assert eps.get("sora_scenarios") == "sora_core.pytest_scenarios"


def _pytest(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_pytest_plugin_rapporteert_mislukt_scenario(tmp_path):
    schrijf(tmp_path, "scenario_fout.toml", 'naam = "Bergen verkeerd"\n' + CASUS + '''
[[verwacht]]
regeling = "individuele_inkomenstoeslag"
bedrag = "480.00"
''')
    schrijf(tmp_path, "scenario_goed.toml", 'naam = "Bergen goed"\n' + CASUS + '''
[[verwacht]]
regeling = "individuele_inkomenstoeslag"
bedrag = "479.00"
''')
    r = _pytest("-q", str(tmp_path), cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "1 failed, 1 passed" in r.stdout
    assert "Scenario 'Bergen verkeerd'" in r.stdout
    assert "bedrag: verwacht 480.00, kreeg 479.00" in r.stdout
    assert "motivering van de toolkit:" in r.stdout
    assert "Traceback" not in r.stdout


def test_root_config_verzamelt_de_scenarios_van_elke_plugin():
    r = _pytest("--collect-only", "-q", cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    for naam in INGEBOUWD:  # de plugins in plugins/ van dit project, niet elke geïnstalleerde
        assert f"plugins/{naam}/tests/scenario_" in r.stdout, naam


@pytest.mark.parametrize("naam", sorted(INGEBOUWD))
def test_elke_plugin_heeft_een_scenario(naam):
    scenarios = list((ROOT / "plugins" / naam / "tests").glob("scenario_*.toml"))
    assert scenarios, f"plugin {naam} heeft geen tests/scenario_*.toml"
    for pad in scenarios:
        s = lees_scenario(pad)
        assert s.toelichting, f"{pad.name}: zet de handberekening in 'toelichting'"


def test_bezwaartermijn_in_verwachting(tmp_path):
    # 1-9-2025 (maandag) + 42 dagen = 13-10-2025 (maandag)
    pad = schrijf(tmp_path, "scenario_bezwaar.toml", CASUS + '''
[[verwacht]]
regeling = "individuele_inkomenstoeslag"
bezwaar_uiterlijk = 2025-10-14
''')
    afwijkingen, _ = voer_uit(lees_scenario(pad))
    assert afwijkingen[0].verschillen == (("bezwaar_uiterlijk", "2025-10-14", "2025-10-13"),)
    pad.write_text(pad.read_text().replace("2025-10-14", '"13-10-2025"'))
    with pytest.raises(ScenarioFout, match="bezwaar_uiterlijk is een datum"):
        lees_scenario(pad)


def test_cli_plugin_test_zonder_pytest(runner, tmp_path):
    from sora_core.cli import sora

    r = runner.invoke(sora, ["plugin", "test", str(ROOT / "plugins" / "bergen")])
    assert r.exit_code == 0, r.output
    assert r.output.rstrip().endswith("1 geslaagd, 0 mislukt.")
    schrijf(tmp_path, "scenario_fout.toml", 'naam = "Bergen verkeerd"\n' + CASUS + '''
[[verwacht]]
regeling = "individuele_inkomenstoeslag"
bedrag = "480.00"
''')
    schrijf(tmp_path, "scenario_kapot.toml", "[[verwacht]]\n")
    r = runner.invoke(sora, ["plugin", "test", str(tmp_path)])
    assert r.exit_code == 1
    assert "MISLUKT   Bergen verkeerd" in r.output and "bedrag: verwacht 480.00, kreeg 479.00" in r.output
    assert "Ongeldig scenariobestand" in r.output and "0 geslaagd, 2 mislukt." in r.output
    r = runner.invoke(sora, ["plugin", "test", str(tmp_path / "tests" / "scenario_fout.toml"), "--json"])
    doc = json.loads(r.output)
    assert r.exit_code == 1 and (doc["geslaagd"], doc["mislukt"]) == (0, 1)
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    assert runner.invoke(sora, ["plugin", "test", str(leeg)]).exit_code == 1
