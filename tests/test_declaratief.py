"""Tests voor de declaratieve vorm van regelingen (sora_core/regels/declaratief.py).

Een nieuwe pluspakketregeling komt er alleen door TOML: elke test schrijft een beleid.toml in
een tijdelijke map en laadt die met ``laad_plugin`` via een klein plugin-object. Alle bedragen
hier zijn proefwaarden van een verzonnen 'Proefgemeente' (GM9999), geen beleid. Verwachte
uitkomsten zijn met de hand uitgerekend (norm alleenstaande (ouder) per 1-7-2025: 1369.06;
gehuwden 1955.80).
"""

from __future__ import annotations

import re

from decimal import Decimal

import pytest

from sora_core import hookimpl
from sora_core.beslisser import beoordeel
from sora_core.fouten import BeleidFout, PluginFout
from sora_core.plugins import Register, laad_plugin

D = Decimal
PEIL = "2025-09-01"

KOP = """
titel = "Proefbeleid"
"""


class Proefplugin:
    def __init__(self, pad):
        self.pad = pad

    @hookimpl
    def sora_gemeente(self):
        return {"naam": "Proefgemeente", "cbs_code": "GM9999", "versie": "0.0.1"}

    @hookimpl
    def sora_beleid(self):
        return [self.pad]


def laad(tmp_path, toml: str):
    pad = tmp_path / "beleid.toml"
    pad.write_text(KOP + toml, encoding="utf-8")
    return laad_plugin("proef", Proefplugin(pad))


def beslis(tmp_path, toml: str, regeling: str, **casus_kw):
    p = laad(tmp_path, toml)
    reg = Register(plugins={"proef": p}, fouten={})
    c = {
        "gemeente": "proef",
        "peildatum": casus_kw.pop("peildatum", PEIL),
        "aanvrager": {"geboortedatum": casus_kw.pop("geboren", "1980-05-01")},
        "inkomen": {"netto_per_maand": casus_kw.pop("inkomen", "1400.00")},
        "vermogen": {"bezittingen": casus_kw.pop("vermogen", "0.00")},
    }
    if "partner" in casus_kw:
        c["partner"] = {"geboortedatum": casus_kw.pop("partner")}
    if "kinderen" in casus_kw:
        c["kinderen"] = [{"geboortedatum": g} for g in casus_kw.pop("kinderen")]
    if "aanvragen" in casus_kw:
        c["aanvragen"] = casus_kw.pop("aanvragen")
    assert not casus_kw
    besluit = beoordeel(c, reg=reg)
    gevonden = [b for b in besluit.beslissingen if b.regeling == regeling]
    return gevonden[0] if gevonden else None


def tekst(b) -> str:
    return " ".join(m.tekst for m in b.motivering)


SPORTPAS = """
[[regeling]]
sleutel = "proef.sportpas"
naam = "Sportpas voor kinderen"
grondslag = "Beleidsregels Sportpas Proefgemeente 2025, art. 2"
bron = "proefgemeente.nl"
geldig_vanaf = 2025-01-01
inkomensgrens = "1.20"
  [regeling.doelgroep]
  kinderen = true
  kind_leeftijd = [4, 17]
  [regeling.bedrag]
  per = "kind"
  per_jaar = "150.00"
  maximum = "400.00"
"""


# =========================================================================== nieuwe regeling door alleen TOML

def test_nieuwe_regeling_uit_toml_snippet(tmp_path):
    # twee kinderen in de band (10 en 6) + een van 2 (niet): 2 x 150.00 = 300.00 per jaar
    b = beslis(tmp_path, SPORTPAS, "proef.sportpas", kinderen=["2015-01-01", "2019-01-01", "2023-01-01"])
    assert (b.uitkomst, b.bedrag, b.bedrag_per, b.pakket) == ("toegekend", D("300.00"), "per_jaar", "plus")
    assert all(m.bron in ("proef", "kern") for m in b.motivering)
    laatste = b.motivering[-2]  # de allerlaatste stap is de bezwaartermijn (kern)
    assert b.motivering[-1].bron == "kern" and "bezwaar" in b.motivering[-1].tekst
    assert laatste.bron == "proef" and "Beleidsregels Sportpas Proefgemeente 2025" in laatste.grondslag
    assert "2 x € 150,00 per kind" in laatste.tekst


