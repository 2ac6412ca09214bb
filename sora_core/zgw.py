"""Een besluit als resources van de VNG ZGW Besluiten API 1.0.2 (schema ``Besluit``).

Elke beslissing (per regeling) wordt één ``Besluit``-resource, klaar om te POSTen naar
``/besluiten`` van een besluitregistratiecomponent::

    {"verantwoordelijkeOrganisatie": "002564440",          # RSIN, 9 cijfers, elfproef
     "besluittype": "https://catalogi.example/api/v1/besluittypen/...",
     "datum": "2025-09-01",                               # beslisdatum (Awb)
     "ingangsdatum": "2025-09-01",                        # de peildatum
     "toelichting": "Individuele inkomenstoeslag: toegekend, 479,00 per jaar. ...",
     "bestuursorgaan": "College van B&W van Alkmaar",     # ten hoogste 50 tekens
     "uiterlijkeReactiedatum": "2025-10-13"}              # einde bezwaartermijn

Velden en grenzen komen uit het schema ``Besluit`` van de specificatie
(zgw-besluiten-api-1.0.2.openapi.yaml): verplicht zijn verantwoordelijkeOrganisatie (ten
hoogste 9 tekens), besluittype (uri, ten hoogste 200), datum en ingangsdatum (date);
bestuursorgaan heeft ten hoogste 50 tekens; toelichting heeft in 1.0.2 geen maximumlengte.
``url`` en ``vervalredenWeergave`` zijn alleen-lezen en worden dus niet meegestuurd.

De ``uiterlijkeReactiedatum`` is de laatste dag van de bezwaartermijn (zes weken na
bekendmaking, art. 6:7 en 6:8 Awb, verlengd volgens de Algemene termijnenwet), gerekend
vanaf de besluitdatum: die van de casus als die er een heeft, anders de peildatum. De kern
zet die datum al in elke beslissing (``bezwaar_uiterlijk``); de export neemt hem over.

Een beslissing "doorverwezen" is nog geen besluit (er is geen bezwaartermijn; een consulent
beslist): die wordt niet als Besluit geëxporteerd. Evenmin "niet van toepassing" in "waar heb ik
recht op?" (zonder aanvraag): daar vroeg niemand om, dus er is niets om op te beslissen.
"""

from __future__ import annotations

from datetime import date
from typing import Optional
from urllib.parse import urlparse

from .fouten import Fout, InvoerFout
from .geld import euro_nl
from .model import Besluit, Beslissing

BESTUURSORGAAN_MAX = 50
BESLUITTYPE_MAX = 200
RSIN_LENGTE = 9
UITKOMST = {"toegekend": "toegekend", "afgewezen": "afgewezen", "niet_van_toepassing": "niet van toepassing",
            "doorverwezen": "doorverwezen naar een consulent"}
PER = {"per_jaar": " per jaar", "per_maand": " per maand", "eenmalig": " eenmalig", None: ""}


def is_geldig_rsin(rsin: str) -> bool:
    """Negen cijfers en de elfproef zoals bij het BSN: 9·c1 + 8·c2 + ... + 2·c8 − c9 is deelbaar
    door 11 (niet allemaal nul)."""
    if not (isinstance(rsin, str) and len(rsin) == RSIN_LENGTE and rsin.isdigit() and rsin.isascii()):
        return False
    if set(rsin) == {"0"}:
        return False
    som = sum(int(c) * g for c, g in zip(rsin[:8], range(9, 1, -1))) - int(rsin[8])
    return som % 11 == 0


def controleer_invoer(rsin: Optional[str], besluittype: Optional[str], bestuursorgaan: Optional[str] = None) -> None:
    """Gooi ``InvoerFout`` met alle problemen in RSIN, besluittype en bestuursorgaan."""
    fouten = []
    if not rsin:
        fouten.append(Fout("rsin", "RSIN ontbreekt: het RSIN van de gemeente die het besluit vaststelt (9 cijfers)."))
    elif not is_geldig_rsin(rsin):
        fouten.append(Fout("rsin", f"Ongeldig RSIN '{rsin}': verwacht 9 cijfers die aan de elfproef voldoen."))
    if not besluittype:
        fouten.append(Fout("besluittype", "Besluittype ontbreekt: de URL van het BESLUITTYPE in de Catalogi API."))
    else:
        u = urlparse(besluittype)
        if u.scheme not in ("http", "https") or not u.netloc:
            fouten.append(Fout("besluittype", f"Besluittype '{besluittype}' is geen URL (http of https)."))
        elif len(besluittype) > BESLUITTYPE_MAX:
            fouten.append(Fout("besluittype", f"Besluittype is langer dan {BESLUITTYPE_MAX} tekens."))
    if bestuursorgaan is not None and not (0 < len(bestuursorgaan) <= BESTUURSORGAAN_MAX):
        fouten.append(Fout("bestuursorgaan", f"Bestuursorgaan moet 1 tot {BESTUURSORGAAN_MAX} tekens hebben."))
    if fouten:
        raise InvoerFout(fouten)


