"""Eén beslissing per regeling (issue 14, "één bron voor elke regel"): de volgorde van de toetsen
van de individuele inkomenstoeslag en de bijzondere bijstand staat alleen in ``beslis_iit`` en
``beslis_bb``. De volledige regel (``beoordeel``, met motivering) en het kader van de batch roepen
die functie allebei aan, elk met een eigen bron van waarden.

Deze tests kijken naar wat die functies doen met een bron die bijhoudt wat er wordt gevraagd:
welke waarden, in welke volgorde, en dat een beslissing die vroeg stopt niets meer vraagt (de
volledige regel noteert elke gevraagde waarde als gebruikte waarde, en een ontbrekende waarde
halverwege geeft een doorverwijzing met de stappen tot dan toe).
"""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal as D

import pytest

from sora_core.beslisser import beoordeel
from sora_core.invoer import casus_uit_dict, feiten_snel
from sora_core.analyse import batch
from sora_core.regels import bijzondere_bijstand as bb
from sora_core.regels import individuele_inkomenstoeslag as iit
from sora_core.regels import kader
from sora_core.regels.kostensoorten import kern_kostensoorten
from sora_core.uitleg import OntbrekendeWaarde

PEIL = date(2025, 9, 1)


class Bron:
    """Een bron van waarden die noteert wat de beslissing vraagt (attribuut of aanroep)."""

    def __init__(self, **waarden):
        object.__setattr__(self, "gevraagd", [])
        object.__setattr__(self, "_waarden", waarden)

    def __getattr__(self, naam):
        waarden = object.__getattribute__(self, "_waarden")
        if naam not in waarden:
            raise AttributeError(naam)
        self.gevraagd.append(naam)
        w = waarden[naam]
        if isinstance(w, Exception):
            raise w
        return w


class Haken:
    """Een motivering die alleen de namen van de haken noteert."""

    def __init__(self):
        self.haken = []

    def __getattr__(self, naam):
        def haak(*args):
            self.haken.append(naam)
        return haak


def _iit_bron(**anders):
    w = dict(referteperiode=36, inkomensgrens=D("1642.87"), vermogensgrens=D("7770.00"), bedrag=D("450.00"),
             vermogen=lambda: D("100.00"))
    w.update(anders)
    return Bron(**w)


def _iit(w, m=None, leeftijd=40, aow=False, laag_sinds=date(2020, 1, 1), netto=D("1500.00"), ver=D("100.00"),
         uitzicht=False, laatste=None):
    return iit.beslis_iit(w, m, leeftijd, aow, laag_sinds, PEIL, netto, ver, uitzicht, laatste)


# --------------------------------------------------------------------------- inkomenstoeslag

def test_iit_te_jong_of_aow_vraagt_geen_enkele_waarde():
    for leeftijd, aow in ((20, False), (70, True)):
        w, m = _iit_bron(), Haken()
        assert _iit(w, m, leeftijd=leeftijd, aow=aow) == ("afgewezen", None)
        assert w.gevraagd == []
        assert m.haken == (["te_jong"] if leeftijd < 21 else ["aow"])


def test_iit_toegekend_vraagt_de_waarden_in_de_volgorde_van_de_voorwaarden():
    w, m = _iit_bron(), Haken()
    assert _iit(w, m) == ("toegekend", D("450.00"))
    # het vermogen kent de aanroeper hier al (zoals het kader): dan wordt het niet gevraagd
    assert w.gevraagd == ["referteperiode", "inkomensgrens", "vermogensgrens", "bedrag"]
    assert m.haken == ["leeftijd", "referte", "inkomen", "vermogen_tot_uitkomst", "toegekend"]


def test_iit_vraagt_het_vermogen_als_de_aanroeper_het_niet_kent():
    w = _iit_bron()
    assert _iit(w, ver=None) == ("toegekend", D("450.00"))
    assert w.gevraagd == ["referteperiode", "inkomensgrens", "vermogensgrens", "vermogen", "bedrag"]
    w = _iit_bron(vermogen=lambda: D("7770.01"))  # een cent boven de grens
    assert _iit(w, ver=None) == ("afgewezen", None)
    assert "bedrag" not in w.gevraagd


