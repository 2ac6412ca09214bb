"""Review van de beslisregels: grensgevallen, met de hand gerekend (reviewer, niet uit de code).

Normen 2025 (sora_core/data/landelijk.toml, bronnen daar):
  1 jan 2025: alleenstaande 1345,45; 1 jul 2025: alleenstaande 1369,06, gehuwden 1955,80,
  gehuwden AOW 2094,98, alleenstaande AOW 1530,21. Vermogensgrens 2025: 7.770 / 15.540.
Regionale standaarden: IIT 120%, 36 maanden, 479/607/673 per jaar, kostendelersnorm ja;
bijzondere bijstand voet 110%, 50%, 12 maanden, vermogen 100%, drempel 0, zonder kostendelersnorm.
Afronding: half naar boven op centen zodra een bedrag ontstaat.
"""

from __future__ import annotations

from datetime import date

import pytest

from sora_core.beslisser import beoordeel
from sora_core.kalender import bezwaartermijn, wgs_eerste_gesprek


def _iit(peil="2025-09-01", geb="1985-03-15", inkomen="1642.87", laag="2022-09-01", verm=None, partner=None,
         kinderen=None, mede=None, **inkx):
    c = {"gemeente": "GM0399", "peildatum": peil, "aanvrager": {"geboortedatum": geb},
         "inkomen": dict({"netto_per_maand": inkomen, "laag_sinds": laag}, **inkx),
         "aanvragen": [{"regeling": "individuele_inkomenstoeslag"}]}
    if verm is not None:
        c["vermogen"] = {"bezittingen": verm, "schulden": "0"}
    if partner:
        c["partner"] = {"geboortedatum": partner}
    if kinderen:
        c["kinderen"] = [{"geboortedatum": k} for k in kinderen]
    if mede:
        c["medebewoners"] = [{"geboortedatum": k} for k in mede]
    x = beoordeel(c).beslissingen[0]
    return x.uitkomst, (str(x.bedrag) if x.bedrag is not None else None)


T479 = ("toegekend", "479.00")
AF = ("afgewezen", None)


@pytest.mark.parametrize("kw, verwacht", [
    # 120% x 1369,06 = 1642,872 -> 1642,87: precies op de grens voldoet, 1 cent erboven niet
    ({}, T479),
    ({"inkomen": "1642.88"}, AF),
    # referteperiode 36 maanden vanaf laag_sinds: 1-9-2022 + 36 mnd = 1-9-2025 = peildatum: vol
    ({"laag": "2022-09-02"}, AF),
    # vermogen precies op de grens 7.770 is binnen
    ({"verm": "7770.00"}, T479),
    ({"verm": "7770.01"}, AF),
    # 21 jaar op de peildatum (geboren 1-9-2004) mag; een dag jonger niet
    ({"geb": "2004-09-01"}, T479),
    ({"geb": "2004-09-02"}, AF),
    # AOW-leeftijd 2025 = 67 jaar: geboren 1-9-1958 bereikt die op 1-9-2025 (afgewezen), 2-9-1958 nog niet
    ({"geb": "1958-09-01"}, AF),
    ({"geb": "1958-09-02"}, T479),
    ({"uitzicht_op_verbetering": True}, AF),
    # vorige toeslag 1-9-2024: twaalf maanden later (1-9-2025) weer mogelijk; 2-9-2024 nog niet
    ({"laatste_inkomenstoeslag": "2024-09-01"}, T479),
    ({"laatste_inkomenstoeslag": "2024-09-02"}, AF),
    # alleenstaande ouder (kind 17 op de peildatum): 607, vermogensgrens gezin 15.540
    ({"kinderen": ["2008-09-02"], "verm": "15540.00"}, ("toegekend", "607.00")),
    # kind precies 18 op de peildatum: geen alleenstaande ouder meer -> 479 en grens 7.770
    ({"kinderen": ["2007-09-01"]}, T479),
    ({"kinderen": ["2007-09-01"], "verm": "7770.01"}, AF),
    # gehuwden: 120% x 1955,80 = 2346,96
    ({"inkomen": "2346.96", "partner": "1986-01-01", "verm": "15540.00"}, ("toegekend", "673.00")),
    ({"inkomen": "2346.97", "partner": "1986-01-01"}, AF),
    # partner met AOW-leeftijd, aanvrager 60: gehuwdennorm AOW 2094,98 x 120% = 2513,976 -> 2513,98
    ({"geb": "1965-01-01", "inkomen": "2513.98", "partner": "1955-01-01"}, ("toegekend", "673.00")),
    ({"geb": "1965-01-01", "inkomen": "2513.99", "partner": "1955-01-01"}, AF),
    # kostendeler van 30: A = 2: (40% + 2 x 30%) / 2 x 1955,80 = 977,90; x 120% = 1173,48
    ({"inkomen": "1173.48", "mede": ["1995-01-01"]}, T479),
    ({"inkomen": "1173.49", "mede": ["1995-01-01"]}, AF),
    # medebewoner precies 27 op de peildatum telt (art. 19a: 27 jaar of ouder), 26 niet
    ({"inkomen": "1173.49", "mede": ["1998-09-01"]}, AF),
    ({"inkomen": "1173.49", "mede": ["1998-09-02"]}, T479),
    # halfjaar: 30-6-2025 norm januari 1345,45 x 120% = 1614,54; 1-7-2025 norm juli (1642,87)
    ({"peil": "2025-06-30", "laag": "2022-06-30", "inkomen": "1614.54"}, T479),
    ({"peil": "2025-06-30", "laag": "2022-06-30", "inkomen": "1614.55"}, AF),
    ({"peil": "2025-07-01", "laag": "2022-07-01", "inkomen": "1642.87"}, T479),
])
def test_iit_grenzen(kw, verwacht):
    assert _iit(**kw) == verwacht


