"""Een casus inlezen uit TOML, JSON of een dict, met alle fouten per veld in het Nederlands.

Alle problemen worden verzameld (niet alleen het eerste) en samen gemeld als ``InvoerFout``.
Bedragen worden exact gelezen (JSON- en TOML-getallen als ``Decimal``, nooit als float).
"""

from __future__ import annotations

import json
import operator
import re
from datetime import date, time as dt_time
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Optional

import attrs

from . import model
from ._codecache import compileer
from .fouten import Fout, InvoerFout
from .geld import naar_decimal
from .lui import Patroon
from . import _toml

#: grootste casusdocument dat wordt gelezen (bytes); groter is een fout, geen geheugenprobleem
MAX_GROOTTE = 1_000_000
MAX_BEDRAG = Decimal("1000000000")
MAX_PERSONEN = 50
MAX_AANVRAGEN = 100
#: Privacyregel (docs/betrouwbaarheid.md): een foutmelding noemt het veld, maar herhaalt nooit een
#: geboortedatum of ingevoerde tekst (die kan een naam of BSN zijn). Bedragen en de datums van de
#: zaak zelf (peildatum, aanvraagdatum, ...) mogen kort worden herhaald, zodat de invoerder ziet wat
#: er mis is. Voor samenvattingen en logs: ``fouten.zonder_waarden``.
PRIVE_DATUMS = ("geboortedatum",)
VROEGSTE_DATUM = date(1900, 1, 1)
LAATSTE_DATUM = date(2100, 12, 31)


# --------------------------------------------------------------------------- bestanden en tekst

def laad_casus(bron: str | Path | bytes | dict, formaat: Optional[str] = None) -> model.Casus:
    """Lees een casus uit een pad, bytes (JSON of TOML), of een dict.

    ``formaat`` is ``"json"`` of ``"toml"``; zonder opgave volgt het uit de extensie of de
    inhoud (begint met ``{`` is JSON)."""
    if isinstance(bron, dict):
        return casus_uit_dict(bron)
    if isinstance(bron, (str, Path)):
        pad = Path(bron)
        try:
            if pad.stat().st_size > MAX_GROOTTE:
                raise InvoerFout([Fout(None, f"Bestand {pad.name} is groter dan {MAX_GROOTTE} bytes.")])
            with open(pad, "rb") as f:  # begrensd lezen: /dev/zero of een pijp meldt geen grootte
                data = f.read(MAX_GROOTTE + 1)
        except FileNotFoundError:
            raise InvoerFout([Fout(None, f"Bestand niet gevonden: {pad}")]) from None
        except (IsADirectoryError, PermissionError, OSError) as e:
            reden = {IsADirectoryError: "het is een map", PermissionError: "geen leesrechten"}.get(type(e), "leesfout")
            raise InvoerFout([Fout(None, f"Bestand {pad} kan niet worden gelezen ({reden}).")]) from None
        if formaat is None and pad.suffix.lower() in (".json", ".toml"):
            formaat = pad.suffix.lower()[1:]
        return casus_uit_dict(lees_document(data, formaat))
    return casus_uit_dict(lees_document(bron, formaat))


def lees_document(data: bytes, formaat: Optional[str] = None) -> dict:
    """Bytes naar een dict, met Nederlandse fouten voor te groot, geen UTF-8 en syntaxis."""
    if len(data) > MAX_GROOTTE:
        raise InvoerFout([Fout(None, f"Invoer is groter dan {MAX_GROOTTE} bytes.")])
    try:
        tekst = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InvoerFout([Fout(None, f"Invoer is geen geldige UTF-8-tekst (byte {e.start}).")]) from None
    if tekst.startswith("\ufeff"):
        tekst = tekst[1:]
    if not tekst.strip():
        raise InvoerFout([Fout(None, "Lege invoer: er is geen casus ontvangen (TOML of JSON).")])
    if formaat is None:
        formaat = "json" if tekst.lstrip()[:1] in ("{", "[") else "toml"
    if formaat == "json":
        try:
            doc = _JSON.decode(tekst)
        except _DubbeleSleutel as e:
            raise InvoerFout([Fout(None, f"Het veld{_getoond(e.sleutel, soort='sleutel')} komt meer dan eens voor in "
                                         "hetzelfde object; geef elk veld één keer.")]) from None
        except json.JSONDecodeError as e:
            raise InvoerFout([Fout(None, f"Ongeldige JSON op regel {e.lineno}, kolom {e.colno}: "
                                         f"{_vertaal(e.msg, _JSON_MELDINGEN)}.")]) from None
        except RecursionError:
            raise InvoerFout([Fout(None, "JSON is te diep genest.")]) from None
        except ValueError as e:
            raise InvoerFout([Fout(None, f"Ongeldige JSON: {_waardefout(e)}")]) from None
    elif formaat == "toml":
        tomllib = _toml.tomllib  # pas hier geladen: een koude start met een JSON-casus heeft de parser niet nodig
        try:
            doc = tomllib.loads(tekst, parse_float=Decimal)
        except tomllib.TOMLDecodeError as e:
            raise InvoerFout([_toml_fout(tekst, str(e))]) from None
        except RecursionError:
            raise InvoerFout([Fout(None, "TOML is te diep genest.")]) from None
        except ValueError as e:  # bv. een geheel getal met meer dan 4300 cijfers
            raise InvoerFout([Fout(None, f"Ongeldige TOML: {_waardefout(e)}")]) from None
    else:
        raise InvoerFout([Fout(None, f"Onbekend formaat '{formaat}': kies json of toml.")])
    if not isinstance(doc, dict):
        raise InvoerFout([Fout(None, "Een casus moet een object (JSON) of tabel (TOML) zijn.")])
    return doc


def _geen_constante(naam: str) -> Any:
    raise ValueError(f"'{naam}' is geen geldig getal")


class _DubbeleSleutel(ValueError):
    def __init__(self, sleutel: str):
        self.sleutel = sleutel
        super().__init__(sleutel)


def _zonder_dubbele_sleutels(paren: list) -> dict:
    """JSON-objecten met een sleutel die twee keer voorkomt zijn dubbelzinnig: weiger ze
    (TOML doet dat zelf al). Anders zou stil de laatste waarde winnen."""
    doc = dict(paren)
    if len(doc) != len(paren):
        gezien = set()
        for k, _ in paren:
            if k in gezien:
                raise _DubbeleSleutel(k)
            gezien.add(k)
    return doc


#: de JSON-lezer, één keer gemaakt (``json.loads`` met opties bouwt er bij elke aanroep een nieuwe)
_JSON = json.JSONDecoder(parse_float=Decimal, parse_constant=_geen_constante, object_pairs_hook=_zonder_dubbele_sleutels)


def _waardefout(e: ValueError) -> str:
    """Een Nederlandse tekst voor een ValueError uit de JSON- of TOML-lezer."""
    tekst = str(e)
    if "digits" in tekst:
        return "een getal heeft te veel cijfers."
    if "geen geldig getal" in tekst:
        return tekst
    return "een waarde kan niet worden gelezen."