def test_maximum_per_huishouden(tmp_path):
    # drie kinderen in de band: 3 x 150.00 = 450.00, begrensd op 400.00
    b = beslis(tmp_path, SPORTPAS, "proef.sportpas", kinderen=["2015-01-01", "2016-01-01", "2017-01-01"])
    assert b.bedrag == D("400.00") and "maximum" in tekst(b)


@pytest.mark.parametrize("inkomen, uitkomst", [("1642.87", "toegekend"), ("1642.88", "afgewezen")])
def test_inkomensgrens_declaratief(tmp_path, inkomen, uitkomst):
    # alleenstaande ouder: 120% van 1369.06 = 1642.872 -> 1642.87
    b = beslis(tmp_path, SPORTPAS, "proef.sportpas", inkomen=inkomen, kinderen=["2015-01-01"])
    assert b.uitkomst == uitkomst


@pytest.mark.parametrize("vermogen, uitkomst", [("15540.00", "toegekend"), ("15540.01", "afgewezen")])
def test_vermogenstoets_declaratief(tmp_path, vermogen, uitkomst):
    # alleenstaande ouder: vermogensgrens gezin 2025 = 15540.00
    b = beslis(tmp_path, SPORTPAS, "proef.sportpas", vermogen=vermogen, kinderen=["2015-01-01"])
    assert b.uitkomst == uitkomst


def test_zonder_vermogenstoets(tmp_path):
    toml = SPORTPAS.replace('inkomensgrens = "1.20"', 'inkomensgrens = "1.20"\nvermogenstoets = false')
    b = beslis(tmp_path, toml, "proef.sportpas", vermogen="99999.00", kinderen=["2015-01-01"])
    assert b.uitkomst == "toegekend" and "geen vermogenstoets" in tekst(b)


def test_geen_kinderen_in_de_band(tmp_path):
    b = beslis(tmp_path, SPORTPAS, "proef.sportpas", kinderen=["2023-01-01"])
    assert b.uitkomst == "niet_van_toepassing" and "4 tot en met 17" in tekst(b)


HUISHOUDEN = """
[[regeling]]
sleutel = "proef.toeslag"
naam = "Proeftoeslag"
grondslag = "Verordening proeftoeslag (CVDR000000)"
geldig_vanaf = 2025-01-01
inkomensgrens = "1.10"
  [regeling.doelgroep]
  huishouden = ["gehuwden"]
  leeftijd = [21, 66]
  [regeling.bedrag]
  per = "huishouden"
  eenmalig = "250.00"
"""


@pytest.mark.parametrize("partner, geboren, uitkomst", [
    ("1985-01-01", "1980-05-01", "toegekend"),
    (None, "1980-05-01", "niet_van_toepassing"),         # alleenstaande
    ("1985-01-01", "1958-09-01", "niet_van_toepassing"),   # aanvrager 67: buiten [21, 66]
    ("1985-01-01", "1958-09-02", "toegekend"),             # aanvrager 66
])
def test_huishoudsoort_en_leeftijdsband(tmp_path, partner, geboren, uitkomst):
    kw = {"partner": partner} if partner else {}
    # gehuwden: 110% van 1955.80 = 2151.38; inkomen 1400 ligt eronder
    b = beslis(tmp_path, HUISHOUDEN, "proef.toeslag", geboren=geboren, **kw)
    assert b.uitkomst == uitkomst
    if uitkomst == "toegekend":
        assert (b.bedrag, b.bedrag_per) == (D("250.00"), "eenmalig")


def test_per_maand_en_per_persoon(tmp_path):
    toml = """
[[regeling]]
sleutel = "proef.premie"
naam = "Premiebijdrage"
grondslag = "Beleidsregels premiebijdrage"
geldig_vanaf = 2025-01-01
  [regeling.bedrag]
  per = "persoon"
  per_maand = "12.50"
"""
    # aanvrager + partner + 1 kind = 3 personen x 12.50 = 37.50 per maand
    b = beslis(tmp_path, toml, "proef.premie", partner="1985-01-01", kinderen=["2015-01-01"])
    assert (b.bedrag, b.bedrag_per) == (D("37.50"), "per_maand")