def _iit_aanvraag(aanvraagdatum, laatste, ambtshalve=False, peil="2025-09-01"):
    av = {"regeling": "individuele_inkomenstoeslag"}
    if ambtshalve:
        av["ambtshalve"] = True
    c = {"gemeente": "GM0399", "peildatum": peil, "aanvrager": {"geboortedatum": "1985-03-15"},
         "inkomen": {"netto_per_maand": "1500.00", "laag_sinds": "2020-01-01", "laatste_inkomenstoeslag": laatste},
         "aanvragen": [av]}
    if aanvraagdatum is not None:
        c["aanvraagdatum"] = aanvraagdatum
    b = beoordeel(c)
    x = b.beslissingen[0]
    return x.uitkomst, "\n".join(s.tekst for s in x.motivering)


@pytest.mark.parametrize("aanvraagdatum, laatste, uitkomst", [
    # art. 36 Pw: geen toeslag als er in de twaalf maanden vóór de AANVRAAG een is toegekend.
    # Aangevraagd 20-8-2025, peildatum 1-9-2025. Vorige toeslag 1-9-2024: weer mogelijk vanaf
    # 1-9-2025, dat is na de aanvraag -> afgewezen (vanaf de peildatum geteld zou het mogen).
    ("2025-08-20", "2024-09-01", "afgewezen"),
    # vorige toeslag 20-8-2024: weer mogelijk vanaf 20-8-2025 = de aanvraagdatum -> toegekend
    ("2025-08-20", "2024-08-20", "toegekend"),
    ("2025-08-20", "2024-08-21", "afgewezen"),
    # zonder aanvraagdatum telt de peildatum (casuscontract)
    (None, "2024-09-01", "toegekend"),
    (None, "2024-09-02", "afgewezen"),
])
def test_iit_twaalf_maanden_voor_de_aanvraag(aanvraagdatum, laatste, uitkomst):
    u, tekst = _iit_aanvraag(aanvraagdatum, laatste)
    assert u == uitkomst
    if uitkomst == "afgewezen" and aanvraagdatum == "2025-08-20":
        assert "de aanvraag is van 20 augustus 2025" in tekst