def standaard_bestuursorgaan(gemeentenaam: str) -> str:
    """'College van B&W van <gemeente>' (art. 7 Participatiewet: het college), ingekort tot 50 tekens."""
    s = f"College van B&W van {gemeentenaam}"
    return s if len(s) <= BESTUURSORGAAN_MAX else s[:BESTUURSORGAAN_MAX]


def toelichting(b: Beslissing, besluit: Besluit) -> str:
    """De motivering als platte tekst: kop met uitkomst en bedrag, genummerde stappen met
    grondslag en bron, en het ontvangstbewijs (om het besluit te kunnen reproduceren)."""
    kop = f"{b.naam}: {UITKOMST[b.uitkomst]}"
    if b.bedrag is not None:
        kop += f", {euro_nl(b.bedrag)}{PER[b.bedrag_per]}" + (" (als lening)" if b.vorm == "lening" else "")
    r = [kop + "."]
    for i, m in enumerate(b.motivering, 1):
        r.append(f"{i}. {m.tekst} (grondslag: {m.grondslag}; bron: {m.bron})")
    o = besluit.ontvangstbewijs
    r.append(f"Ontvangstbewijs: SORA {o.toolkit_versie}, plugin {besluit.gemeente.plugin} {o.plugin_versie}, "
             f"beleid {o.beleid_vingerafdruk}.")
    return "\n".join(r)


def naar_zgw(besluit: Besluit, *, rsin: str, besluittype: str, besluitdatum: Optional[date] = None,
             bestuursorgaan: Optional[str] = None) -> list[dict]:
    """Eén ZGW-``Besluit`` per beslissing (behalve "doorverwezen"), in de volgorde van het besluit.

    ``besluitdatum`` is de datum van het besluit (``datum``) en het begin van de
    bezwaartermijn; zonder opgave de peildatum. Geef dezelfde datum als waarmee is beslist
    (``casus.besluitdatum``), zodat de termijn in de motivering en in de export gelijk zijn."""
    from .kalender import bezwaartermijn

    controleer_invoer(rsin, besluittype, bestuursorgaan)
    datum = besluitdatum or besluit.peildatum
    orgaan = bestuursorgaan or standaard_bestuursorgaan(besluit.gemeente.naam)
    uit = []
    for b in geexporteerd(besluit):
        uiterlijk = getattr(b, "bezwaar_uiterlijk", None) or bezwaartermijn(datum).einddatum
        uit.append({
            "verantwoordelijkeOrganisatie": rsin,
            "besluittype": besluittype,
            "datum": datum.isoformat(),
            "ingangsdatum": besluit.peildatum.isoformat(),
            "toelichting": toelichting(b, besluit),
            "bestuursorgaan": orgaan,
            "uiterlijkeReactiedatum": uiterlijk.isoformat(),
        })
    return uit


def _geen_besluit(b: Beslissing) -> bool:
    """Doorverwezen, of "niet van toepassing" zonder aanvraag: de kern gaf die geen bezwaartermijn
    (``bezwaar.is_besluit``; op een aanvraag heeft "niet van toepassing" er wel een)."""
    return b.uitkomst == "doorverwezen" or (b.uitkomst == "niet_van_toepassing" and b.bezwaar_uiterlijk is None)


def geexporteerd(besluit: Besluit) -> list[Beslissing]:
    """De beslissingen die een besluit zijn (niet "doorverwezen", niet "niet van toepassing" waar
    niemand om vroeg)."""
    return [b for b in besluit.beslissingen if not _geen_besluit(b)]


def waarschuwingen(besluit: Besluit, besluitdatum: Optional[date] = None) -> tuple[str, ...]:
    """Waarschuwingen bij de export: niet-geëxporteerde doorverwijzingen en de termijnberekening
    (een jaar zonder gelijkstellingsbesluit)."""
    from .kalender import bezwaartermijn

    uit = []
    doorverwezen = [b.naam for b in besluit.beslissingen if b.uitkomst == "doorverwezen"]
    nvt = [b.naam for b in besluit.beslissingen if b.uitkomst != "doorverwezen" and _geen_besluit(b)]
    if nvt:
        uit.append("Niet als ZGW-besluit geëxporteerd (niet van toepassing en niet aangevraagd, geen besluit): "
                   + ", ".join(nvt) + ".")
    if doorverwezen:
        uit.append("Niet als ZGW-besluit geëxporteerd (doorverwezen naar een consulent, nog geen besluit): "
                   + ", ".join(doorverwezen) + ".")
    try:
        uit += bezwaartermijn(besluitdatum or besluit.peildatum).waarschuwingen
    except ValueError as e:
        uit.append(str(e))
    return tuple(uit)