def test_iit_afgewezen_of_doorverwezen_vraagt_het_bedrag_niet():
    gevallen = [
        (dict(laag_sinds=date(2022, 9, 2)), "afgewezen"),   # referteperiode pas vol op 2-9-2025
        (dict(laag_sinds=date(2022, 9, 1)), "toegekend"),   # precies 36 maanden: vol
        (dict(netto=D("1642.88")), "afgewezen"),            # een cent boven de inkomensgrens
        (dict(netto=D("1642.87")), "toegekend"),            # precies op de grens
        (dict(uitzicht=True), "afgewezen"),
        (dict(laatste=date(2024, 9, 2)), "afgewezen"),      # weer mogelijk vanaf 2-9-2025
        (dict(laatste=date(2024, 9, 1)), "toegekend"),
        (dict(laag_sinds=None), "doorverwezen"),            # eerst navragen (art. 4:5 Awb)
        (dict(laag_sinds=None, netto=D("9999.00")), "afgewezen"),  # een reden om af te wijzen beslist
    ]
    for feiten, uitkomst in gevallen:
        w = _iit_bron()
        assert _iit(w, **feiten)[0] == uitkomst, feiten
        assert ("bedrag" in w.gevraagd) == (uitkomst == "toegekend"), feiten


def test_iit_ontbrekende_waarde_halverwege_stopt_daar():
    fout = OntbrekendeWaarde("bijstandsnorm.alleenstaande", PEIL)
    w, m = _iit_bron(inkomensgrens=fout), Haken()
    with pytest.raises(OntbrekendeWaarde):
        _iit(w, m)
    assert w.gevraagd == ["referteperiode", "inkomensgrens"]
    assert m.haken == ["leeftijd", "referte"]  # de stappen tot de ontbrekende waarde


def test_iit_volledige_regel_met_ontbrekende_norm_verwijst_door_met_de_stappen_tot_dan():
    # 1 maart 2027: de bijstandsnormen van 2027 staan nog niet in de kern
    doc = {"gemeente": "GM0361", "peildatum": "2027-03-01", "aanvrager": {"geboortedatum": "1980-05-01"},
           "inkomen": {"netto_per_maand": "1400.00", "laag_sinds": "2020-01-01"},
           "aanvragen": [{"regeling": "individuele_inkomenstoeslag"}]}
    b = beoordeel(casus_uit_dict(doc)).beslissingen[0]
    assert b.uitkomst == "doorverwezen"
    teksten = [s.tekst for s in b.motivering]
    assert teksten[0] == "De aanvrager is 46 jaar: tussen 21 jaar en de AOW-leeftijd."
    assert teksten[1].startswith("Het inkomen is laag sinds 1 januari 2020: op 1 maart 2027 ten minste de referteperiode")
    assert "bijstandsnorm" in teksten[2] and "gaat naar een consulent" in teksten[2]
    namen = [w.naam for w in b.gebruikte_waarden]
    assert namen[:3] == ["individuele_inkomenstoeslag.referteperiode", "individuele_inkomenstoeslag.inkomensgrens",
                         "individuele_inkomenstoeslag.kostendelersnorm_toepassen"]
    assert "vermogensgrens.alleenstaande" not in namen  # na de ontbrekende norm wordt niets meer gevraagd


# --------------------------------------------------------------------------- bijzondere bijstand

MEDISCH = kern_kostensoorten()["medische_kosten"]


def _bb_bron(**anders):
    # het uitgewerkte voorbeeld van test_bijzondere_bijstand: alleenstaande, norm 1369,06, voet 110%
    w = dict(maximum=None, draagkracht_toepassen=True, voet=D("1505.97"), staffel=None, percentage=D("0.50"),
             periode=12, vermogensgrens=D("7770.00"), vermogen_fractie=D("1.00"), drempelbedrag=D("0.00"),
             drempelbedrag_maximum=D("170.00"), vorm="om_niet", achteraf_termijn=0, jongeren_18_20_toestaan=False,
             terugwerkende_kracht=lambda kd, ad: None)
    w.update(anders)
    return Bron(**w)


def _bb(w, m=None, bedrag=D("1250.00"), woonachtig=True, leeftijd=40, geen_beroep=None, noodzakelijk=None,
        kostendatum=None, terugwerkende_kracht=None, voorliggend=D("0"), netto=D("1700.00"), ver=D("0"),
        verbruikt=None, ks=MEDISCH):
    return bb.beslis_bb(w, m, ks, bedrag, woonachtig, leeftijd, geen_beroep, noodzakelijk, kostendatum, PEIL,
                        terugwerkende_kracht, voorliggend, netto, ver, verbruikt)