def test_iit_twaalf_maanden_in_beslis_iit():
    """``beslis_iit`` (de ene beslissing van regel en kader) telt de twaalf maanden vanaf ``aanvraag``,
    zonder opgave vanaf de peildatum. Met de hand: grens 120% x 1369,06 = 1642,87, 36 maanden, 479.
    Vorige toeslag 1-9-2024, weer mogelijk vanaf 1-9-2025; peildatum 1-9-2025."""
    from decimal import Decimal

    from sora_core.regels.individuele_inkomenstoeslag import Gecompileerd, beslis_iit

    w = Gecompileerd(36, Decimal("1642.87"), Decimal("7770"), Decimal("479.00"))
    peil, laatste = date(2025, 9, 1), date(2024, 9, 1)
    args = (w, None, 40, False, date(2020, 1, 1), peil, Decimal("1500.00"), Decimal("0"), False, laatste)
    assert beslis_iit(*args) == ("toegekend", Decimal("479.00"))
    assert beslis_iit(*args, peil) == ("toegekend", Decimal("479.00"))
    assert beslis_iit(*args, date(2025, 8, 31)) == ("afgewezen", None)
    # ambtshalve (vanaf 1-1-2027) geeft de regel de peildatum mee: er is geen aanvraag
    # (individuele_inkomenstoeslag.beoordeel); met de normen van 2027 nog niet gepubliceerd verwijst
    # een beslissing in 2027 eerst door, dus dat pad is hier alleen als keuze in de code te zien


def _bb(inkomen="1700.00", geb="1985-03-15", ks="bewindvoering", bedrag="1250.00", zet=(), **extra):
    c = {"gemeente": "GM0399", "peildatum": "2025-09-01", "aanvraagdatum": "2025-08-20",
         "aanvrager": {"geboortedatum": geb}, "inkomen": {"netto_per_maand": inkomen},
         "aanvragen": [{"regeling": "bijzondere_bijstand", "kostensoort": ks, "bedrag": bedrag}]}
    c.update(extra)
    x = beoordeel(c, zet=zet).beslissingen[0]
    return x.uitkomst, (str(x.bedrag) if x.bedrag is not None else None), x.vorm


KDN = (("bijzondere_bijstand.kostendelersnorm_toepassen", "ja"),)


