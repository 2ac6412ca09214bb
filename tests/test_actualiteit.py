"""Tests van ``sora actualiteit`` en de waarschuwingen in de analyses.

De meeste tests gebruiken kleine synthetische gegevens (eigen Definitie- en Waarde-objecten en
een nepregister), zodat ze niet afhangen van de kerngegevens die elders worden bijgewerkt:

  a.halfjaar  1-1-2024 t/m 30-6-2024 en 1-1-2025 t/m 30-6-2025 (gat: 1-7-2024 t/m 31-12-2024;
              vervalt op 1-7-2025); de waarde van 2025 is onbevestigd
  b.open      vanaf 1-1-2020, zonder einde
  c.later     vanaf 1-1-2030, zonder einde (bestaat daarvoor nog niet: niet "niet gedekt")
  d.tot       1-1-2023 t/m 31-3-2025 (vervalt op 1-4-2025)
  n.norm      open norm, regionale standaard 1.20 vanaf 1-1-2023 zonder einde
  n.leeg      open norm zonder standaard
  n.niemand   open norm zonder standaard en zonder gemeentelijke waarde ("zonder waarde")

Gemeente Testdorp (GM9001) heeft eigen waarden: n.norm 1.30 van 1-1-2023 t/m 31-12-2024 (daarna
geldt de regionale standaard 1.20 weer) en n.leeg 1.10 van 1-1-2023 t/m 31-12-2024 (daarna geen
waarde: niet gedekt in Testdorp).

Met de echte gegevens alleen datums die ook na het bijwerken niet gedekt blijven (2030, 2031).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from analyse_hulp import valideer
from sora_core.analyse import actualiteit as a
from sora_core.cli import sora
from sora_core.fouten import Fout, InvoerFout
from sora_core.model import GemeenteInfo
from sora_core.parameters import Definitie, Waarde

D = date


def w(naam, vanaf, tot=None, waarde="1.00", bevestigd=True, document="Testbron", bron="kern"):
    return Waarde(naam=naam, waarde=Decimal(waarde), geldig_vanaf=vanaf, geldig_tot=tot, bron=bron,
                  grondslag="art. 1 Testwet", document=document, bevestigd=bevestigd)


def definitie(naam, *waarden, open_=False):
    return Definitie(naam=naam, type="fractie" if open_ else "bedrag", open=open_, grondslag=f"grondslag {naam}",
                     omschrijving=f"Omschrijving van {naam}.", waarden=tuple(waarden))


def synthetisch() -> dict:
    return {
        "a.halfjaar": definitie("a.halfjaar", w("a.halfjaar", D(2024, 1, 1), D(2024, 6, 30)),
                                w("a.halfjaar", D(2025, 1, 1), D(2025, 6, 30), bevestigd=False,
                                  document="secundaire bron")),
        "b.open": definitie("b.open", w("b.open", D(2020, 1, 1))),
        "c.later": definitie("c.later", w("c.later", D(2030, 1, 1))),
        "d.tot": definitie("d.tot", w("d.tot", D(2023, 1, 1), D(2025, 3, 31))),
        "n.norm": definitie("n.norm", w("n.norm", D(2023, 1, 1), waarde="1.20"), open_=True),
        "n.leeg": definitie("n.leeg", open_=True),
        "n.niemand": definitie("n.niemand", open_=True),
    }


def maak_testdorp():
    eigen = {
        "n.norm": (w("n.norm", D(2023, 1, 1), D(2024, 12, 31), waarde="1.30", bron="testdorp", document="Verordening"),),
        "n.leeg": (w("n.leeg", D(2023, 1, 1), D(2024, 12, 31), waarde="1.10", bron="testdorp", document="Verordening"),),
    }
    return SimpleNamespace(naam="testdorp", normen=eigen,
                           info=GemeenteInfo(cbs_code="GM9001", naam="Testdorp", plugin="testdorp", plugin_versie="1.0"))


class NepRegister:
    def __init__(self, *plugins):
        self.plugins = {p.naam: p for p in plugins}

    def gesorteerd(self):
        return sorted(self.plugins.values(), key=lambda p: p.info.naam)

    def zoek(self, g):
        for p in self.plugins.values():
            if g.lower() in (p.naam, p.info.cbs_code.lower()):
                return p
        raise InvoerFout([Fout("gemeente", f"Onbekende gemeente '{g}'.")])


@pytest.fixture
def nep(monkeypatch):
    """Laat ``sora actualiteit`` de synthetische kern en Testdorp zien."""
    from sora_core import parameters, plugins

    defs = synthetisch()
    monkeypatch.setattr(parameters, "kern_definities", lambda: defs)
    monkeypatch.setattr(plugins, "register", lambda *a_, **k: NepRegister(maak_testdorp()))
    return defs


# =========================================================================== dekking van één reeks

def test_dekking_gat_en_vervallen():
    dek = a.dekking(synthetisch()["a.halfjaar"].waarden)
    assert dek.eerste == D(2024, 1, 1) and dek.laatste == D(2025, 6, 30)
    assert dek.gaten == ((D(2024, 7, 1), D(2024, 12, 31)),)
    assert dek.ongedekt == ((D(2024, 7, 1), D(2024, 12, 31)), (D(2025, 7, 1), None))
    assert dek.gedekt_op(D(2024, 6, 30)) and not dek.gedekt_op(D(2024, 7, 1))
    assert not dek.gedekt_op(D(2024, 12, 31)) and dek.gedekt_op(D(2025, 1, 1))
    assert dek.gedekt_op(D(2025, 6, 30)) and not dek.gedekt_op(D(2025, 7, 1))
    assert dek.gedekt_op(D(2023, 12, 31))  # vóór de eerste waarde: bestond nog niet, niet "niet gedekt"


def test_dekking_zonder_einde_en_open_waarde_voor_een_volgende():
    dek = a.dekking(synthetisch()["b.open"].waarden)
    assert dek.laatste is None and dek.gaten == () and dek.ongedekt == ()
    assert dek.gedekt_op(D(2099, 1, 1))
    # een waarde zonder einde loopt door tot de volgende: geen gat
    dek = a.dekking([w("x", D(2020, 1, 1)), w("x", D(2022, 1, 1), D(2022, 12, 31))])
    assert dek.gaten == () and dek.laatste == D(2022, 12, 31)
    assert dek.ongedekt == ((D(2023, 1, 1), None),)
    assert a.dekking([]) is None


def test_dekking_onbevestigd_met_periode_en_bron():
    dek = a.dekking(synthetisch()["a.halfjaar"].waarden)
    assert [(x.geldig_vanaf, x.geldig_tot, x.document) for x in dek.onbevestigd] == [
        (D(2025, 1, 1), D(2025, 6, 30), "secundaire bron")]


# =========================================================================== de kern op een peildatum

def test_gedekte_peildatum_en_eerste_ongedekte_datum_is_begin_van_een_gat():
    k = a.kern_dekking(synthetisch())
    assert k.niet_gedekt(D(2024, 3, 1)) == []
    assert k.eerste_ongedekte_datum(D(2024, 3, 1)) == D(2024, 7, 1)
    # 1-2-2025: a heeft de waarde van 2025, d loopt tot 31-3-2025: gedekt; d vervalt op 1-4-2025
    assert k.niet_gedekt(D(2025, 2, 1)) == []
    assert k.eerste_ongedekte_datum(D(2025, 2, 1)) == D(2025, 4, 1)
    assert a.waarschuwing(D(2025, 2, 1), synthetisch()) is None


def test_in_een_gat_niet_gedekt_met_laatst_gedekte_dag():
    k = a.kern_dekking(synthetisch())
    niet = k.niet_gedekt(D(2024, 9, 1))
    assert [(n["naam"], n["laatst_gedekt"], n["ongedekt_sinds"], n["ongedekt_tot"]) for n in niet] == [
        ("a.halfjaar", "2024-06-30", "2024-07-01", "2024-12-31")]
    assert niet[0]["omschrijving"] == "Omschrijving van a.halfjaar." and niet[0]["grondslag"] == "grondslag a.halfjaar"
    assert k.eerste_ongedekte_datum(D(2024, 9, 1)) == D(2024, 7, 1)  # al niet gedekt: sinds wanneer


def test_vervallen_waarden_meest_recent_eerst_en_waarde_die_later_begint_telt_niet():
    k = a.kern_dekking(synthetisch())
    niet = k.niet_gedekt(D(2025, 8, 1))
    # a vervallen na 30-6-2025, d na 31-3-2025; c begint pas in 2030 en b loopt door
    assert [(n["naam"], n["laatst_gedekt"]) for n in niet] == [("a.halfjaar", "2025-06-30"), ("d.tot", "2025-03-31")]
    # onafgebroken niet gedekt sinds d verviel
    assert k.eerste_ongedekte_datum(D(2025, 8, 1)) == D(2025, 4, 1)
    assert a.waarschuwing(D(2025, 8, 1), synthetisch()) == (
        "Let op: op 1 augustus 2025 ontbreken waarden in de kern (a.halfjaar en 1 andere; laatst volledig gedekt "
        "t/m 31 maart 2025); beslissingen die ze nodig hebben, worden doorverwezen. Zie 'sora actualiteit'.")


def test_vooruitblik_voor_de_testsuite():
    defs = synthetisch()
    assert a.vooruitblik(D(2025, 1, 30), 60, defs) is None  # 1-4-2025 is 61 dagen later
    assert "over 60 dagen, op 1 april 2025" in a.vooruitblik(D(2025, 1, 31), 60, defs)  # binnen 60 dagen
    assert a.vooruitblik(D(2025, 2, 1), 60, defs) == (
        "Let op: de kern is over 59 dagen, op 1 april 2025, niet meer volledig gedekt (d.tot). "
        "Vul de waarden aan in sora_core/data/; zie 'sora actualiteit'.")
    assert "is sinds 1 april 2025 niet meer volledig gedekt (a.halfjaar en 1 andere)" in a.vooruitblik(D(2025, 8, 1), 60, defs)
    assert a.vooruitblik(D(2020, 6, 1), 60, {"b.open": defs["b.open"]}) is None  # nooit ongedekt


# =========================================================================== gemeenten

def test_eigen_waarde_vervallen_dan_geldt_de_regionale_standaard_weer():
    doc = a.actualiteit(D(2025, 2, 1), reg=NepRegister(maak_testdorp()), definities=synthetisch())
    (g,) = doc["gemeenten"]
    norm = next(x for x in g["normen"] if x["naam"] == "n.norm")
    assert norm["vervallen"] is True and norm["geldt"] == "regionale_standaard" and norm["standaard"] == "1.20"
    assert norm["eerste_datum"] == "2023-01-01" and norm["laatste_datum"] == "2024-12-31"
    # n.leeg heeft geen standaard: na 31-12-2024 geen waarde in Testdorp
    leeg = next(x for x in g["normen"] if x["naam"] == "n.leeg")
    assert leeg["vervallen"] is True and leeg["geldt"] == "geen"
    assert [(n["naam"], n["laatst_gedekt"]) for n in g["niet_gedekt"]] == [("n.leeg", "2024-12-31")]
    assert doc["kern_gedekt"] is True and doc["volledig_gedekt"] is False
    # zonder waarde: alleen de open norm die kern noch gemeente invult; niet a, b, ... en niet n.leeg
    assert [z["naam"] for z in doc["zonder_waarde"]] == ["n.niemand"]
    tekst = " ".join(a.als_tekst(doc).split())  # de tekst is afgebroken op 100 tekens
    assert "- n.norm: 1 januari 2023 t/m 31 december 2024; op 1 februari 2025 vervallen: de regionale " \
           "standaard geldt weer (1.20)" in tekst
    valideer(json.loads(json.dumps(doc)), "sora-actualiteit")


def test_eigen_waarde_die_nog_geldt():
    doc = a.actualiteit(D(2024, 3, 1), reg=NepRegister(maak_testdorp()), definities=synthetisch())
    norm = next(x for x in doc["gemeenten"][0]["normen"] if x["naam"] == "n.norm")
    assert norm["vervallen"] is False and norm["geldt"] == "gemeente"
    assert doc["volledig_gedekt"] is True


def test_niet_gedekt_in_een_gemeente():
    defs, p = synthetisch(), maak_testdorp()
    assert a.niet_gedekt_in("n.norm", p, D(2025, 2, 1), defs) is False  # de standaard geldt weer
    assert a.niet_gedekt_in("n.leeg", p, D(2025, 2, 1), defs) is True  # vervallen, geen standaard
    assert a.niet_gedekt_in("n.leeg", p, D(2022, 6, 1), defs) is False  # vóór de eerste waarde
    assert a.niet_gedekt_in("n.niemand", p, D(2025, 2, 1), defs) is False  # zonder waarde: geen gebrek
    assert a.niet_gedekt_in("d.tot", p, D(2025, 5, 1), defs) is True
    assert a.niet_gedekt_in("onbekend", p, D(2025, 5, 1), defs) is False


# =========================================================================== de opdracht

def test_cli_exitcode_0_als_gedekt(nep):
    r = CliRunner().invoke(sora, ["actualiteit", "--peildatum", "2024-03-01"])
    assert r.exit_code == 0, r.output
    assert "Volledig gedekt: op 1 maart 2024" in r.output
    assert "De kern is gedekt t/m 30 juni 2024; eerste ongedekte datum: 1 juli 2024." in r.output
    assert all(len(regel) <= 100 for regel in r.output.splitlines())


def test_cli_exitcode_1_als_niet_gedekt_en_json_volgens_schema(nep):
    r = CliRunner().invoke(sora, ["actualiteit", "--peildatum", "2025-08-01", "--json"])
    assert r.exit_code == 1, r.output
    doc = json.loads(r.output)
    valideer(doc, "sora-actualiteit")
    assert doc["contract"] == "sora-actualiteit/1" and doc["volledig_gedekt"] is False
    assert doc["eerste_ongedekte_datum"] == "2025-04-01" and doc["gedekt_tot_en_met"] == "2025-03-31"
    assert [n["naam"] for n in doc["niet_gedekt"]] == ["a.halfjaar", "d.tot"]
    kern = {x["naam"]: x for x in doc["kern"]}
    assert set(kern) == {"a.halfjaar", "b.open", "c.later", "d.tot", "n.norm"}  # alleen met waarden
    assert kern["a.halfjaar"]["gaten"] == [{"van": "2024-07-01", "tot": "2024-12-31"}]
    assert kern["a.halfjaar"]["onbevestigd"] == [{"waarde": "1.00", "geldig_vanaf": "2025-01-01",
                                                  "geldig_tot": "2025-06-30", "bron": "secundaire bron"}]
    assert kern["b.open"]["laatste_datum"] is None and kern["c.later"]["gedekt"] is True
    tekst = CliRunner().invoke(sora, ["actualiteit", "--peildatum", "2025-08-01"])
    assert tekst.exit_code == 1
    assert "- a.halfjaar: laatst gedekt t/m 30 juni 2025" in tekst.output
    assert "zonder waarde: 1 juli 2024 t/m 31 december 2024" in tekst.output
    assert all(len(regel) <= 100 for regel in tekst.output.splitlines())


@pytest.mark.parametrize("args, veld", [(["--peildatum", "2025-02-30"], "--peildatum"),
                                        (["--gemeente", "nergensdorp"], "--gemeente")])
def test_cli_exitcode_2_bij_ongeldige_invoer(nep, args, veld):
    r = CliRunner().invoke(sora, ["actualiteit", *args])
    assert r.exit_code == 2
    assert f"- {veld}:" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(sora, ["actualiteit", *args, "--json"])
    assert r.exit_code == 2 and json.loads(r.output)["fouten"][0]["veld"] == veld


def test_cli_gemeente_kiezen(nep):
    r = CliRunner().invoke(sora, ["actualiteit", "--peildatum", "2025-02-01", "--gemeente", "GM9001", "--json"])
    assert r.exit_code == 1  # n.leeg is in Testdorp niet gedekt
    assert [g["naam"] for g in json.loads(r.output)["gemeenten"]] == ["Testdorp"]


def test_cli_echte_gegevens_2030_niet_gedekt():
    r = CliRunner().invoke(sora, ["actualiteit", "--peildatum", "2030-01-01", "--json"])
    assert r.exit_code == 1
    doc = json.loads(r.output)
    valideer(doc, "sora-actualiteit")
    assert "bijstandsnorm.alleenstaande" in {n["naam"] for n in doc["niet_gedekt"]}


# =========================================================================== waarschuwingen in de analyses

LET_OP_2030 = "Let op: op 1 januari 2030 ontbreken waarden in de kern ("


def test_vergelijk_waarschuwt_op_een_datum_die_niet_gedekt_is():
    from test_cli_analyse import VOORBEELD

    r = CliRunner().invoke(sora, ["vergelijk", VOORBEELD, "--peildatum", "2030-01-01"])
    regels = r.output.splitlines()
    assert regels[0] == "Dezelfde casus in 6 gemeenten, peildatum 1 januari 2030"
    # in tekst gevouwen op 100 kolommen (vervolgregels ingesprongen), in JSON één tekst
    blok = [regels[1]] + [r for r in regels[2:regels.index("")] if r.startswith("  ")]
    assert regels[1].startswith(LET_OP_2030) and blok[-1].endswith("Zie 'sora actualiteit'.")
    assert len(blok) > 1 and all(len(r) <= 100 for r in blok)
    doc = json.loads(CliRunner().invoke(sora, ["vergelijk", VOORBEELD, "--peildatum", "2030-01-01", "--json"]).output)
    valideer(doc, "sora-vergelijk")
    assert len(doc["waarschuwingen"]) == 1 and doc["waarschuwingen"][0] == " ".join(r.strip() for r in blok)


def test_harmonisatie_zegt_niet_voldoet_als_waarden_ontbreken():
    r = CliRunner().invoke(sora, ["harmonisatie", "--peildatum", "2030-01-01"])
    assert r.exit_code == 0
    assert r.output.splitlines()[1].startswith(LET_OP_2030)
    assert "voldoet" not in r.output.lower()
    assert "niet te berekenen" in r.output
    doc = json.loads(CliRunner().invoke(sora, ["harmonisatie", "--peildatum", "2030-01-01", "--json"]).output)
    valideer(doc, "sora-harmonisatie")
    assert {g["oordeel"]["code"] for g in doc["gemeenten"] if g["bestaat"]} == {"niet_te_berekenen"}
    assert all(g["oordeel"]["tekst"].startswith("NIET TE BEREKENEN: ") for g in doc["gemeenten"] if g["bestaat"])


def test_regelingen_en_minima_effect_waarschuwen():
    r = CliRunner().invoke(sora, ["regelingen", "--peildatum", "2030-01-01", "--gemeente", "alkmaar"])
    assert r.output.splitlines()[1].startswith(LET_OP_2030)
    r = CliRunner().invoke(sora, ["minima-effect", "--peildatum", "2030-01-01", "--gemeente", "alkmaar", "--json"])
    doc = json.loads(r.output)
    valideer(doc, "sora-minima-effect")
    assert doc["waarschuwingen"][0].startswith(LET_OP_2030)


def test_batch_waarschuwt_per_peildatum_die_niet_gedekt_is():
    from test_cli_analyse import casus

    regels = [dict(casus("GM0361", "1400.00"), peildatum=p) for p in ("2031-01-01", "2030-01-01", "2030-01-01")]
    invoer = "".join(json.dumps(c) + "\n" for c in regels)
    r = CliRunner().invoke(sora, ["batch", "-", "--processen", "1", "--json"], input=invoer)
    doc = json.loads(r.output)
    valideer(doc, "sora-batch")
    # twee verschillende peildata, elk één keer, op volgorde van datum
    assert [x[:len("Let op: op 1 januari 2030")] for x in doc["waarschuwingen"]] == [
        "Let op: op 1 januari 2030", "Let op: op 1 januari 2031"]
    tekst = CliRunner().invoke(sora, ["batch", "-", "--processen", "1"], input=invoer).output.splitlines()
    let_op = [r for r in tekst if r.startswith("Let op: ")]  # elk gevouwen; de vervolgregels springen in
    assert let_op[0].startswith(LET_OP_2030) and let_op[1].startswith("Let op: op 1 januari 2031 ")
    assert tekst[1] == let_op[0] and all(len(r) <= 100 for r in tekst[1:tekst.index("")])


def test_help_noemt_exitcodes_en_voorbeeld():
    r = CliRunner().invoke(sora, ["actualiteit", "--help"])
    assert r.exit_code == 0
    assert "sora actualiteit --peildatum" in r.output and "Exitcode 0" in r.output


def test_harmonisatie_niet_te_berekenen_als_een_gebruikte_eigen_waarde_vervallen_is(maak_plugin):
    """Bijstandsnormen zijn er op 1-3-2024, maar de eigen inkomensgrens van de collectieve
    zorgverzekering van Vervaldorp liep tot en met 31-12-2023 en de regio heeft geen standaard:
    de regel verwijst de modelhuishoudens door, dus de jaarwaarde is niet te berekenen. Gelijkdorp
    heeft die norm niet (zonder waarde, zoals de regio): daar is het oordeel gewoon "voldoet"."""
    from sora_core.analyse.harmonisatie import harmonisatie
    from sora_core.plugins import bouw_register

    toml = """
        [[norm]]
        naam = "collectieve_zorgverzekering.inkomensgrens"
        waarde = "1.30"
        geldig_vanaf = 2023-01-01
        geldig_tot = 2023-12-31
        grondslag = "Beleidsregel Vervaldorp, art. 2"
    """
    naam_v, obj_v = maak_plugin("vervaldorp", toml, cbs="GM9001")
    naam_g, obj_g = maak_plugin("gelijkdorp", "titel = 'Gelijkdorp'\n", cbs="GM9002")
    reg = bouw_register([(naam_v, lambda: obj_v), (naam_g, lambda: obj_g)])
    assert not reg.fouten, reg.fouten
    doc = harmonisatie(D(2024, 3, 1), reg=reg)
    valideer(json.loads(json.dumps(doc)), "sora-harmonisatie")
    oordeel = {g["plugin"]: g["oordeel"] for g in doc["gemeenten"]}
    assert oordeel["vervaldorp"]["code"] == "niet_te_berekenen"
    assert oordeel["vervaldorp"]["tekst"] == (
        "NIET TE BEREKENEN: op 1 maart 2024 ontbreken waarden die de berekening nodig heeft "
        "(collectieve_zorgverzekering.inkomensgrens). Zie 'sora actualiteit'.")
    assert oordeel["gelijkdorp"]["code"] == "voldoet"
