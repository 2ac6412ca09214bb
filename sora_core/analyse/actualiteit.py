"""Is het recht in de toolkit actueel? Dekking van de gedateerde waarden op een peildatum.

Alles volgt uit de gedateerde waarden zelf (``Definitie.waarden`` van de kern en de
``[[norm]]``-waarden van de plugins), nooit uit vaste datums:

* per parameter en open norm **met waarden**: de eerste gedekte dag, de laatste gedekte dag
  (``None``: zonder einde), de **gaten** (perioden zonder waarde tussen de eerste en de laatste
  waarde; bij halfjaarlijks geïndexeerde bedragen de halfjaren zonder bedrag) en de waarden die
  nog niet bevestigd zijn (``bevestigd = false``), met periode en bron;
* een waarde is op dag D **niet gedekt** als ze waarden heeft, D op of na haar eerste
  ``geldig_vanaf`` ligt en er op D geen waarde geldt (vervallen, of in een gat). Vóór haar
  eerste waarde bestond ze nog niet: dat is niet "niet gedekt";
* de **eerste ongedekte datum**: als D gedekt is, de eerste dag na D waarop een waarde van de
  kern niet meer gedekt is (de dag na een laatste ``geldig_tot`` of het begin van een gat);
  als D zelf niet gedekt is, de dag sinds wanneer de kern onafgebroken niet gedekt is;
* per gemeente de eigen ``[[norm]]``-waarden op dezelfde manier; is een eigen waarde op D
  vervallen, dan geldt de regionale standaard weer (of, zonder standaard, geen waarde);
* open normen zonder enige waarde (kern noch gemeente) staan apart: die zijn "zonder waarde",
  de regel verwijst door; dat is geen gebrek aan actualiteit.

``waarschuwingen(peildatum)`` geeft de korte regel die de analyse-opdrachten bovenaan tonen
als hun peildatum niet gedekt is; de dekking van de kern wordt één keer uitgerekend en bewaard.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Iterable, Mapping, Optional, Sequence

import attrs

from ..geld import datum_nl

CONTRACT = "sora-actualiteit/1"
DAG = timedelta(days=1)
BREEDTE = 100

Periode = tuple  # (van: date, tot: Optional[date]); tot None = zonder einde


@attrs.frozen
class Dekking:
    """De dekking van één reeks gedateerde waarden."""

    eerste: date
    laatste: Optional[date]  # None: de laatste waarde heeft geen einde
    gaten: tuple[Periode, ...]  # perioden zonder waarde tussen de eerste en de laatste waarde
    ongedekt: tuple[Periode, ...]  # de gaten plus (na een laatste geldig_tot) de periode daarna
    onbevestigd: tuple[Any, ...]  # de Waarde-objecten met bevestigd = false

    def periode_op(self, d: date) -> Optional[Periode]:
        """De ongedekte periode waarin ``d`` valt, of ``None`` als ``d`` gedekt is (of vóór de eerste waarde ligt)."""
        for van, tot in self.ongedekt:
            if van <= d and (tot is None or d <= tot):
                return (van, tot)
        return None

    def gedekt_op(self, d: date) -> bool:
        return self.periode_op(d) is None


def dekking(waarden: Iterable[Any]) -> Optional[Dekking]:
    """De dekking van gedateerde waarden (``Waarde``-objecten); ``None`` zonder waarden.

    Een waarde zonder ``geldig_tot`` loopt door tot de volgende waarde (als ``sluit_perioden``)."""
    ws = sorted(waarden, key=lambda w: w.geldig_vanaf)
    if not ws:
        return None
    gaten = []
    eind = ws[0].geldig_tot
    for w in ws[1:]:
        if eind is not None and w.geldig_vanaf > eind + DAG:
            gaten.append((eind + DAG, w.geldig_vanaf - DAG))
        if eind is None or w.geldig_tot is None:
            eind = w.geldig_tot  # een open einde sluit bij de volgende waarde
        else:
            eind = max(eind, w.geldig_tot)
    ongedekt = list(gaten)
    if eind is not None and eind < date.max:
        ongedekt.append((eind + DAG, None))
    return Dekking(eerste=ws[0].geldig_vanaf, laatste=eind, gaten=tuple(gaten), ongedekt=tuple(ongedekt),
                   onbevestigd=tuple(w for w in ws if not w.bevestigd))


def _samenvoegen(perioden: Iterable[Periode]) -> list[Periode]:
    """Overlappende of aansluitende perioden samenvoegen (tot ``None`` = zonder einde)."""
    uit: list[list] = []
    for van, tot in sorted(perioden, key=lambda p: p[0]):
        if uit and (uit[-1][1] is None or van <= uit[-1][1] + DAG):
            if uit[-1][1] is not None and (tot is None or tot > uit[-1][1]):
                uit[-1][1] = tot
            continue
        uit.append([van, tot])
    return [(a, b) for a, b in uit]


# --------------------------------------------------------------------------- de kern

@attrs.frozen
class KernDekking:
    definities: Mapping[str, Any]
    per_naam: Mapping[str, Dekking]  # alleen parameters en open normen met waarden, in de volgorde van de kern
    ongedekt: tuple[Periode, ...]  # samengevoegd over alle waarden van de kern

    def eerste_ongedekte_datum(self, d: date) -> Optional[date]:
        for van, tot in self.ongedekt:
            if tot is None or d <= tot:
                return van  # de periode die d bevat (van <= d), of de eerstvolgende (van > d)
        return None

    def niet_gedekt(self, d: date) -> list[dict]:
        """Wat op ``d`` niet gedekt is: meest recent vervallen eerst, dan in de volgorde van de kern."""
        uit = []
        for i, (naam, dek) in enumerate(self.per_naam.items()):
            p = dek.periode_op(d)
            if p is not None:
                uit.append((i, ontbreekt_dict(self.definities[naam], p)))
        uit.sort(key=lambda x: (-(date.fromisoformat(x[1]["laatst_gedekt"]).toordinal()), x[0]))
        return [x[1] for x in uit]


def ontbreekt_dict(d, periode: Periode) -> dict:
    van, tot = periode
    return {"naam": d.naam, "soort": "open_norm" if d.open else "parameter", "omschrijving": d.omschrijving,
            "grondslag": d.grondslag, "laatst_gedekt": (van - DAG).isoformat(), "ongedekt_sinds": van.isoformat(),
            "ongedekt_tot": tot.isoformat() if tot else None}


def kern_dekking(definities: Optional[Mapping[str, Any]] = None) -> KernDekking:
    """De dekking van alle parameters en open normen met waarden (standaard: de kern; eenmalig uitgerekend)."""
    if definities is None:
        from ..parameters import kern_definities

        definities = kern_definities()
    if _CACHE and _CACHE[0] is definities:
        return _CACHE[1]
    per = {}
    for naam, d in definities.items():
        dek = dekking(d.waarden)
        if dek is not None:
            per[naam] = dek
    k = KernDekking(definities=definities, per_naam=per,
                    ongedekt=tuple(_samenvoegen(p for dek in per.values() for p in dek.ongedekt)))
    _CACHE[:] = [definities, k]
    return k


_CACHE: list = []


def waarschuwing(peildatum: date, definities: Optional[Mapping[str, Any]] = None) -> Optional[str]:
    """Eén regel als de kern op ``peildatum`` niet gedekt is, anders ``None``."""
    k = kern_dekking(definities)
    ontbreekt = k.niet_gedekt(peildatum)
    if not ontbreekt:
        return None
    wie = ontbreekt[0]["naam"] + (f" en {len(ontbreekt) - 1} andere" if len(ontbreekt) > 1 else "")
    sinds = k.eerste_ongedekte_datum(peildatum)
    return (f"Let op: op {datum_nl(peildatum)} ontbreken waarden in de kern ({wie}; laatst volledig gedekt t/m "
            f"{datum_nl(sinds - DAG)}); beslissingen die ze nodig hebben, worden doorverwezen. Zie 'sora actualiteit'.")


def waarschuwingen(peildatum: date, definities: Optional[Mapping[str, Any]] = None) -> list[str]:
    """De waarschuwingen voor het veld ``waarschuwingen`` van een analyse (leeg als alles gedekt is)."""
    w = waarschuwing(peildatum, definities)
    return [w] if w else []


def vooruitblik(vandaag: date, dagen: int = 60, definities: Optional[Mapping[str, Any]] = None) -> Optional[str]:
    """Een waarschuwing als de kern binnen ``dagen`` dagen na ``vandaag`` niet meer gedekt is (of
    dat al niet is), anders ``None``. Voor de testsuite en een geplande taak."""
    k = kern_dekking(definities)
    eerste = k.eerste_ongedekte_datum(vandaag)
    if eerste is None or (eerste - vandaag).days > dagen:
        return None
    ontbreekt = k.niet_gedekt(max(eerste, vandaag))
    wie = ontbreekt[0]["naam"] + (f" en {len(ontbreekt) - 1} andere" if len(ontbreekt) > 1 else "")
    if eerste <= vandaag:
        wanneer = f"is sinds {datum_nl(eerste)} niet meer volledig gedekt"
    else:
        wanneer = f"is over {(eerste - vandaag).days} dagen, op {datum_nl(eerste)}, niet meer volledig gedekt"
    return (f"Let op: de kern {wanneer} ({wie}). Vul de waarden aan in sora_core/data/; "
            "zie 'sora actualiteit'.")


def niet_gedekt_in(naam: str, plugin, peildatum: date, definities: Optional[Mapping[str, Any]] = None) -> bool:
    """Is ``naam`` op ``peildatum`` in deze gemeente niet gedekt? Een open norm telt de eigen
    waarden van de gemeente en de regionale standaard samen; zonder enige waarde (kern noch
    gemeente) of vóór de eerste waarde is hij niet "niet gedekt"."""
    if definities is None:
        from ..parameters import kern_definities

        definities = kern_definities()
    d = definities.get(naam)
    if d is None:
        return False
    eigen = tuple(plugin.normen.get(naam, ())) if (plugin is not None and d.open) else ()
    alle = tuple(d.waarden) + eigen
    if not alle or any(w.geldt_op(peildatum) for w in alle):
        return False
    return peildatum >= min(w.geldig_vanaf for w in alle)


# --------------------------------------------------------------------------- het overzicht

def _d(d: Optional[date]) -> Optional[str]:
    return d.isoformat() if d else None


def _dekking_dict(dek: Dekking) -> dict:
    return {"eerste_datum": dek.eerste.isoformat(), "laatste_datum": _d(dek.laatste),
            "gaten": [{"van": a.isoformat(), "tot": b.isoformat()} for a, b in dek.gaten],
            "onbevestigd": [{"waarde": w.als_tekst(), "geldig_vanaf": w.geldig_vanaf.isoformat(),
                             "geldig_tot": _d(w.geldig_tot), "bron": w.document or w.grondslag} for w in dek.onbevestigd]}


def _gemeente(p, peildatum: date, definities: Mapping[str, Any]) -> dict:
    normen, niet = [], []
    for naam in sorted(p.normen):
        d = definities.get(naam)
        dek = dekking(p.normen[naam])
        if d is None or dek is None:
            continue
        eigen = next((w for w in p.normen[naam] if w.geldt_op(peildatum)), None)
        std = d.waarde_op(peildatum)
        periode = dek.periode_op(peildatum)
        if eigen is not None:
            geldt = "gemeente"
        elif std is not None:
            geldt = "regionale_standaard"
        else:
            geldt = "geen"
        normen.append({"naam": naam, **_dekking_dict(dek), "vervallen": periode is not None, "geldt": geldt,
                       "standaard": std.als_tekst() if std is not None else None})
        if periode is not None and std is None:
            niet.append(ontbreekt_dict(d, periode))
    return {"plugin": p.naam, "cbs_code": p.info.cbs_code, "naam": p.info.naam, "normen": normen, "niet_gedekt": niet}


def actualiteit(peildatum: date, gemeenten: Sequence[str] = (), reg=None,
                definities: Optional[Mapping[str, Any]] = None) -> dict:
    """Het overzicht ``sora-actualiteit/1`` op ``peildatum`` (gemeenten: alle, of deze CBS-codes of namen)."""
    from .normen import zoek

    if reg is None:
        from ..plugins import register

        reg = register()
    if definities is None:
        from ..parameters import kern_definities

        definities = kern_definities()
    k = kern_dekking(definities)
    gekozen = []
    for g in gemeenten:
        p = zoek(reg, g)
        if p not in gekozen:
            gekozen.append(p)
    plugins = sorted(gekozen, key=lambda p: p.info.naam) if gemeenten else reg.gesorteerd()
    kern = [{"naam": n, "soort": "open_norm" if definities[n].open else "parameter",
             "omschrijving": definities[n].omschrijving, "grondslag": definities[n].grondslag,
             **_dekking_dict(dek), "gedekt": dek.gedekt_op(peildatum)} for n, dek in k.per_naam.items()]
    per_gemeente = [_gemeente(p, peildatum, definities) for p in plugins]
    met_waarde = {n for p in plugins for n, ws in p.normen.items() if ws}
    zonder = [{"naam": n, "omschrijving": d.omschrijving, "grondslag": d.grondslag}
              for n, d in definities.items() if d.open and not d.waarden and n not in met_waarde]
    niet = k.niet_gedekt(peildatum)
    eerste = k.eerste_ongedekte_datum(peildatum)
    return {
        "contract": CONTRACT, "peildatum": peildatum.isoformat(),
        "volledig_gedekt": not niet and not any(g["niet_gedekt"] for g in per_gemeente),
        "kern_gedekt": not niet,
        "eerste_ongedekte_datum": _d(eerste),
        "gedekt_tot_en_met": _d(eerste - DAG) if eerste else None,
        "niet_gedekt": niet, "kern": kern, "gemeenten": per_gemeente, "zonder_waarde": zonder,
    }


# --------------------------------------------------------------------------- tekst

def waarschuwingen_tekst(waarschuwingen) -> list[str]:
    """De waarschuwingen van een analyse (``doc["waarschuwingen"]``, of die van een plugin die niet
    laadde) voor de tekstuitvoer: elke "Let op: ..." gevouwen op ``BREEDTE`` (100) kolommen, de
    vervolgregels twee posities ingesprongen. JSON houdt elke waarschuwing als één tekst."""
    uit: list[str] = []
    for w in waarschuwingen or ():
        uit += _regels(w)
    return uit


def _regels(tekst: str, inspringen: str = "") -> list[str]:
    from .tabel import vouw

    return vouw(tekst, inspringen, "  ", BREEDTE)


def _nl(iso: Optional[str]) -> str:
    return datum_nl(date.fromisoformat(iso)) if iso else ""


def _looptijd(x: dict) -> str:
    if x["laatste_datum"] is None:
        return f"vanaf {_nl(x['eerste_datum'])}, zonder einde"
    return f"{_nl(x['eerste_datum'])} t/m {_nl(x['laatste_datum'])}"


def _details(x: dict, uit: list[str]) -> None:
    for g in x["gaten"]:
        uit += _regels(f"zonder waarde: {_nl(g['van'])} t/m {_nl(g['tot'])}", "    ")
    for w in x["onbevestigd"]:
        tot = f" t/m {_nl(w['geldig_tot'])}" if w["geldig_tot"] else ", zonder einde"
        waarde = w["waarde"] if len(w["waarde"]) <= 40 else w["waarde"][:39] + "…"
        uit += _regels(f"nog te bevestigen: {waarde}, {_nl(w['geldig_vanaf'])}{tot} (bron: {w['bron']})", "    ")


def als_tekst(doc: dict) -> str:
    peil = _nl(doc["peildatum"])
    uit = [f"Actualiteit van het recht in de toolkit op {peil}", ""]
    niet = doc["niet_gedekt"]
    gem_niet = [(g, n) for g in doc["gemeenten"] for n in g["niet_gedekt"]]
    if doc["volledig_gedekt"]:
        uit.append(f"Volledig gedekt: op {peil} heeft elke parameter en open norm met waarden een waarde.")
    else:
        delen = []
        if niet:
            delen.append(f"{len(niet)} in de kern")
        if gem_niet:
            delen.append(f"{len(gem_niet)} bij de gemeenten")
        uit += _regels(f"NIET VOLLEDIG GEDEKT: op {peil} ontbreken waarden ({', '.join(delen)}).")
    eerste = doc["eerste_ongedekte_datum"]
    if eerste is None:
        uit.append("De kern is gedekt zonder einddatum: geen waarde van de kern vervalt.")
    elif doc["kern_gedekt"]:
        uit += _regels(f"De kern is gedekt t/m {_nl(doc['gedekt_tot_en_met'])}; eerste ongedekte datum: {_nl(eerste)}.")
    else:
        uit += _regels(f"De kern is niet gedekt sinds {_nl(eerste)} (laatst volledig gedekt t/m "
                       f"{_nl(doc['gedekt_tot_en_met'])}).")
    if niet or gem_niet:
        uit += ["", f"Niet gedekt op {peil}:"]
        for n, wie in [(n, "") for n in niet] + [(n, f" ({g['naam']})") for g, n in gem_niet]:
            uit += _regels(f"- {n['naam']}{wie}: laatst gedekt t/m {_nl(n['laatst_gedekt'])}")
            uit += _regels(n["omschrijving"], "    ")
            uit += _regels(f"grondslag: {n['grondslag']}", "    ")
    uit += ["", f"Kern: {len(doc['kern'])} parameters en open normen met waarden (* = niet gedekt op {peil})"]
    for x in doc["kern"]:
        uit += _regels(f"{'*' if not x['gedekt'] else '-'} {x['naam']}: {_looptijd(x)}")
        _details(x, uit)
    for g in doc["gemeenten"]:
        uit += ["", f"{g['naam']} ({g['cbs_code']}): {len(g['normen'])} eigen waarde(n) in beleid.toml"]
        for x in g["normen"]:
            regel = f"- {x['naam']}: {_looptijd(x)}"
            if x["vervallen"] and x["geldt"] == "regionale_standaard":
                regel += f"; op {peil} vervallen: de regionale standaard geldt weer ({x['standaard']})"
            elif x["vervallen"]:
                regel += f"; op {peil} vervallen, en er is geen regionale standaard: geen waarde"
            uit += _regels(regel)
            _details(x, uit)
    if doc["zonder_waarde"]:
        uit.append("")
        uit += _regels(f"Open normen zonder waarde ({len(doc['zonder_waarde'])}): geen regionale standaard en geen "
                       "gemeente met een eigen waarde; een regel die ze nodig heeft, verwijst door. Dat is geen "
                       "gebrek aan actualiteit.")
        for z in doc["zonder_waarde"]:
            uit += _regels(f"- {z['naam']}")
    return "\n".join(uit) + "\n"
