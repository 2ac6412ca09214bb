"""Het besluit als dict en JSON (contract ``sora-besluit/1``) en als leesbare Nederlandse tekst.

JSON is canoniek: vaste sleutelvolgorde, UTF-8, twee spaties inspringing, afsluitende
newline. Zelfde invoer, zelfde uitvoer, byte voor byte.
"""

from __future__ import annotations

import json
import json.encoder
from datetime import date
from typing import Any

from .geld import datum_nl, euro, euro_nl
from .model import GEDEELDE_STAPPEN, GEDEELDE_WAARDEN, PER_TEKST as _PER_TEKST, Besluit, Beslissing, GebruikteWaarde

CONTRACT = "sora-besluit/1"


def _d(d: date | None) -> str | None:
    return d.isoformat() if d else None


def waarde_dict(w: GebruikteWaarde) -> dict:
    uit = {"naam": w.naam, "waarde": w.waarde, "bron": w.bron, "geldig_vanaf": _d(w.geldig_vanaf),
           "geldig_tot": _d(w.geldig_tot), "grondslag": w.grondslag}
    return uit


def beslissing_dict(b: Beslissing) -> dict:
    return {
        "regeling": b.regeling,
        "naam": b.naam,
        "pakket": b.pakket,
        "uitkomst": b.uitkomst,
        "bedrag": euro(b.bedrag),
        "bedrag_per": b.bedrag_per,
        "vorm": b.vorm,
        "bezwaar_uiterlijk": _d(b.bezwaar_uiterlijk),
        "motivering": [{"tekst": m.tekst, "grondslag": m.grondslag, "bron": m.bron} for m in b.motivering],
        "gebruikte_waarden": [waarde_dict(w) for w in b.gebruikte_waarden],
    }


def besluit_dict(b: Besluit) -> dict:
    """Het besluit als dict volgens het contract ``sora-besluit/1`` (vaste sleutelvolgorde).

    Weigert een besluit dat zonder motivering is genomen (``beoordeel(..., motiveren=False)``):
    dat is geen beschikking en past niet in het contract."""
    if any(not x.motivering for x in b.beslissingen):
        raise ValueError("Dit besluit is zonder motivering genomen (motiveren=False) en kan niet als "
                         "sora-besluit/1 worden uitgevoerd; beslis opnieuw met motivering.")
    g = b.gemeente
    return {
        "contract": CONTRACT,
        "gemeente": {"cbs_code": g.cbs_code, "naam": g.naam, "plugin": g.plugin, "plugin_versie": g.plugin_versie},
        "peildatum": b.peildatum.isoformat(),
        "beslissingen": [beslissing_dict(x) for x in b.beslissingen],
        "schuldhulp": b.schuldhulp,
        "waarschuwingen": list(b.waarschuwingen),
        "ontvangstbewijs": {
            "toolkit_versie": b.ontvangstbewijs.toolkit_versie,
            "plugin_versie": b.ontvangstbewijs.plugin_versie,
            "beleid_vingerafdruk": b.ontvangstbewijs.beleid_vingerafdruk,
        },
    }


def besluit_json(b: Besluit) -> str:
    """``naar_json(besluit_dict(b))``, maar rechtstreeks uit het besluit geschreven (het hete pad van
    ``sora beoordeel`` en de API: zonder tussenliggende dicts en zonder per waarde te kijken wat
    het is). Byte voor byte gelijk; tests/test_eigenschappen.py controleert dat op gegenereerde
    besluiten. Een onverwacht soort waarde (een plugin die geen tekst teruggeeft) gaat via de
    gewone weg (ook een beslissing zonder motivering: ``besluit_dict`` geeft dan de foutmelding)."""
    try:
        return _besluit_json(b)
    except _Anders:
        return naar_json(besluit_dict(b))


def _s(v: Any) -> str:
    """Een tekstwaarde of null als JSON; iets anders laten we aan de gewone weg over."""
    if type(v) is str:
        return _tekst(v)
    if v is None:
        return "null"
    raise _Anders


_I2, _I4, _I6, _I8, _I10 = ("\n" + " " * n for n in (2, 4, 6, 8, 10))


def _besluit_json(b: Besluit) -> str:
    try:
        return _besluit_json_snel(b)
    except TypeError:  # iets anders dan tekst waar tekst hoort (encode_basestring weigert het): de gewone weg
        raise _Anders from None


