"""Tests van de analyse-opdrachten (issue 6) op echte uitvoer via CliRunner.

Twee soorten:
* met het **testregister** (analyse_hulp): twee testgemeenten met bekende normen en
  pluspakket en een basispakket met alleen de individuele inkomenstoeslag (IIT), zodat elk
  bedrag hieronder met de hand is uitgerekend;
* met de **zes echte gemeenten**: rooktests en feiten die uit de kerngegevens volgen.

Normen op peildatum 2025-09-01 (sora_core/data/landelijk.toml, bron fijnder.nl):
alleenstaande 1369.06, gehuwden 1955.80 per maand. IIT (kern, zaffier.nl): 479 alleenstaande,
607 alleenstaande ouder, 673 gehuwden per jaar; grens 120% (testa: 130%).
  120% alleenstaande: 1369.06 x 1.20 = 1642.872 -> 1642.87
  130% alleenstaande: 1369.06 x 1.30 = 1779.778 -> 1779.78
  110% alleenstaande: 1369.06 x 1.10 = 1505.966 -> 1505.97
  150% alleenstaande: 1369.06 x 1.50 = 2053.59
  120% gehuwden: 1955.80 x 1.20 = 2346.96;  130%: 1955.80 x 1.30 = 2542.54
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date as D
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyse_hulp import testregister, valideer  # noqa: F401  (fixture)
from sora_core.cli import sora

ROOT = Path(__file__).resolve().parent.parent
VOORBEELD = str(ROOT / "voorbeelden" / "gezin-vergelijk.toml")
PEIL = "2025-09-01"
IIT = "individuele_inkomenstoeslag"
GEMEENTEN6 = {"Alkmaar", "Bergen (NH)", "Castricum", "Dijk en Waard", "Heiloo", "Uitgeest"}


def run(*args, input=None):
    r = CliRunner().invoke(sora, list(args), input=input, catch_exceptions=False)
    return r


def casus(gemeente: str, inkomen: str, geboren: str = "1985-01-01", kinderen=(), **extra) -> dict:
    c = {"gemeente": gemeente, "peildatum": PEIL, "aanvrager": {"geboortedatum": geboren},
         "inkomen": {"netto_per_maand": inkomen, "laag_sinds": "2015-01-01"}, "vermogen": {"bezittingen": "0.00"}}
    if kinderen:
        c["kinderen"] = [{"geboortedatum": k} for k in kinderen]
    c.update(extra)
    return c


# =========================================================================== help en opstart

@pytest.mark.parametrize("opdracht", ["vergelijk", "regelingen", "normen", "verschil", "harmonisatie",
                                      "minima-effect", "batch", "populatie"])
def test_help_toont_voorbeeld(opdracht):
    r = run(opdracht, "--help")
    assert r.exit_code == 0
    assert "Voorbeeld" in r.output and f"sora {opdracht}" in r.output


def test_opstart_laadt_analyse_niet():
    code = ("import sys, sora_core.cli; "
            "print(sorted(m for m in sys.modules if m.startswith('sora_core.analyse') or m == 'sora_core.beslisser'))")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uit.strip() == "[]"


# =========================================================================== vergelijk

def test_vergelijk_voorbeeld_zes_gemeenten_tekst(zes_gemeenten):
    r = run("vergelijk", VOORBEELD)
    assert r.exit_code == 0, r.output
    # elke gemeente in de kop (een lange naam staat op twee regels: "Dijk en" / "Waard")
    regels = r.output.splitlines()
    kop = " ".join(regels[:next(i for i, x in enumerate(regels) if x.startswith("---"))]).split()
    for naam in GEMEENTEN6:
        assert all(w in kop for w in naam.split()), naam
    assert max(len(x) for x in regels) <= 100  # past in 100 kolommen (issue 15), namen gevouwen
    assert "    (kinderen doen mee) (plus)" in regels  # de lange regelingnaam loopt door op de volgende regel
    # alleenstaande ouder, 40 jaar, 1575.00 <= 1642.87 (120%), laag sinds 2020 (> 36 maanden),
    # vermogen 1200 <= 15.540: IIT 607 per jaar in elke gemeente
    regel = next(x for x in r.output.splitlines() if "Individuele inkomenstoeslag" in x)
    assert regel.count("607,00/jr") == 6
    assert not regel.startswith("≠")
    # de AlkmaarPas bestaat alleen in Alkmaar: die rij verschilt
    assert any(x.startswith("≠ AlkmaarPas") for x in r.output.splitlines())
    assert "Totaal per jaar" in r.output and "Totaal eenmalig" in r.output


def test_vergelijk_json_schema_en_totalen(zes_gemeenten):
    r = run("vergelijk", VOORBEELD, "--json")
    doc = json.loads(r.output)
    valideer(doc, "sora-vergelijk")
    assert {g["naam"] for g in doc["gemeenten"]} == GEMEENTEN6
    iit = next(x for x in doc["regelingen"] if x["sleutel"] == IIT)
    for cel in iit["per_gemeente"].values():
        assert cel == {"regeling": IIT, "uitkomst": "toegekend", "bedrag": "607.00", "bedrag_per": "per_jaar",
                       "vorm": "om_niet"}
    assert iit["verschilt"] is False
    pas = next(x for x in doc["regelingen"] if x["naam"] == "AlkmaarPas")
    assert pas["verschilt"] is True and pas["per_gemeente"]["bergen"] is None
    # totaal per jaar = som van per_jaar + 12 x per_maand van de toekenningen in die kolom
    for g in doc["gemeenten"]:
        som = Decimal("0")
        for rij in doc["regelingen"]:
            c = rij["per_gemeente"][g["plugin"]]
            if c and c["uitkomst"] == "toegekend" and c["bedrag"] and c["vorm"] != "lening":
                som += Decimal(c["bedrag"]) * {"per_jaar": 1, "per_maand": 12}.get(c["bedrag_per"], 0)
        assert Decimal(g["totalen"]["per_jaar"]) == som


def test_vergelijk_watals_toont_verschil():
    # Alkmaar grens 110%: 1575.00 > 1505.97, dus de IIT van 607 vervalt; andere gemeenten ongewijzigd
    r = run("vergelijk", VOORBEELD, "--zet", "alkmaar.individuele_inkomenstoeslag.inkomensgrens=1,10", "--json")
    doc = json.loads(r.output)
    valideer(doc, "sora-vergelijk")
    assert doc["wat_als"] == {"alkmaar": {"individuele_inkomenstoeslag.inkomensgrens": "1.10"}}
    alk = next(g for g in doc["gemeenten"] if g["plugin"] == "alkmaar")
    assert alk["wat_als"]["verschil"]["per_jaar"] == "-607.00"
    w = {x["regeling"]: x for x in alk["wat_als"]["wijzigingen"]}
    assert w[IIT]["huidig"]["uitkomst"] == "toegekend" and w[IIT]["wat_als"]["uitkomst"] == "afgewezen"
    assert all(g["wat_als"] is None for g in doc["gemeenten"] if g["plugin"] != "alkmaar")
    tekst = run("vergelijk", VOORBEELD, "--zet", "alkmaar.individuele_inkomenstoeslag.inkomensgrens=1.10").output
    assert "Wat-als Alkmaar (individuele_inkomenstoeslag.inkomensgrens = 1.10)" in tekst
    assert "Individuele inkomenstoeslag: 607,00/jr -> afgewezen" in tekst
    assert "-€ 607,00 per jaar" in tekst


def test_vergelijk_csv():
    r = run("vergelijk", VOORBEELD, "--csv")
    regels = r.output.strip().splitlines()
    assert regels[0] == "rij,naam,pakket,gemeente,regeling,uitkomst,bedrag,bedrag_per,vorm"
    assert f"{IIT},Individuele inkomenstoeslag,basis,heiloo,{IIT},toegekend,607.00,per_jaar,om_niet" in regels
    assert any(x.startswith("plus:AlkmaarPas,AlkmaarPas,plus,bergen,,bestaat_niet") for x in regels)


def test_vergelijk_testregister_totalen_met_de_hand(testregister, tmp_path):
    # alleenstaande ouder met kinderen van 8 en 14 (2025), inkomen 1600.00:
    # testa: IIT (grens 130%) 607 + sportpas 2 x 150 = 300 -> per jaar 907.00
    # testb: IIT (grens 120%) 607 + sportpas 2 x 100 = 200 -> 807.00 per jaar; energie 500 eenmalig
    p = tmp_path / "c.json"
    p.write_text(json.dumps(casus("testa", "1600.00", kinderen=("2017-03-01", "2011-03-01"))), encoding="utf-8")
    doc = json.loads(run("vergelijk", str(p), "--json").output)
    valideer(doc, "sora-vergelijk")
    t = {g["plugin"]: g["totalen"] for g in doc["gemeenten"]}
    assert t["testa"] == {"per_jaar": "907.00", "eenmalig": "0.00", "lening": "0.00"}
    assert t["testb"] == {"per_jaar": "807.00", "eenmalig": "500.00", "lening": "0.00"}
    sport = next(x for x in doc["regelingen"] if x["sleutel"] == "plus:Sportpas")
    assert sport["per_gemeente"]["testa"]["regeling"] == "testa.sportpas"
    assert sport["per_gemeente"]["testb"]["bedrag"] == "200.00" and sport["verschilt"] is True


@pytest.mark.parametrize("zet,melding", [
    ("alkmaar.inkomensgrens", "verwacht GEMEENTE.NORM=WAARDE"),
    ("alkmaar.bestaat.niet=1", "geen bekende open norm"),
    ("alkmaar.bijstandsnorm.alleenstaande=1500.00", "vaste parameter van de kern"),
    ("alkmaar.individuele_inkomenstoeslag.inkomensgrens=2.00", "boven het maximum"),
    ("alkmaar.individuele_inkomenstoeslag.referteperiode=drie", "geheel getal"),
    ("nergenshuizen.individuele_inkomenstoeslag.inkomensgrens=1.3", "Onbekende gemeente 'nergenshuizen'"),
])
def test_zet_fouten_nederlands_exit_2(zet, melding):
    r = CliRunner().invoke(sora, ["vergelijk", VOORBEELD, "--zet", zet])
    assert r.exit_code == 2
    assert melding in r.output and "--zet" in r.output
    assert "Traceback" not in r.output
    j = CliRunner().invoke(sora, ["vergelijk", VOORBEELD, "--zet", zet, "--json"])
    assert j.exit_code == 2
    doc = json.loads(j.output)
    assert doc["contract"] == "sora-fout/1" and doc["fouten"][0]["veld"] == "--zet"


# =========================================================================== regelingen

def test_regelingen_testregister(testregister):
    r = run("regelingen", "--peildatum", PEIL)
    assert r.exit_code == 0
    assert "BASISPAKKET" in r.output and "PLUSPAKKET TEST A (GM9001)" in r.output
    assert "voorwaarden: met kinderen van 4 tot en met 17 jaar; inkomen tot 120% van de toepasselijke bijstandsnorm; " \
           "vermogen binnen de grens van art. 34 Pw" in r.output
    assert "bedrag: € 150,00 per kind per jaar" in r.output
    assert "bedrag: € 500,00 per huishouden, eenmalig" in r.output
    # de IIT-inkomensgrens wijkt in Test A af (1.30)
    assert "- inkomensgrens: 1.20 (deel van de toepasselijke bijstandsnorm); anders in: Test A 1.30" in r.output
    doc = json.loads(run("regelingen", "--peildatum", PEIL, "--json").output)
    valideer(doc, "sora-regelingen")
    assert [r["sleutel"] for r in doc["basispakket"]] == [IIT]
    b = next(g for g in doc["gemeenten"] if g["plugin"] == "testb")
    assert [r["sleutel"] for r in b["pluspakket"]] == ["testb.energie", "testb.sportpas"]
    een = run("regelingen", "--gemeente", "GM9002", "--peildatum", PEIL, "--csv").output.splitlines()
    assert een[0] == "gemeente,sleutel,naam,pakket,voorwaarden,bedrag,grondslag,geldig_vanaf,geldig_tot"
    assert sum(1 for x in een if x.startswith("testb,")) == 2 and not any(x.startswith("testa,") for x in een)


def test_regelingen_echte_gemeenten_schema():
    doc = json.loads(run("regelingen", "--peildatum", "2023-06-01", "--json").output)
    valideer(doc, "sora-regelingen")
    alk = next(g for g in doc["gemeenten"] if g["plugin"] == "alkmaar")
    pas = next(r for r in alk["pluspakket"] if r["sleutel"] == "alkmaar.alkmaarpas")
    # 2023: grens 150% (raadsbesluit 26-1-2023), tegoed 188 volwassenen, 302 senioren
    assert "inkomen tot 150% van de toepasselijke bijstandsnorm" in pas["voorwaarden"]
    assert "€ 188,00" in pas["bedrag_tekst"] and "€ 302,00" in pas["bedrag_tekst"]
    # doelgroep leeftijd = [18, 130]: geen "18 tot en met 130 jaar"
    assert "aanvrager van 18 jaar of ouder" in pas["voorwaarden"] and "130" not in pas["voorwaarden_tekst"]


def test_onbekende_gemeente_exit_2():
    r = CliRunner().invoke(sora, ["regelingen", "--gemeente", "atlantis"])
    assert r.exit_code == 2 and "--gemeente: Onbekende gemeente 'atlantis'" in r.output
    r = CliRunner().invoke(sora, ["verschil", "alkmaar", "atlantis", "--json"])
    assert r.exit_code == 2 and json.loads(r.output)["fouten"][0]["veld"] == "GEMEENTE_B"


# =========================================================================== normen en verschil

def test_normen_testregister(testregister):
    doc = json.loads(run("normen", "--peildatum", PEIL, "--json").output)
    valideer(doc, "sora-normen")
    n = {x["naam"]: x for x in doc["normen"]}
    grens = n["individuele_inkomenstoeslag.inkomensgrens"]
    assert grens["standaard"]["waarde"] == "1.20"
    assert grens["per_gemeente"]["testa"]["waarde"] == "1.30"
    assert grens["per_gemeente"]["testa"]["bron"] == "testa"
    assert grens["per_gemeente"]["testa"]["op_standaard"] is False
    assert grens["per_gemeente"]["testa"]["grondslag"] == "Verordening testgemeente A, art. 1"
    assert grens["per_gemeente"]["testb"]["op_standaard"] is True
    assert n["individuele_inkomenstoeslag.referteperiode"]["per_gemeente"]["testb"]["te_bevestigen"] is True
    breed = run("normen", "--peildatum", PEIL, "--breed").output
    regel = next(x for x in breed.splitlines() if x.startswith("individuele_inkomenstoeslag.inkomensgrens"))
    assert "1.30 *" in regel
    assert "Test A: 1.30 vanaf 1 januari 2023: Verordening testgemeente A, art. 1; testbron A" in breed
    assert "Test B: volgt de standaard, nog te bevestigen door de gemeente" in breed
    # standaard: een blok per norm dat in 100 kolommen past, met label en alleen wie afwijkt
    tekst = run("normen", "--peildatum", PEIL).output
    assert max(len(x) for x in tekst.splitlines()) <= 100 < max(len(x) for x in breed.splitlines())
    assert "  Test A: 1.30 * vanaf 1 januari 2023; Verordening testgemeente A, art. 1; testbron A" in tekst
    assert "  op de standaard: Test B" in tekst
    assert "  Test B: 36 ? (volgt de standaard, nog te bevestigen door de gemeente)" in tekst
    rijen = run("normen", "--peildatum", PEIL, "--csv").output.strip().splitlines()
    assert len(rijen) == 1 + 2 * len(doc["normen"])


def test_normen_echte_gemeenten(zes_gemeenten):
    r = run("normen", "--peildatum", PEIL, "--json")
    doc = json.loads(r.output)
    valideer(doc, "sora-normen")
    assert {g["naam"] for g in doc["gemeenten"]} == GEMEENTEN6
    assert any(x["naam"] == "individuele_inkomenstoeslag.inkomensgrens" for x in doc["normen"])
    assert run("normen", "--gemeente", "heiloo", "--peildatum", PEIL).exit_code == 0


def test_verschil_testregister(testregister):
    doc = json.loads(run("verschil", "testa", "testb", "--peildatum", PEIL, "--json").output)
    valideer(doc, "sora-verschil")
    assert [n["naam"] for n in doc["normen"]] == ["individuele_inkomenstoeslag.inkomensgrens"]
    assert (doc["normen"][0]["a"]["waarde"], doc["normen"][0]["b"]["waarde"]) == ("1.30", "1.20")
    soorten = {r["naam"]: r["soort"] for r in doc["regelingen"]}
    assert soorten == {"Energiebijdrage": "alleen_b", "Sportpas": "anders"}
    tekst = run("verschil", "testa", "testb", "--peildatum", PEIL).output
    assert "Energiebijdrage: alleen in Test B" in tekst and "Sportpas: in beide, anders ingericht" in tekst
    assert tekst.splitlines()[0] == "Verschillen tussen Test A en Test B op 1 september 2025"
    assert "    Test A: 1.30 (Verordening testgemeente A, art. 1)" in tekst and "    standaard: 1.20" in tekst
    assert "Test A" in run("verschil", "testa", "testb", "--peildatum", PEIL, "--breed").output
    zelfde = run("verschil", "testa", "GM9001", "--peildatum", PEIL).output
    assert "Geen verschillen" in zelfde


def test_verschil_en_normen_passen_in_100_kolommen():
    for args in (["verschil", "alkmaar", "bergen"], ["normen"]):
        smal = run(*args, "--peildatum", PEIL).output.splitlines()
        breed = run(*args, "--peildatum", PEIL, "--breed").output.splitlines()
        assert max(len(x) for x in smal) <= 100 and max(len(x) for x in breed) > 100


def test_verschil_echte_gemeenten():
    doc = json.loads(run("verschil", "alkmaar", "bergen", "--peildatum", PEIL, "--json").output)
    valideer(doc, "sora-verschil")
    assert any(r["naam"] == "AlkmaarPas" and r["soort"] == "alleen_a" for r in doc["regelingen"])


# =========================================================================== minima-effect

def test_minima_effect_met_de_hand(testregister):
    doc = json.loads(run("minima-effect", "--gemeente", "testa", "--peildatum", PEIL, "--json").output)
    valideer(doc, "sora-minima-effect")
    h = {x["sleutel"]: x for x in doc["gemeenten"][0]["huishoudens"]}
    assert len(h) == 8
    ao1 = h["alleenstaande_ouder_1"]
    assert ao1["norm_per_maand"] == "1369.06"
    assert [p["inkomen_per_maand"] for p in ao1["punten"]] == ["1369.06", "1505.97", "1642.87", "1779.78", "2053.59"]
    # 100-120%: IIT 607 + sportpas 150 (kind van 8) = 757; 130%: alleen IIT (grens 130% precies gehaald) = 607; 150%: 0
    assert [p["totaal"] for p in ao1["punten"]] == ["757.00", "757.00", "757.00", "607.00", "0.00"]
    # armoedeval 120 -> 130: -150, inkomen +(1779.78 - 1642.87) x 12 = 136.91 x 12 = 1642.92, saldo 1492.92
    # 130 -> 150: -607, inkomen +(2053.59 - 1779.78) x 12 = 273.81 x 12 = 3285.72, saldo 2678.72
    assert ao1["armoedeval"] == [
        {"van": 120, "naar": 130, "verlies": "150.00", "extra_inkomen_per_jaar": "1642.92", "saldo": "1492.92",
         "vervallen": ["Sportpas"]},
        {"van": 130, "naar": 150, "verlies": "607.00", "extra_inkomen_per_jaar": "3285.72", "saldo": "2678.72",
         "vervallen": ["Individuele inkomenstoeslag"]},
    ]
    # AOW-paar: geen IIT (AOW-leeftijd), geen kinderen: niets
    assert [p["totaal"] for p in h["aow_paar"]["punten"]] == ["0.00"] * 5
    tekst = run("minima-effect", "--gemeente", "testa", "--peildatum", PEIL).output
    assert "Armoedeval van 120% naar 130%: ondersteuning € 150,00 per jaar lager (Sportpas)" in tekst


def test_minima_effect_eenmalig_telt_x1_en_watals(testregister):
    # testb, paar met 2 kinderen op 100%: IIT 673 + sportpas 2 x 100 + energie 500 eenmalig (x1) = 1373.00;
    # 130%: niets meer -> armoedeval 120 -> 130: -1373; inkomen +(2542.54 - 2346.96) x 12 = 2346.96; saldo 973.96
    doc = json.loads(run("minima-effect", "--gemeente", "testb", "--peildatum", PEIL, "--json",
                         "--zet", "testb.individuele_inkomenstoeslag.inkomensgrens=1.30").output)
    valideer(doc, "sora-minima-effect")
    p2 = next(x for x in doc["gemeenten"][0]["huishoudens"] if x["sleutel"] == "paar_2")
    assert [p["totaal"] for p in p2["punten"]] == ["1373.00", "1373.00", "1373.00", "0.00", "0.00"]
    assert p2["armoedeval"][0] == {"van": 120, "naar": 130, "verlies": "1373.00", "extra_inkomen_per_jaar": "2346.96",
                                   "saldo": "973.96", "vervallen": ["Energiebijdrage", "Individuele inkomenstoeslag",
                                                                    "Sportpas"]}
    # wat-als grens IIT 130%: op 130% (2542.54 <= 2542.54) nu wel IIT 673 -> verschil +673 alleen daar
    assert [p["wat_als"]["verschil"] for p in p2["punten"]] == ["0.00", "0.00", "0.00", "673.00", "0.00"]
    rijen = run("minima-effect", "--gemeente", "testb", "--peildatum", PEIL, "--csv").output.splitlines()
    assert rijen[0].startswith("gemeente,huishouden,percentage,inkomen_per_maand,regeling")
    assert "testb,paar_2,100,1955.80,testb.energie,Energiebijdrage,plus,500.00,eenmalig,500.00," in rijen


def test_minima_effect_echte_gemeenten_schema():
    r = run("minima-effect", "--gemeente", "alkmaar", "--peildatum", "2023-06-01", "--json")
    doc = json.loads(r.output)
    valideer(doc, "sora-minima-effect")
    al = next(x for x in doc["gemeenten"][0]["huishoudens"] if x["sleutel"] == "alleenstaande")
    # 2023-06: norm 1195.66; AlkmaarPas 188 (18 jaar tot AOW) tot 150%: ook op 150% nog toegekend
    assert al["norm_per_maand"] == "1195.66"
    for p in al["punten"]:
        pas = [x for x in p["regelingen"] if x["regeling"] == "alkmaar.alkmaarpas"]
        assert pas and pas[0]["jaarwaarde"] == "188.00"


# =========================================================================== harmonisatie

def test_harmonisatie_met_de_hand(testregister):
    doc = json.loads(run("harmonisatie", "--peildatum", PEIL, "--json").output)
    valideer(doc, "sora-harmonisatie")
    assert doc["contract"] == "sora-harmonisatie/2"
    g = {x["plugin"]: x for x in doc["gemeenten"]}
    a, b = g["testa"], g["testb"]
    assert a["normen"]["afwijkend"] == ["individuele_inkomenstoeslag.inkomensgrens"]
    assert b["normen"]["afwijkend"] == [] and b["normen"]["te_bevestigen"] == ["individuele_inkomenstoeslag.referteperiode"]
    # testa op 100%: sportpas voor kinderen 4-17: 150 (ao1) + 300 (ao2) + 150 (paar1) + 300 (paar2) = 900
    # IIT: 479 + 607 + 607 + 673 + 673 + 673 = 3712 (AOW-huishoudens niet); 8 huishoudens
    # plus = 900 / 8 = 112.50; basis = 3712 / 8 = 464.00; lokaal = 900 / 4612 = 0.19514 -> 0.1951
    # alles bekend (IIT en sportpas hebben een bedrag): onder- en bovengrens gelijk, oordeel staat vast
    wa = a["waarde"]
    assert (wa["aantal"], wa["zonder_bedrag"], wa["plusregelingen"]) == (2, 0, 1)
    assert wa["jaarwaarde_plus_bekend"] == "112.50" and wa["jaarwaarde_basis_bekend"] == "464.00"
    assert wa["aandeel_bekend"] == wa["ondergrens"] == wa["bovengrens"] == "0.1951"
    assert a["oordeel"]["code"] == "voldoet_niet"
    assert "lokaal aandeel ten minste 19,51% (doel hoogstens 10%)" in a["oordeel"]["tekst"]
    # testb: sportpas 100 x 6 kinderen = 600, energie 500 x 8 = 4000 -> 4600 / 8 = 575.00; lokaal 4600/8312 = 0.5534
    wb = b["waarde"]
    assert wb["jaarwaarde_plus_bekend"] == "575.00" and wb["ondergrens"] == "0.5534"
    # testb: 1 norm nog te bevestigen; de ondergrens (die norm wijkt af) haalt 90% nog (N-1 van N, N > 10)
    nb = b["normen"]
    assert nb["onbekend"] == 1 and nb["doel"] == "gehaald"
    assert Decimal(nb["ondergrens"]) == (Decimal(nb["in_gebruik"] - 1) / nb["in_gebruik"]).quantize(Decimal("0.0001"))
    assert nb["bovengrens"] == "1.0000"
    assert b["oordeel"]["code"] == "voldoet_niet"
    tekst = run("harmonisatie", "--peildatum", PEIL).output
    assert tekst.splitlines()[0] == "Harmonisatie op 1 september 2025"
    assert "Test A: VOLDOET NIET aan 90/10" in tekst
    assert "Zo is gemeten:" in tekst and max(len(x) for x in tekst.splitlines()) <= 100
    csv_ = run("harmonisatie", "--peildatum", PEIL, "--csv").output.splitlines()
    assert csv_[1].startswith("testa,Test A,") and csv_[1].endswith(",2,0,112.50,0.1951,0.1951,0.1951,voldoet_niet")


TESTC = '''
titel = "Testgemeente C"
[[regeling]]
sleutel = "testc.stadspas"
naam = "Stadspas"
grondslag = "Beleidsregel stadspas C"
geldig_vanaf = 2023-01-01
inkomensgrens = "1.20"
bevestigd = false
  [regeling.doelgroep]
  leeftijd = [18, 130]

[[regeling]]
sleutel = "testc.energie"
naam = "Energiebijdrage"
grondslag = "Beleidsregel energie C"
geldig_vanaf = 2023-01-01
inkomensgrens = "1.20"
  [regeling.bedrag]
  per = "huishouden"
  eenmalig = "40.00"
'''


def _register(tmp_path, monkeypatch, volgorde=(IIT,), **plugins):
    from analyse_hulp import TESTA, NepPlugin
    from sora_core.plugins import bouw_register
    from sora_core.regels import catalogus

    monkeypatch.setattr(catalogus, "VOLGORDE", volgorde)
    lijst = []
    for i, (naam, toml) in enumerate(sorted({"testa": TESTA, **plugins}.items())):
        pad = tmp_path / f"{naam}.toml"
        pad.write_text(toml, encoding="utf-8")
        lijst.append((naam, lambda n=naam, c=f"GM90{i + 11}", p=pad: NepPlugin(n, c, p)))
    reg = bouw_register(lijst)
    assert not reg.fouten, reg.fouten
    return reg


def test_harmonisatie_plus_zonder_bedrag_geeft_ondergrens_en_ruimte(tmp_path, monkeypatch):
    """Testgemeente C: een stadspas zonder bedrag (alle acht huishoudens) en 40 euro eenmalig.
    Bekend: plus 8 x 40 = 320 -> 40.00; basis (IIT) 3712 -> 464.00 per huishouden.
    Lokaal aandeel over de bekende bedragen: 320 / 4032 = 0.079365 -> 7,94%; dat is ook de
    ondergrens (stadspas = 0); een bovengrens is er niet (de stadspas heeft geen maximum).
    7,94% < 10%: het doel is niet vastgesteld gehaald en niet vastgesteld gemist -> niet te beoordelen.
    Ruimte: 9 x plus <= basis, dus plus <= 464 / 9 = 51,555...; 51,555... - 40 = 11,555... -> 11,55
    (omlaag: met 11,55 is 9 x 51,55 = 463,95 <= 464; met 11,56 is 9 x 51,56 = 464,04 > 464)."""
    from sora_core.analyse.harmonisatie import als_tekst, harmonisatie

    doc = harmonisatie(D(2025, 9, 1), reg=_register(tmp_path, monkeypatch, testc=TESTC))
    valideer(json.loads(json.dumps(doc)), "sora-harmonisatie")
    c = next(g for g in doc["gemeenten"] if g["plugin"] == "testc")
    w = c["waarde"]
    assert (w["aantal"], w["zonder_bedrag"]) == (3, 1)
    assert w["plus_zonder_bedrag"] == ["Stadspas"] and w["basis_zonder_bedrag"] == []
    assert (w["jaarwaarde_plus_bekend"], w["jaarwaarde_basis_bekend"]) == ("40.00", "464.00")
    assert (w["aandeel_bekend"], w["ondergrens"], w["bovengrens"]) == ("0.0794", "0.0794", None)
    assert w["ruimte_plus_per_huishouden"] == "11.55" and w["doel"] == "onbeslist"
    assert next(r for r in w["regelingen"] if r["naam"] == "Stadspas") == {
        "sleutel": "testc.stadspas", "naam": "Stadspas", "pakket": "plus", "jaarwaarde": None, "bedrag_onbekend": True}
    assert c["oordeel"] == {"code": "niet_te_beoordelen", "tekst": (
        "NIET TE BEOORDELEN: lokaal aandeel ten minste 7,94% (1 van de 3 regelingen zonder bedrag; plus: Stadspas).")}
    tekst = als_tekst(doc)
    assert "voldoet (" not in tekst and "VOLDOET aan" not in tekst
    assert "niet meer dan € 11,55 per huishouden per jaar opleveren" in " ".join(tekst.split())


def test_harmonisatie_basis_zonder_bedrag_geeft_bovengrens(tmp_path, monkeypatch):
    """Met de collectieve zorgverzekering in het basispakket (in 2025 zonder bijdrage: doorverwezen
    voor elk modelhuishouden) is de basis onbekend. Testgemeente A (sportpas 900, IIT 3712):
    bovengrens 900 / 4612 = 19,51% (zorgverzekering = 0), geen ondergrens; 19,51% > 10%, dus niet
    te beoordelen: het hangt af van de zorgverzekering. Ruimte 3712 / 9 - 900 < 0: het doel wordt
    alleen gehaald als de basis zonder bedrag ten minste 9 x 900 - 3712 = 4388 / 8 = 548,50 per
    huishouden oplevert. Testgemeente E zonder pluspakket: lokaal aandeel 0%, wat de basis ook
    is -> voldoet (alle normen op de standaard)."""
    from sora_core.analyse.harmonisatie import als_tekst, harmonisatie

    reg = _register(tmp_path, monkeypatch, volgorde=(IIT, "collectieve_zorgverzekering"), teste='titel = "E"\n')
    doc = harmonisatie(D(2025, 9, 1), reg=reg)
    valideer(json.loads(json.dumps(doc)), "sora-harmonisatie")
    g = {x["plugin"]: x for x in doc["gemeenten"]}
    w = g["testa"]["waarde"]
    assert w["basis_zonder_bedrag"] == ["Collectieve zorgverzekering"] and w["plus_zonder_bedrag"] == []
    assert (w["ondergrens"], w["bovengrens"], w["doel"]) == (None, "0.1951", "onbeslist")
    # (3712 / 9 - 900) / 8 = -60.944... (omlaag: -60.95); nodig: (9 x 900 - 3712) / 8 = 4388 / 8 = 548.50
    assert (w["ruimte_plus_per_huishouden"], w["basis_nodig_per_huishouden"]) == ("-60.95", "548.50")
    assert g["testa"]["oordeel"]["code"] == "niet_te_beoordelen"
    assert "lokaal aandeel hoogstens 19,51%" in g["testa"]["oordeel"]["tekst"]
    e = g["teste"]
    assert (e["waarde"]["ondergrens"], e["waarde"]["bovengrens"]) == ("0.0000", "0.0000")
    assert e["oordeel"]["code"] == "voldoet"
    assert ("alleen gehaald als de basisregelingen zonder bedrag samen ten minste € 548,50 per huishouden per jaar "
            "opleveren") in " ".join(als_tekst(doc).split())


@pytest.mark.parametrize("n,afwijkend,onbekend,doel,laag,hoog", [
    (10, [], ["x"], "gehaald", "0.9000", "1.0000"),           # 9 zeker op de standaard van 10: precies 90%
    (10, ["a"], ["x"], "onbeslist", "0.8000", "0.9000"),      # 8 zeker, x beslist
    (10, ["a", "b"], [], "niet_gehaald", "0.8000", "0.8000"),
    (10, ["a", "b"], ["a"], "onbeslist", "0.8000", "0.9000"),  # onbevestigd is onbekend, ook als hij nu afwijkt
    (0, [], [], "geen_normen", None, None),
])
def test_harmonisatie_normen_grenzen(n, afwijkend, onbekend, doel, laag, hoog):
    from sora_core.analyse.harmonisatie import _normen_maat

    m = _normen_maat([f"n{i}" for i in range(n - len(set(afwijkend) | set(onbekend)))] + sorted(set(afwijkend) | set(onbekend)),
                     afwijkend, onbekend)
    assert (m["doel"], m["ondergrens"], m["bovengrens"]) == (doel, laag, hoog)


def test_harmonisatie_oordeel_alleen_als_het_vaststaat():
    from sora_core.analyse.harmonisatie import oordeel

    def w(doel, lo="0.0500", hi="0.0500"):
        return {"doel": doel, "ondergrens": lo, "bovengrens": hi, "zonder_bedrag": 1, "aantal": 4,
                "plus_zonder_bedrag": ["P"], "basis_zonder_bedrag": []}

    nm_ok = {"doel": "gehaald", "ondergrens": "0.9500", "bovengrens": "0.9500", "in_gebruik": 20, "onbekend": 0}
    nm_open = {"doel": "onbeslist", "ondergrens": "0.8500", "bovengrens": "0.9500", "in_gebruik": 20, "onbekend": 2}
    nm_niet = {"doel": "niet_gehaald", "ondergrens": "0.8000", "bovengrens": "0.8500", "in_gebruik": 20, "onbekend": 1}
    assert oordeel(nm_ok, w("gehaald"))["code"] == "voldoet"
    assert oordeel(nm_open, w("gehaald"))["code"] == "niet_te_beoordelen"
    assert oordeel(nm_ok, w("onbeslist", hi=None))["code"] == "niet_te_beoordelen"
    # één doel dat vaststaat als gemist beslist, ook als het andere open is
    o = oordeel(nm_niet, w("onbeslist", hi=None))
    assert o["code"] == "voldoet_niet" and "ten hoogste 85%" in o["tekst"] and "Verder niet te beoordelen" in o["tekst"]
    assert oordeel(nm_open, w("niet_gehaald", lo="0.2000", hi=None))["code"] == "voldoet_niet"


def test_harmonisatie_echte_gemeenten(zes_gemeenten):
    r = run("harmonisatie", "--peildatum", "2023-06-01", "--json")
    doc = json.loads(r.output)
    valideer(doc, "sora-harmonisatie")
    assert {g["naam"] for g in doc["gemeenten"]} == GEMEENTEN6
    for g in doc["gemeenten"]:
        w = g["waarde"]
        # geen oordeel "voldoet" terwijl er regelingen zonder bedrag zijn die het kunnen omgooien
        if g["oordeel"]["code"] == "voldoet":
            assert w["bovengrens"] is not None and Decimal(w["bovengrens"]) <= Decimal("0.10")
        assert w["zonder_bedrag"] == len(w["plus_zonder_bedrag"]) + len(w["basis_zonder_bedrag"])
        assert w["zonder_bedrag"] == sum(1 for r in w["regelingen"] if r["bedrag_onbekend"])
    tekst = run("harmonisatie", "--peildatum", "2023-06-01").output
    assert "(voorlopig)" not in tekst and max(len(x) for x in tekst.splitlines()) <= 100


def test_harmonisatie_dijk_en_waard_bestaat_niet_voor_2022():
    doc = json.loads(run("harmonisatie", "--peildatum", "2021-06-01", "--json").output)
    valideer(doc, "sora-harmonisatie")
    dw = next(g for g in doc["gemeenten"] if g["plugin"] == "dijk_en_waard")
    assert dw["bestaat"] is False and dw["oordeel"]["code"] == "bestaat_niet"


# =========================================================================== grafieken zonder matplotlib

@pytest.mark.parametrize("args", [["minima-effect", "--gemeente", "alkmaar", "--peildatum", PEIL],
                                  ["harmonisatie", "--peildatum", PEIL]])
def test_grafiek_zonder_matplotlib(args, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib faalt, ook als het er wel is
    pad = tmp_path / "g.png"
    r = CliRunner().invoke(sora, args + ["--grafiek", str(pad)])
    assert r.exit_code == 2
    assert "matplotlib" in r.output and "pip install 'sora-core[grafiek]'" in r.output
    assert not pad.exists()


def test_grafiek_verkeerde_extensie():
    r = CliRunner().invoke(sora, ["harmonisatie", "--grafiek", "plaatje.gif"])
    assert r.exit_code == 2 and ".svg of .png" in r.output


def test_grafiek_met_matplotlib_als_dat_er_is(tmp_path):
    pytest.importorskip("matplotlib")  # optioneel: alleen als matplotlib geïnstalleerd is
    pad = tmp_path / "g.svg"
    r = run("minima-effect", "--gemeente", "alkmaar", "--peildatum", "2023-06-01", "--grafiek", str(pad))
    assert r.exit_code == 0
    assert pad.read_text(encoding="utf-8").lstrip().startswith("<?xml") and "Alkmaar" in pad.read_text(encoding="utf-8")


def test_vergelijk_gemeente_die_nog_niet_bestaat():
    # Dijk en Waard bestaat vanaf 1-1-2022: op 2021-06-01 een eigen status en een kolom "bestond nog niet"
    r = run("vergelijk", VOORBEELD, "--peildatum", "2021-06-01", "--json")
    doc = json.loads(r.output)
    valideer(doc, "sora-vergelijk")
    dw = next(g for g in doc["gemeenten"] if g["plugin"] == "dijk_en_waard")
    assert dw["status"] == "bestond_nog_niet" and dw["totalen"] is None
    assert "bestaat pas vanaf 1 januari 2022" in dw["fouten"][0]["melding"]
    assert {g["status"] for g in doc["gemeenten"] if g["plugin"] != "dijk_en_waard"} == {"beslist"}
    assert doc["regelingen"] and all("dijk_en_waard" not in rij["per_gemeente"] for rij in doc["regelingen"])
    tekst = run("vergelijk", VOORBEELD, "--peildatum", "2021-06-01").output
    kop, _, kop1, kop2 = tekst.splitlines()[:4]
    assert kop == "Dezelfde casus in 6 gemeenten, peildatum 1 juni 2021 (Dijk en Waard bestond nog niet)"
    # zes kolommen, ook die van Dijk en Waard (de naam op twee regels, zodat de tabel in 100 kolommen past)
    assert all(n in kop2 for n in GEMEENTEN6 if n != "Dijk en Waard") and kop1.strip() == "Dijk en" and "  Waard  " in kop2
    rijen = [r for r in tekst.splitlines() if r.startswith("  Individuele inkomenstoeslag") or r.startswith("  Totaal")]
    assert rijen and all(r.split()[-3] == "niet" and r.split()[-4] == "nog" for r in rijen)  # "nog niet" in elke cel
    assert "nog niet = de gemeente bestond nog niet op de peildatum." in " ".join(r.strip() for r in tekst.splitlines())
    assert ("Dijk en Waard: bestond nog niet op 1 juni 2021: Gemeente Dijk en Waard (GM1980) bestaat pas vanaf 1 januari 2022"
            in " ".join(r.strip() for r in tekst.splitlines()))
    csv = run("vergelijk", VOORBEELD, "--peildatum", "2021-06-01", "--csv").output.splitlines()
    dw_rijen = [r for r in csv if ",dijk_en_waard," in r]
    assert len(dw_rijen) == len(doc["regelingen"]) and all(",bestond_nog_niet," in r for r in dw_rijen)
    # na de fusie gewoon een kolom met uitkomsten
    doc = json.loads(run("vergelijk", VOORBEELD, "--peildatum", "2022-06-01", "--json").output)
    assert next(g for g in doc["gemeenten"] if g["plugin"] == "dijk_en_waard")["status"] == "beslist"


def test_minima_effect_tekst_watals(testregister):
    tekst = run("minima-effect", "--gemeente", "testb", "--peildatum", PEIL,
                "--zet", "testb.individuele_inkomenstoeslag.inkomensgrens=1.30").output
    regel = next(x for x in tekst.splitlines() if x.strip().startswith("Wat-als verschil"))
    # alleenstaande (eerste tabel): op 130% (1779.78 <= 1779.78) nu IIT 479 erbij
    assert regel.split()[-5:] == ["0,00", "0,00", "0,00", "+479,00", "0,00"]
    assert "Wat-als: testb: individuele_inkomenstoeslag.inkomensgrens = 1.30" in tekst


def test_opdrachten_van_analyse_en_plugin_pas_geladen_als_ze_nodig_zijn():
    """Een koude ``sora beoordeel`` laadt ``cli_analyse`` en ``cli_plugin`` niet (koude start); een opdracht
    van die modules, de lijst in ``sora --help`` en een onbekende opdracht laden ze wel, in een vers proces."""
    import subprocess
    import sys

    def draai(*args):
        code = ("import sys\nfrom sora_core.cli import main\nsys.argv = ['sora', *sys.argv[1:]]\n"
                "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
                "print('GELADEN' if 'sora_core.cli_analyse' in sys.modules else 'NIET', 'sora_core.cli_plugin' in sys.modules)\n")
        r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
        return r.stdout.strip().splitlines()[-1], r.stdout, r.stderr

    laatste, uit, _ = draai("beoordeel", str(VOORBEELD), "--json")
    assert laatste == "NIET False" and '"contract": "sora-besluit/1"' in uit
    laatste, uit, _ = draai("batch", "--help")
    assert laatste == "GELADEN True" and "--processen" in uit
    laatste, uit, _ = draai("--help")
    assert laatste == "GELADEN True" and "batch" in uit and "plugin" in uit and "beoordeel" in uit
    laatste, _, fout = draai("bestaatniet")
    assert laatste == "GELADEN True" and "bestaatniet" in fout
