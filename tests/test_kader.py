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
from decimal import Decimal

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



def _vermogen(draw) -> dict:
    """Bezittingen (ook op en naast de vermogensgrenzen 7.770 en 15.540) en soms schulden."""
    v = {"bezittingen": draw(st.one_of(_bedrag(3_000_000), st.sampled_from(["7770.00", "7770.01", "15540.00", "15540.01"])))}
    if draw(st.booleans()):
        v["schulden"] = draw(_bedrag(500_000))
    return v

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
        c["vermogen"] = _vermogen(draw)
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


def _harnas_doc(rng, peil: date) -> dict:
    """Een casus in de vorm van het vergelijkingsharnas (volwassene, huur, twee aanvragen), getrokken met ``rng``."""
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
    return doc


def test_kader_dekt_het_harnas_en_beslist_gelijk():
    """300 vaste casussen in de vorm van het vergelijkingsharnas (volwassenen, twee aanvragen) gaan
    allemaal door het kader en beslissen gelijk met de volledige beslisser."""
    import random

    rng = random.Random(14)
    gedekt = 0
    for _ in range(300):
        batch._init({}, False)
        gedekt += _vergelijk_beslissing(_harnas_doc(rng, date(2025, 3, 1)))
    assert gedekt == 300


def _dag_zonder_normen() -> date:
    """De eerste dag na vandaag (1-12-2026) waarop de kern geen bijstandsnormen en vermogensgrenzen
    heeft: de kern sluit elke norm af op de volgende indexatie, dus na de laatste Normenbrief in de
    kern is er altijd zo'n dag (nu 1 januari 2027: de normen van 2027 zijn niet gepubliceerd)."""
    from sora_core.analyse.actualiteit import kern_dekking

    dekking = kern_dekking()
    for van, _ in dekking.ongedekt:
        if van < date(2026, 12, 1):
            continue
        namen = {x["naam"] for x in dekking.niet_gedekt(van)}
        if {"bijstandsnorm.alleenstaande", "bijstandsnorm.gehuwden", "vermogensgrens.alleenstaande",
                "vermogensgrens.gezin"} <= namen:
            return van
    raise AssertionError("geen dag zonder normen na de laatste Normenbrief in de kern")


def test_kader_verwijst_door_als_de_normen_ontbreken():
    """Op een dag zonder normen en vermogensgrenzen (na de laatste Normenbrief) beslist het kader de
    aanvragen zelf, en zoals de wet het zegt: wat zonder norm al vaststaat, blijft vaststaan; wat de
    norm nodig heeft, gaat naar een consulent (doorverwezen, geen bezwaartermijn: geen besluit).

    Met de hand: (a) 70 jaar, AOW-leeftijd bereikt: de toeslag is er tot de AOW-leeftijd (art. 36
    lid 1 Pw), afgewezen zonder een norm te vragen; (b) 40 jaar, al jaren een laag inkomen: de
    inkomensgrens is een percentage van de norm, die ontbreekt: doorverwezen; (c) bijzondere bijstand
    voor medische kosten van 500,00: de draagkrachtvrije voet is een percentage van de norm:
    doorverwezen; (d) bijzondere bijstand zonder kosten (0,00): afgewezen vóór de draagkracht."""
    dag = _dag_zonder_normen()
    bb_kosten = {"regeling": "bijzondere_bijstand", "kostensoort": "medische_kosten", "bedrag": "500.00"}
    bb_nul = {"regeling": "bijzondere_bijstand", "kostensoort": "medische_kosten", "bedrag": "0.00"}

    def doc(leeftijd: int, aanvragen: list) -> dict:
        geb = date(dag.year - leeftijd, 1, 1) if (dag.month, dag.day) != (1, 1) else date(dag.year - leeftijd - 1, 12, 31)
        return {"gemeente": "GM0361", "peildatum": dag.isoformat(), "aanvrager": {"geboortedatum": geb.isoformat()},
                "kinderen": [], "woning": {"soort": "huur"},
                "inkomen": {"netto_per_maand": "1200.00", "laag_sinds": "2018-01-01", "uitzicht_op_verbetering": False},
                "vermogen": {"bezittingen": "1000.00", "schulden": "0.00"}, "aanvragen": aanvragen}

    gevallen = [(doc(70, [IIT, bb_kosten]), ["afgewezen", "doorverwezen"]),
                (doc(40, [IIT, bb_nul]), ["doorverwezen", "afgewezen"]),
                (doc(40, [bb_kosten, IIT]), ["doorverwezen", "doorverwezen"])]
    for d, verwacht in gevallen:
        batch._init({}, False)
        f, snel = _kader_van_doc(d)
        assert snel is not None, "het kader beslist de aanvragen, ook zonder normen"
        assert [b.uitkomst for b in snel] == verwacht
        assert all(b.bedrag is None and b.vorm is None for b in snel)
        assert [b.bezwaar_uiterlijk is None for b in snel] == [u == "doorverwezen" for u in verwacht]
        assert _vergelijk_beslissing(d)
        vol = beoordeel(casus_uit_dict(copy.deepcopy(d)), motiveren=True)
        for b, u in zip(vol.beslissingen, verwacht):  # de volledige weg noemt de ontbrekende waarde
            if u == "doorverwezen":
                assert any("bijstandsnorm" in m.tekst for m in b.motivering)


