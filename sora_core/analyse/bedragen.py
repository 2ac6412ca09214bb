"""Bedragen omrekenen naar jaarwaarde: één afspraak voor alle analyses.

Een beslissing telt mee als de uitkomst ``toegekend`` is en er een bedrag is. Dan:

* ``per_maand``: x 12 (een jaar ondersteuning);
* ``per_jaar``: x 1;
* ``eenmalig``: apart geteld als *eenmalig* (vergelijk, batch), en in de *jaarwaarde* van
  minima-effect en harmonisatie x 1 meegeteld (het bedrag valt in het jaar van de peildatum);
* zonder ``bedrag_per`` (een regel die het niet opgeeft): als eenmalig;
* een toekenning als **lening** (``vorm = "lening"``) telt niet mee in de ondersteuning; die
  wordt apart opgeteld (het geld komt terug).

Een toekenning zonder bedrag (bijvoorbeeld een pas waarvan het tegoed nog niet bevestigd is)
telt als 0 en wordt apart gemeld als "toegekend zonder bedrag": de toolkit verzint geen bedrag.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..geld import NUL, euro

FACTOR_PER_JAAR = {"per_maand": 12, "per_jaar": 1}


def kort(b) -> dict:
    """De uitkomst van een beslissing zonder motivering: regeling, uitkomst, bedrag (tekst),
    bedrag_per en vorm (de cellen van vergelijk, de regels van batch)."""
    return {"regeling": b.regeling, "uitkomst": b.uitkomst, "bedrag": euro(b.bedrag),
            "bedrag_per": b.bedrag_per, "vorm": b.vorm}


def telt_mee(b) -> bool:
    return b.uitkomst == "toegekend" and b.bedrag is not None


def splits(b) -> tuple[Decimal, Decimal, Decimal]:
    """(per jaar, eenmalig, lening) van één beslissing."""
    if not telt_mee(b):
        return NUL, NUL, NUL
    if b.vorm == "lening":
        return NUL, NUL, b.bedrag
    f = FACTOR_PER_JAAR.get(b.bedrag_per)
    if f is None:
        return NUL, b.bedrag, NUL
    return b.bedrag * f, NUL, NUL


def jaarwaarde(b) -> Decimal:
    """Jaarwaarde voor minima-effect en harmonisatie: per jaar + eenmalig (lening telt niet)."""
    j, e, _ = splits(b)
    return j + e


def zonder_bedrag(b) -> bool:
    return b.uitkomst == "toegekend" and b.bedrag is None


def totalen(beslissingen: Iterable) -> dict[str, Decimal]:
    pj = ee = le = NUL
    for b in beslissingen:
        j, e, l_ = splits(b)
        pj += j
        ee += e
        le += l_
    return {"per_jaar": pj, "eenmalig": ee, "lening": le}


def totalen_tekst(t: dict[str, Decimal]) -> dict[str, str]:
    return {k: euro(v) for k, v in t.items()}