#: de meldingen van de JSON- en TOML-lezer (Engels) in het Nederlands, op hun begin herkend
_JSON_MELDINGEN = (
    ("Expecting value", "verwacht een waarde"),
    ("Expecting property name enclosed in double quotes", "verwacht een veldnaam tussen dubbele aanhalingstekens "
                                                          "(of een komma te veel)"),
    ("Expecting ':' delimiter", "verwacht een dubbele punt na de veldnaam"),
    ("Expecting ',' delimiter", "verwacht een komma"),
    ("Unterminated string", "tekst zonder afsluitend aanhalingsteken"),
    ("Invalid control character", "ongeldig stuurteken in tekst"),
    ("Invalid \\u", "ongeldige \\u-code in tekst"),  # "Invalid \\u....-escape" (begin herkend)
    ("Invalid \\escape", "ongeldige escape (\\) in tekst"),
    ("Extra data", "er staat nog iets na het einde van het document"),
)
_TOML_MELDINGEN = (
    ("Invalid value", "ongeldige waarde"),
    ("Unterminated string", "tekst zonder afsluitend aanhalingsteken"),
    ("Expected '=' after a key", "verwacht '=' na de sleutel"),
    ("Expected ']' at the end of a table", "verwacht ']' aan het einde van de tabelnaam"),
    ("Expected ']]' at the end of an array", "verwacht ']]' aan het einde van de tabelnaam"),
    ("Expected newline or end of document", "verwacht een nieuwe regel na de waarde"),
    ("Cannot overwrite a value", "een sleutel komt twee keer voor"),
    ("Cannot declare", "een tabel wordt twee keer gedeclareerd"),
    ("Cannot mutate immutable namespace", "een tabel wordt twee keer gedeclareerd"),
    ("Unclosed array", "een lijst wordt niet gesloten"),
    ("Unclosed inline table", "een tabel tussen accolades wordt niet gesloten"),
    ("Invalid statement", "ongeldige regel"),
    ("Invalid initial character for a key", "ongeldig teken aan het begin van een sleutel"),
    ("Illegal character", "ongeldig teken"),
    ("Invalid date or datetime", "ongeldige datum"),
    ("Expected \"'\"", "tekst zonder afsluitend aanhalingsteken"),
    ('Expected "\'"', "tekst zonder afsluitend aanhalingsteken"),
    ("Found invalid character", "ongeldig teken"),
    ("Unescaped", "ongeldig teken in tekst"),
)


def _vertaal(melding: str, tabel: tuple) -> str:
    for en, nl in tabel:
        if melding.startswith(en):
            return nl
    return "syntaxfout"


_TOML_REGEL = Patroon(r"line (\d+)")
_TOML_TABEL = Patroon(r"^\s*\[\[?\s*([A-Za-z0-9_.\-]+)\s*\]\]?")
_TOML_SLEUTEL = Patroon(r"^\s*([A-Za-z0-9_\-]+)\s*=")


def _toml_fout(tekst: str, melding: str) -> Fout:
    """Vertaal een TOML-syntaxfout naar het veld waar hij zit (tabel + sleutel van die regel)."""
    m = _TOML_REGEL.search(melding)
    nl = _vertaal(melding, _TOML_MELDINGEN)
    if not m:
        waar = " aan het einde van het document" if "end of document" in melding else ""
        return Fout(None, f"Ongeldige TOML{waar}: {nl}.")
    nr = int(m.group(1))
    regels = tekst.splitlines()
    veld = None
    sleutel = None
    if 0 < nr <= len(regels):
        sleutel = _TOML_SLEUTEL.match(regels[nr - 1])
        tabel = None
        for r in reversed(regels[: nr - 1]):
            t = _TOML_TABEL.match(r)
            if t:
                tabel = t.group(1)
                break
        if sleutel:
            veld = f"{tabel}.{sleutel.group(1)}" if tabel else sleutel.group(1)
    if "date" in melding.lower() and sleutel:
        ruw = regels[nr - 1].split("=", 1)[1].split("#", 1)[0].strip()
        prive = (veld or "").endswith(PRIVE_DATUMS)
        getoond = "" if prive else _getoond(ruw)
        return Fout(veld, f"Ongeldige datum{getoond} op regel {nr}: verwacht een bestaande dag (JJJJ-MM-DD).")
    kolom = re.search(r"column (\d+)", melding)
    return Fout(veld, f"Ongeldige TOML op regel {nr}{f', kolom {kolom.group(1)}' if kolom else ''}: {nl}.")


# --------------------------------------------------------------------------- dict naar model

class _Lezer:
    """Loopt een dict na volgens een veldenlijst en verzamelt fouten met hun pad."""

    def __init__(self) -> None:
        self.fouten: list[Fout] = []

    def fout(self, veld: Optional[str], melding: str) -> None:
        self.fouten.append(Fout(veld, melding))

    def object(self, doc: Any, pad: str, velden: dict[str, tuple[Callable, bool]]) -> Optional[dict]:
        """Lees een object. ``velden``: naam -> (lezer, verplicht). Onbekende velden zijn fout."""
        if not isinstance(doc, dict):
            self.fout(pad or None, f"Verwacht een object, kreeg {_soort(doc)}.")
            return None
        uit: dict[str, Any] = {}
        for sleutel in doc:
            if sleutel not in velden:  # de naam alleen als hij op een veldnaam lijkt (geen BSN, geen naam)
                naam = herhaalbaar(sleutel, "sleutel")
                if naam:
                    self.fout(_pad(pad, naam), f"Onbekend veld '{naam}'.")
                else:  # het veld heet dan '…' (zoals in fouten.zonder_waarden): wel de plek, niet de naam
                    self.fout(_pad(pad, "…"), "Onbekend veld (de naam lijkt niet op een veldnaam en wordt niet herhaald).")
        for naam, (lees, verplicht) in velden.items():
            w = doc.get(naam)  # ontbreekt of null: hetzelfde
            if w is None:
                if verplicht:
                    self.fout(_pad(pad, naam), "Verplicht veld ontbreekt.")
                continue
            waarde = lees(self, w, f"{pad}.{naam}" if pad else naam)
            if waarde is not _FOUT:
                uit[naam] = waarde
        return uit

    def lijst(self, doc: Any, pad: str, lees_item: Callable, maximum: int) -> tuple:
        if not isinstance(doc, list):
            self.fout(pad, f"Verwacht een lijst, kreeg {_soort(doc)}.")
            return ()
        if len(doc) > maximum:
            self.fout(pad, f"Te veel elementen ({len(doc)}); hoogstens {maximum}.")
            return ()
        items = []
        for i, item in enumerate(doc):
            r = lees_item(self, item, f"{pad}[{i}]")
            if r is not None and r is not _FOUT:
                items.append(r)
        return tuple(items)


_FOUT = object()


def _pad(pad: str, naam: str) -> str:
    return f"{pad}.{naam}" if pad else naam


def _soort(w: Any) -> str:
    if isinstance(w, bool):
        return "een ja/nee-waarde"
    if isinstance(w, (int, float, Decimal)):
        return "een getal"  # niet het getal zelf: dat kan een BSN zijn (privacyregel)
    if isinstance(w, str):
        return "tekst"  # nooit de tekst zelf: die kan een naam of BSN zijn (privacyregel)
    if isinstance(w, list):
        return "een lijst"
    if isinstance(w, dict):
        return "een object"
    if isinstance(w, date):
        return f"een datum ({w})"
    if w is None:
        return "geen waarde (null)"
    if isinstance(w, dt_time):
        return "een tijd"
    return "een waarde van een ander soort"


def _kort(s: str, n: int = 40) -> str:
    """Ingekort en altijd als UTF-8 te schrijven (een losse surrogaat uit JSON wordt '?')."""
    s = s if len(s) <= n else s[: n - 1] + "…"
    return s.encode("utf-8", "replace").decode("utf-8")


_SLEUTELACHTIG = Patroon(r"[A-Za-z][A-Za-z0-9_.\-]{0,39}")
_NEGEN_CIJFERS = Patroon(r"[0-9]{9}")


def als_sleutel(w: Any) -> Optional[str]:
    """``w`` als het op een sleutel lijkt (een woord van letters, cijfers, _ . -, hoogstens 40
    tekens, zonder spaties): zo'n waarde mag in een melding terugkomen (tikfout in een keuze,
    gemeente of regeling). Een naam met spatie, een BSN of een zin komt nooit terug."""
    if isinstance(w, str) and _SLEUTELACHTIG.fullmatch(w.strip()) and not _NEGEN_CIJFERS.search(w):
        return w.strip()  # (nooit met 9 cijfers achter elkaar: dat kan een BSN zijn, ook in 'alle.123456782')
    return None


def getoond(w: Any) -> str:
    """`` 'w'`` om in een melding te noemen als ``w`` op een sleutel lijkt, anders ``''``
    (privacyregel: vrije tekst uit de invoer komt nooit terug)."""
    s = als_sleutel(w)
    return f" '{s}'" if s else ""


