"""Bijzondere bijstand (art. 35 Pw): uitgewerkte voorbeelden, met de hand gerekend.

Gepubliceerde normen op peildatum 1 september 2025 (sora_core/data/landelijk.toml):
  alleenstaande 21-AOW 1369,06; gehuwden 21-AOW 1955,80; alleenstaande AOW 1530,21;
  gehuwden AOW 2094,98. Vermogensgrens 2025: alleenstaande 7.770; gezin 15.540.
  Kostendelersnorm: ((40% + A x 30%) / A) x gehuwdennorm.
Regionale standaard (sora_core/data/bijzondere_bijstand.toml): voet 110% van de norm, 50% van het
inkomen boven de voet, periode 12 maanden, vermogen boven de grens 100%, drempel 0, norm zonder
kostendelers. Elk bedrag wordt op hele centen afgerond (half naar boven) zodra het ontstaat.
"""

from __future__ import annotations

import copy
import importlib
import json
from decimal import Decimal

import pytest
from click.testing import CliRunner

from sora_core import hookimpl
from sora_core.beslisser import beoordeel
from sora_core.cli import sora
from sora_core.fouten import InvoerFout
from sora_core.plugins import bouw_register, laad_plugin
from sora_core.regels.kostensoorten import kern_kostensoorten

D = Decimal


# --------------------------------------------------------------------------- hulpmiddelen

def casus(gemeente="GM0399", inkomen="1700.00", geboortedatum="1985-03-15", aanvraag=None, **extra) -> dict:
    c = {
        "gemeente": gemeente,
        "peildatum": "2025-09-01",
        "aanvraagdatum": "2025-08-20",
        "aanvrager": {"geboortedatum": geboortedatum},
        "inkomen": {"netto_per_maand": inkomen},
        "aanvragen": [dict({"regeling": "bijzondere_bijstand", "kostensoort": "bewindvoering", "bedrag": "1250.00"},
                           **(aanvraag or {}))],
    }
    for k, v in extra.items():
        c[k] = copy.deepcopy(v)
    return c


def bb(c: dict, reg=None):
    besluit = beoordeel(c, reg=reg)
    assert len(besluit.beslissingen) == 1
    b = besluit.beslissingen[0]
    assert b.regeling == "bijzondere_bijstand" and b.pakket == "basis"
    return b


def teksten(b) -> str:
    return "\n".join(m.tekst for m in b.motivering)


def waarde(b, naam):
    return next(w for w in b.gebruikte_waarden if w.naam == naam)


class _TestPlugin:
    """Een testgemeente (geen echte gemeente): beleid uit een tijdelijk TOML-bestand."""

    def __init__(self, naam, cbs, pad):
        self.naam, self.cbs, self.pad = naam, cbs, pad

    @hookimpl
    def sora_gemeente(self):
        return {"naam": self.naam.capitalize(), "cbs_code": self.cbs, "versie": "0.0.1"}

    @hookimpl
    def sora_beleid(self):
        return [self.pad]


def register_met(tmp_path, **plugins):
    """Register met de opgegeven testgemeenten (naam -> (cbs, toml)) plus het echte Heiloo als buurgemeente."""
    kandidaten = []
    for naam, (cbs, toml) in plugins.items():
        pad = tmp_path / f"{naam}.toml"
        pad.write_text(toml, encoding="utf-8")
        kandidaten.append((naam, lambda o=_TestPlugin(naam, cbs, pad): o))
    kandidaten.append(("heiloo", lambda: importlib.import_module("sora_heiloo")))
    reg = bouw_register(kandidaten)
    assert not reg.fouten, reg.fouten
    return reg


# --------------------------------------------------------------------------- draagkracht (standaard)

def test_uitgewerkt_voorbeeld_inkomen_boven_de_voet_gedeeltelijke_toekenning():
    # alleenstaande van 40, peildatum 1-9-2025, norm 1369,06
    # voet = 1369,06 x 1,10 = 1505,966 -> 1505,97
    # inkomen 1700,00 -> boven de voet 1700,00 - 1505,97 = 194,03
    # draagkracht per maand 50% x 194,03 = 97,015 -> 97,02
    # per periode 12 x 97,02 = 1164,24
    # kosten 1250,00 -> bijstand 1250,00 - 1164,24 = 85,76
    b = bb(casus())
    assert (b.uitkomst, b.bedrag, b.vorm, b.bedrag_per) == ("toegekend", D("85.76"), "om_niet", "eenmalig")
    t = teksten(b)
    for deel in ("€ 1.369,06", "110% van € 1.369,06 = € 1.505,97", "€ 194,03",
                 "50% van € 194,03 = € 97,02", "12 x € 97,02 = € 1.164,24", "drempelbedrag is € 0,00",
                 "€ 1.250,00 - voorliggende voorziening € 0,00 - draagkracht € 1.164,24 - drempelbedrag € 0,00 = € 85,76"):
        assert deel in t, deel
    assert all(m.grondslag and m.bron for m in b.motivering)
    assert waarde(b, "bijzondere_bijstand.draagkracht.percentage").waarde == "0.50"
    assert waarde(b, "bijzondere_bijstand.draagkracht.percentage").bron == "kern"


def test_alleenstaande_onder_de_voet_volledige_toekenning():
    # inkomen 1450,00 < voet 1505,97 -> draagkracht 0; vermogen 2500 < 7770
    # bijstand = 1250,00 - 0 - 0 - 0 = 1250,00
    b = bb(casus(inkomen="1450.00", vermogen={"bezittingen": "2500.00"}))
    assert (b.uitkomst, b.bedrag, b.vorm) == ("toegekend", D("1250.00"), "om_niet")
    assert "50% van € 0,00 = € 0,00 per maand" in teksten(b)


