"""Eén toets voor beleid.toml (issue 15, punten 4 en 6): de lader en 'sora plugin controleer'
gebruiken dezelfde code en dezelfde meldingen, en elke melding zegt hoe het goed moet."""

from __future__ import annotations

import textwrap

import pytest

from sora_core import hookimpl
from sora_core.beleidstoets import toets_beleid
from sora_core.cli import sora
from sora_core.fouten import BeleidFout
from sora_core.plugins import laad_plugin

NORM = '''\
[[norm]]
naam = "individuele_inkomenstoeslag.inkomensgrens"
waarde = {waarde}
geldig_vanaf = 2025-01-01
grondslag = "Verordening individuele inkomenstoeslag Proefstad 2025, art. 2"
bron = "CVDR700001"
'''

REGELING = '''\
[[regeling]]
sleutel = "proef.pas"
naam = "Pas"
grondslag = "Verordening Pas Proefstad 2025, art. 2"
bron = "gmb-2025-1"
geldig_vanaf = 2025-01-01
inkomensgrens = {waarde}
'''


class _P:
    def __init__(self, pad):
        self.pad = pad

    @hookimpl
    def sora_gemeente(self):
        return {"naam": "Proefstad", "cbs_code": "GM9990", "versie": "0.1"}

    @hookimpl
    def sora_beleid(self):
        return [self.pad]


def _beide(tmp_path, tekst):
    """(bevindingen van de toets, melding van de lader of None)."""
    pad = tmp_path / "beleid.toml"
    pad.write_text(textwrap.dedent(tekst), encoding="utf-8")
    bevindingen = toets_beleid("proef", [pad]).bevindingen
    try:
        laad_plugin("proef", _P(pad))
        geladen = None
    except BeleidFout as e:
        geladen = str(e)
    return bevindingen, geladen


@pytest.mark.parametrize("sjabloon", [NORM, REGELING], ids=["norm", "regeling"])
@pytest.mark.parametrize("waarde, hint", [
    ('"115%"', 'is een percentage; schrijf het als deel: "1.15"'),
    ("1.15", 'schrijf het getal tussen aanhalingstekens: "1.15"'),
    ('"1.234,5"', 'geen punt tussen de duizendtallen; schrijf "1234.5"'),
    ('"veel"', 'schrijf bijvoorbeeld "1.15"'),
])
def test_een_regel_voor_norm_en_regeling_met_de_oplossing_erbij(tmp_path, sjabloon, waarde, hint):
    bevindingen, geladen = _beide(tmp_path, sjabloon.format(waarde=waarde))
    assert [b.ernst for b in bevindingen] == ["fout"], bevindingen
    assert hint in bevindingen[0].melding
    assert bevindingen[0].regel == 3 if sjabloon is NORM else 7
    # de lader weigert met dezelfde melding, met bestand en regel
    assert geladen is not None and hint in geladen and f", regel {bevindingen[0].regel}" in geladen


@pytest.mark.parametrize("sjabloon", [NORM, REGELING], ids=["norm", "regeling"])
def test_decimale_komma_mag_zoals_bij_zet(tmp_path, sjabloon):
    bevindingen, geladen = _beide(tmp_path, sjabloon.format(waarde='"1,15"'))
    assert bevindingen == [] and geladen is None
    pad = tmp_path / "beleid.toml"
    p = laad_plugin("proef", _P(pad))
    if sjabloon is NORM:
        assert str(p.normen["individuele_inkomenstoeslag.inkomensgrens"][0].waarde) == "1.15"
    else:
        assert p.regelingen[0].definitie["inkomensgrens"] == "1.15"


def test_percentage_als_heel_getal_krijgt_een_hint(tmp_path):
    bevindingen, geladen = _beide(tmp_path, NORM.format(waarde="115"))
    assert len(bevindingen) == 1
    m = bevindingen[0].melding
    assert "boven het maximum 1.50" in m and 'bedoelt u 115%? Schrijf dat als deel: "1.15"' in m
    assert m in geladen or m.rstrip(".") in geladen