def _besluit_json_snel(b: Besluit) -> str:
    tekst = _tekst  # weigert alles behalve tekst met een TypeError (ook None: de gewone weg schrijft null)
    g = b.gemeente
    d = b.peildatum
    uit = [_GEMEENTE_JSON.get(id(g)) or _gemeente_json(g),
           _DATUMS_JSON.get(d) or _datum_json(d) if type(d) is date else tekst(d.isoformat()),
           f',{_I2}"beslissingen": ']
    schrijf = uit.append
    if not b.beslissingen:
        schrijf("[]")
    scheiding = "[" + _I4
    stappen = _STAPPEN_JSON
    waarden = _WAARDEN_JSON
    lijsten = _LIJSTEN_JSON
    koppen = _KOPPEN
    midden = _MIDDEN
    for x in b.beslissingen:
        if not x.motivering:  # zonder motivering genomen: de gewone weg, die het besluit weigert
            raise _Anders
        k = koppen.get((x.regeling, x.naam, x.pakket, x.uitkomst)) or _kop(x.regeling, x.naam, x.pakket, x.uitkomst)
        m = midden.get((x.bedrag_per, x.vorm)) or _midden(x.bedrag_per, x.vorm)
        # een bedrag is de tekst van een Decimal (cijfers, punt, teken): JSON-tekst zonder escapes
        bedrag = "null" if (e := euro(x.bedrag)) is None else f'"{e}"'
        d = x.bezwaar_uiterlijk
        schrijf(f'{scheiding}{k}{bedrag}{m}{_DATUMS_JSON.get(d) or _datum_json(d)}{_EERSTE_STAP}')
        # per stap: tekst, grondslag en bron als één stuk; een gedeelde stap (op identiteit) uit de tabel
        schrijf(_VOLGENDE_STAP.join([stappen.get(id(m)) or _stap_json(m) for m in x.motivering]))
        gw = x.gebruikte_waarden
        if gw:
            # een gedeelde rij (uitleg.Pad) één keer als JSON, op identiteit; anders per waarde
            schrijf(lijsten.get(id(gw)) or _waarden_lijst_json(gw, waarden))
        else:
            schrijf(_GEEN_WAARDEN)
        scheiding = "," + _I4
    if b.beslissingen:
        schrijf(_I2 + "]")
    if b.schuldhulp is None:
        schrijf(f',{_I2}"schuldhulp": null')
    else:
        schrijf(f',{_I2}"schuldhulp": ')
        _schrijf(b.schuldhulp, _I2, uit)
    w = b.waarschuwingen
    if w:  # als _schrijf voor een lijst met tekst (iets anders: TypeError, de gewone weg)
        # dezelfde waarschuwingen (een gedeeld tuple van de beslisser) één keer als JSON, op identiteit
        gevonden = _WAARSCHUWINGEN_JSON.get(id(w))
        if gevonden is None:
            gevonden = f',{_I2}"waarschuwingen": [{_I4}{_VOLGENDE_WAARSCHUWING.join(map(tekst, w))}{_I2}]'
            if type(w) is tuple:  # onveranderlijk: mag bewaard worden
                _onthoud_vast(_WAARSCHUWINGEN_JSON, _MAX_STUKKEN, w, gevonden)
        schrijf(gevonden)
    else:
        schrijf(f',{_I2}"waarschuwingen": []')
    o = b.ontvangstbewijs
    schrijf(_BEWIJS_JSON.get(id(o)) or _bewijs_json(o))
    return "".join(uit)


def _datum_json(d: Any) -> str:
    """``_s(_d(d))``: een datum (ISO 8601: cijfers en streepjes, geen escapes nodig) of null. Een echte
    ``date`` wordt onthouden in ``_DATUMS_JSON`` (op waarde; begrensd): peildata en bezwaartermijnen komen
    in besluit na besluit terug."""
    if type(d) is date:
        stuk = f'"{d.isoformat()}"'
        if len(_DATUMS_JSON) >= _MAX_STUKKEN:
            _DATUMS_JSON.clear()
        _DATUMS_JSON[d] = stuk
        return stuk
    return _s(_d(d))


#: datum -> de datum als JSON (alleen ``date`` zelf: een subklasse als datetime schrijft iets anders)
_DATUMS_JSON: dict = {}


