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
    """Tabel met vaste kolombreedte; de eerste ``links`` kolommen links uitgelijnd, de rest rechts.
    Een kop met ``\n`` staat op meer regels (onder uitgelijnd)."""
    rijen = [[str(c) for c in r] for r in rijen]
    kopregels = [str(k).split("\n") for k in koppen]
    hoogte = max((len(k) for k in kopregels), default=1)
    kopregels = [[""] * (hoogte - len(k)) + k for k in kopregels]
    if rijen:
        rijen = [[kap(r[0], max_eerste)] + r[1:] for r in rijen]
    breedtes = [max([len(x) for x in kopregels[i]] + [len(r[i]) for r in rijen]) for i in range(len(kopregels))]

    def regel(cellen: Sequence[str]) -> str:
        delen = [c.ljust(breedtes[i]) if i < links else c.rjust(breedtes[i]) for i, c in enumerate(cellen)]
        return "  ".join(delen).rstrip()

    uit = [regel([k[j] for k in kopregels]) for j in range(hoogte)] + ["  ".join("-" * b for b in breedtes)]
    uit.extend(regel(r) for r in rijen)
    return "\n".join(uit) + "\n"


def kop_op_twee_regels(kop: str, breedte: int) -> str:
    """Een kop die breder is dan de cellen van zijn kolom (``breedte``), op twee regels gesplitst bij
    de spatie die de kolom het smalst maakt ("Dijk en\nWaard"); anders ongewijzigd."""
    if len(kop) <= breedte or " " not in kop:
        return kop
    delen = kop.split(" ")
    splitsingen = [(" ".join(delen[:i]), " ".join(delen[i:])) for i in range(1, len(delen))]
    a, b = min(splitsingen, key=lambda s: (max(len(s[0]), len(s[1]), breedte), max(len(s[0]), len(s[1]))))
    return f"{a}\n{b}" if max(len(a), len(b)) < len(kop) else kop


def csv_tekst(koppen: Sequence[str], rijen: Iterable[Sequence]) -> str:
    f = io.StringIO()
    w = csv.writer(f, lineterminator="\n")
    w.writerow(koppen)
    for r in rijen:
        w.writerow(["" if c is None else c for c in r])
    return f.getvalue()