def test_overlap_noemt_beide_perioden_en_de_oplossing(tmp_path):
    tekst = NORM.format(waarde='"1.20"').replace("geldig_vanaf = 2025-01-01", "geldig_vanaf = 2025-01-01\ngeldig_tot = 2025-12-31")
    tekst += "\n" + NORM.format(waarde='"1.30"').replace("2025-01-01", "2025-07-01")
    bevindingen, geladen = _beide(tmp_path, tekst)
    assert len(bevindingen) == 1
    m = bevindingen[0].melding
    assert "vanaf 2025-07-01 overlapt met de periode vanaf 2025-01-01 tot en met 2025-12-31" in m
    assert "beleid.toml:4" in m and bevindingen[0].regel == 12  # beide plekken
    assert "Geef die eerste een geldig_tot vóór 2025-07-01, bijvoorbeeld geldig_tot = 2025-06-30" in m
    assert geladen is not None and "geldig_tot = 2025-06-30" in geladen


@pytest.mark.parametrize("sjabloon", [NORM, REGELING], ids=["norm", "regeling"])
def test_zwakke_grondslag_en_ontbrekende_bron_zijn_waarschuwingen(tmp_path, sjabloon, runner):
    tekst = sjabloon.format(waarde='"1.20"')
    tekst = "\n".join(r for r in tekst.splitlines() if not r.startswith("bron"))
    tekst = tekst.replace('grondslag = "Verordening individuele inkomenstoeslag Proefstad 2025, art. 2"', 'grondslag = "x"')
    tekst = tekst.replace('grondslag = "Verordening Pas Proefstad 2025, art. 2"', 'grondslag = "x"')
    bevindingen, geladen = _beide(tmp_path, tekst)
    assert geladen is None  # een waarschuwing houdt het laden niet tegen
    assert [b.ernst for b in bevindingen] == ["waarschuwing", "waarschuwing"]
    meldingen = " ".join(b.melding for b in bevindingen)
    assert "grondslag 'x' noemt geen regeling en geen artikel" in meldingen
    assert "'bron' ontbreekt" in meldingen
    (tmp_path / "sora_proef").mkdir()  # de pluginnaam volgt uit de map
    (tmp_path / "sora_proef" / "beleid.toml").write_text(tekst, encoding="utf-8")
    r = runner.invoke(sora, ["plugin", "controleer", str(tmp_path / "sora_proef" / "beleid.toml")])
    assert r.exit_code == 0, r.output
    assert "waarschuwing: " in r.output and "2 waarschuwing(en)" in r.output


@pytest.mark.parametrize("grondslag, zwak", [
    ("x", True), ("zie boven", True), ("Verordening x", False), ("art. 36 Participatiewet", False),
    ("Beleidsregels Bergen (NH), Gemeenteblad gmb-2021-458028", False), ("CVDR723045", False),
])
def test_herkenning_van_een_grondslag(grondslag, zwak):
    from sora_core.beleidstoets import grondslag_zonder_regeling

    assert grondslag_zonder_regeling(grondslag) is zwak


def test_lader_meldt_het_aantal_andere_fouten(tmp_path):
    tekst = NORM.format(waarde='"9"') + "\n" + NORM.format(waarde='"veel"').replace("2025-01-01", "2026-01-01")
    bevindingen, geladen = _beide(tmp_path, tekst)
    assert len(bevindingen) == 2
    assert "(en nog 1 fout: 'sora plugin controleer' noemt ze allemaal)" in geladen


def test_lader_leest_het_bestand_niet_als_tekst_als_alles_goed_is(tmp_path, monkeypatch):
    """Snel laden: regelnummers worden alleen opgezocht als er iets te melden is."""
    from pathlib import Path

    pad = tmp_path / "beleid.toml"
    pad.write_text(NORM.format(waarde='"1.20"') + "\n" + REGELING.format(waarde='"1.20"'), encoding="utf-8")
    gelezen = []
    echt = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: gelezen.append(self) or echt(self, *a, **k))
    laad_plugin("proef", _P(pad))
    assert gelezen == []
    pad.write_text(NORM.format(waarde='"9"'), encoding="utf-8")
    with pytest.raises(BeleidFout):
        laad_plugin("proef", _P(pad))
    assert gelezen == [pad]