def _gemeente_json(g: Any) -> str:
    """Het begin van het besluit tot en met ``"peildatum": `` (per gemeente één keer; begrensd)."""
    tekst = _tekst
    stuk = (f'{{{_I2}"contract": {tekst(CONTRACT)},{_I2}"gemeente": {{{_I4}"cbs_code": {tekst(g.cbs_code)},'
            f'{_I4}"naam": {tekst(g.naam)},{_I4}"plugin": {tekst(g.plugin)},{_I4}"plugin_versie": {tekst(g.plugin_versie)}'
            f'{_I2}}},{_I2}"peildatum": ')
    _onthoud_vast(_GEMEENTE_JSON, _MAX_STUKKEN, g, stuk)
    return stuk


def _bewijs_json(o: Any) -> str:
    """Het ontvangstbewijs en het einde van het besluit (per bewijs één keer: een opgelost beleid
    deelt zijn bewijs, beslisser._ontvangstbewijs; begrensd)."""
    tekst = _tekst
    stuk = (f',{_I2}"ontvangstbewijs": {{{_I4}"toolkit_versie": {tekst(o.toolkit_versie)},'
            f'{_I4}"plugin_versie": {tekst(o.plugin_versie)},{_I4}"beleid_vingerafdruk": {tekst(o.beleid_vingerafdruk)}'
            f'{_I2}}}\n}}\n')
    _onthoud_vast(_BEWIJS_JSON, _MAX_STUKKEN, o, stuk)
    return stuk


# Stukken JSON die in veel besluiten terugkomen, één keer geschreven: de kop van een beslissing
# (regeling, naam, pakket), het eind van een motiveringsstap (grondslag en bron: een handvol
# verschillende) en een gebruikte waarde (dezelfde objecten voor alle besluiten van een opgelost
# beleid, uitleg.gebruikte_waarde). Alleen tekst gaat in de sleutels; een gebruikte waarde op
# identiteit, met het object erbij (``_onthoud_vast``: een gevonden id() is dat object). Begrensd.
_EERSTE_STAP = f',{_I6}"motivering": [{_I8}{{{_I10}"tekst": '
_VOLGENDE_STAP = f',{_I8}{{{_I10}"tekst": '
_WAARDEN_BEGIN = f'{_I6}],{_I6}"gebruikte_waarden": [{_I8}'
_VOLGENDE_WAARDE = "," + _I8
_WAARDEN_EIND = f'{_I6}]{_I4}}}'
_GEEN_WAARDEN = f'{_I6}],{_I6}"gebruikte_waarden": []{_I4}}}'
_VOLGENDE_WAARSCHUWING = "," + _I4
_KOPPEN: dict[tuple, str] = {}
_MIDDEN: dict[tuple, str] = {}
_STAARTEN: dict[tuple, str] = {}
#: id(object) -> zijn JSON-stuk, en ~id(object) -> het object (``_onthoud_vast``)
_WAARDEN_JSON: dict[int, Any] = {}
_GEMEENTE_JSON: dict[int, Any] = {}
_BEWIJS_JSON: dict[int, Any] = {}
_WAARSCHUWINGEN_JSON: dict[int, Any] = {}
_MAX_STUKKEN = 4096


def _kop(regeling: Any, naam: Any, pakket: Any, uitkomst: Any) -> str:
    """Het begin van een beslissing tot en met ``"bedrag": `` (regeling, naam, pakket, uitkomst)."""
    kop = (f'{{{_I6}"regeling": {_s(regeling)},{_I6}"naam": {_s(naam)},{_I6}"pakket": {_s(pakket)},'
           f'{_I6}"uitkomst": {_tekst(uitkomst)},{_I6}"bedrag": ')
    if type(regeling) is str and type(naam) is str and type(pakket) is str and type(uitkomst) is str:
        if len(_KOPPEN) >= _MAX_STUKKEN:
            _KOPPEN.clear()
        _KOPPEN[(regeling, naam, pakket, uitkomst)] = kop
    return kop


def _midden(bedrag_per: Any, vorm: Any) -> str:
    """Van na het bedrag tot en met ``"bezwaar_uiterlijk": `` (bedrag_per en vorm)."""
    stuk = f',{_I6}"bedrag_per": {_s(bedrag_per)},{_I6}"vorm": {_s(vorm)},{_I6}"bezwaar_uiterlijk": '
    if (bedrag_per is None or type(bedrag_per) is str) and (vorm is None or type(vorm) is str):
        if len(_MIDDEN) >= _MAX_STUKKEN:
            _MIDDEN.clear()
        _MIDDEN[(bedrag_per, vorm)] = stuk
    return stuk


