"""Het recht van vandaag (issue 12): normen 2026, jongerennormen, Participatiewet in balans.

Elke verwachting is met de hand gerekend uit de gepubliceerde bedragen (domein.md, met bron):

  bijstandsnormen (art. 21, 22 Pw)        1-1-2026   1-7-2026
    alleenstaande 21-AOW (21 a)           1401,50    1419,46
    gehuwden 21-AOW (21 b)                2002,13    2027,79
  jongerennormen (art. 20 Pw)             1-7-2025   1-1-2026   1-7-2026
    alleenstaande (ouder) 18-20 (1a, 2a)  337,98     345,99     350,42
    gehuwden, één 18-20 (1 c)             1315,88    1347,06    1364,32
    gehuwden beiden 18-20, kinderen (2 b) 1067,12    1092,41    1106,40
    verhoging lid 3                       -          746,45     762,24
  vermogensgrens 2026: alleenstaande 8.000, gezin 16.000; woningvrijlating 2026: 67.500;
  drempelbedrag-maximum 2026: 176.

Regionale standaarden: individuele inkomenstoeslag 120% van de toepasselijke norm (met
kostendelersnorm), 36 maanden, 479 / 607 / 673 per jaar; bijzondere bijstand voet 110%, 50%,
12 maanden. Bedragen op hele centen, half naar boven, zodra ze ontstaan.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from decimal import Decimal

import pytest

from sora_core.beslisser import beoordeel
from sora_core.fouten import InvoerFout
from sora_core.wetgeving import VERVALLEN

D = Decimal
ZES = ("alkmaar", "bergen", "castricum", "dijk_en_waard", "heiloo", "uitgeest")


def casus(peildatum="2026-12-01", geboren="1980-05-01", inkomen="1300.00", gemeente="heiloo", **extra) -> dict:
    c = {
        "gemeente": gemeente,
        "peildatum": peildatum,
        "aanvrager": {"geboortedatum": geboren},
        "inkomen": {"netto_per_maand": inkomen, "laag_sinds": "2020-01-01"},
    }
    for k, v in extra.items():
        c[k] = copy.deepcopy(v)
    return c


def iit(c: dict):
    c = dict(c, aanvragen=[{"regeling": "individuele_inkomenstoeslag"}])
    (b,) = beoordeel(c).beslissingen
    return b


def bb(c: dict, bedrag="500.00", **aanvraag):
    c = dict(c, aanvragen=[dict({"regeling": "bijzondere_bijstand", "kostensoort": "medische_kosten",
                                 "bedrag": bedrag}, **aanvraag)])
    (b,) = beoordeel(c).beslissingen
    return b


def tekst(b) -> str:
    return "\n".join(m.tekst for m in b.motivering)


def grondslagen(b) -> str:
    return "\n".join(m.grondslag for m in b.motivering)


# --------------------------------------------------------------------------- de normen van 2026

@pytest.mark.parametrize("gemeente", ZES)
def test_vandaag_wordt_in_alle_zes_gemeenten_beslist(gemeente):
    # 1 december 2026: norm alleenstaande 1419,46; grens 120% = 1703,352 -> 1703,35
    b = iit(casus(gemeente=gemeente, inkomen="1703.35"))
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("479.00"))
    assert "€ 1.419,46" in tekst(b) and "€ 1.703,35" in tekst(b)
    assert iit(casus(gemeente=gemeente, inkomen="1703.36")).uitkomst == "afgewezen"


def test_grens_30_juni_1_juli_2026():
    # 30-6-2026: 120% x 1401,50 = 1681,80 < 1690; 1-7-2026: 120% x 1419,46 = 1703,35 >= 1690
    assert iit(casus(peildatum="2026-06-30", inkomen="1690.00")).uitkomst == "afgewezen"
    b = iit(casus(peildatum="2026-07-01", inkomen="1690.00"))
    assert b.uitkomst == "toegekend"
    w = next(w for w in b.gebruikte_waarden if w.naam == "bijstandsnorm.alleenstaande")
    assert (w.waarde, w.geldig_vanaf, w.geldig_tot) == ("1419.46", date(2026, 7, 1), date(2026, 12, 31))
    # secundaire bron: de beslissing zegt dat de waarde nog te bevestigen is
    assert "(waarde nog te bevestigen)" in w.grondslag
    # 1-1-2026 staat in de Normenbrief zelf (primair): geen voorbehoud meer
    w26 = next(w for w in iit(casus(peildatum="2026-03-01")).gebruikte_waarden if w.naam == "bijstandsnorm.alleenstaande")
    assert w26.waarde == "1401.50" and "nog te bevestigen" not in w26.grondslag


def test_grens_31_december_2026_1_januari_2027_verwijst_door_en_noemt_de_normenbrief():
    assert iit(casus(peildatum="2026-12-31")).uitkomst == "toegekend"
    b = iit(casus(peildatum="2027-01-01"))
    assert b.uitkomst == "doorverwezen" and b.bedrag is None and b.bezwaar_uiterlijk is None
    t = tekst(b)
    assert "'bijstandsnorm.alleenstaande'" in t and "art. 21 onder a Participatiewet" in t
    assert "tot en met 31 december 2026" in t and "SZW Normenbrief 1 januari 2027" in t


def test_melding_van_een_ontbrekende_norm_per_definitie_en_dag_een_keer_en_gelijk(monkeypatch):
    """De zin over een ontbrekende waarde wordt per definitie en dag één keer opgemaakt (na een
    jaarwissel zonder nieuwe normen verwijst elk besluit door); een andere dag of een andere kern
    geeft een eigen zin, nooit een onthouden zin van iets anders."""
    from sora_core import parameters, uitleg

    d = parameters.kern_definities()["bijstandsnorm.alleenstaande"]
    feb, maart = date(2027, 2, 1), date(2027, 3, 1)
    eerste = uitleg.melding_ontbrekend(d, feb)
    assert eerste.startswith("Voor 'bijstandsnorm.alleenstaande' (art. 21 onder a Participatiewet) is op "
                             "1 februari 2027 geen vastgestelde waarde bekend; de laatste waarde gold tot en met "
                             "31 december 2026. De waarde voor deze periode komt uit de SZW Normenbrief 1 januari 2027")
    assert uitleg.melding_ontbrekend(d, feb) is eerste  # onthouden
    assert "op 1 maart 2027 geen vastgestelde waarde" in uitleg.melding_ontbrekend(d, maart)
    # een kern met één definitie minder (zoals na opnieuw laden): opnieuw geteld, niet de oude zin
    kern = parameters.kern_definities()
    kleiner = {n: o for n, o in kern.items() if n != "bijstandsnorm.gehuwden"}
    monkeypatch.setattr(parameters, "_KERN_CACHE", kleiner)
    ander = uitleg.melding_ontbrekend(d, feb)
    aantal = lambda t: int(re.search(r"nog (\d+) andere", t).group(1))
    assert aantal(ander) == aantal(eerste) - 1


def test_vermogensgrens_2026_grens_zelf_telt_als_binnen():
    assert iit(casus(vermogen={"bezittingen": "8000.00"})).uitkomst == "toegekend"
    b = iit(casus(vermogen={"bezittingen": "8000.01"}))
    assert b.uitkomst == "afgewezen" and "€ 8.000,00" in tekst(b)
    # doorlopende vermogenstoets sinds 1-1-2026 (art. 34 lid 2 onder b: "het aanwezige vermogen")
    assert "aanwezige vermogen" in tekst(b) and "art. 34 lid 2 onder b" in grondslagen(b)
    assert "aanwezige vermogen" not in tekst(iit(casus(peildatum="2025-09-01", vermogen={"bezittingen": "8000.01"})))


def test_woningvrijlating_2026():
    # overwaarde 70.000 - vrijlating 67.500 = 2.500 vermogen (binnen 8.000); 76.000.01 -> 8.500,01 erboven
    assert iit(casus(vermogen={"eigen_woning_overwaarde": "70000.00"})).uitkomst == "toegekend"
    b = iit(casus(vermogen={"eigen_woning_overwaarde": "75500.01"}))
    assert b.uitkomst == "afgewezen" and "€ 67.500,00" in tekst(b)


def test_studietoeslag_2026_en_juli_2025():
    c = casus(aanvrager={"geboortedatum": "1990-01-01", "student": True, "arbeidsvermogen": "beperkt"},
              aanvragen=[{"regeling": "individuele_studietoeslag"}])
    assert beoordeel(c).beslissingen[0].bedrag == D("390.07")
    c19 = dict(c, peildatum="2025-09-01", aanvrager={"geboortedatum": "2006-03-01", "student": True,
                                                      "arbeidsvermogen": "geen"})
    assert beoordeel(c19).beslissingen[0].bedrag == D("225.74")


def test_drempelbedrag_maximum_2026(tmp_path):
    from tests.test_bijzondere_bijstand import register_met

    reg = register_met(tmp_path, drempeldorp=("GM9903", """
