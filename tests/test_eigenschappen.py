"""Eigenschapstests (issue 8): regels die voor élk huishouden moeten gelden, in alle zes gemeenten.

Hypothesis maakt huishoudens (casus-dicts volgens het contract): leeftijden 18-20, 21 tot AOW,
rond en boven de AOW-leeftijd, met of zonder partner, 0-4 kinderen, medebewoners (kostendelers),
inkomen 0-5000, vermogen, peildata waarvoor de kern normen heeft (2023-01-01 tot 2026-06-30).

De tests zijn GENERIEK: ze lopen over alle beslissingen die de beslisser teruggeeft en over alle
regelingen in de catalogus van de gemeente (basispakket en pluspakket). Een regeling die later
wordt toegevoegd, valt er dus vanzelf onder. Bijzondere bijstand (alleen op aanvraag) wordt
apart aangevraagd met een kostenpost; een aanvraag die de regel alleen weigert omdat de
gegenereerde aanvraag te weinig zegt (InvoerFout op ``aanvragen[...]``), telt niet mee.

Eigenschappen:
1. meer inkomen geeft nooit meer steun (per regeling; uitzonderingen staan in ``UITZONDERINGEN_INKOMEN``);
2. meer vermogen geeft nooit meer steun (uitzonderingen in ``UITZONDERINGEN_VERMOGEN``);
3. bedragen zijn nooit negatief en hebben altijd precies twee decimalen;
4. de volgorde van kinderen en medebewoners en de registratievolgorde van de plugins veranderen niets;
5. twee keer beslissen (ook met lege caches) geeft byte voor byte dezelfde JSON;
6. een beslissing noemt als bron alleen "kern" of de eigen gemeente (motivering en gebruikte waarden).
"""

from __future__ import annotations

import os
import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Optional

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sora_core import beleid as beleid_module
from sora_core import huishouden as huishouden_module
from sora_core.beslisser import beoordeel, catalogus
from sora_core.beleid import los_op
from sora_core.fouten import InvoerFout
from sora_core.geld import cent
from sora_core.model import UITKOMSTEN, VORMEN
from sora_core.plugins import INGEBOUWD, bouw_register, register
from sora_core.uitvoer import besluit_dict, naar_json

#: CBS-code -> pluginnaam (uit domein.md; test_fundament controleert ze tegen de plugins)
GEMEENTEN = {
    "GM0361": "alkmaar", "GM0373": "bergen", "GM0383": "castricum",
    "GM1980": "dijk_en_waard", "GM0399": "heiloo", "GM0450": "uitgeest",
}
EERSTE_PEILDATUM = date(2023, 1, 1)
LAATSTE_PEILDATUM = date(2027, 3, 31)  # tot voorbij het einde van de gegevens (31-12-2026)

#: Toegestane uitzonderingen op "meer inkomen geeft nooit meer steun": regelingssleutel -> de regel
#: die het rechtvaardigt. Leeg: geen enkele regeling mag bij meer inkomen meer geven. Wie hier iets
#: toevoegt, noemt het artikel of de beleidsregel en legt in een zin uit waarom.
UITZONDERINGEN_INKOMEN: dict[str, str] = {}
#: idem voor "meer vermogen geeft nooit meer steun".
UITZONDERINGEN_VERMOGEN: dict[str, str] = {}

#: regelingen die alleen op aanvraag (met kostenpost of melding) worden beslist
OP_AANVRAAG = ("bijzondere_bijstand",)

try:  # schuldhulp (casus.schuldhulp) alleen als de kern die regels heeft; na de merge vanzelf
    from sora_core.regels import schuldhulpverlening as _shv  # noqa: F401

    SCHULDHULP = True
except ImportError:
    SCHULDHULP = False