def test_bb_uitgewerkt_voorbeeld_en_de_volgorde_van_de_waarden():
    # boven de voet 194,03; 50% = 97,02 per maand; x 12 = 1164,24; 1250,00 - 1164,24 = 85,76
    w, m = _bb_bron(), Haken()
    assert _bb(w, m) == ("toegekend", D("85.76"), "om_niet")
    assert w.gevraagd == ["maximum", "draagkracht_toepassen", "voet", "staffel", "percentage", "periode",
                          "vermogensgrens", "vermogen_fractie", "drempelbedrag", "vorm"]
    assert m.haken == ["kosten_aangevraagd", "boven_voet", "per_maand_percentage", "per_periode", "vermogensdeel",
                       "drempel_en_berekening", "verleend"]


def test_bb_vroege_afwijzingen_vragen_niets_van_de_draagkracht():
    gevallen = [
        (dict(woonachtig=False), ("afgewezen", None, None), []),
        (dict(leeftijd=17), ("afgewezen", None, None), []),
        (dict(leeftijd=19), ("afgewezen", None, None), ["jongeren_18_20_toestaan"]),
        (dict(noodzakelijk=False), ("afgewezen", None, None), []),
        (dict(ks=kern_kostensoorten()["overig"]), ("doorverwezen", None, None), []),  # noodzaak nog vaststellen
        (dict(bedrag=D("0")), ("afgewezen", None, None), []),
        (dict(voorliggend=D("1250.00")), ("afgewezen", None, None), ["maximum"]),  # voorliggend dekt alles
        (dict(kostendatum=date(2025, 8, 1)), ("afgewezen", None, None), ["achteraf_termijn", "terugwerkende_kracht"]),
    ]
    for feiten, uitkomst, gevraagd in gevallen:
        w = _bb_bron()
        assert _bb(w, **feiten) == uitkomst, feiten
        assert w.gevraagd == gevraagd, feiten


def test_bb_draagkracht_van_een_eerdere_aanvraag_en_boekhouding_voor_het_drempelbedrag():
    # de eerste aanvraag maakt 1164,24 draagkracht op (de kosten zijn hoger)
    verbruikt = [D("0")]
    assert _bb(_bb_bron(), verbruikt=verbruikt)[1] == D("85.76")
    assert verbruikt == [D("1164.24")]
    # de tweede aanvraag heeft geen draagkracht meer: de hele kosten worden vergoed
    m = Haken()
    assert _bb(_bb_bron(), m, bedrag=D("300.00"), verbruikt=verbruikt) == ("toegekend", D("300.00"), "om_niet")
    assert "eerder_verbruikt" in m.haken
    # een ontbrekend drempelbedrag: de boekhouding is dan al bijgewerkt (zoals altijd, vóór het drempelbedrag)
    verbruikt = [D("0")]
    w = _bb_bron(drempelbedrag=D("50.00"), drempelbedrag_maximum=OntbrekendeWaarde("drempelbedrag_maximum", PEIL))
    with pytest.raises(OntbrekendeWaarde):
        _bb(w, verbruikt=verbruikt)
    assert verbruikt == [D("1164.24")]


def test_bb_drempelbedrag_boven_het_maximum_en_maximum_van_de_kostensoort():
    # drempel 400 boven het maximum 170: 1250,00 - 1164,24 = 85,76 valt binnen 170
    assert _bb(_bb_bron(drempelbedrag=D("400.00")))[0] == "afgewezen"
    assert _bb(_bb_bron(drempelbedrag=D("50.00")))[1] == D("35.76")
    # maximum 1200: 1200,00 - 1164,24 = 35,76
    assert _bb(_bb_bron(maximum=D("1200.00")))[1] == D("35.76")


# --------------------------------------------------------------------------- beide wegen, één functie