def test_inkomen_precies_op_de_voet_geeft_geen_draagkracht():
    # inkomen 1505,97 = voet -> boven de voet 0 -> bijstand 1250,00
    b = bb(casus(inkomen="1505.97"))
    assert b.bedrag == D("1250.00")


def test_vermogen_boven_de_grens_telt_volledig_mee():
    # inkomen 1400,00 < voet -> draagkracht uit inkomen 0
    # vermogen 8500,00 - 200,00 = 8300,00; grens alleenstaande 2025: 7770,00 -> boven de grens 530,00
    # 100% x 530,00 = 530,00 draagkracht; bijstand 1250,00 - 530,00 = 720,00
    b = bb(casus(inkomen="1400.00", vermogen={"bezittingen": "8500.00", "schulden": "200.00"}))
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("720.00"))
    assert "boven de grens is € 530,00; daarvan telt 100% = € 530,00" in teksten(b)


def test_echtpaar_op_aow_leeftijd():
    # aanvrager 1955-01-10 (70), partner 1957-06-01 (68): beiden AOW-leeftijd -> norm gehuwden AOW 2094,98
    # voet = 2094,98 x 1,10 = 2304,478 -> 2304,48; inkomen 2500,00 -> boven de voet 195,52
    # per maand 50% x 195,52 = 97,76; per periode 12 x 97,76 = 1173,12
    # vermogen 16000,00; grens gezin 15540,00 -> 460,00 telt mee
    # draagkracht 1173,12 + 460,00 = 1633,12; kosten 2000,00 -> bijstand 366,88
    b = bb(casus(inkomen="2500.00", geboortedatum="1955-01-10",
                 partner={"geboortedatum": "1957-06-01"}, vermogen={"bezittingen": "16000.00"},
                 aanvraag={"kostensoort": "medische_kosten", "bedrag": "2000.00"}))
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("366.88"))
    t = teksten(b)
    assert "€ 2.094,98" in t and "= € 2.304,48" in t and "12 x € 97,76 = € 1.173,12" in t
    assert "€ 1.173,12 + € 460,00 = € 1.633,12" in t
    assert waarde(b, "bijstandsnorm.gehuwden_aow").waarde == "2094.98"


def test_afgewezen_als_draagkracht_de_kosten_dekt():
    # inkomen 1700,00 -> draagkracht 1164,24 (zie uitgewerkt voorbeeld); kosten 1000,00 < 1164,24
    b = bb(casus(aanvraag={"bedrag": "1000.00"}))
    assert (b.uitkomst, b.bedrag) == ("afgewezen", None)
    assert "kan worden voldaan uit de draagkracht" in teksten(b).lower()
    assert b.reden.grondslag == "art. 35 lid 1 Participatiewet"


# --------------------------------------------------------------------------- kostendelers

KOSTENDELERS = {"medebewoners": [{"geboortedatum": "1995-01-01"}, {"geboortedatum": "1990-06-01"}]}


def test_kostendelers_regionale_standaard_gebruikt_norm_zonder_kostendelers():
    # twee medebewoners van 30 en 35 (>= 27: kostendelers), maar standaard: norm 1369,06 zonder kostendelersnorm
    # voet 1505,97; inkomen 1600,00 -> boven de voet 94,03; 50% = 47,015 -> 47,02; x 12 = 564,24
    # kosten verhuiskosten 800,00 -> bijstand 800,00 - 564,24 = 235,76
    b = bb(casus(inkomen="1600.00", aanvraag={"kostensoort": "verhuiskosten", "bedrag": "800.00"}, **KOSTENDELERS))
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("235.76"))
    t = teksten(b)
    assert "norm zonder kostendelersnorm" in t and "€ 1.369,06" in t
    w = waarde(b, "bijzondere_bijstand.kostendelersnorm_toepassen")
    assert (w.waarde, w.bron) == ("nee", "kern")


def test_kostendelers_met_testgemeente_die_de_kostendelersnorm_toepast(tmp_path):
    # A = 3 kostendelers, B = 1955,80: ((0,40 + 3 x 0,30) / 3) x 1955,80 = 847,5133.. -> 847,51
    # voet = 847,51 x 1,10 = 932,261 -> 932,26; inkomen 1600,00 -> boven 667,74
    # 50% = 333,87 per maand; x 12 = 4006,44 > kosten 800,00 -> afgewezen (draagkracht)
    reg = register_met(tmp_path, kdndorp=("GM9901", """
[[norm]]
naam = "bijzondere_bijstand.kostendelersnorm_toepassen"
waarde = true
geldig_vanaf = 2025-01-01
grondslag = "Beleidsregels bijzondere bijstand Kdndorp (testgemeente), art. 2"
"""))
    c = casus(gemeente="GM9901", inkomen="1600.00", aanvraag={"kostensoort": "verhuiskosten", "bedrag": "800.00"},
              **KOSTENDELERS)
    b = bb(c, reg)
    assert b.uitkomst == "afgewezen"
    t = teksten(b)
    assert "€ 847,51" in t and "= € 932,26" in t and "12 x € 333,87 = € 4.006,44" in t
    stap = next(m for m in b.motivering if "kostendelersnorm." in m.tekst and "met de kostendelersnorm" in m.tekst)
    assert stap.bron == "kdndorp"
    # de buurgemeente Heiloo volgt de standaard en kent 235,76 toe (zie hierboven)
    assert bb(dict(c, gemeente="heiloo"), reg).bedrag == D("235.76")


# --------------------------------------------------------------------------- leeftijd

