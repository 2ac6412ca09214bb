"""Collectieve zorgverzekering voor minima (art. 35 lid 3 Participatiewet).

Sinds 1 januari 2015 de enige vorm van categoriale bijzondere bijstand: een collectieve
aanvullende zorgverzekering of een tegemoetkoming in de premie daarvan, zonder na te gaan of
de kosten in het individuele geval noodzakelijk zijn (art. 35 lid 3 Pw; schulinck.nl, 'De
categoriale bijzondere bijstand vervalt'). De inkomensgrens is sindsdien vrij (de centrale
grens van 110% is geschrapt).

Voorwaarden en bedrag zijn open normen (``sora_core/data/minimaregelingen.toml``):
inkomensgrens, vermogenstoets (ja/nee) en de bijdrage per verzekerde van 18 jaar of ouder per
maand. Voor de regio is geen waarde met bron gevonden: zolang de gemeente ze niet invult,
verwijst de regel door en noemt hij wat ontbreekt. De regeling is in de declaratieve vorm
geschreven (``declaratief.Vorm``) en wordt door dezelfde code beslist als het pluspakket.
"""

from __future__ import annotations

from .declaratief import Open, Vorm, beslis
from .registratie import basisregeling

GRONDSLAG = "art. 35 lid 3 Participatiewet (collectieve aanvullende zorgverzekering of tegemoetkoming in de premie)"

VORM = Vorm(
    naam="Collectieve zorgverzekering",
    grondslag=GRONDSLAG,
    bron="kern",
    inkomensgrens=Open("collectieve_zorgverzekering.inkomensgrens"),
    kostendelersnorm=Open("minimaregelingen.kostendelersnorm_toepassen"),
    vermogenstoets=Open("collectieve_zorgverzekering.vermogenstoets"),
    bedrag={"per": "persoon", "periode": "per_maand",
            "staffel": [{"leeftijd": [18, 130], "bedrag": Open("collectieve_zorgverzekering.bijdrage")}]},
)


@basisregeling(
    "collectieve_zorgverzekering",
    naam="Collectieve zorgverzekering",
    grondslag=GRONDSLAG,
    omschrijving="Bijdrage in de premie van de collectieve aanvullende zorgverzekering voor minima.",
)
def beoordeel(u, aanvraag):
    return beslis(u, VORM, aanvraag, voorliggend=True)
