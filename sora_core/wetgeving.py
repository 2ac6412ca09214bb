"""De data waarop de wet verandert die de toolkit toepast, met hun bron: één plek.

De bedragen zelf staan als gedateerde parameters in ``data/*.toml``; hier staan de data waarop
een *regel* verandert (een artikel dat vervalt of in werking treedt), zodat geen regel een
datum zelf opschrijft. Overzicht per datum: ``docs/wetswijzigingen.md``.
"""

from __future__ import annotations

from datetime import date

#: Participatiewet in balans (Stb. 2025, 312); inwerkingtreding Stb. 2025, 313
PIB = "Participatiewet in balans (Stb. 2025, 312; inwerkingtreding Stb. 2025, 313)"
#: fase 1: o.a. art. 12 vervalt, verhoogde jongerennorm (art. 20 lid 3), mantelzorguitzondering
#: op de kostendelersnorm (art. 22a lid 4), terugwerkende kracht (art. 44 lid 5), giften
PIB_FASE_1 = date(2026, 1, 1)
#: fase 3: o.a. art. 24a (verhoogde norm bij een partner zonder recht op bijstand), art. 34a en
#: 34b, ambtshalve individuele inkomenstoeslag
PIB_FASE_3 = date(2027, 1, 1)

#: overgangsrecht van fase 1 voor het vervallen art. 12: het oude artikel blijft gelden voor een
#: aanvraag die uiterlijk op 31 december 2025 is gedaan (en voor de rest van een al toegekende periode)
GRONDSLAG_OVERGANG_ART12 = "art. 78ff lid 1 Participatiewet (overgangsrecht Participatiewet in balans)"

#: artikelen die de toolkit citeerde en die vervallen zijn: tekst zoals in een grondslag -> laatste
#: dag van gelding. Geen beslissing met een latere peildatum noemt ze (getest).
VERVALLEN = {
    "art. 12 Participatiewet": date(2025, 12, 31),
}


def oud_art12_van_toepassing(peildatum: date, aanvraagdatum: date) -> bool:
    """Geldt (nog) het recht van vóór fase 1 voor jongeren (art. 12 Pw)? Vóór 1-1-2026 altijd;
    daarna alleen voor een aanvraag van uiterlijk 31-12-2025 (art. 78ff lid 1 Pw)."""
    return peildatum < PIB_FASE_1 or aanvraagdatum < PIB_FASE_1
