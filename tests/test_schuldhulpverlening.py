"""Schuldhulpverlening (Wgs): termijnen, vroegsignalering, toegang, uitvoerder en toegang per
gemeente, en de bezwaartermijn in de kern.

Elke verwachte datum is met de hand uitgerekend; de redenering staat ernaast. Weekdagen zijn
nagerekend met Python's datetime (``date(...).weekday()``) voordat ze hier zijn opgeschreven:
Pasen 2025 = zondag 20 april, Hemelvaart 2025 = donderdag 29 mei (Pasen + 39),
tweede Pinksterdag 2025 = maandag 9 juni (Pasen + 50), Pasen 2026 = zondag 5 april,
Hemelvaart 2026 = donderdag 14 mei. 27 april 2025 is een zondag, dus Koningsdag 2025 is
zaterdag 26 april. Gelijkgesteld (Atw art. 3 lid 3): 27 december 2024, 30 mei 2025,
2 januari 2026 en 15 mei 2026.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import jsonschema
from click.testing import CliRunner

from sora_core import hookimpl
from sora_core.beslisser import beoordeel
from sora_core.cli import sora
from sora_core.fouten import InvoerFout
from sora_core.fouten import InvoerFout
from sora_core.plugins import bouw_register
from sora_core.uitvoer import besluit_dict, besluit_tekst, naar_json

VOORBEELDEN = Path(__file__).resolve().parent.parent / "voorbeelden"
SCHEMA = Path(__file__).resolve().parent.parent / "sora_core" / "schemas" / "besluit.schema.json"


def volgens_schema(besluit) -> dict:
    doc = json.loads(naar_json(besluit_dict(besluit)))
    jsonschema.validate(doc, json.loads(SCHEMA.read_text(encoding="utf-8")))
    return doc
ZES = ("alkmaar", "bergen", "castricum", "dijk_en_waard", "heiloo", "uitgeest")


def casus(gemeente="bergen", peildatum=None, aanvraag=False, besluitdatum=None, **schuldhulp):
    sh = {"melddatum": date(2025, 8, 20)}
    sh.update(schuldhulp)
    doc = {
        "gemeente": gemeente,
        "peildatum": peildatum or sh["melddatum"],
        "aanvrager": {"geboortedatum": date(1980, 5, 1)},
        "inkomen": {"netto_per_maand": "1450.00"},
        "schuldhulp": sh,
    }
    if aanvraag:
        doc["aanvragen"] = [{"regeling": "schuldhulpverlening"}]
    if besluitdatum:
        doc["besluitdatum"] = besluitdatum
    return doc


def overzicht(**kw):
    return beoordeel(casus(**kw)).schuldhulp


def overgeslagen(o):
    return [date.fromisoformat(x["datum"]) for x in o["overgeslagen"]]


# --------------------------------------------------------------------------- termijnen eerste gesprek

def test_pasen_bedreigend_goede_vrijdag_en_tweede_paasdag():
    # Melding do 17-4-2025, woningontruiming: drie werkdagen. vr 18-4 Goede Vrijdag (Atw art. 3
    # lid 2), za 19, zo 20 (Pasen), ma 21-4 tweede Paasdag: overgeslagen. di 22 = 1, wo 23 = 2,
    # do 24-4 = 3 -> donderdag 24 april 2025.
    o = overzicht(melddatum=date(2025, 4, 17), bedreigende_situatie="woningontruiming")
    assert o["bedreigend"] is True
    assert o["eerste_gesprek_uiterlijk"] == "2025-04-24"
    assert o["grondslag"] == "art. 4 lid 2 Wet gemeentelijke schuldhulpverlening"
    assert overgeslagen(o) == [date(2025, 4, 18), date(2025, 4, 19), date(2025, 4, 20), date(2025, 4, 21)]
    redenen = [x["reden"] for x in o["overgeslagen"]]
    assert "Goede Vrijdag" in redenen[0] and "tweede Paasdag" in redenen[3]
    assert any("donderdag 24 april 2025" in r for r in o["samenvatting"])


def test_pasen_vier_weken_eindigt_op_goede_vrijdag():
    # Melding vr 21-3-2025 + 28 dagen = vr 18-4-2025 = Goede Vrijdag. Atw art. 1: verlengd over
    # za 19, zo 20, ma 21 (tweede Paasdag) -> dinsdag 22 april 2025.
    o = overzicht(melddatum=date(2025, 3, 21))
    assert o["bedreigend"] is False
    assert o["eerste_gesprek_uiterlijk"] == "2025-04-22"
    assert "art. 4 lid 1 Wet gemeentelijke schuldhulpverlening" in o["grondslag"]
    assert "art. 1 Algemene termijnenwet" in o["grondslag"]
    assert overgeslagen(o) == [date(2025, 4, 18), date(2025, 4, 19), date(2025, 4, 20), date(2025, 4, 21)]


def test_hemelvaart_en_gelijkgestelde_vrijdag_bedreigend():
    # Melding wo 28-5-2025, afsluiting energie. do 29-5 Hemelvaart, vr 30-5 gelijkgesteld
    # (Besluit gelijkstelling ... 30 mei 2025), za 31-5, zo 1-6: overgeslagen. ma 2-6 = 1,
    # di 3-6 = 2, wo 4-6 = 3 -> woensdag 4 juni 2025.
    o = overzicht(melddatum=date(2025, 5, 28), bedreigende_situatie="afsluiting_energie")
    assert o["eerste_gesprek_uiterlijk"] == "2025-06-04"
    assert overgeslagen(o) == [date(2025, 5, 29), date(2025, 5, 30), date(2025, 5, 31), date(2025, 6, 1)]
    assert "Hemelvaartsdag" in o["overgeslagen"][0]["reden"]
    assert "gelijkgestelde dag" in o["overgeslagen"][1]["reden"]


def test_hemelvaart_2026_vier_weken_met_gelijkgestelde_dag():
    # Melding do 16-4-2026 + 28 = do 14-5-2026 = Hemelvaart; vr 15-5-2026 gelijkgesteld; za 16,
    # zo 17 -> maandag 18 mei 2026.
    o = overzicht(melddatum=date(2026, 4, 16))
    assert o["eerste_gesprek_uiterlijk"] == "2026-05-18"
    assert overgeslagen(o) == [date(2026, 5, 14), date(2026, 5, 15), date(2026, 5, 16), date(2026, 5, 17)]
    assert o["waarschuwingen"] == []


def test_pinksteren():
    # Vier weken: ma 12-5-2025 + 28 = ma 9-6-2025 = tweede Pinksterdag -> dinsdag 10 juni 2025.
    o = overzicht(melddatum=date(2025, 5, 12))
    assert o["eerste_gesprek_uiterlijk"] == "2025-06-10"
    assert overgeslagen(o) == [date(2025, 6, 9)]
    # Drie werkdagen: vr 6-6-2025; za 7, zo 8, ma 9 (tweede Pinksterdag) overgeslagen;
    # di 10 = 1, wo 11 = 2, do 12 = 3 -> donderdag 12 juni 2025.
    o = overzicht(melddatum=date(2025, 6, 6), bedreigende_situatie="afsluiting_water")
    assert o["eerste_gesprek_uiterlijk"] == "2025-06-12"
    assert overgeslagen(o) == [date(2025, 6, 7), date(2025, 6, 8), date(2025, 6, 9)]


def test_koningsdag_als_27_april_een_zondag_is():
    # 27-4-2025 is een zondag, dus Koningsdag is zaterdag 26-4-2025. Melding za 29-3-2025 + 28 =
    # za 26-4-2025 (zaterdag en Koningsdag), zo 27-4 is gewoon zondag (geen Koningsdag) ->
    # maandag 28 april 2025 is een werkdag.
    o = overzicht(melddatum=date(2025, 3, 29))
    assert o["eerste_gesprek_uiterlijk"] == "2025-04-28"
    assert o["overgeslagen"] == [
        {"datum": "2025-04-26", "reden": "zaterdag en Koningsdag"},
        {"datum": "2025-04-27", "reden": "zondag"},
    ]


def test_koningsdag_op_maandag_2026():
    # 27-4-2026 is een maandag (Koningsdag). Melding vr 24-4-2026, opzegging zorgverzekering:
    # za 25, zo 26, ma 27 (Koningsdag) overgeslagen; di 28 = 1, wo 29 = 2, do 30 = 3.
    o = overzicht(melddatum=date(2026, 4, 24), bedreigende_situatie="opzegging_zorgverzekering")
    assert o["eerste_gesprek_uiterlijk"] == "2026-04-30"
    assert overgeslagen(o) == [date(2026, 4, 25), date(2026, 4, 26), date(2026, 4, 27)]
    assert o["overgeslagen"][2]["reden"] == "Koningsdag"


def test_vijf_mei():
    # 5-5-2025 is een maandag (Atw art. 3 lid 1: de vijfde mei). Melding vr 2-5-2025, bedreigend:
    # za 3, zo 4, ma 5 overgeslagen; di 6 = 1, wo 7 = 2, do 8 = 3 -> donderdag 8 mei 2025.
    o = overzicht(melddatum=date(2025, 5, 2), bedreigende_situatie="woningontruiming")
    assert o["eerste_gesprek_uiterlijk"] == "2025-05-08"
    assert overgeslagen(o) == [date(2025, 5, 3), date(2025, 5, 4), date(2025, 5, 5)]
    assert "5 mei" in o["overgeslagen"][2]["reden"]


def test_kerst_en_nieuwjaar_met_gelijkgestelde_27_december():
    # Melding di 24-12-2024, bedreigend. wo 25 (eerste Kerstdag), do 26 (tweede Kerstdag),
    # vr 27-12-2024 (gelijkgesteld), za 28, zo 29 overgeslagen; ma 30 = 1, di 31 = 2,
    # wo 1-1-2025 Nieuwjaarsdag overgeslagen, do 2-1-2025 = 3 -> donderdag 2 januari 2025.
    o = overzicht(melddatum=date(2024, 12, 24), bedreigende_situatie="woningontruiming")
    assert o["eerste_gesprek_uiterlijk"] == "2025-01-02"
    assert overgeslagen(o) == [date(2024, 12, 25), date(2024, 12, 26), date(2024, 12, 27), date(2024, 12, 28),
                               date(2024, 12, 29), date(2025, 1, 1)]
    assert "gelijkgestelde dag" in o["overgeslagen"][2]["reden"]
    assert o["overgeslagen"][5]["reden"] == "Nieuwjaarsdag"


def test_nieuwjaarsdag_en_gelijkgestelde_2_januari_2026():
    # Melding do 4-12-2025 + 28 = do 1-1-2026 (Nieuwjaarsdag); vr 2-1-2026 gelijkgesteld; za 3,
    # zo 4 -> maandag 5 januari 2026.
    o = overzicht(melddatum=date(2025, 12, 4))
    assert o["eerste_gesprek_uiterlijk"] == "2026-01-05"
    assert overgeslagen(o) == [date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3), date(2026, 1, 4)]


def test_jaar_zonder_gelijkstellingsbesluit_geeft_waarschuwing():
    # 2029 wordt door geen gelijkstellingsbesluit gedekt. do 1-3-2029 + 28 = do 29-3-2029; Pasen
    # 2029 is 1 april, Goede Vrijdag 30 maart: 29 maart is een gewone donderdag.
    o = overzicht(melddatum=date(2029, 3, 1))
    assert o["eerste_gesprek_uiterlijk"] == "2029-03-29"
    assert len(o["waarschuwingen"]) == 1 and "2029" in o["waarschuwingen"][0]
    assert any(r.startswith("Let op:") and "2029" in r for r in o["samenvatting"])


def test_melddatum_voor_2014_is_een_invoerfout():
    with pytest.raises(InvoerFout) as e:
        beoordeel(casus(melddatum=date(2013, 6, 1), peildatum=date(2025, 1, 1)))
    assert e.value.fouten()[0].veld == "schuldhulp.melddatum"


def test_overzicht_is_deterministisch_en_gesorteerd():
    b1 = naar_json(besluit_dict(beoordeel(casus(melddatum=date(2025, 4, 17), bedreigende_situatie="woningontruiming"))))
    b2 = naar_json(besluit_dict(beoordeel(casus(melddatum=date(2025, 4, 17), bedreigende_situatie="woningontruiming"))))
    assert b1 == b2
    sh = json.loads(b1)["schuldhulp"]
    assert list(sh) == sorted(sh)
    assert {"eerste_gesprek_uiterlijk", "uitvoerder", "toegang", "grondslag", "overgeslagen", "waarschuwingen",
            "bedreigend", "vroegsignalering", "samenvatting"} <= set(sh)


# --------------------------------------------------------------------------- uitvoerder en toegang per gemeente

def test_zelfde_melding_juiste_uitvoerder_en_toegang_in_alle_zes_gemeenten():
    gezien = {}
    for g in ZES:
        o = overzicht(gemeente=g, melddatum=date(2025, 8, 20))
        # de termijn is overal gelijk: wo 20-8-2025 + 28 = wo 17-9-2025 (gewone werkdag)
        assert o["eerste_gesprek_uiterlijk"] == "2025-09-17"
        gezien[g] = o
    for g in ("bergen", "castricum", "heiloo", "uitgeest"):  # BUCH: uitbesteed, wijkteams
        assert "Sociaal.NL" in gezien[g]["uitvoerder"] and "lokale maatschappelijke partners" in gezien[g]["uitvoerder"]
        assert gezien[g]["herkomst"]["uitvoerder"] == g
        assert "wijkteam" in gezien[g]["toegang"]
        assert "preventieteam" in gezien[g]["toegang"] and "expertteam" in gezien[g]["toegang"]
        assert gezien[g]["herkomst"]["toegang"] == g
    for g in ("alkmaar", "dijk_en_waard"):  # in eigen beheer: de regionale standaard
        assert gezien[g]["uitvoerder"].startswith("Zaffier") and "eigen beheer" in gezien[g]["uitvoerder"]
        assert gezien[g]["herkomst"]["uitvoerder"] == "kern"
        assert gezien[g]["herkomst"]["toegang"] == g
    assert "niet met fysieke wijkteams" in gezien["alkmaar"]["toegang"] and "wijkgericht" in gezien["alkmaar"]["toegang"]
    assert "krachtteam" in gezien["dijk_en_waard"]["toegang"] and "expertteam" in gezien["dijk_en_waard"]["toegang"]
    # het lokale accent van Bergen staat alleen in Bergen
    assert "Op weg naar een schuldenvrij Bergen" in gezien["bergen"]["lokaal_accent"]
    assert gezien["bergen"]["herkomst"]["lokaal_accent"] == "bergen"
    for g in set(ZES) - {"bergen"}:
        assert gezien[g]["lokaal_accent"] is None


def test_toegekende_toegang_noemt_uitvoerder_en_lokaal_accent():
    b = beoordeel(casus(gemeente="bergen", aanvraag=True))
    (x,) = b.beslissingen
    assert x.regeling == "schuldhulpverlening" and x.uitkomst == "toegekend"
    teksten = " ".join(m.tekst for m in x.motivering)
    assert "Sociaal.NL" in teksten and "Op weg naar een schuldenvrij Bergen" in teksten
    assert [m.bron for m in x.motivering if "schuldenvrij Bergen" in m.tekst] == ["bergen"]


# --------------------------------------------------------------------------- vroegsignalering

def test_signaal_zonder_regionale_termijn_noemt_geen_datum():
    o = overzicht(gemeente="alkmaar", melddatum=date(2025, 4, 16), soort_melding="signaal", signaal_van="verhuurder")
    v = o["vroegsignalering"]
    assert v["aanbod_uiterlijk"] is None and v["termijn_dagen"] is None
    assert "nog niet vastgesteld" in v["toelichting"]
    assert "art. 3 Wet gemeentelijke schuldhulpverlening (vroegsignalering)" in v["grondslag"]
    assert "Stb. 2020, 240" in v["grondslag"] and "art. 2 Besluit gemeentelijke schuldhulpverlening" in v["grondslag"]
    # een signaal is nog geen hulpvraag: de termijn van art. 4 Wgs loopt nog niet
    assert o["eerste_gesprek_uiterlijk"] is None
    assert any("nog niet vastgesteld" in r for r in o["samenvatting"])


def test_signaal_zonder_signaalgever():
    o = overzicht(melddatum=date(2025, 4, 16), soort_melding="signaal")
    assert o["vroegsignalering"]["signaal_van"] is None
    assert o["vroegsignalering"]["aanbod_uiterlijk"] is None


# --------------------------------------------------------------------------- toegang en weigeringsgronden

class Proefgemeente:
    """Een testplugin (geen echte gemeente): zet weigeringsgronden aan of uit."""

    def __init__(self, beleid: Path):
        self.beleid = beleid

    @hookimpl
    def sora_gemeente(self):
        return {"naam": "Proefdorp", "cbs_code": "GM9999", "versie": "0.0.1"}

    @hookimpl
    def sora_beleid(self):
        return [self.beleid]


NORM = """
[[norm]]
naam = "{naam}"
waarde = {waarde}
geldig_vanaf = 2023-01-01
grondslag = "Testbeleid Proefdorp (geen echte regeling)"
"""


@pytest.fixture
def proefdorp(tmp_path):
    def maak(**normen):
        pad = tmp_path / "beleid.toml"
        pad.write_text("".join(NORM.format(naam=f"schuldhulpverlening.{n.replace('__', '.')}", waarde=w)
                               for n, w in normen.items()), encoding="utf-8")
        reg = bouw_register([("proefdorp", lambda: Proefgemeente(pad))])
        assert not reg.fouten, reg.fouten
        return reg
    return maak


def test_fraude_weigert_met_reden_en_wat_wel_kan():
    b = beoordeel(casus(gemeente="heiloo", aanvraag=True, fraudevordering=True))
    volgens_schema(b)
    (x,) = b.beslissingen
    assert x.uitkomst == "afgewezen"
    teksten = [m.tekst for m in x.motivering]
    assert any("weigeringsgrond" in t and "fraude" in t for t in teksten)
    assert any("De toegang tot schuldhulpverlening wordt geweigerd: vordering wegens fraude." == t for t in teksten)
    wel = [m for m in x.motivering if m.tekst.startswith("U kunt wel terecht voor")]
    assert len(wel) == 1 and "budgetadvies" in wel[0].tekst and "stabiliseren" in wel[0].tekst
    assert "wijkteam in Heiloo" in wel[0].tekst
    assert any("art. 3 lid 3 Wet gemeentelijke schuldhulpverlening" in m.grondslag for m in x.motivering)
    # de standaard is nog niet tegen bgr-2023-560 bevestigd: dat staat in de motivering
    assert any(t.startswith("Let op:") and "schuldhulpverlening.weigeren.fraudevordering" in t for t in teksten)


def test_uitgezette_fraudegrond_weigert_niet_en_motivering_zegt_het(proefdorp):
    reg = proefdorp(weigeren__fraudevordering="false")
    b = beoordeel(casus(gemeente="proefdorp", aanvraag=True, fraudevordering=True), reg=reg)
    (x,) = b.beslissingen
    assert x.uitkomst == "toegekend"
    uit = [m for m in x.motivering if "past de weigeringsgrond 'fraude' niet toe" in m.tekst]
    assert len(uit) == 1 and uit[0].bron == "proefdorp"
    assert "Proefdorp" in uit[0].tekst and "leidt hier niet tot weigering" in uit[0].tekst
    # in een gemeente die de grond wel toepast, weigert dezelfde casus
    assert beoordeel(casus(gemeente="castricum", aanvraag=True, fraudevordering=True)).beslissingen[0].uitkomst == "afgewezen"


def test_eerder_afgerond_zonder_vastgestelde_termijn_wordt_doorverwezen():
    b = beoordeel(casus(gemeente="alkmaar", aanvraag=True, eerder_schuldhulp_afgerond=date(2024, 1, 15)))
    (x,) = b.beslissingen
    assert x.uitkomst == "doorverwezen"
    assert any("schuldhulpverlening.weigeren.eerder_afgerond_jaren" in m.tekst for m in x.motivering)
    assert x.bezwaar_uiterlijk is None  # een doorverwijzing is nog geen besluit


def test_eerder_afgerond_binnen_en_buiten_de_termijn(proefdorp):
    reg = proefdorp(weigeren__eerder_afgerond_jaren="3")
    # afgerond 20-8-2022, termijn 3 jaar: grens 20-8-2025. Melding 19-8-2025 valt erbinnen.
    b = beoordeel(casus(gemeente="proefdorp", aanvraag=True, melddatum=date(2025, 8, 19),
                        eerder_schuldhulp_afgerond=date(2022, 8, 20)), reg=reg)
    (x,) = b.beslissingen
    assert x.uitkomst == "afgewezen"
    assert any("binnen 3 jaar" in m.tekst and "20 augustus 2025" in m.tekst for m in x.motivering)
    assert any(m.tekst.startswith("U kunt wel terecht voor") for m in x.motivering)
    # melding op 20-8-2025 (precies drie jaar na afronding): niet meer binnen de termijn
    b = beoordeel(casus(gemeente="proefdorp", aanvraag=True, melddatum=date(2025, 8, 20),
                        eerder_schuldhulp_afgerond=date(2022, 8, 20)), reg=reg)
    assert b.beslissingen[0].uitkomst == "toegekend"


def test_uitgezette_grond_eerder_afgerond(proefdorp):
    reg = proefdorp(weigeren__eerder_afgerond="false")
    b = beoordeel(casus(gemeente="proefdorp", aanvraag=True, eerder_schuldhulp_afgerond=date(2025, 1, 1)), reg=reg)
    (x,) = b.beslissingen
    assert x.uitkomst == "toegekend"
    assert any("past de weigeringsgrond 'eerder afgeronde schuldhulpverlening' niet toe" in m.tekst
               for m in x.motivering)


def test_signaal_met_termijn_van_de_gemeente(proefdorp):
    reg = proefdorp(vroegsignalering__termijn_dagen="10")
    # Signaal wo 16-4-2025 + 10 dagen = za 26-4-2025 (zaterdag en Koningsdag); zo 27-4 ->
    # maandag 28 april 2025 (Atw naar analogie).
    b = beoordeel(casus(gemeente="proefdorp", melddatum=date(2025, 4, 16), soort_melding="signaal",
                        signaal_van="energieleverancier"), reg=reg)
    volgens_schema(b)
    o = b.schuldhulp
    v = o["vroegsignalering"]
    assert v["aanbod_uiterlijk"] == "2025-04-28" and v["termijn_dagen"] == 10 and v["bron"] == "proefdorp"
    assert [x["datum"] for x in v["overgeslagen"]] == ["2025-04-26", "2025-04-27"]
    assert "niet nagelezen" in v["grondslag"]  # het artikel voor energie is niet geverifieerd


def test_aanvraag_zonder_schuldhulp_noemt_het_veld():
    doc = casus(aanvraag=True)
    del doc["schuldhulp"]
    with pytest.raises(InvoerFout) as e:
        beoordeel(doc)
    assert [f.veld for f in e.value.fouten()] == ["schuldhulp"]


def test_waar_heb_ik_recht_op_beslist_geen_schuldhulp():
    b = beoordeel(casus())
    assert "schuldhulpverlening" not in [x.regeling for x in b.beslissingen]
    assert b.schuldhulp is not None


# --------------------------------------------------------------------------- bezwaartermijn (kern)

def test_bezwaartermijn_standaard_peildatum():
    # Bekendmaking = peildatum ma 14-4-2025; + 42 dagen = ma 26-5-2025, een werkdag.
    b = beoordeel(casus(melddatum=date(2025, 4, 14), aanvraag=True))
    x = b.beslissingen[0]
    assert x.bezwaar_uiterlijk == date(2025, 5, 26)
    stap = x.motivering[-1]
    assert "tot en met 26 mei 2025" in stap.tekst
    assert "6:7" in stap.grondslag and "6:8" in stap.grondslag and "art. 1 Algemene termijnenwet" in stap.grondslag
    assert besluit_dict(b)["beslissingen"][0]["bezwaar_uiterlijk"] == "2025-05-26"


def test_bezwaartermijn_eindigt_op_hemelvaart():
    # Bekendmaking do 17-4-2025 + 42 = do 29-5-2025 (Hemelvaart); vr 30-5 gelijkgesteld; za 31-5,
    # zo 1-6 -> maandag 2 juni 2025.
    b = beoordeel(casus(melddatum=date(2025, 4, 14), aanvraag=True, besluitdatum=date(2025, 4, 17)))
    x = b.beslissingen[0]
    assert x.bezwaar_uiterlijk == date(2025, 6, 2)
    assert "verlengd" in x.motivering[-1].tekst and "Hemelvaartsdag" in x.motivering[-1].tekst


def test_bezwaartermijn_eindigt_op_zaterdag():
    # Bekendmaking za 1-11-2025 + 42 = za 13-12-2025; zo 14-12 -> maandag 15 december 2025.
    b = beoordeel(casus(melddatum=date(2025, 10, 27), aanvraag=True, besluitdatum=date(2025, 11, 1)))
    assert b.beslissingen[0].bezwaar_uiterlijk == date(2025, 12, 15)


def test_bezwaartermijn_eindigt_op_kerstmis():
    # Bekendmaking do 13-11-2025 + 42 = do 25-12-2025 (eerste Kerstdag); vr 26-12 (tweede
    # Kerstdag), za 27, zo 28 -> maandag 29 december 2025.
    b = beoordeel(casus(melddatum=date(2025, 11, 3), aanvraag=True, besluitdatum=date(2025, 11, 13)))
    assert b.beslissingen[0].bezwaar_uiterlijk == date(2025, 12, 29)


def test_bezwaartermijn_geldt_voor_alle_regelingen():
    # de voorbeeldcasus van de inkomenstoeslag (geen schuldhulp): elke beslissing die geen
    # doorverwijzing is, noemt de laatste dag voor bezwaar (bekendmaking = peildatum).
    from sora_core.invoer import laad_casus
    from sora_core.kalender import bezwaartermijn

    c = laad_casus(VOORBEELDEN / "alleenstaande-iit.toml")
    b = beoordeel(c)
    assert b.beslissingen
    for x in b.beslissingen:
        if x.uitkomst == "doorverwezen":
            assert x.bezwaar_uiterlijk is None
        else:
            assert x.bezwaar_uiterlijk == bezwaartermijn(c.peildatum).einddatum


def test_besluitdatum_wordt_gelezen_en_gecontroleerd():
    doc = casus(aanvraag=True)
    doc["besluitdatum"] = "2025-13-01"
    with pytest.raises(InvoerFout) as e:
        beoordeel(doc)
    assert [f.veld for f in e.value.fouten()] == ["besluitdatum"]


# --------------------------------------------------------------------------- CLI en voorbeelden

def test_cli_voorbeeld_ontruiming_bergen():
    r = CliRunner().invoke(sora, ["beoordeel", str(VOORBEELDEN / "schuldhulp-bergen-ontruiming.toml"), "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    # Melding do 17-4-2025 met woningontruiming: zie test_pasen_bedreigend_... -> 24-4-2025.
    assert doc["schuldhulp"]["eerste_gesprek_uiterlijk"] == "2025-04-24"
    assert doc["beslissingen"][0]["uitkomst"] == "toegekend"
    # besluitdatum vr 25-4-2025 + 42 = vr 6-6-2025, een werkdag
    assert doc["beslissingen"][0]["bezwaar_uiterlijk"] == "2025-06-06"
    r = CliRunner().invoke(sora, ["beoordeel", str(VOORBEELDEN / "schuldhulp-bergen-ontruiming.toml")])
    assert r.exit_code == 0
    assert "Schuldhulpverlening:" in r.output and "donderdag 24 april 2025" in r.output
    assert "Op weg naar een schuldenvrij Bergen" in r.output


def test_cli_voorbeeld_signaal_alkmaar_en_fout():
    r = CliRunner().invoke(sora, ["beoordeel", str(VOORBEELDEN / "schuldhulp-alkmaar-signaal.toml")])
    assert r.exit_code == 0, r.output
    assert "nog niet vastgesteld" in r.output and "wijkgerichte netwerk" in r.output
    r = CliRunner().invoke(sora, ["beoordeel", "-", "--json"],
                           input=json.dumps({"gemeente": "GM0361", "peildatum": "2025-09-01",
                                             "aanvrager": {"geboortedatum": "1980-01-01"},
                                             "inkomen": {"netto_per_maand": "1000.00"},
                                             "aanvragen": [{"regeling": "schuldhulpverlening"}]}))
    assert r.exit_code == 2
    assert json.loads(r.output)["fouten"][0]["veld"] == "schuldhulp"


def test_tekstuitvoer_kort_noemt_bezwaartermijn():
    b = beoordeel(casus(melddatum=date(2025, 4, 14), aanvraag=True))
    assert "bezwaar mogelijk tot en met 26 mei 2025" in besluit_tekst(b, uitgebreid=False)


def test_fraude_weigert_ook_als_termijn_eerder_afgerond_ontbreekt():
    # beide feiten; de termijn voor "eerder afgerond" heeft geen waarde, maar de fraudegrond
    # weigert al: afgewezen (niet doorverwezen), en de motivering zegt dat de andere grond niet
    # is beoordeeld.
    b = beoordeel(casus(gemeente="uitgeest", aanvraag=True, fraudevordering=True,
                        eerder_schuldhulp_afgerond=date(2024, 1, 15)))
    (x,) = b.beslissingen
    assert x.uitkomst == "afgewezen"
    assert any("niet beoordeeld" in m.tekst for m in x.motivering)
    assert x.bezwaar_uiterlijk is not None


def test_bezwaartermijn_voor_2014_niet_te_berekenen():
    # de kalender kent geen feestdagenregeling voor 2013: geen datum, wel een duidelijke stap.
    # Sinds issue 13 is een besluitdatum vóór de peildatum een invoerfout, en vóór 2023 heeft de
    # kern geen regelingen; via een casus is 2013 dus niet meer te bereiken. De stap zelf:
    from sora_core.bezwaar import bezwaarstap

    stap, einde = bezwaarstap(date(2013, 6, 3))
    assert einde is None
    assert stap.tekst.startswith("De laatste dag voor bezwaar kan niet worden berekend")
    with pytest.raises(InvoerFout) as e:
        beoordeel(casus(aanvraag=True, besluitdatum=date(2013, 6, 3)))
    assert [f.veld for f in e.value.fouten()] == ["besluitdatum"]