def _stap_json(m: Any) -> str:
    """Een motiveringsstap als JSON (tekst, grondslag en bron), voor ``_STAPPEN_JSON``.

    Veel stappen komen in besluit na besluit letterlijk terug (de norm van een huishoudsoort, de
    draagkrachtvrije voet, het drempelbedrag, de bezwaartermijn): de regels maken die één keer, als
    gedeeld object (``model.gedeelde_motivering``, ``uitleg.VasteStappen``). Alleen zo'n aangemelde stap
    gaat in de tabel, op ``id()`` met het object erbij (``_onthoud_vast``: een gevonden id() is deze
    stap); een stap die maar één keer voorkomt (hij noemt het inkomen of de kosten van de casus) wordt
    gewoon geschreven, zonder de tabel te vullen. Begrensd (leeg bij ``_MAX_STAPPEN`` ingangen). Iets
    anders dan tekst gaat met een TypeError naar de gewone weg."""
    g, b = m.grondslag, m.bron
    stuk = f'{_tekst(m.tekst)}{_STAARTEN.get((g, b)) or _staart(g, b)}'
    if id(m) in GEDEELDE_STAPPEN:  # (die tabel houdt de stap vast: een id() erin hoort bij deze stap)
        _onthoud_vast(_STAPPEN_JSON, _MAX_STAPPEN, m, stuk)
    return stuk


def _onthoud_vast(tabel: dict, maximum: int, obj: Any, stuk: str) -> None:
    """Bewaar het JSON-stuk van ``obj`` op ``id(obj)`` en ``obj`` zelf op ``~id(obj)`` (een negatief getal: botst
    nooit met een id()). Zolang ``obj`` in de tabel staat, leeft het, en twee levende objecten hebben nooit
    hetzelfde id(): een gevonden stuk hoort dus bij het object dat de lezer vasthoudt (één ``dict.get``,
    zonder vergelijking). Eerst het stuk, dan het object: tot dan houdt de aanroeper het object vast, en
    één ``clear`` (atomair, ook met threads in de HTTP-dienst) laat beide samen los. Bij ``maximum`` ingangen
    begint de tabel opnieuw."""
    if len(tabel) >= maximum:
        tabel.clear()
    tabel[id(obj)] = stuk
    tabel[~id(obj)] = obj


#: id(gedeelde stap) -> de stap als JSON, en ~id(stap) -> de stap zelf (``_onthoud_vast``)
_STAPPEN_JSON: dict[int, Any] = {}
_MAX_STAPPEN = 2048  # ingangen: 1024 stappen met hun JSON


def _staart(grondslag: Any, bron: Any) -> str:
    if type(grondslag) is str and type(bron) is str:
        sleutel = (grondslag, bron)
        staart = _STAARTEN.get(sleutel)
        if staart is None:
            staart = _STAARTEN[sleutel] = f',{_I10}"grondslag": {_tekst(grondslag)},{_I10}"bron": {_tekst(bron)}{_I8}}}'
            if len(_STAARTEN) >= _MAX_STUKKEN:
                _STAARTEN.clear()
        return staart
    return f',{_I10}"grondslag": {_s(grondslag)},{_I10}"bron": {_s(bron)}{_I8}}}'


def _waarden_lijst_json(gw: tuple, waarden: dict) -> str:
    """De gebruikte waarden van een beslissing als JSON, van ``"gebruikte_waarden": [`` tot het einde van de
    beslissing. Een rij die veel beslissingen delen (aangemeld in ``model.GEDEELDE_WAARDEN``) wordt op
    ``id()`` onthouden, met het tuple erbij; een andere rij niet. Begrensd."""
    stuk = _WAARDEN_BEGIN + _VOLGENDE_WAARDE.join([
        waarden.get(id(w)) or _waarde_json(w) for w in gw]) + _WAARDEN_EIND
    pad = GEDEELDE_WAARDEN.get(id(gw))
    if pad is not None and pad.waarden is gw:
        _onthoud_vast(_LIJSTEN_JSON, _MAX_LIJSTEN, gw, stuk)
    return stuk