def test_aanvrager_van_19_afgewezen_wegens_onderhoudsplicht_ouders():
    # regionale standaard: de onderhoudsplicht van de ouders (art. 1:395a BW) is een middel waaruit de
    # kosten kunnen worden voldaan (art. 35 lid 1 Pw); art. 12 Pw was daar nooit de grondslag voor
    b = bb(casus(geboortedatum="2006-01-01"))
    assert b.uitkomst == "afgewezen"
    assert "onderhoudsplichtig" in teksten(b)
    assert "art. 35 lid 1 Participatiewet" in b.reden.grondslag and "1:395a" in b.reden.grondslag
    assert not any("art. 12" in m.grondslag for m in b.motivering)


def test_aanvrager_van_19_in_gemeente_die_jongeren_toelaat_rekent_met_jongerennorm(tmp_path):
    # 1 september 2025: jongerennorm alleenstaande 18-20 (art. 20 lid 1 onder a) 337,98 (Normenbrief 1-1-2026,
    # kolom 1 juli 2025). Voet 110% x 337,98 = 371,778 -> 371,78; inkomen 400,00 - 371,78 = 28,22;
    # 50% = 14,11 per maand; x 12 = 169,32. Bewindvoering 1250,00 - 169,32 = 1080,68.
    reg = register_met(tmp_path, jongdorp=("GM9902", """
[[norm]]
naam = "bijzondere_bijstand.jongeren_18_20_toestaan"
waarde = true
geldig_vanaf = 2025-01-01
grondslag = "Beleidsregels bijzondere bijstand Jongdorp (testgemeente), art. 3"
"""))
    b = bb(casus(gemeente="jongdorp", geboortedatum="2006-01-01", inkomen="400.00"), reg)
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("1080.68"))
    assert any(m.bron == "jongdorp" for m in b.motivering)
    assert any("art. 20 lid 1 onder a" in m.grondslag for m in b.motivering)


def test_minderjarige_aanvrager_afgewezen():
    b = bb(casus(geboortedatum="2010-01-01"))
    assert b.uitkomst == "afgewezen"
    assert "minderjarige" in teksten(b) and "1:404" in b.reden.grondslag


# --------------------------------------------------------------------------- vorm, voorliggend, tijdigheid, woonplaats

def test_duurzame_gebruiksgoederen_als_lening():
    # inkomen 1450,00 < voet -> draagkracht 0 -> bijstand 600,00 als lening
    b = bb(casus(inkomen="1450.00", aanvraag={"kostensoort": "duurzame_gebruiksgoederen", "bedrag": "600.00"}))
    assert (b.uitkomst, b.bedrag, b.vorm) == ("toegekend", D("600.00"), "lening")
    assert "art. 51" in b.reden.grondslag


def test_voorliggende_voorziening_dekt_alles():
    b = bb(casus(aanvraag={"kostensoort": "medische_kosten", "bedrag": "400.00", "voorliggend": "400.00"}))
    assert b.uitkomst == "afgewezen"
    assert "voorliggende voorziening" in teksten(b).lower()
    assert b.reden.grondslag == "art. 15 lid 1 Participatiewet"


def test_voorliggende_voorziening_gedeeltelijk():
    # inkomen 1450,00 -> draagkracht 0; 1250,00 - 250,00 = 1000,00
    b = bb(casus(inkomen="1450.00", aanvraag={"voorliggend": "250.00"}))
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("1000.00"))


def test_te_laat_gevraagd_standaard_vooraf_aanvragen():
    # kosten op 1-5-2025, aanvraag op 20-8-2025; standaardtermijn 0 maanden (art. 44 lid 1 Pw)
    b = bb(casus(aanvraag={"kostendatum": "2025-05-01"}))
    assert b.uitkomst == "afgewezen"
    assert "te laat" in teksten(b)
    assert "art. 44 lid 1 Participatiewet" in b.reden.grondslag


def test_kosten_na_de_aanvraag_zijn_op_tijd():
    b = bb(casus(aanvraag={"kostendatum": "2025-08-25"}))
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("85.76"))


def test_achteraf_termijn_van_een_gemeente(tmp_path):
    # termijn 3 maanden: kosten 1-6-2025 -> uiterlijk 1-9-2025 >= aanvraag 20-8-2025: op tijd
    #                    kosten 1-5-2025 -> uiterlijk 1-8-2025 <  aanvraag 20-8-2025: te laat
    reg = register_met(tmp_path, termijndorp=("GM9903", """
[[norm]]
naam = "bijzondere_bijstand.kostensoort.bewindvoering.achteraf_termijn"
waarde = 3
geldig_vanaf = 2025-01-01
grondslag = "Beleidsregels bijzondere bijstand Termijndorp (testgemeente), art. 4"
"""))
    op_tijd = bb(casus(gemeente="termijndorp", aanvraag={"kostendatum": "2025-06-01"}), reg)
    assert (op_tijd.uitkomst, op_tijd.bedrag) == ("toegekend", D("85.76"))
    te_laat = bb(casus(gemeente="termijndorp", aanvraag={"kostendatum": "2025-05-01"}), reg)
    assert te_laat.uitkomst == "afgewezen" and "1 augustus 2025" in teksten(te_laat)
    assert te_laat.reden.bron == "termijndorp"


def test_niet_woonachtig_in_de_gemeente():
    b = bb(casus(aanvrager={"geboortedatum": "1985-03-15", "woonachtig_in_gemeente": False}))
    assert b.uitkomst == "afgewezen"
    assert "niet woonachtig" in teksten(b)
    assert b.reden.grondslag == "art. 40 lid 1 Participatiewet"


def test_overig_zonder_vastgestelde_noodzaak_naar_consulent_en_met_noodzaak_beslist():
    b = bb(casus(aanvraag={"kostensoort": "overig", "omschrijving": "Bril"}))
    assert b.uitkomst == "doorverwezen"
    b = bb(casus(aanvraag={"kostensoort": "overig", "omschrijving": "Bril", "noodzakelijk": True}))
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("85.76"))


