"""Gegenereerde huishoudens voor de benchmark (deterministisch: vaste seed).

Dezelfde spreiding als de eigenschapstests (tests/test_eigenschappen.py), maar met ``random``
in plaats van Hypothesis, zodat 100.000 huishoudens in een paar seconden klaar zijn.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Iterator

GEMEENTEN = ("GM0361", "GM0373", "GM0383", "GM1980", "GM0399", "GM0450")
EERSTE = date(2023, 1, 1)
DAGEN = (date(2026, 6, 30) - EERSTE).days


def _geboren(rng: random.Random, peil: date, leeftijd: int) -> str:
    return (peil - timedelta(days=leeftijd * 365 + rng.randrange(365))).isoformat()


def _volwassene(rng: random.Random) -> int:
    r = rng.random()
    return rng.randint(18, 20) if r < 0.1 else rng.randint(65, 90) if r < 0.25 else rng.randint(21, 64)


def huishouden(rng: random.Random) -> dict:
    peil = EERSTE + timedelta(days=rng.randrange(DAGEN + 1))
    c = {
        "gemeente": rng.choice(GEMEENTEN),
        "peildatum": peil.isoformat(),
        "aanvrager": {"geboortedatum": _geboren(rng, peil, _volwassene(rng))},
        "inkomen": {"netto_per_maand": f"{rng.randrange(0, 300_000) / 100:.2f}"},
        "vermogen": {"bezittingen": f"{rng.randrange(0, 2_000_000) / 100:.2f}"},
    }
    if rng.random() < 0.6:
        c["inkomen"]["laag_sinds"] = (peil - timedelta(days=rng.randrange(0, 3650))).isoformat()
    if rng.random() < 0.4:
        c["partner"] = {"geboortedatum": _geboren(rng, peil, _volwassene(rng))}
    n = rng.choice((0, 0, 0, 1, 2, 3, 4))
    if n:
        c["kinderen"] = [{"geboortedatum": _geboren(rng, peil, rng.randint(0, 25))} for _ in range(n)]
    if rng.random() < 0.15:
        c["medebewoners"] = [{"geboortedatum": _geboren(rng, peil, rng.randint(18, 80))}
                             for _ in range(rng.randint(1, 2))]
    return c


def huishoudens(n: int, seed: int = 2025) -> Iterator[dict]:
    rng = random.Random(seed)
    for _ in range(n):
        yield huishouden(rng)
