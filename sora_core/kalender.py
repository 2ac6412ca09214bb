"""Werkdagen en wettelijke termijnen voor SORA.

Deze module rekent met de algemeen erkende feestdagen van de Algemene termijnenwet (Atw,
BWBR0002448) en met de termijnen die in het minimabeleid en de schuldhulpverlening terugkomen:

* Wet gemeentelijke schuldhulpverlening (Wgs, BWBR0031331), art. 4: eerste gesprek binnen
  vier weken na het verzoek (lid 1), of binnen drie werkdagen bij een bedreigende situatie
  (lid 2);
* Algemene wet bestuursrecht (Awb), art. 6:7 en 6:8 lid 1: bezwaartermijn van zes weken, die
  begint op de dag na de bekendmaking;
* Atw art. 1 lid 1: een wettelijke termijn die eindigt op een zaterdag, zondag of algemeen
  erkende feestdag wordt verlengd tot en met de eerstvolgende dag die geen van deze is;
* Atw art. 2: een termijn van ten minste drie dagen wordt zo nodig verlengd zodat er ten minste
  twee dagen in liggen die geen zaterdag, zondag of algemeen erkende feestdag zijn.

Gebruikte bronnen (nagelezen via de zoekindex van dit project; zie ook het rapport bij de
oplevering):

* Atw art. 1 lid 1 en art. 3 lid 1 en 2 (tekst): staatsrechtpraktijk.nl, "Nieuwjaarsdag en
  Kerstmis in het staatsrecht" (geeft ook het voorbeeld 19/20 december 2017 dat in de tests is
  nagerekend); art. 3 lid 3: nl.wikipedia.org/wiki/Algemene_termijnenwet.
* Atw art. 2 en art. 4 (strekking): vdv-vh.nl/atw en debloggendedeurwaarder.nl ("ATW nog eens
  bezien"): art. 2 geldt voor termijnen van drie dagen of langer, de aanvangsdag telt niet mee;
  de Atw geldt niet voor termijnen langer dan 90 dagen / 12 weken / 3 maanden, en ook niet
  voor termijnen uit plaatselijke verordeningen of beleidsregels.
* Koningsdag: Besluit van 30 januari 2013, nr. 13.000173 (Stcrt. 2013, 4075, herplaatst als
  stcrt-2013-4075-n1): met ingang van 1 januari 2014 is 27 april Koningsdag, "behoudens
  uitzonderingen in verband met zondagen". Dat het dan zaterdag 26 april wordt, staat niet in
  die tekst maar in /work/shared/domein.md (en klopt met de praktijk van 2014 en 2025).
* Awb art. 6:7 en 6:8: pgawb.nl (art. 6:8 lid 1: de termijn vangt aan met ingang van de dag na
  die waarop het besluit op de voorgeschreven wijze is bekendgemaakt) en infomil.nl.
* Wgs art. 4 lid 1 en lid 2: Beleidsregels Schuldhulpverlening gemeente Baarn 2026
  (lokaleregelgeving.overheid.nl/CVDR757242/1) verwijzen voor het verzoek om
  schuldhulpverlening naar "artikel 4, eerste lid, van de wet" en voor gedwongen
  woningontruiming, beëindiging van de levering van gas, elektriciteit, stadsverwarming of
  water en opzegging of ontbinding van de zorgverzekering naar "artikel 4, tweede lid, van de
  wet". De termijnen (vier weken, drie werkdagen) volgen uit /work/shared/domein.md; de
  letterlijke wettekst van art. 4 Wgs is niet in de zoekindex gevonden.
* Gelijkstellingsbesluiten (Atw art. 3 lid 3): zie ``data/feestdagen.toml``.

Jaren vóór 2014 worden niet ondersteund (toen gold de Koninginnedag-regeling, waarvoor geen
bron is nagelezen). Voor jaren waarvoor geen gelijkstellingsbesluit bekend is, rekent de module
zonder gelijkgestelde dagen en geeft zij een waarschuwing.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, timedelta

import attrs

from .geld import WEEKDAGEN

__all__ = [
    "Feestdag",
    "OvergeslagenDag",
    "Termijn",
    "algemeen_erkende_feestdagen",
    "bezwaartermijn",
    "gelijkstelling_bekend",
    "is_werkdag",
    "na_werkdagen",
    "pasen",
    "termijn_na",
    "verleng_atw",
    "waarschuwingen_voor",
    "wgs_eerste_gesprek",
]

_DATA_BESTAND = "feestdagen.toml"  # in sora_core/data/

#: Eerste jaar waarin de Koningsdag-regeling (27 april, 26 april als de 27e een zondag is) geldt.
EERSTE_ONDERSTEUNDE_JAAR = 2014

#: Atw art. 4: de wet geldt niet voor termijnen van meer dan 90 dagen (of 12 weken / 3 maanden).
_ATW_MAXIMUM_DAGEN = 90

_ATW_LID_1 = "art. 3 lid 1 Algemene termijnenwet"
_ATW_LID_2 = "art. 3 lid 2 Algemene termijnenwet"
_ATW_LID_3 = "art. 3 lid 3 Algemene termijnenwet"
_ATW_ART_1 = "art. 1 Algemene termijnenwet"
_ATW_ART_2 = "art. 2 Algemene termijnenwet"
_KONINGSDAG_BESLUIT = (
    "Besluit van 30 januari 2013, nr. 13.000173 (Stcrt. 2013, 4075, herplaatst): 27 april, "
    "behoudens uitzonderingen in verband met zondagen"
)


# --------------------------------------------------------------------------- datatypes


@attrs.frozen
class Feestdag:
    """Een algemeen erkende feestdag (of een daarmee gelijkgestelde dag) in de zin van de Atw.

    ``grondslag`` noemt het artikel(lid) van de Atw en, voor gelijkgestelde dagen, het
    gelijkstellingsbesluit.
    """

    datum: date
    naam: str
    grondslag: str


@attrs.frozen
class OvergeslagenDag:
    """Een dag die bij het tellen of verlengen van een termijn niet als werkdag meetelde.

    ``reden`` is bijvoorbeeld "zaterdag", "zondag", "Goede Vrijdag" of
    "zaterdag en Koningsdag".
    """

    datum: date
    reden: str


@attrs.frozen
class Termijn:
    """Uitkomst van een termijnberekening.

    ``begindatum`` is de gebeurtenis die de termijn op gang brengt (melding, bekendmaking);
    die dag telt zelf niet mee. ``einddatum`` is de laatste dag van de termijn (tot en met).
    ``overgeslagen`` bevat bij een termijn in werkdagen elke niet-werkdag die is overgeslagen,
    en bij een termijn in kalenderdagen de dagen waarover de termijn op grond van de Atw is
    verlengd. ``waarschuwingen`` is niet leeg als een jaar van begin- tot einddatum door geen
    gelijkstellingsbesluit wordt gedekt.
    """

    begindatum: date
    einddatum: date
    omschrijving: str
    grondslag: str
    overgeslagen: tuple[OvergeslagenDag, ...]
    waarschuwingen: tuple[str, ...]


@attrs.frozen
class _Gelijkstellingsbesluit:
    """Eén gelijkstellingsbesluit (Atw art. 3 lid 3) zoals vastgelegd in feestdagen.toml."""

    titel: str
    besluit: str
    vindplaats: str
    bron: str
    jaren: tuple[int, ...]
    dagen: tuple[tuple[date, str], ...]


# --------------------------------------------------------------------------- gegevens


@functools.cache
def _besluiten() -> tuple[_Gelijkstellingsbesluit, ...]:
    """Leest de gelijkstellingsbesluiten één keer (lui) uit feestdagen.toml en controleert ze."""
    from .parameters import kern_document  # pas bij eerste gebruik; dezelfde lezer als de andere kernbestanden

    ruw = kern_document(_DATA_BESTAND)
    besluiten = []
    gezien_jaren: set[int] = set()
    for item in ruw.get("besluit", []):
        jaren = tuple(int(j) for j in item["jaren"])
        dagen = tuple((d["datum"], str(d.get("toelichting", ""))) for d in item["dag"])
        for datum, _ in dagen:
            if not isinstance(datum, date) or datum.year not in jaren:
                raise ValueError(
                    f"feestdagen.toml: {datum!r} valt niet in de jaren {jaren} van "
                    f"{item['titel']!r}"
                )
        dubbel = gezien_jaren.intersection(jaren)
        if dubbel:
            raise ValueError(f"feestdagen.toml: jaren {sorted(dubbel)} door meer besluiten gedekt")
        gezien_jaren.update(jaren)
        besluiten.append(
            _Gelijkstellingsbesluit(
                titel=str(item["titel"]),
                besluit=str(item.get("besluit", "")),
                vindplaats=str(item.get("vindplaats", "vindplaats nog te bevestigen")),
                bron=str(item.get("bron", "")),
                jaren=jaren,
                dagen=dagen,
            )
        )
    return tuple(besluiten)


@functools.cache
def _gedekte_jaren() -> frozenset[int]:
    return frozenset(j for b in _besluiten() for j in b.jaren)


# --------------------------------------------------------------------------- feestdagen


@functools.lru_cache(maxsize=None)
def pasen(jaar: int) -> date:
    """Eerste Paasdag volgens de gregoriaanse kalender.

    Anonieme gregoriaanse computus (Meeus/Jones/Butcher).
    """
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - naam uit het algoritme
    m = (a + 11 * h + 22 * l) // 451
    maand, dag = divmod(h + l - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


def _koningsdag(jaar: int) -> date:
    zevenentwintig = date(jaar, 4, 27)
    if zevenentwintig.weekday() == 6:  # zondag
        return date(jaar, 4, 26)
    return zevenentwintig


@functools.lru_cache(maxsize=None)
def algemeen_erkende_feestdagen(jaar: int) -> tuple[Feestdag, ...]:
    """Alle algemeen erkende feestdagen en gelijkgestelde dagen van ``jaar``, op datum gesorteerd.

    Omvat art. 3 lid 1 Atw (Nieuwjaarsdag, tweede Paasdag, Koningsdag, 5 mei, Hemelvaartsdag,
    tweede Pinksterdag, eerste en tweede Kerstdag), Goede Vrijdag (art. 3 lid 2) en de dagen
    uit een gelijkstellingsbesluit (art. 3 lid 3) voor zover dat besluit bekend is. Vallen twee
    feestdagen op één datum (5 mei en Hemelvaartsdag, bijvoorbeeld in 2016), dan staan beide
    in de uitkomst.

    Geeft een ``ValueError`` voor jaren vóór 2014.
    """
    if jaar < EERSTE_ONDERSTEUNDE_JAAR:
        raise ValueError(
            f"Jaar {jaar} wordt niet ondersteund: de Koningsdag-regeling geldt vanaf "
            f"{EERSTE_ONDERSTEUNDE_JAAR}; voor eerdere jaren is geen feestdagenregeling nagelezen."
        )
    p = pasen(jaar)
    dagen = [
        Feestdag(date(jaar, 1, 1), "Nieuwjaarsdag", _ATW_LID_1),
        Feestdag(p - timedelta(days=2), "Goede Vrijdag", _ATW_LID_2),
        Feestdag(p + timedelta(days=1), "tweede Paasdag", _ATW_LID_1),
        Feestdag(_koningsdag(jaar), "Koningsdag", f"{_ATW_LID_1}; {_KONINGSDAG_BESLUIT}"),
        Feestdag(date(jaar, 5, 5), "5 mei (Bevrijdingsdag)", _ATW_LID_1),
        Feestdag(p + timedelta(days=39), "Hemelvaartsdag", _ATW_LID_1),
        Feestdag(p + timedelta(days=50), "tweede Pinksterdag", _ATW_LID_1),
        Feestdag(date(jaar, 12, 25), "eerste Kerstdag", _ATW_LID_1),
        Feestdag(date(jaar, 12, 26), "tweede Kerstdag", _ATW_LID_1),
    ]
    for besluit in _besluiten():
        if jaar not in besluit.jaren:
            continue
        for datum, toelichting in besluit.dagen:
            if datum.year != jaar:
                continue
            naam = "gelijkgestelde dag"
            if toelichting:
                naam = f"{naam}, {toelichting}"
            dagen.append(Feestdag(datum, naam, f"{_ATW_LID_3}; {besluit.titel}"))
    # sorted() is stabiel: bij gelijke datum blijft de volgorde van de wet behouden.
    return tuple(sorted(dagen, key=lambda f: f.datum))


@functools.lru_cache(maxsize=None)
def _feestdagnamen(jaar: int) -> dict[date, str]:
    namen: dict[date, list[str]] = {}
    for f in algemeen_erkende_feestdagen(jaar):
        namen.setdefault(f.datum, []).append(f.naam)
    return {d: " en ".join(n) for d, n in namen.items()}


def gelijkstelling_bekend(jaar: int) -> bool:
    """Of een gelijkstellingsbesluit (art. 3 lid 3 Atw) in ``feestdagen.toml`` dit jaar dekt."""
    return jaar in _gedekte_jaren()


def waarschuwingen_voor(jaren: Iterable[int]) -> tuple[str, ...]:
    """Nederlandstalige waarschuwingen voor de jaren (oplopend, zonder dubbelen) zonder besluit."""
    return tuple(
        f"Voor {jaar} is nog geen Besluit gelijkstelling (art. 3 lid 3 Algemene termijnenwet) "
        "bekend; met daarbij gelijkgestelde dagen is geen rekening gehouden."
        for jaar in sorted(set(jaren))
        if not gelijkstelling_bekend(jaar)
    )


def _reden_geen_werkdag(d: date) -> str | None:
    """Waarom ``d`` geen werkdag is, of ``None`` als het wel een werkdag is."""
    delen = []
    if d.weekday() >= 5:
        delen.append(WEEKDAGEN[d.weekday()])
    naam = _feestdagnamen(d.year).get(d)
    if naam:
        delen.append(naam)
    return " en ".join(delen) if delen else None


def is_werkdag(d: date) -> bool:
    """Waar als ``d`` geen zaterdag, zondag of algemeen erkende (of gelijkgestelde) feestdag is."""
    return d.weekday() < 5 and d not in _feestdagnamen(d.year)


# --------------------------------------------------------------------------- termijnen


def _jaren_tussen(begin: date, einde: date) -> range:
    return range(min(begin.year, einde.year), max(begin.year, einde.year) + 1)


def na_werkdagen(start: date, aantal: int, *, omschrijving: str, grondslag: str) -> Termijn:
    """De ``aantal``-ste werkdag na ``start``; ``start`` zelf telt niet mee.

    Elke niet-werkdag tussen ``start`` en de einddatum staat in ``overgeslagen``.
    """
    if aantal < 1:
        raise ValueError(f"aantal werkdagen moet ten minste 1 zijn, niet {aantal}")
    overgeslagen: list[OvergeslagenDag] = []
    d = start
    geteld = 0
    while geteld < aantal:
        d += timedelta(days=1)
        reden = _reden_geen_werkdag(d)
        if reden is None:
            geteld += 1
        else:
            overgeslagen.append(OvergeslagenDag(d, reden))
    return Termijn(
        begindatum=start,
        einddatum=d,
        omschrijving=omschrijving,
        grondslag=grondslag,
        overgeslagen=tuple(overgeslagen),
        waarschuwingen=waarschuwingen_voor(_jaren_tussen(start, d)),
    )


def verleng_atw(einde: date) -> tuple[date, tuple[OvergeslagenDag, ...]]:
    """Atw art. 1 lid 1: verleng een einddatum op een zaterdag, zondag of feestdag.

    Geeft de eerstvolgende dag die geen zaterdag, zondag of algemeen erkende feestdag is
    (``einde`` zelf als dat al een werkdag is), met de dagen waarover is verlengd.
    """
    overgeslagen: list[OvergeslagenDag] = []
    d = einde
    while (reden := _reden_geen_werkdag(d)) is not None:
        overgeslagen.append(OvergeslagenDag(d, reden))
        d += timedelta(days=1)
    return d, tuple(overgeslagen)


def _kalendertermijn(
    start: date, dagen: int, *, omschrijving: str, grondslag: str
) -> Termijn:
    """Termijn van ``dagen`` kalenderdagen na ``start``, verlengd volgens Atw art. 1 en 2."""
    if dagen < 1:
        raise ValueError(f"een termijn moet ten minste 1 dag zijn, niet {dagen}")
    if dagen > _ATW_MAXIMUM_DAGEN:
        raise ValueError(
            f"Een termijn van {dagen} dagen valt buiten de Algemene termijnenwet (art. 4: niet "
            f"voor termijnen langer dan {_ATW_MAXIMUM_DAGEN} dagen); niet ondersteund."
        )
    einde, overgeslagen = verleng_atw(start + timedelta(days=dagen))
    grondslagen = [grondslag, _ATW_ART_1]
    if dagen >= 3:
        # Atw art. 2: ten minste twee dagen in de termijn die geen zaterdag, zondag of
        # feestdag zijn; de aanvangsdag (start) telt niet mee. Tellen tot twee is genoeg: alleen
        # minder dan twee verandert iets (en dan is de hele termijn geteld).
        werkdagen = 0
        for n in range(1, (einde - start).days + 1):
            if is_werkdag(start + timedelta(days=n)):
                werkdagen += 1
                if werkdagen == 2:
                    break
        if werkdagen < 2:
            grondslagen.append(_ATW_ART_2)
            extra = list(overgeslagen)
            while werkdagen < 2:
                # Schuif door naar de volgende werkdag; alleen de niet-werkdagen daartussen
                # komen in ``overgeslagen``.
                einde, tussen = verleng_atw(einde + timedelta(days=1))
                extra.extend(tussen)
                werkdagen += 1
            overgeslagen = tuple(extra)
    return Termijn(
        begindatum=start,
        einddatum=einde,
        omschrijving=omschrijving,
        grondslag="; ".join(grondslagen),
        overgeslagen=overgeslagen,
        waarschuwingen=waarschuwingen_voor(_jaren_tussen(start, einde)),
    )


def termijn_na(start: date, dagen: int, *, omschrijving: str, grondslag: str) -> Termijn:
    """Algemene termijn van ``dagen`` kalenderdagen na ``start``, met verlenging volgens de Atw.

    De naïeve laatste dag is ``start + dagen``; valt die op een zaterdag, zondag of feestdag,
    dan schuift hij door (Atw art. 1 lid 1), en een termijn van drie dagen of meer bevat ten
    minste twee werkdagen (Atw art. 2). ``grondslag`` wordt aangevuld met de toegepaste
    Atw-artikelen.

    Let op: de Atw geldt van rechtswege alleen voor termijnen uit wetten en AMvB's, niet voor
    termijnen uit een verordening of beleidsregel. Wie deze functie voor een regionale of
    lokale norm gebruikt, past de Atw naar analogie toe en moet dat in ``grondslag`` zeggen.
    Termijnen van meer dan 90 dagen vallen buiten de Atw (art. 4) en geven een ``ValueError``.
    """
    return _kalendertermijn(start, dagen, omschrijving=omschrijving, grondslag=grondslag)


@functools.lru_cache(maxsize=4096)
def wgs_eerste_gesprek(melddatum: date, bedreigend: bool) -> Termijn:
    """Uiterste datum van het eerste gesprek na een verzoek om schuldhulpverlening.

    Zonder bedreigende situatie: vier weken na het verzoek (art. 4 lid 1 Wgs), dus
    ``melddatum`` + 28 dagen, verlengd volgens de Atw. Bij een bedreigende situatie
    (gedwongen woningontruiming, beëindiging van de levering van gas, elektriciteit,
    stadsverwarming of water, of opzegging of ontbinding van de zorgverzekering): drie
    werkdagen na het verzoek (art. 4 lid 2 Wgs).
    """
    if bedreigend:
        return na_werkdagen(
            melddatum,
            3,
            omschrijving="Eerste gesprek schuldhulpverlening bij een bedreigende situatie "
            "(binnen drie werkdagen na het verzoek)",
            grondslag="art. 4 lid 2 Wet gemeentelijke schuldhulpverlening",
        )
    return _kalendertermijn(
        melddatum,
        28,
        omschrijving="Eerste gesprek schuldhulpverlening (binnen vier weken na het verzoek)",
        grondslag="art. 4 lid 1 Wet gemeentelijke schuldhulpverlening",
    )


@functools.lru_cache(maxsize=4096)
def bezwaartermijn(bekendmaking: date) -> Termijn:
    """Laatste dag om bezwaar te maken tegen een besluit dat op ``bekendmaking`` is bekendgemaakt.

    Zes weken (art. 6:7 Awb), te rekenen vanaf de dag na de bekendmaking (art. 6:8 lid 1 Awb):
    de naïeve laatste dag is ``bekendmaking`` + 42 dagen, verlengd volgens de Atw.
    """
    return _kalendertermijn(
        bekendmaking,
        42,
        omschrijving="Bezwaartermijn (zes weken na de dag van bekendmaking)",
        grondslag="art. 6:7 en art. 6:8 lid 1 Algemene wet bestuursrecht",
    )