def test_kader_dekt_het_harnas_op_een_dag_zonder_normen():
    """Dezelfde 300 vaste casussen als hierboven, op een dag zonder normen: allemaal door het kader
    (niet langs de volledige lezer en beslisser, 2,3 keer zo traag) en gelijk aan de volledige
    beslisser met motivering; een deel afgewezen (AOW-leeftijd), de rest doorverwezen."""
    import random

    dag = _dag_zonder_normen()
    rng = random.Random(14)
    uitkomsten: dict = {}
    for _ in range(300):
        doc = _harnas_doc(rng, dag)
        batch._init({}, False)
        assert _vergelijk_beslissing(doc)
        for b in _kader_van_doc(doc)[1]:
            uitkomsten[(b.regeling, b.uitkomst)] = uitkomsten.get((b.regeling, b.uitkomst), 0) + 1
    assert set(uitkomsten) == {("individuele_inkomenstoeslag", "afgewezen"), ("individuele_inkomenstoeslag", "doorverwezen"),
                               ("bijzondere_bijstand", "doorverwezen")}


def test_onvolledig_gecompileerd_gooit_ontbreekt_alleen_voor_de_ontbrekende_waarde():
    """``_zonder_ontbrekende``: de andere waarden blijven leesbaar, de ontbrekende gooit ``Ontbreekt``,
    en een object zonder ontbrekende waarde blijft hetzelfde object."""
    from sora_core.regels import individuele_inkomenstoeslag as iit_regel

    heel = iit_regel.Gecompileerd(36, Decimal("1200.00"), Decimal("7770.00"), Decimal("479.00"))
    assert kader._zonder_ontbrekende(heel) is heel
    g = kader._zonder_ontbrekende(iit_regel.Gecompileerd(36, kader.ONTBREEKT, Decimal("7770.00"), Decimal("479.00")))
    assert isinstance(g, iit_regel.Gecompileerd)
    assert (g.referteperiode, g.vermogensgrens, g.bedrag) == (36, Decimal("7770.00"), Decimal("479.00"))
    try:
        g.inkomensgrens
    except kader.Ontbreekt as e:
        assert e.args == ("inkomensgrens",)
    else:
        raise AssertionError("de ontbrekende inkomensgrens gaf geen Ontbreekt")


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


# --------------------------------------------------------------------------- de lezer uit de tekst

#: raw stuurtekens, backslash en aanhalingstekens (de lezer uit de tekst moet ze aan de JSON-lezer laten)
_RAUW = ["\x01", "\t", "\x00", "\x7f", "\u00a0", "\\", '"', ":", " ", "1", "é", "\u2028"]


