"""Het model: de casus die binnenkomt en het besluit dat eruit gaat.

De velden volgen ``casus-contract.md`` (gedeeld met de zaaksystemen) precies; extra velden
zijn optioneel en staan in de changelog van de README. Alle objecten zijn onveranderlijk
(``attrs.frozen``); wijzigen gaat met ``attrs.evolve``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Optional

import attrs

from ._codecache import compileer
from .geld import NUL

WONINGSOORTEN = ("huur", "koop", "inwonend", "instelling", "geen_vaste_woonplaats")
ARBEIDSVERMOGEN = ("volledig", "beperkt", "geen")
SOORTEN_MELDING = ("hulpvraag", "signaal")
BEDREIGENDE_SITUATIES = (
    "woningontruiming", "afsluiting_energie", "afsluiting_water", "opzegging_zorgverzekering",
)
SIGNAALGEVERS = ("verhuurder", "energieleverancier", "drinkwaterbedrijf", "zorgverzekeraar")
#: de twee gronden van art. 20 lid 3 Pw (sinds 1-1-2026) waarop een jongere van 18-20 geen beroep
#: op zijn ouders kan doen: hun middelen zijn ontoereikend, of hij kan zijn recht op onderhoud
#: redelijkerwijs niet te gelde maken
GRONDEN_GEEN_BEROEP_OP_OUDERS = ("middelen_ouders_ontoereikend", "onderhoud_niet_afdwingbaar")
UITKOMSTEN = ("toegekend", "afgewezen", "niet_van_toepassing", "doorverwezen")
VORMEN = ("om_niet", "lening")
#: waarop een bedrag slaat (``Beslissing.bedrag_per``), en hoe dat in een zin staat
BEDRAG_PER = ("eenmalig", "per_maand", "per_jaar")
PER_TEKST = {"per_jaar": " per jaar", "per_maand": " per maand", "eenmalig": " eenmalig"}


# --------------------------------------------------------------------------- casus (invoer)

@attrs.frozen
class Persoon:
    geboortedatum: date
    student: bool = False
    arbeidsvermogen: str = "volledig"
    #: optioneel (uitbreiding): recht op een Wajong-uitkering (sluit de studietoeslag uit, art. 36b Pw)
    wajong: bool = False

    #: optioneel (uitbreiding, alleen bij de aanvrager): woont in de gemeente van de casus
    #: (art. 40 lid 1 Pw); false leidt bij bijzondere bijstand tot afwijzing
    woonachtig_in_gemeente: bool = True
    #: optioneel (uitbreiding, aanvrager en partner van 18-20 jaar): waarom de jongere geen beroep
    #: op zijn ouders kan doen (een van ``GRONDEN_GEEN_BEROEP_OP_OUDERS``); None = niet vastgesteld.
    #: Verhoogt vanaf 1-1-2026 de jongerennorm (art. 20 lid 3 Pw) en opent bij bijzondere bijstand
    #: de gewone draagkrachtberekening
    geen_beroep_op_ouders: Optional[str] = None
    #: optioneel (uitbreiding, alleen bij de aanvrager): verblijft tijdelijk in de woning van een
    #: ander om mantelzorg te verlenen; dan geldt vanaf 1-1-2026 geen kostendelersnorm (art. 22a
    #: lid 4 Pw)
    tijdelijk_mantelzorg_elders: bool = False
    #: optioneel (uitbreiding, alleen bij de partner): de partner heeft zelf geen recht op bijstand
    #: (art. 24 Pw; vanaf 1-1-2027 art. 24a bij een gezin met kinderen)
    geen_recht_op_bijstand: bool = False


@attrs.frozen
class Woning:
    soort: str = "huur"


@attrs.frozen
class Inkomen:
    netto_per_maand: Decimal
    laag_sinds: Optional[date] = None
    uitzicht_op_verbetering: bool = False
    #: optioneel (uitbreiding): datum waarop de laatste individuele inkomenstoeslag is
    #: toegekend; art. 36 lid 1 Pw laat die niet binnen twaalf maanden opnieuw toe.
    laatste_inkomenstoeslag: Optional[date] = None


@attrs.frozen
class Vermogen:
    bezittingen: Decimal = NUL
    schulden: Decimal = NUL
    eigen_woning_overwaarde: Decimal = NUL


@attrs.frozen
class Aanvraag:
    regeling: str
    kostensoort: Optional[str] = None
    bedrag: Optional[Decimal] = None
    omschrijving: Optional[str] = None
    voorliggend: Decimal = NUL
    #: optioneel (uitbreiding): datum waarop de kosten zijn gemaakt (voor "te laat gevraagd")
    kostendatum: Optional[date] = None
    #: optioneel (uitbreiding, bijzondere bijstand): oordeel van de consulent of de kosten
    #: noodzakelijk zijn en uit bijzondere omstandigheden voortvloeien (art. 35 lid 1 Pw);
    #: None = niet beoordeeld (de catalogus gaat dan uit van de kostensoort)
    noodzakelijk: Optional[bool] = None
    #: optioneel (uitbreiding, bijzondere bijstand): oordeel van de consulent dat individuele
    #: omstandigheden bijstand met terugwerkende kracht vragen (art. 44 lid 5 Pw, sinds 1-1-2026:
    #: tot drie maanden vóór de aanvraag); None = niet beoordeeld
    terugwerkende_kracht: Optional[bool] = None
    #: optioneel (uitbreiding, individuele inkomenstoeslag): het zaaksysteem vraagt een ambtshalve
    #: besluit, zonder aanvraag van de burger (mogelijk vanaf 1-1-2027, Participatiewet in balans)
    ambtshalve: bool = False


@attrs.frozen
class Schuldhulp:
    melddatum: date
    soort_melding: str = "hulpvraag"
    bedreigende_situatie: Optional[str] = None
    eerder_schuldhulp_afgerond: Optional[date] = None
    fraudevordering: bool = False
    #: optioneel (uitbreiding): wie het signaal gaf bij vroegsignalering
    signaal_van: Optional[str] = None


@attrs.frozen
class Casus:
    gemeente: str
    peildatum: date
    aanvrager: Persoon
    inkomen: Inkomen
    aanvraagdatum: Optional[date] = None
    partner: Optional[Persoon] = None
    kinderen: tuple[Persoon, ...] = ()
    medebewoners: tuple[Persoon, ...] = ()
    woning: Woning = Woning()
    vermogen: Vermogen = Vermogen()
    aanvragen: tuple[Aanvraag, ...] = ()
    schuldhulp: Optional[Schuldhulp] = None
    #: optioneel (uitbreiding): datum van bekendmaking van het besluit; zonder opgave de
    #: peildatum. Begin van de bezwaartermijn (art. 6:8 lid 1 Awb).
    besluitdatum: Optional[date] = None

    @property
    def datum_aanvraag(self) -> date:
        """De aanvraagdatum; zonder opgave de peildatum (contract)."""
        return self.aanvraagdatum or self.peildatum

    @property
    def datum_bekendmaking(self) -> date:
        """De datum van bekendmaking van het besluit; zonder opgave de peildatum."""
        return self.besluitdatum or self.peildatum


# --------------------------------------------------------------------------- besluit (uitvoer)

@attrs.frozen
class Motivering:
    """Eén stap van de motivering: leesbare tekst met grondslag en bron."""

    tekst: str
    grondslag: str
    bron: str  # "kern" of de naam van de plugin
    #: True voor stappen die niet de uitkomst dragen (waarschuwing, bezwaartermijn); niet in JSON
    bijzaak: bool = attrs.field(default=False, eq=False)


def snelle_constructor(cls: type) -> Any:
    """Een constructor voor de bevroren attrs-klasse ``cls`` die precies ``cls(...)`` doet (zelfde
    parameters en standaardwaarden, zelfde object: ``type(x) is cls``, gelijk, zelfde hash, bevroren),
    maar zonder de attrs-``__init__``: die zet elk veld met een aanroep van ``object.__setattr__`` en
    dat is op het hete pad (een casus, elke motiveringsstap, elke beslissing) het duurste deel.

    Hoe: een hulpklasse zonder eigen slots en met de gewone ``__setattr__``/``__delattr__`` van
    ``object``, zodat Python elk veld met een gewone (door de interpreter versnelde) toekenning zet;
    daarna krijgt het object de klasse ``cls`` (zelfde geheugenindeling, dus toegestaan) en is het
    weer bevroren. De code wordt uit ``attrs.fields(cls)`` opgebouwd, zoals attrs zijn ``__init__``
    opbouwt. Alleen voor klassen zonder validators, converters, fabrieken, ``alias`` of
    ``__attrs_pre_init__``/``__attrs_post_init__``; anders (of als een veld niet in ``__init__`` staat)
    gewoon ``cls`` zelf. Per klasse één keer opgebouwd."""
    gevonden = _CONSTRUCTORS.get(cls)
    if gevonden is None:
        gevonden = _CONSTRUCTORS[cls] = _bouw_constructor(cls)
    return gevonden


#: klasse -> zijn snelle constructor (de modelklassen: een vaste, kleine set)
_CONSTRUCTORS: dict[type, Any] = {}


def _bouw_constructor(cls: type) -> Any:
    velden = attrs.fields(cls)
    if (any(v.validator is not None or v.converter is not None or isinstance(v.default, attrs.Factory)
            or not v.init or v.kw_only or v.alias != v.name for v in velden)
            or hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__")
            or not hasattr(cls, "__slots__") or "__dict__" in dir(cls)):
        return cls
    bouw = type(f"_Bouw{cls.__name__}", (cls,), {"__slots__": (), "__setattr__": object.__setattr__,
                                                   "__delattr__": object.__delattr__, "__module__": __name__})
    ruimte: dict[str, Any] = {"_nieuw": object.__new__, "_bouw": bouw, "_klasse": cls}
    params, regels = [], []
    for i, v in enumerate(velden):
        if v.default is attrs.NOTHING:
            params.append(v.name)
        else:
            ruimte[f"_standaard{i}"] = v.default
            params.append(f"{v.name}=_standaard{i}")
        regels.append(f"    zelf.{v.name} = {v.name}\n")
    bron = (f"def maak({', '.join(params)}):\n    zelf = _nieuw(_bouw)\n" + "".join(regels)
            + "    zelf.__class__ = _klasse\n    return zelf\n")
    exec(compileer(bron, f"<snelle constructor {cls.__qualname__}>"), ruimte)  # noqa: S102 - eigen code uit de veldnamen
    maak = ruimte["maak"]
    maak.bouw = bouw  # voor wie de constructor in eigen gegenereerde code plakt (invoer._Bouwer)
    maak.__qualname__ = maak.__name__ = f"maak_{cls.__name__.lower()}"
    maak.__doc__ = f"``{cls.__name__}(...)`` zonder de attrs-``__init__`` (``model.snelle_constructor``)."
    return maak


#: snel een gewone motiveringsstap (``bijzaak`` False) maken; zelfde object als ``Motivering(...)``
maak_motivering = snelle_constructor(Motivering)


def gedeelde_motivering(tekst: str, grondslag: str, bron: str, bijzaak: bool = False) -> Motivering:
    """Een stap die door veel besluiten gedeeld wordt (``uitleg.VasteStappen``, ``bezwaar.bezwaarstap``):
    een gewone ``Motivering``, maar aangemeld, zodat ``uitvoer.besluit_json`` zijn JSON één keer
    schrijft en daarna op identiteit terugvindt. Een stap die niet is aangemeld, schrijft het gewoon
    elke keer (hetzelfde resultaat). Begrensd: bij ``_MAX_GEDEELD`` aanmeldingen begint de lijst opnieuw
    (een stap die er dan niet meer in staat, wordt weer gewoon geschreven)."""
    m = maak_motivering(tekst, grondslag, bron, bijzaak)
    if len(GEDEELDE_STAPPEN) >= _MAX_GEDEELD:
        GEDEELDE_STAPPEN.clear()
    GEDEELDE_STAPPEN[id(m)] = m
    return m


#: id() -> de aangemelde gedeelde stap zelf (vastgehouden: een id() in deze tabel hoort bij dat object)
GEDEELDE_STAPPEN: dict[int, Motivering] = {}
#: id(tuple gebruikte waarden) -> de knoop (``uitleg.Pad``) met dat tuple als ``waarden``: een rij
#: gebruikte waarden die veel beslissingen delen (``besluit_json`` schrijft haar één keer; de open normen
#: erin staan in de knoop). Vastgehouden door de knoop; begrensd in ``uitleg``.
GEDEELDE_WAARDEN: dict[int, Any] = {}
_MAX_GEDEELD = 8192


@attrs.frozen
class GebruikteWaarde:
    """Een waarde die een beslissing gebruikte, met herkomst en geldigheid."""

    naam: str
    waarde: str
    bron: str
    geldig_vanaf: date
    grondslag: str
    geldig_tot: Optional[date] = None


@attrs.frozen
class Beslissing:
    regeling: str
    naam: str
    pakket: str  # "basis" | "plus"
    uitkomst: str
    bedrag: Optional[Decimal]
    vorm: Optional[str]
    motivering: tuple[Motivering, ...]
    gebruikte_waarden: tuple[GebruikteWaarde, ...]
    #: waarop het bedrag slaat: "eenmalig", "per_maand" of "per_jaar"; None zonder bedrag
    bedrag_per: Optional[str] = None
    #: laatste dag om bezwaar te maken (art. 6:7 en 6:8 Awb, art. 1 Atw); None bij "doorverwezen"
    bezwaar_uiterlijk: Optional[date] = None

    @property
    def reden(self) -> Optional[Motivering]:
        """De laatste stap die de uitkomst draagt (niet de waarschuwing of de bezwaartermijn)."""
        return next((m for m in reversed(self.motivering) if not m.bijzaak), None)


@attrs.frozen
class GemeenteInfo:
    cbs_code: str
    naam: str
    plugin: str
    plugin_versie: str
    geldig_vanaf: Optional[date] = None
    geldig_tot: Optional[date] = None

    def bestaat_op(self, d: date) -> bool:
        if self.geldig_vanaf and d < self.geldig_vanaf:
            return False
        if self.geldig_tot and d > self.geldig_tot:
            return False
        return True


@attrs.frozen
class Ontvangstbewijs:
    toolkit_versie: str
    plugin_versie: str
    beleid_vingerafdruk: str


@attrs.frozen
class Besluit:
    gemeente: GemeenteInfo
    peildatum: date
    beslissingen: tuple[Beslissing, ...]
    ontvangstbewijs: Ontvangstbewijs
    schuldhulp: Optional[dict] = None
    waarschuwingen: tuple[str, ...] = ()