def test_niet_noodzakelijke_kosten_afgewezen():
    b = bb(casus(aanvraag={"noodzakelijk": False}))
    assert b.uitkomst == "afgewezen" and "niet noodzakelijk" in teksten(b)


# --------------------------------------------------------------------------- gemeentelijke keuzes

def test_gemeente_met_ander_percentage_beslist_anders_dan_de_buurgemeente(tmp_path):
    # Testdorp (geen echte gemeente) kiest 35% in plaats van 50%.
    # boven de voet 194,03 (uitgewerkt voorbeeld); 35% x 194,03 = 67,9105 -> 67,91; x 12 = 814,92
    # bijstand 1250,00 - 814,92 = 435,08; buurgemeente Heiloo (standaard): 85,76
    reg = register_met(tmp_path, testdorp=("GM9904", """
[[norm]]
naam = "bijzondere_bijstand.draagkracht.percentage"
waarde = "0.35"
geldig_vanaf = 2025-01-01
grondslag = "Beleidsregels bijzondere bijstand Testdorp (testgemeente), art. 6"
"""))
    test = bb(casus(gemeente="testdorp"), reg)
    buur = bb(casus(gemeente="heiloo"), reg)
    assert (test.uitkomst, test.bedrag) == ("toegekend", D("435.08"))
    assert (buur.uitkomst, buur.bedrag) == ("toegekend", D("85.76"))
    stap = next(m for m in test.motivering if "35% van € 194,03 = € 67,91" in m.tekst)
    assert stap.bron == "testdorp" and "Testdorp" in stap.grondslag
    assert "12 x € 67,91 = € 814,92" in teksten(test)
    w = waarde(test, "bijzondere_bijstand.draagkracht.percentage")
    assert (w.waarde, w.bron) == ("0.35", "testdorp")


def test_staffel_in_plaats_van_percentage(tmp_path):
    # schijven: 10% vanaf 110%, 50% vanaf 130%, 100% vanaf 150% van de norm 1369,06
    # grenzen: 1505,97 (voet); 1369,06 x 1,30 = 1779,778 -> 1779,78; x 1,50 = 2053,59
    # inkomen 2200,00: 10% x (1779,78 - 1505,97 = 273,81) = 27,381
    #                  50% x (2053,59 - 1779,78 = 273,81) = 136,905
    #                 100% x (2200,00 - 2053,59 = 146,41) = 146,41
    # som 310,696 -> 310,70 per maand; x 12 = 3728,40; kosten 4000,00 -> bijstand 271,60
    reg = register_met(tmp_path, staffeldorp=("GM9905", """
[[norm]]
naam = "bijzondere_bijstand.draagkracht.staffel"
waarde = [{vanaf = "1.10", percentage = "0.10"}, {vanaf = "1.30", percentage = "0.50"}, {vanaf = "1.50", percentage = "1.00"}]
geldig_vanaf = 2025-01-01
grondslag = "Beleidsregels bijzondere bijstand Staffeldorp (testgemeente), art. 7"
"""))
    b = bb(casus(gemeente="staffeldorp", inkomen="2200.00", aanvraag={"bedrag": "4000.00"}), reg)
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("271.60"))
    assert "= € 310,70 per maand" in teksten(b) and "12 x € 310,70 = € 3.728,40" in teksten(b)


def test_drempelbedrag_begrensd_op_wettelijk_maximum(tmp_path):
    # drempel 250,00 gekozen, wettelijk maximum 2025: 170,00 (art. 35 lid 2 Pw)
    # inkomen 1450,00 -> draagkracht 0; 1250,00 - 170,00 = 1080,00
    # kosten 100,00 -> 100,00 - 0 - 170,00 < 0 -> afgewezen (binnen het drempelbedrag)
    reg = register_met(tmp_path, drempeldorp=("GM9906", """
[[norm]]
naam = "bijzondere_bijstand.drempelbedrag"
waarde = "250.00"
geldig_vanaf = 2025-01-01
grondslag = "Beleidsregels bijzondere bijstand Drempeldorp (testgemeente), art. 8"
"""))
    b = bb(casus(gemeente="drempeldorp", inkomen="1450.00"), reg)
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("1080.00"))
    assert "wettelijke maximum van € 170,00" in teksten(b)
    b = bb(casus(gemeente="drempeldorp", inkomen="1450.00", aanvraag={"bedrag": "100.00"}), reg)
    assert b.uitkomst == "afgewezen" and "binnen het drempelbedrag" in teksten(b)


def test_lokale_kostensoort_met_maximum(tmp_path):
    # inkomen 1450,00 -> draagkracht 0; kosten 200,00 boven het maximum 150,00 -> bijstand 150,00
    reg = register_met(tmp_path, lokaaldorp=("GM9907", """
[[kostensoort]]
sleutel = "lokaaldorp.schoolreis"
naam = "Schoolreis"
omschrijving = "Kosten van een verplichte schoolreis."
grondslag = "Beleidsregels bijzondere bijstand Lokaaldorp (testgemeente), art. 9"
geldig_vanaf = 2025-01-01
vorm = "om_niet"
maximum = "150.00"
"""))
    c = casus(gemeente="lokaaldorp", inkomen="1450.00", aanvraag={"kostensoort": "lokaaldorp.schoolreis", "bedrag": "200.00"})
    b = bb(c, reg)
    assert (b.uitkomst, b.bedrag, b.vorm) == ("toegekend", D("150.00"), "om_niet")
    assert any(m.bron == "lokaaldorp" and "€ 150,00" in m.tekst for m in b.motivering)
    # bij de buurgemeente bestaat die kostensoort niet
    with pytest.raises(InvoerFout) as e:
        beoordeel(dict(c, gemeente="heiloo"), reg=reg)
    assert e.value.fouten()[0].veld == "aanvragen[0].kostensoort"


