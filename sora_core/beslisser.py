"""Beslissen: casus in, besluit uit.

Stappen: gemeente zoeken (CBS-code of pluginnaam) en nagaan dat ze op de peildatum bestaat;
beleid oplossen; per aanvraag (of, zonder aanvragen, voor elke regeling: "waar heb ik recht
op?") de regel toepassen; schuldhulp beoordelen als de casus daarom vraagt; ontvangstbewijs.
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter
from decimal import Decimal
from typing import Optional, Union

import attrs

from . import __version__
from .beleid import Beleid, los_op
from .bezwaar import bezwaarstap, is_besluit
from .fouten import Fout, InvoerFout, PluginFout, SoraFout
from .geld import datum_nl
from .huishouden import OnbekendeAOWLeeftijd
from .model import (BEDRAG_PER, GEDEELDE_WAARDEN, UITKOMSTEN, VORMEN, Besluit, Beslissing, Casus, Ontvangstbewijs,
                    snelle_constructor)
from .plugins import Register, gemeente_bestaat_op, register
from .regels.registratie import RegelingDef, basispakket
from .uitleg import Context, OntbrekendeWaarde, Uitleg

def beoordeel(casus: Union[Casus, dict], *, gemeente: Optional[str] = None, peildatum: Optional[date] = None,
              zet: tuple[tuple[str, str], ...] = (), reg: Optional[Register] = None,
              motiveren: bool = True, ontbrekend: Optional[list] = None) -> Besluit:
    """Beslis over een casus. ``gemeente`` en ``peildatum`` vervangen die van de casus; ``zet``
    zet voor deze ene beslissing open normen (wat-als: (naam, waarde)-paren); ``reg`` is een
    eigen pluginregister (standaard: de geïnstalleerde gemeenten). ``motiveren=False`` beslist
    precies hetzelfde maar zonder motivering en gebruikte waarden (sneller; voor batch en
    analyses die alleen uitkomsten en bedragen tellen, niet voor een beschikking). Is
    ``ontbrekend`` een lijst, dan komt daarin de naam van elke waarde die op de peildatum
    ontbrak en een beslissing deed doorverwijzen (voor analyses als ``sora harmonisatie``).

    Gooit ``InvoerFout`` (met alle problemen per veld) als de casus niet te beslissen is, en
    ``PluginFout`` als de plugin van de gemeente niet werkt."""
    if isinstance(casus, dict):
        lees = _KERN.get("casus_uit_dict")
        if lees is None:  # pas bij de eerste dict geladen (invoer is niet nodig voor een Casus), daarna zonder import
            from .invoer import casus_uit_dict as lees

            _KERN["casus_uit_dict"] = lees
        casus = lees(casus)
    elif not isinstance(casus, Casus):
        from .invoer import _soort

        raise InvoerFout([Fout(None, f"Verwacht een casus (een Casus of een dict volgens het casuscontract), "
                                     f"kreeg {_soort(casus)}.")])
    if gemeente is not None:
        casus = attrs.evolve(casus, gemeente=gemeente)
    if peildatum is not None:
        casus = attrs.evolve(casus, peildatum=peildatum)
    reg = reg or register()
    beleid, regelingen, bewijs = _voorbereid(reg, casus.gemeente, casus.peildatum, zet)
    ctx = Context(casus, beleid, motiveren, ontbrekend)

    beslissingen: list[Beslissing] = []
    if casus.aanvragen:
        gevraagd = set(map(_REGELING, casus.aanvragen))
        # de gewone casus: elke regeling bekend en één keer gevraagd; anders alle meldingen hieronder
        fouten = [] if len(gevraagd) == len(casus.aanvragen) and regelingen.keys() >= gevraagd else [
                  Fout(f"aanvragen[{i}].regeling",
                       f"Onbekende regeling{getoond(a.regeling)} in {beleid.gemeente.naam} op {datum_nl(casus.peildatum)}; "
                       f"bekend: {', '.join(regelingen)}.")
                  for i, a in enumerate(casus.aanvragen) if a.regeling not in regelingen] + dubbele_aanvragen(casus.aanvragen)
        if fouten:
            raise InvoerFout(fouten)
        for a in casus.aanvragen:
            beslissingen.append(met_bezwaartermijn(ctx, _beslis_regel(ctx, regelingen[a.regeling], a)))
    else:
        for r in regelingen.values():
            if r.sleutel in ("bijzondere_bijstand", "schuldhulpverlening"):
                continue  # vragen om een concrete aanvraag of melding; niet in "waar heb ik recht op?"
            beslissingen.append(met_bezwaartermijn(ctx, _beslis_regel(ctx, r, None)))

    schuldhulp = None
    if casus.schuldhulp is not None:
        try:
            from .regels import schuldhulpverlening
        except ImportError:  # de regels voor schuldhulp zijn (nog) niet in deze kern
            raise InvoerFout([Fout("schuldhulp", "Deze versie van de toolkit kan een melding voor "
                                                 "schuldhulpverlening nog niet beoordelen.")]) from None

        schuldhulp = schuldhulpverlening.overzicht(ctx)
    return _maak_besluit(
        gemeente=beleid.gemeente, peildatum=casus.peildatum, beslissingen=tuple(beslissingen),
        ontvangstbewijs=bewijs,
        schuldhulp=schuldhulp,
        waarschuwingen=_waarschuwingen(beleid, beslissingen),
    )


#: ``Besluit(...)`` zonder de attrs-``__init__`` (zelfde object)
_maak_besluit = snelle_constructor(Besluit)


def _voorbereid(reg: Register, gemeente: str, peildatum: date, zet: tuple) -> tuple:
    """(opgelost beleid, zijn regelingen, ontvangstbewijs) van ``gemeente`` op ``peildatum``: de gemeente
    zoeken (``_zoek``), nagaan dat ze op die dag bestaat, het beleid oplossen (``los_op``), de catalogus
    en het bewijs. Zonder wat-als per (gemeente, peildatum) één keer (heet pad: elk besluit begint
    hiermee; een dag heeft één opgelost beleid). De tabel houdt het register en de volgorde van het
    basispakket vast (een ander register of een ingeperkt pakket in een test: opnieuw); alleen wat
    bestaat komt erin (een onbekende gemeente of een dag waarop ze niet bestaat gooit, elke keer). Begrensd."""
    sleutel = (gemeente, peildatum)
    gevonden = _VOORBEREID.get(sleutel) if not zet else None
    kern = _KERN.get("catalogus")
    if gevonden is not None and gevonden[0] is reg and kern is not None and gevonden[1] is kern.VOLGORDE:
        return gevonden[2]
    plugin = _zoek(reg, gemeente)
    gemeente_bestaat_op(plugin, peildatum)
    beleid = los_op(plugin, peildatum, zet)
    uit = (beleid, _catalogus(beleid), _ontvangstbewijs(beleid))  # _catalogus laadt de catalogus van de kern
    if not zet and type(gemeente) is str and type(peildatum) is date:
        if len(_VOORBEREID) >= 4096:
            _VOORBEREID.clear()
        _VOORBEREID[sleutel] = (reg, _KERN["catalogus"].VOLGORDE, uit)
    return uit


#: (gemeente zoals gevraagd, peildatum) -> (register, volgorde van het basispakket, (beleid, regelingen, bewijs))
_VOORBEREID: dict[tuple, tuple] = {}


def _zoek(reg: Register, gemeente: str):
    """``reg.zoek(gemeente)``, onthouden per register en tekst (heet pad: elk besluit zoekt zijn
    gemeente). Alleen gevonden gemeenten komen in de tabel, dus alleen een CBS-code of pluginnaam
    (in een of andere schrijfwijze), nooit vrije tekst; de tabel houdt het register zelf vast, zodat
    een ander register nooit een oude vondst krijgt. Begrensd."""
    gevonden = _GEMEENTEN.get(gemeente)
    if gevonden is not None and gevonden[0] is reg:
        return gevonden[1]
    plugin = reg.zoek(gemeente)  # gooit bij een onbekende gemeente: niets onthouden
    if len(_GEMEENTEN) >= 1024:
        _GEMEENTEN.clear()
    _GEMEENTEN[gemeente] = (reg, plugin)
    return plugin


_GEMEENTEN: dict[str, tuple[Register, object]] = {}


def _ontvangstbewijs(beleid: Beleid) -> Ontvangstbewijs:
    """Het ontvangstbewijs (toolkitversie, pluginversie, vingerafdruk van het beleid): per opgelost
    beleid één (onveranderlijk) object, gedeeld door alle besluiten van dat beleid. De tabel houdt het
    beleid vast (een hergebruikt id() geeft nooit een verkeerd bewijs); begrensd."""
    gevonden = _BEWIJZEN.get(id(beleid))
    if gevonden is not None and gevonden[0] is beleid:
        return gevonden[1]
    bewijs = Ontvangstbewijs(__version__, beleid.gemeente.plugin_versie, beleid.vingerafdruk)
    if len(_BEWIJZEN) >= 4096:
        _BEWIJZEN.clear()
    _BEWIJZEN[id(beleid)] = (beleid, bewijs)
    return bewijs


_BEWIJZEN: dict[int, tuple[Beleid, Ontvangstbewijs]] = {}

#: de regeling waarvoor meer aanvragen in één casus mogen (elk voor een eigen kostenpost)
MEER_AANVRAGEN = "bijzondere_bijstand"


def dubbele_aanvragen(aanvragen) -> list[Fout]:
    """Een regeling per periode (alles behalve bijzondere bijstand, ook het pluspakket van een
    plugin) mag maar één keer per casus worden aangevraagd: een tweede aanvraag zou dezelfde
    toeslag nog eens toekennen. Bijzondere bijstand mag vaker, voor verschillende kosten; twee
    keer precies dezelfde kostenpost (kostensoort, bedrag, kostendatum en omschrijving) zou
    dubbel betalen en is ook een fout. De melding noemt de herhaling, nooit de omschrijving."""
    fouten: list[Fout] = []
    if len({a.regeling for a in aanvragen}) == len(aanvragen):
        return fouten  # elke regeling één keer (de gewone casus): dan is er ook niets dubbel
    eerder: dict = {}
    for i, a in enumerate(aanvragen):
        if a.regeling == MEER_AANVRAGEN:
            sleutel = (a.regeling, a.kostensoort, a.bedrag, a.kostendatum, a.omschrijving)
            j = eerder.setdefault(sleutel, i)
            if j != i:
                fouten.append(Fout(f"aanvragen[{i}]", f"Deze aanvraag bijzondere bijstand is gelijk aan aanvragen[{j}] "
                                                      "(zelfde kostensoort, bedrag, kostendatum en omschrijving); "
                                                      "toekennen zou dezelfde kosten twee keer betalen. Vraag elke "
                                                      "kostenpost één keer aan."))
            continue
        j = eerder.setdefault(a.regeling, i)
        if j != i:
            fouten.append(Fout(f"aanvragen[{i}].regeling", f"De regeling{getoond(a.regeling)} is al aangevraagd in "
                                                           f"aanvragen[{j}]; een regeling wordt per casus één keer "
                                                           "aangevraagd (alleen bijzondere bijstand mag vaker, voor "
                                                           "verschillende kosten)."))
    return fouten


def catalogus(beleid: Beleid) -> dict[str, RegelingDef]:
    """Alle regelingen die op de peildatum gelden: basispakket, dan pluspakket op sleutel.

    Per opgelost beleid één keer uitgerekend (heet pad: elk besluit vraagt het). De cache houdt
    het beleid zelf vast, zodat een hergebruikt id() nooit een verkeerde catalogus geeft; de
    aanroeper krijgt een kopie."""
    return dict(_catalogus(beleid))


def _catalogus(beleid: Beleid) -> dict[str, RegelingDef]:
    """``catalogus`` zonder kopie (alleen lezen: de beslisser, per besluit)."""
    kern = _KERN.get("catalogus")
    if kern is None:  # de volgorde van het basispakket (tests kunnen die inperken); één keer importeren
        from .regels import catalogus as kern

        _KERN["catalogus"] = kern
    gevonden = _CATALOGI.get(id(beleid))
    if gevonden is not None and gevonden[0] is beleid and gevonden[1] is kern.VOLGORDE:
        return gevonden[2]
    uit = {s: r for s, r in basispakket().items() if r.geldt_op(beleid.peildatum)}
    for r in sorted(beleid.pluspakket, key=lambda r: r.sleutel):
        uit[r.sleutel] = r
    if len(_CATALOGI) >= 4096:
        _CATALOGI.clear()
    _CATALOGI[id(beleid)] = (beleid, kern.VOLGORDE, uit)
    return uit


_CATALOGI: dict[int, tuple[Beleid, tuple, dict[str, RegelingDef]]] = {}
_KERN: dict = {}


def getoond(w) -> str:
    """``invoer.getoond`` (pas bij gebruik geïmporteerd: invoer importeert de beslisser niet op het hete pad)."""
    from .invoer import getoond as g

    return g(w)


def met_bezwaartermijn(ctx: Context, b: Beslissing) -> Beslissing:
    """Zorg dat de beslissing de laatste dag voor bezwaar draagt (kern, voor alle regelingen).

    ``Uitleg.besluit`` zet die er al in; dit vangt beslissingen op die een (plugin)regel zelf
    heeft gebouwd.

    Zes weken (art. 6:7 Awb) vanaf de dag na de bekendmaking (art. 6:8 lid 1 Awb), verlengd
    als de laatste dag op een zaterdag, zondag of feestdag valt (art. 1 Atw). Bekendmaking is
    ``casus.besluitdatum``, zonder opgave de peildatum. Een doorverwijzing is nog geen besluit
    en krijgt geen bezwaartermijn, en "niet van toepassing" zonder aanvraag evenmin
    (``bezwaar.is_besluit``)."""
    if not ctx.motiveer:
        if not is_besluit(b.uitkomst, ctx.casus) or b.bezwaar_uiterlijk is not None:
            return b
        einde = bezwaarstap(ctx.casus.datum_bekendmaking)[1]
        return b if einde is None else attrs.evolve(b, bezwaar_uiterlijk=einde)
    stap, einde = ctx.bezwaar
    m = b.motivering
    # via Uitleg.besluit staat de (gedeelde) stap achteraan: eerst op identiteit, dan pas elke stap vergelijken
    if (m and m[-1] is stap) or not is_besluit(b.uitkomst, ctx.casus) or stap in m:
        return b  # geen besluit (doorverwijzing, niet van toepassing zonder aanvraag); via Uitleg.besluit: stap staat er al
    if einde is None:
        return attrs.evolve(b, motivering=b.motivering + (stap,))
    return attrs.evolve(b, motivering=b.motivering + (stap,), bezwaar_uiterlijk=einde)


def _beslis_regel(ctx: Context, r: RegelingDef, aanvraag) -> Beslissing:
    u = Uitleg(ctx, r)
    try:
        b = r.beoordeel(u, aanvraag)
        fout = _ongeldig(b)
        if fout:
            if r.bron == "kern":
                raise SoraFout(f"Interne fout in regeling {r.sleutel}: {fout}.")
            raise PluginFout(r.bron, f"regeling {r.sleutel} gaf een ongeldige beslissing: {fout}")
        return b
    except (OntbrekendeWaarde, OnbekendeAOWLeeftijd) as e:
        if ctx.ontbrekend is not None:
            ctx.ontbrekend.append(getattr(e, "naam", "aow_leeftijd"))
        if u.motiveer:
            u.stap_gedeeld(f"{e} Zonder vastgestelde waarde beslist de toolkit niet; de aanvraag gaat naar een consulent.",
                   "art. 3:2 Algemene wet bestuursrecht (zorgvuldige voorbereiding)", "kern")
        return u.besluit("doorverwezen")
    except SoraFout:
        raise
    except Exception as e:
        if r.bron == "kern":
            raise
        raise PluginFout(r.bron, f"regeling {r.sleutel} faalde: {type(e).__name__}: {e}") from None


def _ongeldig(b: object) -> str:
    """Waarom ``b`` geen geldige beslissing is ('' als hij geldig is). Vangt regels (vooral van
    plugins) die iets anders teruggeven dan ``u.besluit(...)`` of een onmogelijke uitkomst."""
    if not isinstance(b, Beslissing):
        return f"verwacht een Beslissing (via u.besluit), kreeg {type(b).__name__}"
    if b.uitkomst not in UITKOMSTEN:
        return f"onbekende uitkomst {b.uitkomst!r}"
    if b.bedrag is not None:
        if not isinstance(b.bedrag, Decimal) or not b.bedrag.is_finite() or b.bedrag < 0:
            return "bedrag is geen niet-negatief Decimal-bedrag"
        if b.bedrag_per not in BEDRAG_PER:
            return f"bedrag_per {b.bedrag_per!r} is geen van {', '.join(BEDRAG_PER)}"
    if b.vorm is not None and b.vorm not in VORMEN:
        return f"onbekende vorm {b.vorm!r}"
    return ""


_NAAM = attrgetter("naam")
_REGELING = attrgetter("regeling")


def _waarschuwingen(beleid: Beleid, beslissingen: list[Beslissing]) -> tuple[str, ...]:
    """Noem de open normen die dit besluit gebruikte en die de gemeente nog moet bevestigen."""
    te_bevestigen = beleid.te_bevestigen
    if not te_bevestigen:
        return ()
    open_: frozenset = _GEEN_OPEN
    for b in beslissingen:
        gw = b.gebruikte_waarden
        if not gw:  # zonder motivering (of zonder gebruikte waarden): niets te melden
            continue
        # een rij gebruikte waarden uit de gedeelde boom (uitleg.Pad) kent haar open normen al
        pad = GEDEELDE_WAARDEN.get(id(gw))
        if pad is not None and pad.waarden is gw and pad.te_bevestigen is te_bevestigen:
            deel = pad.open
        else:
            deel = frozenset(map(_NAAM, gw)).intersection(te_bevestigen)
        if deel:
            open_ = open_ | deel if open_ else deel
    if not open_:
        return ()
    # per beleid en verzameling open normen één keer opgemaakt (en dus één tekstobject, ook voor de JSON); begrensd
    sleutel = (id(beleid), open_)
    gevonden = _WAARSCHUWINGEN.get(sleutel)
    if gevonden is not None and gevonden[0] is beleid:
        return gevonden[1]
    open_ = sorted(open_)
    uit = (f"{beleid.gemeente.naam} volgt voor {len(open_)} hier gebruikte open norm(en) de regionale standaard; "
           f"nog te bevestigen door de gemeente: {', '.join(open_)}.",)
    if len(_WAARSCHUWINGEN) >= 1024:
        _WAARSCHUWINGEN.clear()
    _WAARSCHUWINGEN[sleutel] = (beleid, uit)
    return uit


_GEEN_OPEN: frozenset = frozenset()
#: (id(beleid), open normen) -> (beleid, de waarschuwing): het beleid zelf erin, zodat een hergebruikt id() nooit een verkeerde tekst geeft
_WAARSCHUWINGEN: dict[tuple, tuple[Beleid, tuple[str, ...]]] = {}