def test_kader_en_volledige_regel_roepen_dezelfde_beslissing_aan(monkeypatch):
    doc = {"gemeente": "GM0361", "peildatum": "2025-09-01", "aanvrager": {"geboortedatum": "1980-05-01"},
           "inkomen": {"netto_per_maand": "1400.00", "laag_sinds": "2020-01-01"},
           "aanvragen": [{"regeling": "individuele_inkomenstoeslag"},
                         {"regeling": "bijzondere_bijstand", "kostensoort": "medische_kosten", "bedrag": "800.00"}]}
    aanroepen = []

    def volg(naam, f):
        def gevolgd(w, m, *feiten):
            aanroepen.append((naam, m is None, f(w, m, *feiten)))
            return aanroepen[-1][2]
        return gevolgd

    monkeypatch.setattr(kader, "beslis_iit", volg("iit", iit.beslis_iit))
    monkeypatch.setattr(kader, "beslis_bb", volg("bb", bb.beslis_bb))
    monkeypatch.setattr(iit, "beslis_iit", volg("iit", iit.beslis_iit))
    monkeypatch.setattr(bb, "beslis_bb", volg("bb", bb.beslis_bb))
    batch._init({}, False)
    f = feiten_snel(copy.deepcopy(doc))[1]
    snel = kader.beslis(batch._kader(f[0], f[1]), f)
    in_kader, aanroepen[:] = list(aanroepen), []
    vol = beoordeel(casus_uit_dict(doc)).beslissingen
    # het kader beslist zonder motivering (m is None), de volledige regel met; dezelfde uitkomsten
    assert [(n, zonder) for n, zonder, _ in in_kader] == [("iit", True), ("bb", True)]
    assert [(n, zonder) for n, zonder, _ in aanroepen] == [("iit", False), ("bb", False)]
    assert [u for _, _, u in in_kader] == [u for _, _, u in aanroepen]
    assert [(s.uitkomst, s.bedrag) for s in snel] == [(b.uitkomst, b.bedrag) for b in vol]


# --------------------------------------------------------------------------- studietoeslag

from sora_core.regels import individuele_studietoeslag as ist  # noqa: E402


def _ist_bron(**anders):
    minima = {"leeftijd_21_en_ouder": D("390.07"), "leeftijd_19": D("234.05")}  # 1-7-2026 (domein.md, art. 7a)
    w = dict(voor_ingang=lambda peil: None, geen_bedrag=lambda leeftijd, peil: None,
             minimum=lambda leeftijd: minima.get("leeftijd_21_en_ouder" if leeftijd >= 21 else f"leeftijd_{leeftijd}"),
             verhoging=D("0"))
    w.update(anders)
    return Bron(**w)


def test_ist_vraagt_het_bedrag_pas_na_alle_voorwaarden():
    peil = date(2026, 9, 1)
    w, m = _ist_bron(), Haken()
    assert ist.beslis_ist(w, m, peil, True, "beperkt", False, 30) == ("toegekend", D("390.07"))
    assert w.gevraagd == ["minimum", "verhoging"]
    assert m.haken == ["student_en_arbeidsvermogen", "geen_toetsen", "bedrag"]
    # 19 jaar met een verhoging van 10%: 234,05 x 1,10 = 257,455 -> 257,46 (half naar boven)
    assert ist.beslis_ist(_ist_bron(verhoging=D("0.10")), None, peil, True, "geen", False, 19) == ("toegekend", D("257.46"))
    # geen student, volledig arbeidsvermogen of Wajong: niets gevraagd
    for feiten, uitkomst in (((False, "beperkt", False), "niet_van_toepassing"), ((True, "volledig", False), "afgewezen"),
                             ((True, "beperkt", True), "afgewezen")):
        w = _ist_bron()
        assert ist.beslis_ist(w, None, peil, *feiten, 30) == (uitkomst, None)
        assert w.gevraagd == []
    # onder 15 jaar en vóór 1 april 2022: doorverwezen, zonder minimumbedrag
    w = _ist_bron()
    assert ist.beslis_ist(w, None, peil, True, "beperkt", False, 14) == ("doorverwezen", None)
    assert w.gevraagd == ["geen_bedrag"]
    w = _ist_bron()
    assert ist.beslis_ist(w, None, date(2022, 3, 31), True, "beperkt", False, 30) == ("doorverwezen", None)
    assert w.gevraagd == ["voor_ingang"]
    # een leeftijd zonder bekend minimumbedrag: doorverwezen, de verhoging wordt niet meer gevraagd
    w = _ist_bron()
    assert ist.beslis_ist(w, None, peil, True, "beperkt", False, 17) == ("doorverwezen", None)
    assert w.gevraagd == ["minimum"]


