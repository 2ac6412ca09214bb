"""De bezwaartermijn: één motiveringsstap en de laatste dag, voor elke beslissing (kern).

Zes weken (art. 6:7 Awb) vanaf de dag na de bekendmaking (art. 6:8 lid 1 Awb), verlengd als de
laatste dag op een zaterdag, zondag of algemeen erkende feestdag valt (art. 1 Atw).
"""

from __future__ import annotations

import functools
from datetime import date


@functools.lru_cache(maxsize=4096)
def bezwaarstap(bekend: date) -> tuple:
    """De motiveringsstap over bezwaar en de laatste dag (of None), per datum van bekendmaking.

    Gecachet: dezelfde stap geldt voor elke beslissing in een besluit (en voor elk besluit met
    die datum); ``Motivering`` is onveranderlijk en kan dus gedeeld worden."""
    from .geld import datum_nl
    from .kalender import bezwaartermijn
    from .model import Motivering

    grondslag = "art. 6:7 en art. 6:8 lid 1 Algemene wet bestuursrecht; art. 1 Algemene termijnenwet"
    try:
        t = bezwaartermijn(bekend)
    except ValueError as e:
        return Motivering(f"De laatste dag voor bezwaar kan niet worden berekend: {e}", grondslag, "kern",
                          bijzaak=True), None
    tekst = (f"Tegen dit besluit kan bezwaar worden gemaakt tot en met {datum_nl(t.einddatum)}: zes weken, "
             f"te rekenen vanaf de dag na de bekendmaking op {datum_nl(bekend)}")
    if t.overgeslagen:
        tekst += (", verlengd omdat de termijn anders eindigt op "
                  + "; ".join(f"{datum_nl(o.datum)} ({o.reden})" for o in t.overgeslagen))
    tekst += "."
    if t.waarschuwingen:
        tekst += " " + " ".join(t.waarschuwingen)
    return Motivering(tekst, t.grondslag, "kern", bijzaak=True), t.einddatum
