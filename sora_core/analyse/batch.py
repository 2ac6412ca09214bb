"""Veel casussen beslissen: gestreamd, met vast geheugen, op alle kernen, in vaste volgorde.

Invoer: JSON Lines (elke niet-lege regel één casus volgens het contract, met optioneel een
extra veld ``id`` dat in de uitvoer terugkomt) of CSV (kolommen: zie ``CSV_KOLOMMEN`` en
docs/cli.md). Uitvoer: JSON Lines, één regel per invoerregel in dezelfde volgorde:

* ``{"regel": 3, "id": ..., "gemeente": "GM0361", "peildatum": ..., "beslissingen": [...],
  "totalen": {...}, "vingerafdruk": ...}`` (kort; ``volledig=True`` geeft het hele besluit);
* ``{"regel": 4, "id": ..., "fout": {"contract": "sora-fout/1", "fouten": [...]}}`` voor een
  regel die niet te beslissen is (meldingen zonder ingevoerde waarden: ``zonder_waarden``).
  De run gaat door.

Geheugen: de invoer wordt in blokken (``blok`` regels) gelezen; er zijn hoogstens
4 x processen blokken tegelijk onderweg; de samenvatting houdt alleen tellers per gemeente en
regeling bij (plus de eerste 100 foutregels). Volgorde: blokken worden in volgorde
weggeschreven, dus de uitvoer is gelijk ongeacht het aantal processen.

De samenvatting en de voortgang noemen alleen regelnummers en veldnamen, nooit de inhoud van
een casus (privacy).

Snelle baan (issue 14, korte uitvoer): een JSON-regel in de gewone vorm (``invoer.feiten_tekst``
voor een compacte regel, anders ``invoer.feiten_snel``)
met alleen individuele inkomenstoeslag en/of één aanvraag bijzondere bijstand, of zonder
aanvragen ("waar heb ik recht op?", zoals ``sora populatie``), wordt beslist met het kader van
het opgeloste beleid (``regels.kader``), dat dezelfde toetsen en berekeningen aanroept als de
regels zelf; de uitvoerregel en de tellers zijn byte voor byte dezelfde. Alles
wat afwijkt (een fout, een ongewone vorm, jongeren, kostendelers, een wat-als voor die gemeente,
``volledig``, CSV) gaat langs de volledige weg (``_verwerk_een``). Eigenschapstests:
``tests/test_kader.py``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import struct
import time
from collections import deque
from itertools import islice
from decimal import Decimal
from typing import Any, Callable, Iterator, Optional

from .. import fouten
from ..fouten import Fout, InvoerFout, SoraFout
from ..geld import NUL, euro
from ..invoer import _is_utf8
from . import bedragen
from .watals import Zet, zet_dict

CONTRACT = "sora-batch/1"
MAX_FOUTREGELS = 100
MAX_REGEL = 1_000_000

#: kolom -> (pad in de casus, soort). Lege cel = niet opgegeven.
CSV_KOLOMMEN = {
    "id": (None, "tekst"),
    "gemeente": ("gemeente", "tekst"),
    "peildatum": ("peildatum", "tekst"),
    "aanvraagdatum": ("aanvraagdatum", "tekst"),
    "geboortedatum": ("aanvrager.geboortedatum", "tekst"),
    "student": ("aanvrager.student", "ja_nee"),
    "arbeidsvermogen": ("aanvrager.arbeidsvermogen", "tekst"),
    "geen_beroep_op_ouders": ("aanvrager.geen_beroep_op_ouders", "tekst"),
    "tijdelijk_mantelzorg_elders": ("aanvrager.tijdelijk_mantelzorg_elders", "ja_nee"),
    "geboortedatum_partner": ("partner.geboortedatum", "tekst"),
    "geen_beroep_op_ouders_partner": ("partner.geen_beroep_op_ouders", "tekst"),
    "partner_geen_recht_op_bijstand": ("partner.geen_recht_op_bijstand", "ja_nee"),
    "geboortedata_kinderen": ("kinderen", "lijst"),
    "geboortedata_medebewoners": ("medebewoners", "lijst"),
    "woning": ("woning.soort", "tekst"),
    "netto_per_maand": ("inkomen.netto_per_maand", "tekst"),
    "laag_sinds": ("inkomen.laag_sinds", "tekst"),
    "uitzicht_op_verbetering": ("inkomen.uitzicht_op_verbetering", "ja_nee"),
    "bezittingen": ("vermogen.bezittingen", "tekst"),
    "schulden": ("vermogen.schulden", "tekst"),
    "eigen_woning_overwaarde": ("vermogen.eigen_woning_overwaarde", "tekst"),
    "regeling": ("aanvragen[0].regeling", "tekst"),
    "kostensoort": ("aanvragen[0].kostensoort", "tekst"),
    "bedrag": ("aanvragen[0].bedrag", "tekst"),
    "omschrijving": ("aanvragen[0].omschrijving", "tekst"),
    "terugwerkende_kracht": ("aanvragen[0].terugwerkende_kracht", "ja_nee"),
    "ambtshalve": ("aanvragen[0].ambtshalve", "ja_nee"),
}
CSV_VERPLICHT = ("gemeente", "peildatum", "geboortedatum", "netto_per_maand")


# --------------------------------------------------------------------------- regels lezen

def csv_naar_dict(rij: dict) -> dict:
    """Eén CSV-rij (kolom -> tekst) naar een casusdocument zoals in JSON."""
    doc: dict[str, Any] = {}
    aanvraag: dict[str, Any] = {}
    for kolom, tekst in rij.items():
        if kolom not in CSV_KOLOMMEN or kolom == "id":
            continue
        tekst = (tekst or "").strip()
        if tekst == "":
            continue
        pad, soort = CSV_KOLOMMEN[kolom]
        if soort == "ja_nee":
            w: Any = {"ja": True, "true": True, "1": True, "nee": False, "false": False, "0": False}.get(tekst.lower(), tekst)
        elif soort == "lijst":
            w = [{"geboortedatum": d.strip()} for d in tekst.split(";") if d.strip()]
        else:
            w = tekst
        if pad.startswith("aanvragen[0]."):
            aanvraag[pad.split(".", 1)[1]] = w
            continue
        deel, _, veld = pad.partition(".")
        if veld:
            doc.setdefault(deel, {})[veld] = w
        else:
            doc[deel] = w
    if aanvraag:
        doc["aanvragen"] = [aanvraag]
    return doc


def lees_jsonl(f, begin: int = 1) -> Iterator[tuple[int, Any]]:
    """De niet-lege regels (bytes, met hun regeleinde) met hun regelnummer; ``begin`` is het
    nummer van de eerste regel van ``f`` (een blok midden uit het bestand, zie ``_blokken_jsonl``)."""
    for nr, regel in enumerate(f, begin):
        if not regel.strip():
            continue
        yield nr, regel


def _blokken_jsonl(f, grootte: int) -> Iterator[tuple[int, list]]:
    """De fysieke regels van een binair bestand in blokken van ``grootte`` regels:
    ``(nummer van de eerste regel, [regels als bytes, met hun regeleinde])``. Regels worden
    precies zo gesplitst als ``for regel in f`` (alleen bij ``\\n``; ``\\r`` blijft in de regel),
    en lege regels tellen mee, zodat ``lees_jsonl(regels, begin)`` in het werkproces dezelfde
    regelnummers geeft als over het hele bestand. Het splitsen gebeurt in C (``islice``); het
    hoofdproces kijkt niet in de regels."""
    nr = 1
    while True:
        regels = list(islice(f, grootte))
        if not regels:
            return
        yield nr, regels
        nr += len(regels)


def _csv_regels(f, kapot: set) -> Iterator[str]:
    """De fysieke regels van een binair bestand als tekst; een regel die geen geldige UTF-8 is,
    komt in ``kapot`` (regelnummer) en gaat met vervangtekens door, zodat de telling klopt."""
    for nr, ruw in enumerate(f, 1):
        try:
            tekst = ruw.decode("utf-8")
        except UnicodeDecodeError:
            kapot.add(nr)
            tekst = ruw.decode("utf-8", "replace")
        if nr == 1 and tekst.startswith("\ufeff"):
            tekst = tekst[1:]
        yield tekst


def lees_csv(f) -> Iterator[tuple[int, Any]]:
    """CSV-rijen met hun regelnummer. Elke fysieke regel wordt verantwoord: een rij, een lege
    regel, of een fout met dat regelnummer. Een veld tussen aanhalingstekens dat over meer
    regels loopt (vaak: één aanhalingsteken te veel) is een fout voor precies die regels; de
    rijen erna gaan gewoon door."""
    kapot: set = set()
    lezer = csv.reader(_csv_regels(f, kapot))
    try:
        kop = next(lezer)
    except StopIteration:
        return
    except csv.Error:
        raise InvoerFout([Fout(None, "De CSV-kopregel kan niet worden gelezen (staat er een aanhalingsteken te veel?).")]) from None
    if kapot & set(range(1, lezer.line_num + 1)):
        raise InvoerFout([Fout(None, "CSV-kopregel is geen geldige UTF-8-tekst.")])
    if lezer.line_num > 1:
        raise InvoerFout([Fout(None, f"De CSV-kopregel loopt over {lezer.line_num} regels (een aanhalingsteken te veel?).")])
    kop = [k.strip() for k in kop]
    scheiding = next((t for t in (";", "\t") if len(kop) == 1 and t in kop[0]), None)
    if scheiding:
        teken = "puntkomma (;)" if scheiding == ";" else "tab"
        raise InvoerFout([Fout(None, f"De kopregel lijkt een {teken} als scheidingsteken te gebruiken (zo bewaart een "
                                     "Nederlandse Excel een CSV-bestand). Gebruik komma's: kies in Excel 'CSV UTF-8 "
                                     "(door komma's gescheiden)', of vervang het scheidingsteken.")])
    dubbel = sorted({k for k in kop if kop.count(k) > 1})
    onbekend = [k for k in kop if k not in CSV_KOLOMMEN]
    ontbreekt = [k for k in CSV_VERPLICHT if k not in kop]
    if onbekend or ontbreekt or dubbel:
        fouten = [Fout(None, f"CSV-kolom '{k}' staat meer dan eens in de kopregel; geef elke kolom één keer.") for k in dubbel]
        fouten += [Fout(None, f"Onbekende CSV-kolom '{k}'; toegestaan: {', '.join(CSV_KOLOMMEN)}.") for k in onbekend]
        fouten += [Fout(None, f"Verplichte CSV-kolom '{k}' ontbreekt.") for k in ontbreekt]
        raise InvoerFout(fouten)
    vorige = lezer.line_num
    while True:
        try:
            rij = next(lezer)
            fout = None
        except StopIteration:
            return
        except csv.Error:
            rij, fout = None, "Regel is geen geldige CSV (een veld is te lang of een aanhalingsteken staat verkeerd)."
        eind = max(lezer.line_num, vorige + 1)
        begin, vorige = vorige + 1, eind
        if fout is None and eind > begin:
            fout = (f"Een veld tussen aanhalingstekens loopt van regel {begin} tot en met regel {eind}; een veld mag niet "
                    "over meer regels lopen (staat er een aanhalingsteken te veel of te weinig?).")
        if fout is None and kapot & {begin}:
            fout = "Regel is geen geldige UTF-8-tekst."
        if fout is not None:
            for nr in range(begin, eind + 1):
                yield nr, ("fout", fout)
            continue
        if not any(c.strip() for c in rij):
            continue
        if len(rij) != len(kop):
            yield eind, ("fout", f"Verwacht {len(kop)} kolommen, kreeg {len(rij)}.")
            continue
        yield eind, dict(zip(kop, rij))


# --------------------------------------------------------------------------- privacy

def zonder_waarden(fout: SoraFout) -> dict:
    """Een ``sora-fout/1``-document zonder ingevoerde waarden (privacyregel van issue 8, zie
    ``fouten.zonder_waarden``): veld en soort fout blijven."""
    return {"contract": "sora-fout/1", "fouten": fouten.zonder_waarden(fout.fouten())}


# --------------------------------------------------------------------------- beslissen (in een werkproces)

_STAAT: dict[str, Any] = {}


def _init(zet: Zet, volledig: bool) -> None:
    _KADERS.clear()
    _STAAT["zet"] = zet
    _STAAT["volledig"] = volledig


def _init_werker(zet: Zet, volledig: bool) -> None:
    """Initialisatie van een werkproces: stil bij signalen (het hoofdproces ruimt op), dan ``_init``."""
    from ..uitvoerpad import stil_werkproces

    stil_werkproces()
    _init(zet, volledig)


def _nieuwe_gemeente(g) -> dict:
    """De tellers van een gemeente (``g``: de ``GemeenteInfo`` van het besluit)."""
    return {"plugin": g.plugin, "cbs_code": g.cbs_code, "naam": g.naam, "casussen": 0, "regelingen": {},
            "totalen": {"per_jaar": NUL, "eenmalig": NUL, "lening": NUL},
            "wat_als": None, "peildata": set()}


#: tekst -> JSON-tekst voor de vaste woorden van de korte uitvoer (regeling, uitkomst, vorm, ...)
_JSON_WOORD: dict = {None: "null"}


def _json_woord(w: Optional[str]) -> str:
    r = _JSON_WOORD.get(w)
    if r is None:
        r = json.dumps(w, ensure_ascii=False)
        if len(_JSON_WOORD) < 4096:
            _JSON_WOORD[w] = r
    return r


#: (regeling, uitkomst, bedrag_per, vorm) -> de JSON-tekst van een korte beslissing vóór en na het bedrag
_RONDOM: dict = {}


def _korte_regel(nr: int, ident: Any, besluit, t: dict) -> str:
    """De korte uitvoerregel als tekst, byte-gelijk aan ``json.dumps(rec, ensure_ascii=False,
    separators=(",", ":"))`` van de dict die ``_verwerk_een`` anders bouwt (eigenschapstest
    ``test_korte_regel_gelijk_aan_json_dumps``), zonder de dicts ertussen."""
    return _korte_tekst(nr, ident, besluit.beslissingen, besluit.gemeente.cbs_code, besluit.peildatum,
                        besluit.ontvangstbewijs.beleid_vingerafdruk, t)


def _korte_tekst(nr: int, ident: Any, beslissingen, cbs_code: str, peildatum, vingerafdruk: str, t: dict) -> str:
    """``_korte_regel`` uit de delen (ook voor de beslissingen van het kader, ``regels.kader.Snel``)."""
    w = _json_woord
    delen = []
    for b in beslissingen:
        sleutel = (b.regeling, b.uitkomst, b.bedrag_per, b.vorm)
        rond = _RONDOM.get(sleutel)
        if rond is None:
            voor = f'{{"regeling":{w(b.regeling)},"uitkomst":{w(b.uitkomst)},"bedrag":'
            na = f',"bedrag_per":{w(b.bedrag_per)},"vorm":{w(b.vorm)}}}'
            # vóór en na een bedrag (``euro``: alleen cijfers, punt en min, dus tussen aanhalingstekens
            # is het JSON), en zonder bedrag de hele tekst
            rond = (voor + '"', '"' + na, voor + "null" + na)
            if len(_RONDOM) < 4096:
                _RONDOM[sleutel] = rond
        delen.append(rond[2] if b.bedrag is None else rond[0] + euro(b.bedrag) + rond[1])
    ident_json = "null" if ident is None else _JSON_ID(ident)
    pj, ee, le = t["per_jaar"], t["eenmalig"], t["lening"]
    if pj or ee or le:
        totalen = f'{{"per_jaar":"{euro(pj)}","eenmalig":"{euro(ee)}","lening":"{euro(le)}"}}'
    else:
        totalen = _NUL_TOTALEN  # drie keer nul (een som van bedragen van nul of meer is nooit -0)
    sleutel = (cbs_code, peildatum, vingerafdruk)
    kader = _KADERTEKST.get(sleutel)
    if kader is None:
        kader = (f',"gemeente":{w(cbs_code)},"peildatum":"{peildatum.isoformat()}","beslissingen":[',
                 f',"vingerafdruk":{w(vingerafdruk)}}}')
        if len(_KADERTEKST) >= 4096:
            _KADERTEKST.clear()
        _KADERTEKST[sleutel] = kader
    return f'{{"regel":{nr},"id":{ident_json}{kader[0]}{",".join(delen)}],"totalen":{totalen}{kader[1]}'


_NUL_TOTALEN = f'{{"per_jaar":"{euro(NUL)}","eenmalig":"{euro(NUL)}","lening":"{euro(NUL)}"}}'
#: (cbs_code, peildatum, vingerafdruk) -> de vaste tekst van een korte uitvoerregel vóór en na de beslissingen
_KADERTEKST: dict = {}
#: = ``json.dumps(w, ensure_ascii=False)`` (dezelfde instellingen), zonder elke keer een encoder te bouwen
_JSON_ID = json.JSONEncoder(ensure_ascii=False).encode


_LUI: dict[str, Any] = {}


def _functies() -> tuple:
    """(beoordeel, casus_uit_dict, lees_document): één keer opgehaald (niet bij elke casus importeren)."""
    f = _LUI.get("f")
    if f is None:
        from ..beslisser import beoordeel
        from ..invoer import casus_uit_dict, lees_document

        f = _LUI["f"] = (beoordeel, casus_uit_dict, lees_document)
    return f


def _tel(samen: dict, info, peildatum, beslissingen) -> tuple[dict, dict]:
    """Eén keer langs de beslissingen: tellers per gemeente en regeling, en de totalen van de casus.
    Geeft (tellers van de gemeente, totalen van de casus)."""
    g = samen.get(info.plugin)
    if g is None:
        g = samen[info.plugin] = _nieuwe_gemeente(info)
    g["casussen"] += 1
    g["peildata"].add(peildatum)  # de dekking wordt in de samenvatting per peildatum één keer bekeken
    regelingen = g["regelingen"]
    pj = ee = le = NUL
    for b in beslissingen:
        r = regelingen.get(b.regeling)
        if r is None:
            r = regelingen[b.regeling] = {"naam": b.naam, "pakket": b.pakket, "uitkomsten": {},
                                          "per_jaar": NUL, "eenmalig": NUL, "lening": NUL}
        u = r["uitkomsten"]
        u[b.uitkomst] = u.get(b.uitkomst, 0) + 1
        if b.bedrag is not None:  # zonder bedrag telt niets mee (kort langs)
            # alleen de delen die niet nul zijn optellen: dezelfde waarden (de uitvoer gaat door euro());
            # wat niet meetelt (``bedragen.telt_mee``), geeft drie keer nul
            j, e, l_ = _splits(b)
            if j:
                r["per_jaar"] += j
                pj += j
            if e:
                r["eenmalig"] += e
                ee += e
            if l_:
                r["lening"] += l_
                le += l_
    gt = g["totalen"]
    if pj:
        gt["per_jaar"] += pj
    if ee:
        gt["eenmalig"] += ee
    if le:
        gt["lening"] += le
    return g, {"per_jaar": pj, "eenmalig": ee, "lening": le}  # = bedragen.totalen(beslissingen)


_splits = bedragen.splits


def _verwerk_een(nr: int, payload: Any, samen: dict, kort_als_tekst: bool = False) -> Any:
    """Beslis één regel; geeft de uitvoer als dict, of (``kort_als_tekst``, korte uitvoer zonder
    wat-als voor deze gemeente) meteen als JSON-tekst."""
    beoordeel, casus_uit_dict, lees_document = _functies()
    ident = None
    try:
        if isinstance(payload, tuple) and payload[0] == "fout":
            raise InvoerFout([Fout(None, payload[1])])
        if isinstance(payload, dict):
            ident = payload.get("id") or None
            doc = csv_naar_dict(payload)
        else:
            if len(payload) > MAX_REGEL:
                raise InvoerFout([Fout(None, f"Regel is groter dan {MAX_REGEL} bytes.")])
            doc = lees_document(payload, "json")
            if "id" in doc:
                ident = doc.pop("id")
                if not isinstance(ident, (str, int)) or isinstance(ident, bool):
                    raise InvoerFout([Fout("id", "Een id is tekst of een geheel getal.")])
                if type(ident) is str and not ident.isascii() and not _is_utf8(ident):
                    ident = None  # niet terug te schrijven (geen UTF-8): de regel krijgt een fout zonder id
                    raise InvoerFout([Fout("id", "Het id bevat een ongeldig teken (een losse UTF-16-surrogaat).")])
        casus = casus_uit_dict(doc)
        motiveren = bool(_STAAT.get("volledig"))  # de korte uitvoer toont geen motivering
        besluit = beoordeel(casus, motiveren=motiveren)
    except SoraFout as e:
        return {"regel": nr, "id": ident, "fout": zonder_waarden(e)}
    except Exception as e:  # noqa: BLE001 - een fout in één casus mag de run niet stoppen
        return {"regel": nr, "id": ident, "fout": {"contract": "sora-fout/1", "fouten": [
            {"veld": None, "melding": f"Interne fout bij het beslissen ({type(e).__name__}); meld dit aan de beheerder."}]}}
    g, t = _tel(samen, besluit.gemeente, besluit.peildatum, besluit.beslissingen)
    zet = _STAAT.get("zet") or {}
    if kort_als_tekst and not _STAAT.get("volledig") and besluit.gemeente.plugin not in zet:
        return _korte_regel(nr, ident, besluit, t)
    if _STAAT.get("volledig"):
        from ..uitvoer import besluit_dict

        rec: dict[str, Any] = {"regel": nr, "id": ident, "besluit": besluit_dict(besluit)}
    else:
        rec = {"regel": nr, "id": ident, "gemeente": besluit.gemeente.cbs_code, "peildatum": besluit.peildatum.isoformat(),
               "beslissingen": [bedragen.kort(b) for b in besluit.beslissingen], "totalen": bedragen.totalen_tekst(t),
               "vingerafdruk": besluit.ontvangstbewijs.beleid_vingerafdruk}
    if besluit.gemeente.plugin in zet:
        try:
            nieuw = beoordeel(casus, zet=zet[besluit.gemeente.plugin], motiveren=False)
        except SoraFout as e:
            rec["wat_als"] = {"fout": zonder_waarden(e)}
            return rec
        nt = bedragen.totalen(nieuw.beslissingen)
        oud = {b.regeling: bedragen.kort(b) for b in besluit.beslissingen}
        gewijzigd = [bedragen.kort(b) for b in nieuw.beslissingen if oud.get(b.regeling) != bedragen.kort(b)]
        verschil = {k: nt[k] - t[k] for k in t}
        rec["wat_als"] = {"beslissingen": gewijzigd, "totalen": bedragen.totalen_tekst(nt),
                          "verschil": bedragen.totalen_tekst(verschil)}
        w = g["wat_als"] or {"totalen": {k: NUL for k in t}, "verschil": {k: NUL for k in t}, "gewijzigd": 0}
        g["wat_als"] = w
        for k in t:
            w["totalen"][k] += nt[k]
            w["verschil"][k] += verschil[k]
        if gewijzigd:
            w["gewijzigd"] += 1
    return rec


# --------------------------------------------------------------------------- de snelle baan

#: (gemeente zoals in de casus, peildatum) -> het kader (regels/kader.py), of False als het kader
#: die gemeente niet dekt (onbekend, bestaat niet op de peildatum, of een wat-als voor haar)
_KADERS: dict = {}
_JSON_SNEL = json.JSONDecoder()  # de C-lezer zonder haak; dubbele sleutels: zie _snel_een
#: de scanner van ``_JSON_SNEL`` zelf (wat ``decode`` aanroept, zonder de twee witruimte-regexen
#: eromheen): een regel die met ``{`` begint en eindigt op het object, eventueel met ``\n`` of
#: ``\r\n``; al het andere (witruimte ervoor of erna) gaat langs de volledige lezer
_JSON_SCAN = _JSON_SNEL.scan_once
_REGELEINDEN = frozenset(("\n", "\r\n"))


def _kader(gemeente: str, peil) -> Any:
    sleutel = (gemeente, peil)
    k = _KADERS.get(sleutel)
    if k is None:
        from ..beleid import los_op
        from ..plugins import gemeente_bestaat_op, register
        from ..regels.kader import kader_van

        try:
            plugin = register().zoek(gemeente)
            gemeente_bestaat_op(plugin, peil)
            k = kader_van(los_op(plugin, peil, ()))
        except Exception:  # noqa: BLE001 - de volledige beslisser geeft de melding
            k = False
        if k and k.info.plugin in (_STAAT.get("zet") or {}):
            k = False  # wat-als: de volledige beslisser (die ook het verschil uitrekent)
        if len(_KADERS) >= 4096:
            _KADERS.clear()
        _KADERS[sleutel] = k
    return k


def _snel_een(nr: int, payload: Any, samen: dict) -> Optional[str]:
    """De korte uitvoerregel via het kader (``regels.kader``) voor een JSON-regel in de gewone
    vorm, byte-gelijk aan wat ``_verwerk_een`` zou schrijven; None bij alles wat afwijkt (dan
    ``_verwerk_een``, met de volledige lezer, toets en beslisser). Niets wordt geteld voordat
    vaststaat dat de snelle baan beslist.

    Lezen: eerst ``invoer.feiten_tekst`` (een compacte regel zonder backslash rechtstreeks uit de
    tekst, per vorm van leestekens één keer met de JSON-lezer vastgesteld; dezelfde toetsen van de
    waarden), anders de C-lezer van ``json`` zonder haak. Een sleutel die twee keer in een object staat, zou
    daar stil de laatste waarde geven; daarom telt ``invoer.feiten_snel`` alle sleutels en moet de
    regel precies zoveel dubbele punten hebben (elke sleutel heeft er één buiten een tekst, dus
    minder sleutels dan dubbele punten betekent een dubbele sleutel of een dubbele punt in een
    tekst: dan de volledige lezer)."""
    if type(payload) is not bytes or len(payload) > MAX_REGEL:
        return None
    try:
        tekst = payload.decode("utf-8")
    except UnicodeDecodeError:  # de volledige lezer geeft de melding
        return None
    return _snel_tekst(nr, tekst, samen)


def _snel_tekst(nr: int, tekst: str, samen: dict) -> Optional[str]:
    """``_snel_een`` voor een regel die al tekst is (UTF-8, hoogstens ``MAX_REGEL`` bytes), met of
    zonder regeleinde."""
    r = _feiten_tekst(tekst)  # de compacte vorm rechtstreeks uit de tekst
    if r is not None:
        ident, f = r
        if f is None or (ident is not None and not ident.isascii() and not _is_utf8(ident)):
            return None  # de volledige weg geeft de melding (dezelfde waarden, dezelfde toetsen)
    else:
        try:
            doc, eind = _JSON_SCAN(tekst, 0)
        except Exception:  # noqa: BLE001 - de volledige lezer geeft de melding
            return None
        if type(doc) is not dict or (eind != len(tekst) and tekst[eind:] not in _REGELEINDEN):
            return None
        ident = None
        extra = 0
        if "id" in doc:
            ident = doc.pop("id")
            if type(ident) is not str and type(ident) is not int:
                return None
            if type(ident) is str and not ident.isascii() and not _is_utf8(ident):
                return None  # de volledige weg geeft de melding
            extra = 1
        r = _feiten_snel(doc)
        if r is None or r[0] + extra != tekst.count(":"):
            return None
        f = r[1]
    k = _KADERS.get((f[0], f[1]))
    if k is None:
        k = _kader(f[0], f[1])
    if not k:
        return None
    beslissingen = _beslis_snel(k, f)
    if beslissingen is None:
        return None
    _, t = _tel(samen, k.info, f[1], beslissingen)
    return _korte_tekst(nr, ident, beslissingen, k.info.cbs_code, f[1], k.vingerafdruk, t)


def _feiten_snel(doc):
    from ..invoer import feiten_snel

    return feiten_snel(doc)


def _feiten_tekst(tekst):
    from ..invoer import feiten_tekst

    return feiten_tekst(tekst)


def _beslis_snel(k, f):
    from ..regels.kader import beslis

    return beslis(k, f)


def _snelle_functies() -> None:
    """Haal de functies van de snelle baan één keer op (niet bij elke casus importeren)."""
    global _feiten_snel, _feiten_tekst, _beslis_snel
    from ..invoer import feiten_snel, feiten_tekst
    from ..regels.kader import beslis

    _feiten_snel, _feiten_tekst, _beslis_snel = feiten_snel, feiten_tekst, beslis


def verwerk_blok(blok) -> tuple[bytes, dict, list[dict], int]:
    """Beslis een blok; geeft (uitvoerregels als UTF-8, samenvatting per gemeente, foutregels,
    aantal uitvoerregels). ``blok`` is een JSON Lines-blok ``(nummer van de eerste regel, regels)``
    met de regels als lijst of als één bytes-object (zo gaat een blok naar een werkproces, zie
    ``_werkers``), of een lijst ``(regelnummer, rij)`` uit ``lees_csv``.

    Op de snelle baan wordt een blok als bytes in één keer als UTF-8 gelezen en in C in regels
    geknipt (``_regels_als_tekst``); kan dat niet (een ongeldige byte ergens in het blok), dan
    regel voor regel zoals altijd."""
    snel = not _STAAT.get("volledig")
    if snel:
        _snelle_functies()
    if type(blok) is tuple:
        begin, regels = blok
        als_tekst = _regels_als_tekst(begin, regels) if snel and type(regels) is bytes else None
        if als_tekst is not None:
            blok = als_tekst
        else:
            blok = lees_jsonl(io.BytesIO(regels) if type(regels) is bytes else regels, begin)
    samen: dict[str, dict] = {}
    fouten = []
    delen = []
    for nr, payload in blok:
        if snel:
            # tekst (uit _regels_als_tekst): dezelfde snelle baan zonder te decoderen; valt hij af,
            # dan krijgt de volledige weg precies de bytes van de regel
            if type(payload) is str:
                regel = _snel_tekst(nr, payload, samen)
                if regel is None:
                    payload = payload.encode("utf-8")
            else:
                regel = _snel_een(nr, payload, samen)
            if regel is not None:
                delen.append(regel)
                continue
        rec = _verwerk_een(nr, payload, samen, kort_als_tekst=True)
        if type(rec) is str:  # de korte uitvoer, al als JSON-tekst
            delen.append(rec)
            continue
        if "fout" in rec:
            fouten.append({"regel": nr, "velden": sorted({f["veld"] or "(document)" for f in rec["fout"]["fouten"]})})
        delen.append(json.dumps(rec, ensure_ascii=False, separators=(",", ":"), default=str))
    # altijd UTF-8: de lezer laat geen losse surrogaat door (ook niet in een id)
    return ("\n".join(delen) + ("\n" if delen else "")).encode("utf-8"), samen, fouten, len(delen)


#: witruimte zoals ``bytes.strip()`` (ASCII): een regel met alleen deze tekens is leeg (``lees_jsonl``)
_WIT = " \t\n\r\x0b\x0c"


def _regels_als_tekst(begin: int, data: bytes) -> Optional[list]:
    """De niet-lege regels van een blok als ``(regelnummer, tekst)``, precies zoals ``lees_jsonl``
    ze als bytes geeft (zelfde nummers, zelfde lege regels), maar in één keer gedecodeerd; de tekst
    met zijn regeleinde (``\n``; een ``\r`` ervoor blijft staan, zoals in de bytes). None als het
    blok geen geldige UTF-8 is (dan ``lees_jsonl``, en per regel de melding) of een regel langer
    dan ``MAX_REGEL`` bytes heeft (de volledige weg meldt hem)."""
    try:
        tekst = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    stukken = tekst.split("\n")
    laatste = stukken.pop()  # na het laatste regeleinde: een regel zonder einde, of niets
    uit = []
    for i, s in enumerate(stukken, begin):
        if len(s) >= _LANG and len(s.encode("utf-8")) + 1 > MAX_REGEL:
            return None
        if s.strip(_WIT):
            uit.append((i, s + "\n"))
    if laatste:
        if len(laatste) >= _LANG and len(laatste.encode("utf-8")) > MAX_REGEL:
            return None
        if laatste.strip(_WIT):
            uit.append((begin + len(stukken), laatste))
    return uit


#: een regel van minder tekens is in UTF-8 (hoogstens vier bytes per teken, plus het regeleinde)
#: nooit langer dan ``MAX_REGEL`` bytes
_LANG = (MAX_REGEL - 1) // 4


# --------------------------------------------------------------------------- samenvoegen

def _voeg_samen(totaal: dict, deel: dict) -> None:
    for plugin, g in deel.items():
        t = totaal.get(plugin)
        if t is None:
            totaal[plugin] = g
            continue
        t["casussen"] += g["casussen"]
        t["peildata"] |= g["peildata"]
        for k, v in g["totalen"].items():
            t["totalen"][k] += v
        for sleutel, r in g["regelingen"].items():
            tr = t["regelingen"].setdefault(sleutel, {**r, "uitkomsten": {}, "per_jaar": NUL, "eenmalig": NUL, "lening": NUL})
            for u, n in r["uitkomsten"].items():
                tr["uitkomsten"][u] = tr["uitkomsten"].get(u, 0) + n
            for k in ("per_jaar", "eenmalig", "lening"):
                tr[k] += r[k]
        if g["wat_als"]:
            if t["wat_als"] is None:
                t["wat_als"] = g["wat_als"]
            else:
                for k in ("totalen", "verschil"):
                    for kk, v in g["wat_als"][k].items():
                        t["wat_als"][k][kk] += v
                t["wat_als"]["gewijzigd"] += g["wat_als"]["gewijzigd"]


def _samenvatting(per: dict, aantal: int, fouten: int, foutregels: list, zet: Zet, formaat: str, duur: float) -> dict:
    gemeenten = []
    alles = {"per_jaar": NUL, "eenmalig": NUL, "lening": NUL}
    wat_alles = {"per_jaar": NUL, "eenmalig": NUL, "lening": NUL} if zet else None
    for plugin in sorted(per):
        g = per[plugin]
        for k in alles:
            alles[k] += g["totalen"][k]
        regs = [{"regeling": s, "naam": r["naam"], "pakket": r["pakket"], "uitkomsten": dict(sorted(r["uitkomsten"].items())),
                 "per_jaar": euro(r["per_jaar"]), "eenmalig": euro(r["eenmalig"]), "lening": euro(r["lening"])}
                for s, r in sorted(g["regelingen"].items(), key=lambda x: (x[1]["pakket"] != "basis", x[0]))]
        wa = None
        if g["wat_als"]:
            wa = {"totalen": bedragen.totalen_tekst(g["wat_als"]["totalen"]),
                  "verschil": bedragen.totalen_tekst(g["wat_als"]["verschil"]), "gewijzigd": g["wat_als"]["gewijzigd"]}
            for k in wat_alles:
                wat_alles[k] += g["wat_als"]["verschil"][k]
        gemeenten.append({"plugin": plugin, "cbs_code": g["cbs_code"], "naam": g["naam"], "casussen": g["casussen"],
                          "regelingen": regs, "totalen": bedragen.totalen_tekst(g["totalen"]), "wat_als": wa})
    from .actualiteit import waarschuwingen

    peildata = sorted({d for g in per.values() for d in g["peildata"]})
    return {"contract": CONTRACT, "formaat": formaat, "regels": aantal, "beslist": aantal - fouten, "fouten": fouten,
            "waarschuwingen": [w for d in peildata for w in waarschuwingen(d)],
            "foutregels": foutregels, "foutregels_afgekapt": fouten > len(foutregels),
            "totalen": bedragen.totalen_tekst(alles), "wat_als": zet_dict(zet),
            "wat_als_verschil": bedragen.totalen_tekst(wat_alles) if wat_alles else None,
            "gemeenten": gemeenten, "duur_seconden": round(duur, 3)}


# --------------------------------------------------------------------------- de run

def _blokken(bron: Iterator[tuple[int, Any]], grootte: int) -> Iterator[list]:
    """CSV: de rijen van ``lees_csv`` in blokken (JSON Lines: ``_blokken_jsonl``)."""
    blok: list = []
    for item in bron:
        blok.append(item)
        if len(blok) >= grootte:
            yield blok
            blok = []
    if blok:
        yield blok


def formaat_van(pad: str, formaat: Optional[str]) -> str:
    if formaat:
        return formaat
    return "csv" if pad.lower().endswith(".csv") else "jsonl"


#: casussen per blok: een volledig besluit is ≈ 10 kB, dus kleinere blokken houden het geheugen laag
#: (100.000 volledig: 238 MB met blokken van 1000, 35 MB met blokken van 100, even snel)
BLOK_KORT = 1000
BLOK_VOLLEDIG = 100


def _schrijver(uit) -> Optional[Callable[[bytes], Any]]:
    """Schrijft de uitvoer van een blok (UTF-8, zie ``verwerk_blok``) naar ``uit``: rechtstreeks naar
    de binaire laag als het tekstbestand toch UTF-8 zonder vertaling van regeleinden schrijft (het
    bestand van ``Atomisch``, standaarduit op Linux); anders (een ``StringIO``, een andere codering)
    als tekst."""
    if uit is None:
        return None
    laag = getattr(uit, "buffer", None)
    try:
        import codecs

        utf8 = codecs.lookup(uit.encoding).name == "utf-8" and getattr(uit, "errors", "strict") == "strict"
    except (AttributeError, LookupError, TypeError):
        utf8 = False
    if laag is None or not utf8 or os.linesep != "\n":
        return lambda data: uit.write(data.decode("utf-8"))
    uit.flush()  # wat er al als tekst in stond, eerst
    return laag.write


def draai(invoer, uit, *, formaat: str = "jsonl", zet: Optional[Zet] = None, processen: int = 1,
          blok: Optional[int] = None,
          volledig: bool = False, voortgang: Optional[Callable[[int, int, float], None]] = None) -> dict:
    """Beslis alle casussen uit ``invoer`` (binair bestand) en schrijf JSON Lines naar ``uit``
    (tekstbestand of None). Geeft de samenvatting.

    Met ``processen`` > 1 (en ``os.fork``) beslissen werkprocessen de blokken (``_werkers``); het
    hoofdproces knipt alleen de invoer in blokken regels, stuurt ze als bytes weg en schrijft de
    UTF-8 die terugkomt in volgorde weg. Zonder ``os.fork`` (Windows) beslist één proces."""
    from ..plugins import register

    zet = zet or {}
    blok = blok or (BLOK_VOLLEDIG if volledig else BLOK_KORT)
    register()  # laad de plugins vóór het splitsen: de werkprocessen erven ze (fork)
    _init(zet, volledig)
    blokken = _blokken(lees_csv(invoer), blok) if formaat == "csv" else _blokken_jsonl(invoer, blok)
    start = time.perf_counter()
    per: dict = {}
    aantal = fouten = 0
    foutregels: list = []
    naar_uit = _schrijver(uit)

    def schrijf(resultaat) -> None:
        nonlocal aantal, fouten
        data, samen, fr, n = resultaat
        if naar_uit is not None:
            naar_uit(data)
        _voeg_samen(per, samen)
        aantal += n
        fouten += len(fr)
        ruimte = MAX_FOUTREGELS - len(foutregels)
        if ruimte > 0:
            foutregels.extend(fr[:ruimte])
        if voortgang:
            voortgang(aantal, fouten, time.perf_counter() - start)

    if processen <= 1 or not hasattr(os, "fork"):
        for b in blokken:
            schrijf(verwerk_blok(_als_bytes(b)))
    else:
        _werkers(blokken, processen, zet, volledig, schrijf)
    return _samenvatting(per, aantal, fouten, foutregels, zet, formaat, time.perf_counter() - start)


def _als_bytes(b):
    """Een JSON Lines-blok ``(begin, [regels])`` als ``(begin, bytes)``: zo gaat het naar een
    werkproces, en in één proces net zo naar ``verwerk_blok`` (dat het dan in één keer als tekst
    leest, ``_regels_als_tekst``). Een CSV-blok (lijst) blijft zoals het is."""
    return (b[0], b"".join(b[1])) if type(b) is tuple else b


# --------------------------------------------------------------------------- werkprocessen

#: een bericht tussen hoofd- en werkproces: 8 bytes lengte, dan een pickle
_KOP = struct.Struct("<Q")


class _Werker:
    """Eén werkproces (fork) met twee pijpen: taken erheen, resultaten terug. Het hoofdproces
    schrijft en leest niet-blokkerend (``_werkers``); het werkproces blokkerend (``_werk``)."""

    def __init__(self, pid: int, taak: int, terug: int):
        self.pid, self.taak, self.terug = pid, taak, terug
        self.verwacht: deque = deque()  # volgnummers van de blokken die dit proces nog terugstuurt
        self.uitgaand: deque = deque()  # memoryviews die nog naar de taakpijp moeten
        self.binnen = bytearray()

    def stuur(self, volgnr: int, blok) -> None:
        data = pickle.dumps(blok, pickle.HIGHEST_PROTOCOL)
        self.uitgaand.extend((memoryview(_KOP.pack(len(data))), memoryview(data)))  # kop en blok apart: niet kopiëren
        self.verwacht.append(volgnr)

    def schrijf(self) -> None:
        """Zoveel als de taakpijp nu opneemt."""
        while self.uitgaand:
            m = self.uitgaand[0]
            try:
                n = os.write(self.taak, m)
            except BlockingIOError:
                return
            except BrokenPipeError:  # het werkproces is weg: ``lees`` ziet het einde van zijn pijp en meldt het
                self.uitgaand.clear()
                return
            if n == len(m):
                self.uitgaand.popleft()
            else:
                self.uitgaand[0] = m[n:]

    def lees(self) -> list:
        """Wat er nu in de resultaatpijp staat; geeft de complete resultaten (in volgorde)."""
        try:
            data = os.read(self.terug, 1 << 20)
        except BlockingIOError:
            return []
        if not data:
            raise SoraFout(f"Een werkproces (proces {self.pid}) is onverwacht gestopt; de run is afgebroken "
                           "(te weinig geheugen? zie de systeemlog). Probeer het opnieuw, eventueel met --processen 1.")
        b = self.binnen
        b += data
        klaar = []
        while len(b) >= _KOP.size:
            (n,) = _KOP.unpack_from(b)
            if len(b) < _KOP.size + n:
                break
            klaar.append((self.verwacht.popleft(), pickle.loads(memoryview(b)[_KOP.size:_KOP.size + n])))
            del b[:_KOP.size + n]
        return klaar


def _start_werker(zet: Zet, volledig: bool, werkers: list) -> _Werker:
    taak_r, taak_w = os.pipe()
    terug_r, terug_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # het werkproces: komt nooit terug uit deze functie
        code = 1
        try:
            os.close(taak_w)
            os.close(terug_r)
            for w in werkers:  # de kanten van de andere werkprocessen: anders ziet dat proces nooit het einde
                os.close(w.taak)
                os.close(w.terug)
            _werk(taak_r, terug_w, zet, volledig)
            code = 0
        except SystemExit as e:  # een stopsignaal (``uitvoerpad.stil_werkproces``): stil
            code = e.code if isinstance(e.code, int) else 1
        except BaseException:  # noqa: BLE001 - alleen in het werkproces; het hoofdproces meldt dat het stopte
            import traceback

            traceback.print_exc()
        finally:
            os._exit(code)
    os.close(taak_r)
    os.close(terug_w)
    for fd in (taak_w, terug_r):
        os.set_blocking(fd, False)
        try:  # Linux: een pijp van 1 MiB in plaats van 64 KiB, zodat een blok in één keer over kan
            import fcntl

            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
        except (ImportError, AttributeError, OSError):
            pass
    return _Werker(pid, taak_w, terug_r)


def _werk(taak: int, terug: int, zet: Zet, volledig: bool) -> None:
    """Het werkproces: blokken lezen, beslissen, het resultaat terugsturen; stopt als de taakpijp
    dicht is (het hoofdproces is klaar). Een fout in een blok gaat terug naar het hoofdproces."""
    import gc

    _init_werker(zet, volledig)
    gc.freeze()  # wat het hoofdproces al had (plugins, beleid): niet steeds opnieuw nalopen
    lezer = open(taak, "rb", closefd=False)
    while True:
        kop = lezer.read(_KOP.size)
        if len(kop) < _KOP.size:
            return
        (n,) = _KOP.unpack(kop)
        data = lezer.read(n)
        if len(data) < n:  # het hoofdproces viel midden in een blok weg: stil stoppen
            return
        blok = pickle.loads(data)
        try:
            uit: tuple = ("ok", verwerk_blok(blok))
        except Exception as e:  # noqa: BLE001 - naar het hoofdproces, dat hem opnieuw opwerpt
            uit = ("fout", e)
        try:
            data = pickle.dumps(uit, pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - een fout die niet te pickelen is
            data = pickle.dumps(("fout", RuntimeError(f"{type(uit[1]).__name__}: {uit[1]}")), pickle.HIGHEST_PROTOCOL)
        for m in (memoryview(_KOP.pack(len(data))), memoryview(data)):  # kop en resultaat apart: niet kopiëren
            while m:
                m = m[os.write(terug, m):]


#: blokken onderweg: per werkproces hoogstens ``_PER_WERKER`` (één in bewerking, één wachtend in zijn
#: pijp), en samen hoogstens ``_VENSTER`` x processen (gestuurd, in bewerking, of klaar en wachtend
#: op hun beurt). Het venster is ruimer dan wat de werkprocessen vasthouden: staat er één stil (de
#: machine is druk), dan kunnen de andere intussen een paar blokken verder.
_PER_WERKER = 2
_VENSTER = 4


def _werkers(blokken: Iterator, processen: int, zet: Zet, volledig: bool, schrijf: Callable) -> None:
    """Verdeel de blokken over ``processen`` werkprocessen en geef de resultaten in volgorde aan
    ``schrijf``. Eén thread, geen ``multiprocessing.Pool``: het hoofdproces wacht met ``poll`` op
    de pijpen (de Pool had drie threads, waarvan er één bleef rondlopen zolang er een resultaat in
    de pijp stond, ≈ 0,3 s CPU per 100.000 casussen).

    Geheugen: hoogstens ``_VENSTER`` x processen blokken zijn onderweg (gestuurd, in bewerking, of
    klaar en wachtend op hun beurt). Een nieuw blok gaat naar het werkproces met de minste blokken
    onderweg, als dat er minder dan ``_PER_WERKER`` heeft.

    Stoppen: een fout of signaal (``Onderbroken``) stopt de werkprocessen (``_stop_werkers``);
    aan het eind sluit het hoofdproces de taakpijpen en wachten de werkprocessen begrensd op
    hun einde. De stopsignalen worden uitgesteld zolang de werkprocessen worden gestart (een
    signaal tussen fork en de administratie liet anders een werkproces achter); ze komen daarna
    binnen het try-blok aan. De werkprocessen heffen het uitstel op in ``stil_werkproces``."""
    import select

    from ..uitvoerpad import signalen_uitgesteld

    werkers: list = []
    try:
        with signalen_uitgesteld():
            for _ in range(processen):
                werkers.append(_start_werker(zet, volledig, werkers))
        per_fd = {}
        poller = select.poll()
        for w in werkers:
            per_fd[w.terug] = w
            poller.register(w.terug, select.POLLIN)
        schrijvend: set = set()
        max_onderweg = _VENSTER * processen
        volgnr = volgende = 0  # het volgende blok om te sturen, en om weg te schrijven
        klaar: dict = {}
        op = False
        while True:
            while volgende in klaar:  # eerst wegschrijven (dat maakt ruimte), dan aanvullen, dan wachten
                soort, r = klaar.pop(volgende)
                volgende += 1
                if soort != "ok":
                    raise r
                schrijf(r)
            while not op and volgnr - volgende < max_onderweg:
                w = min(werkers, key=lambda w: len(w.verwacht))
                if len(w.verwacht) >= _PER_WERKER:
                    break
                b = next(blokken, None)
                if b is None:
                    op = True
                    break
                w.stuur(volgnr, _als_bytes(b))  # één bytes-object: de pijp in zonder per regel te pickelen
                volgnr += 1
                w.schrijf()
            if op and volgende == volgnr:
                break
            for w in werkers:
                if w.uitgaand and w.taak not in schrijvend:
                    poller.register(w.taak, select.POLLOUT)
                    schrijvend.add(w.taak)
                elif not w.uitgaand and w.taak in schrijvend:
                    poller.unregister(w.taak)
                    schrijvend.discard(w.taak)
            for fd, _gebeurtenis in poller.poll():
                w = per_fd.get(fd)
                if w is not None:
                    for volg, r in w.lees():
                        klaar[volg] = r
                else:
                    next(x for x in werkers if x.taak == fd).schrijf()
    except BaseException:
        _stop_werkers(werkers)
        raise
    for w in werkers:  # klaar: de taakpijp dicht, dan stopt elk werkproces vanzelf
        os.close(w.taak)
        w.taak = -1
    _stop_werkers(werkers, eerst_wachten=30.0)


def _stop_werkers(werkers: list, wacht: float = 5.0, eerst_wachten: float = 0.0) -> None:
    """Stop de werkprocessen, begrensd in de tijd. ``eerst_wachten`` > 0 (de run is af, de
    taakpijpen zijn dicht): eerst zo lang wachten tot ze vanzelf stoppen. Daarna SIGTERM (ze
    stoppen stil, zie ``uitvoerpad.stil_werkproces``), ``wacht`` seconden, en wat dan nog leeft
    SIGKILL (werkprocessen schrijven zelf niets). Elk proces wordt geoogst."""
    import signal

    def oogst(tot: float) -> None:
        while True:
            for w in werkers:
                if w.pid:
                    try:
                        if os.waitpid(w.pid, os.WNOHANG)[0]:
                            w.pid = 0
                    except ChildProcessError:
                        w.pid = 0
            if not any(w.pid for w in werkers) or time.monotonic() >= tot:
                return
            time.sleep(0.002)

    for w in werkers:
        for fd in (w.taak, w.terug):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        w.taak = w.terug = -1
    if eerst_wachten:
        oogst(time.monotonic() + eerst_wachten)
    for sig, tijd in ((signal.SIGTERM, wacht), (signal.SIGKILL, wacht)):
        levend = [w for w in werkers if w.pid]
        if not levend:
            return
        for w in levend:
            try:
                os.kill(w.pid, sig)
            except ProcessLookupError:
                pass
        oogst(time.monotonic() + tijd)


def samenvatting_tekst(s: dict) -> str:
    from .tabel import bedrag_kort, bedrag_verschil, tabel
    from .vergelijk import _KORT

    uit = [f"Batch: {s['regels']} regels, {s['beslist']} beslist, {s['fouten']} met een fout ({s['duur_seconden']} s)"]
    from .actualiteit import waarschuwingen_tekst

    uit += waarschuwingen_tekst(s.get("waarschuwingen")) + [""]
    for g in s["gemeenten"]:
        uit.append(f"{g['naam']} ({g['cbs_code']}): {g['casussen']} casussen; totaal {bedrag_kort(Decimal(g['totalen']['per_jaar']))} "
                   f"per jaar, {bedrag_kort(Decimal(g['totalen']['eenmalig']))} eenmalig"
                   + (f", {bedrag_kort(Decimal(g['totalen']['lening']))} lening" if Decimal(g["totalen"]["lening"]) else ""))
        rijen = []
        for r in g["regelingen"]:
            u = r["uitkomsten"]
            rijen.append(["  " + r["naam"] + (" (plus)" if r["pakket"] != "basis" else "")]
                         + [str(u.get(k, 0)) for k in ("toegekend", "afgewezen", "niet_van_toepassing", "doorverwezen")]
                         + [bedrag_kort(Decimal(r["per_jaar"])), bedrag_kort(Decimal(r["eenmalig"]))])
        uit.append(tabel(["  regeling", "toegekend", "afgewezen", _KORT["niet_van_toepassing"], "doorverwezen", "per jaar",
                          "eenmalig"], rijen).rstrip("\n"))
        if g["wat_als"]:
            v = g["wat_als"]["verschil"]
            uit.append(f"  Wat-als: {g['wat_als']['gewijzigd']} casussen anders; verschil {bedrag_verschil(Decimal(v['per_jaar']))} "
                       f"per jaar, {bedrag_verschil(Decimal(v['eenmalig']))} eenmalig.")
        uit.append("")
    t = s["totalen"]
    uit.append(f"Totaal: {bedrag_kort(Decimal(t['per_jaar']))} per jaar, {bedrag_kort(Decimal(t['eenmalig']))} eenmalig "
               "(per jaar = per-jaarbedragen + 12 x per-maandbedragen).")
    if s["wat_als_verschil"]:
        v = s["wat_als_verschil"]
        gezet = "; ".join(f"{p}: " + ", ".join(f"{n} = {w}" for n, w in z.items()) for p, z in s["wat_als"].items())
        uit.append(f"Wat-als ({gezet}): meerkosten {bedrag_verschil(Decimal(v['per_jaar']))} per jaar, "
                   f"{bedrag_verschil(Decimal(v['eenmalig']))} eenmalig ten opzichte van het huidige beleid.")
    if s["foutregels"]:
        uit.append("")
        uit.append("Regels met een fout (regelnummer: velden):")
        for f in s["foutregels"]:
            uit.append(f"  regel {f['regel']}: {', '.join(f['velden'])}")
        if s["foutregels_afgekapt"]:
            uit.append("  ... en meer; alle fouten staan in de uitvoer.")
    return "\n".join(uit) + "\n"