def test_lokale_kostensoort_moet_eigen_sleutel_hebben(tmp_path):
    pad = tmp_path / "fout.toml"
    pad.write_text('[[kostensoort]]\nsleutel = "bewindvoering"\nnaam = "x"\nomschrijving = "x"\n'
                   'grondslag = "x"\ngeldig_vanaf = 2025-01-01\nvorm = "om_niet"\n', encoding="utf-8")
    with pytest.raises(Exception) as e:
        laad_plugin("foutdorp", _TestPlugin("foutdorp", "GM9908", pad))
    assert "foutdorp." in str(e.value)


# --------------------------------------------------------------------------- invoer en catalogus

def test_onbekende_kostensoort_en_ontbrekend_bedrag_samen_gemeld():
    c = casus()
    c["aanvragen"] = [{"regeling": "bijzondere_bijstand", "kostensoort": "vakantie", "bedrag": "10.00"},
                      {"regeling": "bijzondere_bijstand", "kostensoort": "bewindvoering"}]
    with pytest.raises(InvoerFout) as e:
        beoordeel(c)
    velden = [f.veld for f in e.value.fouten()]
    assert velden == ["aanvragen[0].kostensoort", "aanvragen[1].bedrag"]
    assert "vakantie" in e.value.fouten()[0].melding and "bewindvoering" in e.value.fouten()[0].melding


def test_catalogus_van_de_kern():
    ks = kern_kostensoorten()
    for k in ("bewindvoering", "eigen_risico_zorg", "duurzame_gebruiksgoederen", "verhuiskosten", "woninginrichting",
              "medische_kosten", "reiskosten_bezoek", "uitvaartkosten", "legeskosten_verblijf",
              "kinderopvang_sociaal_medisch", "overig"):
        assert k in ks and ks[k].grondslag
    from sora_core.parameters import kern_definities

    d = kern_definities()
    leningen = {k for k in ks if d[f"bijzondere_bijstand.kostensoort.{k}.vorm"].waarden[0].waarde == "lening"}
    assert leningen == {"duurzame_gebruiksgoederen", "woninginrichting", "waarborgsom"}
    # geen maximum zonder bron: de kern zet er geen enkele
    assert all(not d[f"bijzondere_bijstand.kostensoort.{k}.maximum"].waarden for k in ks)


def test_alle_zes_gemeenten_volgen_de_standaard_nog_te_bevestigen():
    for g in ("GM0361", "GM0373", "GM0383", "GM1980", "GM0399", "GM0450"):
        besluit = beoordeel(casus(gemeente=g))
        assert besluit.beslissingen[0].bedrag == D("85.76")
        assert any("bijzondere_bijstand.draagkracht.percentage" in w for w in besluit.waarschuwingen), g


# --------------------------------------------------------------------------- CLI

def test_cli_beoordeel_toont_elke_rekenstap_met_grondslag_en_bron(tmp_path):
    pad = tmp_path / "casus.json"
    pad.write_text(json.dumps(casus(gemeente="GM0373")), encoding="utf-8")
    r = CliRunner().invoke(sora, ["beoordeel", str(pad)])
    assert r.exit_code == 0, r.output
    out = r.output
    assert "Bijzondere bijstand [basispakket]: TOEGEKEND, € 85,76 eenmalig" in out
    for stap in ("De bijstandsnorm voor alleenstaande van 21 jaar tot de AOW-leeftijd is op 1 september 2025 € 1.369,06",
                 "De draagkrachtvrije voet is 110% van € 1.369,06 = € 1.505,97 per maand.",
                 "het inkomen boven de draagkrachtvrije voet is € 194,03 per maand",
                 "De draagkracht is 50% van € 194,03 = € 97,02 per maand.",
                 "Over de draagkrachtperiode van 12 maanden is de draagkracht 12 x € 97,02 = € 1.164,24.",
                 "Het drempelbedrag is € 0,00.",
                 "= € 85,76."):
        assert stap in out, stap
    regels = out.splitlines()
    i = next(n for n, x in enumerate(regels) if "De draagkrachtvrije voet" in x)
    assert regels[i + 1].strip().startswith("grondslag: art. 35 lid 1 Participatiewet") and "bron: kern" in regels[i + 1]

    r = CliRunner().invoke(sora, ["beoordeel", str(pad), "--json"])
    assert r.exit_code == 0
    doc = json.loads(r.output)
    bes = doc["beslissingen"][0]
    assert (bes["uitkomst"], bes["bedrag"], bes["vorm"]) == ("toegekend", "85.76", "om_niet")
    assert all(m["grondslag"] and m["bron"] for m in bes["motivering"])


def test_cli_fout_voor_ontbrekend_bedrag(tmp_path):
    c = casus()
    del c["aanvragen"][0]["bedrag"]
    pad = tmp_path / "casus.json"
    pad.write_text(json.dumps(c), encoding="utf-8")
    r = CliRunner().invoke(sora, ["beoordeel", str(pad), "--json"])
    assert r.exit_code == 2
    assert json.loads(r.output)["fouten"][0]["veld"] == "aanvragen[0].bedrag"