[[norm]]
naam = "bijzondere_bijstand.drempelbedrag"
waarde = "200.00"
geldig_vanaf = 2025-01-01
grondslag = "Beleidsregels bijzondere bijstand Drempeldorp (testgemeente), art. 2"
"""))
    # inkomen 1300 onder de voet (110% x 1419,46 = 1561,41): geen draagkracht; 500 - drempel 176 = 324
    c = casus(gemeente="drempeldorp")
    c["aanvragen"] = [{"regeling": "bijzondere_bijstand", "kostensoort": "medische_kosten", "bedrag": "500.00"}]
    (b,) = beoordeel(c, reg=reg).beslissingen
    assert b.bedrag == D("324.00") and "€ 176,00" in tekst(b)


# --------------------------------------------------------------------------- jongerennormen (art. 20)

def test_jongere_zonder_ouderveld_vandaag():
    # 19 jaar, alleenstaande: jongerennorm 350,42; bijzondere bijstand volgens de regionale standaard
    # afgewezen wegens de onderhoudsplicht van de ouders (art. 35 Pw met art. 1:395a BW), zonder art. 12
    b = bb(casus(geboren="2007-03-01"))
    assert b.uitkomst == "afgewezen"
    assert "1:395a" in b.reden.grondslag and "art. 35 lid 1" in b.reden.grondslag
    assert "art. 12" not in grondslagen(b)


def test_jongere_die_geen_beroep_op_ouders_kan_doen_vandaag():
    # 350,42 + 762,24 = 1112,66 (lid 3; lager dan 1419,46, dus lid 4 grenst niet)
    # voet 110% x 1112,66 = 1223,926 -> 1223,93; 1300 - 1223,93 = 76,07; 50% = 38,035 -> 38,04
    # x 12 = 456,48; 500 - 456,48 = 43,52
    c = casus(geboren="2007-03-01", aanvrager={"geboortedatum": "2007-03-01",
                                               "geen_beroep_op_ouders": "middelen_ouders_ontoereikend"})
    b = bb(c)
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("43.52"))
    t = tekst(b)
    assert "€ 350,42" in t and "€ 762,24" in t and "€ 1.112,66" in t and "€ 1.223,93" in t
    assert "art. 20 lid 1 onder a Participatiewet" in grondslagen(b)
    assert "art. 20 lid 3 Participatiewet" in grondslagen(b)


def test_jongere_voor_2026_met_ouderveld_zonder_verhoging():
    # 1-9-2025: 337,98, geen verhoging (bestond niet); voet 110% = 371,778 -> 371,78; 400 - 371,78 = 28,22;
    # 50% = 14,11; x 12 = 169,32; 500 - 169,32 = 330,68. Toen gold art. 12 nog: dat mag worden genoemd.
    c = casus(peildatum="2025-09-01", inkomen="400.00",
              aanvrager={"geboortedatum": "2006-03-01", "geen_beroep_op_ouders": "onderhoud_niet_afdwingbaar"})
    b = bb(c)
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("330.68"))
    assert "art. 12 Participatiewet" in grondslagen(b) and "verhoogd" not in tekst(b)


def test_overgangsrecht_aanvraag_december_2025_beslist_januari_2026():
    # aanvraag 20-12-2025, peildatum 15-1-2026: het oude recht (art. 78ff lid 1): geen verhoging.
    # 345,99; voet 110% = 380,589 -> 380,59; 400 - 380,59 = 19,41; 50% = 9,705 -> 9,71; x 12 = 116,52;
    # 500 - 116,52 = 383,48. Art. 12 zelf wordt na 31-12-2025 niet meer geciteerd.
    jong = {"geboortedatum": "2006-03-01", "geen_beroep_op_ouders": "middelen_ouders_ontoereikend"}
    oud = bb(casus(peildatum="2026-01-15", aanvraagdatum="2025-12-20", inkomen="400.00", aanvrager=jong))
    assert (oud.uitkomst, oud.bedrag) == ("toegekend", D("383.48"))
    assert "art. 78ff lid 1 Participatiewet" in grondslagen(oud) and "art. 12" not in grondslagen(oud)
    # aanvraag 2-1-2026: nieuw recht. 345,99 + 746,45 = 1092,44; voet 1201,684 -> 1201,68 > 400: geen draagkracht
    nieuw = bb(casus(peildatum="2026-01-15", aanvraagdatum="2026-01-02", inkomen="400.00", aanvrager=jong))
    assert (nieuw.uitkomst, nieuw.bedrag) == ("toegekend", D("500.00"))
    assert "€ 746,45" in tekst(nieuw) and "€ 1.092,44" in tekst(nieuw)


def test_gehuwden_met_partner_van_19():
    # aanvrager 46, partner 19, geen kinderen: art. 20 lid 1 onder c 1364,32; 120% = 1637,184 -> 1637,18
    c = casus(partner={"geboortedatum": "2007-06-01"}, inkomen="1637.18")
    b = iit(c)
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("673.00"))
    assert "art. 20 lid 1 onder c Participatiewet" in grondslagen(b) and "€ 1.637,18" in tekst(b)
    assert iit(dict(c, inkomen={"netto_per_maand": "1637.19", "laag_sinds": "2020-01-01"})).uitkomst == "afgewezen"


def test_gehuwden_verhoging_begrensd_op_de_norm_van_21_jarigen():
    # partner 19 kan niet op zijn ouders terugvallen: 1364,32 + 762,24 = 2126,56 > 2027,79 (art. 21 onder b):
    # lid 4: 2027,79; 120% = 2433,348 -> 2433,35
    c = casus(partner={"geboortedatum": "2007-06-01", "geen_beroep_op_ouders": "onderhoud_niet_afdwingbaar"},
              inkomen="2433.35")
    b = iit(c)
    assert b.uitkomst == "toegekend"
    assert "art. 20 lid 4 Participatiewet" in grondslagen(b) and "€ 2.433,35" in tekst(b)
    assert iit(dict(c, inkomen={"netto_per_maand": "2433.36", "laag_sinds": "2020-01-01"})).uitkomst == "afgewezen"


def test_gehuwden_beiden_19_met_kind_bijzondere_bijstand():
    # gehuwden die beiden 19 zijn, met een kind: art. 20 lid 2 onder b 1106,40. De verhoging van lid 3 geldt
    # per jongere die geen beroep op zijn ouders kan doen.
    c = casus(geboren="2007-01-01", partner={"geboortedatum": "2007-02-01"}, kinderen=[{"geboortedatum": "2026-05-01"}],
              aanvrager={"geboortedatum": "2007-01-01", "geen_beroep_op_ouders": "middelen_ouders_ontoereikend"})
    # aanvrager met verhoging: 1106,40 + 762,24 = 1868,64 (< 2027,79); voet 110% = 2055,504 -> 2055,50 > 1300
    b = bb(c)
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("500.00"))
    assert "art. 20 lid 2 onder b Participatiewet" in grondslagen(b) and "€ 1.868,64" in tekst(b)
    # beide zonder ouders: 1106,40 + 2 x 762,24 = 2630,88 -> begrensd op 2027,79
    c["partner"]["geen_beroep_op_ouders"] = "middelen_ouders_ontoereikend"
    b2 = bb(c)
    assert "2 x € 762,24" in tekst(b2) and "art. 20 lid 4 Participatiewet" in grondslagen(b2)
    assert "110% van € 2.027,79 = € 2.230,57" in tekst(b2)


def test_jongere_met_huisgenoten_geen_kostendelersnorm():
    # alleenstaande 19 met een medebewoner van 40: art. 22a lid 1 geldt vanaf 21 jaar; jongerennorm blijft
    c = casus(geboren="2007-03-01", medebewoners=[{"geboortedatum": "1986-01-01"}],
              aanvrager={"geboortedatum": "2007-03-01", "geen_beroep_op_ouders": "middelen_ouders_ontoereikend"})
    b = bb(c)
    assert b.bedrag == D("43.52")  # zelfde als zonder medebewoner (zie hierboven)


def test_ouderveld_bij_iemand_van_21_of_ouder_valt_niet_stil_weg():
    c = casus(aanvrager={"geboortedatum": "1980-05-01", "geen_beroep_op_ouders": "middelen_ouders_ontoereikend"})
    b = iit(c)
    assert b.uitkomst == "toegekend" and "alleen voor wie 18, 19 of 20 jaar is" in tekst(b)


def test_jongerennorm_2024_niet_in_de_gegevens_verwijst_door():
    b = bb(casus(peildatum="2024-09-01", geboren="2005-03-01",
                 aanvrager={"geboortedatum": "2005-03-01", "geen_beroep_op_ouders": "middelen_ouders_ontoereikend"}))
    assert b.uitkomst == "doorverwezen" and "bijstandsnorm.jongeren.alleenstaande" in tekst(b)


# --------------------------------------------------------------------------- kostendelers en mantelzorg

@pytest.mark.parametrize("medebewoner, uitkomst", [
    ("1999-12-01", "afgewezen"),   # 27 op 1-12-2026: kostendeler; 50% x 2027,79 = 1013,895 -> 1013,90; 120% = 1216,68
    ("1999-12-02", "toegekend"),   # 26: geen kostendeler; 1419,46; 120% = 1703,35
])
def test_huisgenoot_26_of_27(medebewoner, uitkomst):
    b = iit(casus(medebewoners=[{"geboortedatum": medebewoner}]))
    assert b.uitkomst == uitkomst
    if uitkomst == "afgewezen":
        assert "€ 1.013,90" in tekst(b) and "€ 1.216,68" in tekst(b)


def test_mantelzorg_elders_geen_kostendelersnorm_sinds_2026():
    c = casus(medebewoners=[{"geboortedatum": "1950-01-01"}],
              aanvrager={"geboortedatum": "1980-05-01", "tijdelijk_mantelzorg_elders": True})
    b = iit(c)
    assert b.uitkomst == "toegekend" and "art. 22a lid 4 Participatiewet" in grondslagen(b)
    # 1-9-2025: de uitzondering bestond nog niet: 50% x 1955,80 = 977,90; 120% = 1173,48 < 1300
    oud = iit(dict(c, peildatum="2025-09-01"))
    assert oud.uitkomst == "afgewezen" and "€ 977,90" in tekst(oud) and "pas vanaf 1 januari 2026" in tekst(oud)


# --------------------------------------------------------------------------- art. 44 lid 5 (terugwerkende kracht)

@pytest.mark.parametrize("oordeel, uitkomst", [(None, "doorverwezen"), (True, "toegekend"), (False, "afgewezen")])
def test_terugwerkende_kracht_binnen_drie_maanden(oordeel, uitkomst):
    # medische kosten moeten vooraf worden gevraagd (termijn 0); kosten 15-12-2025, aanvraag 1-3-2026: binnen 3 maanden
    extra = {} if oordeel is None else {"terugwerkende_kracht": oordeel}
    b = bb(casus(peildatum="2026-03-01", aanvraagdatum="2026-03-01"), kostendatum="2025-12-15", **extra)
    assert b.uitkomst == uitkomst
    assert "art. 44 lid 5 Participatiewet" in tekst(b) + grondslagen(b)


def test_terugwerkende_kracht_niet_verder_dan_drie_maanden_en_niet_voor_2026():
    # kosten 30-11-2025 + 3 maanden = 28-2-2026 (februari heeft geen 30e); aanvraag 1-3-2026 is later
    b = bb(casus(peildatum="2026-03-01", aanvraagdatum="2026-03-01"), kostendatum="2025-11-30", terugwerkende_kracht=True)
    assert b.uitkomst == "afgewezen" and "ten hoogste 3 maanden" in tekst(b)
    # aanvraag 1-9-2025: art. 44 lid 5 bestond nog niet
    oud = bb(casus(peildatum="2025-09-01", aanvraagdatum="2025-09-01"), kostendatum="2025-07-15")
    assert oud.uitkomst == "afgewezen" and "terugwerkende kracht" not in tekst(oud)


def test_terugwerkende_kracht_alleen_bij_bijzondere_bijstand():
    c = casus(aanvragen=[{"regeling": "individuele_inkomenstoeslag", "terugwerkende_kracht": True}])
    with pytest.raises(InvoerFout) as e:
        beoordeel(c)
    assert e.value.fouten()[0].veld == "aanvragen[0].terugwerkende_kracht"


# --------------------------------------------------------------------------- fase 3 (1-1-2027)

def test_ambtshalve_inkomenstoeslag_voor_2027_geweigerd_met_reden():
    c = casus(aanvragen=[{"regeling": "individuele_inkomenstoeslag", "ambtshalve": True}])
    with pytest.raises(InvoerFout) as e:
        beoordeel(c)
    (f,) = e.value.fouten()
    assert f.veld == "aanvragen[0].ambtshalve" and "vanaf 1 januari 2027" in f.melding


def test_ambtshalve_inkomenstoeslag_vanaf_2027():
    c = casus(peildatum="2027-01-04", aanvragen=[{"regeling": "individuele_inkomenstoeslag", "ambtshalve": True}])
    (b,) = beoordeel(c).beslissingen
    # de normen van 2027 zijn niet gepubliceerd: doorverwezen, maar wel als ambtshalve beoordeling
    assert b.uitkomst == "doorverwezen" and "ambtshalve" in tekst(b)


def test_ambtshalve_alleen_voor_de_inkomenstoeslag():
    c = casus(peildatum="2027-01-04", aanvragen=[{"regeling": "meedoenregeling", "ambtshalve": True}])
    with pytest.raises(InvoerFout) as e:
        beoordeel(c)
    assert e.value.fouten()[0].veld == "aanvragen[0].ambtshalve"


def test_partner_zonder_recht_op_bijstand():
    c = casus(partner={"geboortedatum": "1982-01-01", "geen_recht_op_bijstand": True},
              kinderen=[{"geboortedatum": "2020-01-01"}])
    b = iit(c)
    assert b.uitkomst == "doorverwezen" and "art. 24 Participatiewet" in tekst(b)
    b27 = iit(dict(c, peildatum="2027-01-04"))
    assert b27.uitkomst == "doorverwezen"
    assert "art. 24a Participatiewet" in tekst(b27) and "alleenstaande-ouderkop" in tekst(b27)


# --------------------------------------------------------------------------- geen vervallen artikel

def _casussen():
    jong = {"geboortedatum": "2007-03-01"}
    jong_z = dict(jong, geen_beroep_op_ouders="middelen_ouders_ontoereikend")
    for peil in ("2026-01-01", "2026-06-30", "2026-07-01", "2026-12-01", "2026-12-31"):
        for aanvrager in (jong, jong_z, {"geboortedatum": "1980-05-01"}):
            for aanvraagdatum in (None, "2025-12-31"):
                c = casus(peildatum=peil, aanvrager=aanvrager, inkomen="900.00")
                if aanvraagdatum:
                    c["aanvraagdatum"] = aanvraagdatum
                yield c
                yield dict(c, aanvragen=[{"regeling": "bijzondere_bijstand", "kostensoort": "bewindvoering",
                                          "bedrag": "300.00"}])


@pytest.mark.parametrize("gemeente", ZES)
def test_geen_beslissing_na_de_einddatum_noemt_een_vervallen_artikel(gemeente):
    patronen = {a: re.compile(re.escape(a.replace(" Participatiewet", "")) + r"(?![0-9a-z])") for a in VERVALLEN}
    for c in _casussen():
        c["gemeente"] = gemeente
        besluit = beoordeel(c)
        for b in besluit.beslissingen:
            for m in b.motivering:
                for artikel, eind in VERVALLEN.items():
                    if besluit.peildatum > eind and "Participatiewet" in m.grondslag:
                        assert not patronen[artikel].search(m.grondslag), (c, m)
            for w in b.gebruikte_waarden:
                for artikel, eind in VERVALLEN.items():
                    assert not (besluit.peildatum > eind and patronen[artikel].search(w.grondslag)), (c, w)



# --------------------------------------------------------------------------- de nieuwe velden in batch (CSV)

def test_batch_csv_kent_de_nieuwe_kolommen(tmp_path):
    import json

    from click.testing import CliRunner

    from sora_core.cli import sora

    pad = tmp_path / "in.csv"
    pad.write_text(
        "id,gemeente,peildatum,geboortedatum,geen_beroep_op_ouders,tijdelijk_mantelzorg_elders,"
        "geboortedata_medebewoners,netto_per_maand,laag_sinds,regeling,kostensoort,bedrag\n"
        # 19 jaar zonder ouders: 43,52 (zie test_jongere_die_geen_beroep_op_ouders_kan_doen_vandaag)
        "j,heiloo,2026-12-01,2007-03-01,middelen_ouders_ontoereikend,,,1300.00,,bijzondere_bijstand,medische_kosten,500.00\n"
        # mantelzorg elders met een medebewoner van 76: geen kostendelersnorm; 1300 <= 1703,35: 479
        "m,heiloo,2026-12-01,1980-05-01,,ja,1950-01-01,1300.00,2020-01-01,individuele_inkomenstoeslag,,\n"
        # ongeldige grond: een fout voor precies die regel, met het veld
        "x,heiloo,2026-12-01,2007-03-01,ouders_weg,,,1300.00,,,,\n", encoding="utf-8")
    uit = tmp_path / "uit.jsonl"
    r = CliRunner().invoke(sora, ["batch", str(pad), "--uit", str(uit), "--processen", "1"])
    regels = {x["id"]: x for x in map(json.loads, uit.read_text().splitlines())}
    assert regels["j"]["beslissingen"][0]["bedrag"] == "43.52"
    assert regels["m"]["beslissingen"][0]["bedrag"] == "479.00"
    assert regels["x"]["fout"]["fouten"][0]["veld"] == "aanvrager.geen_beroep_op_ouders"
    assert r.exit_code == 1, r.output  # 1: een of meer regels konden niet worden beslist (regel x)