def test_staffel_met_aow_en_periode(tmp_path):
    toml = """
[[regeling]]
sleutel = "proef.pas"
naam = "Proefpas"
grondslag = "Beleidsregels proefpas"
geldig_vanaf = 2025-01-01
  [regeling.bedrag]
  per = "persoon"
  periode = "eenmalig"
  staffel = [
    { leeftijd = [18, 130], aow = false, bedrag = "50.00" },
    { aow = true, bedrag = "75.00" },
    { leeftijd = [4, 17], bedrag = "20.00" },
  ]
"""
    # aanvrager 67 (AOW: 75.00), partner 40 (50.00), kind 10 (20.00), kind 2 (geen schijf) = 145.00 eenmalig
    b = beslis(tmp_path, toml, "proef.pas", geboren="1958-01-01", partner="1985-01-01",
               kinderen=["2015-01-01", "2023-01-01"])
    assert (b.bedrag, b.bedrag_per) == (D("145.00"), "eenmalig")


def test_werkelijke_kosten_zonder_maximum_met_aanvraag(tmp_path):
    toml = """
[[regeling]]
sleutel = "proef.fonds"
naam = "Proeffonds"
grondslag = "Beleidsregels proeffonds"
geldig_vanaf = 2025-01-01
vermogenstoets = false
  [regeling.doelgroep]
  kinderen = true
  kind_leeftijd = [0, 17]
  [regeling.bedrag]
  per = "kind"
  werkelijke_kosten = true
"""
    # opgegeven 612.40 min 100.00 voorliggend = 512.40, geen maximum
    b = beslis(tmp_path, toml, "proef.fonds", kinderen=["2015-01-01"],
               aanvragen=[{"regeling": "proef.fonds", "bedrag": "612.40", "voorliggend": "100.00"}])
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("512.40"))
    assert "geen maximum per kind" in tekst(b)
    # zonder aanvraag ("waar heb ik recht op?"): toegekend zonder bedrag
    b = beslis(tmp_path, toml, "proef.fonds", kinderen=["2015-01-01"])
    assert (b.uitkomst, b.bedrag) == ("toegekend", None)


# =========================================================================== tijdelijk: aan en uit op datum

TIJDELIJK = """
[[regeling]]
sleutel = "proef.energietoeslag"
naam = "Energietoeslag 2023"
grondslag = "Beleidsregels energietoeslag 2023"
geldig_vanaf = 2023-01-01
geldig_tot = 2023-12-31
inkomensgrens = "1.20"
  [regeling.bedrag]
  per = "huishouden"
  eenmalig = "800.00"

[[regeling]]
sleutel = "proef.energietoeslag"
naam = "Energietoeslag 2025"
grondslag = "Beleidsregels energietoeslag 2025"
geldig_vanaf = 2025-03-01
geldig_tot = 2025-09-30
inkomensgrens = "1.30"
  [regeling.bedrag]
  per = "huishouden"
  eenmalig = "400.00"
"""


@pytest.mark.parametrize("peildatum, verwacht", [
    ("2022-12-31", None),
    ("2023-01-01", "800.00"),
    ("2023-12-31", "800.00"),
    ("2024-01-01", None),
    ("2025-02-28", None),
    ("2025-03-01", "400.00"),
    ("2025-09-30", "400.00"),
    ("2025-10-01", None),
])
def test_tijdelijke_regeling_gaat_aan_en_uit(tmp_path, peildatum, verwacht):
    # inkomen 1200 ligt onder 120% van elke alleenstaandennorm 2023-2025 (laagste 1195.66 x 1.2 = 1434.79)
    b = beslis(tmp_path, TIJDELIJK, "proef.energietoeslag", peildatum=peildatum, inkomen="1200.00")
    if verwacht is None:
        assert b is None
    else:
        assert (b.uitkomst, b.bedrag) == ("toegekend", D(verwacht))


# =========================================================================== validatie: duidelijke fouten

GOED = """
[[regeling]]
sleutel = "proef.x"
naam = "X"
grondslag = "Beleidsregels X"
geldig_vanaf = 2025-01-01
"""


