"""De uitleg bij één beslissing: motiveringsstappen en gebruikte waarden, deterministisch.

Een regel krijgt een ``Uitleg``. Elke waarde die hij via ``u.waarde(naam)`` opvraagt, komt met
herkomst en geldigheid in ``gebruikte_waarden``; elke ``u.stap(...)`` wordt een zin in de
motivering met grondslag en bron. ``u.besluit(...)`` maakt er een ``Beslissing`` van.

Ontbreekt een waarde op de peildatum, dan gooit ``u.waarde`` ``OntbrekendeWaarde``; de
beslisser maakt daar een beslissing 'doorverwezen' van (de kern gokt nooit een bedrag).

Zonder motivering (``Context(..., motiveer=False)``, voor ``sora batch`` en analyses die alleen
uitkomsten en bedragen tellen) slaat de uitleg stappen en gebruikte waarden over: de regels
beslissen precies hetzelfde (zelfde code, zelfde volgorde), alleen de tekst ontstaat niet. Een
regel kan dure tekst overslaan met ``if u.motiveer:``. Een besluit zonder motivering is geen
beschikking: ``uitvoer.besluit_dict`` weigert het.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Optional

from .beleid import Beleid
from .bezwaar import bezwaarstap, is_besluit
from .model import (GEDEELDE_WAARDEN, Beslissing, Casus, GebruikteWaarde, Motivering, gedeelde_motivering,
                    maak_motivering, snelle_constructor)
from .geld import datum_nl
from .parameters import Definitie, Waarde, kern_definities


class OntbrekendeWaarde(Exception):
    """Er is op de peildatum geen vastgestelde waarde; de regel kan niet beslissen.

    Met ``definitie`` (de declaratie uit de kern) noemt de melding ook de grondslag, tot wanneer
    de laatste waarde gold, waar de ontbrekende waarde zal verschijnen (``volgende_bron``, zoals
    "SZW Normenbrief 1 januari 2027") en welke andere kernwaarden die dag ontbreken."""

    def __init__(self, naam: str, peildatum: date, reden: str = "", definitie: Optional[Definitie] = None):
        super().__init__(naam, peildatum, reden)
        self.naam = naam
        self.peildatum = peildatum
        self.reden = reden
        self.definitie = definitie

    def __str__(self) -> str:  # pas opgebouwd als iemand de melding leest (niet zonder motivering)
        if self.reden:
            return self.reden
        d = self.definitie
        if d is None or not d.waarden:
            return f"Voor '{self.naam}' is op {datum_nl(self.peildatum)} geen vastgestelde waarde bekend."
        return melding_ontbrekend(d, self.peildatum)


def melding_ontbrekend(d: Definitie, op: date) -> str:
    """Eén zin over een waarde die op ``op`` ontbreekt: wat, op welke grondslag, tot wanneer de
    laatste waarde gold en waar de volgende wordt gepubliceerd; plus de andere waarden van de kern
    die die dag om dezelfde reden ontbreken.

    De zin volgt uit de (onveranderlijke) definitie, de dag en de definities van de kern: per
    definitie en dag één keer opgemaakt (het tellen van de andere ontbrekende waarden loopt over de
    hele kern, en na een jaarwissel zonder nieuwe normen verwijst elk besluit door). De tabel houdt
    de definitie en de kern vast (een hergebruikt id() geeft nooit een verkeerde zin); begrensd."""
    kern = kern_definities()
    sleutel = (id(d), op)
    gevonden = _MELDINGEN.get(sleutel)
    if gevonden is not None and gevonden[0] is d and gevonden[1] is kern:
        return gevonden[2]
    tekst = _melding_ontbrekend(d, op, kern)
    if len(_MELDINGEN) >= 1024:
        _MELDINGEN.clear()
    _MELDINGEN[sleutel] = (d, kern, tekst)
    return tekst


#: (id(definitie), dag) -> (definitie, de definities van de kern, de zin van ``melding_ontbrekend``)
_MELDINGEN: dict[tuple, tuple] = {}


def _melding_ontbrekend(d: Definitie, op: date, kern: dict) -> str:
    eerder = [w for w in d.waarden if w.geldig_tot is not None and w.geldig_tot < op]
    tekst = f"Voor '{d.naam}' ({d.grondslag}) is op {datum_nl(op)} geen vastgestelde waarde bekend"
    if eerder and all(w.geldig_vanaf <= op for w in d.waarden):
        tekst += f"; de laatste waarde gold tot en met {datum_nl(eerder[-1].geldig_tot)}"
        waar = d.volgende_publicatie(op)
        if waar:
            tekst += f". De waarde voor deze periode komt uit de {waar}, die nog niet in de toolkit is verwerkt"
        ook = sum(1 for n, o in kern.items()
                  if n != d.naam and not o.open and o.waarden and o.waarde_op(op) is None
                  and all(w.geldig_vanaf <= op for w in o.waarden))
        if ook:
            tekst += (f". Op die dag ontbreken in de kern nog {ook} andere waarde{'n' if ook > 1 else ''} "
                      "(welke: 'sora actualiteit')")
    return tekst + "."


def gebruikte_waarde(w: Waarde, naam: str) -> GebruikteWaarde:
    """De ``GebruikteWaarde`` van een waarde (met zijn tekstvorm en, als hij nog niet bevestigd is,
    de aantekening bij de grondslag). Per waarde-object één keer gemaakt: een ``Waarde`` en een
    ``GebruikteWaarde`` zijn onveranderlijk, en de waarden van een opgelost beleid worden door alle
    besluiten gedeeld. De tabel houdt het ``Waarde``-object zelf vast, zodat een hergebruikt id()
    nooit een verkeerde ingang geeft; begrensd."""
    sleutel = (id(w), naam)
    gevonden = _GEBRUIKT.get(sleutel)
    if gevonden is not None and gevonden[0] is w:
        return gevonden[1]
    grondslag = w.grondslag if w.bevestigd else w.grondslag + " (waarde nog te bevestigen)"
    gw = _maak_gebruikte_waarde(naam=naam, waarde=w.als_tekst(), bron=w.bron, geldig_vanaf=w.geldig_vanaf,
                         geldig_tot=w.geldig_tot, grondslag=grondslag)
    if len(_GEBRUIKT) >= 4096:
        _GEBRUIKT.clear()
        _GEBRUIKT_EIGEN.clear()
    _GEBRUIKT[sleutel] = (w, gw)
    if naam is w.naam:
        _GEBRUIKT_EIGEN[id(w)] = (w, gw)
    return gw


_GEBRUIKT: dict[tuple[int, str], tuple[Waarde, GebruikteWaarde]] = {}
_maak_gebruikte_waarde = snelle_constructor(GebruikteWaarde)
#: dezelfde ingangen voor een waarde onder zijn eigen naam (het gewone geval), op id(w) alleen
_GEBRUIKT_EIGEN: dict[int, tuple[Waarde, GebruikteWaarde]] = {}


class Pad:
    """De gebruikte waarden van een beslissing tot nu toe, in volgorde van eerste gebruik: een knoop in
    een boom die alle beslissingen delen (heet pad).

    De gebruikte waarden van een beslissing volgen uit de waarden van het opgeloste beleid die de
    regel opvraagt, in die volgorde; in besluit na besluit komen dezelfde rijen terug. Elke knoop is
    zo'n rij, met wat eruit volgt, één keer uitgerekend: het tuple ``GebruikteWaarde`` (gedeeld, dus
    ``besluit_json`` schrijft het één keer, ``uitvoer``), de namen (om een tweede gebruik te herkennen),
    de namen die nog niet tegen de officiële bron zijn bevestigd (en de stap "Let op" daarbij) en de
    open normen die de gemeente nog moet bevestigen (``beslisser._waarschuwingen``). Een volgende
    waarde is een opzoeking in ``verder``: op de naam waaronder een regel hem opvraagt (``volg``; ook naar
    de knoop zelf als die naam al gebruikt is), op ``id(w)`` (onder zijn eigen naam) of ``(id(w), naam)``,
    steeds met ``w`` zelf erbij (een hergebruikt id() geeft nooit een verkeerde knoop).

    Alleen waarden van het opgeloste beleid komen in de boom (objecten die alle besluiten van dat
    beleid delen); bij een andere waarde (de AOW-datum van een persoon) gaat de uitleg verder zonder
    boom, met dezelfde uitkomst (``Uitleg._zonder_boom``). Eén boom per waarden (en ``te_bevestigen``) van
    een opgelost beleid (het beleid van alle peildata van een periode deelt die objecten, beleid._los_op;
    ze veranderen nooit), zodat een waarde in ``verder`` op een gevraagde naam altijd die van het beleid
    van de uitleg is (``Uitleg.waarde_record`` kijkt dan niet opnieuw in het beleid). Begrensd:
    bij ``_MAX_KNOPEN`` knopen begint een nieuwe boom; een uitleg die nog in een oude boom zit,
    maakt die gewoon af."""

    __slots__ = ("namen", "waarden", "onbevestigd", "open", "te_bevestigen", "verder", "let_op")

    def __init__(self, namen: frozenset, waarden: tuple, onbevestigd: tuple, open_: frozenset,
                 te_bevestigen: Any) -> None:
        self.namen = namen
        #: de gebruikte waarden (``Beslissing.gebruikte_waarden``)
        self.waarden = waarden
        #: de namen van de waarden die nog niet bevestigd zijn (``Waarde.bevestigd``), in volgorde van gebruik
        self.onbevestigd = onbevestigd
        #: de namen die in ``te_bevestigen`` staan (de open normen die de gemeente nog moet bevestigen)
        self.open = open_
        self.te_bevestigen = te_bevestigen
        self.verder: dict[Any, tuple[Waarde, "Pad"]] = {}
        #: de stap "Let op: ... nog niet bevestigd" (of None); ``_GEEN`` tot hij voor het eerst nodig is
        self.let_op: Any = _GEEN

    def na(self, w: Waarde, naam: str, sleutel: Any) -> "Pad":
        """De knoop na deze met ``w`` onder ``naam`` erbij (voor een gemiste opzoeking in ``verder``)."""
        tb = self.te_bevestigen
        kind = Pad(self.namen | {naam}, self.waarden + (gebruikte_waarde(w, naam),),
                   self.onbevestigd if w.bevestigd else self.onbevestigd + (naam,),
                   self.open | {naam} if naam in tb else self.open, tb)
        _tel_knoop()
        self.verder[sleutel] = (w, kind)
        GEDEELDE_WAARDEN[id(kind.waarden)] = kind  # het tuple hoort bij deze knoop zolang die leeft
        return kind

    def volg(self, w: Waarde, gevraagd: str) -> "Pad":
        """De knoop na deze als een regel ``w`` (van het beleid) opvraagt onder de naam ``gevraagd``
        (``Uitleg.waarde_record``): deze zelf als de naam van ``w`` al gebruikt is, anders die met ``w``
        erbij. Onthouden in ``verder`` op de gevraagde naam (tekst: botst niet met de sleutels van ``na``)."""
        if w.naam in self.namen:
            kind = self
        else:
            v = self.verder.get(id(w))
            kind = v[1] if v is not None and v[0] is w else self.na(w, w.naam, id(w))
        self.verder[gevraagd] = (w, kind)
        return kind

    def stap_let_op(self) -> Optional[Motivering]:
        """De stap "Let op" bij de onbevestigde waarden van deze knoop (None als die er niet zijn)."""
        m = self.let_op
        if m is _GEEN:
            m = self.let_op = _let_op(self.onbevestigd) if self.onbevestigd else None
        return m


_GEEN = object()
_MAX_KNOPEN = 4096
_AANTAL_KNOPEN = [0]
#: id(waarden van een opgelost beleid) -> (die waarden, te_bevestigen, de wortel van hun boom)
_WORTELS: dict[int, tuple[Any, Any, Pad]] = {}


def wortel(waarden: Any, te_bevestigen: Any) -> Pad:
    """De wortel van de boom van gebruikte waarden bij de waarden en ``te_bevestigen`` van een opgelost
    beleid (het beleid van alle peildata van een periode deelt die objecten, beleid._los_op)."""
    gevonden = _WORTELS.get(id(waarden))
    if gevonden is not None and gevonden[0] is waarden and gevonden[1] is te_bevestigen:
        return gevonden[2]
    w = Pad(frozenset(), (), (), frozenset(), te_bevestigen)
    _tel_knoop()
    _WORTELS[id(waarden)] = (waarden, te_bevestigen, w)
    return w


def _tel_knoop() -> None:
    """Tel een nieuwe knoop; bij ``_MAX_KNOPEN`` begint een nieuwe boom (wie nog in een oude zit, gaat daar
    gewoon verder: zijn knopen blijven geldig, ze worden alleen niet meer gevonden)."""
    if _AANTAL_KNOPEN[0] >= _MAX_KNOPEN:
        _AANTAL_KNOPEN[0] = 0
        _WORTELS.clear()
        GEDEELDE_WAARDEN.clear()
    _AANTAL_KNOPEN[0] += 1


class VasteStappen:
    """Stappen die bij dezelfde objecten letterlijk gelijk zijn, één keer gemaakt (heet pad).

    Een deel van de motivering komt in besluit na besluit letterlijk terug: de norm van een
    huishoudsoort op de peildatum, de draagkrachtvrije voet bij die norm, het drempelbedrag, de vorm
    van de bijstand. Hun tekst hangt alleen af van waarden van het opgeloste beleid (dezelfde
    objecten voor alle besluiten van dat beleid) en een paar eenvoudige gegevens (huishoudsoort,
    peildatum). Zo'n stap wordt één keer gemaakt en daarna als hetzelfde object hergebruikt: dat
    scheelt het opmaken van de tekst, en ``besluit_json`` hoeft de tekst niet opnieuw te hashen.

    De sleutel noemt alles waar tekst, grondslag en bron van afhangen: gewone gegevens op waarde,
    objecten (``a``, ``b``) op ``id()``. De tabel houdt die objecten vast zolang hun stap erin staat;
    een levend object heeft een ``id()`` dat geen ander levend object heeft, dus een ``id()`` in een
    gevonden sleutel hoort altijd bij hetzelfde object. Daarom is opzoeken één ``dict.get`` op de
    sleutel (``zoek``, zonder aanroep in Python); voorwaarde: elke ``id()`` in de sleutel is die van
    ``a`` of ``b``. Begrensd: bij ``maximum`` ingangen (stappen en objecten samen) worden ze samen
    losgelaten. Alleen voor stappen waarvan de tekst geheel uit de sleutel volgt; de tests vergelijken
    om en om met de casus (tests/test_bijzondere_bijstand.py, tests/test_een_beslissing.py)."""

    __slots__ = ("_tabel", "maximum", "zoek")

    def __init__(self, maximum: int = 1024) -> None:
        #: sleutel (tuple) -> de stap; en id(object) (int) -> het object zelf, vastgehouden. Eén tabel,
        #: zodat leegmaken (één atomaire ``clear``, ook met threads in de HTTP-dienst) stap en object
        #: samen loslaat; de stap wordt vóór zijn objecten bewaard (de aanroeper houdt ze tot dan vast)
        self._tabel: dict[Any, Any] = {}
        self.maximum = maximum
        #: ``zoek(sleutel)``: de bewaarde stap of None (ook voor de sleutel None: die wordt nooit bewaard)
        self.zoek = self._tabel.get

    def maak(self, sleutel: tuple, a: Any, b: Any, tekst: str, grondslag: str, bron: str,
             bijzaak: bool = False) -> Motivering:
        m = gedeelde_motivering(tekst, grondslag, bron, bijzaak)
        tabel = self._tabel
        if len(tabel) >= self.maximum:
            tabel.clear()
        tabel[sleutel] = m
        if a is not None:
            tabel[id(a)] = a
        if b is not None:
            tabel[id(b)] = b
        return m

    def voeg_toe(self, u: "Uitleg", sleutel: Optional[tuple], a: Any, b: Any, tekst: str, grondslag: str,
                 bron: str) -> None:
        """Na een gemiste ``zoek``: maak de stap, bewaar hem onder ``sleutel`` en zet hem in de motivering
        van ``u``. Met ``sleutel`` None (de tekst volgt niet uit een sleutel): een gewone ``u.stap``."""
        if sleutel is None:
            u.stap(tekst, grondslag, bron)
        else:
            u.vaste_stap(self.maak(sleutel, a, b, tekst, grondslag, bron))

    def leeg(self) -> None:
        self._tabel.clear()


class Context:
    """Alles wat de regels over één casus in één gemeente op één peildatum weten."""

    def __init__(self, casus: Casus, beleid: Beleid, motiveer: bool = True, ontbrekend: Optional[list] = None):
        self.casus = casus
        self.beleid = beleid
        self.peildatum = casus.peildatum
        self.motiveer = motiveer
        #: als een lijst: de beslisser zet hier de naam van elke waarde die ontbrak (voor analyses)
        self.ontbrekend = ontbrekend
        #: kinderen per leeftijdsband (regels.declaratief.kinderen_in_band), per casus gedeeld
        self.per_band: dict = {}
        # Gewone attributen, meteen gezet (geen luie eigenschap): de regels lezen ze vaak, en Python
        # versnelt het lezen van een gewoon attribuut, niet dat van een attribuut achter een descriptor.
        #: het huishouden van de casus (zijn eigen feiten rekent het pas uit als een regel ze vraagt)
        self.huishouden = _huishouden()(casus)
        #: ``bezwaarstap`` bij deze casus: de motiveringsstap en de laatste dag voor bezwaar (of None)
        self.bezwaar: tuple = bezwaarstap(casus.datum_bekendmaking)
        #: de laatste dag voor bezwaar bij deze casus (of None)
        self.bezwaar_einde: Optional[date] = self.bezwaar[1]
        #: waar de gebruikte waarden van elke beslissing beginnen (``Pad``)
        self.wortel: Pad = wortel(beleid.waarden, beleid.te_bevestigen)

    @property
    def gemeente(self) -> str:
        return self.beleid.gemeente.plugin


def _huishouden() -> Any:
    """De klasse ``Huishouden``: huishouden importeert deze module, dus pas bij het eerste gebruik
    geladen, één keer."""
    maak = _LAAT.get("Huishouden")
    if maak is None:
        from .huishouden import Huishouden as maak

        _LAAT["Huishouden"] = maak
    return maak


#: laat geïmporteerde namen (een import in een functie kost bij elke aanroep een opzoeking via het importsysteem)
_LAAT: dict[str, Any] = {}


class Uitleg:
    def __init__(self, ctx: Context, regeling: Any):
        self.ctx = ctx
        self.regeling = regeling
        self.motiveer = ctx.motiveer
        self._stappen: list[Motivering] = []
        #: de gebruikte waarden tot nu toe als knoop in de gedeelde boom; None: zonder boom, in
        #: ``_waarden`` en ``_onbevestigd`` (na een waarde die niet van het beleid is, ``_zonder_boom``)
        self._pad: Optional[Pad] = ctx.wortel if ctx.motiveer else None
        self._waarden: dict[str, GebruikteWaarde] = {}  # in volgorde van gebruik (zonder boom)
        self._onbevestigd: list[str] = []  # in volgorde van gebruik (zonder boom)
        self._geldend = ctx.beleid.waarden  # heet pad: de waarden van het opgeloste beleid, één opzoeking per waarde

    # --- waarden
    def waarde(self, naam: str) -> Any:
        return self.waarde_record(naam).waarde

    def waarde_record(self, naam: str) -> Waarde:
        pad = self._pad
        if pad is not None:
            # deze naam is vanuit deze knoop al eens opgevraagd: de boom hoort bij deze waarden van het beleid
            # (wortel), die nooit veranderen, dus dezelfde waarde en de volgende knoop (of dezelfde)
            v = pad.verder.get(naam)
            if v is not None:
                self._pad = v[1]
                return v[0]
        w = self._geldend.get(naam)
        if w is None:
            w = self.ctx.beleid.waarde(naam)  # onbekende naam: KeyError van het beleid
            if w is None:
                raise OntbrekendeWaarde(naam, self.ctx.peildatum, definitie=self.ctx.beleid.definities.get(naam))
        if self.motiveer:  # zonder motivering worden gebruikte waarden niet bijgehouden
            if pad is not None:  # een waarde van het beleid: de volgende knoop (of dezelfde), op de gevraagde naam
                self._pad = pad.volg(w, naam)
            elif (naam := w.naam) not in self._waarden:
                self._noteer(w, naam)
        return w

    def gebruik(self, w: Waarde, naam: Optional[str] = None) -> None:
        """Noteer een gebruikte waarde (ook een die niet uit het beleid komt, bv. AOW-leeftijd)."""
        if self.motiveer:
            naam = naam or w.naam
            pad = self._pad
            if pad is None:
                if naam not in self._waarden:
                    self._noteer(w, naam)
            elif naam not in pad.namen:
                if self._geldend.get(w.naam) is w:  # een waarde van het beleid: de volgende knoop
                    sleutel = id(w) if naam is w.naam else (id(w), naam)
                    v = pad.verder.get(sleutel)
                    self._pad = v[1] if v is not None and v[0] is w else pad.na(w, naam, sleutel)
                else:
                    self._zonder_boom()
                    self._noteer(w, naam)

    def _zonder_boom(self) -> None:
        """Verder zonder boom: de gebruikte waarden tot nu toe in ``_waarden`` en ``_onbevestigd``."""
        pad = self._pad
        if pad is not None:
            self._waarden = {g.naam: g for g in pad.waarden}
            self._onbevestigd = list(pad.onbevestigd)
            self._pad = None

    def _noteer(self, w: Waarde, naam: str) -> None:
        """Noteer een waarde die nog niet genoteerd is, zonder boom."""
        if not w.bevestigd:
            self._onbevestigd.append(naam)
        # als gebruikte_waarde(w, naam), zonder aanroep (heet pad); onder de eigen naam op id(w) alleen
        gevonden = _GEBRUIKT_EIGEN.get(id(w)) if naam is w.naam else _GEBRUIKT.get((id(w), naam))
        self._waarden[naam] = gevonden[1] if gevonden is not None and gevonden[0] is w else gebruikte_waarde(w, naam)

    def bron_van(self, naam: str) -> str:
        """De bron ('kern' of plugin) van een waarde: voor de bron van een motiveringsstap."""
        w = self._geldend.get(naam)
        if w is None:
            w = self.ctx.beleid.waarde(naam)  # onbekende naam: KeyError van het beleid
        return w.bron if w is not None else "kern"

    # --- motivering
    def stap(self, tekst: str, grondslag: str, bron: str = "kern") -> None:
        if self.motiveer:
            self._stappen.append(maak_motivering(tekst, grondslag, bron))  # als Motivering(...), zonder attrs-__init__

    def stap_gedeeld(self, tekst: str, grondslag: str, bron: str = "kern") -> None:
        """Als ``stap``, voor een stap waarvan de tekst in besluit na besluit letterlijk terugkomt (hij
        noemt waarden van het beleid en feiten als de huishoudsoort, geen bedragen of datums van één
        casus): per (tekst, grondslag, bron) één gedeeld object, zodat ook de JSON één keer wordt
        geschreven. Zelfde stap als ``stap``; iets anders dan tekst gaat de gewone weg."""
        if self.motiveer:
            if type(tekst) is str and type(grondslag) is str and type(bron) is str:
                sleutel = (tekst, grondslag, bron)  # de sleutel is de stap zelf
                m = _OP_TEKST.zoek(sleutel)
                if m is None:
                    m = _OP_TEKST.maak(sleutel, None, None, tekst, grondslag, bron)
                self._stappen.append(m)
            else:
                self._stappen.append(maak_motivering(tekst, grondslag, bron))

    def vaste_stap(self, m: Motivering) -> None:
        """Een stap uit ``VasteStappen`` (al gemaakt, onveranderlijk) aan de motivering toevoegen."""
        if self.motiveer:
            self._stappen.append(m)

    def besluit(self, uitkomst: str, bedrag: Optional[Decimal] = None, vorm: Optional[str] = None,
                bedrag_per: Optional[str] = None) -> Beslissing:
        r = self.regeling
        if not self.motiveer:
            return _maak_beslissing(
                regeling=r.sleutel, naam=r.naam, pakket=r.pakket, uitkomst=uitkomst,
                bedrag=bedrag, vorm=vorm if bedrag is not None else None, motivering=(), gebruikte_waarden=(),
                bedrag_per=bedrag_per if bedrag is not None else None,
                bezwaar_uiterlijk=self.ctx.bezwaar_einde if is_besluit(uitkomst, self.ctx.casus) else None,
            )
        stappen = self._stappen
        pad = self._pad
        if pad is not None:
            waarden = pad.waarden
            m = pad.let_op
            if m is _GEEN:
                m = pad.stap_let_op()
        else:
            waarden = tuple(self._waarden.values())  # in volgorde van gebruik
            m = _let_op(self._onbevestigd) if self._onbevestigd else None
        # de stappen, dan "Let op" (als er onbevestigde waarden zijn), dan de bezwaartermijn (als het een besluit is)
        if is_besluit(uitkomst, self.ctx.casus):  # doorverwezen, of niet van toepassing zonder aanvraag: geen besluit
            stap, bezwaar_uiterlijk = self.ctx.bezwaar
            motivering = (*stappen, stap) if m is None else (*stappen, m, stap)
        else:
            bezwaar_uiterlijk = None
            motivering = tuple(stappen) if m is None else (*stappen, m)
        return _maak_beslissing(
            regeling=r.sleutel, naam=r.naam, pakket=r.pakket, uitkomst=uitkomst,
            bedrag=bedrag, vorm=vorm if bedrag is not None else None,
            motivering=motivering,
            gebruikte_waarden=waarden,
            bedrag_per=bedrag_per if bedrag is not None else None,
            bezwaar_uiterlijk=bezwaar_uiterlijk,
        )


#: ``Beslissing(...)`` zonder de attrs-``__init__`` (zelfde object; ``model.snelle_constructor``)
_maak_beslissing = snelle_constructor(Beslissing)
def _let_op(onbevestigd) -> Motivering:
    """De stap "Let op: ... nog niet bevestigd" bij deze namen (uit ``Waarde.bevestigd``, niet uit de tekst
    van de grondslag). De tekst volgt uit de namen: per rij namen één gedeelde stap."""
    sleutel = ("let op", *onbevestigd)
    m = _LET_OP.zoek(sleutel)
    if m is None:
        m = _LET_OP.maak(
            sleutel, None, None,
            "Let op: deze beslissing gebruikt waarden die nog niet tegen de officiële bron zijn bevestigd: "
            + ", ".join(onbevestigd) + ". Controleer ze voordat de beschikking uitgaat.",
            "art. 3:2 Algemene wet bestuursrecht (zorgvuldige voorbereiding)", "kern", bijzaak=True)
    return m


#: de stap "Let op: ... nog niet bevestigd" per rij namen (VasteStappen)
_LET_OP = VasteStappen()
#: de stappen van ``Uitleg.stap_gedeeld``, op hun tekst
_OP_TEKST = VasteStappen(4096)
