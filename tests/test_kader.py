"""Het kader (``regels.kader``) en de snelle baan van de batch tegen de volledige beslisser (issue 14).

Eis: voor elke casus die de snelle baan beslist, geeft de volledige beslisser MET motivering
(``beoordeel(casus, motiveren=True)``) dezelfde uitkomst, hetzelfde bedrag, dezelfde vorm,
bedrag_per en bezwaartermijn, per aanvraag in dezelfde volgorde; de lezer ``invoer.feiten_snel``
geeft alleen feiten voor een document waarvan ``casus_uit_dict`` precies die casus maakt; en een
JSON-regel die de snelle baan neemt, geeft byte voor byte dezelfde uitvoerregel en dezelfde
tellers als de volledige weg (``batch._verwerk_een``), ook met dubbele sleutels, spaties en ids.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta

import attrs
from hypothesis import event, given
from hypothesis import strategies as st

from sora_core.analyse import batch
from sora_core.beslisser import beoordeel
from sora_core.invoer import casus_uit_dict, feiten_snel
from sora_core.model import Aanvraag, Casus, Inkomen, Persoon, Vermogen, Woning
from sora_core.plugins import register
from sora_core.regels import kader

from test_eigenschappen import GEMEENTEN, INSTELLINGEN, _geboortedatum, casussen
from test_snelle_lezer import documenten

KOSTENSOORTEN = ["medische_kosten", "bewindvoering", "eigen_risico_zorg", "duurzame_gebruiksgoederen", "overig",
                 "uitvaartkosten", "onbekend"]
IIT = {"regeling": "individuele_inkomenstoeslag"}


def _bedrag(maximum_cent: int):
    return st.integers(0, maximum_cent).map(lambda c: f"{c // 100}.{c % 100:02d}")


@st.composite
def bb_aanvraag(draw):
    a = {"regeling": "bijzondere_bijstand", "kostensoort": draw(st.sampled_from(KOSTENSOORTEN))}
    if draw(st.integers(0, 9)):
        a["bedrag"] = draw(st.one_of(_bedrag(300_000), st.sampled_from(["0", "0.00", "1", "2500"]), st.integers(0, 3000)))
    return a


@st.composite
def peer_casussen(draw):
    """De vorm van het vergelijkingsharnas (volwassenen, twee aanvragen), breder getrokken: alle
    gemeenten (code of naam), peildata 2023-2027, jongeren en ouderen, kinderen tot 30, inkomen en
    vermogen rond de grenzen, laag_sinds rond de referteperiode, een eerdere toeslag, andere
    kostensoorten, aanvragen in elke volgorde, dubbel of weg."""
    peil = draw(st.dates(date(2023, 1, 1), date(2027, 3, 31)))
    code = draw(st.sampled_from(sorted(GEMEENTEN)))
    c: dict = {"gemeente": draw(st.sampled_from([code, GEMEENTEN[code]])), "peildatum": peil.isoformat(),
               "aanvrager": {"geboortedatum": _geboortedatum(draw, peil, draw(st.integers(18, 95))).isoformat()}}
    if draw(st.booleans()):
        c["partner"] = {"geboortedatum": _geboortedatum(draw, peil, draw(st.integers(18, 95))).isoformat()}
    kinderen = draw(st.lists(st.integers(0, 30), max_size=3))
    if kinderen or draw(st.booleans()):
        c["kinderen"] = [{"geboortedatum": _geboortedatum(draw, peil, a).isoformat()} for a in kinderen]
    if draw(st.booleans()):
        c["woning"] = {"soort": draw(st.sampled_from(["huur", "koop", "inwonend"]))}
    ink = {"netto_per_maand": draw(st.one_of(_bedrag(400_000), st.sampled_from(
        ["1614.54", "1614.55", "1614.53", "1480.00", "1479.99", "1480.01", "2306.48", "2306.49", "0"])))}
    if draw(st.integers(0, 4)):
        ink["laag_sinds"] = draw(st.one_of(
            st.dates(date(2012, 1, 1), peil),
            st.sampled_from([-1, 0, 1]).map(lambda d: max(date(2012, 1, 1), min(peil, date(peil.year - 3, peil.month, 1) + timedelta(days=d)))),
        )).isoformat()
    if draw(st.booleans()):
        ink["uitzicht_op_verbetering"] = draw(st.booleans())
    if draw(st.integers(0, 5)) == 0:
        ink["laatste_inkomenstoeslag"] = draw(st.dates(date(2021, 1, 1), peil)).isoformat()
    c["inkomen"] = ink
    if draw(st.integers(0, 5)):
        v = {"bezittingen": draw(st.one_of(_bedrag(3_000_000), st.sampled_from(["7770.00", "7770.01", "15540.00", "15540.01"])))}
        if draw(st.booleans()):
            v["schulden"] = draw(_bedrag(500_000))
        c["vermogen"] = v
    aanvragen = draw(st.lists(st.one_of(st.just(IIT), bb_aanvraag()), min_size=0, max_size=3))
    if draw(st.integers(0, 2)):
        aanvragen = [IIT, {"regeling": "bijzondere_bijstand", "kostensoort": "medische_kosten",
                           "bedrag": draw(_bedrag(200_000))}]
        if draw(st.booleans()):
            aanvragen.reverse()
    c["aanvragen"] = copy.deepcopy(aanvragen)
    return c


@st.composite
def eigen_casussen(draw):
    """De huishoudens van de andere eigenschapstests (medebewoners, jongeren, mantelzorg, ...) met aanvragen."""
    c = draw(casussen())
    for p in (c["aanvrager"], c.get("partner") or {}):  # velden die deze twee regelingen niet lezen
        p.pop("student", None)
        p.pop("arbeidsvermogen", None)
    if draw(st.booleans()):
        c.pop("medebewoners", None)
    c["aanvragen"] = copy.deepcopy(draw(st.lists(st.one_of(st.just(IIT), bb_aanvraag()), min_size=1, max_size=2)))
    return c


def _vergelijkbaar(b) -> tuple:
    return (b.regeling, b.naam, b.pakket, b.uitkomst, b.bedrag, b.vorm, b.bedrag_per, b.bezwaar_uiterlijk)


def _kader_van_doc(doc):
    r = feiten_snel(copy.deepcopy(doc))
    if r is None:
        return None, None
    f = r[1]
    k = batch._kader(f[0], f[1])
    if not k:
        return f, None
    return f, kader.beslis(k, f)


def _vergelijk_beslissing(doc) -> bool:
    f, snel = _kader_van_doc(doc)
    if snel is None:
        return False
    casus = casus_uit_dict(copy.deepcopy(doc))
    vol = beoordeel(casus, motiveren=True)
    assert [_vergelijkbaar(b) for b in snel] == [_vergelijkbaar(b) for b in vol.beslissingen]
    # bedragen als tekst: dezelfde afronding (twee decimalen)
    assert [str(b.bedrag) for b in snel] == [str(b.bedrag) for b in vol.beslissingen]
    kort = beoordeel(casus, motiveren=False)
    assert [_vergelijkbaar(b) for b in snel] == [_vergelijkbaar(b) for b in kort.beslissingen]
    return True


@INSTELLINGEN
@given(doc=peer_casussen())
def test_kader_gelijk_aan_volledige_beslisser_peer(doc):
    batch._init({}, False)
    event("door het kader" if _vergelijk_beslissing(doc) else "volledige beslisser")


@INSTELLINGEN
@given(doc=eigen_casussen())
def test_kader_gelijk_aan_volledige_beslisser_eigen(doc):
    batch._init({}, False)
    event("door het kader" if _vergelijk_beslissing(doc) else "volledige beslisser")


def test_kader_dekt_het_harnas_en_beslist_gelijk():
    """300 vaste casussen in de vorm van het vergelijkingsharnas (volwassenen, twee aanvragen) gaan
    allemaal door het kader en beslissen gelijk met de volledige beslisser."""
    import random

    rng = random.Random(14)
    gedekt = 0
    for _ in range(300):
        peil = date(2025, 3, 1)
        geb = date(1945 + rng.randint(0, 58), rng.randint(1, 12), rng.randint(1, 28)).isoformat()
        doc = {"gemeente": rng.choice(sorted(GEMEENTEN)), "peildatum": peil.isoformat(), "aanvrager": {"geboortedatum": geb},
               "kinderen": [], "woning": {"soort": "huur"},
               "inkomen": {"netto_per_maand": f"{rng.randint(1000, 3200)}.{rng.randint(0, 99):02d}",
                           "laag_sinds": date(2015 + rng.randint(0, 9), rng.randint(1, 12), rng.randint(1, 28)).isoformat(),
                           "uitzicht_op_verbetering": rng.random() < 0.1},
               "vermogen": {"bezittingen": f"{rng.randint(0, 30000)}.{rng.randint(0, 99):02d}", "schulden": "0.00"},
               "aanvragen": [IIT, {"regeling": "bijzondere_bijstand", "kostensoort": "medische_kosten",
                                   "bedrag": f"{rng.randint(100, 2000)}.{rng.randint(0, 99):02d}"}]}
        if rng.random() < 0.4:
            doc["partner"] = {"geboortedatum": geb}
        batch._init({}, False)
        gedekt += _vergelijk_beslissing(doc)
    assert gedekt == 300


# --------------------------------------------------------------------------- de lezer

def _casus_uit_feiten(f) -> Casus:
    (gemeente, peil, geb_a, geb_p, kinderen, netto, laag, uitzicht, laatste, bez, sch, aanvragen,
     student, arbeidsvermogen, wajong) = f
    return Casus(gemeente=gemeente, peildatum=peil,
                 aanvrager=Persoon(geb_a, student=student, arbeidsvermogen=arbeidsvermogen, wajong=wajong),
                 inkomen=Inkomen(netto, laag, uitzicht, laatste),
                 partner=None if geb_p is None else Persoon(geb_p), kinderen=tuple(Persoon(d) for d in kinderen),
                 vermogen=Vermogen(bez, sch),
                 aanvragen=tuple(Aanvraag(r, kostensoort=k, bedrag=b) for r, k, b in aanvragen))


def _tel_sleutels(x) -> int:
    if isinstance(x, dict):
        return len(x) + sum(_tel_sleutels(v) for v in x.values())
    if isinstance(x, list):
        return sum(_tel_sleutels(v) for v in x)
    return 0


def _vergelijk_lezer(doc) -> None:
    r = feiten_snel(copy.deepcopy(doc))
    if r is None:
        return
    n, f = r
    assert n == _tel_sleutels(doc)
    casus = casus_uit_dict(copy.deepcopy(doc))  # geen fout: de snelle lezer nam alleen geldige documenten
    verwacht = attrs.evolve(casus, woning=Woning())  # de woning telt niet mee in deze twee regelingen
    assert casus.medebewoners == ()
    assert casus.vermogen.eigen_woning_overwaarde == 0
    assert _casus_uit_feiten(f) == verwacht


@INSTELLINGEN
@given(doc=documenten())
def test_feiten_snel_gelijk_aan_volledige_lezer_verminkt(doc):
    _vergelijk_lezer(doc)


@INSTELLINGEN
@given(doc=peer_casussen())
def test_feiten_snel_gelijk_aan_volledige_lezer_peer(doc):
    _vergelijk_lezer(doc)
    assert doc.get("aanvragen") == [] or feiten_snel(copy.deepcopy(doc)) is not None


# --------------------------------------------------------------------------- de hele regel van de batch

@st.composite
def regels(draw):
    """Een JSON-regel: een casus (soms verminkt), soms met id, compact of met spaties, soms met een
    sleutel twee keer of een dubbele punt in een tekst."""
    doc = draw(st.one_of(peer_casussen(), peer_casussen(), documenten()))
    if draw(st.booleans()):
        doc = dict(doc, id=draw(st.one_of(st.integers(-5, 10**6), st.text(max_size=6), st.just(None), st.just(True),
                                          st.just(1.5), st.just("a:b"))))
    tekst = json.dumps(doc, ensure_ascii=draw(st.booleans()), separators=draw(st.sampled_from([(",", ":"), (", ", ": ")])),
                       default=str)
    soort = draw(st.integers(0, 5))
    if soort == 0 and '"inkomen":' in tekst:  # dezelfde sleutel twee keer: de volledige lezer weigert
        tekst = tekst.replace('"inkomen":', '"inkomen": {"netto_per_maand": "1.00"}, "inkomen":', 1)
    elif soort == 1 and '"netto_per_maand":' in tekst:
        tekst = tekst.replace('"netto_per_maand":', '"netto_per_maand": "9.99", "netto_per_maand":', 1)
    elif soort == 2:
        tekst = "\ufeff" + tekst
    return tekst.encode("utf-8", "surrogatepass")


@INSTELLINGEN
@given(regel=regels(), nr=st.integers(1, 10**6))
def test_snelle_baan_gelijk_aan_volledige_weg(regel, nr):
    register()
    batch._init({}, False)
    snel_samen, vol_samen = {}, {}
    snel = batch._snel_een(nr, regel, snel_samen)
    event("snelle baan" if snel is not None else "volledige weg")
    if snel is None:
        assert snel_samen == {}  # niets geteld als de snelle baan niet beslist
        return
    vol = batch._verwerk_een(nr, regel, vol_samen, kort_als_tekst=True)
    assert snel == vol
    assert snel_samen == vol_samen


def test_snelle_baan_wijkt_bij_wat_als():
    """Een gemeente met een wat-als gaat niet door het kader (de volledige weg rekent het verschil uit)."""
    regel = json.dumps({"gemeente": "GM0361", "peildatum": "2025-03-01", "aanvrager": {"geboortedatum": "1970-01-01"},
                        "inkomen": {"netto_per_maand": "1400.00", "laag_sinds": "2015-01-01"},
                        "aanvragen": [IIT]}, separators=(",", ":")).encode()
    register()
    batch._init({"alkmaar": (("individuele_inkomenstoeslag.inkomensgrens", "1.30"),)}, False)
    try:
        assert batch._snel_een(1, regel, {}) is None
    finally:
        batch._init({}, False)
    assert batch._snel_een(1, regel, {}) is not None


def test_fout_in_de_volledige_weg_blijft_een_fout():
    """Een regel die de volledige weg afkeurt (onbekende gemeente), neemt de snelle baan niet."""
    regel = json.dumps({"gemeente": "GM9999", "peildatum": "2025-03-01", "aanvrager": {"geboortedatum": "1970-01-01"},
                        "inkomen": {"netto_per_maand": "1400.00"}, "aanvragen": [IIT]}).encode()
    register()
    batch._init({}, False)
    assert batch._snel_een(1, regel, {}) is None
    rec = batch._verwerk_een(1, regel, {}, kort_als_tekst=True)
    assert "fout" in rec