@pytest.mark.parametrize("wijziging, melding", [
    (('grondslag = "Beleidsregels X"\n', ''), "'grondslag' ontbreekt"),
    (('sleutel = "proef.x"', 'sleutel = "anders.x"'), "moet de vorm 'proef.<naam>' hebben"),
    (('naam = "X"', 'naam = "X"\nbedrage = 5'), "onbekende velden ['bedrage']"),
    (('geldig_vanaf = 2025-01-01', 'geldig_vanaf = 2025-01-01\ngeldig_tot = 2024-12-31'), "ligt voor geldig_vanaf"),
    (('naam = "X"', 'naam = "X"\ninkomensgrens = "120"'), "ligt buiten 0.5 tot 3"),
    (('naam = "X"', 'naam = "X"\ninkomensgrens = 1.2'), 'schrijf het getal tussen aanhalingstekens: "1.2"'),
    (('naam = "X"', 'naam = "X"\ninkomensgrens = "120%"'), 'is een percentage; schrijf het als deel: "1.2"'),
    (('naam = "X"', 'naam = "X"\nvermogenstoets = "ja"'), "'vermogenstoets' is true of false"),
    (('naam = "X"', 'naam = "X"\nvoorliggend = true'), "vraagt 'voorliggend_voor'"),
    (('naam = "X"', 'naam = "X"\nvoorliggend = true\nvoorliggend_voor = ["bijzondere_bijstand"]'),
     "vraagt 'voorliggend_voor'"),
    (('naam = "X"', 'naam = "X"\nvoorliggend_voor = ["kindregeling"]'), "kan alleen met voorliggend = true"),
])
def test_validatie_velden(tmp_path, wijziging, melding):
    oud, nieuw = wijziging
    with pytest.raises(BeleidFout) as e:
        laad(tmp_path, GOED.replace(oud, nieuw, 1))
    m = str(e.value)
    assert melding in m
    # waar: bestand, regel en tabel (de regel hangt af van het veld)
    assert re.search(r"Ongeldig beleid in proef \(beleid\.toml \[\[regeling\]\] 1[.,]", m), m
    assert re.search(r", regel \d+\): ", m), m


@pytest.mark.parametrize("sectie, melding", [
    ('[regeling.doelgroep]\nhuishouden = ["stel"]', "'stel' is geen van"),
    ('[regeling.doelgroep]\nleeftijd = [66, 18]', "doelgroep.leeftijd moet [van, tot en met] zijn"),
    ('[regeling.doelgroep]\nkind_leeftijd = [4, 17]', "kind_leeftijd vraagt ook kinderen = true"),
    ('[regeling.doelgroep]\nwoonplaats = "X"', "doelgroep: onbekende velden ['woonplaats']"),
    ('[regeling.bedrag]\nper = "gezin"\nper_jaar = "10.00"', "bedrag.per moet een van"),
    ('[regeling.bedrag]\nper = "kind"', "geef precies één van"),
    ('[regeling.bedrag]\nper = "kind"\nper_jaar = "10.00"\neenmalig = "5.00"', "(nu: per_jaar, eenmalig)"),
    ('[regeling.bedrag]\nper = "kind"\nper_jaar = "10.005"', "hoogstens twee decimalen"),
    ('[regeling.bedrag]\nper = "kind"\nper_jaar = 10.5', 'schrijf het getal tussen aanhalingstekens: "10.5"'),
    ('[regeling.bedrag]\nper = "kind"\nper_jaar = "1.234,50"', 'geen punt tussen de duizendtallen; schrijf "1234.50"'),
    ('[regeling.bedrag]\nper = "kind"\nper_jaar = "-1.00"', "niet negatief"),
    ('[regeling.bedrag]\nper = "huishouden"\nstaffel = [{aow = true, bedrag = "1.00"}]', "alleen per persoon of per kind"),
    ('[regeling.bedrag]\nper = "kind"\nstaffel = [{bedrag = "1.00"}]', "schijf 1 van de staffel"),
    ('[regeling.bedrag]\nper = "kind"\nper_jaar = "1.00"\nperiode = "per_jaar"', "periode hoort alleen bij een staffel"),
    ('[regeling.bedrag]\nper = "kind"\nwerkelijke_kosten = false', "werkelijke_kosten is true"),
])
def test_validatie_doelgroep_en_bedrag(tmp_path, sectie, melding):
    with pytest.raises(BeleidFout) as e:
        laad(tmp_path, GOED + sectie + "\n")
    m = str(e.value)
    assert melding in m, m
    assert "beleid.toml [[regeling]] 1" in m and "proef.x:" in m