@pytest.mark.parametrize("bestand, bedrag, vorm", [
    # inkomen 1450,00 < voet 1505,97 -> volledige toekenning 1250,00
    ("bijzondere-bijstand-bergen-bewindvoering.toml", "1250.00", "om_niet"),
    # inkomen 1480,00 < voet 1505,97 -> 549,00, duurzame gebruiksgoederen als lening
    ("bijzondere-bijstand-alkmaar-wasmachine-lening.toml", "549.00", "lening"),
    # uitgewerkt voorbeeld: 1250,00 - 1164,24 = 85,76
    ("bijzondere-bijstand-heiloo-draagkracht.toml", "85.76", "om_niet"),
])
def test_voorbeeldcasussen(bestand, bedrag, vorm):
    from pathlib import Path

    from sora_core.invoer import laad_casus

    pad = Path(__file__).parent.parent / "voorbeelden" / bestand
    b = beoordeel(laad_casus(pad)).beslissingen[0]
    assert (b.uitkomst, b.bedrag, b.vorm) == ("toegekend", D(bedrag), vorm)


def test_twee_aanvragen_gebruiken_de_draagkracht_maar_een_keer():
    # draagkracht 1164,24 (uitgewerkt voorbeeld)
    # aanvraag 1: 1000,00 -> geheel uit de draagkracht (afgewezen); verbruikt 1000,00
    # aanvraag 2: 1250,00 -> resterende draagkracht 1164,24 - 1000,00 = 164,24 -> bijstand 1085,76
    c = casus()
    c["aanvragen"] = [{"regeling": "bijzondere_bijstand", "kostensoort": "medische_kosten", "bedrag": "1000.00"},
                      {"regeling": "bijzondere_bijstand", "kostensoort": "bewindvoering", "bedrag": "1250.00"}]
    een, twee = beoordeel(c).beslissingen
    assert een.uitkomst == "afgewezen"
    assert (twee.uitkomst, twee.bedrag) == ("toegekend", D("1085.76"))
    assert "resteert € 164,24" in teksten(twee)


# --------------------------------------------------------------------------- eigenschappen

from hypothesis import given, settings, strategies as st  # noqa: E402

_bedrag = st.integers(min_value=0, max_value=1_000_000).map(lambda c: D(c) / 100)


@settings(max_examples=60, deadline=None)
@given(inkomen=_bedrag, kosten=_bedrag.filter(lambda b: b > 0), bezit=_bedrag, extra=_bedrag)
def test_bijstand_tussen_nul_en_de_kosten_en_daalt_met_het_inkomen(inkomen, kosten, bezit, extra):
    def bijstand(ink):
        b = bb(casus(inkomen=f"{ink:.2f}", vermogen={"bezittingen": f"{bezit:.2f}"},
                     aanvraag={"bedrag": f"{kosten:.2f}"}))
        assert b.uitkomst in ("toegekend", "afgewezen")
        return b.bedrag if b.uitkomst == "toegekend" else D("0.00")

    laag, hoog = bijstand(inkomen), bijstand(inkomen + extra)
    assert D("0") <= hoog <= laag <= kosten
    assert laag == laag.quantize(D("0.01"))


def test_voorliggend_boven_het_maximum_is_afwijzing_wegens_voorliggende_voorziening(tmp_path):
    # maximum 150,00; kosten 200,00; voorliggend 160,00 >= 150,00 -> afgewezen (art. 15), niet wegens draagkracht
    reg = register_met(tmp_path, maxdorp=("GM9909", """
[[norm]]
naam = "bijzondere_bijstand.kostensoort.reiskosten_bezoek.maximum"
waarde = "150.00"
geldig_vanaf = 2025-01-01
grondslag = "Beleidsregels bijzondere bijstand Maxdorp (testgemeente), art. 10"
"""))
    b = bb(casus(gemeente="maxdorp", inkomen="1450.00",
                 aanvraag={"kostensoort": "reiskosten_bezoek", "bedrag": "200.00", "voorliggend": "160.00"}), reg)
    assert b.uitkomst == "afgewezen"
    assert b.reden.grondslag == "art. 15 lid 1 Participatiewet"
    # zonder voorliggende voorziening: 150,00 (het maximum); de stap noemt de gemeente als bron
    b = bb(casus(gemeente="maxdorp", inkomen="1450.00", aanvraag={"kostensoort": "reiskosten_bezoek", "bedrag": "200.00"}), reg)
    assert b.bedrag == D("150.00")
    assert any(m.bron == "maxdorp" and "ten hoogste € 150,00" in m.tekst for m in b.motivering)


# --------------------------------------------------------------------------- eigen woning (art. 35 lid 1 Pw)
# Art. 35 lid 1 Pw: bij de draagkracht voor bijzondere bijstand zijn art. 31 lid 2 en art. 34 lid 2
# niet van toepassing. Standaard (open norm draagkracht.woningvrijlating = nee) telt dus de hele
# overwaarde van de eigen woning als vermogen; een gemeente kan de vrijlating van art. 34 lid 2
# onder d met een beleidsregel toch toepassen. 2026: vermogensgrens alleenstaande 8.000,00,
# vrijlating woninggebonden vermogen 67.500,00 (art. 34 lid 2 onder d en lid 3 onder a Pw, tekst
# 1-1-2026). Inkomen 1.000,00 ligt ruim onder de voet (110% van de norm): draagkracht uit inkomen 0.

def _woning(overwaarde, bezittingen="1000.00", schulden="0.00", gemeente="GM0399"):
    return casus(gemeente=gemeente, inkomen="1000.00",
                 vermogen={"bezittingen": bezittingen, "schulden": schulden, "eigen_woning_overwaarde": overwaarde},
                 peildatum="2026-09-01", aanvraagdatum="2026-08-20")


