"""De snelle casuslezer (``invoer.casus_snel``) tegen de volledige toets (``invoer.casus_volledig``).

De snelle lezer is een weg voor de gewone vorm van een casus, afgeleid uit dezelfde
veldenlijsten; bij alles wat afwijkt geeft hij ``None`` en beslist de volledige toets. Eis:
voor elk document, geldig of niet, geeft ``casus_uit_dict`` precies wat de volledige toets geeft
(dezelfde casus, of dezelfde foutenlijst), en de snelle lezer geeft nooit iets anders dan
``None`` of die casus. Hypothesis maakt geldige casussen (``test_eigenschappen.casussen``, met
aanvragen) en verminkt ze: velden weg, null, onbekend, van een andere soort, bijna-geldige
datums en bedragen, grenzen.
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sora_core.fouten import InvoerFout
from sora_core.invoer import casus_snel, casus_uit_dict, casus_volledig, lees_document

from test_eigenschappen import INSTELLINGEN, casussen


def _lees(f, doc):
    try:
        return ("casus", f(doc))
    except InvoerFout as e:
        return ("fout", [(x.veld, x.melding) for x in e.fouten()])


AANVRAAG = st.fixed_dictionaries(
    {"regeling": st.sampled_from(["individuele_inkomenstoeslag", "bijzondere_bijstand", "meedoenregeling", "x"])},
    optional={"kostensoort": st.sampled_from(["medische_kosten", "overig", "bewind"]),
              "bedrag": st.integers(0, 500_000).map(lambda c: f"{Decimal(c) / 100:.2f}"),
              "omschrijving": st.text(max_size=20),
              "voorliggend": st.sampled_from(["0.00", "10.00", "5"]),
              "kostendatum": st.dates(date(2022, 1, 1), date(2027, 3, 1)).map(date.isoformat),
              "noodzakelijk": st.booleans(), "terugwerkende_kracht": st.booleans(), "ambtshalve": st.booleans()})

#: waarden die net goed of net fout zijn: grenzen van bedragen, datums, tekst en keuzes
BIJNA_WAARDEN = [
    "", " ", "1,50", " 12.00", "12.00 ", "12.001", "-1.00", "-0.00", "0", "00.5", "1e3", "1_000", "٣٤٥",
    "1000000000.00", "1000000000.01", "9999999999.99", 10**9, 10**9 + 1, -1, 0, True, False, None,
    "2025-02-30", "2025-2-3", "20250301", "1899-12-31", "1900-01-01", "2100-12-31", "2101-01-01", "2025-W10-1",
    date(1899, 12, 31), date(2101, 1, 1), date(2025, 3, 1), "huur", "kasteel", "GM0361", "alkmaar", "\ud800",
    "x" * 501, "x" * 500, "123456782", "ja", "true", "volledig", "middelen_ouders_ontoereikend", "hulpvraag",
    "signaal", "verhuurder"]
BIJNA = st.sampled_from(BIJNA_WAARDEN)
#: waarden van een andere soort
ANDERS = st.one_of(
    st.booleans(), st.integers(-10, 10), st.integers(10**12, 10**13),
    st.floats(allow_nan=True, allow_infinity=True), st.decimals(allow_nan=False, places=3, min_value=-5, max_value=5),
    st.text(max_size=12), st.dates(date(1890, 1, 1), date(2110, 1, 1)), st.just(datetime(2025, 3, 1, 12, 0)),
    st.lists(st.integers(0, 3), max_size=2), st.dictionaries(st.sampled_from(["a", "geboortedatum"]), st.integers(), max_size=2),
    st.just([{"geboortedatum": "2000-01-01"}] * 51),
)
RAAR = st.one_of(BIJNA, ANDERS)
#: per soort veld: net goed en net fout (ook goed maar ongewoon, zoals een Decimal of spaties)
BIJNA_BEDRAG = st.one_of(
    st.sampled_from(["12.001", "12.00 ", " 12.00", "1,50", "-1.00", "-0.00", "0", "00.5", "1e3", "1_000", "٣٤٥",
                     "999999999.99", "1000000000.00", "1000000000", "1000000000.01", "9999999999.99", "12.", ".5",
                     "0" * 41, 10**9, 10**9 + 1, -1, 0, 1.5, Decimal("12.00"), Decimal("12.001"), Decimal("-0")]),
    st.integers(-5, 2 * 10**9), st.decimals(min_value=-1, max_value=2 * 10**9, places=2, allow_nan=False),
    st.integers(-100, 10**11).map(lambda c: f"{c // 100}.{abs(c) % 100:02d}"))
BIJNA_DATUM = st.one_of(
    st.sampled_from(["2025-02-30", "2025-2-3", "20250301", "1899-12-31", "1900-01-01", "2100-12-31", "2101-01-01",
                     "2025-W10-1", " 2025-03-01", "2025-03-01T00:00", date(1899, 12, 31), date(2101, 1, 1),
                     datetime(2025, 3, 1, 12, 0)]),
    st.dates(date(1880, 1, 1), date(2120, 12, 31)), st.dates(date(1880, 1, 1), date(2120, 12, 31)).map(date.isoformat))
BIJNA_TEKST = st.one_of(st.sampled_from(["", " ", "\t", "x" * 500, "x" * 501, "\ud800", "é", "GM0361", "alkmaar",
                                         "medische_kosten", "bijzondere_bijstand"]), st.text(max_size=8))
BEDRAGEN = {"netto_per_maand", "bezittingen", "schulden", "eigen_woning_overwaarde", "bedrag", "voorliggend"}
TEKSTEN = {"gemeente", "regeling", "kostensoort", "omschrijving"}


def _bijna(pad):
    """Net goed of net fout, naar de soort van het veld op ``pad``."""
    naam = next((k for k in reversed(pad) if isinstance(k, str)), "")
    if naam in BEDRAGEN:
        return st.one_of(BIJNA_BEDRAG, RAAR)
    if naam.endswith(("datum", "laag_sinds", "laatste_inkomenstoeslag", "eerder_schuldhulp_afgerond")):
        return st.one_of(BIJNA_DATUM, RAAR)
    if naam in TEKSTEN:
        return st.one_of(BIJNA_TEKST, RAAR)
    return RAAR


def _plekken(doc, pad=()):
    """Alle paden in het document (sleutels en lijstplaatsen)."""
    uit = [pad]
    if isinstance(doc, dict):
        for k, w in doc.items():
            uit += _plekken(w, pad + (k,))
    elif isinstance(doc, list):
        for i, w in enumerate(doc):
            uit += _plekken(w, pad + (i,))
    return uit


def _waar(doc, pad):
    for k in pad:
        doc = doc[k]
    return doc


@st.composite
def documenten(draw):
    """Een geldige casus (soms met aanvragen), dan nul tot drie verminkingen."""
    doc = copy.deepcopy(draw(casussen()))
    if draw(st.booleans()):
        doc["aanvragen"] = draw(st.lists(AANVRAAG, max_size=3))
    if draw(st.integers(0, 5)) == 0:
        doc["besluitdatum"] = draw(st.sampled_from([doc["peildatum"], "2020-01-01", "2099-01-01"]))
    for _ in range(draw(st.integers(0, 3))):
        plekken = [p for p in _plekken(doc) if p]
        bladeren = [p for p in plekken if not isinstance(_waar(doc, p), (dict, list))]
        if bladeren and draw(st.integers(0, 3)):  # meestal een enkele waarde (datum, bedrag, tekst)
            plekken = bladeren
        pad = draw(st.sampled_from(plekken))
        ouder = doc
        for k in pad[:-1]:
            ouder = ouder[k]
        actie = draw(st.integers(0, 3))
        if actie == 0 and isinstance(ouder, dict):
            del ouder[pad[-1]]
        elif actie == 1 and isinstance(ouder, dict):
            ouder[draw(st.sampled_from(["onbekend", "Geboortedatum", "123456782", "partner", "wajong", "ambtshalve"]))] = \
                copy.deepcopy(draw(RAAR))
        else:
            ouder[pad[-1]] = copy.deepcopy(draw(_bijna(pad)))
    return doc


def _vergelijk(doc):
    vol = _lees(casus_volledig, doc)
    assert _lees(casus_uit_dict, doc) == vol
    snel = casus_snel(doc)
    if snel is not None:
        assert vol == ("casus", snel)
    return vol, snel


@settings(INSTELLINGEN, max_examples=max(INSTELLINGEN.max_examples, 400))
@given(doc=documenten())
def test_snelle_casuslezer_gelijk_aan_volledige(doc):
    """Elk document, geldig of verminkt: dezelfde casus of dezelfde foutenlijst, ook via JSON
    (getallen als Decimal, zoals batch en HTTP lezen)."""
    _vergelijk(doc)
    try:
        tekst = json.dumps(doc, default=str).encode("utf-8", "surrogatepass")
        via_json = lees_document(tekst, "json")
    except (InvoerFout, ValueError):
        return
    _vergelijk(via_json)


@INSTELLINGEN
@given(doc=casussen())
def test_snelle_lezer_neemt_de_gewone_vorm(doc):
    """De snelle weg wordt echt genomen voor een gewone geldige casus (anders bewijst de
    vergelijking hierboven niets)."""
    vol, snel = _vergelijk(doc)
    if vol[0] == "casus":
        assert snel is not None


def test_snelle_lezer_valt_terug_bij_ongewone_vorm():
    basis = {"gemeente": "GM0361", "peildatum": "2025-03-01", "aanvrager": {"geboortedatum": "1980-05-05"},
             "inkomen": {"netto_per_maand": "1200.00"}}
    assert casus_snel(basis) == casus_volledig(basis)
    for wijziging in ({"inkomen": {"netto_per_maand": Decimal("1200.00")}},   # correct, maar ongewoon: volledig
                      {"inkomen": {"netto_per_maand": "1200,00"}},
                      {"aanvrager": {"geboortedatum": "2026-01-01"}},          # na de peildatum
                      {"onbekend": 1}, {"peildatum": "2025-02-30"}):
        doc = {**basis, **wijziging}
        assert casus_snel(doc) is None
        assert _lees(casus_uit_dict, doc) == _lees(casus_volledig, doc)


#: een casus met elk veld van het contract ingevuld (geldig)
VOL = {
    "gemeente": "GM0361", "peildatum": "2026-03-02", "aanvraagdatum": "2026-02-20", "besluitdatum": "2026-03-05",
    "aanvrager": {"geboortedatum": "2006-05-05", "student": False, "arbeidsvermogen": "beperkt", "wajong": False,
                  "woonachtig_in_gemeente": True, "geen_beroep_op_ouders": "onderhoud_niet_afdwingbaar",
                  "tijdelijk_mantelzorg_elders": False},
    "partner": {"geboortedatum": "1990-01-31", "student": True, "arbeidsvermogen": "volledig", "wajong": False,
                "geen_beroep_op_ouders": "middelen_ouders_ontoereikend", "geen_recht_op_bijstand": False},
    "kinderen": [{"geboortedatum": "2016-02-29"}], "medebewoners": [{"geboortedatum": "1950-12-31", "wajong": True}],
    "woning": {"soort": "koop"},
    "inkomen": {"netto_per_maand": "1450.10", "laag_sinds": "2020-01-01", "uitzicht_op_verbetering": False,
                "laatste_inkomenstoeslag": "2024-06-30"},
    "vermogen": {"bezittingen": "100", "schulden": 5, "eigen_woning_overwaarde": "0.5"},
    "aanvragen": [{"regeling": "bijzondere_bijstand", "kostensoort": "medische_kosten", "bedrag": "750.00",
                   "omschrijving": "bril", "voorliggend": "10.00", "kostendatum": "2026-02-01", "noodzakelijk": True,
                   "terugwerkende_kracht": False},
                  {"regeling": "individuele_inkomenstoeslag", "ambtshalve": True}],
    "schuldhulp": {"melddatum": "2026-03-01", "soort_melding": "signaal", "bedreigende_situatie": "afsluiting_water",
                   "eerder_schuldhulp_afgerond": "2020-05-05", "fraudevordering": False, "signaal_van": "verhuurder"},
}
#: per soort veld alle waarden die net goed of net fout zijn
_TABEL_WAARDEN = (BIJNA_WAARDEN + [Decimal("12.00"), Decimal("12.001"), Decimal("-0"), 1.5, "12.", ".5", "0" * 41, "999999999.99",
                     "1000000000", " 2025-03-01", "2025-03-01T00:00", datetime(2025, 3, 1, 12, 0), date(2026, 3, 3),
                     "\t", "é", "medische_kosten", "bijzondere_bijstand", [], {}, [None], {"geboortedatum": None}])


def test_elk_veld_met_elke_grenswaarde_gelijk():
    """Uitputtend: in de volle casus elk veld (en elk object en elke lijst) apart vervangen door
    elke grenswaarde, weggelaten, of aangevuld met een onbekend veld: telkens hetzelfde als de
    volledige toets. Ook de snelle weg zelf moet de volle casus nemen."""
    assert casus_snel(VOL) is not None and casus_snel(VOL) == casus_volledig(VOL)
    aantal = 0
    for pad in [p for p in _plekken(VOL) if p]:
        for waarde in _TABEL_WAARDEN + ["weg"]:
            doc = copy.deepcopy(VOL)
            ouder = _waar(doc, pad[:-1])
            if waarde == "weg":
                if not isinstance(ouder, dict):
                    continue
                del ouder[pad[-1]]
            else:
                ouder[pad[-1]] = copy.deepcopy(waarde)
            _vergelijk(doc)
            aantal += 1
        if isinstance(_waar(VOL, pad), dict):
            doc = copy.deepcopy(VOL)
            _waar(doc, pad)["onbekend"] = 1
            _vergelijk(doc)
    assert aantal > 2000


def test_object_met_alleen_verplichte_velden_krijgt_de_standaard_van_het_contract():
    """Een object met niet meer sleutels dan zijn verplichte velden (een persoon met alleen een
    geboortedatum, een aanvraag met alleen een regeling) neemt de snelle lezer in één keer, met de
    standaardwaarden van het contract voor de rest; null bij een optioneel veld is hetzelfde als
    weglaten, en een optioneel veld met een waarde wordt gewoon gelezen."""
    basis = {"gemeente": "GM0361", "peildatum": "2025-03-01", "aanvrager": {"geboortedatum": "1980-05-05"},
             "inkomen": {"netto_per_maand": "1200.00"}, "aanvragen": [{"regeling": "individuele_inkomenstoeslag"}]}
    kaal = casus_snel(basis)
    assert kaal is not None and kaal == casus_volledig(basis)
    # het contract (docs/casus-contract.md): student nee, volledig arbeidsvermogen, woont in de gemeente,
    # voorliggende voorziening 0, geen kostensoort of bedrag
    p, a = kaal.aanvrager, kaal.aanvragen[0]
    assert (p.geboortedatum, p.student, p.arbeidsvermogen, p.wajong, p.woonachtig_in_gemeente) == (
        date(1980, 5, 5), False, "volledig", False, True)
    assert (a.regeling, a.kostensoort, a.bedrag, a.voorliggend, a.ambtshalve) == (
        "individuele_inkomenstoeslag", None, None, Decimal("0"), False)
    met_null = {**basis, "aanvrager": {"geboortedatum": "1980-05-05", "student": None},
                "aanvragen": [{"regeling": "individuele_inkomenstoeslag", "bedrag": None}]}
    assert casus_snel(met_null) == kaal
    student = {**basis, "aanvrager": {"geboortedatum": "1980-05-05", "student": True}}
    assert casus_snel(student).aanvrager.student is True
    assert casus_snel(student) == casus_volledig(student)
    # een verplicht veld dat null is, valt (ook met evenveel sleutels) terug op de volledige toets
    assert casus_snel({**basis, "aanvrager": {"geboortedatum": None}}) is None


def test_de_eerste_casus_van_een_proces_bouwt_de_snelle_lezer_niet():
    """Eén casus (zoals een koude ``sora beoordeel``) gaat langs de volledige toets: de snelle lezer bouwen
    kost meer dan één casus volledig toetsen. Vanaf de tweede casus de snelle lezer; elke keer dezelfde
    casus. In een vers proces, want in de testsuite is de lezer al gebouwd."""
    import subprocess
    import sys

    code = (
        "import json\n"
        "from sora_core import invoer\n"
        "doc = json.loads('{\"gemeente\": \"GM0361\", \"peildatum\": \"2025-03-01\", "
        "\"aanvrager\": {\"geboortedatum\": \"1980-05-06\"}, \"inkomen\": {\"netto_per_maand\": \"1200.00\"}}')\n"
        "eerste = invoer.casus_uit_dict(doc)\n"
        "assert invoer._LEZER[0] is None, 'na de eerste casus al gebouwd'\n"
        "tweede = invoer.casus_uit_dict(doc)\n"
        "assert invoer._LEZER[0] is not None, 'na de tweede casus nog niet gebouwd'\n"
        "assert eerste == tweede == invoer.casus_volledig(doc) == invoer.casus_snel(doc)\n"
        "print('ok')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip().endswith("ok"), r.stderr


def test_de_lezer_van_een_object_zonder_snelle_constructor_geeft_alleen_de_gegeven_velden_mee():
    """``invoer._Bouwer.object`` plakt de snelle constructor in als die er is (alle modelklassen nu); een klasse
    met een validator heeft er geen, en krijgt dan de gegeven velden als trefwoorden (ontbrekend of null: niet
    meegegeven, dus haar eigen standaardwaarde)."""
    import attrs

    from sora_core import invoer

    @attrs.frozen
    class MetToets:
        a: date = attrs.field(validator=attrs.validators.instance_of(date))
        b: bool = True

    b = invoer._Bouwer()
    bron = "\n".join(["def lees(doc):", *b.object({"a": (invoer._datum, True), "b": (invoer._bool, False)},
                                                  MetToets, "doc", "uit", "    "), "    return uit"])
    assert "_nieuw(" not in bron  # niet ingeplakt
    exec(compile(bron, "<proef>", "exec"), b.ruimte)
    lees = b.ruimte["lees"]
    assert lees({"a": "2025-03-01"}) == MetToets(date(2025, 3, 1))
    assert lees({"a": "2025-03-01", "b": None}) == MetToets(date(2025, 3, 1), True)
    assert lees({"a": "2025-03-01", "b": False}) == MetToets(date(2025, 3, 1), False)
    for fout in ({"a": "2025-3-1"}, {"b": False}, {"a": "2025-03-01", "c": 1}, {"a": "2025-03-01", "b": 0}, []):
        assert lees(fout) is invoer._ANDERS
