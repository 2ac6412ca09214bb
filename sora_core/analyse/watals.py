"""Wat-als: ``--zet GEMEENTE.NORM=WAARDE`` lezen.

``GEMEENTE`` is een pluginnaam (``alkmaar``), een CBS-code (``GM0361``) of ``alle`` (elke
gemeente); ``NORM`` is de naam van een open norm van de kern
(``individuele_inkomenstoeslag.inkomensgrens``); ``WAARDE`` volgt het type van de norm:

* bedrag en fractie: een getal, punt of komma als decimaalteken (``1.30`` of ``1,30``);
* geheel: een geheel getal; ja_nee: ``ja``/``nee`` (of ``true``/``false``);
* keuze en tekst: de tekst zelf. Een staffel kan niet via ``--zet``.

Het resultaat is per plugin de ``zet`` die ``beleid.los_op`` verwacht: een gesorteerde tuple
van (naam, waarde). Bereik en type worden meteen getoetst (Nederlandse fout, exitcode 2).
"""

from __future__ import annotations

from typing import Any, Iterable

from ..fouten import BeleidFout, Fout, InvoerFout, PluginFout

ALLE = ("alle", "*")

Zet = dict[str, tuple[tuple[str, Any], ...]]


def _typeer(d, tekst: str) -> Any:
    t = d.type
    s = tekst.strip()
    if t in ("bedrag", "fractie"):
        return s.replace(",", ".")
    if t == "geheel":
        try:
            return int(s)
        except ValueError:
            raise ValueError(f"verwacht een geheel getal{_kreeg(tekst)}") from None
    if t == "ja_nee":
        if s.lower() in ("ja", "true", "1"):
            return True
        if s.lower() in ("nee", "false", "0"):
            return False
        raise ValueError(f"verwacht ja of nee{_kreeg(tekst)}")
    if t == "staffel":
        raise ValueError("een staffel kan niet via --zet worden gezet")
    return s


def _kreeg(tekst: str) -> str:
    from ..invoer import herhaalbaar

    h = herhaalbaar(tekst) or herhaalbaar(tekst, "sleutel")
    return f", kreeg '{h}'" if h else ""


def _voor(tekst: str) -> str:
    """``'tekst': `` vooraan in een melding, alleen als de hele --zet op GEMEENTE.NORM=WAARDE lijkt
    met een sleutelachtige naam en een korte waarde (privacyregel: nooit een BSN of een naam)."""
    from ..invoer import herhaalbaar

    links, _, waarde = tekst.partition("=")
    if herhaalbaar(links.strip(), "sleutel") and (herhaalbaar(waarde) or herhaalbaar(waarde, "sleutel") or not waarde.strip()):
        return f"'{tekst.strip()}': "
    return ""


def lees_zet(teksten: Iterable[str], reg) -> Zet:
    from ..parameters import kern_definities, lees_waarde

    definities = kern_definities()
    per_plugin: dict[str, dict[str, Any]] = {}
    fouten: list[Fout] = []
    for tekst in teksten:
        links, is_, waarde = tekst.partition("=")
        gemeente, punt, naam = links.strip().partition(".")
        if not is_ or not punt or not naam:
            fouten.append(Fout("--zet", f"{_voor(tekst)}verwacht GEMEENTE.NORM=WAARDE, "
                                        "bijvoorbeeld alkmaar.individuele_inkomenstoeslag.inkomensgrens=1.30."))
            continue
        if gemeente.lower() in ALLE:
            plugins = [p.naam for p in reg.gesorteerd()]
        else:
            try:
                plugins = [reg.zoek(gemeente).naam]
            except InvoerFout as e:
                fouten.extend(Fout("--zet", f"{_voor(tekst)}{f.melding}") for f in e.fouten())
                continue
            except PluginFout as e:
                fouten.append(Fout("--zet", f"{_voor(tekst)}{str(e).split(': ', 1)[-1]}"))
                continue
        d = definities.get(naam)
        if d is None or not d.open:
            soort = "een vaste parameter van de kern, geen open norm" if d is not None else "geen bekende open norm"
            fouten.append(Fout("--zet", f"{_voor(tekst)}de naam is {soort}; zie 'sora normen' voor de open normen."))
            continue
        try:
            w = _typeer(d, waarde)
            lees_waarde(d, w, "--zet", "wat-als")
        except (ValueError, BeleidFout) as e:
            melding = str(e).split(": ", 1)[-1] if isinstance(e, BeleidFout) else str(e)
            if isinstance(e, BeleidFout):  # de lezer van beleidswaarden herhaalt de waarde: hier niet (privacyregel)
                from ..fouten import zonder_waarden

                melding = zonder_waarden([Fout(None, melding)])[0]["melding"]
            fouten.append(Fout("--zet", f"{_voor(tekst)}{melding}"))
            continue
        for p in plugins:
            per_plugin.setdefault(p, {})[naam] = w
    if fouten:
        raise InvoerFout(fouten)
    return {p: tuple(sorted(n.items())) for p, n in sorted(per_plugin.items())}


def zet_dict(zet: Zet) -> dict[str, dict[str, str]]:
    """Voor uitvoer: per plugin de gezette normen als tekst."""
    from ..parameters import waarde_als_tekst

    return {p: {n: waarde_als_tekst(w) for n, w in items} for p, items in zet.items()}