def test_overlappende_versies_van_een_regeling(tmp_path):
    dubbel = GOED + GOED.replace("geldig_vanaf = 2025-01-01", "geldig_vanaf = 2025-06-01")
    with pytest.raises(BeleidFout) as e:
        laad(tmp_path, dubbel)
    assert "overlapt met de periode vanaf 2025-01-01 (zonder einddatum)" in str(e.value) and "[[regeling]] 2" in str(e.value)
    assert "geldig_tot = 2025-05-31" in str(e.value)
    # met een geldig_tot op de eerste versie is het in orde
    laad(tmp_path, dubbel.replace("geldig_vanaf = 2025-01-01", "geldig_vanaf = 2025-01-01\ngeldig_tot = 2025-05-31", 1))


def test_ongeldige_toml_noemt_het_bestand(tmp_path):
    with pytest.raises((BeleidFout, PluginFout)) as e:
        laad(tmp_path, "[[regeling]\n")
    assert "ongeldige TOML" in str(e.value)
    # KOP beslaat regel 1 (leeg) en 2 (titel): de kapotte kop staat op regel 3
    assert "ongeldige TOML op regel 3 (technische melding:" in str(e.value)


def test_de_zes_plugins_laden_zonder_fouten():
    from sora_core.plugins import register

    reg = register(opnieuw=True)
    zes = {"alkmaar", "bergen", "castricum", "dijk_en_waard", "heiloo", "uitgeest"}
    # over de zes van de regio; een andere geïnstalleerde plugin mag er ook zijn (zie test_zevende_gemeente.py)
    assert not {n: f for n, f in reg.fouten.items() if n in zes}
    assert zes <= set(reg.plugins)


def test_gemeente_vult_open_normen_van_de_kindregeling_in(tmp_path):
    """Open normen zonder regionale waarde worden met [[norm]] door de gemeente ingevuld; de
    motivering noemt dan de plugin als bron van het bedrag."""
    toml = """
[[norm]]
naam = "kindregeling.inkomensgrens"
waarde = "1.30"
geldig_vanaf = 2025-01-01
grondslag = "Beleidsregels kindregeling Proefgemeente 2025, art. 2"

[[norm]]
naam = "kindregeling.vermogenstoets"
waarde = true
geldig_vanaf = 2025-01-01
grondslag = "Beleidsregels kindregeling Proefgemeente 2025, art. 2"

[[norm]]
naam = "kindregeling.bedrag.jonger"
waarde = "90.00"
geldig_vanaf = 2025-01-01
grondslag = "Beleidsregels kindregeling Proefgemeente 2025, art. 3"

[[norm]]
naam = "kindregeling.bedrag.ouder"
waarde = "160.00"
geldig_vanaf = 2025-01-01
grondslag = "Beleidsregels kindregeling Proefgemeente 2025, art. 3"
"""
    # kinderen van 10 (90.00) en 14 (160.00) = 250.00 per jaar; inkomen 1700 onder 130% van 1369.06 = 1779.78
    b = beslis(tmp_path, toml, "kindregeling", inkomen="1700.00", kinderen=["2015-01-01", "2011-01-01"])
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("250.00"))
    # de laatste stap is de bezwaartermijn (kern); de bedragstap daarvoor noemt de plugin
    assert b.motivering[-3].bron == "proef" and "art. 3" in b.motivering[-3].grondslag
    gebruikt = {w.naam: w.bron for w in b.gebruikte_waarden}
    assert gebruikt["kindregeling.bedrag.jonger"] == "proef" and gebruikt["kindregeling.leeftijd_van"] == "kern"
    # zelfde huishouden in 2024: de normen gelden pas vanaf 2025 -> doorverwezen
    b = beslis(tmp_path, toml, "kindregeling", peildatum="2024-09-01", inkomen="1700.00", kinderen=["2015-01-01"])
    assert b.uitkomst == "doorverwezen"
