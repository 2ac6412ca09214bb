"""De bezwaartermijn: één motiveringsstap en de laatste dag, voor elke beslissing (kern).

Zes weken (art. 6:7 Awb) vanaf de dag na de bekendmaking (art. 6:8 lid 1 Awb), verlengd als de
laatste dag op een zaterdag, zondag of algemeen erkende feestdag valt (art. 1 Atw).
"""

from __future__ import annotations

import functools
from datetime import date


def is_besluit(uitkomst: str, casus) -> bool:
    """Krijgt deze uitkomst een bezwaartermijn? Alleen een besluit krijgt er een.

    * "doorverwezen" is nog geen besluit: de consulent beslist.
    * "niet van toepassing" zonder aanvraag ("waar heb ik recht op?", ``casus.aanvragen`` leeg)
      is evenmin een besluit: niemand vroeg om de regeling, dus er is geen aanvraag om op te
      beslissen (art. 1:3 lid 3 Awb) en niets om bezwaar tegen te maken. Op een aanvraag is
      "niet van toepassing" wel een besluit: in feite een afwijzing, dus met bezwaartermijn.

    Zowel ``Uitleg.besluit`` als ``beslisser.met_bezwaartermijn`` vragen het hier, met en zonder
    motivering: zo is ``bezwaar_uiterlijk`` in beide gevallen gelijk (en het kader van de batch
    via ``is_besluit_bij``)."""
    return is_besluit_bij(uitkomst, bool(casus.aanvragen))


def is_besluit_bij(uitkomst: str, met_aanvragen: bool) -> bool:
    """``is_besluit`` voor een casus met (of zonder) aanvragen."""
    if uitkomst == "doorverwezen":
        return False
    return not (uitkomst == "niet_van_toepassing" and not met_aanvragen)


@functools.lru_cache(maxsize=4096)
def bezwaarstap(bekend: date) -> tuple:
    """De motiveringsstap over bezwaar en de laatste dag (of None), per datum van bekendmaking.

    Gecachet: dezelfde stap geldt voor elke beslissing in een besluit (en voor elk besluit met
    die datum); ``Motivering`` is onveranderlijk en kan dus gedeeld worden."""
    from .geld import datum_nl
    from .kalender import bezwaartermijn
    from .model import gedeelde_motivering

    grondslag = "art. 6:7 en art. 6:8 lid 1 Algemene wet bestuursrecht; art. 1 Algemene termijnenwet"
    try:
        t = bezwaartermijn(bekend)
    except ValueError as e:
        return gedeelde_motivering(f"De laatste dag voor bezwaar kan niet worden berekend: {e}", grondslag, "kern",
                                   bijzaak=True), None
    tekst = (f"Tegen dit besluit kan bezwaar worden gemaakt tot en met {datum_nl(t.einddatum)}: zes weken, "
             f"te rekenen vanaf de dag na de bekendmaking op {datum_nl(bekend)}")
    if t.overgeslagen:
        tekst += (", verlengd omdat de termijn anders eindigt op "
                  + "; ".join(f"{datum_nl(o.datum)} ({o.reden})" for o in t.overgeslagen))
    tekst += "."
    if t.waarschuwingen:
        tekst += " " + " ".join(t.waarschuwingen)
    return gedeelde_motivering(tekst, t.grondslag, "kern", bijzaak=True), t.einddatum