def test_overwaarde_telt_bij_bijzondere_bijstand_helemaal_mee():
    # vermogen = 1.000 + 7.500 - 0 = 8.500 (geen vrijlating); boven de grens 8.500 - 8.000 = 500,00
    # draagkracht 100% x 500,00 = 500,00; bijstand 1.250,00 - 500,00 = 750,00
    b = bb(_woning("7500.00"))
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("750.00"))
    stap = next(m for m in b.motivering if "overwaarde van de eigen woning is € 7.500,00" in m.tekst)
    assert "telt helemaal mee" in stap.tekst and "art. 35 lid 1" in stap.grondslag and stap.bron == "kern"
    assert "boven de grens is € 500,00; daarvan telt 100% = € 500,00" in teksten(b)
    assert waarde(b, "bijzondere_bijstand.draagkracht.woningvrijlating").waarde == "nee"
    # de vrijlating van art. 34 lid 2 onder d wordt niet eens gebruikt
    assert "vermogen.woninggebonden_vrijlating" not in {w.naam for w in b.gebruikte_waarden}


def test_schulden_gaan_af_van_de_hele_overwaarde_bij_bijzondere_bijstand():
    # 0 + 10.600 - 2.000 = 8.600; boven 8.000: 600,00; bijstand 1.250,00 - 600,00 = 650,00
    b = bb(_woning("10600.00", bezittingen="0.00", schulden="2000.00"))
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("650.00"))
    assert ("bezittingen € 0,00 + overwaarde € 10.600,00 - schulden € 2.000,00 = € 8.600,00 (niet minder dan nul)"
            in teksten(b))
    # 1.000 + 9.250 = 10.250: 2.250 boven de grens >= 1.250 kosten: afgewezen
    assert bb(_woning("9250.00")).uitkomst == "afgewezen"
    # zonder overwaarde geen keuze nodig: de open norm staat niet bij de gebruikte waarden
    zonder = bb(_woning("0.00"))
    assert zonder.bedrag == D("1250.00")
    assert "bijzondere_bijstand.draagkracht.woningvrijlating" not in {w.naam for w in zonder.gebruikte_waarden}


def test_inkomenstoeslag_houdt_de_woningvrijlating_van_artikel_34():
    # art. 36 Pw toetst het vermogen van art. 34 zelf: 1.000 + 7.500 - vrijlating 7.500 = 1.000 <= 8.000
    c = _woning("7500.00")
    c["aanvragen"] = [{"regeling": "individuele_inkomenstoeslag"}]
    c["inkomen"]["laag_sinds"] = "2020-01-01"
    [x] = beoordeel(c).beslissingen
    assert x.uitkomst == "toegekend"
    assert any("daarvan blijft € 7.500,00 buiten beschouwing" in m.tekst for m in x.motivering)


def test_gemeente_die_de_woningvrijlating_toepast_bij_bijzondere_bijstand(tmp_path):
    # testgemeente kiest ja: 7.500 overwaarde valt helemaal onder de vrijlating (67.500);
    # vermogen 1.000 <= 8.000: geen draagkracht, bijstand 1.250,00; buurgemeente Heiloo (standaard) 750,00
    reg = register_met(tmp_path, woondorp=("GM9902", """
[[norm]]
naam = "bijzondere_bijstand.draagkracht.woningvrijlating"
waarde = true
geldig_vanaf = 2026-01-01
grondslag = "Beleidsregels bijzondere bijstand Woondorp (testgemeente), art. 7"
"""))
    b = bb(_woning("7500.00", gemeente="GM9902"), reg)
    assert (b.uitkomst, b.bedrag) == ("toegekend", D("1250.00"))
    stap = next(m for m in b.motivering if "overwaarde van de eigen woning" in m.tekst)
    assert "daarvan blijft € 7.500,00 buiten beschouwing en telt € 0,00 mee" in stap.tekst
    assert "art. 34 lid 2 onder d" in stap.grondslag and "Woondorp" in stap.grondslag and stap.bron == "woondorp"
    # 70.000 overwaarde: 70.000 - 67.500 = 2.500 telt; 1.000 + 2.500 = 3.500 <= 8.000: nog steeds 1.250,00
    assert bb(_woning("70000.00", gemeente="GM9902"), reg).bedrag == D("1250.00")
    # 75.000: 7.500 + 1.000 = 8.500: 500 boven de grens -> 750,00
    assert bb(_woning("75000.00", gemeente="GM9902"), reg).bedrag == D("750.00")
    assert bb(_woning("7500.00", gemeente="heiloo"), reg).bedrag == D("750.00")


# --------------------------------------------------------------------------- vaste stappen (uitleg.VasteStappen)

def _stap(b, begin: str) -> object:
    return next(m for m in b.motivering if m.tekst.startswith(begin))


