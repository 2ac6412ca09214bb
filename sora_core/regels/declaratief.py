"""Regelingen in data: de vorm die beleidsmedewerkers zelf in TOML schrijven, en de ene
beslisfunctie die zowel het pluspakket (plugins) als de categoriale regelingen van het
basispakket (collectieve zorgverzekering, meedoenregeling, kindregeling) gebruikt.

Een regeling in ``beleid.toml`` van een plugin (zie ook ``docs/minimaregelingen.md``)::

    [[regeling]]
    sleutel = "alkmaar.alkmaarpas"          # altijd <plugin>.<naam>
    naam = "AlkmaarPas"
    omschrijving = "Pas met tegoed voor sport, cultuur en vrije tijd"
    grondslag = "Verordening AlkmaarPas voor minima (CVDR702632)"   # verplicht
    bron = "alkmaar.nl"                     # vindplaats van de bedragen
    geldig_vanaf = 2023-01-01               # verplicht
    geldig_tot = 2023-12-31                 # optioneel (tot en met): tijdelijke regelingen gaan vanzelf uit
    inkomensgrens = "1.50"                  # x de toepasselijke bijstandsnorm (0.5 tot 3)
    vermogenstoets = true                   # vermogen binnen art. 34 Pw (standaard true)
    bevestigd = true                        # false: nog te bevestigen door de gemeente
    toelichting = "..."                     # vrije tekst voor collega's (niet in de beslissing)
    voorliggend = false                     # true: voorliggende voorziening (art. 15 Pw) ...
    voorliggend_voor = ["kindregeling"]     # ... voor deze regeling(en) van het basispakket
    doorverwijzen_naar = "..."              # optioneel: de aanvraag loopt via een andere organisatie

    [regeling.doelgroep]                    # alles optioneel
    leeftijd = [18, 130]                    # leeftijd van de aanvrager, grenzen inclusief
    huishouden = ["alleenstaande", "alleenstaande_ouder", "gehuwden"]
    kinderen = true                         # alleen voor huishoudens met kinderen in kind_leeftijd
    kind_leeftijd = [4, 17]
    aow = false                             # alleen onder (false) of op (true) de AOW-leeftijd

    [regeling.bedrag]
    per = "persoon"                         # persoon | kind | huishouden
    per_jaar = "188.00"                     # of: per_maand = "..." of: eenmalig = "..."
    maximum = "600.00"                      # optioneel: maximum per huishouden (per periode)
    # of, per leeftijd verschillend (per persoon of per kind):
    # staffel = [{leeftijd = [18, 130], aow = false, bedrag = "188.00"}, {aow = true, bedrag = "302.00"}]
    # periode = "per_jaar"                  # bij een staffel: per_jaar (standaard), per_maand of eenmalig
    # of, zonder vast bedrag:
    # werkelijke_kosten = true              # de werkelijke kosten worden vergoed (met of zonder maximum)

Zonder ``[regeling.bedrag]`` wordt de regeling toegekend zonder bedrag (bijvoorbeeld een pas
waarvan het tegoed nog niet is bevestigd): de motivering zegt dat.

Het basispakket gebruikt dezelfde vorm (``Vorm``), maar met ``Open("naam")`` op de plekken
waar de regio of de gemeente kiest: die waarde wordt pas opgevraagd als de regel haar nodig
heeft, komt met herkomst in de gebruikte waarden, en ontbreekt ze, dan verwijst de regel door
met een opsomming van alles wat nog niet is vastgesteld.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Optional

import attrs

from ..fouten import BeleidFout
from ..geld import NUL, cent, datum_nl, euro_nl, leeftijd, naar_decimal
from ..parameters import ZWEVEND_MELDING, GetalFout, lees_getal
from ..huishouden import OnbekendeAOWLeeftijd, heeft_aow_leeftijd
from ..model import PER_TEKST
from .registratie import RegelingDef
from ..uitleg import OntbrekendeWaarde
from .toetsen import binnen_grens, grensbedrag, inkomenstoets, vermogenstoets

HUISHOUDENS = ("alleenstaande", "alleenstaande_ouder", "gehuwden")
PER = ("persoon", "kind", "huishouden")
PERIODES = ("per_jaar", "per_maand", "eenmalig")
_VELDEN = {"sleutel", "naam", "omschrijving", "grondslag", "bron", "geldig_vanaf", "geldig_tot",
           "inkomensgrens", "vermogenstoets", "bevestigd", "voorliggend", "voorliggend_voor", "doelgroep",
           "bedrag", "toelichting", "doorverwijzen_naar"}
_DOELGROEP = {"leeftijd", "huishouden", "kinderen", "kind_leeftijd", "aow"}
_BEDRAG = {"per", "per_jaar", "per_maand", "eenmalig", "maximum", "staffel", "periode", "werkelijke_kosten"}
_SCHIJF = {"leeftijd", "aow", "bedrag"}
#: regelingen van het basispakket waarvoor een pluspakketregeling voorliggend kan zijn
VOORLIGGEND_VOOR = ("collectieve_zorgverzekering", "meedoenregeling", "kindregeling")


# =========================================================================== inlezen en valideren

def lees_regelingen(plugin: str, ruw: list[tuple[str, dict]], definities: Any = None) -> tuple[RegelingDef, ...]:
    """Valideer de ``[[regeling]]``-tabellen van een plugin; elke fout noemt bestand en regeling."""
    uit = []
    gezien: dict[str, list[tuple[date, Optional[date], str]]] = {}
    for plek, r in ruw:
        d = _valideer(plugin, plek, r)
        for vanaf, tot, andere in gezien.get(d.sleutel, []):
            if (d.geldig_tot is None or d.geldig_tot >= vanaf) and (tot is None or tot >= d.geldig_vanaf):
                raise BeleidFout(
                    f"{d.sleutel}: de periode vanaf {datum_nl(d.geldig_vanaf)} overlapt met een eerdere versie van deze "
                    f"regeling ({andere}); geef de eerdere versie een geldig_tot", plugin, plek)
        gezien.setdefault(d.sleutel, []).append((d.geldig_vanaf, d.geldig_tot, plek))
        uit.append(d)
    return tuple(sorted(uit, key=lambda d: (d.sleutel, d.geldig_vanaf)))


def _valideer(plugin: str, plek: str, r: Any) -> RegelingDef:
    if not isinstance(r, dict):
        raise BeleidFout("een [[regeling]] is een tabel", plugin, plek)
    label = r.get("sleutel") if isinstance(r.get("sleutel"), str) else None

    def fout(m: str) -> BeleidFout:
        return BeleidFout(f"{label}: {m}" if label else m, plugin, plek)

    vreemd = set(r) - _VELDEN
    if vreemd:
        raise fout(f"onbekende velden {sorted(vreemd)}; toegestaan: {sorted(_VELDEN)}")
    for v in ("sleutel", "naam", "grondslag", "geldig_vanaf"):
        if v not in r or r[v] in ("", None):
            raise fout(f"'{v}' ontbreekt" + (" (verordening, beleidsregel of CVDR-nummer)" if v == "grondslag" else ""))
    for v in ("sleutel", "naam", "grondslag", "omschrijving", "bron", "toelichting", "doorverwijzen_naar"):
        if v in r and (not isinstance(r[v], str) or not r[v].strip()):
            raise fout(f"'{v}' moet een niet-lege tekst zijn, kreeg {r[v]!r}")
    for v in ("vermogenstoets", "bevestigd", "voorliggend"):
        if v in r and not isinstance(r[v], bool):
            raise fout(f"'{v}' is true of false, kreeg {r[v]!r}")
    sleutel = r["sleutel"]
    naam_deel = sleutel[len(plugin) + 1:]
    if not sleutel.startswith(f"{plugin}.") or not naam_deel or not all(c.isalnum() or c == "_" for c in naam_deel):
        raise fout(f"sleutel {sleutel!r} moet de vorm '{plugin}.<naam>' hebben (naam: letters, cijfers en _)")
    from ..parameters import lees_datum

    vanaf = lees_datum(r["geldig_vanaf"], "geldig_vanaf", plek, plugin)
    tot = lees_datum(r["geldig_tot"], "geldig_tot", plek, plugin) if "geldig_tot" in r else None
    if tot is not None and tot < vanaf:
        raise fout(f"geldig_tot {tot} ligt voor geldig_vanaf {vanaf}")
    voor = r.get("voorliggend_voor")
    if r.get("voorliggend"):
        if not (isinstance(voor, list) and voor and all(v in VOORLIGGEND_VOOR for v in voor)):
            raise fout(f"voorliggend = true vraagt 'voorliggend_voor': een lijst met een of meer van {list(VOORLIGGEND_VOOR)}")
    elif voor is not None:
        raise fout("'voorliggend_voor' kan alleen met voorliggend = true")
    try:
        if "inkomensgrens" in r:
            if isinstance(r["inkomensgrens"], float):
                raise fout("inkomensgrens: " + ZWEVEND_MELDING.format(r["inkomensgrens"]))
            try:
                g = lees_getal(r["inkomensgrens"])
            except GetalFout as e:
                raise fout(f"inkomensgrens: {e}") from None
            if not (Decimal("0.5") <= g <= Decimal("3")):
                raise fout(f"inkomensgrens {g} ligt buiten 0.5 tot 3 (deel van de toepasselijke norm; 1.20 = 120%)")
        dg = r.get("doelgroep", {})
        if not isinstance(dg, dict):
            raise fout("[regeling.doelgroep] is een tabel")
        if set(dg) - _DOELGROEP:
            raise fout(f"doelgroep: onbekende velden {sorted(set(dg) - _DOELGROEP)}; toegestaan: {sorted(_DOELGROEP)}")
        for band in ("leeftijd", "kind_leeftijd"):
            if band in dg:
                _band(dg[band], fout, f"doelgroep.{band}")
        if "huishouden" in dg:
            hh = dg["huishouden"]
            if not isinstance(hh, list) or not hh:
                raise fout(f"doelgroep.huishouden is een niet-lege lijst uit {list(HUISHOUDENS)}")
            for h in hh:
                if h not in HUISHOUDENS:
                    raise fout(f"doelgroep.huishouden: {h!r} is geen van {list(HUISHOUDENS)}")
        for v in ("kinderen", "aow"):
            if v in dg and not isinstance(dg[v], bool):
                raise fout(f"doelgroep.{v} is true of false, kreeg {dg[v]!r}")
        if "kind_leeftijd" in dg and not dg.get("kinderen"):
            raise fout("doelgroep.kind_leeftijd vraagt ook kinderen = true")
        b = r.get("bedrag")
        if b is not None:
            _valideer_bedrag(b, fout)
    except ValueError as e:
        raise fout(f"geen geldig getal: {e}") from None
    definitie = _komma_naar_punt({k: r[k] for k in sorted(r)})
    return RegelingDef(
        sleutel=sleutel, naam=r["naam"], pakket="plus", bron=plugin, grondslag=r["grondslag"],
        omschrijving=r.get("omschrijving", ""), beoordeel=beoordeel_declaratief,
        geldig_vanaf=vanaf, geldig_tot=tot, definitie=definitie, plek=plek,
    )


def _komma_naar_punt(d: dict) -> dict:
    """Een decimale komma ("1,20", toegestaan zoals bij ``--zet``) wordt een punt in de definitie
    die de beslisfunctie leest. Alleen teksten met een komma veranderen."""
    def getal(x: Any) -> Any:
        return str(lees_getal(x)) if isinstance(x, str) and "," in x else x

    if "inkomensgrens" in d:
        d["inkomensgrens"] = getal(d["inkomensgrens"])
    b = d.get("bedrag")
    if isinstance(b, dict):
        b = d["bedrag"] = dict(b)
        for k in ("per_jaar", "per_maand", "eenmalig", "maximum"):
            if k in b:
                b[k] = getal(b[k])
        if isinstance(b.get("staffel"), list):
            b["staffel"] = [dict(s, bedrag=getal(s["bedrag"])) if isinstance(s, dict) and "bedrag" in s else s
                            for s in b["staffel"]]
    return d


def _valideer_bedrag(b: Any, fout) -> None:
    if not isinstance(b, dict):
        raise fout("[regeling.bedrag] is een tabel")
    if set(b) - _BEDRAG:
        raise fout(f"bedrag: onbekende velden {sorted(set(b) - _BEDRAG)}; toegestaan: {sorted(_BEDRAG)}")
    if b.get("per") not in PER:
        raise fout(f"bedrag.per moet een van {list(PER)} zijn, kreeg {b.get('per')!r}")
    soorten = [k for k in ("per_jaar", "per_maand", "eenmalig", "staffel", "werkelijke_kosten") if k in b]
    if len(soorten) != 1:
        raise fout("bedrag: geef precies één van per_jaar, per_maand, eenmalig, staffel of werkelijke_kosten"
                   + (f" (nu: {', '.join(soorten)})" if soorten else ""))
    if "periode" in b and "staffel" not in b:
        raise fout("bedrag.periode hoort alleen bij een staffel")
    if "periode" in b and b["periode"] not in PERIODES:
        raise fout(f"bedrag.periode moet een van {list(PERIODES)} zijn")
    if "werkelijke_kosten" in b and b["werkelijke_kosten"] is not True:
        raise fout("bedrag.werkelijke_kosten is true (of laat het weg)")
    if "staffel" in b:
        if b["per"] == "huishouden":
            raise fout("een staffel per leeftijd kan alleen per persoon of per kind")
        if not isinstance(b["staffel"], list) or not b["staffel"]:
            raise fout("bedrag.staffel is een niet-lege lijst van schijven")
        for i, s in enumerate(b["staffel"], 1):
            if not isinstance(s, dict) or set(s) - _SCHIJF or "bedrag" not in s or not ({"leeftijd", "aow"} & set(s)):
                raise fout(f"schijf {i} van de staffel: 'bedrag' met 'leeftijd' en/of 'aow' (en niets anders)")
            if "leeftijd" in s:
                _band(s["leeftijd"], fout, f"staffel schijf {i} leeftijd")
            if "aow" in s and not isinstance(s["aow"], bool):
                raise fout(f"staffel schijf {i}: aow is true of false")
            _bedrag(s["bedrag"], fout)
    for k in ("per_jaar", "per_maand", "eenmalig", "maximum"):
        if k in b:
            _bedrag(b[k], fout)


def _band(b: Any, fout, naam: str) -> None:
    if not (isinstance(b, list) and len(b) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in b)
            and 0 <= b[0] <= b[1] <= 130):
        raise fout(f"{naam} moet [van, tot en met] zijn in hele jaren (0 tot 130), van <= tot; kreeg {b!r}")


def _bedrag(w: Any, fout) -> Decimal:
    if isinstance(w, float):
        raise fout(f"bedrag {w!r}: " + ZWEVEND_MELDING.format(w))
    try:
        d = lees_getal(w)
    except GetalFout as e:
        raise fout(f"bedrag: {e}") from None
    if d < 0 or d != d.quantize(Decimal("0.01")):
        raise fout(f"bedrag {w!r}: niet negatief, hoogstens twee decimalen")
    return d


# =========================================================================== de vorm en het beslissen

@attrs.frozen
class Open:
    """Verwijzing naar een open norm of parameter; de waarde wordt pas opgevraagd als de
    regel haar nodig heeft (en komt dan met herkomst in de gebruikte waarden)."""

    naam: str


@attrs.frozen
class Vorm:
    """Een regeling in de declaratieve vorm, zoals de beslisfunctie haar leest. Plekken die de
    regio of gemeente invult mogen een ``Open`` zijn."""

    naam: str
    grondslag: str
    bron: str
    doelgroep: dict = attrs.Factory(dict)
    inkomensgrens: Any = None
    kostendelersnorm: Any = Open("pluspakket.kostendelersnorm_toepassen")
    vermogenstoets: Any = True
    bedrag: Optional[dict] = None
    doorverwijzen_naar: Optional[str] = None
    bevestigd: bool = True


def vorm_uit_definitie(r: RegelingDef) -> Vorm:
    d = r.definitie or {}
    return Vorm(
        naam=r.naam, grondslag=r.grondslag, bron=r.bron, doelgroep=d.get("doelgroep", {}),
        inkomensgrens=naar_decimal(d["inkomensgrens"]) if "inkomensgrens" in d else None,
        vermogenstoets=d.get("vermogenstoets", True), bedrag=d.get("bedrag"),
        doorverwijzen_naar=d.get("doorverwijzen_naar"), bevestigd=d.get("bevestigd", True),
    )


_VORMEN: dict[int, tuple[RegelingDef, Vorm]] = {}


def vorm_van(r: RegelingDef) -> Vorm:
    """De vorm van een declaratieve regeling, per regeling één keer gemaakt (een RegelingDef
    verandert niet; de cache houdt hem vast, zodat een hergebruikt id() niet misleidt)."""
    gevonden = _VORMEN.get(id(r))
    if gevonden is None or gevonden[0] is not r:
        if len(_VORMEN) >= 4096:
            _VORMEN.clear()
        gevonden = _VORMEN[id(r)] = (r, vorm_uit_definitie(r))
    return gevonden[1]


def beoordeel_declaratief(u, aanvraag) -> Any:
    """Beslis een declaratieve pluspakketregeling (zie de moduledocumentatie voor de vorm)."""
    return beslis(u, vorm_van(u.regeling), aanvraag)


class _Lezer:
    """Lost waarden van een vorm op: vaste waarden direct, ``Open`` via het beleid (met herkomst)."""

    def __init__(self, u, vorm: Vorm):
        self.u = u
        self.vorm = vorm

    def waarde(self, x: Any) -> Any:
        return self.u.waarde(x.naam) if isinstance(x, Open) else x

    def herkomst(self, x: Any) -> tuple[str, str]:
        """(grondslag, bron) voor een motiveringsstap over ``x``."""
        if isinstance(x, Open):
            w = self.u.ctx.beleid.waarde(x.naam)
            if w is not None:
                return w.grondslag, w.bron
        return self.vorm.grondslag, self.vorm.bron

    def band(self, b: Any) -> Optional[tuple[int, int]]:
        if b is None:
            return None
        return int(self.waarde(b[0])), int(self.waarde(b[1]))


def open_namen(x: Any) -> list[str]:
    """Alle ``Open``-verwijzingen in een (geneste) waarde, in volgorde, zonder dubbele."""
    uit: list[str] = []

    def loop(y: Any) -> None:
        if isinstance(y, Open):
            if y.naam not in uit:
                uit.append(y.naam)
        elif isinstance(y, dict):
            for v in y.values():
                loop(v)
        elif isinstance(y, (list, tuple)):
            for v in y:
                loop(v)

    loop(x)
    return uit


_OPEN_NAMEN: dict[int, tuple[Vorm, list[str]]] = {}


def _open_namen_van(vorm: Vorm) -> list[str]:
    """De open normen die ``beslis`` voor deze vorm vastgesteld wil zien, per vorm één keer
    uitgerekend (heet pad: een vorm verandert niet). De cache houdt de vorm zelf vast, zodat
    een id() niet door een ander object kan worden hergebruikt zolang de ingang bestaat."""
    gevonden = _OPEN_NAMEN.get(id(vorm))
    if gevonden is not None and gevonden[0] is vorm:
        return gevonden[1]
    namen = open_namen([vorm.inkomensgrens, vorm.kostendelersnorm if vorm.inkomensgrens is not None else None,
                        vorm.vermogenstoets, vorm.bedrag])
    if len(_OPEN_NAMEN) >= 4096:
        _OPEN_NAMEN.clear()
    _OPEN_NAMEN[id(vorm)] = (vorm, namen)
    return namen


def vereis_vastgesteld(u, namen: list[str], wat: str) -> None:
    """Gooi één ``OntbrekendeWaarde`` die alle open normen noemt die op de peildatum nog geen
    waarde hebben (regionaal noch van de gemeente)."""
    beleid = u.ctx.beleid
    waarden = beleid.waarden  # de namen komen uit een gevalideerde vorm: allemaal gedefinieerd
    ontbreekt = ontbrekend(waarden, namen)
    if not ontbreekt:
        return
    if not u.motiveer:  # de melding komt alleen in de motivering
        raise OntbrekendeWaarde(ontbreekt[0], u.ctx.peildatum)
    delen = [f"{beleid.definities[n].omschrijving.rstrip('.')} ({n})" for n in ontbreekt]
    raise OntbrekendeWaarde(
        ontbreekt[0], u.ctx.peildatum,
        f"Voor {wat} is op {datum_nl(u.ctx.peildatum)} nog niet vastgesteld: " + "; ".join(delen) + ". "
        f"De regio heeft hiervoor (nog) geen geharmoniseerde waarde met bron en {beleid.gemeente.naam} geen eigen keuze.")


def _aow(p, op: date) -> bool:
    try:
        return heeft_aow_leeftijd(p, op)
    except OnbekendeAOWLeeftijd as e:
        raise OntbrekendeWaarde("aow_leeftijd", op, str(e)) from None


def _in_band(leeftijd_: int, band: Optional[tuple[int, int]]) -> bool:
    return band is None or band[0] <= leeftijd_ <= band[1]


# --------------------------------------------------------------------------- de toetsen zelf
# Eén plek voor elke voorwaarde en berekening; de volgorde staat in ``doelgroep`` en ``beslis_vorm``,
# die de volledige regel (``beslis``, met motivering) en het kader van de batch (regels/kader.py, op
# de gecompileerde vorm) allebei aanroepen.

def buiten_huishouden(soort: str, huishoudens) -> bool:
    """Het huishouden hoort niet bij ``doelgroep.huishouden`` (None: geen eis)."""
    return huishoudens is not None and soort not in huishoudens


def andere_aow(aow: bool, gewenst: Optional[bool]) -> bool:
    """``doelgroep.aow``: de aanvrager heeft (of heeft niet) de AOW-leeftijd terwijl de regeling het omgekeerde vraagt."""
    return gewenst is not None and aow != gewenst


def zonder_kinderen(vereist: Any, kinderen) -> bool:
    """``doelgroep.kinderen``: gevraagd, maar geen kinderen in de kindband."""
    return bool(vereist) and not kinderen


def ontbrekend(waarden, namen: list[str]) -> list[str]:
    """De open normen uit ``namen`` zonder waarde op de peildatum."""
    return [n for n in namen if n not in waarden]


def verdeel_kinderen(kinderen, hun_kinderen) -> tuple[list, list]:
    """Een voorliggende voorziening per kind: (kinderen in haar doelgroep, de rest)."""
    gedekt = [k for k in kinderen if k in hun_kinderen]
    return gedekt, [k for k in kinderen if k not in gedekt]


def periode_van(bd: dict) -> str:
    return next((k for k in ("per_jaar", "per_maand", "eenmalig") if k in bd), bd.get("periode", "per_jaar"))


def vast_bedrag(vast: Decimal, per: str, aantal: int) -> Decimal:
    """Een vast bedrag per huishouden, of per persoon of kind maal het aantal."""
    return vast if per == "huishouden" else vast * aantal


def in_schijf(leeftijd_: int, band: Optional[tuple[int, int]], aow_gewenst: Optional[bool], aow_van) -> bool:
    """Past iemand van ``leeftijd_`` in een schijf van de staffel? ``aow_van()`` wordt alleen gevraagd
    als de schijf een AOW-eis heeft (en de leeftijd past)."""
    return _in_band(leeftijd_, band) and (aow_gewenst is None or aow_van() == aow_gewenst)


def begrensd(totaal: Decimal, maximum: Optional[Decimal]) -> tuple[Decimal, bool]:
    """(bedrag na het maximum per huishouden, of het maximum beet)."""
    if maximum is not None and totaal > maximum:
        return maximum, True
    return totaal, False


def kinderen_in_band(ctx, band: Optional[tuple[int, int]]) -> tuple:
    """De kinderen van het huishouden (Persoon) met een leeftijd in ``band`` op de peildatum, in
    een vaste volgorde (oudste eerst): de volgorde in de casus mag de motivering niet veranderen.
    Per casus en band één keer uitgerekend (elke regeling vraagt het opnieuw)."""
    cache = ctx.per_band
    if band in cache:
        return cache[band]
    uit = cache[band] = tuple(sorted(
        (k for k in ctx.casus.kinderen if _in_band(leeftijd(k.geboortedatum, ctx.peildatum), band)),
        key=lambda k: (k.geboortedatum, k.student, k.arbeidsvermogen)))
    return uit


def in_doelgroep(u, vorm: Vorm, stappen: bool = True) -> tuple[bool, tuple]:
    """Toets de doelgroep (``doelgroep``) in de volledige regel. Geeft (past, kinderen in de
    kindband); met ``stappen`` schrijft de toets bij een misser de reden in de motivering."""
    w = _Volledig(u, vorm)
    return doelgroep(w, w, w if stappen and u.motiveer else None)


def doelgroep(w, f, m=None) -> tuple[bool, tuple]:
    """De doelgroep: leeftijd van de aanvrager, huishouden, AOW-leeftijd, kinderen in de kindband, in
    deze volgorde (de enige plek van die volgorde). ``w``: de waarden van de vorm (``_Volledig``: lui
    uit het beleid; of ``Gecompileerd``); ``f``: de feiten van het huishouden (``_Volledig`` of
    ``kader.Huishoudfeiten``); ``m``: schrijft bij een misser de reden, of None. Geeft (past,
    kinderen in de kindband)."""
    band = w.leeftijd
    if not _in_band(f.leeftijd_aanvrager, band):
        if m is not None:
            m.mis(f"{m.vorm.naam} is voor aanvragers van {band[0]} tot en met {band[1]} jaar; de aanvrager is "
                  f"{f.leeftijd_aanvrager}.")
        return False, ()
    if buiten_huishouden(f.soort, w.huishoudens):
        if m is not None:
            m.mis(f"{m.vorm.naam} is niet bedoeld voor een huishouden van {m.h.soort_tekst}.")
        return False, ()
    if w.heeft_aow_eis:
        gewenst = w.aow
        if andere_aow(f.aow_aanvrager, gewenst):
            if m is not None:
                m.mis(f"{m.vorm.naam} is alleen voor wie de AOW-leeftijd " + ("heeft" if gewenst else "niet heeft")
                      + " bereikt.")
            return False, ()
    kband = w.kind_band
    kinderen = f.kinderen_in_band(kband)
    if zonder_kinderen(w.kinderen_eis, kinderen):
        if m is not None:
            tekst = f" van {kband[0]} tot en met {kband[1]} jaar" if kband else ""
            m.mis(f"{m.vorm.naam} is voor huishoudens met kinderen{tekst}; die zijn er niet.",
                  (m.vorm.doelgroep.get("kind_leeftijd") or [None])[0])
        return False, ()
    return True, kinderen


_NVT = ("niet_van_toepassing", None, None)
_DOORVERWEZEN = ("doorverwezen", None, None)
_AFGEWEZEN = ("afgewezen", None, None)
_TOEGEKEND = ("toegekend", None, None)


def beslis_vorm(w, f, m, aanvraag=None) -> tuple[str, Optional[Decimal], Optional[str]]:
    """De beslissing over een regeling in de declaratieve vorm, zonder tekst: (uitkomst, bedrag,
    bedrag_per). Dit is de enige plek van de volgorde en van wanneer er gestopt wordt: doelgroep;
    voorliggende voorzieningen (art. 15 lid 1 Pw: per kind de kinderen in hun doelgroep, anders het
    hele huishouden); zijn alle keuzes vastgesteld; inkomen; vermogen; doorverwijzing; bedrag.

    ``w``, ``f``, ``m``: zie ``doelgroep``. De volledige regel (``beslis``) geeft drie keer dezelfde
    ``_Volledig`` (``m`` None zonder motivering); het kader van de batch (regels/kader.py) de
    gecompileerde vorm (``Gecompileerd``), ``kader.Huishoudfeiten`` en None. ``aanvraag``: alleen
    voor werkelijke kosten (het opgegeven bedrag); het kader beslist zonder aanvraag."""
    past, kinderen = doelgroep(w, f, m)
    if not past:
        return _NVT
    for v in w.voorliggend:  # de voorliggende voorzieningen, al in volgorde (zie _Volledig.voorliggend)
        past, hun_kinderen = doelgroep(v, f)
        if not past:
            continue
        if w.per_kind:
            gedekt, rest = verdeel_kinderen(kinderen, hun_kinderen)
            if not gedekt:
                continue
            if m is not None:
                m.voorliggend_gaat_voor(v, gedekt)
            if not rest:
                return _DOORVERWEZEN
            kinderen = rest
        else:
            if m is not None:
                m.voorliggend_gaat_voor(v, None)
            return _DOORVERWEZEN
    if not w.vastgesteld:  # de volledige regel gooit OntbrekendeWaarde met alle ontbrekende normen
        return _DOORVERWEZEN
    redenen = []
    if w.heeft_inkomensgrens and not w.inkomen_binnen(f):
        redenen.append("inkomen boven de grens")
    if w.vermogenstoets:
        if not w.vermogen_binnen(f):
            redenen.append("vermogen boven de grens")
    elif m is not None:
        m.geen_vermogenstoets()
    if redenen:
        if m is not None:
            m.afgewezen(redenen)
        return _AFGEWEZEN
    if w.doorverwijzen:
        if m is not None:
            m.doorverwezen()
        return _DOORVERWEZEN
    soort = w.bedragsoort
    if soort == "geen":
        if m is not None:
            m.zonder_bedrag()
        return _TOEGEKEND
    if soort == "werkelijke_kosten":
        if aanvraag is None or aanvraag.bedrag is None:
            bedrag, beet = None, False
        else:
            bedrag, beet = werkelijke_kosten(aanvraag.bedrag, aanvraag.voorliggend, w.wk_maximum)
        if m is not None:
            m.werkelijke_kosten(aanvraag, bedrag, beet)
        return _TOEGEKEND if bedrag is None else ("toegekend", bedrag, "eenmalig")
    per = w.per
    personen = kinderen if per == "kind" else f.personen
    if soort == "vast":
        vast = w.vast
        totaal = vast_bedrag(vast, per, len(personen))
        if m is not None:
            m.vast_bedrag(vast, per, len(personen))
    else:  # staffel: per persoon de eerste schijf die past
        totaal = NUL
        for p in f.op_volgorde(personen):
            a = f.leeftijd_van(p)
            for i in range(w.aantal_schijven):
                if in_schijf(a, w.schijf_band(i), w.schijf_aow(i), lambda p=p: f.aow_van(p)):
                    bedrag = w.schijf_bedrag(i)
                    totaal += bedrag
                    if m is not None:
                        m.schijf(i, bedrag, per, a)
                    break
    if w.heeft_maximum:
        maximum = w.maximum
        totaal, beet = begrensd(totaal, maximum)
        if beet and m is not None:
            m.begrensd_op(maximum)
    totaal = cent(totaal)
    if totaal == NUL:
        if m is not None:
            m.geen_personen()
        return _NVT
    periode = w.periode
    if m is not None:
        m.toegekend(totaal, periode)
    return "toegekend", totaal, periode


def werkelijke_kosten(kosten: Decimal, voorliggend: Decimal, maximum: Optional[Decimal]) -> tuple[Decimal, bool]:
    """Werkelijke kosten: de opgegeven kosten min wat een voorliggende voorziening betaalt (niet onder
    nul), begrensd op het maximum; (bedrag op centen, of het maximum beet)."""
    bedrag = max(NUL, kosten - voorliggend)
    if maximum is not None and bedrag > maximum:
        return cent(maximum), True
    return cent(bedrag), False


def beslis(u, vorm: Vorm, aanvraag=None, *, voorliggend: bool = False):
    """Beslis een regeling in de declaratieve vorm (de volledige regel): ``beslis_vorm`` met de
    waarden lui uit het beleid, de feiten van de casus en (als er gemotiveerd wordt) de motivering.
    Met ``voorliggend`` gaan de voorliggende voorzieningen uit het pluspakket van de gemeente voor
    (art. 15 Pw)."""
    w = _Volledig(u, vorm, voorliggend=voorliggend)
    uitkomst, bedrag, per = beslis_vorm(w, w, w if u.motiveer else None, aanvraag)
    if bedrag is None:
        return u.besluit(uitkomst)
    return u.besluit(uitkomst, bedrag=bedrag, vorm="om_niet", bedrag_per=per)


def _werkelijke_kosten_tekst(vorm: Vorm, bd: dict) -> str:
    wie = {"kind": "per kind", "persoon": "per persoon", "huishouden": "per huishouden"}[bd["per"]]
    if "maximum" in bd:
        return f"{vorm.naam} vergoedt de werkelijke kosten tot ten hoogste {euro_nl(naar_decimal(bd['maximum']))}."
    return f"{vorm.naam} vergoedt de werkelijke kosten volledig; er geldt geen maximum {wie}."


def _personen(ctx) -> list:
    c = ctx.casus
    return [c.aanvrager] + ([c.partner] if c.partner else []) + list(c.kinderen)


def _persoonvolgorde(p) -> tuple:
    return p.geboortedatum, p.student, p.arbeidsvermogen


class _Volledig:
    """De volledige regel voor ``beslis_vorm`` en ``doelgroep``, in één object: de waarden van de
    vorm lui uit het beleid (``u.waarde``: een ontbrekende waarde gooit ``OntbrekendeWaarde`` op
    precies de plek waar ze nodig is, en een gebruikte waarde komt bij de gebruikte waarden), de
    feiten uit de casus (``Huishouden``), en de motiveringsstappen (``u.stap``)."""

    def __init__(self, u, vorm: Vorm, voorliggend: bool = False, regeling: Optional[RegelingDef] = None):
        self.u = u
        self.vorm = vorm
        self.lz = _Lezer(u, vorm)
        self.ctx = u.ctx
        self.h = u.ctx.huishouden
        self.regeling = regeling  # bij een voorliggende voorziening: haar regeling (voor de tekst)
        self._voorliggend = voorliggend
        dg = vorm.doelgroep
        self._dg = dg
        self.huishoudens = dg.get("huishouden")
        self.heeft_aow_eis = "aow" in dg
        self.kinderen_eis = dg.get("kinderen")
        self.per_kind = per_kind(vorm)
        self.heeft_inkomensgrens = vorm.inkomensgrens is not None
        self.doorverwijzen = bool(vorm.doorverwijzen_naar)
        bd = self._bd = vorm.bedrag
        self.bedragsoort = ("geen" if bd is None else "werkelijke_kosten" if bd.get("werkelijke_kosten")
                            else "staffel" if "staffel" in bd else "vast")
        self.heeft_maximum = bd is not None and "maximum" in bd
        self.leeftijd_aanvrager = self.h.leeftijd_aanvrager
        self.soort = self.h.soort
        self._uitleg = ""
        self._delen: list[str] = []
        self._herkomst: Optional[tuple[str, str]] = None

    # --- de waarden van de vorm (lui, in de volgorde waarin beslis_vorm ze vraagt)
    @property
    def leeftijd(self) -> Optional[tuple[int, int]]:
        return self.lz.band(self._dg.get("leeftijd"))

    @property
    def aow(self) -> Any:
        return self.lz.waarde(self._dg["aow"])

    @property
    def kind_band(self) -> Optional[tuple[int, int]]:
        return self.lz.band(self._dg.get("kind_leeftijd"))

    @property
    def voorliggend(self):
        """De voorliggende voorzieningen (alleen met ``voorliggend``): pluspakketregelingen van de
        gemeente met ``voorliggend_voor`` deze regeling, op sleutel."""
        if not self._voorliggend:
            return ()
        sleutel = self.u.regeling.sleutel
        return (_Volledig(self.u, vorm_van(r), regeling=r)
                for r in sorted(self.ctx.beleid.pluspakket, key=lambda r: r.sleutel) if is_voorliggend_voor(r, sleutel))

    @property
    def vastgesteld(self) -> bool:
        vorm = self.vorm
        vereis_vastgesteld(self.u, _open_namen_van(vorm), f"de {vorm.naam.lower()}" if vorm.bron == "kern" else vorm.naam)
        return True

    def inkomen_binnen(self, f) -> bool:
        vorm, lz = self.vorm, self.lz
        grens = lz.waarde(vorm.inkomensgrens)
        kdn = lz.waarde(vorm.kostendelersnorm)
        gr, br = lz.herkomst(vorm.inkomensgrens)
        voldoet, _ = inkomenstoets(self.u, grens, kdn, grondslag=gr, bron=br)
        return voldoet

    @property
    def vermogenstoets(self) -> Any:
        return self.lz.waarde(self.vorm.vermogenstoets)

    def vermogen_binnen(self, f) -> bool:
        return vermogenstoets(self.u)

    @property
    def wk_maximum(self) -> Optional[Decimal]:
        return naar_decimal(self._bd["maximum"]) if "maximum" in self._bd else None

    @property
    def per(self) -> str:
        return self._bd["per"]

    @property
    def periode(self) -> str:
        return periode_van(self._bd)

    def _vast_x(self) -> Any:
        bd = self._bd
        return next(bd[k] for k in ("per_jaar", "per_maand", "eenmalig") if k in bd)

    @property
    def vast(self) -> Decimal:
        return naar_decimal(self.lz.waarde(self._vast_x()))

    @property
    def aantal_schijven(self) -> int:
        return len(self._bd["staffel"])

    def schijf_band(self, i: int) -> Optional[tuple[int, int]]:
        return self.lz.band(self._bd["staffel"][i].get("leeftijd"))

    def schijf_aow(self, i: int) -> Optional[bool]:
        return self._bd["staffel"][i].get("aow")

    def schijf_bedrag(self, i: int) -> Decimal:
        return naar_decimal(self.lz.waarde(self._bd["staffel"][i]["bedrag"]))

    @property
    def maximum(self) -> Decimal:
        return naar_decimal(self.lz.waarde(self._bd["maximum"]))

    # --- de feiten van het huishouden
    @property
    def aow_aanvrager(self) -> bool:
        return _aow(self.ctx.casus.aanvrager, self.ctx.peildatum)

    def kinderen_in_band(self, band) -> tuple:
        return kinderen_in_band(self.ctx, band)

    @property
    def personen(self) -> list:
        return _personen(self.ctx)

    def op_volgorde(self, personen) -> list:
        return sorted(personen, key=_persoonvolgorde)

    def leeftijd_van(self, p) -> int:
        return leeftijd(p.geboortedatum, self.ctx.peildatum)

    def aow_van(self, p) -> bool:
        return _aow(p, self.ctx.peildatum)

    # --- de motivering (alleen aangeroepen als er gemotiveerd wordt)
    def _stap(self, tekst: str) -> None:
        self.u.stap_gedeeld(tekst, self.vorm.grondslag, self.vorm.bron)

    def mis(self, tekst: str, x: Any = None) -> None:
        self.u.stap_gedeeld(tekst, *(self.lz.herkomst(x) if x is not None else (self.vorm.grondslag, self.vorm.bron)))

    def voorliggend_gaat_voor(self, v: "_Volledig", gedekt) -> None:
        r, vorm = v.regeling, self.vorm
        via = f" De aanvraag loopt via {v.vorm.doorverwijzen_naar}." if v.vorm.doorverwijzen_naar else ""
        if gedekt is not None:
            leeftijden = ", ".join(str(leeftijd(k.geboortedatum, self.ctx.peildatum)) for k in gedekt)
            self.u.stap_gedeeld(f"Voor {len(gedekt)} kind(eren) (leeftijd {leeftijden}) is {r.naam} van de gemeente een "
                        f"voorliggende voorziening: die gaat voor op de {vorm.naam.lower()} (art. 15 lid 1 "
                        f"Participatiewet).{via}", r.grondslag, r.bron)
        else:
            self.u.stap_gedeeld(f"{r.naam} van de gemeente is een voorliggende voorziening: die gaat voor op de "
                        f"{vorm.naam.lower()} (art. 15 lid 1 Participatiewet).{via}", r.grondslag, r.bron)

    def geen_vermogenstoets(self) -> None:
        vorm = self.vorm
        if isinstance(vorm.vermogenstoets, Open) or vorm.bron != "kern":
            self.u.stap_gedeeld(f"Voor {vorm.naam} geldt geen vermogenstoets.", *self.lz.herkomst(vorm.vermogenstoets))

    def afgewezen(self, redenen: list) -> None:
        self._stap("Afgewezen: " + "; ".join(redenen) + ".")

    def doorverwezen(self) -> None:
        vorm, bd = self.vorm, self._bd
        tekst = (f"Het huishouden valt in de doelgroep van {vorm.naam}. De aanvraag loopt via "
                 f"{vorm.doorverwijzen_naar}; daarheen wordt doorverwezen.")
        if bd is not None and bd.get("werkelijke_kosten"):
            tekst += " " + _werkelijke_kosten_tekst(vorm, bd)
        self._stap(tekst)

    def zonder_bedrag(self) -> None:
        self._stap(f"Aan de voorwaarden van {self.vorm.naam} is voldaan. De hoogte van het tegoed is in de gegevens "
                   "van de gemeente nog niet bevestigd; de toekenning noemt daarom geen bedrag.")

    def werkelijke_kosten(self, aanvraag, bedrag: Optional[Decimal], beet: bool) -> None:
        tekst = f"Aan de voorwaarden van {self.vorm.naam} is voldaan. " + _werkelijke_kosten_tekst(self.vorm, self._bd)
        if bedrag is None:
            self._stap(tekst + " Het bedrag volgt uit de kosten die bij de aanvraag worden opgegeven.")
            return
        tekst += f" Opgegeven kosten {euro_nl(aanvraag.bedrag)}"
        if aanvraag.voorliggend:
            tekst += f", min {euro_nl(aanvraag.voorliggend)} uit een voorliggende voorziening"
        if beet:
            tekst += ", begrensd op het maximum"
        self._stap(tekst + f": vergoed {euro_nl(bedrag)}.")

    def vast_bedrag(self, vast: Decimal, per: str, n: int) -> None:
        self._uitleg = f"{euro_nl(vast)} per huishouden" if per == "huishouden" else f"{n} x {euro_nl(vast)} per {per}"
        self._herkomst = self.lz.herkomst(self._vast_x())

    def schijf(self, i: int, bedrag: Decimal, per: str, a: int) -> None:
        self._herkomst = self._herkomst or self.lz.herkomst(self._bd["staffel"][i]["bedrag"])
        self._delen.append(f"{euro_nl(bedrag)} ({per} van {a})")

    def _uitleg_en_herkomst(self) -> tuple[str, tuple[str, str]]:
        if self.bedragsoort == "vast":
            return self._uitleg, self._herkomst
        uitleg = " + ".join(self._delen) if self._delen else "niemand in een leeftijdsschijf"
        return uitleg + self._uitleg, self._herkomst or self.lz.herkomst(None)

    def begrensd_op(self, maximum: Decimal) -> None:
        if self.bedragsoort == "vast":
            self._uitleg += f"; begrensd op het maximum van {euro_nl(maximum)} per huishouden"
        else:
            self._uitleg = f"; begrensd op het maximum van {euro_nl(maximum)} per huishouden"

    def geen_personen(self) -> None:
        uitleg, herkomst = self._uitleg_en_herkomst()
        self.u.stap_gedeeld(f"{self.vorm.naam}: geen personen in de doelgroep van het bedrag ({uitleg}).", *herkomst)

    def toegekend(self, totaal: Decimal, periode: str) -> None:
        uitleg, herkomst = self._uitleg_en_herkomst()
        tekst = f"Aan de voorwaarden van {self.vorm.naam} is voldaan: {uitleg} = {euro_nl(totaal)}{PER_TEKST[periode]}."
        if not self.vorm.bevestigd:
            tekst += " Dit bedrag is nog te bevestigen door de gemeente."
        self.u.stap_gedeeld(tekst, *herkomst)


def per_kind(vorm: Vorm) -> bool:
    return vorm.bedrag is not None and vorm.bedrag.get("per") == "kind"


def is_voorliggend_voor(r: RegelingDef, sleutel: str) -> bool:
    """Is pluspakketregeling ``r`` een voorliggende voorziening voor regeling ``sleutel``?"""
    d = r.definitie or {}
    return bool(d.get("voorliggend")) and sleutel in d.get("voorliggend_voor", [])


# =========================================================================== gecompileerd (het kader van de batch)

class NietGedekt(Exception):
    """De vorm laat zich niet compileren (een open waarde in de doelgroep ontbreekt, ...): de volledige beslisser."""


class Gecompileerd:
    """Een vorm met de waarden van één opgelost beleid ingevuld, één keer per beleid gemaakt
    (``compileer``): banden als gehele getallen, de inkomensgrens per (huishoudsoort, AOW) in
    centen via ``toetsen.grensbedrag``, of alle open normen zijn vastgesteld, het bedrag als
    Decimal. Het kader beslist erop met ``beslis_vorm`` (dezelfde beslissing als de volledige regel),
    zonder motivering; de velden en methoden zijn die welke ``beslis_vorm`` en ``doelgroep`` lezen."""

    __slots__ = ("leeftijd", "huishoudens", "heeft_aow_eis", "aow", "kinderen_eis", "kind_band", "per_kind",
                 "voorliggend", "vastgesteld", "heeft_inkomensgrens", "grens", "vermogenstoets", "doorverwijzen",
                 "bedragsoort", "per", "periode", "vast", "schijven", "aantal_schijven", "heeft_maximum", "maximum")

    def inkomen_binnen(self, f) -> bool:
        return binnen_grens(f.netto, self.grens[(f.soort, f.aow)])

    def vermogen_binnen(self, f) -> bool:
        return binnen_grens(f.vermogen, f.vermogensgrens)

    def schijf_band(self, i: int) -> Optional[tuple[int, int]]:
        return self.schijven[i][0]

    def schijf_aow(self, i: int) -> Optional[bool]:
        return self.schijven[i][1]

    def schijf_bedrag(self, i: int) -> Decimal:
        return self.schijven[i][2]


def _opgelost(beleid, x: Any) -> Any:
    if isinstance(x, Open):
        w = beleid.waarde(x.naam)
        if w is None:
            raise NietGedekt(x.naam)
        return w.waarde
    return x


def _band_opgelost(beleid, b: Any) -> Optional[tuple[int, int]]:
    return None if b is None else (int(_opgelost(beleid, b[0])), int(_opgelost(beleid, b[1])))


def compileer(vorm: Vorm, beleid, normen: dict, voorliggend: tuple = ()) -> Gecompileerd:
    """Compileer ``vorm`` voor ``beleid``; ``normen``: (huishoudsoort, AOW) -> bijstandsnorm per maand;
    ``voorliggend``: de gecompileerde voorliggende voorzieningen (al in de volgorde van ``beslis``).
    Gooit ``NietGedekt`` als het kader deze vorm niet kan beslissen (een open waarde in de doelgroep
    of in een bedrag ontbreekt: dan beslist de volledige regel, die verwijst door)."""
    c = Gecompileerd()
    dg = vorm.doelgroep
    c.leeftijd = _band_opgelost(beleid, dg.get("leeftijd"))
    c.huishoudens = tuple(dg["huishouden"]) if "huishouden" in dg else None
    c.heeft_aow_eis = "aow" in dg
    c.aow = _opgelost(beleid, dg["aow"]) if "aow" in dg else None
    c.kinderen_eis = dg.get("kinderen")
    c.kind_band = _band_opgelost(beleid, dg.get("kind_leeftijd"))
    c.per_kind = per_kind(vorm)
    c.voorliggend = voorliggend
    c.vastgesteld = not ontbrekend(beleid.waarden, _open_namen_van(vorm))
    c.heeft_inkomensgrens = vorm.inkomensgrens is not None
    c.grens = c.vermogenstoets = c.doorverwijzen = c.bedragsoort = c.per = c.periode = c.vast = c.schijven = None
    c.aantal_schijven, c.heeft_maximum, c.maximum = 0, False, None
    if not c.vastgesteld:
        return c  # beslis_vorm verwijst door (na doelgroep en voorliggende voorzieningen)
    if vorm.inkomensgrens is not None:
        fractie = _opgelost(beleid, vorm.inkomensgrens)
        _opgelost(beleid, vorm.kostendelersnorm)  # zonder kostendelers (de wacht van het kader) dezelfde norm
        c.grens = {k: grensbedrag(n, fractie) for k, n in normen.items()}
    c.vermogenstoets = bool(_opgelost(beleid, vorm.vermogenstoets))
    c.doorverwijzen = bool(vorm.doorverwijzen_naar)
    bd = vorm.bedrag
    if bd is None:
        c.bedragsoort = "geen"
        return c
    if bd.get("werkelijke_kosten"):
        c.bedragsoort = "werkelijke_kosten"  # zonder aanvraag: toegekend zonder bedrag (geen maximum nodig)
        return c
    c.per = bd["per"]
    c.periode = periode_van(bd)
    if "maximum" in bd:
        c.heeft_maximum = True
        c.maximum = naar_decimal(_opgelost(beleid, bd["maximum"]))
    if "staffel" in bd:
        c.bedragsoort = "staffel"
        c.schijven = tuple((_band_opgelost(beleid, s.get("leeftijd")), s.get("aow"), naar_decimal(_opgelost(beleid, s["bedrag"])))
                           for s in bd["staffel"])
        c.aantal_schijven = len(c.schijven)
    else:
        c.bedragsoort = "vast"
        c.vast = naar_decimal(_opgelost(beleid, next(bd[k] for k in ("per_jaar", "per_maand", "eenmalig") if k in bd)))
    return c