_DATUMVORM = Patroon(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATUMACHTIG = Patroon(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_BEDRAGACHTIG = Patroon(r"-?[0-9]{1,8}(?:\.[0-9]{1,6})?")
_BEDRAGVORM = Patroon(r"-?[0-9]+(?:\.[0-9]+)?")


def herhaalbaar(w: Any, soort: str = "waarde") -> Optional[str]:
    """Mag ``w`` in een melding terugkomen? De ene plek voor die vraag (privacyregel,
    docs/betrouwbaarheid.md). Geeft de korte tekst om te tonen, of ``None``.

    * ``soort="waarde"`` (datums, bedragen, parameters): alleen iets met de vorm van een datum
      (``2025-02-30``) of van een kort bedrag (hoogstens 8 cijfers vóór de punt: ``-5``,
      ``1.005``). Een getal van 9 cijfers (een BSN), tekst of een naam komt nooit terug.
    * ``soort="sleutel"`` (een veldnaam, keuze, gemeente of regeling): één woord dat met een
      letter begint (``als_sleutel``).
    Een geboortedatum komt nooit terug: de aanroeper geeft die niet door."""
    if soort == "sleutel":
        return als_sleutel(w)
    if isinstance(w, bool) or not isinstance(w, (str, int, Decimal)):
        return None
    t = w.strip() if isinstance(w, str) else str(w)
    if len(t) <= 16 and (_DATUMACHTIG.fullmatch(t) or _BEDRAGACHTIG.fullmatch(t)):
        return t
    return None


def _getoond(w: Any, voor: str = " ", na: str = "", soort: str = "waarde") -> str:
    """``voor + "'w'" + na`` als ``w`` herhaalbaar is, anders ``''``."""
    h = herhaalbaar(w, soort)
    return f"{voor}'{h}'{na}" if h is not None else ""


def datum_uit_tekst(waarde: str, veld: str) -> date:
    """Een datum JJJJ-MM-DD uit een opdrachtregeloptie of HTTP-parameter, met dezelfde regels
    als een datum in de casus: een bestaande dag binnen 1900-01-01 tot 2100-12-31, en alleen
    iets dat op een datum lijkt komt terug in de melding. Gooit ``InvoerFout``."""
    try:
        if not _DATUMVORM.fullmatch(waarde):  # date.fromisoformat neemt ook 20250901 en 2025-W36-1
            raise ValueError
        d = date.fromisoformat(waarde)
    except ValueError:
        raise InvoerFout([Fout(veld, f"Ongeldige datum{_getoond(waarde, ': ')} (verwacht JJJJ-MM-DD).")]) from None
    if not (VROEGSTE_DATUM <= d <= LAATSTE_DATUM):
        raise InvoerFout([Fout(veld, f"Datum {d.isoformat()} ligt buiten het bereik 1900-01-01 tot 2100-12-31.")])
    return d


def _datum(lz: _Lezer, w: Any, pad: str) -> Any:
    prive = pad.endswith(PRIVE_DATUMS)
    if isinstance(w, date) and not hasattr(w, "hour"):
        d = w
    elif isinstance(w, str):
        try:  # alleen JJJJ-MM-DD (date.fromisoformat neemt ook 20250901 en 2025-W36-1)
            d = date.fromisoformat(w) if _DATUMVORM.fullmatch(w) else None
        except ValueError:
            d = None
        if d is None:
            # alleen iets dat op een datum lijkt wordt herhaald; tekst (een naam, een BSN) nooit
            getoond = "" if prive else _getoond(w, ": ")
            lz.fout(pad, f"Ongeldige datum{getoond} (verwacht JJJJ-MM-DD, een bestaande dag).")
            return _FOUT
    else:
        soort = "een datum met tijd" if isinstance(w, date) and prive else _soort(w)
        lz.fout(pad, f"Verwacht een datum (JJJJ-MM-DD), kreeg {soort}.")
        return _FOUT
    if not (VROEGSTE_DATUM <= d <= LAATSTE_DATUM):
        getoond = "De datum" if prive else f"Datum {d.isoformat()}"
        lz.fout(pad, f"{getoond} ligt buiten het bereik 1900-01-01 tot 2100-12-31.")
        return _FOUT
    return d


def _bedrag(lz: _Lezer, w: Any, pad: str) -> Any:
    if isinstance(w, str):  # alleen ASCII-cijfers met hoogstens een punt (Decimal neemt ook '٣٤٥', '1_450', '1e3')
        t = w.strip()
        if len(t) > 40 and _BEDRAGVORM.fullmatch(t):
            lz.fout(pad, "Bedrag is te lang (meer dan 40 tekens).")
            return _FOUT
        if re.fullmatch(r"-?[0-9]+,[0-9]+", t):
            kort = re.fullmatch(r"[0-9]{1,8},[0-9]{1,2}", t)
            hint = f": {Decimal(t.replace(',', '.')).quantize(Decimal('0.01'))}" if kort else " (zoals 1450.00)"
            lz.fout(pad, f"Bedrag met een komma; gebruik een punt{hint}.")
            return _FOUT
        if not _BEDRAGVORM.fullmatch(t):
            lz.fout(pad, f"Verwacht een bedrag (cijfers met hoogstens een punt, zoals 1450.00), kreeg {_soort(w)}.")
            return _FOUT
    try:
        d = naar_decimal(w)
    except ValueError:
        lz.fout(pad, f"Verwacht een bedrag, kreeg {_soort(w)}.")
        return _FOUT
    weergave = w.strip() if isinstance(w, str) else str(d)
    if d < 0:
        lz.fout(pad, f"Bedrag mag niet negatief zijn{_getoond(weergave, ': ')}.")
        return _FOUT
    if d > MAX_BEDRAG:
        lz.fout(pad, f"Bedrag is onwaarschijnlijk groot{_getoond(weergave, ': ')}.")
        return _FOUT
    if d != d.quantize(Decimal("0.01")):
        lz.fout(pad, f"Bedrag heeft meer dan twee decimalen{_getoond(weergave, ': ')}.")
        return _FOUT
    return d


def _is_utf8(w: str) -> bool:
    try:
        w.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _bool(lz: _Lezer, w: Any, pad: str) -> Any:
    if isinstance(w, bool):
        return w
    lz.fout(pad, f"Verwacht true of false, kreeg {_soort(w)}.")
    return _FOUT


def _tekst(lz: _Lezer, w: Any, pad: str) -> Any:
    if isinstance(w, str) and w.strip():
        if len(w) > 500:
            lz.fout(pad, "Tekst is te lang (meer dan 500 tekens).")
            return _FOUT
        if not _is_utf8(w):
            lz.fout(pad, "Tekst bevat een ongeldig teken (een losse UTF-16-surrogaat).")
            return _FOUT
        return w
    lz.fout(pad, f"Verwacht tekst, kreeg {_soort(w)}.")
    return _FOUT


def _keuze(*opties: str) -> Callable:
    def lees(lz: _Lezer, w: Any, pad: str) -> Any:
        if isinstance(w, str) and w in opties:
            return w
        getoond = f"'{herhaalbaar(w, 'sleutel')}'" if herhaalbaar(w, "sleutel") else _soort(w)
        lz.fout(pad, f"Ongeldige waarde {getoond}; kies uit: {', '.join(opties)}.")
        return _FOUT
    lees.opties = opties  # voor de snelle lezer
    return lees


def _object_lezer(lees: Callable, velden: dict, maak: Callable) -> Callable:
    """Geef de lezer van een object zijn veldenlijst en constructor mee (voor de snelle lezer)."""
    lees.velden = velden
    lees.maak = maak
    return lees


def _lijst_lezer(lees: Callable, item: Callable, maximum: int) -> Callable:
    lees.item = item
    lees.maximum = maximum
    return lees


_PERSOON_VELDEN: dict[str, tuple[Callable, bool]] = {
    "geboortedatum": (_datum, True),
    "student": (_bool, False),
    "arbeidsvermogen": (_keuze(*model.ARBEIDSVERMOGEN), False),
    "wajong": (_bool, False),
}
_JONGERE = {"geen_beroep_op_ouders": (_keuze(*model.GRONDEN_GEEN_BEROEP_OP_OUDERS), False)}
#: de aanvrager heeft daarnaast ``woonachtig_in_gemeente`` (art. 40 Pw), ``geen_beroep_op_ouders``
#: (art. 20 lid 3 Pw) en ``tijdelijk_mantelzorg_elders`` (art. 22a lid 4 Pw), alle optioneel
_AANVRAGER_VELDEN = {**_PERSOON_VELDEN, "woonachtig_in_gemeente": (_bool, False), **_JONGERE,
                     "tijdelijk_mantelzorg_elders": (_bool, False)}
#: de partner: ``geen_beroep_op_ouders`` en ``geen_recht_op_bijstand`` (art. 24/24a Pw)
_PARTNER_VELDEN = {**_PERSOON_VELDEN, **_JONGERE, "geen_recht_op_bijstand": (_bool, False)}


def _lees_persoon(velden: dict) -> Callable:
    def lees(lz: _Lezer, w: Any, pad: str) -> Any:
        v = lz.object(w, pad, velden)
        if v is None or "geboortedatum" not in v:
            return _FOUT
        return model.Persoon(**v)
    return _object_lezer(lees, velden, model.Persoon)


_persoon = _lees_persoon(_PERSOON_VELDEN)
_aanvrager = _lees_persoon(_AANVRAGER_VELDEN)
_partner = _lees_persoon(_PARTNER_VELDEN)


def _personen(lz: _Lezer, w: Any, pad: str) -> Any:
    return lz.lijst(w, pad, _persoon, MAX_PERSONEN)


_lijst_lezer(_personen, _persoon, MAX_PERSONEN)
_WONING_VELDEN: dict[str, tuple[Callable, bool]] = {"soort": (_keuze(*model.WONINGSOORTEN), False)}


def _woning(lz: _Lezer, w: Any, pad: str) -> Any:
    v = lz.object(w, pad, _WONING_VELDEN)
    return _FOUT if v is None else model.Woning(**v)


_object_lezer(_woning, _WONING_VELDEN, model.Woning)
_INKOMEN_VELDEN: dict[str, tuple[Callable, bool]] = {
    "netto_per_maand": (_bedrag, True),
    "laag_sinds": (_datum, False),
    "uitzicht_op_verbetering": (_bool, False),
    "laatste_inkomenstoeslag": (_datum, False),
}


def _inkomen(lz: _Lezer, w: Any, pad: str) -> Any:
    v = lz.object(w, pad, _INKOMEN_VELDEN)
    if v is None or "netto_per_maand" not in v:
        return _FOUT
    return model.Inkomen(**v)


_object_lezer(_inkomen, _INKOMEN_VELDEN, model.Inkomen)
_VERMOGEN_VELDEN: dict[str, tuple[Callable, bool]] = {
    "bezittingen": (_bedrag, False),
    "schulden": (_bedrag, False),
    "eigen_woning_overwaarde": (_bedrag, False),
}


def _vermogen(lz: _Lezer, w: Any, pad: str) -> Any:
    v = lz.object(w, pad, _VERMOGEN_VELDEN)
    return _FOUT if v is None else model.Vermogen(**v)


_object_lezer(_vermogen, _VERMOGEN_VELDEN, model.Vermogen)
_AANVRAAG_VELDEN: dict[str, tuple[Callable, bool]] = {
    "regeling": (_tekst, True),
    "kostensoort": (_tekst, False),
    "bedrag": (_bedrag, False),
    "omschrijving": (_tekst, False),
    "voorliggend": (_bedrag, False),
    "kostendatum": (_datum, False),
    "noodzakelijk": (_bool, False),
    "terugwerkende_kracht": (_bool, False),
    "ambtshalve": (_bool, False),
}


def _aanvraag(lz: _Lezer, w: Any, pad: str) -> Any:
    v = lz.object(w, pad, _AANVRAAG_VELDEN)
    if v is None or "regeling" not in v:
        return _FOUT
    return model.Aanvraag(**v)


_object_lezer(_aanvraag, _AANVRAAG_VELDEN, model.Aanvraag)


def _aanvragen(lz: _Lezer, w: Any, pad: str) -> Any:
    return lz.lijst(w, pad, _aanvraag, MAX_AANVRAGEN)


_lijst_lezer(_aanvragen, _aanvraag, MAX_AANVRAGEN)
_SCHULDHULP_VELDEN: dict[str, tuple[Callable, bool]] = {
    "melddatum": (_datum, True),
    "soort_melding": (_keuze(*model.SOORTEN_MELDING), False),
    "bedreigende_situatie": (_keuze(*model.BEDREIGENDE_SITUATIES), False),
    "eerder_schuldhulp_afgerond": (_datum, False),
    "fraudevordering": (_bool, False),
    "signaal_van": (_keuze(*model.SIGNAALGEVERS), False),
}


def _schuldhulp(lz: _Lezer, w: Any, pad: str) -> Any:
    v = lz.object(w, pad, _SCHULDHULP_VELDEN)
    if v is None or "melddatum" not in v:
        return _FOUT
    return model.Schuldhulp(**v)


_object_lezer(_schuldhulp, _SCHULDHULP_VELDEN, model.Schuldhulp)


_CASUS_VELDEN: dict[str, tuple[Callable, bool]] = {
    "gemeente": (_tekst, True),
    "peildatum": (_datum, True),
    "aanvraagdatum": (_datum, False),
    "aanvrager": (_aanvrager, True),
    "partner": (_partner, False),
    "kinderen": (_personen, False),
    "medebewoners": (_personen, False),
    "woning": (_woning, False),
    "inkomen": (_inkomen, True),
    "vermogen": (_vermogen, False),
    "aanvragen": (_aanvragen, False),
    "schuldhulp": (_schuldhulp, False),
    "besluitdatum": (_datum, False),
}


def casus_uit_dict(doc: Any) -> model.Casus:
    """Zet een dict (uit JSON/TOML of van een zaaksysteem) om naar een ``Casus``.

    Gooit ``InvoerFout`` met alle gevonden problemen. Eerst de snelle lezer (``casus_snel``) voor
    de gewone vorm; bij alles wat daarvan afwijkt de volledige toets (``casus_volledig``), die
    ook alle foutmeldingen maakt. Beide geven voor elk document hetzelfde (eigenschapstest
    ``test_snelle_casuslezer_gelijk_aan_volledige``)."""
    if _LEZER[0] is None and not _LEZER[1]:
        # de eerste casus van een proces (zoals één `sora beoordeel`): de volledige toets, die hetzelfde
        # geeft; de snelle lezer bouwen kost meer dan één casus volledig toetsen, dus pas vanaf de tweede
        _LEZER[1] = True
        return casus_volledig(doc)
    c = casus_snel(doc)
    return c if c is not None else casus_volledig(doc)


def casus_volledig(doc: Any) -> model.Casus:
    """De volledige toets van een casusdocument: elk veld nagelopen, alle fouten per veld."""
    lz = _Lezer()
    v = lz.object(doc, "", _CASUS_VELDEN)
    if v is None or lz.fouten:
        raise InvoerFout(lz.fouten or [Fout(None, "Lege casus.")])
    casus = model.Casus(**v)  # elk verplicht veld is er (anders een fout hierboven)
    fouten = _samenhang(casus)
    if fouten:
        raise InvoerFout(fouten)
    return casus


def _samenhang(casus: model.Casus) -> list[Fout]:
    """Controles over velden heen: geboortedata niet na de peildatum, enz. Geeft de fouten (leeg: in orde)."""
    fouten: list[Fout] = []
    peil: date = casus.peildatum
    # geboortedata in de volgorde aanvrager, partner, kinderen, medebewoners; het pad pas bij een fout
    if casus.aanvrager.geboortedatum > peil:
        fouten.append(Fout("aanvrager.geboortedatum", f"De geboortedatum ligt na de peildatum {peil.isoformat()}."))
    if casus.partner is not None and casus.partner.geboortedatum > peil:
        fouten.append(Fout("partner.geboortedatum", f"De geboortedatum ligt na de peildatum {peil.isoformat()}."))
    if casus.kinderen or casus.medebewoners:
        for soort, personen in (("kinderen", casus.kinderen), ("medebewoners", casus.medebewoners)):
            for i, p in enumerate(personen):
                if p.geboortedatum > peil:
                    fouten.append(Fout(f"{soort}[{i}].geboortedatum",
                                       f"De geboortedatum ligt na de peildatum {peil.isoformat()}."))
    ink = casus.inkomen
    if ink.laag_sinds and ink.laag_sinds > peil:
        fouten.append(Fout("inkomen.laag_sinds",
                           f"Datum {ink.laag_sinds.isoformat()} ligt na de peildatum {peil.isoformat()}."))
    if casus.aanvraagdatum is not None and casus.aanvraagdatum > peil:
        fouten.append(Fout("aanvraagdatum", f"Aanvraagdatum {casus.aanvraagdatum.isoformat()} ligt na de peildatum "
                                            f"{peil.isoformat()}."))
    if ink.laatste_inkomenstoeslag and ink.laatste_inkomenstoeslag > peil:
        fouten.append(Fout("inkomen.laatste_inkomenstoeslag", f"Datum {ink.laatste_inkomenstoeslag.isoformat()} ligt "
                                                              f"na de peildatum {peil.isoformat()}."))
    if casus.besluitdatum and casus.besluitdatum < peil:
        fouten.append(Fout("besluitdatum", f"Besluitdatum {casus.besluitdatum.isoformat()} ligt vóór de peildatum "
                                           f"{peil.isoformat()}; een besluit wordt op of na de peildatum bekendgemaakt."))
    for i, a in enumerate(casus.aanvragen):
        if not a.ambtshalve and a.terugwerkende_kracht is None:
            continue  # de gewone aanvraag: niets na te gaan
        if a.ambtshalve and a.regeling != "individuele_inkomenstoeslag":
            fouten.append(Fout(f"aanvragen[{i}].ambtshalve", "Ambtshalve beslissen kan alleen over de individuele "
                                                             "inkomenstoeslag (regeling = \"individuele_inkomenstoeslag\")."))
        if a.terugwerkende_kracht is not None and a.regeling != "bijzondere_bijstand":
            fouten.append(Fout(f"aanvragen[{i}].terugwerkende_kracht", "Terugwerkende kracht (art. 44 lid 5 Pw) hoort "
                                                                       "alleen bij een aanvraag om bijzondere bijstand."))
    sh = casus.schuldhulp
    if sh is not None and sh.melddatum > peil:
        fouten.append(Fout("schuldhulp.melddatum",
                           f"Melddatum {sh.melddatum.isoformat()} ligt na de peildatum {peil.isoformat()}."))
    if sh is not None and sh.soort_melding == "hulpvraag" and sh.signaal_van is not None:
        fouten.append(Fout("schuldhulp.signaal_van", "Alleen bij soort_melding = \"signaal\" hoort een signaalgever."))
    return fouten


def controleer_samenhang(casus: model.Casus) -> None:
    """De controles over velden heen voor een casus waarin de opdrachtregel of de HTTP-query
    een datum verving (``--peildatum``, ``--besluitdatum``). Gooit ``InvoerFout``."""
    fouten = _samenhang(casus)
    if fouten:
        raise InvoerFout(fouten)


# --------------------------------------------------------------------------- snelle lezer

#: ``casus_snel`` geeft dit terug (binnen) als een waarde niet de gewone vorm heeft
_ANDERS = object()
_BEDRAG_SNEL = Patroon(r"[0-9]{1,10}(?:\.[0-9]{1,2})?")
NUL_BEDRAG = Decimal(0)

# De snelle toets van elke soort waarde, één keer als code: ``{w}`` is de waarde (nooit None), ``{u}`` krijgt
# het resultaat; wat niet de gewone vorm heeft, geeft ``_ANDERS``. Dezelfde code wordt in de lezer van een
# hele casus geplakt (``_casuslezer``, één functie zonder aanroep per veld) en is als losse functie
# ``_datum_snel``, ``_bedrag_snel`` en ``_tekst_snel`` (de lezer voor de batch).
_SNELLE_TOETSEN = {
    # als _DATUMVORM: tien tekens met streepjes op plek 4 en 7; date.fromisoformat neemt dan alleen
    # nog JJJJ-MM-DD met ASCII-cijfers aan (tekst met andere tekens is in UTF-8 langer dan tien bytes)
    "datum": """\
if type({w}) is _str:
    if len({w}) != 10 or {w}[4] != "-" or {w}[7] != "-":
        return _ANDERS
    try:
        {u} = _van_iso({w})
    except ValueError:
        return _ANDERS
elif type({w}) is _date:
    {u} = {w}
else:
    return _ANDERS
if not (_VROEGSTE <= {u} <= _LAATSTE):
    return _ANDERS
""",
    # alleen tekst van cijfers met hoogstens twee decimalen (nooit negatief; met minder dan tien tekens
    # onder het maximum), of een geheel getal (geen bool), 0 tot het maximum
    "bedrag": """\
if type({w}) is _str:
    if not _bedragvorm({w}):
        return _ANDERS
    {u} = _Decimal({w})
    if len({w}) >= 10 and {u} > _MAX_BEDRAG:
        return _ANDERS
elif type({w}) is _int:
    {u} = _Decimal({w})
    if not (_NUL <= {u} <= _MAX_BEDRAG):
        return _ANDERS
else:
    return _ANDERS
""",
    "bool": """\
if {w} is not True and {w} is not False:
    return _ANDERS
{u} = {w}
""",
    "tekst": """\
if type({w}) is not _str or len({w}) > 500 or not {w}.strip() or not ({w}.isascii() or _is_utf8({w})):
    return _ANDERS
{u} = {w}
""",
    # een keuze uit de lijst: {opties} is de naam van de verzameling in de naamruimte
    "keuze": """\
if type({w}) is not _str or {w} not in {opties}:
    return _ANDERS
{u} = {w}
""",
}


def _snelle_ruimte() -> dict[str, Any]:
    """De namen die de code van ``_SNELLE_TOETSEN`` gebruikt."""
    return {"_ANDERS": _ANDERS, "_str": str, "_int": int, "_date": date, "_dict": dict, "_list": list,
            "_tuple": tuple, "_nieuw": object.__new__, "_van_iso": date.fromisoformat, "_VROEGSTE": VROEGSTE_DATUM, "_LAATSTE": LAATSTE_DATUM,
            "_Decimal": Decimal, "_MAX_BEDRAG": MAX_BEDRAG, "_NUL": NUL_BEDRAG, "_bedragvorm": _BEDRAG_SNEL.fullmatch,
            "_is_utf8": _is_utf8}


def _ingesprongen(code: str, inspring: str) -> list[str]:
    return [inspring + r for r in code.splitlines()]


def _losse_toets(soort: str) -> Callable:
    """De toets ``soort`` van ``_SNELLE_TOETSEN`` als functie: de waarde in de gewone vorm, of ``_ANDERS``."""
    ruimte = _snelle_ruimte()
    bron = "\n".join(["def toets(w):", *_ingesprongen(_SNELLE_TOETSEN[soort].format(w="w", u="v"), "    "),
                      "    return v"]) + "\n"
    exec(compileer(bron, f"<snelle toets {soort}>"), ruimte)  # noqa: S102 - eigen code uit een vaste tekst
    toets = ruimte["toets"]
    toets.__name__ = toets.__qualname__ = f"_{soort}_snel"
    return toets


def _bij_eerste_gebruik(naam: str, soort: str) -> Callable:
    """``_losse_toets(soort)``, pas gebouwd bij de eerste aanroep (een ``sora beoordeel`` gebruikt ze
    niet: alleen de batch en de snelle lezer); daarna staat de echte toets onder ``naam`` in de module."""
    def eerst(w):
        toets = globals()[naam]
        if toets is eerst:
            toets = globals()[naam] = _losse_toets(soort)
        return toets(w)

    eerst.__name__ = eerst.__qualname__ = naam
    return eerst


_datum_snel = _bij_eerste_gebruik("_datum_snel", "datum")
_bedrag_snel = _bij_eerste_gebruik("_bedrag_snel", "bedrag")
_tekst_snel = _bij_eerste_gebruik("_tekst_snel", "tekst")
#: lezer van de volledige toets -> de soort van zijn snelle toets
_SOORT_VAN = {_datum: "datum", _bedrag: "bedrag", _bool: "bool", _tekst: "tekst"}


class _Bouwer:
    """Schrijft de snelle lezer van een casus als één functie (de namen van de tussenwaarden en de
    constanten in de naamruimte)."""

    def __init__(self) -> None:
        self.ruimte = _snelle_ruimte()
        self.n = 0

    def naam(self, voorvoegsel: str) -> str:
        self.n += 1
        return f"{voorvoegsel}{self.n}"

    def constante(self, waarde: Any) -> str:
        naam = self.naam("_c")
        self.ruimte[naam] = waarde
        return naam

    def waarde(self, lees: Callable, w: str, u: str, inspring: str) -> list[str]:
        """De code die ``w`` (nooit None) leest met de snelle vorm van lezer ``lees`` en het resultaat in ``u`` zet."""
        soort = _SOORT_VAN.get(lees)
        if soort is not None:
            return _ingesprongen(_SNELLE_TOETSEN[soort].format(w=w, u=u), inspring)
        if hasattr(lees, "opties"):
            opties = self.constante(frozenset(lees.opties))
            return _ingesprongen(_SNELLE_TOETSEN["keuze"].format(w=w, u=u, opties=opties), inspring)
        if hasattr(lees, "velden"):
            return self.object(lees.velden, lees.maak, w, u, inspring)
        if hasattr(lees, "item"):
            lijst, x, y = self.naam("_l"), self.naam("_x"), self.naam("_y")
            return [f"{inspring}if type({w}) is not _list or len({w}) > {int(lees.maximum)}:",
                    f"{inspring}    return _ANDERS",
                    f"{inspring}{lijst} = []",
                    f"{inspring}for {x} in {w}:",
                    *self.waarde(lees.item, x, y, inspring + "    "),
                    f"{inspring}    {lijst}.append({y})",
                    f"{inspring}{u} = _tuple({lijst})"]
        return [f"{inspring}return _ANDERS"]  # onbekende lezer: altijd de volledige toets

    def object(self, velden: dict, maak: Callable, w: str, u: str, inspring: str) -> list[str]:
        """Een object: geen dict of een onbekend veld, een verplicht veld dat ontbreekt (null is hetzelfde
        als ontbreken) of een waarde die niet de gewone vorm heeft: ``_ANDERS``; anders ``maak(...)``.

        Eerst de verplichte velden; heeft de dict er niet meer sleutels dan die, dan ontbreekt elk optioneel
        veld (de sleutels zijn bekend, zie boven): meteen de standaardwaarden, zonder opzoeking per veld (een
        persoon met alleen een geboortedatum). Is ``maak`` een attrs-klasse met een snelle constructor
        (``model.snelle_constructor``) waarvan elk optioneel veld een vaste standaardwaarde heeft, dan wordt die
        constructor hier ingeplakt (ontbrekend: de standaardwaarde, hetzelfde als weglaten); anders krijgt
        ``maak`` alleen de gegeven velden als trefwoorden."""
        standaard = _standaarden(maak, velden)
        snel = model.snelle_constructor(maak) if standaard is not None else None
        inplakken = snel is not None and hasattr(snel, "bouw") and all(
            a.name in velden or a.default is not attrs.NOTHING for a in attrs.fields(maak))
        verplicht = [n for n in velden if velden[n][1]]
        optioneel = [n for n in velden if not velden[n][1]]
        r = [f"{inspring}if type({w}) is not _dict or not {self.constante(frozenset(velden))}.issuperset({w}):",
             f"{inspring}    return _ANDERS"]
        v = {n: self.naam("_v") for n in velden}
        for n in verplicht:
            x = self.naam("_w")
            r += [f"{inspring}{x} = {w}.get({n!r})", f"{inspring}if {x} is None:", f"{inspring}    return _ANDERS",
                  *self.waarde(velden[n][0], x, v[n], inspring)]
        # ontbrekend optioneel veld: de standaardwaarde (ingeplakt), of None = niet meegeven (de gewone constructor)
        leeg = {n: self.constante(standaard[n]) if inplakken else "None" for n in optioneel}
        if optioneel:
            r.append(f"{inspring}if len({w}) == {len(verplicht)}:")
            r += [f"{inspring}    {v[n]} = {leeg[n]}" for n in optioneel]
            r.append(f"{inspring}else:")
            binnen = inspring + "    "
            for n in optioneel:
                x = self.naam("_w")
                r += [f"{binnen}{x} = {w}.get({n!r})", f"{binnen}if {x} is None:", f"{binnen}    {v[n]} = {leeg[n]}",
                      f"{binnen}else:", *self.waarde(velden[n][0], x, v[n], binnen + "    ")]
        if inplakken:
            # de snelle constructor hier ingeplakt (zelfde stappen als model._bouw_constructor): een leeg object
            # van de hulpklasse, elk veld gezet (een veld dat de lezer niet kent: zijn standaardwaarde), dan de klasse
            r.append(f"{inspring}{u} = _nieuw({self.constante(snel.bouw)})")
            for a in attrs.fields(maak):
                r.append(f"{inspring}{u}.{a.name} = {v[a.name] if a.name in v else self.constante(a.default)}")
            r.append(f"{inspring}{u}.__class__ = {self.constante(maak)}")
        else:
            d = self.naam("_d")
            r.append(f"{inspring}{d} = {{" + ", ".join(f"{n!r}: {v[n]}" for n in verplicht) + "}")
            for n in optioneel:
                r += [f"{inspring}if {v[n]} is not None:", f"{inspring}    {d}[{n!r}] = {v[n]}"]
            r.append(f"{inspring}{u} = {self.constante(maak)}(**{d})")
        return r


def _casuslezer() -> Callable:
    """De snelle lezer van een casus: één functie, als rechte code uit dezelfde veldenlijsten als de
    volledige toets (``_CASUS_VELDEN`` en die van de objecten erin) en de toetsen van
    ``_SNELLE_TOETSEN``. Heet pad van elke casus: geen aanroep per object of veld (alleen de
    constructors), één opzoeking per veld. Geeft een ``Casus`` of ``_ANDERS``."""
    b = _Bouwer()
    bron = "\n".join(["def lees(doc):", *b.object(_CASUS_VELDEN, model.Casus, "doc", "casus", "    "),
                      "    return casus"]) + "\n"
    exec(compileer(bron, "<snelle casuslezer>"), b.ruimte)  # noqa: S102 - eigen code uit de veldnamen
    return b.ruimte["lees"]


def _standaarden(maak: Callable, velden: dict) -> Optional[dict]:
    """De standaardwaarde van elk optioneel veld als ``maak`` een attrs-klasse is met die velden
    (vaste standaardwaarden, geen fabriek); None als dat niet zo is of een naam geen gewone naam is."""
    if not attrs.has(maak):
        return None
    soort = attrs.fields_dict(maak)
    uit = {}
    for naam, (_, verplicht) in velden.items():
        v = soort.get(naam)
        if v is None or not naam.isidentifier() or not v.init or v.alias != naam:
            return None
        if not verplicht:
            if v.default is attrs.NOTHING or isinstance(v.default, attrs.Factory):
                return None
            uit[naam] = v.default
    return uit


#: [de snelle casuslezer (``_casuslezer``, gebouwd bij de eerste ``casus_snel``) of None, al een casus gelezen]
_LEZER: list = [None, False]


def casus_snel(doc: Any) -> Optional[model.Casus]:
    """Snelle lezer voor de gewone vorm van een casus: elk veld bekend en van de eenvoudige soort
    (datum als JJJJ-MM-DD, bedrag als cijfers met hoogstens twee decimalen of een geheel getal,
    tekst, ja/nee, een keuze uit de lijst), afgeleid uit dezelfde veldenlijsten als de volledige
    toets. Geeft ``None`` bij alles wat afwijkt of een fout zou geven; dan beslist
    ``casus_volledig`` (met alle meldingen). Nooit een fout of een andere casus dan de volledige
    toets zou geven."""
    lees = _LEZER[0]
    if lees is None:
        lees = _LEZER[0] = _casuslezer()
    c = lees(doc)
    if c is _ANDERS or _samenhang(c):
        return None
    return c


# --------------------------------------------------------------------------- lezer voor de batch

_FEIT_CASUS = frozenset(("gemeente", "peildatum", "aanvrager", "partner", "kinderen", "medebewoners", "woning",
                         "inkomen", "vermogen", "aanvragen"))
_FEIT_INKOMEN = frozenset(_INKOMEN_VELDEN)
_FEIT_VERMOGEN = frozenset(_VERMOGEN_VELDEN)
_FEIT_AANVRAAG = frozenset(("regeling", "kostensoort", "bedrag"))
#: de aanvrager in de gewone vorm: geboortedatum en wat de studietoeslag leest
_FEIT_AANVRAGER = frozenset(("geboortedatum", "student", "arbeidsvermogen", "wajong"))
_FEIT_ARBEIDSVERMOGEN = frozenset(model.ARBEIDSVERMOGEN)
_FEIT_WONING = frozenset(model.WONINGSOORTEN)


#: tekst -> ``_datum_snel(tekst)``: in een batch komen dezelfde datums steeds terug
_DATUMS: dict = {}


def _datum_feit(w: Any) -> Any:
    """``_datum_snel``, voor tekst onthouden (begrensd)."""
    d = _DATUMS.get(w) if type(w) is str else None
    if d is None:
        d = _datum_snel(w)
        if type(w) is str:
            if len(_DATUMS) >= 100_000:
                _DATUMS.clear()
            _DATUMS[w] = d
    return d


#: teksten die ``_tekst_snel`` goedkeurde (gemeente, regeling, kostensoort; begrensd)
_TEKSTEN: set = set()


def _tekst_feit(w: Any) -> bool:
    if type(w) is str and w in _TEKSTEN:
        return True
    if _tekst_snel(w) is _ANDERS:
        return False
    if len(_TEKSTEN) >= 4096:
        _TEKSTEN.clear()
    _TEKSTEN.add(w)
    return True


def feiten_snel(doc: Any) -> Optional[tuple]:
    """Lezer voor de gewone vorm van een batchcasus, zonder ``Casus`` te bouwen: geeft
    ``(sleutels, feiten)`` of None bij alles wat afwijkt (dan ``casus_uit_dict``, met alle meldingen).

    ``feiten`` = (gemeente, peildatum, geboortedatum aanvrager, geboortedatum partner of None,
    geboortedata kinderen, netto per maand, laag_sinds, uitzicht_op_verbetering,
    laatste_inkomenstoeslag, bezittingen, schulden, ((regeling, kostensoort, bedrag), ...),
    student, arbeidsvermogen, wajong van de aanvrager) en
    ``sleutels`` het aantal sleutels in alle objecten (de batch ziet daaraan dat er geen sleutel
    dubbel stond). Hier alleen de vorm (objecten, bekende sleutels, null is hetzelfde als
    ontbreken); elke waarde gaat door ``_feiten`` (dezelfde snelle toetsen als ``casus_snel``, en
    de samenhang). Eigenschapstest: ``tests/test_kader.py`` (zelfde feiten als de ``Casus`` van
    ``casus_uit_dict``)."""
    r = _vorm(doc)
    if r is None:
        return None
    f = _feiten(*r[1])
    return None if f is None else (r[0], f)


def _vorm(doc: Any) -> Optional[tuple]:
    """De vorm van ``feiten_snel``: ``(sleutels, argumenten van _feiten)`` of None. Alleen objecten,
    lijsten en bekende sleutels; de waarden zelf gaan ongezien door (``feiten_tekst`` geeft hier
    plaatshouders in plaats van teksten)."""
    if type(doc) is not dict or not _FEIT_CASUS.issuperset(doc):
        return None
    n = len(doc)
    get = doc.get
    a = get("aanvrager")
    if type(a) is not dict or "geboortedatum" not in a or not _FEIT_AANVRAGER.issuperset(a):
        return None
    n += len(a)
    p = get("partner")
    if p is not None:
        if type(p) is not dict or len(p) != 1 or "geboortedatum" not in p:
            return None
        n += 1
        p = p["geboortedatum"]
        if p is None:
            return None
    kinderen: Any = get("kinderen")
    if kinderen is None:
        kinderen = ()
    else:
        if type(kinderen) is not list or len(kinderen) > MAX_PERSONEN:
            return None
        data = []
        for k in kinderen:
            if type(k) is not dict or len(k) != 1 or "geboortedatum" not in k:
                return None
            data.append(k["geboortedatum"])
        n += len(kinderen)
        kinderen = data
    mede = get("medebewoners")
    if mede is not None and mede != []:
        return None
    soort = None
    w = get("woning")
    if w is not None:
        if type(w) is not dict or not _FEIT_WONING_VELDEN.issuperset(w):
            return None
        n += len(w)
        soort = w.get("soort")
    ink = get("inkomen")
    if type(ink) is not dict or not _FEIT_INKOMEN.issuperset(ink):
        return None
    n += len(ink)
    v = get("vermogen")
    bez = sch = overwaarde = None
    if v is not None:
        if type(v) is not dict or not _FEIT_VERMOGEN.issuperset(v):
            return None
        n += len(v)
        bez, sch, overwaarde = v.get("bezittingen"), v.get("schulden"), v.get("eigen_woning_overwaarde")
    aanvragen: Any = get("aanvragen")
    if aanvragen is None:
        aanvragen = ()
    else:
        if type(aanvragen) is not list or len(aanvragen) > MAX_AANVRAGEN:
            return None
        lijst = []
        for av in aanvragen:
            if type(av) is not dict or not _FEIT_AANVRAAG.issuperset(av):
                return None
            n += len(av)
            ga = av.get
            lijst.append((ga("regeling"), ga("kostensoort"), ga("bedrag")))
        aanvragen = lijst
    return n, (get("gemeente"), get("peildatum"), a["geboortedatum"], p, kinderen, soort, ink.get("netto_per_maand"),
               ink.get("laag_sinds"), ink.get("uitzicht_op_verbetering"), ink.get("laatste_inkomenstoeslag"),
               bez, sch, overwaarde, aanvragen, a.get("student"), a.get("arbeidsvermogen"), a.get("wajong"))


_FEIT_WONING_VELDEN = frozenset(_WONING_VELDEN)


# --------------------------------------------------------------------------- lezer rechtstreeks uit de tekst

def feiten_tekst(tekst: str) -> Optional[tuple]:
    """De gewone vorm rechtstreeks uit een compacte JSON-regel, zonder JSON-lezer en zonder
    objecten: ``(id of None, feiten of None)`` zoals ``feiten_snel`` ze geeft (None als feiten:
    een waarde is niet gewoon, dan de volledige weg), of None als de regel niet in een bekende
    compacte vorm staat (dan de JSON-lezer en ``feiten_snel``).

    Een regel zonder backslash splitst op ``"`` precies in zijn teksten (oneven stukken: sleutels
    en tekstwaarden) en wat ertussen staat (even stukken: leestekens, ``true``/``false``/``null``).
    Dat tussenwerk is de vorm: per vorm wordt één keer (``_nieuwe_vorm``) met de JSON-lezer en
    ``_vorm`` (dezelfde toets van de vorm als ``feiten_snel``, met plaatshouders voor de teksten)
    vastgesteld waar welke waarde staat; elke volgende regel van die vorm toetst alleen nog dat
    de sleutels dezelfde zijn en geeft de teksten aan ``_feiten`` (dezelfde toetsen van de
    waarden). Niet in deze lezer (dan de JSON-lezer): een backslash, witruimte, getallen buiten
    een tekst, een sleutel twee keer, een stuurteken in een tekst of sleutel, een id die geen
    tekst is, een onbekende sleutel."""
    if "\\" in tekst:
        return None
    if tekst[-1:] == "\n":
        tekst = tekst[:-2] if tekst[-2:] == "\r\n" else tekst[:-1]
    t = tekst.split('"')
    tussen = tuple(t[::2])
    v = _VORMEN.get(tussen)
    if v is None:
        v = _nieuwe_vorm(t, tussen)
        if v is None:
            return None
    if v[0](t) != v[1]:
        return None  # andere sleutels in dezelfde leestekens
    return v[2](t)


#: het tussenwerk van een compacte regel (zie ``feiten_tekst``) -> (haal de sleutels, de sleutels,
#: maak (id, feiten)); begrensd
_VORMEN: dict = {}
#: tussenwerk dat ``_nieuwe_vorm`` bekijkt: leestekens en kleine letters (true, false, null)
_TUSSENWERK = Patroon(r"[{}\[\]:,a-z]*")
#: de plaatshouder van de tekst in stuk i (een stuurteken: komt in geen geldige JSON-tekst rauw voor)
_PLEK = "\x00"


def _nieuwe_vorm(t: list, tussen: tuple) -> Optional[tuple]:
    """Stel de vorm van een gesplitste regel vast (zie ``feiten_tekst``); None als de regel niet in
    een vorm voor deze lezer staat (niets onthouden: de volgende regel van dit tussenwerk probeert
    het opnieuw)."""
    if len(t) % 2 == 0 or not _TUSSENWERK.fullmatch("".join(tussen)):
        return None
    sleutelplekken = [i for i in range(1, len(t), 2) if t[i + 1][:1] == ":"]
    if len(sleutelplekken) < 2:
        return None
    stukken = []
    for i, stuk in enumerate(t):
        if i % 2 == 0:
            stukken.append(stuk)
        elif i in sleutelplekken:
            stukken.append('"' + stuk + '"')
        else:
            stukken.append('"\\u0000' + str(i) + '"')
    try:
        doc = _JSON.decode("".join(stukken))  # een sleutel twee keer, een stuurteken: ValueError
    except (ValueError, RecursionError):
        return None
    if type(doc) is not dict:
        return None
    heeft_id = "id" in doc
    ident = doc.pop("id", None)
    if heeft_id and not _is_plek(ident):
        return None  # een id als getal, ja/nee of null: de JSON-lezer
    r = _vorm(doc)
    if r is None:
        return None
    args = r[1]
    # teksten die _feiten alleen op vorm toetst (gemeente, regeling, kostensoort) en de id: geen
    # stuurtekens (die de JSON-lezer weigert); datums, bedragen en keuzes toetst _feiten zelf streng
    teksten = [args[0], *(x for av in args[13] for x in av[:2])] + ([ident] if ident is not None else [])
    try:
        code = ", ".join(_als_code(a) for a in args)
        controle = " + ".join(_als_code(x) for x in teksten if _is_plek(x)) or '""'
        id_code = "None" if ident is None else _als_code(ident)
    except ValueError:
        return None
    bron = (f"def maak(t):\n"
            f"    if not ({controle}).isprintable():\n"
            f"        return None\n"
            f"    return {id_code}, _feiten({code})\n")
    ruimte = {"_feiten": _feiten}
    exec(compile(bron, "<sora_core.invoer.feiten_tekst>", "exec"), ruimte)  # noqa: S102 - eigen code, geen invoer
    sleutels = tuple(t[i] for i in sleutelplekken)
    v = (operator.itemgetter(*sleutelplekken), sleutels, ruimte["maak"])
    if len(_VORMEN) >= 256:
        _VORMEN.clear()
    _VORMEN[tussen] = v
    return v


def _is_plek(x: Any) -> bool:
    return type(x) is str and x[:1] == _PLEK and x[1:].isdigit()


def _als_code(x: Any) -> str:
    """Een argument van ``_feiten`` met plaatshouders als Python-code over de stukken ``t``."""
    if x is None or x is True or x is False:
        return repr(x)
    if _is_plek(x):
        return f"t[{int(x[1:])}]"
    if type(x) is list or type(x) is tuple:
        binnen = ", ".join(_als_code(y) for y in x)
        if type(x) is tuple:
            return f"({binnen},)" if x else "()"
        return f"[{binnen}]"
    raise ValueError("geen plaatshouder")


def _feiten(gemeente, peil, geb_a, geb_p, kinderen, woning, netto, laag, uitzicht, laatste, bez, sch, overwaarde,
            aanvragen, student=None, arbeidsvermogen=None, wajong=None) -> Optional[tuple]:
    """De waarden van de gewone vorm (zoals in JSON: tekst, ja/nee of None = ontbreekt) getoetst
    met de snelle toetsen van ``casus_snel`` en de samenhang van ``_samenhang``; None bij alles wat
    afwijkt. Apart van de vorm, zodat een lezer voor een andere gewone vorm (bv.
    rechtstreeks uit de tekst) dezelfde toetsen gebruikt."""
    if gemeente is None or not _tekst_feit(gemeente):
        return None
    peil = _datum_feit(peil)
    if peil is _ANDERS:
        return None
    geb_a = _datum_feit(geb_a)
    if geb_a is _ANDERS or geb_a > peil:
        return None
    if geb_p is not None:
        geb_p = _datum_feit(geb_p)
        if geb_p is _ANDERS or geb_p > peil:
            return None
    if kinderen:
        kinderen = tuple([_datum_feit(d) for d in kinderen])
        for d in kinderen:
            if d is _ANDERS or d > peil:
                return None
    else:
        kinderen = ()
    if woning is not None and (type(woning) is not str or woning not in _FEIT_WONING):
        return None
    if netto is None:
        return None
    netto = _bedrag_snel(netto)
    if netto is _ANDERS:
        return None
    if laag is not None:
        laag = _datum_feit(laag)
        if laag is _ANDERS or laag > peil:
            return None
    if uitzicht is None:
        uitzicht = False
    elif uitzicht is not True and uitzicht is not False:
        return None
    if laatste is not None:
        laatste = _datum_feit(laatste)
        if laatste is _ANDERS or laatste > peil:
            return None
    bez = model.NUL if bez is None else _bedrag_snel(bez)
    sch = model.NUL if sch is None else _bedrag_snel(sch)
    if bez is _ANDERS or sch is _ANDERS:
        return None
    if overwaarde is not None and _bedrag_snel(overwaarde) != NUL_BEDRAG:  # overwaarde (of geen geldig bedrag): volledig
        return None
    lijst = []
    for regeling, ks, bedrag in aanvragen:
        if regeling is None or not _tekst_feit(regeling):
            return None
        if ks is not None and not _tekst_feit(ks):
            return None
        if bedrag is not None:
            bedrag = _bedrag_snel(bedrag)
            if bedrag is _ANDERS:
                return None
        lijst.append((regeling, ks, bedrag))
    # de aanvrager: student, arbeidsvermogen en wajong (studietoeslag); null = ontbreekt = de standaard
    if student is None:
        student = False
    elif student is not True and student is not False:
        return None
    if wajong is None:
        wajong = False
    elif wajong is not True and wajong is not False:
        return None
    if arbeidsvermogen is None:
        arbeidsvermogen = "volledig"
    elif type(arbeidsvermogen) is not str or arbeidsvermogen not in _FEIT_ARBEIDSVERMOGEN:
        return None
    return (gemeente, peil, geb_a, geb_p, kinderen, netto, laag, uitzicht, laatste, bez, sch, tuple(lijst),
            student, arbeidsvermogen, wajong)