def test_vaste_stappen_kloppen_om_en_om_over_peildatum_huishouden_en_gemeente():
    """De stappen van de norm, de draagkrachtvrije voet, het drempelbedrag en de vorm worden per beleid
    en soort huishouden één keer gemaakt en daarna hergebruikt. Om en om beslist (andere peildatum,
    partner, gemeente) moet elke tekst blijven kloppen: normen uit de SZW-tabellen (domein), voet =
    110% van de norm, met de hand afgerond op centen."""
    partner = {"geboortedatum": "1986-06-01"}
    gevallen = [
        # (peildatum, partner?, norm, voet): alleenstaande 21 a en gehuwden 21 b, 1-1-2025 en 1-7-2025
        ("2025-09-01", False, "De bijstandsnorm voor alleenstaande van 21 jaar tot de AOW-leeftijd is op "
                              "1 september 2025 € 1.369,06 per maand.",
         "De draagkrachtvrije voet is 110% van € 1.369,06 = € 1.505,97 per maand."),  # 1505,966
        ("2025-03-01", False, "De bijstandsnorm voor alleenstaande van 21 jaar tot de AOW-leeftijd is op "
                              "1 maart 2025 € 1.345,45 per maand.",
         "De draagkrachtvrije voet is 110% van € 1.345,45 = € 1.480,00 per maand."),  # 1479,995
        # dezelfde norm (1-1-2025), een andere peildatum in de tekst
        ("2025-04-01", False, "De bijstandsnorm voor alleenstaande van 21 jaar tot de AOW-leeftijd is op "
                              "1 april 2025 € 1.345,45 per maand.",
         "De draagkrachtvrije voet is 110% van € 1.345,45 = € 1.480,00 per maand."),
        ("2025-09-01", True, "De bijstandsnorm voor gehuwden of samenwonenden van 21 jaar tot de AOW-leeftijd is op "
                             "1 september 2025 € 1.955,80 per maand.",
         "De draagkrachtvrije voet is 110% van € 1.955,80 = € 2.151,38 per maand."),  # 2151,38
        ("2025-03-01", True, "De bijstandsnorm voor gehuwden of samenwonenden van 21 jaar tot de AOW-leeftijd is op "
                             "1 maart 2025 € 1.922,07 per maand.",
         "De draagkrachtvrije voet is 110% van € 1.922,07 = € 2.114,28 per maand."),  # 2114,277
    ]
    eerder = {}
    for ronde in range(3):
        for gemeente in ("GM0399", "GM0373"):
            for peil, met_partner, norm, voet in gevallen:
                extra = {"partner": partner} if met_partner else {}
                # inkomen onder elke voet hieronder: geen draagkracht, de kosten worden vergoed
                c = casus(gemeente=gemeente, inkomen="1400.00", aanvraag={"kostensoort": "medische_kosten"}, **extra)
                c["peildatum"], c["aanvraagdatum"] = peil, peil
                b = bb(c)
                assert (b.uitkomst, b.bedrag) == ("toegekend", D("1250.00")), b.motivering
                stappen = (_stap(b, "De bijstandsnorm"), _stap(b, "De draagkrachtvrije voet"),
                           _stap(b, "Het drempelbedrag"), _stap(b, "De bijzondere bijstand voor"),
                           _stap(b, "De draagkracht is"), _stap(b, "Over de draagkrachtperiode"))
                assert [m.tekst for m in stappen] == [
                    norm, voet, "Het drempelbedrag is € 0,00.",
                    "De bijzondere bijstand voor 'Medische kosten' wordt om niet verleend.",
                    # inkomen 1.400 onder de voet: geen draagkracht
                    "De draagkracht is 50% van € 0,00 = € 0,00 per maand.",
                    "Over de draagkrachtperiode van 12 maanden is de draagkracht 12 x € 0,00 = € 0,00."]
                assert stappen[0].grondslag == ("art. 21 onder b Participatiewet" if met_partner
                                                else "art. 21 onder a Participatiewet")
                assert stappen[1].grondslag.startswith("art. 35 lid 1 Participatiewet")
                assert stappen[2].grondslag == "art. 35 lid 2 Participatiewet"
                assert all(m.bron == "kern" for m in stappen)
                sleutel = (ronde > 0, gemeente, peil, met_partner)
                if ronde > 0:  # hergebruikt: dezelfde objecten als in de eerste ronde
                    assert all(a is b for a, b in zip(stappen, eerder[(False, gemeente, peil, met_partner)]))
                eerder[sleutel] = stappen


def test_vaste_stappen_houden_de_objecten_van_hun_sleutels_vast_en_blijven_begrensd():
    """Een sleutel noemt objecten op id(); de tabel houdt die objecten vast, zodat geen ander object dat
    id() kan krijgen zolang de stap bewaard is. Een gelijk maar ander object heeft een ander id() en
    vindt de stap dus niet."""
    import gc
    import weakref

    from sora_core.uitleg import VasteStappen

    class Obj:  # een object dat we kunnen volgen
        pass

    t = VasteStappen(maximum=8)
    a, b = Obj(), Obj()
    m = t.maak(("voet", id(a)), a, None, "tekst", "art. 1", "kern")
    assert t.zoek(("voet", id(a))) is m
    assert t.zoek(("voet", id(b))) is None  # een ander levend object: een ander id(), geen stap
    ref = weakref.ref(a)
    del a
    gc.collect()
    assert ref() is not None  # vastgehouden door de tabel: zijn id() wordt niet hergebruikt
    for i in range(t.maximum + 3):
        t.maak((i,), None, None, f"stap {i}", "art. 1", "kern")
    assert len(t._tabel) <= t.maximum
    gc.collect()
    assert ref() is None  # bij het leegmaken zijn stap en object samen losgelaten
    t.leeg()
    assert t.zoek((0,)) is None and not t._tabel


def test_vaste_stappen_naast_stappen_met_bedragen_van_de_casus():
    """Om en om een inkomen onder en boven de voet (1-9-2025, alleenstaande: voet € 1.505,97): de
    stappen zonder draagkracht komen uit de tabel, die met draagkracht noemen de bedragen van de casus.
    Met de hand: 1.700,00 - 1.505,97 = 194,03; 50% = 97,015 -> 97,02; x 12 = 1.164,24."""
    for _ in range(3):
        for inkomen, per_maand, per_periode in (
                ("1400.00", "De draagkracht is 50% van € 0,00 = € 0,00 per maand.",
                 "Over de draagkrachtperiode van 12 maanden is de draagkracht 12 x € 0,00 = € 0,00."),
                ("1700.00", "De draagkracht is 50% van € 194,03 = € 97,02 per maand.",
                 "Over de draagkrachtperiode van 12 maanden is de draagkracht 12 x € 97,02 = € 1.164,24.")):
            b = bb(casus(inkomen=inkomen))
            assert _stap(b, "De draagkracht is").tekst == per_maand
            assert _stap(b, "Over de draagkrachtperiode").tekst == per_periode
