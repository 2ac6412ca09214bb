"""Leesbare terminaluitvoer (issue 15, punt 3): datums in lopende tekst als "1 september 2025",
de grondslagregel na stap 10 uitgelijnd, geen bezwaar onder een "niet van toepassing" waar niemand
om vroeg, ``vergelijk`` vóór het bestaan van een gemeente, elke gemeente zichtbaar in de grafiek en
de "Let op"-regels binnen 100 kolommen."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from sora_core.cli import sora

from conftest import ROOT

ISO = re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b")
VOORBEELDEN = ROOT / "voorbeelden"


def run(*args) -> str:
    r = CliRunner().invoke(sora, [str(a) for a in args], catch_exceptions=False)
    return r.output


# ---------------------------------------------------------------- a. datums in tekst

@pytest.mark.parametrize("args", [
    ("regelingen",), ("regelingen", "--peildatum", "2021-06-01"), ("minima-effect", "--peildatum", "2021-06-01"),
    ("landelijk", "--peildatum", "2026-12-01"), ("gemeenten",), ("actualiteit", "--peildatum", "2026-12-01"),
    ("harmonisatie", "--peildatum", "2021-06-01"), ("normen", "--peildatum", "2021-06-01"),
    ("vergelijk", VOORBEELDEN / "gezin-vergelijk.toml", "--peildatum", "2021-06-01"),
])
def test_tekstuitvoer_noemt_geen_iso_datum(zes_gemeenten, args):
    tekst = run(*args)
    assert not ISO.search(tekst), ISO.search(tekst).group(0)


def test_meldingen_noemen_de_datum_zoals_een_mens():
    from datetime import date

    from sora_core.beslisser import beoordeel
    from sora_core.fouten import InvoerFout

    from conftest import casus

    with pytest.raises(InvoerFout) as e:
        beoordeel(casus(aanvragen=[{"regeling": "inkomenstoeslag"}]))
    assert "in Alkmaar op 1 september 2025; bekend:" in e.value.fouten()[0].melding
    with pytest.raises(InvoerFout) as e:
        beoordeel(casus(gemeente="GM1980", peildatum="2021-06-01"))
    assert "bestaat pas vanaf 1 januari 2022; op peildatum 1 juni 2021" in e.value.fouten()[0].melding
    assert date(2025, 9, 1).isoformat() == "2025-09-01"  # het JSON-veld zelf blijft ISO


def test_json_blijft_iso(zes_gemeenten):
    doc = json.loads(run("regelingen", "--peildatum", "2025-09-01", "--json"))
    assert doc["peildatum"] == "2025-09-01"
    assert all(ISO.fullmatch(r["geldig_vanaf"]) for g in doc["gemeenten"] for r in g["pluspakket"])


# ---------------------------------------------------------------- b. grondslag na stap 10

def test_grondslag_uitgelijnd_na_stap_10():
    regels = run("beoordeel", VOORBEELDEN / "bijzondere-bijstand-heiloo-draagkracht.toml").splitlines()
    stappen = [i for i, r in enumerate(regels) if re.match(r"  \d+\. ", r)]
    assert any(regels[i].startswith("  10. ") for i in stappen)
    for i in stappen:
        inspringing = len(re.match(r"  \d+\. ", regels[i]).group(0))
        assert regels[i + 1].startswith(" " * inspringing + "grondslag: "), (regels[i], regels[i + 1])


# ---------------------------------------------------------------- c. geen bezwaar onder "niet van toepassing" zonder aanvraag

def _waar_heb_ik_recht_op(**over):
    from conftest import casus

    c = casus(**over)
    c.pop("aanvragen")
    return c


@pytest.mark.parametrize("motiveren", [True, False])
def test_niet_van_toepassing_zonder_aanvraag_is_geen_besluit(motiveren):
    from sora_core.beslisser import beoordeel

    b = beoordeel(_waar_heb_ik_recht_op(), motiveren=motiveren)
    nvt = [x for x in b.beslissingen if x.uitkomst == "niet_van_toepassing"]
    assert nvt  # studietoeslag: geen student
    assert all(x.bezwaar_uiterlijk is None for x in nvt)
    assert all(not any("bezwaar" in m.tekst for m in x.motivering) for x in nvt)
    # wat wel is beslist, houdt zijn bezwaartermijn
    assert all(x.bezwaar_uiterlijk is not None for x in b.beslissingen if x.uitkomst in ("toegekend", "afgewezen"))


def test_niet_van_toepassing_op_een_aanvraag_houdt_de_bezwaartermijn():
    from sora_core.beslisser import beoordeel

    from conftest import casus

    for motiveren in (True, False):
        b = beoordeel(casus(aanvragen=[{"regeling": "individuele_studietoeslag"}]), motiveren=motiveren)
        x = b.beslissingen[0]
        assert x.uitkomst == "niet_van_toepassing" and x.bezwaar_uiterlijk is not None
    assert any("bezwaar" in m.tekst for m in x.motivering) is False  # motiveren=False: geen stappen
    b = beoordeel(casus(aanvragen=[{"regeling": "individuele_studietoeslag"}]))
    assert "bezwaar" in b.beslissingen[0].motivering[-1].tekst


def test_tekst_zonder_bezwaarparagraaf_onder_niet_van_toepassing(tmp_path):
    from sora_core.beslisser import beoordeel
    from sora_core.uitvoer import besluit_tekst

    tekst = besluit_tekst(beoordeel(_waar_heb_ik_recht_op()))
    blok = tekst.split("Studietoeslag [basispakket]: niet van toepassing\n", 1)[1].split("\n\n", 1)[0]
    assert blok and "bezwaar" not in blok
    assert "bezwaar mogelijk" not in besluit_tekst(beoordeel(_waar_heb_ik_recht_op()), uitgebreid=False).split(
        "Studietoeslag [basispakket]: niet van toepassing\n", 1)[1].split("\n\n", 1)[0]


# ---------------------------------------------------------------- e. elke gemeente zichtbaar in de grafiek

def test_minima_effect_grafiek_noemt_elke_gemeente_per_paneel(tmp_path, zes_gemeenten):
    pytest.importorskip("matplotlib")  # optioneel
    pad = tmp_path / "armoedeval.svg"
    run("minima-effect", "--peildatum", "2023-06-01", "--grafiek", pad)
    svg = pad.read_text(encoding="utf-8")
    # op 1 juni 2023 wijkt alleen Alkmaar af: de vijf andere delen één lijn en één bijschrift,
    # in elk van de acht panelen (matplotlib zet elke tekst als commentaar in de SVG)
    samen = "Bergen (NH), Castricum, Dijk en Waard, Heiloo, Uitgeest"
    assert svg.count(f"<!-- {samen} -->") == 8
    assert svg.count("<!-- Alkmaar -->") == 8


def test_grafiek_gebruikt_de_stijlen_van_het_rapport():
    from sora_core.analyse.grafiek import stijl
    from sora_core.analyse.rapport import STIJLEN

    assert [stijl(k)["color"] for k in range(len(STIJLEN))] == [s[0] for s in STIJLEN]
    assert len({(s["marker"], s.get("dashes")) for s in map(stijl, range(len(STIJLEN)))}) == len(STIJLEN)


# ---------------------------------------------------------------- f. "Let op" binnen 100 kolommen

@pytest.mark.parametrize("args", [
    ("regelingen",), ("minima-effect",), ("harmonisatie",),
    ("vergelijk", VOORBEELDEN / "gezin-vergelijk.toml"),
])
def test_let_op_gevouwen_op_100_kolommen_in_tekst_niet_in_json(zes_gemeenten, args):
    peil = ("--peildatum", "2027-02-01")  # na de laatste gedekte dag: de kern waarschuwt
    tekst = run(*args, *peil)
    doc = json.loads(run(*args, *peil, "--json"))
    assert doc["waarschuwingen"] and all(len(w) > 100 and "\n" not in w for w in doc["waarschuwingen"])
    regels = tekst.splitlines()
    i = next(k for k, r in enumerate(regels) if r.startswith("Let op: op 1 februari 2027 ontbreken"))
    from itertools import takewhile

    blok = [regels[i]] + list(takewhile(lambda r: r.startswith("  "), regels[i + 1:]))
    assert all(len(r) <= 100 for r in blok), blok
    assert " ".join(r.strip() for r in blok).startswith(doc["waarschuwingen"][0][:150])


def test_waarschuwingen_tekst_vouwt_elke_waarschuwing():
    from sora_core.analyse.actualiteit import waarschuwingen_tekst

    w = "Let op: " + "woord " * 60
    regels = waarschuwingen_tekst([w, "Let op: kort."])
    assert regels[-1] == "Let op: kort." and all(len(r) <= 100 for r in regels)
    assert all(r.startswith("  ") for r in regels[1:-1])
    assert waarschuwingen_tekst([]) == [] and waarschuwingen_tekst(None) == []


# ---------------------------------------------------------------- g. minima-effect binnen 100 kolommen

@pytest.mark.parametrize("peildatum", ["2021-06-01", "2023-06-01", "2026-12-01", "2027-02-01"])
def test_minima_effect_past_in_100_kolommen(zes_gemeenten, peildatum):
    """Ook 'niet te berekenen' (peildatum niet gedekt, of vóór de eerste norm), armoedeval en
    doorverwijzingen: gevouwen met dezelfde vouwfunctie als de 'Let op'-regels."""
    regels = run("minima-effect", "--peildatum", peildatum).splitlines()
    te_lang = [r for r in regels if len(r) > 100]
    assert not te_lang, te_lang[:3]


def test_minima_effect_niet_te_berekenen_een_keer_voluit_json_ongewijzigd(zes_gemeenten):
    tekst = run("minima-effect", "--peildatum", "2027-02-01")
    doc = json.loads(run("minima-effect", "--peildatum", "2027-02-01", "--json"))
    meldingen = {h["melding"] for g in doc["gemeenten"] for h in g["huishoudens"]}
    assert len(meldingen) == 4 and all(len(m) > 300 and "\n" not in m for m in meldingen)  # vier normen
    regels = tekst.splitlines()
    # elke reden staat één keer voluit (gevouwen); de andere huishoudens verwijzen ernaar
    assert sum(r.endswith(": niet te berekenen. Voor 'bijstandsnorm.gehuwden' (art. 21 onder b") for r in regels) == 1
    assert "Paar met 1 kind: niet te berekenen, om dezelfde reden als 'Paar zonder kinderen' hierboven." in regels
    assert "Alleenstaande: niet te berekenen, om dezelfde reden als 'Alleenstaande' bij Alkmaar." in regels
    ingesprongen = " ".join(r.strip() for r in regels[regels.index("=== Alkmaar (GM0361) ===") + 1:][:5])
    assert ingesprongen == "Alleenstaande: niet te berekenen. " + doc["gemeenten"][0]["huishoudens"][0]["melding"]
    # --breed: elke melding voluit op één regel, zoals vóór het vouwen
    breed = run("minima-effect", "--peildatum", "2027-02-01", "--breed").splitlines()
    assert sum(r.startswith("Alleenstaande: niet te berekenen. Voor ") for r in breed) == 6
    assert max(map(len, breed)) > 300


def test_vouw_is_een_functie():
    """Eén vouwfunctie voor de tekstuitvoer (tabel.vouw); de 'Let op'-regels gebruiken haar ook."""
    from sora_core.analyse.actualiteit import waarschuwingen_tekst
    from sora_core.analyse.tabel import vouw

    w = "Let op: " + "woord " * 60
    assert waarschuwingen_tekst([w]) == vouw(w.strip())
    assert vouw("") == [""] and vouw("kort", "  ") == ["  kort"]


# ---------------------------------------------------------------- h. vergelijk vóór 2022 binnen 100 kolommen

def test_vergelijk_voor_het_bestaan_van_een_gemeente_past_in_100_kolommen(zes_gemeenten):
    tekst = run("vergelijk", VOORBEELDEN / "gezin-vergelijk.toml", "--peildatum", "2021-06-01")
    regels = tekst.splitlines()
    assert max(map(len, regels)) <= 100, max(regels, key=len)
    assert regels[0].endswith("(Dijk en Waard bestond nog niet)")
    # de kop op twee regels: alleen "Dijk en Waard" gesplitst, de rest op één regel
    assert regels[2].split() == ["Dijk", "en"] and regels[3].split()[-3:] == ["Waard", "Heiloo", "Uitgeest"]
    assert "Bergen (NH)" in regels[3]


def test_tabel_met_kop_op_twee_regels():
    from sora_core.analyse.tabel import kop_op_twee_regels, tabel

    assert kop_op_twee_regels("Dijk en Waard", 8) == "Dijk en\nWaard"
    assert kop_op_twee_regels("Heiloo", 3) == "Heiloo" and kop_op_twee_regels("Bergen (NH)", 11) == "Bergen (NH)"
    assert tabel(["a", "Dijk en\nWaard"], [["x", "1"]]).splitlines() == [
        "   Dijk en", "a    Waard", "-  -------", "x        1"]