def test_ist_kader_en_volledige_regel_roepen_dezelfde_beslissing_aan(monkeypatch):
    doc = {"gemeente": "GM0399", "peildatum": "2026-09-01",
           "aanvrager": {"geboortedatum": "2000-05-01", "student": True, "arbeidsvermogen": "beperkt"},
           "inkomen": {"netto_per_maand": "400.00"}}
    aanroepen = []
    echt = ist.beslis_ist

    def gevolgd(w, m, *feiten):
        aanroepen.append((m is None, echt(w, m, *feiten)))
        return aanroepen[-1][1]

    monkeypatch.setattr(ist, "beslis_ist", gevolgd)
    batch._init({}, False)
    f = feiten_snel(copy.deepcopy(doc))[1]
    snel = kader.beslis(batch._kader(f[0], f[1]), f)
    vol = beoordeel(casus_uit_dict(doc)).beslissingen
    # 26 jaar op 1-9-2026: minimumbedrag 21+ van 1-7-2026 = 390,07, Heiloo zonder verhoging
    assert aanroepen == [(True, ("toegekend", D("390.07"))), (False, ("toegekend", D("390.07")))]
    s = next(x for x in snel if x.regeling == "individuele_studietoeslag")
    v = next(x for x in vol if x.regeling == "individuele_studietoeslag")
    assert (s.uitkomst, s.bedrag, s.bedrag_per) == (v.uitkomst, v.bedrag, v.bedrag_per) == ("toegekend", D("390.07"),
                                                                                               "per_maand")


def test_iit_vaste_stappen_om_en_om_leeftijd_en_redenen():
    """De stappen van de toeslag die alleen van de leeftijd of de redenen afhangen, komen na de eerste
    keer uit een tabel (uitleg.VasteStappen). Om en om beslist: de tekst volgt steeds de casus.
    Alkmaar 1-3-2025, alleenstaande: inkomensgrens 120% x € 1.345,45 = € 1.614,54 (met de hand)."""
    def besluit(geboren: str, netto: str, uitzicht: bool = False):
        doc = {"gemeente": "GM0361", "peildatum": "2025-03-01", "aanvrager": {"geboortedatum": geboren},
               "inkomen": {"netto_per_maand": netto, "laag_sinds": "2020-01-01", "uitzicht_op_verbetering": uitzicht},
               "aanvragen": [{"regeling": "individuele_inkomenstoeslag"}]}
        return beoordeel(casus_uit_dict(doc)).beslissingen[0]

    for _ in range(3):
        b = besluit("1980-05-01", "1700.00")  # 44 jaar, boven de grens
        teksten = [s.tekst for s in b.motivering]
        assert teksten[0] == "De aanvrager is 44 jaar: tussen 21 jaar en de AOW-leeftijd."
        assert "De aanvraag wordt afgewezen: inkomen boven de grens." in teksten
        b = besluit("1970-02-28", "1614.55", uitzicht=True)  # 55 jaar (jarig op 28-2), een cent boven de grens
        teksten = [s.tekst for s in b.motivering]
        assert teksten[0] == "De aanvrager is 55 jaar: tussen 21 jaar en de AOW-leeftijd."
        assert "Er is uitzicht op inkomensverbetering." in teksten
        assert "De aanvraag wordt afgewezen: inkomen boven de grens; uitzicht op inkomensverbetering." in teksten
        b = besluit("1957-06-01", "1200.00")  # 67 jaar op 1-3-2025: AOW-leeftijd (67 in 2024-2027)
        assert b.uitkomst == "afgewezen"
        assert [s.tekst for s in b.motivering][0] == ("De aanvrager heeft de AOW-leeftijd bereikt; de individuele "
                                                      "inkomenstoeslag is er tot die leeftijd.")
        assert all(s.grondslag for s in b.motivering)
        # toegekend: het bedrag van de open norm per huishoudsoort (zaffier.nl: 479 / 673 per jaar)
        for partner, tekst in ((None, "Aan alle voorwaarden is voldaan. De toeslag voor alleenstaande is € 479,00 "
                                      "per jaar."),
                               ({"geboortedatum": "1981-01-01"}, "Aan alle voorwaarden is voldaan. De toeslag voor "
                                                                 "gehuwden of samenwonenden is € 673,00 per jaar.")):
            doc = {"gemeente": "GM0361", "peildatum": "2025-03-01", "aanvrager": {"geboortedatum": "1980-05-01"},
                   "inkomen": {"netto_per_maand": "1200.00", "laag_sinds": "2020-01-01"},
                   "aanvragen": [{"regeling": "individuele_inkomenstoeslag"}]}
            if partner:
                doc["partner"] = partner
            b = beoordeel(casus_uit_dict(doc)).beslissingen[0]
            assert (b.uitkomst, b.bedrag) == ("toegekend", D("673.00") if partner else D("479.00"))
            assert tekst in [s.tekst for s in b.motivering]
            assert b.motivering[-1].tekst.startswith("Tegen dit besluit kan bezwaar worden gemaakt tot en met ")