#: id(gedeelde rij gebruikte waarden) -> haar JSON, en ~id(rij) -> de rij (``_onthoud_vast``)
_LIJSTEN_JSON: dict[int, Any] = {}
_MAX_LIJSTEN = 2048


def _waarde_json(w: GebruikteWaarde) -> str:
    gevonden = _WAARDEN_JSON.get(id(w))
    if gevonden is not None:
        return gevonden
    stuk = (f'{{{_I10}"naam": {_s(w.naam)},{_I10}"waarde": {_s(w.waarde)},'
            f'{_I10}"bron": {_s(w.bron)},{_I10}"geldig_vanaf": {_s(_d(w.geldig_vanaf))},'
            f'{_I10}"geldig_tot": {_s(_d(w.geldig_tot))},{_I10}"grondslag": {_s(w.grondslag)}{_I8}}}')
    _onthoud_vast(_WAARDEN_JSON, _MAX_STUKKEN, w, stuk)
    return stuk


def naar_json(doc: Any) -> str:
    """Canonieke JSON (voor besluiten, fouten en overzichten).

    Byte voor byte gelijk aan ``json.dumps(doc, ensure_ascii=False, indent=2, default=...)``
    plus een newline, maar sneller: met ``indent`` valt de standaardbibliotheek terug op zijn
    trage Python-encoder, terwijl een besluit alleen uit dicts, lijsten, tekst, gehele getallen,
    null en ja/nee bestaat. Die schrijven we hier direct (tekst via de C-functie van ``json``);
    iets anders (float, een niet-tekstsleutel) gaat via ``json.dumps`` zelf.
    tests/test_eigenschappen.py controleert de gelijkheid op gegenereerde documenten."""
    uit: list[str] = []
    try:
        _schrijf(doc, "\n", uit)
    except _Anders:
        return json.dumps(doc, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    uit.append("\n")
    return "".join(uit)


class _Anders(Exception):
    """Dit document laten we aan ``json.dumps`` over."""


_tekst = json.encoder.encode_basestring  # de C-versie (c_encode_basestring) als die er is
#: sleutel -> '"sleutel": ' (gecodeerd); alleen tekstsleutels komen erin
_SLEUTELS: dict[str, str] = {}


def _schrijf(o: Any, inspring: str, uit: list) -> None:
    # Tekst als waarde komt het vaakst voor: die schrijven we direct in de lus, zonder extra
    # aanroep (de helft van de tijd van deze functie ging op aan aanroepen per blad).
    schrijf = uit.append
    if isinstance(o, str):
        schrijf(_tekst(o))
    elif o is None:
        schrijf("null")
    elif o is True:
        schrijf("true")
    elif o is False:
        schrijf("false")
    elif isinstance(o, dict):
        if not o:
            schrijf("{}")
            return
        dieper = inspring + "  "
        scheiding = "{" + dieper
        for k, v in o.items():
            sleutel = _SLEUTELS.get(k)
            if sleutel is None:
                if type(k) is not str:
                    raise _Anders
                sleutel = _tekst(k) + ": "
                if len(_SLEUTELS) < 1024:  # de sleutels van het contract: een kleine, vaste set
                    _SLEUTELS[k] = sleutel
            if type(v) is str:
                schrijf(f"{scheiding}{sleutel}{_tekst(v)}")
            elif v is None:
                schrijf(f"{scheiding}{sleutel}null")
            else:
                schrijf(scheiding + sleutel)
                _schrijf(v, dieper, uit)
            scheiding = "," + dieper
        schrijf(inspring + "}")
    elif isinstance(o, (list, tuple)):
        if not o:
            schrijf("[]")
            return
        dieper = inspring + "  "
        scheiding = "[" + dieper
        for v in o:
            if type(v) is str:
                schrijf(scheiding + _tekst(v))
            else:
                schrijf(scheiding)
                _schrijf(v, dieper, uit)
            scheiding = "," + dieper
        schrijf(inspring + "]")
    elif isinstance(o, int):
        schrijf(int.__repr__(o))
    elif isinstance(o, float):
        raise _Anders
    else:
        _schrijf(_json_default(o), inspring, uit)


def _json_default(o: Any) -> Any:
    if isinstance(o, date):
        return o.isoformat()
    from decimal import Decimal

    if isinstance(o, Decimal):
        return str(o)
    raise TypeError(f"niet naar JSON te schrijven: {type(o).__name__}")


UITKOMST_TEKST = {
    "toegekend": "TOEGEKEND",
    "afgewezen": "AFGEWEZEN",
    "niet_van_toepassing": "niet van toepassing",
    "doorverwezen": "DOORVERWEZEN",
}
PER_TEKST = {**_PER_TEKST, None: ""}


def besluit_tekst(b: Besluit, uitgebreid: bool = True) -> str:
    """Leesbare tekst: per regeling de uitkomst, het bedrag en de motivering met grondslag en bron."""
    g = b.gemeente
    r = [f"Besluit voor gemeente {g.naam} ({g.cbs_code}), peildatum {datum_nl(b.peildatum)}", ""]
    for x in b.beslissingen:
        kop = f"{x.naam} [{x.pakket}pakket]: {UITKOMST_TEKST[x.uitkomst]}"
        if x.bedrag is not None:
            kop += f", {euro_nl(x.bedrag)}{PER_TEKST[x.bedrag_per]}"
            if x.vorm == "lening":
                kop += " (als lening)"
        r.append(kop)
        if not uitgebreid and x.bezwaar_uiterlijk is not None:
            r.append(f"  bezwaar mogelijk tot en met {datum_nl(x.bezwaar_uiterlijk)}")
        if uitgebreid:
            for i, m in enumerate(x.motivering, 1):
                nummer = f"  {i}. "
                r.append(nummer + m.tekst)
                # de vervolgregel begint waar de tekst begint, ook na stap 10 ("  10. " is een teken breder)
                r.append(" " * len(nummer) + f"grondslag: {m.grondslag}; bron: {m.bron}")
        elif x.uitkomst != "toegekend":
            reden = x.reden
            if reden is not None:
                r.append(f"  reden: {reden.tekst} (bron: {reden.bron})")
        r.append("")
    if len(b.beslissingen) > 1:
        r.extend(samenvatting(b))
        r.append("")
    if b.schuldhulp:
        r.append("Schuldhulpverlening:")
        for regel in b.schuldhulp.get("samenvatting", []):
            r.append(f"  - {regel}")
        r.append("")
    for w in b.waarschuwingen:
        r.append(f"Let op: {w}")
    r.append(f"Ontvangstbewijs: toolkit {b.ontvangstbewijs.toolkit_versie}, plugin {g.plugin} {g.plugin_versie}, "
             f"beleid {b.ontvangstbewijs.beleid_vingerafdruk}")
    return "\n".join(r) + "\n"


def samenvatting(b: Besluit) -> list[str]:
    """'Waar heb ik recht op?' in een paar regels: wat is toegekend met het totaal per jaar
    (bedragen per maand x 12) en eenmalig, en wat is doorverwezen of afgewezen."""
    from decimal import Decimal

    per_jaar = Decimal("0.00")
    eenmalig = Decimal("0.00")
    toegekend, zonder_bedrag = [], []
    for x in b.beslissingen:
        if x.uitkomst != "toegekend":
            continue
        if x.bedrag is None:
            zonder_bedrag.append(x.naam)
            continue
        toegekend.append(f"{x.naam} ({euro_nl(x.bedrag)}{PER_TEKST[x.bedrag_per]})")
        if x.bedrag_per == "per_maand":
            per_jaar += x.bedrag * 12
        elif x.bedrag_per == "eenmalig":
            eenmalig += x.bedrag
        else:
            per_jaar += x.bedrag
    r = ["Samenvatting:"]
    if toegekend:
        r.append("  Toegekend: " + "; ".join(toegekend) + ".")
        totaal = f"  Samen {euro_nl(per_jaar)} per jaar (bedragen per maand x 12)"
        if eenmalig:
            totaal += f" en {euro_nl(eenmalig)} eenmalig"
        r.append(totaal + ".")
    if zonder_bedrag:
        r.append("  Toegekend zonder bedrag: " + ", ".join(zonder_bedrag) + ".")
    for uitkomst, kop in (("doorverwezen", "Doorverwezen"), ("afgewezen", "Afgewezen")):
        namen = [x.naam for x in b.beslissingen if x.uitkomst == uitkomst]
        if namen:
            r.append(f"  {kop}: " + ", ".join(namen) + ".")
    if len(r) == 1:
        r.append("  Geen regeling is van toepassing.")
    return r