@pytest.mark.parametrize("kw, verwacht", [
    # voet 110% x 1369,06 = 1505,966 -> 1505,97; inkomen precies op de voet: volle vergoeding
    ({"inkomen": "1505.97"}, ("toegekend", "1250.00", "om_niet")),
    # 1 cent erboven: 50% x 0,01 = 0,005 -> 0,01 per maand; x 12 = 0,12; 1250 - 0,12 = 1249,88
    ({"inkomen": "1505.98"}, ("toegekend", "1249.88", "om_niet")),
    # 1700: 194,03 boven de voet; 97,015 -> 97,02; x 12 = 1164,24; 1250 - 1164,24 = 85,76
    ({}, ("toegekend", "85.76", "om_niet")),
    # paar met AOW-leeftijd: 2094,98 x 110% = 2304,478 -> 2304,48; 2500 - 2304,48 = 195,52;
    # 97,76 x 12 = 1173,12; 1250 - 1173,12 = 76,88
    ({"geb": "1950-01-01", "inkomen": "2500.00", "partner": {"geboortedatum": "1952-01-01"}},
     ("toegekend", "76.88", "om_niet")),
    # alleenstaande AOW: 1530,21 x 110% = 1683,231 -> 1683,23; 1800 - 1683,23 = 116,77;
    # 58,385 -> 58,39; x 12 = 700,68; 1250 - 700,68 = 549,32
    ({"geb": "1950-01-01", "inkomen": "1800.00"}, ("toegekend", "549.32", "om_niet")),
    # vermogen 8.000 alleenstaande: 230 boven 7.770 telt 100%; inkomen onder de voet: 1250 - 230
    ({"inkomen": "1000.00", "vermogen": {"bezittingen": "8000.00"}}, ("toegekend", "1020.00", "om_niet")),
    # dezelfde 8.000 bij een alleenstaande ouder: grens 15.540, telt niet
    ({"inkomen": "1000.00", "vermogen": {"bezittingen": "8000.00"}, "kinderen": [{"geboortedatum": "2010-01-01"}]},
     ("toegekend", "1250.00", "om_niet")),
    # 18-20 jaar: onderhoudsplicht ouders (standaard afgewezen)
    ({"geb": "2005-01-01"}, ("afgewezen", None, None)),
    # kostendelersnorm aangezet: gehuwden + medebewoner van 30: A = 3;
    # 130% / 3 x 1955,80 = 847,513 -> 847,51 p.p.; x 2 = 1695,02; voet 1864,522 -> 1864,52;
    # 2000 - 1864,52 = 135,48; 67,74 x 12 = 812,88; 1250 - 812,88 = 437,12
    ({"inkomen": "2000.00", "partner": {"geboortedatum": "1986-01-01"},
      "medebewoners": [{"geboortedatum": "1995-01-01"}], "zet": KDN}, ("toegekend", "437.12", "om_niet")),
    # kostendelersnorm aangezet, alleenstaande AOW + medebewoner: B = gehuwden AOW 2094,98;
    # A = 2: 1047,49; voet 1152,239 -> 1152,24; 1300 - 1152,24 = 147,76; 73,88 x 12 = 886,56; 363,44
    ({"geb": "1950-01-01", "inkomen": "1300.00", "medebewoners": [{"geboortedatum": "1995-01-01"}], "zet": KDN},
     ("toegekend", "363.44", "om_niet")),
])
def test_bijzondere_bijstand_grenzen(kw, verwacht):
    assert _bb(**kw) == verwacht


@pytest.mark.parametrize("soort, start, bedreigend, einde", [
    # vr 21-3-2025 + 28 = vr 18-4 Goede Vrijdag; za, zo, ma 21-4 tweede Paasdag -> di 22-4
    ("wgs", date(2025, 3, 21), False, date(2025, 4, 22)),
    # zo 30-3-2025 + 28 = zo 27-4 (Koningsdag is dan za 26-4) -> ma 28-4
    ("wgs", date(2025, 3, 30), False, date(2025, 4, 28)),
    # wo 16-4-2025, drie werkdagen: do 17 (1), vr 18 GV, za, zo, ma 21 Pasen, di 22 (2), wo 23 (3)
    ("wgs", date(2025, 4, 16), True, date(2025, 4, 23)),
    # wo 24-12-2025: do/vr Kerst, za, zo; ma 29 (1), di 30 (2), wo 31 (3)
    ("wgs", date(2025, 12, 24), True, date(2025, 12, 31)),
    # vr 5-12-2025 + 28 = vr 2-1-2026 (gelijkgesteld, besluit 2026-2028); za, zo -> ma 5-1-2026
    ("wgs", date(2025, 12, 5), False, date(2026, 1, 5)),
    # bezwaar: do 13-11-2025 + 42 = do 25-12 Kerst; vr 26 Kerst, za, zo -> ma 29-12
    ("bezwaar", date(2025, 11, 13), None, date(2025, 12, 29)),
    # bezwaar: do 17-4-2025 + 42 = do 29-5 Hemelvaart; vr 30-5 gelijkgesteld; za, zo -> ma 2-6
    ("bezwaar", date(2025, 4, 17), None, date(2025, 6, 2)),
    # bezwaar: do 18-1-2024 + 42 = do 29-2-2024 (schrikkeldag, gewone werkdag)
    ("bezwaar", date(2024, 1, 18), None, date(2024, 2, 29)),
])
def test_termijnen(soort, start, bedreigend, einde):
    t = wgs_eerste_gesprek(start, bedreigend) if soort == "wgs" else bezwaartermijn(start)
    assert t.einddatum == einde
