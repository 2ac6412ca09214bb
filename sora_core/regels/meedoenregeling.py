"""Meedoenregeling: budget per persoon per jaar voor sport, cultuur en lidmaatschappen.

Geen bijzondere bijstand maar een gemeentelijke regeling op grond van art. 108 lid 1
Gemeentewet (stadspassen en meedoenregelingen; schulinck.nl, 'De categoriale bijzondere
bijstand vervalt'). Voor volwassenen; kinderen vallen onder de kindregeling.

Open normen (``sora_core/data/minimaregelingen.toml``): inkomensgrens, vermogenstoets (ja/nee),
bedrag per persoon van 18 jaar tot de AOW-leeftijd en bedrag per persoon met de AOW-leeftijd
(indeling als de vroegere Langedijker MeedoenPas en de AlkmaarPas). Geen regionale waarden
met bron gevonden: zonder keuze van de gemeente verwijst de regel door.
"""

from __future__ import annotations

from .declaratief import Open, Vorm, beslis
from .registratie import basisregeling

GRONDSLAG = "art. 108 lid 1 Gemeentewet (gemeentelijke meedoenregeling voor minima)"

VORM = Vorm(
    naam="Meedoenregeling",
    grondslag=GRONDSLAG,
    bron="kern",
    doelgroep={"leeftijd": [18, 130]},
    inkomensgrens=Open("meedoenregeling.inkomensgrens"),
    kostendelersnorm=Open("minimaregelingen.kostendelersnorm_toepassen"),
    vermogenstoets=Open("meedoenregeling.vermogenstoets"),
    bedrag={"per": "persoon", "periode": "per_jaar", "staffel": [
        {"leeftijd": [18, 130], "aow": False, "bedrag": Open("meedoenregeling.bedrag.volwassene")},
        {"aow": True, "bedrag": Open("meedoenregeling.bedrag.aow")},
    ]},
)


@basisregeling(
    "meedoenregeling",
    naam="Meedoenregeling",
    grondslag=GRONDSLAG,
    omschrijving="Budget per persoon per jaar voor sport, cultuur en lidmaatschappen.",
)
def beoordeel(u, aanvraag):
    return beslis(u, VORM, aanvraag, voorliggend=True)
