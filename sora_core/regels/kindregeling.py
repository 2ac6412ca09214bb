"""Kindregeling: schoolkosten en meedoen van kinderen, per kind per jaar in twee leeftijdsschijven.

Gemeentelijke regeling op grond van art. 108 lid 1 Gemeentewet (geen categoriale bijzondere
bijstand meer sinds 2015; schulinck.nl). Doelgroep: huishoudens met kinderen jonger dan 18.

Open normen (``sora_core/data/minimaregelingen.toml``): inkomensgrens, vermogenstoets,
de leeftijd waarop de jongste schijf begint (regionaal 4, onbevestigd) en waarop de oudste
schijf begint (regionaal 12, onbevestigd; de indeling 4-11 / 12-17 van de vroegere Langedijker
MeedoenPas), en het bedrag per kind per schijf (geen waarde met bron gevonden: doorverwijzen).

Voorliggende voorziening (art. 15 lid 1 Pw): heeft de gemeente een pluspakketregeling met
``voorliggend = true`` en ``voorliggend_voor = ["kindregeling"]`` (Bergen: het Jeugdfonds Sport &
Cultuur, gmb-2021-458028), dan tellen de kinderen in de doelgroep van die voorziening niet mee
voor de kindregeling; de motivering noemt de plugin als bron. Vereenvoudiging: de hele
kindregeling wijkt, ook het deel voor schoolkosten dat het fonds niet dekt.
"""

from __future__ import annotations

from .declaratief import Open, Vorm, beslis
from .registratie import basisregeling

GRONDSLAG = "art. 108 lid 1 Gemeentewet (gemeentelijke kindregeling voor minima)"
VAN = Open("kindregeling.leeftijd_van")
VOORTGEZET = Open("kindregeling.leeftijd_voortgezet")

VORM = Vorm(
    naam="Kindregeling",
    grondslag=GRONDSLAG,
    bron="kern",
    doelgroep={"kinderen": True, "kind_leeftijd": [VAN, 17]},
    inkomensgrens=Open("kindregeling.inkomensgrens"),
    kostendelersnorm=Open("minimaregelingen.kostendelersnorm_toepassen"),
    vermogenstoets=Open("kindregeling.vermogenstoets"),
    bedrag={"per": "kind", "periode": "per_jaar", "staffel": [
        # de eerste schijf die past telt: eerst de oudere kinderen
        {"leeftijd": [VOORTGEZET, 17], "bedrag": Open("kindregeling.bedrag.ouder")},
        {"leeftijd": [VAN, 17], "bedrag": Open("kindregeling.bedrag.jonger")},
    ]},
)


@basisregeling(
    "kindregeling",
    naam="Kindregeling",
    grondslag=GRONDSLAG,
    omschrijving="Bedrag per kind per jaar voor schoolkosten en meedoen, naar leeftijdsschijf.",
)
def beoordeel(u, aanvraag):
    return beslis(u, VORM, aanvraag, voorliggend=True)