@st.composite
def compacte_regels(draw):
    """Een compacte JSON-regel van een casus (peer of verminkt), soms met id, en soms rauw verminkt:
    een stuurteken, backslash, aanhalingsteken of spatie in een tekst of sleutel, een getal, null of
    ja/nee in plaats van een tekst, een sleutel anders of twee keer, tekst ervoor of erna."""
    doc = draw(st.one_of(peer_casussen(), peer_casussen(), documenten()))
    if draw(st.booleans()):
        doc = dict(doc, id=draw(st.one_of(st.integers(-5, 10**6), st.text(max_size=6), st.just(None), st.just(True),
                                          st.just("a:b"), st.just("é"))))
    tekst = json.dumps(doc, ensure_ascii=draw(st.booleans()), separators=(",", ":"), default=str)
    soort = draw(st.integers(0, 9))
    stukken = tekst.split('"')
    if soort == 0 and len(stukken) > 3:  # een rauw teken in een tekst of sleutel
        i = draw(st.integers(0, len(stukken) // 2 - 1)) * 2 + 1
        stukken[i] = stukken[i] + draw(st.sampled_from(_RAUW))
        tekst = '"'.join(stukken)
    elif soort == 1 and len(stukken) > 3:  # een tekst vervangen door een andere JSON-waarde (of tekens)
        i = draw(st.integers(0, len(stukken) // 2 - 1)) * 2 + 1
        if stukken[i + 1][:1] != ":":  # een waarde, geen sleutel
            vervanging = draw(st.sampled_from(["null", "true", "false", "12", "1.5", "[]", "{}", "x"]))
            tekst = '"'.join(stukken[:i]) + vervanging + '"'.join(stukken[i + 1:])
    elif soort == 2 and '"inkomen":' in tekst:  # dezelfde sleutel twee keer
        tekst = tekst.replace('"inkomen":', '"inkomen":{"netto_per_maand":"1.00"},"inkomen":', 1)
    elif soort == 3 and '"gemeente":' in tekst:  # een onbekende sleutel met dezelfde leestekens
        tekst = tekst.replace('"gemeente":', '"gemeentee":', 1)
    elif soort == 4:
        tekst = draw(st.sampled_from(["\ufeff", " ", "[", ""])) + tekst + draw(st.sampled_from(["", "\n", "\r\n", "\r", " ", "x"]))
    elif soort == 5:
        tekst = tekst + "\n"
    return tekst


def _gelezen_met_json(tekst):
    """(id, feiten) zoals de batch ze zonder de lezer uit de tekst leest, of "weigert"."""
    from sora_core.invoer import _JSON

    try:
        doc, eind = _JSON.raw_decode(tekst)
    except ValueError:
        return "weigert"
    if tekst[eind:] not in ("", "\n", "\r\n") or type(doc) is not dict:
        return "weigert"
    heeft_id = "id" in doc
    ident = doc.pop("id", None)
    if heeft_id and type(ident) is not str:
        return "weigert"  # de batch: alleen een tekst (of een geheel getal, dat de lezer uit de tekst niet neemt)
    r = feiten_snel(doc)
    return ident, (None if r is None else r[1])


@INSTELLINGEN
@given(tekst=compacte_regels())
def test_feiten_tekst_gelijk_aan_json_en_feiten_snel(tekst):
    """Wat de lezer uit de tekst aanneemt, leest de JSON-lezer (streng: geen dubbele sleutel, geen
    stuurteken) precies zo: dezelfde id (een tekst) en dezelfde feiten van ``feiten_snel``; en
    waar hij geen feiten geeft, geeft de JSON-lezer ze ook niet."""
    from sora_core.invoer import feiten_tekst

    r = feiten_tekst(tekst)
    event("uit de tekst" if r is not None else "naar de JSON-lezer")
    if r is None:
        return
    verwacht = _gelezen_met_json(tekst)
    if r[1] is None:  # geen feiten: de batch neemt de volledige weg; de JSON-lezer gaf ook geen feiten
        assert verwacht == "weigert" or verwacht[1] is None, tekst
        return
    assert verwacht != "weigert", tekst
    assert r[0] is None or type(r[0]) is str
    assert r == verwacht


def test_feiten_tekst_neemt_de_gewone_regels():
    """De compacte regels van het harnas en van ``sora populatie`` gaan allemaal door de lezer uit de
    tekst (anders wint de batch niets), en rauwe afwijkingen in een verder gewone regel niet."""
    from sora_core.invoer import feiten_tekst

    gewoon = ('{"gemeente":"GM1980","peildatum":"2025-03-01","aanvrager":{"geboortedatum":"1946-05-30"},"kinderen":[],'
              '"woning":{"soort":"huur"},"inkomen":{"netto_per_maand":"1383.74","laag_sinds":"2022-08-03",'
              '"uitzicht_op_verbetering":false},"vermogen":{"bezittingen":"6191.76","schulden":"0.00"},'
              '"aanvragen":[{"regeling":"individuele_inkomenstoeslag"},{"regeling":"bijzondere_bijstand",'
              '"kostensoort":"medische_kosten","bedrag":"1206.04"}]}')
    ident, f = feiten_tekst(gewoon + "\n")
    assert ident is None
    assert f == (
        "GM1980", date(2025, 3, 1), date(1946, 5, 30), None, (), Decimal("1383.74"), date(2022, 8, 3), False, None,
        Decimal("6191.76"), Decimal("0.00"),
        (("individuele_inkomenstoeslag", None, None), ("bijzondere_bijstand", "medische_kosten", Decimal("1206.04"))),
        False, "volledig", False)
    assert feiten_tekst('{"id":"a-1",' + gewoon[1:])[0] == "a-1"
    for anders in (gewoon.replace("GM1980", "GM\x011980"), gewoon.replace("huur", "hu\\u0075r"),
                   gewoon.replace('"1206.04"', "1206.04"), gewoon.replace(":false", ": false"),
                   '{"id":12,' + gewoon[1:], '{"id":null,' + gewoon[1:], gewoon + " ",
                   gewoon.replace('"kinderen":[]', '"kinderen":[],"kinderen":[]')):
        assert feiten_tekst(anders) is None, anders
    # een waarde die _feiten afkeurt (geen datum): wel deze vorm, geen feiten (de volledige weg meldt het)
    assert feiten_tekst(gewoon.replace("2022-08-03", "2022-08-33")) == (None, None)


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


# --------------------------------------------------------------------------- zonder aanvragen ("waar heb ik recht op?")

from sora_core.beleid import los_op  # noqa: E402
from sora_core.plugins import Register, gemeente_bestaat_op, laad_plugin  # noqa: E402

NORM_GRENZEN = ["1369.06", "1369.07", "1642.87", "1642.88", "1711.33", "1711.32", "1955.80", "2346.96", "2346.97",
                "2933.70", "2933.71", "1508.57", "2045.87", "0"]


@st.composite
def rondvraag_casussen(draw, peildata=(date(2021, 6, 1), date(2027, 3, 31))):
    """De vorm van ``sora populatie`` (zonder aanvragen), breder getrokken: alle gemeenten (code of
    naam), peildata van vóór Dijk en Waard en vóór de studietoeslag (1-4-2022) tot voorbij de
    gegevens, jongeren en ouderen, studenten met elk arbeidsvermogen en soms Wajong, paren,
    0-4 kinderen van 0 tot 30 jaar (tweelingen), soms een medebewoner, inkomen en vermogen rond de
    grenzen, aanvragen weg of een lege lijst."""
    peil = draw(st.one_of(st.dates(max(peildata[0], date(2023, 1, 1)), peildata[1]), st.dates(*peildata)))
    code = draw(st.sampled_from(sorted(GEMEENTEN)))
    a = {"geboortedatum": _geboortedatum(draw, peil, draw(st.one_of(st.integers(21, 80), st.integers(16, 95)))).isoformat()}
    if draw(st.integers(0, 3)) == 0:
        a["student"] = draw(st.booleans())
    if draw(st.booleans()):
        a["arbeidsvermogen"] = draw(st.sampled_from(["volledig", "beperkt", "geen"]))
    if draw(st.integers(0, 5)) == 0:
        a["wajong"] = draw(st.booleans())
    c: dict = {"gemeente": draw(st.sampled_from([code, GEMEENTEN[code]])), "peildatum": peil.isoformat(), "aanvrager": a}
    if draw(st.booleans()):
        c["partner"] = {"geboortedatum": _geboortedatum(
            draw, peil, draw(st.one_of(st.integers(21, 80), st.integers(18, 95)))).isoformat()}
    leeftijden = draw(st.lists(st.one_of(st.integers(0, 17), st.integers(0, 17), st.integers(0, 30)), max_size=4))
    kinderen = [_geboortedatum(draw, peil, x).isoformat() for x in leeftijden]
    if kinderen and draw(st.integers(0, 4)) == 0:
        kinderen.append(kinderen[0])  # een tweeling
    if kinderen or draw(st.booleans()):
        c["kinderen"] = [{"geboortedatum": d} for d in kinderen]
    if draw(st.integers(0, 9)) == 0:
        c["medebewoners"] = [{"geboortedatum": _geboortedatum(draw, peil, draw(st.integers(18, 60))).isoformat()}]
    if draw(st.booleans()):
        c["woning"] = {"soort": draw(st.sampled_from(["huur", "koop", "inwonend"]))}
    ink = {"netto_per_maand": draw(st.one_of(_bedrag(400_000), st.sampled_from(NORM_GRENZEN)))}
    if draw(st.integers(0, 4)):
        ink["laag_sinds"] = draw(st.dates(date(2012, 1, 1), peil)).isoformat()
    if draw(st.booleans()):
        ink["uitzicht_op_verbetering"] = draw(st.booleans())
    if draw(st.integers(0, 5)) == 0:
        ink["laatste_inkomenstoeslag"] = draw(st.dates(date(2020, 1, 1), peil)).isoformat()
    c["inkomen"] = ink
    if draw(st.integers(0, 5)):
        c["vermogen"] = _vermogen(draw)
    if draw(st.booleans()):
        c["aanvragen"] = []
    return c


def _vergelijk_met(doc, *, reg=None, zet=()) -> bool:
    """Het kader van het beleid (met ``zet``: ook wat-als, dat de batch zelf niet door het kader
    laat gaan) tegen de volledige beslisser met motivering; False als het kader de casus niet dekt."""
    r = feiten_snel(copy.deepcopy(doc))
    if r is None:
        return False
    f = r[1]
    try:
        plugin = (reg or register()).zoek(f[0])
        gemeente_bestaat_op(plugin, f[1])
    except Exception:  # noqa: BLE001 - onbekend of nog niet bestaand: de volledige beslisser meldt het
        return False
    snel = kader.beslis(kader.kader_van(los_op(plugin, f[1], zet)), f)
    if snel is None:
        return False
    vol = beoordeel(casus_uit_dict(copy.deepcopy(doc)), reg=reg, zet=zet, motiveren=True)
    assert [_vergelijkbaar(b) for b in snel] == [_vergelijkbaar(b) for b in vol.beslissingen]
    assert [str(b.bedrag) for b in snel] == [str(b.bedrag) for b in vol.beslissingen]
    for b in snel:
        event(f"{b.regeling}: {b.uitkomst}")
    return True


@INSTELLINGEN
@given(doc=rondvraag_casussen())
def test_kader_zonder_aanvragen_gelijk_aan_volledige_beslisser(doc):
    batch._init({}, False)
    event("door het kader" if _vergelijk_beslissing(doc) else "volledige beslisser")


@st.composite
def zet_declaratief(draw):
    """Wat-als voor de open normen van de declaratieve regelingen van het basispakket: vastgesteld
    (of deels), met en zonder vermogenstoets en kostendelersnorm, andere kindschijven."""
    zet = []
    for regeling in ("collectieve_zorgverzekering", "meedoenregeling", "kindregeling"):
        if draw(st.integers(0, 4)) == 0:
            continue  # deze regeling blijft open: doorverwijzen
        zet.append((f"{regeling}.inkomensgrens", draw(st.sampled_from(["1.00", "1.10", "1.20", "1.3", "2.50"]))))
        zet.append((f"{regeling}.vermogenstoets", draw(st.sampled_from(["true", "false"]))))
        bedragen = {"collectieve_zorgverzekering": ["bijdrage"], "meedoenregeling": ["bedrag.volwassene", "bedrag.aow"],
                    "kindregeling": ["bedrag.jonger", "bedrag.ouder"]}[regeling]
        for b in bedragen:
            if draw(st.integers(0, 9)):
                zet.append((f"{regeling}.{b}", draw(st.sampled_from(["0.00", "12.50", "100.00", "187.33", "300"]))))
    if draw(st.booleans()):
        van = draw(st.integers(0, 17))
        zet.append(("kindregeling.leeftijd_van", str(van)))
        zet.append(("kindregeling.leeftijd_voortgezet", str(draw(st.integers(max(1, van), 17)))))
    if draw(st.booleans()):
        zet.append(("minimaregelingen.kostendelersnorm_toepassen", draw(st.sampled_from(["true", "false"]))))
    if draw(st.booleans()):
        zet.append(("pluspakket.kostendelersnorm_toepassen", draw(st.sampled_from(["true", "false"]))))
    return tuple(zet)


@INSTELLINGEN
@given(doc=rondvraag_casussen(peildata=(date(2023, 1, 1), date(2026, 12, 31))), zet=zet_declaratief())
def test_kader_zonder_aanvragen_met_vastgestelde_normen(doc, zet):
    """De declaratieve regelingen met vastgestelde waarden (toekennen met bedrag per persoon, per
    kind in schijven, AOW-schijf, voorliggende voorziening per kind in Bergen)."""
    event("door het kader" if _vergelijk_met(doc, zet=zet) else "volledige beslisser")


@st.composite
def rondvraag_regels(draw):
    doc = draw(rondvraag_casussen())
    if draw(st.booleans()):
        doc = dict(doc, id=draw(st.one_of(st.integers(-5, 10**6), st.text(max_size=6))))
    tekst = json.dumps(doc, ensure_ascii=draw(st.booleans()), separators=draw(st.sampled_from([(",", ":"), (", ", ": ")])))
    return tekst.encode("utf-8", "surrogatepass")


@INSTELLINGEN
@given(regel=rondvraag_regels(), nr=st.integers(1, 10**6))
def test_snelle_baan_zonder_aanvragen_gelijk_aan_volledige_weg(regel, nr):
    """De hele uitvoerregel en de tellers van de batch (naam, pakket, uitkomsten, bedragen per regeling)."""
    test_snelle_baan_gelijk_aan_volledige_weg.hypothesis.inner_test(regel, nr)


def test_kader_dekt_de_eigen_populatie():
    """'sora populatie' (zonder aanvragen, met kinderen): vrijwel alles gaat door het kader (niet:
    medebewoners) en beslist gelijk met de volledige beslisser met motivering."""
    from sora_core.analyse.populatie import casussen as populatie

    gedekt = 0
    docs = list(populatie(400, 7))
    for doc in docs:
        batch._init({}, False)
        gedekt += _vergelijk_beslissing(doc)
    assert gedekt >= 0.95 * len(docs) - sum(1 for d in docs if d.get("medebewoners"))


# --------------------------------------------------------------------------- eigen pluspakket (Proefgemeente)

PROEF_TOML = '''
titel = "Proefbeleid kader"

[[regeling]]
sleutel = "proef.pas"
naam = "Proefpas"
grondslag = "Proefverordening art. 1"
geldig_vanaf = 2023-01-01
inkomensgrens = "1.30"
  [regeling.doelgroep]
  leeftijd = [18, 130]
  [regeling.bedrag]
  per = "persoon"
  maximum = "400.00"
  staffel = [{ leeftijd = [18, 130], aow = false, bedrag = "150.00" }, { aow = true, bedrag = "250.00" },
             { leeftijd = [4, 17], bedrag = "75.50" }]

[[regeling]]
sleutel = "proef.kindgeld"
naam = "Kindgeld"
grondslag = "Proefverordening art. 2"
geldig_vanaf = 2023-01-01
inkomensgrens = "1,15"
vermogenstoets = false
  [regeling.doelgroep]
  kinderen = true
  kind_leeftijd = [0, 11]
  huishouden = ["alleenstaande_ouder", "gehuwden"]
  [regeling.bedrag]
  per = "kind"
  per_maand = "20.25"

[[regeling]]
sleutel = "proef.fonds"
naam = "Proeffonds"
grondslag = "Proefverordening art. 3"
geldig_vanaf = 2023-01-01
voorliggend = true
voorliggend_voor = ["kindregeling", "meedoenregeling"]
doorverwijzen_naar = "het Proeffonds"
  [regeling.doelgroep]
  kinderen = true
  kind_leeftijd = [6, 9]

[[regeling]]
sleutel = "proef.toeslag"
naam = "Eenmalige toeslag"
grondslag = "Proefverordening art. 4"
geldig_vanaf = 2023-01-01
inkomensgrens = "1.10"
  [regeling.doelgroep]
  aow = false
  [regeling.bedrag]
  per = "huishouden"
  eenmalig = "99.99"

[[regeling]]
sleutel = "proef.kosten"
naam = "Kostenvergoeding"
grondslag = "Proefverordening art. 5"
geldig_vanaf = 2023-01-01
  [regeling.doelgroep]
  aow = true
  [regeling.bedrag]
  per = "persoon"
  werkelijke_kosten = true
  maximum = "500.00"

[[regeling]]
sleutel = "proef.zonder_bedrag"
naam = "Pas zonder bedrag"
grondslag = "Proefverordening art. 6"
geldig_vanaf = 2023-01-01
inkomensgrens = "2.00"
bevestigd = false
'''


from test_declaratief import Proefplugin as _Proef  # noqa: E402 - dezelfde proefgemeente (GM9999) als daar


@INSTELLINGEN
@given(doc=rondvraag_casussen(peildata=(date(2023, 1, 1), date(2026, 12, 31))), zet=zet_declaratief())
def test_kader_eigen_pluspakket(tmp_path_factory, doc, zet):
    """Elke vorm van het pluspakket (staffel met AOW-schijf en maximum, per kind per maand met
    huishoudeis, per huishouden eenmalig, werkelijke kosten, zonder bedrag, een voorliggende
    voorziening per kind en voor het hele huishouden) door het kader en de volledige beslisser."""
    pad = tmp_path_factory.getbasetemp() / "proef_kader_beleid.toml"
    if not pad.exists():
        pad.write_text(PROEF_TOML, encoding="utf-8")
    reg = _PROEF_REG.get(str(pad))
    if reg is None:
        reg = _PROEF_REG[str(pad)] = Register(plugins={"proef": laad_plugin("proef", _Proef(pad))}, fouten={})
    doc = dict(doc, gemeente="proef")
    event("door het kader" if _vergelijk_met(doc, reg=reg, zet=zet) else "volledige beslisser")


_PROEF_REG: dict = {}


def test_kader_wijkt_voor_een_python_regel(tmp_path):
    """Een Python-regel van een plugin: het kader dekt "waar heb ik recht op?" daar niet."""
    from sora_core import hookimpl

    pad = tmp_path / "beleid.toml"
    pad.write_text('titel = "Proef"\n', encoding="utf-8")

    class MetRegel(_Proef):
        @hookimpl
        def sora_regels(self, registreer):
            registreer.regeling("proef.eigen", lambda u, a: u.besluit("toegekend"), naam="Eigen", grondslag="art. 1")

    reg = Register(plugins={"proef": laad_plugin("proef", MetRegel(pad))}, fouten={})
    plugin = reg.zoek("proef")
    k = kader.kader_van(los_op(plugin, date(2025, 9, 1), ()))
    assert k.rondvraag is None
    doc = {"gemeente": "proef", "peildatum": "2025-09-01", "aanvrager": {"geboortedatum": "1980-01-01"},
           "inkomen": {"netto_per_maand": "1000.00"}}
    assert kader.beslis(k, feiten_snel(doc)[1]) is None
