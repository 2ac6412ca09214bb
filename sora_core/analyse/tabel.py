"""Leesbare tabellen (vaste breedte) en CSV voor de analyse-opdrachten."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Iterable, Optional, Sequence

from ..geld import bedrag_nl

#: standaardbreedte van de tekstuitvoer (een terminal van 100 kolommen); --breed schakelt het af
BREEDTE = 100


def vouw(tekst: str, inspring: str = "", verder: str = "  ", breedte: int = BREEDTE) -> list[str]:
    """Eén alinea gevouwen op ``breedte`` (100) kolommen: de eerste regel begint met ``inspring``, de
    vervolgregels met ``inspring + verder``. Lege tekst geeft één (lege) regel. Dit is de enige
    vouwfunctie van de tekstuitvoer ('Let op'-regels, normen, verschil, harmonisatie, minima-effect,
    vergelijk); JSON houdt elke tekst heel."""
    import textwrap

    return textwrap.wrap(tekst, breedte, initial_indent=inspring, subsequent_indent=inspring + verder,
                         break_long_words=True, break_on_hyphens=False) or [inspring]


def bedrag_kort(b: Optional[Decimal]) -> str:
    """``Decimal('1345.5')`` wordt ``'1.345,50'`` (zonder euroteken, voor smalle kolommen)."""
    return "-" if b is None else bedrag_nl(b)


def bedrag_verschil(b: Decimal) -> str:
    return ("+" if b > 0 else "") + bedrag_kort(b)


def kap(tekst: str, breedte: int) -> str:
    return tekst if len(tekst) <= breedte else tekst[: breedte - 1] + "…"


def tabel(koppen: Sequence[str], rijen: Iterable[Sequence[str]], links: int = 1, max_eerste: int = 52) -> str:
    """Tabel met vaste kolombreedte; de eerste ``links`` kolommen links uitgelijnd, de rest rechts."""
    rijen = [[str(c) for c in r] for r in rijen]
    koppen = [str(k) for k in koppen]
    if rijen:
        rijen = [[kap(r[0], max_eerste)] + r[1:] for r in rijen]
    breedtes = [max([len(koppen[i])] + [len(r[i]) for r in rijen]) for i in range(len(koppen))]

    def regel(cellen: Sequence[str]) -> str:
        delen = [c.ljust(breedtes[i]) if i < links else c.rjust(breedtes[i]) for i, c in enumerate(cellen)]
        return "  ".join(delen).rstrip()

    uit = [regel(koppen), "  ".join("-" * b for b in breedtes)]
    uit.extend(regel(r) for r in rijen)
    return "\n".join(uit) + "\n"


def csv_tekst(koppen: Sequence[str], rijen: Iterable[Sequence]) -> str:
    f = io.StringIO()
    w = csv.writer(f, lineterminator="\n")
    w.writerow(koppen)
    for r in rijen:
        w.writerow(["" if c is None else c for c in r])
    return f.getvalue()