#: SORA_VOORBEELDEN=2000 voor een grondige run (standaard 150: de hele suite blijft snel)
INSTELLINGEN = settings(max_examples=int(os.environ.get("SORA_VOORBEELDEN", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --------------------------------------------------------------------------- strategieën

def _geboortedatum(draw, peil: date, leeftijd: int) -> date:
    """Een geboortedatum waarop de persoon op ``peil`` precies ``leeftijd`` jaar is (dag willekeurig)."""
    dagen = draw(st.integers(0, 364))
    jaar = peil.year - leeftijd - 1
    try:
        laatste_verjaardag_voor = date(jaar, peil.month, peil.day)
    except ValueError:  # 29 februari
        laatste_verjaardag_voor = date(jaar, 3, 1)
    return laatste_verjaardag_voor + timedelta(days=1 + dagen)


LEEFTIJD_VOLWASSENE = st.one_of(
    st.integers(18, 20),   # jongeren: ouders onderhoudsplichtig, jongerennormen
    st.integers(21, 64),
    st.integers(65, 68),   # rond de AOW-leeftijd (die schuift per geboortejaar)
    st.integers(69, 95),
)


def _bedrag(maximum_cent: int) -> st.SearchStrategy[str]:
    return st.integers(0, maximum_cent).map(lambda c: f"{Decimal(c) / 100:.2f}")


@st.composite
def casussen(draw, gemeente: Optional[str] = None) -> dict:
    peil = draw(st.dates(EERSTE_PEILDATUM, LAATSTE_PEILDATUM))
    code = gemeente or draw(st.sampled_from(sorted(GEMEENTEN)))
    c: dict = {
        # CBS-code of pluginnaam: beide zijn volgens het contract geldig
        "gemeente": draw(st.sampled_from([code, GEMEENTEN[code]])),
        "peildatum": peil.isoformat(),
        "aanvrager": {"geboortedatum": _geboortedatum(draw, peil, draw(LEEFTIJD_VOLWASSENE)).isoformat()},
        # vaker rond het sociaal minimum (daar liggen de grenzen), soms tot 5000
        "inkomen": {"netto_per_maand": draw(st.one_of(_bedrag(250_000), _bedrag(500_000)))},
        "vermogen": {"bezittingen": draw(st.one_of(_bedrag(1_000_000), _bedrag(3_000_000))),
                     "schulden": draw(_bedrag(1_000_000))},
    }
    if draw(st.booleans()):
        c["aanvrager"]["student"] = draw(st.booleans())
        c["aanvrager"]["arbeidsvermogen"] = draw(st.sampled_from(["volledig", "beperkt", "geen"]))
    if draw(st.booleans()):
        c["partner"] = {"geboortedatum": _geboortedatum(draw, peil, draw(LEEFTIJD_VOLWASSENE)).isoformat()}
    kinderen = draw(st.lists(st.integers(0, 30), max_size=4))
    if kinderen:
        c["kinderen"] = [{"geboortedatum": _geboortedatum(draw, peil, a).isoformat()} for a in kinderen]
    mede = draw(st.lists(st.integers(18, 90), max_size=3))
    if mede:
        c["medebewoners"] = [{"geboortedatum": _geboortedatum(draw, peil, a).isoformat()} for a in mede]
    if draw(st.integers(0, 2)) == 0:
        # een huishouden rond het minimum (langdurig laag inkomen, weinig vermogen): daar kennen
        # de regelingen toe, zodat ook toekenningen en bedragen vaak genoeg worden vergeleken
        c["inkomen"] = {"netto_per_maand": draw(_bedrag(200_000)),
                        "laag_sinds": draw(st.dates(date(2012, 1, 1), date(2020, 12, 31))).isoformat()}
        c["vermogen"] = {"bezittingen": draw(_bedrag(600_000))}
    elif draw(st.booleans()):
        c["inkomen"]["laag_sinds"] = draw(st.dates(date(2012, 1, 1), peil)).isoformat()
    if draw(st.integers(0, 3)) == 0:
        c["inkomen"]["uitzicht_op_verbetering"] = draw(st.booleans())
    if SCHULDHULP and draw(st.integers(0, 3)) == 0:
        melding = draw(st.dates(peil - timedelta(days=60), peil))
        soort = draw(st.sampled_from(["hulpvraag", "signaal"]))
        c["schuldhulp"] = {"melddatum": melding.isoformat(), "soort_melding": soort}
        if soort == "signaal":
            c["schuldhulp"]["signaal_van"] = draw(st.sampled_from(
                ["verhuurder", "energieleverancier", "drinkwaterbedrijf", "zorgverzekeraar"]))
        if draw(st.booleans()):
            c["schuldhulp"]["bedreigende_situatie"] = draw(st.sampled_from(
                ["woningontruiming", "afsluiting_energie", "afsluiting_water", "opzegging_zorgverzekering"]))
    # Participatiewet in balans: jongeren die niet op hun ouders kunnen terugvallen (art. 20 lid 3),
    # mantelzorg elders (art. 22a lid 4), een aanvraag van vóór de peildatum (overgangsrecht art. 12)
    gronden = ["middelen_ouders_ontoereikend", "onderhoud_niet_afdwingbaar"]
    if draw(st.integers(0, 3)) == 0:
        c["aanvrager"]["geen_beroep_op_ouders"] = draw(st.sampled_from(gronden))
    if "partner" in c and draw(st.integers(0, 3)) == 0:
        c["partner"]["geen_beroep_op_ouders"] = draw(st.sampled_from(gronden))
    if draw(st.integers(0, 5)) == 0:
        c["aanvrager"]["tijdelijk_mantelzorg_elders"] = True
    if draw(st.integers(0, 3)) == 0:
        c["aanvraagdatum"] = draw(st.dates(peil - timedelta(days=90), peil)).isoformat()
    if draw(st.booleans()):
        c["woning"] = {"soort": draw(st.sampled_from(["huur", "koop", "inwonend", "instelling", "geen_vaste_woonplaats"]))}
    return c


# --------------------------------------------------------------------------- beslissen over alles

def _kostensoorten(beleid=None) -> tuple[str, ...]:
    """De kostensoorten van bijzondere bijstand die in deze gemeente op de peildatum gelden (kern en
    eigen), als de kern ze kent; anders die uit het contract ("bewindvoering")."""
    try:
        from sora_core.regels.kostensoorten import kern_kostensoorten, kostensoorten_op
    except ImportError:
        return ("bewindvoering",)
    soorten = kostensoorten_op(beleid) if beleid is not None else kern_kostensoorten()
    return tuple(sorted(soorten)) or ("bewindvoering",)


def beslis_alles(doc: dict, reg=None, kostenpost: str = "750.00") -> dict[str, dict]:
    """Alle beslissingen voor dit huishouden, per regelingssleutel (als dict uit besluit_dict).

    Eerst "waar heb ik recht op?" (zonder aanvragen), dan per regeling die alleen op aanvraag
    wordt beslist een aanvraag met een kostenpost."""
    uit: dict[str, dict] = {}
    for b in besluit_dict(beoordeel(doc, reg=reg))["beslissingen"]:
        uit[b["regeling"]] = b
    plugin = (reg or register()).zoek(doc["gemeente"])
    beleid = los_op(plugin, date.fromisoformat(doc["peildatum"]))
    regelingen = catalogus(beleid)
    for sleutel in OP_AANVRAAG:
        if sleutel not in regelingen:
            continue
        for soort in _kostensoorten(beleid):
            aanvraag = {"regeling": sleutel, "kostensoort": soort, "bedrag": kostenpost}
            try:
                besluit = beoordeel(dict(doc, aanvragen=[aanvraag]), reg=reg)
            except InvoerFout as e:
                if all((f.veld or "").startswith("aanvragen[") for f in e.fouten()):
                    continue  # deze kostensoort vraagt meer dan de gegenereerde aanvraag geeft
                raise
            for b in besluit_dict(besluit)["beslissingen"]:
                uit[f"{b['regeling']}:{soort}"] = b
    return uit


def _steun(b: dict):
    """Vergelijkbare maat voor steun: None = niet te vergelijken (doorverwezen)."""
    if b["uitkomst"] == "doorverwezen":
        return None
    if b["uitkomst"] != "toegekend":
        return (0, None, None)
    return (1, None if b["bedrag"] is None else Decimal(b["bedrag"]), b["bedrag_per"])


def _meer_steun(hoog: dict, laag: dict) -> bool:
    """Geeft beslissing ``hoog`` meer steun dan ``laag``?"""
    sh, sl = _steun(hoog), _steun(laag)
    if sh is None or sl is None:
        return False
    if sh[0] != sl[0]:
        return sh[0] > sl[0]
    if sh[0] == 1 and sh[1] is not None and sl[1] is not None and sh[2] == sl[2]:
        return sh[1] > sl[1]
    return False


def _schend_monotonie(minder: dict, meer: dict, uitzonderingen: dict) -> list[str]:
    """Regelingen waar het huishouden met 'meer' (inkomen/vermogen) meer steun krijgt."""
    fout = []
    for sleutel, b_meer in meer.items():
        b_minder = minder.get(sleutel)
        if b_minder is None or sleutel.split(":")[0] in uitzonderingen:
            continue
        if _meer_steun(b_meer, b_minder):
            fout.append(f"{sleutel}: {b_minder['uitkomst']} {b_minder['bedrag']} -> {b_meer['uitkomst']} {b_meer['bedrag']}")
    return fout


# --------------------------------------------------------------------------- 1 en 2: monotonie

@INSTELLINGEN
@given(c=casussen(), extra=st.integers(1, 300_000), kosten=_bedrag(500_000))
def test_meer_inkomen_geeft_nooit_meer_steun(c, extra, kosten):
    meer = dict(c, inkomen=dict(c["inkomen"]))
    meer["inkomen"]["netto_per_maand"] = f"{Decimal(c['inkomen']['netto_per_maand']) + Decimal(extra) / 100:.2f}"
    fouten = _schend_monotonie(beslis_alles(c, kostenpost=kosten), beslis_alles(meer, kostenpost=kosten),
                               UITZONDERINGEN_INKOMEN)
    assert not fouten, fouten


@INSTELLINGEN
@given(c=casussen(), extra=st.integers(1, 3_000_000), kosten=_bedrag(500_000))
def test_meer_vermogen_geeft_nooit_meer_steun(c, extra, kosten):
    meer = dict(c, vermogen=dict(c["vermogen"]))
    meer["vermogen"]["bezittingen"] = f"{Decimal(c['vermogen']['bezittingen']) + Decimal(extra) / 100:.2f}"
    fouten = _schend_monotonie(beslis_alles(c, kostenpost=kosten), beslis_alles(meer, kostenpost=kosten),
                               UITZONDERINGEN_VERMOGEN)
    assert not fouten, fouten


def test_uitzonderingen_noemen_bestaande_regelingen_met_reden():
    """Een uitzondering die naar een verdwenen regeling wijst of geen reden heeft, valt op."""
    bekend = set()
    for naam in GEMEENTEN.values():
        bekend |= set(catalogus(los_op(register().zoek(naam), LAATSTE_PEILDATUM)))
        bekend |= {r.sleutel for r in register().zoek(naam).regelingen}
    for lijst in (UITZONDERINGEN_INKOMEN, UITZONDERINGEN_VERMOGEN):
        for sleutel, reden in lijst.items():
            assert sleutel in bekend, sleutel
            assert "art." in reden or "beleidsregel" in reden.lower() or "verordening" in reden.lower(), reden


def test_monotoniecontrole_vangt_een_schending():
    """De vergelijker zelf: hij moet een echte schending zien en doorverwijzing negeren."""
    toe = {"uitkomst": "toegekend", "bedrag": "100.00", "bedrag_per": "per_jaar"}
    af = {"uitkomst": "afgewezen", "bedrag": None, "bedrag_per": None}
    door = {"uitkomst": "doorverwezen", "bedrag": None, "bedrag_per": None}
    assert _schend_monotonie({"x": af}, {"x": toe}, {})                      # afgewezen -> toegekend
    assert _schend_monotonie({"x": toe}, {"x": dict(toe, bedrag="100.01")}, {})  # meer geld
    assert not _schend_monotonie({"x": toe}, {"x": af}, {})
    assert not _schend_monotonie({"x": door}, {"x": toe}, {})
    assert not _schend_monotonie({"x": af}, {"x": toe}, {"x": "art. 1"})


# --------------------------------------------------------------------------- 3: bedragen

@INSTELLINGEN
@given(c=casussen())
def test_bedragen_nooit_negatief_en_altijd_twee_decimalen(c):
    besluiten = [beoordeel(c)]
    plugin = register().zoek(c["gemeente"])
    beleid = los_op(plugin, date.fromisoformat(c["peildatum"]))
    if "bijzondere_bijstand" in catalogus(beleid):
        for soort in _kostensoorten(beleid):
            try:
                besluiten.append(beoordeel(dict(c, aanvragen=[
                    {"regeling": "bijzondere_bijstand", "kostensoort": soort, "bedrag": "1234.56"}])))
            except InvoerFout:
                pass
    for besluit in besluiten:
        for b in besluit.beslissingen:
            assert b.uitkomst in UITKOMSTEN, b
            assert b.vorm is None or b.vorm in VORMEN, b
            if b.bedrag is None:
                continue
            assert isinstance(b.bedrag, Decimal) and b.bedrag.is_finite()
            assert b.bedrag >= 0, (b.regeling, b.bedrag)
            assert b.bedrag == cent(b.bedrag), (b.regeling, b.bedrag)  # geen verborgen fracties van centen
            assert b.bedrag_per in ("eenmalig", "per_maand", "per_jaar"), b
        for b in besluit_dict(besluit)["beslissingen"]:
            if b["bedrag"] is not None:
                geheel, punt, dec = b["bedrag"].partition(".")
                assert geheel.isdigit() and punt == "." and len(dec) == 2 and dec.isdigit(), b["bedrag"]


# --------------------------------------------------------------------------- 4: volgorde

_REGISTERS: list = []


def _geschudde_registers():
    """Drie registers met de zes plugins in een andere registratievolgorde (eenmalig gebouwd)."""
    if not _REGISTERS:
        kandidaten = [(n, lambda m=m: __import__(m)) for n, m in INGEBOUWD.items()]
        for seed in (1, 2, 3):
            k = list(kandidaten)
            random.Random(seed).shuffle(k)
            _REGISTERS.append(bouw_register(k))
    return _REGISTERS


@INSTELLINGEN
@given(c=casussen(), data=st.data())
def test_volgorde_van_personen_en_plugins_verandert_niets(c, data):
    assume(len(c.get("kinderen", ())) + len(c.get("medebewoners", ())) >= 2 or data.draw(st.booleans()))
    verwacht = naar_json(besluit_dict(beoordeel(c)))
    geschud = dict(c)
    for lijst in ("kinderen", "medebewoners"):
        if lijst in c:
            geschud[lijst] = data.draw(st.permutations(c[lijst]), label=lijst)
    assert naar_json(besluit_dict(beoordeel(geschud))) == verwacht
    reg = data.draw(st.sampled_from(_geschudde_registers()), label="register")
    assert naar_json(besluit_dict(beoordeel(geschud, reg=reg))) == verwacht


# --------------------------------------------------------------------------- 5: determinisme

def leeg_alle_caches() -> None:
    """Alles wat een besluit onthoudt tussen twee besluiten: opgelost beleid, AOW-datums, de
    notaties van bedragen, percentages en datums, de gebruikte waarden, de vaste
    motiveringsstappen (uitleg.VasteStappen), de waarschuwingen en de JSON-stukken."""
    from sora_core import beslisser, geld, model, uitleg, uitvoer
    from sora_core.regels import bijzondere_bijstand, individuele_inkomenstoeslag

    beleid_module._CACHE.clear()
    huishouden_module._NORMSTAPPEN.leeg()
    bijzondere_bijstand._STAPPEN.leeg()
    individuele_inkomenstoeslag._STAPPEN.leeg()
    uitleg._LET_OP.leeg()
    uitleg._OP_TEKST.leeg()
    huishouden_module.aow_datum.cache_clear()
    huishouden_module._aow_waarde.cache_clear()
    huishouden_module._tabelbegin.cache_clear()
    huishouden_module._jarig_voor_de_tabel.cache_clear()
    for tabel in (geld._EURO_NL, geld._BEDRAG_NL, geld._PROCENT_NL, geld._DATUM_NL, uitleg._GEBRUIKT,
                  uitvoer._KOPPEN, uitvoer._STAARTEN, uitvoer._WAARDEN_JSON, uitvoer._STAPPEN_JSON,
                  uitvoer._WAARSCHUWINGEN_JSON, beslisser._WAARSCHUWINGEN, model.GEDEELDE_STAPPEN,
                  uitleg._WORTELS, model.GEDEELDE_WAARDEN, uitvoer._LIJSTEN_JSON, uitvoer._DATUMS_JSON,
                  uitleg._MELDINGEN, beslisser._VOORBEREID, beslisser._GEMEENTEN, beslisser._CATALOGI,
                  beslisser._BEWIJZEN):
        tabel.clear()


@INSTELLINGEN
@given(c=casussen())
def test_twee_keer_beslissen_geeft_dezelfde_bytes(c):
    from sora_core.uitvoer import besluit_json, besluit_tekst

    def alles(b) -> bytes:
        return (naar_json(besluit_dict(b)) + besluit_json(b) + besluit_tekst(b) + besluit_tekst(b, False)).encode()

    eerste = alles(beoordeel(c))
    tweede = alles(beoordeel(c))
    # en met lege caches (opgelost beleid, AOW-datums, notaties, gebruikte waarden, JSON-stukken):
    # de cache mag het antwoord niet kleuren, ook niet als hij halverwege wordt leeggemaakt
    leeg_alle_caches()
    derde = alles(beoordeel(c))
    b = beoordeel(c)
    leeg_alle_caches()
    vierde = alles(b)
    assert eerste == tweede == derde == vierde


# --------------------------------------------------------------------------- 6: bronnen

@INSTELLINGEN
@given(c=casussen())
def test_bron_is_alleen_kern_of_eigen_gemeente(c):
    eigen = register().zoek(c["gemeente"]).naam
    for sleutel, b in beslis_alles(c).items():
        for m in b["motivering"]:
            assert m["bron"] in ("kern", eigen), (sleutel, m)
            assert m["tekst"] and m["grondslag"], (sleutel, m)
        for w in b["gebruikte_waarden"]:
            assert w["bron"] in ("kern", eigen), (sleutel, w)
        if b["regeling"].count("."):  # pluspakket: <plugin>.<naam>, alleen van de eigen gemeente
            assert b["regeling"].startswith(f"{eigen}.") and b["pakket"] == "plus", b["regeling"]


@pytest.mark.parametrize("code", sorted(GEMEENTEN))
def test_elke_gemeente_beslist_voor_een_eenvoudig_huishouden(code):
    """Rooktest per gemeente zodat een kapotte plugin niet pas via toeval in Hypothesis opvalt."""
    c = {"gemeente": code, "peildatum": "2025-09-01", "aanvrager": {"geboortedatum": "1980-05-01"},
         "inkomen": {"netto_per_maand": "1200.00"}}
    assert beoordeel(c).gemeente.plugin == GEMEENTEN[code]


# --------------------------------------------------------------------------- snelle paden = trage paden

JSONACHTIG = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.dates() | st.decimals(allow_nan=False, places=2),
    lambda kind: st.lists(kind, max_size=4) | st.dictionaries(st.text(max_size=6), kind, max_size=4),
    max_leaves=25)


@INSTELLINGEN
@given(doc=JSONACHTIG)
def test_snelle_json_is_byte_gelijk_aan_json_dumps(doc):
    """uitvoer.naar_json schrijft zelf (sneller); de bytes moeten die van json.dumps blijven."""
    import json

    from sora_core.uitvoer import _json_default

    assert naar_json(doc) == json.dumps(doc, ensure_ascii=False, indent=2, default=_json_default) + "\n"


@INSTELLINGEN
@given(c=casussen())
def test_snelle_json_van_besluiten(c):
    import json

    d = besluit_dict(beoordeel(c))
    assert naar_json(d) == json.dumps(d, ensure_ascii=False, indent=2) + "\n"


@INSTELLINGEN
@given(c=casussen())
def test_besluit_json_is_byte_gelijk_aan_naar_json_van_de_dict(c):
    from sora_core.uitvoer import besluit_json

    b = beoordeel(c)
    assert besluit_json(b) == naar_json(besluit_dict(b))


@settings(max_examples=200, deadline=None)
@given(naam=st.sampled_from(sorted(GEMEENTEN.values())), d=st.dates(date(2014, 1, 1), date(2031, 12, 31)),
       eerder=st.dates(date(2014, 1, 1), date(2031, 12, 31)))
def test_beleid_per_periode_gecachet_is_gelijk_aan_vers_berekend(naam, d, eerder):
    """los_op deelt één berekening over alle peildata tussen twee grensdata; het resultaat moet
    gelijk zijn aan een verse berekening voor precies die peildatum (ook na een andere datum)."""
    plugin = register().zoek(naam)
    los_op(plugin, eerder)
    vers = beleid_module._bereken(plugin, d, ())
    gecachet = los_op(plugin, d)
    assert gecachet == vers
    assert gecachet.peildatum == d and gecachet.vingerafdruk == vers.vingerafdruk


def _euro_nl_oud(bedrag: Decimal) -> str:
    """De oorspronkelijke (trage) euro_nl, als referentie voor de snelle versie."""
    b = cent(bedrag)
    teken = "-" if b < 0 else ""
    geheel, _, dec = f"{abs(b):.2f}".partition(".")
    groepen = []
    while len(geheel) > 3:
        groepen.insert(0, geheel[-3:])
        geheel = geheel[:-3]
    groepen.insert(0, geheel)
    return f"{teken}€ {'.'.join(groepen)},{dec}"


@settings(max_examples=500, deadline=None)
@given(d=st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**12, max_value=10**12, places=4))
def test_snelle_euro_nl_is_gelijk_aan_de_oude(d):
    from sora_core.geld import bedrag_nl, euro_nl

    assert euro_nl(d) == _euro_nl_oud(d)
    assert euro_nl(d) == _euro_nl_oud(d)  # de tweede keer uit de tabel
    assert bedrag_nl(d) == bedrag_nl(d) == _euro_nl_oud(d).replace("€ ", "")
    gelijk = Decimal(f"{d}0")  # dezelfde waarde, een ander object met een andere exponent
    assert euro_nl(gelijk) == euro_nl(d)
    assert euro_nl(Decimal("1345.45")) == "€ 1.345,45" and euro_nl(Decimal("-0.005")) == "-€ 0,01"


def _procent_nl_oud(fractie: Decimal) -> str:
    p = (fractie * 100).normalize()
    tekst = f"{p:f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(".", ",") + "%"


@settings(max_examples=300, deadline=None)
@given(f=st.decimals(allow_nan=False, allow_infinity=False, min_value=-10, max_value=10, places=4),
       d=st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_notaties_uit_de_tabel_gelijk_aan_vers(f, d):
    """procent_nl en datum_nl onthouden hun tekst; -0 en 0 (gelijk, maar '-0%' en '0%') en een
    datum als tekst of als date blijven elk hun eigen notatie houden."""
    from sora_core.geld import _MAANDEN, datum_nl, procent_nl

    for x in (f, -f, Decimal("0"), Decimal("-0"), Decimal("0.00")):
        assert procent_nl(x) == procent_nl(x) == _procent_nl_oud(x)
    assert datum_nl(d) == datum_nl(d) == datum_nl(d.isoformat()) == f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


@pytest.mark.parametrize("vreemd", ["geen", "getal", "subklasse", "lijst", "datum"])
def test_besluit_json_met_vreemde_waarden_gelijk_aan_de_gewone_weg(vreemd):
    """Een plugin kan een beslissing bouwen met waarden die geen tekst zijn; besluit_json neemt
    dan de gewone weg (naar_json van de dict): dezelfde bytes, of dezelfde fout."""
    import attrs

    from sora_core.model import GebruikteWaarde, Motivering
    from sora_core.uitvoer import besluit_json

    class Tekst(str):
        pass

    c = {"gemeente": "GM0361", "peildatum": "2025-03-01", "aanvrager": {"geboortedatum": "1980-01-01"},
         "inkomen": {"netto_per_maand": "1000.00", "laag_sinds": "2020-01-01"}}
    b = beoordeel(c)
    x = b.beslissingen[0]
    raar = {"geen": None, "getal": 12, "subklasse": Tekst("a \"b\" €"), "lijst": ["a", 1], "datum": date(2025, 1, 1)}[vreemd]
    varianten = [
        attrs.evolve(x, motivering=x.motivering + (Motivering(raar, "grondslag", "kern"),)),
        attrs.evolve(x, motivering=x.motivering + (Motivering("tekst", raar, raar),)),
        attrs.evolve(x, gebruikte_waarden=x.gebruikte_waarden + (GebruikteWaarde(
            naam="n", waarde=raar, bron="kern", geldig_vanaf=date(2025, 1, 1), grondslag="g"),)),
        attrs.evolve(x, naam=raar, bedrag_per=raar),
    ]
    for v in varianten:
        besluit = attrs.evolve(b, beslissingen=(v,) + b.beslissingen[1:])
        for _ in range(2):  # ook als de stukken al in de tabel staan
            try:
                verwacht = naar_json(besluit_dict(besluit))
            except Exception as e:  # noqa: BLE001
                with pytest.raises(type(e)):
                    besluit_json(besluit)
            else:
                assert besluit_json(besluit) == verwacht


def test_besluit_json_stappen_uit_de_tabel_gelijk_aan_de_gewone_weg():
    """besluit_json onthoudt de JSON van gedeelde stappen (model.gedeelde_motivering) op identiteit.
    Dezelfde tekst als gewone en als gedeelde stap, met een andere grondslag of bron, de tweede en
    derde keer (uit de tabel), en na het leegmaken van een volle tabel: steeds dezelfde bytes als
    naar_json van de dict. Een gewone stap komt niet in de tabel; de tabel blijft begrensd."""
    import attrs

    from sora_core import uitvoer
    from sora_core.model import Motivering, gedeelde_motivering
    from sora_core.uitvoer import besluit_json

    c = {"gemeente": "GM0361", "peildatum": "2025-03-01", "aanvrager": {"geboortedatum": "1980-01-01"},
         "inkomen": {"netto_per_maand": "1000.00", "laag_sinds": "2020-01-01"}}
    b = beoordeel(c)
    x = b.beslissingen[0]

    def met(*stappen):
        return attrs.evolve(b, beslissingen=(attrs.evolve(x, motivering=tuple(stappen) + x.motivering),))

    tekst = 'Een stap met "aanhalingstekens", een \\ en € 1.345,45.'
    gedeeld = [gedeelde_motivering(tekst, "art. 1", "kern"), gedeelde_motivering(tekst, "art. 2", "kern"),
               gedeelde_motivering(tekst, "art. 1", "alkmaar")]
    varianten = [met(Motivering(tekst, "art. 1", "kern")), met(Motivering(tekst, "art. 2", "kern")),
                 met(Motivering(tekst, "art. 1", "alkmaar")), met(*gedeeld), met(gedeeld[1], gedeeld[0]),
                 met(Motivering(tekst, "art. 1", "kern"), gedeeld[2])]
    for _ in range(3):
        for v in varianten:
            assert besluit_json(v) == naar_json(besluit_dict(v))
    assert all(uitvoer._STAPPEN_JSON[~id(m)] is m and type(uitvoer._STAPPEN_JSON[id(m)]) is str for m in gedeeld)
    gewoon = Motivering("Een gewone stap.", "art. 1", "kern")
    assert besluit_json(met(gewoon)) == naar_json(besluit_dict(met(gewoon)))
    assert id(gewoon) not in uitvoer._STAPPEN_JSON
    for i in range(2 * uitvoer._MAX_STAPPEN + 5):  # elke stap anders: de tabel loopt vol en wordt geleegd
        v = met(gedeelde_motivering(f"Stap {i}.", "art. 1", "kern"), gedeeld[0])
        assert besluit_json(v) == naar_json(besluit_dict(v))
    assert len(uitvoer._STAPPEN_JSON) <= uitvoer._MAX_STAPPEN
    # elk bewaard stuk naast zijn stap (die zijn id() bezet houdt)
    assert all(type(uitvoer._STAPPEN_JSON.get(~k)) is Motivering for k in uitvoer._STAPPEN_JSON if k > 0)


# --------------------------------------------------------------------------- zonder motivering

def _kern(besluit) -> list[tuple]:
    """Wat een besluit zonder motivering moet delen met het volledige: per beslissing de uitkomst,
    het bedrag (exact, als Decimal), de vorm, de periode en de laatste dag voor bezwaar."""
    return [(b.regeling, b.uitkomst, b.bedrag, b.vorm, b.bedrag_per, b.bezwaar_uiterlijk) for b in besluit.beslissingen]


@INSTELLINGEN
@given(c=casussen(), data=st.data())
def test_zonder_motivering_dezelfde_beslissingen(c, data):
    """``motiveren=False`` (batch, analyses) slaat alleen de tekst over: uitkomsten, bedragen,
    vormen en bezwaartermijnen zijn gelijk aan die van het volledige besluit, ook voor een
    aanvraag om bijzondere bijstand en met een schuldhulpmelding."""
    vol = beoordeel(c)
    kaal = beoordeel(c, motiveren=False)
    assert _kern(kaal) == _kern(vol)
    assert kaal.schuldhulp == vol.schuldhulp
    assert all(b.motivering == () and b.gebruikte_waarden == () for b in kaal.beslissingen)
    assert all(b.motivering for b in vol.beslissingen)
    plugin = register().zoek(c["gemeente"])
    beleid = los_op(plugin, date.fromisoformat(c["peildatum"]))
    soort = data.draw(st.sampled_from(_kostensoorten(beleid)))
    bedrag = data.draw(_bedrag(300_000))
    doc = dict(c, aanvragen=[{"regeling": "bijzondere_bijstand", "kostensoort": soort, "bedrag": bedrag,
                              "noodzakelijk": True}])
    try:
        vol = beoordeel(doc)
    except InvoerFout:
        with pytest.raises(InvoerFout):
            beoordeel(doc, motiveren=False)
        return
    assert _kern(beoordeel(doc, motiveren=False)) == _kern(vol)


def test_besluit_zonder_motivering_is_geen_beschikking():
    c = {"gemeente": "GM0361", "peildatum": "2025-03-01", "aanvrager": {"geboortedatum": "1980-01-01"},
         "inkomen": {"netto_per_maand": "1000.00"}}
    besluit_dict(beoordeel(c))  # met motivering: gewoon uit te voeren
    from sora_core.uitvoer import besluit_json

    kaal = beoordeel(c, motiveren=False)
    for schrijver in (besluit_dict, besluit_json):
        with pytest.raises(ValueError, match="zonder motivering"):
            schrijver(kaal)


def test_snelle_constructor_maakt_hetzelfde_object_als_de_klasse():
    """``model.snelle_constructor`` (het hete pad: casus, beslissing, besluit) geeft voor elke
    bevroren modelklasse precies het object van de gewone constructor: zelfde klasse, velden,
    gelijkheid, hash en repr, bevroren; met en zonder opgegeven standaardwaarden."""
    from datetime import date
    from decimal import Decimal

    import attrs

    from sora_core import model

    p = model.Persoon(date(1980, 5, 1))
    voorbeelden = [
        (model.Persoon, (date(1980, 5, 1),), {}),
        (model.Persoon, (), {"geboortedatum": date(2001, 2, 3), "student": True, "geen_beroep_op_ouders": "onderhoud_niet_afdwingbaar"}),
        (model.Inkomen, (Decimal("1450.00"),), {"laag_sinds": date(2020, 1, 1)}),
        (model.Vermogen, (), {}),
        (model.Woning, ("koop",), {}),
        (model.Aanvraag, ("bijzondere_bijstand",), {"kostensoort": "medische_kosten", "bedrag": Decimal("12.50")}),
        (model.Casus, ("GM0361", date(2025, 3, 1), p, model.Inkomen(Decimal("1"))), {"kinderen": (p,)}),
        (model.Motivering, ("tekst", "art. 1", "kern"), {"bijzaak": True}),
        (model.Beslissing, ("r", "n", "basis", "toegekend", Decimal("1.00"), "om_niet", (), ()), {"bedrag_per": "eenmalig"}),
        (model.Ontvangstbewijs, ("1", "2", "sha256:x"), {}),
    ]
    for klasse, args, kwargs in voorbeelden:
        maak = model.snelle_constructor(klasse)
        assert maak is not klasse
        snel, gewoon = maak(*args, **kwargs), klasse(*args, **kwargs)
        assert type(snel) is klasse
        assert attrs.asdict(snel, recurse=False) == attrs.asdict(gewoon, recurse=False)
        assert snel == gewoon and hash(snel) == hash(gewoon) and repr(snel) == repr(gewoon)
        assert attrs.evolve(snel) == gewoon
        veld = attrs.fields(klasse)[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(snel, veld, "anders")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            delattr(snel, veld)
        with pytest.raises(TypeError):  # zelfde parameters: een verplicht veld ontbreekt, of een onbekend veld
            maak(**{"bestaat_niet": 1})


def test_snelle_constructor_valt_terug_op_de_klasse_bij_validators():
    """Een klasse met validator, converter, fabriek of __attrs_post_init__ houdt zijn eigen constructor."""
    import attrs

    from sora_core.model import snelle_constructor

    @attrs.frozen
    class MetValidator:
        x: int = attrs.field(validator=attrs.validators.instance_of(int))

    @attrs.frozen
    class MetFabriek:
        x: list = attrs.field(factory=list)

    @attrs.frozen
    class MetNa:
        x: int

        def __attrs_post_init__(self):
            pass

    @attrs.define
    class NietBevroren:
        x: int

    for klasse in (MetValidator, MetFabriek, MetNa):
        assert snelle_constructor(klasse) is klasse
    assert snelle_constructor(NietBevroren)(1) == NietBevroren(1)


def test_snelle_motivering_is_dezelfde_als_de_attrs_constructor():
    """``model.maak_motivering`` (het hete pad van Uitleg.stap) maakt precies het object dat
    ``Motivering(tekst, grondslag, bron)`` maakt: zelfde velden, gelijkheid, hash, repr, bevroren."""
    import attrs

    from sora_core.model import Motivering, maak_motivering

    for tekst, grondslag, bron in (("t", "g", "kern"), ("", "", ""), ("één € \"x\"", "art. 1", "bergen")):
        snel, gewoon = maak_motivering(tekst, grondslag, bron), Motivering(tekst, grondslag, bron)
        assert type(snel) is Motivering
        assert attrs.asdict(snel) == attrs.asdict(gewoon) and snel.bijzaak is False
        assert snel == gewoon and hash(snel) == hash(gewoon) and repr(snel) == repr(gewoon)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            snel.tekst = "anders"


_DATUMTEKENS = st.text(alphabet="0123456789-W +T:.Z٣２²", min_size=10, max_size=10)


@given(st.one_of(_DATUMTEKENS, _DATUMTEKENS.map(lambda w: f"{w[:4]}-{w[5:7]}-{w[8:]}"),
                 st.dates(date(1, 1, 1), date(9999, 12, 31)).map(date.isoformat)))
@settings(max_examples=2000, deadline=None)
def test_snelle_datum_neemt_hetzelfde_aan_als_de_datumvorm(w):
    """De snelle lezer kijkt niet met de reguliere expressie naar een datum maar naar lengte en
    streepjes; hij neemt precies aan wat ``_DATUMVORM`` plus ``date.fromisoformat`` aanneemt."""
    from sora_core import invoer

    try:
        verwacht = date.fromisoformat(w) if invoer._DATUMVORM.fullmatch(w) else None
    except ValueError:
        verwacht = None
    if verwacht is not None and not (invoer.VROEGSTE_DATUM <= verwacht <= invoer.LAATSTE_DATUM):
        verwacht = None
    gekregen = invoer._datum_snel(w)
    assert (None if gekregen is invoer._ANDERS else gekregen) == verwacht
