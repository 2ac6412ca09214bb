"""Eén toets voor ``beleid.toml``: de lader en ``sora plugin controleer`` gebruiken dezelfde.

``toets_beleid`` leest de beleidsbestanden van een plugin en verzamelt **alle** bevindingen,
elk met bestand, regel en een Nederlandse melding die zegt hoe het goed moet. De lader
(``plugins.laad_plugin``) weigert de plugin bij de eerste bevinding van ernst ``fout`` (en
noemt hoeveel er nog zijn); ``sora plugin controleer`` toont ze allemaal. Een
``waarschuwing`` (een grondslag zonder regeling of artikel, een ontbrekende ``bron``) houdt
het laden niet tegen.

Wat wordt getoetst:

* de tabellen van het bestand (``[[norm]]``, ``[[regeling]]``, ``[[kostensoort]]``, ``titel``,
  ``toelichting``) en dat elk van de eerste drie een lijst van tabellen is;
* ``[[norm]]``: de naam is een open norm van de kern (geen vaste parameter), de waarde heeft
  het juiste type en ligt binnen het bereik, ``grondslag`` is er, data zijn geldige datums,
  ``geldig_tot`` ligt niet voor ``geldig_vanaf`` en perioden overlappen niet;
* ``[[regeling]]``: de declaratieve vorm van ``sora_core.regels.declaratief``;
* ``[[kostensoort]]``: de vorm van ``sora_core.regels.kostensoorten``.

Snel voor een goed bestand: regelnummers worden pas opgezocht (het bestand als tekst gelezen)
als er iets te melden is, en de regelingen worden in één keer gelezen, zoals de lader altijd
deed; alleen als daar een fout in zit, wordt elke regeling apart getoetst om alles te vinden.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterable, Optional

import attrs

from .fouten import BeleidFout
from .lui import Patroon
from .parameters import WAARDE_VELDEN, Definitie, Waarde, gedateerde_waarde, kern_definities, laad_toml, lees_datum

#: de velden van een ``[[norm]]`` en de tabellen van een ``beleid.toml``
NORM_VELDEN = ("naam",) + WAARDE_VELDEN
BELEID_TABELLEN = ("norm", "regeling", "kostensoort", "titel", "toelichting")
FOUT, WAARSCHUWING = "fout", "waarschuwing"


@attrs.frozen
class Bevinding:
    """Eén probleem in een plugin: waar (bestand en regel, of sleutel) en wat, in het Nederlands.
    ``ernst`` is ``fout`` (de plugin laadt niet) of ``waarschuwing`` (laadt wel)."""

    plugin: str
    bestand: str
    regel: Optional[int]
    sleutel: Optional[str]
    melding: str
    ernst: str = FOUT

    def tekst(self) -> str:
        waar = self.bestand + (f":{self.regel}" if self.regel else "")
        return (f"{waar}: " + ("waarschuwing: " if self.ernst == WAARSCHUWING else "") + self.melding
                + (f" ({self.sleutel})" if self.sleutel else ""))

    def regels(self) -> list[str]:
        """``tekst`` voor de terminal: gevouwen op 100 kolommen, de plek (bestand:regel) altijd heel
        op de eerste regel (editors springen erheen); een lange plek op een eigen regel."""
        from .analyse.tabel import vouw

        waar = self.bestand + (f":{self.regel}" if self.regel else "") + ":"
        rest = self.tekst()[len(waar) + 1:]
        if len(waar) <= 60:
            return vouw(f"{waar} {rest}", verder="    ")
        return [waar] + vouw(rest, inspring="    ", verder="")

    def als_dict(self) -> dict:
        return {"plugin": self.plugin, "bestand": self.bestand, "regel": self.regel,
                "sleutel": self.sleutel, "melding": self.melding, "ernst": self.ernst}


def fouten(bevindingen: Iterable[Bevinding]) -> list[Bevinding]:
    return [b for b in bevindingen if b.ernst == FOUT]


def kale_melding(e: BeleidFout) -> str:
    """De kale melding van een BeleidFout, zonder het voorvoegsel 'Ongeldig beleid in ... (plek): '."""
    s = str(e)
    prefix = f"Ongeldig beleid in {e.bron}" + (f" ({e.plek})" if e.plek else "") + ": "
    return s[len(prefix):] if s.startswith(prefix) else s


# --------------------------------------------------------------------------- regels in TOML terugvinden

_KOP = Patroon(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]\]?")


class TomlKaart:
    """Vindt de regel van een tabel (``[[norm]]`` nummer i) en van een sleutel daarin terug in
    de TOML-tekst. tomllib geeft geen regelnummers; de koppen en sleutels zijn wel eenduidig
    in de tekst te vinden (meerregelige teksten tussen drie aanhalingstekens worden overgeslagen)."""

    def __init__(self, tekst: str):
        self.regels = tekst.splitlines()
        self.koppen: list[tuple[int, str, bool]] = []  # (regelnummer, naam, is_array)
        in_tekst = False
        for nr, r in enumerate(self.regels, 1):
            if not in_tekst:
                m = _KOP.match(r)
                if m:
                    self.koppen.append((nr, m.group(2), m.group(1) == "[["))
            if (r.count('"""') + r.count("'''")) % 2 == 1:
                in_tekst = not in_tekst

    def tabel(self, soort: str, index: int) -> Optional[int]:
        """Regel van de ``index``-de (vanaf 0) ``[[soort]]``."""
        n = [nr for nr, naam, arr in self.koppen if arr and naam == soort]
        return n[index] if 0 <= index < len(n) else None

    def _einde(self, start: int, soort: str) -> int:
        for nr, naam, _arr in self.koppen:
            if nr > start and not naam.startswith(soort + "."):
                return nr - 1
        return len(self.regels)

    def sleutel(self, soort: str, index: int, sleutel: str) -> Optional[int]:
        """Regel van ``sleutel`` (mag een pad zijn: ``doelgroep.leeftijd``) in de ``index``-de
        ``[[soort]]``; anders de regel van de tabel zelf."""
        start = self.tabel(soort, index)
        if start is None:
            return None
        einde = self._einde(start, soort)
        delen = sleutel.split(".")
        # [soort.doelgroep] + leeftijd = ...
        if len(delen) > 1:
            sub = f"{soort}.{'.'.join(delen[:-1])}"
            for nr, naam, _arr in self.koppen:
                if start < nr <= einde and naam == sub:
                    r = self._zoek(delen[-1], nr + 1, self._einde_sub(nr, einde))
                    if r:
                        return r
        for kandidaat in (delen[0], delen[-1]):
            r = self._zoek(kandidaat, start + 1, einde)
            if r:
                return r
        for nr, naam, _arr in self.koppen:  # een subtabel: [soort.bedrag]
            if start < nr <= einde and naam == f"{soort}.{sleutel}":
                return nr
        return start

    def _einde_sub(self, start: int, max_: int) -> int:
        for nr, _naam, _arr in self.koppen:
            if start < nr <= max_:
                return nr - 1
        return max_

    def _zoek(self, sleutel: str, van: int, tot: int) -> Optional[int]:
        patroon = re.compile(rf"^\s*{re.escape(sleutel)}\s*=")
        for nr in range(van, tot + 1):
            if patroon.match(self.regels[nr - 1]):
                return nr
        return None


# --------------------------------------------------------------------------- de toets

#: woorden waaraan een grondslag te herkennen is: een regeling (verordening, beleidsregel,
#: besluit, wet, vindplaats als gemeenteblad of CVDR) of een artikel
_INSTRUMENT = Patroon(
    r"verordening|beleidsregel|besluit|regeling|reglement|wet\b|wet[ ,;)]|participatiewet|gemeenteblad|gmb-|cvdr|bgr-"
    r"|\bart\.|\bartikel|\blid \d|beleidsplan|beleidskader|actieagenda|raad|college", re.IGNORECASE)


def grondslag_zonder_regeling(grondslag: str) -> bool:
    """Noemt deze grondslag geen regeling en geen artikel ('x', 'zie boven')?"""
    return not _INSTRUMENT.search(grondslag)


@attrs.define
class Beleid:
    """Wat ``toets_beleid`` uit de bestanden las, en wat er niet in orde is."""

    plugin: str
    #: per open norm de gedateerde waarden (ongesorteerd; alleen de goede)
    normen: dict[str, list[Waarde]] = attrs.Factory(dict)
    te_bevestigen: dict[str, str] = attrs.Factory(dict)
    #: (plek, tabel) per [[regeling]] en [[kostensoort]], zoals de lezers van de kern ze willen
    regelingen_ruw: list[tuple[str, Any]] = attrs.Factory(list)
    kostensoorten_ruw: list[tuple[str, Any]] = attrs.Factory(list)
    #: de gelezen regelingen (``RegelingDef``) en kostensoorten, als ze allemaal in orde zijn
    regelingen: tuple[Any, ...] = ()
    kostensoorten: tuple[Any, ...] = ()
    bevindingen: list[Bevinding] = attrs.Factory(list)

    @property
    def fouten(self) -> list[Bevinding]:
        return fouten(self.bevindingen)

    def als_beleidfout(self) -> BeleidFout:
        """De eerste fout als ``BeleidFout`` (voor de lader), met het aantal andere."""
        f = self.fouten
        eerste = f[0]
        plek = Path(eerste.bestand).name + (f" {eerste.sleutel}" if eerste.sleutel else "") + (
            f", regel {eerste.regel}" if eerste.regel else "")
        rest = len(f) - 1
        melding = eerste.melding.rstrip(".") + (
            f" (en nog {rest} fout{'en' if rest > 1 else ''}: 'sora plugin controleer' noemt ze allemaal)" if rest else "")
        return BeleidFout(melding, self.plugin, plek)


class _Bestand:
    """Eén beleidsbestand: pad, inhoud en (pas als er iets te melden is) de regelkaart."""

    def __init__(self, toets: "_Toets", pad: Path, bestand: str):
        self.toets, self.pad, self.bestand = toets, pad, bestand
        self._kaart: Optional[TomlKaart] = None

    @property
    def kaart(self) -> TomlKaart:
        if self._kaart is None:
            try:
                self._kaart = TomlKaart(self.pad.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                self._kaart = TomlKaart("")
        return self._kaart

    def meld(self, soort: Optional[str], i: Optional[int], sleutel: Optional[str], melding: str,
             ernst: str = FOUT, regel: Optional[int] = None) -> None:
        if regel is None and soort is not None and i is not None:
            regel = self.kaart.sleutel(soort, i, sleutel) if sleutel else self.kaart.tabel(soort, i)
        label = f"[[{soort}]] {i + 1}" if soort is not None and i is not None else None
        volledig = ".".join(x for x in (label, sleutel) if x) or None
        self.toets.uit.bevindingen.append(Bevinding(self.toets.plugin, self.bestand, regel, volledig, melding, ernst))

    def regel_van(self, k: str) -> Optional[int]:  # een kop [k] of [[k]], anders een sleutel k = ...
        kaart = self.kaart
        return (next((nr for nr, naam, _ in kaart.koppen if naam.split(".")[0] == k), None)
                or kaart._zoek(k, 1, len(kaart.regels)))


@attrs.define
class _Periode:
    naam: str
    vanaf: date
    tot: Optional[date]
    bestand: _Bestand
    soort: str
    index: int

    @property
    def regel(self) -> Optional[int]:
        return self.bestand.kaart.sleutel(self.soort, self.index, "geldig_vanaf")


class _Toets:
    def __init__(self, plugin: str, definities: dict[str, Definitie]):
        self.plugin = plugin
        self.definities = definities
        self.uit = Beleid(plugin)
        self.perioden: dict[str, dict[str, list[_Periode]]] = {"norm": {}, "regeling": {}, "kostensoort": {}}
        self.regeling_bron: list[tuple[_Bestand, int, Any]] = []
        self.kostensoort_bron: list[tuple[_Bestand, int, Any]] = []


def toets_beleid(plugin: str, paden: Iterable[Path], definities: Optional[dict[str, Definitie]] = None,
                 *, volledig_pad: bool = True) -> Beleid:
    """Lees en toets de beleidsbestanden van een plugin; geeft het gelezen beleid met alle
    bevindingen. ``volledig_pad``: noem bestanden met hun hele pad (controle) of alleen met hun
    naam (lader)."""
    definities = definities if definities is not None else kern_definities()
    t = _Toets(plugin, definities)
    for pad in paden:
        pad = Path(pad)
        b = _Bestand(t, pad, str(pad) if volledig_pad else pad.name)
        try:
            doc = laad_toml(pad, plugin)
        except BeleidFout as e:
            m = re.search(r"op regel (\d+)", str(e))
            t.uit.bevindingen.append(Bevinding(plugin, b.bestand, int(m.group(1)) if m else None, None,
                                               kale_melding(e) + "."))
            continue
        for k in sorted(set(doc) - set(BELEID_TABELLEN)):
            b.meld(None, None, k, f"onbekende tabel of sleutel {k!r}; toegestaan zijn [[norm]], [[regeling]], "
                                  "[[kostensoort]], titel en toelichting.", regel=b.regel_van(k))
        for soort in ("norm", "regeling", "kostensoort"):
            lijst = doc.get(soort, [])
            if not isinstance(lijst, list) or not all(isinstance(x, dict) for x in lijst):
                b.meld(None, None, soort, f"'{soort}' moet een lijst van tabellen zijn: schrijf [[{soort}]].",
                       regel=b.regel_van(soort))
                continue
            for i, tabel in enumerate(lijst):
                if soort == "norm":
                    _norm(t, b, i, tabel)
                elif soort == "regeling":
                    t.uit.regelingen_ruw.append((f"{pad.name} [[regeling]] {i + 1}", tabel))
                    t.regeling_bron.append((b, i, tabel))
                else:
                    t.uit.kostensoorten_ruw.append((f"{pad.name} [[kostensoort]] {i + 1}", tabel))
                    t.kostensoort_bron.append((b, i, tabel))
    _regelingen(t)
    _kostensoorten(t)
    for soort, per_naam in t.perioden.items():
        for lijst in per_naam.values():
            _overlap(t, lijst, soort)
    return t.uit


def _bereik(d: Definitie) -> str:
    from .docs import bereik_tekst

    delen = []
    if bereik_tekst(d):
        delen.append(f"toegestaan: {bereik_tekst(d)}")
    if d.eenheid:
        delen.append(f"eenheid: {d.eenheid}")
    return f" ({'; '.join(delen)})" if delen else ""


def waarschuw_herkomst(b: _Bestand, soort: str, i: int, naam: str, tabel: dict) -> None:
    """Een grondslag zonder regeling of artikel en een ontbrekende bron: waarschuwingen (de
    checklist in docs/plugin-schrijven.md vraagt beide; laden gaat wel door)."""
    g = tabel.get("grondslag")
    if isinstance(g, str) and g.strip() and grondslag_zonder_regeling(g):
        b.meld(soort, i, "grondslag", f"{naam}: grondslag {g!r} noemt geen regeling en geen artikel; schrijf "
                                      "bijvoorbeeld \"Verordening individuele inkomenstoeslag <gemeente> 2025, art. 3\".",
               WAARSCHUWING)
    if "bron" not in tabel:
        b.meld(soort, i, None, f"{naam}: 'bron' ontbreekt; noem de vindplaats (CVDR-nummer, gemeenteblad of URL).",
               WAARSCHUWING)


def _norm(t: _Toets, b: _Bestand, i: int, n: dict) -> None:
    aantal = len(t.uit.bevindingen)

    def fout(melding: str, sleutel: Optional[str] = None) -> None:
        b.meld("norm", i, sleutel, melding)

    for v in sorted(set(n) - set(NORM_VELDEN)):
        fout(f"onbekend veld {v!r}; toegestaan: {', '.join(NORM_VELDEN)}.", v)
    naam = n.get("naam")
    if naam is None or naam == "":
        fout("'naam' ontbreekt: welke open norm vult deze tabel in?")
        return
    if not isinstance(naam, str) or naam not in t.definities:
        import difflib

        open_normen = [k for k, d in t.definities.items() if d.open]
        s = difflib.get_close_matches(str(naam), open_normen, n=1, cutoff=0.6)
        fout(f"onbekende open norm {naam!r}" + (f"; bedoelt u {s[0]!r}?" if s else "")
             + " (zie docs/open-normen.md, of 'sora plugin normen GEMEENTE').", "naam")
        return
    d = t.definities[naam]
    if not d.open:
        fout(f"{naam} is een geharmoniseerde parameter van de kern, geen open norm; een gemeente kan die niet "
             "vervangen.", "naam")
        return
    grondslag = n.get("grondslag")
    if not isinstance(grondslag, str) or not grondslag.strip():
        fout(f"{naam}: 'grondslag' ontbreekt; noem de verordening of beleidsregel (met artikel).",
             "grondslag" if "grondslag" in n else None)
    for v in ("bron", "toelichting"):
        if v in n and not isinstance(n[v], str):
            fout(f"{naam}: '{v}' moet tekst zijn.", v)
    if "bevestigd" in n and not isinstance(n["bevestigd"], bool):
        fout(f"{naam}: 'bevestigd' is true of false.", "bevestigd")
    if "waarde" not in n:
        gedateerd = [v for v in ("geldig_vanaf", "geldig_tot", "bevestigd") if v in n]
        if gedateerd:
            fout(f"{naam}: 'waarde' ontbreekt maar {', '.join(gedateerd)} staat er wel; een [[norm]] zonder waarde "
                 "betekent 'volgt de regionale standaard' en heeft geen eigen periode. Vul de waarde in, of haal "
                 f"{', '.join(gedateerd)} weg.", gedateerd[0])
        if len(t.uit.bevindingen) == aantal:
            t.uit.te_bevestigen[naam] = n.get("toelichting") or grondslag
        return
    from .parameters import ZWEVEND_MELDING

    if isinstance(n["waarde"], float):
        fout(f"{naam}: {ZWEVEND_MELDING.format(n['waarde'])}", "waarde")
    else:
        try:
            d.lees(n["waarde"], "", t.plugin)
        except BeleidFout as e:
            fout(kale_melding(e) + _bereik(d) + ".", "waarde")
    vanaf = tot = None
    if "geldig_vanaf" not in n:
        fout(f"{naam}: 'geldig_vanaf' ontbreekt (vanaf welke datum geldt de waarde?).")
    else:
        try:
            vanaf = lees_datum(n["geldig_vanaf"], "geldig_vanaf", "", t.plugin)
        except BeleidFout as e:
            fout(f"{naam}: {kale_melding(e)}.", "geldig_vanaf")
    if "geldig_tot" in n:
        try:
            tot = lees_datum(n["geldig_tot"], "geldig_tot", "", t.plugin)
        except BeleidFout as e:
            fout(f"{naam}: {kale_melding(e)}.", "geldig_tot")
    if vanaf and tot and tot < vanaf:
        fout(f"{naam}: geldig_tot {tot} ligt voor geldig_vanaf {vanaf}.", "geldig_tot")
        return
    if len(t.uit.bevindingen) == aantal:
        plek = f"{b.pad.name} [[norm]] {i + 1}"
        t.uit.normen.setdefault(naam, []).append(gedateerde_waarde(d, n, t.plugin, plek, grondslag))
        waarschuw_herkomst(b, "norm", i, naam, n)
    if vanaf:
        t.perioden["norm"].setdefault(naam, []).append(_Periode(naam, vanaf, tot, b, "norm", i))


def _overlap(t: _Toets, lijst: list[_Periode], soort: str) -> None:
    """Perioden van dezelfde naam mogen niet overlappen. Bij een open norm loopt een waarde
    zonder einde tot de volgende begint (geen overlap); bij een regeling of kostensoort moet een
    eerdere versie een ``geldig_tot`` hebben. De melding noemt beide en zegt wat te doen."""
    wat = {"norm": "open norm", "regeling": "regeling", "kostensoort": "kostensoort"}[soort]
    lijst = sorted(lijst, key=lambda p: p.vanaf)
    for a, b in zip(lijst, lijst[1:]):
        open_einde = soort != "norm" and a.tot is None
        if not (a.vanaf == b.vanaf or open_einde or (a.tot is not None and a.tot >= b.vanaf)):
            continue
        eerste = f"de periode vanaf {a.vanaf}" + (f" tot en met {a.tot}" if a.tot else " (zonder einddatum)")
        waar_a = f"{a.bestand.bestand}:{a.regel}"
        if a.vanaf == b.vanaf:
            raad = (f" Beide beginnen op {a.vanaf}: verwijder er één, of geef de eerste een geldig_tot en de "
                    "tweede een latere geldig_vanaf.")
        else:
            raad = (f" Geef die eerste een geldig_tot vóór {b.vanaf}, bijvoorbeeld "
                    f"geldig_tot = {b.vanaf - timedelta(days=1)}.")
        b.bestand.meld(soort, b.index, "geldig_vanaf",
                       f"{b.naam}: de {wat} vanaf {b.vanaf} overlapt met {eerste} in {waar_a}.{raad}",
                       regel=b.regel)


def _kostensoorten(t: _Toets) -> None:
    """Zoals de regelingen: eerst alle in één keer; bij een fout elke kostensoort apart."""
    from .regels.kostensoorten import lees_lokale_kostensoorten

    if not t.kostensoort_bron:
        return
    try:
        t.uit.kostensoorten = lees_lokale_kostensoorten(t.plugin, t.uit.kostensoorten_ruw)
        return
    except Exception as e:  # noqa: BLE001 - hieronder per kostensoort uitgezocht
        snel: Exception = e
    aantal = len(t.uit.bevindingen)
    for b, i, k in t.kostensoort_bron:
        _kostensoort(t, b, i, k)
    for lijst in t.perioden["kostensoort"].values():
        _overlap(t, lijst, "kostensoort")
    t.perioden["kostensoort"].clear()
    if len(t.uit.bevindingen) == aantal:
        b, i, _k = t.kostensoort_bron[0]
        b.meld("kostensoort", i, None, kale_melding(snel) if isinstance(snel, BeleidFout) else f"{type(snel).__name__}: {snel}")


def _kostensoort(t: _Toets, b: _Bestand, i: int, k: dict) -> None:
    """Een eigen kostensoort voor bijzondere bijstand, getoetst door de lezer van de kern."""
    from .regels.kostensoorten import lees_lokale_kostensoorten

    try:
        (ks,) = lees_lokale_kostensoorten(t.plugin, [(f"[[kostensoort]] {i + 1}", k)])
    except BeleidFout as e:
        m = kale_melding(e)
        veld = next((v for v in k if f"'{v}'" in m or m.startswith(f"{v} ")), None)
        b.meld("kostensoort", i, veld, m)
        return
    except (TypeError, AttributeError, KeyError, ValueError) as e:
        b.meld("kostensoort", i, None, f"de kostensoort heeft niet de verwachte vorm ({type(e).__name__}: {e}).")
        return
    t.perioden["kostensoort"].setdefault(ks.sleutel, []).append(
        _Periode(ks.sleutel, ks.geldig_vanaf, ks.geldig_tot, b, "kostensoort", i))


def _regelingen(t: _Toets) -> None:
    """Alle regelingen in één keer lezen (het snelle pad van de lader); bij een fout elke
    regeling apart, en in delen, om alle fouten met hun regel te vinden."""
    from .regels.declaratief import lees_regelingen

    if not t.regeling_bron:
        return
    try:
        t.uit.regelingen = lees_regelingen(t.plugin, t.uit.regelingen_ruw, t.definities)
    except Exception as e:  # noqa: BLE001 - hieronder per regeling uitgezocht
        snel: Optional[Exception] = e
    else:
        for b, i, r in t.regeling_bron:
            waarschuw_herkomst(b, "regeling", i, r.get("sleutel", f"[[regeling]] {i + 1}"), r)
        return
    aantal = len(t.uit.bevindingen)
    for b, i, r in t.regeling_bron:
        _regeling(t, b, i, r)
    for lijst in t.perioden["regeling"].values():
        _overlap(t, lijst, "regeling")
    t.perioden["regeling"].clear()
    if len(t.uit.bevindingen) == aantal:  # vangnet: wat de lezer vond, is altijd een bevinding
        b, i, _r = t.regeling_bron[0]
        m = kale_melding(snel) if isinstance(snel, BeleidFout) else f"{type(snel).__name__}: {snel}"
        b.meld("regeling", i, None, m)


def _regeling(t: _Toets, b: _Bestand, i: int, r: dict) -> None:
    from .regels.declaratief import lees_regelingen

    plugin = t.plugin
    label = f"[[regeling]] {i + 1}"

    def fout(melding: str, sleutel: Optional[str] = None) -> None:
        b.meld("regeling", i, sleutel, melding)

    # De declaratieve lezer stopt bij de eerste fout. Om toch alles te vinden, worden de delen
    # apart getoetst: de regeling zonder doelgroep en bedrag, en dan doelgroep en bedrag elk op
    # een geldig geraamte. Zo blijft de lezer de enige bron van waarheid voor de vorm.
    kern = {k: v for k, v in r.items() if k not in ("doelgroep", "bedrag")}
    sl = r.get("sleutel")
    geldig = isinstance(sl, str) and sl.startswith(f"{plugin}.") and sl[len(plugin) + 1:].replace("_", "a").isalnum()
    geraamte = {"sleutel": sl if geldig else f"{plugin}.controle", "naam": "controle", "grondslag": "controle",
                "geldig_vanaf": date(2000, 1, 1)}
    delen = [("", kern)] + [(sub, {**geraamte, sub: r[sub]}) for sub in ("doelgroep", "bedrag") if sub in r]
    d = None
    goed = True
    for sub, deel in delen:
        try:
            (resultaat,) = lees_regelingen(plugin, [(label, deel)], t.definities)
            if not sub:
                d = resultaat
        except BeleidFout as e:
            goed = False
            m = kale_melding(e).replace(f"{plugin}.controle: ", "")
            fout(m, _sleutel_in_melding(m, r) or (sub or None))
        except (TypeError, AttributeError, KeyError, ValueError) as e:  # vorm zo afwijkend dat de lezer struikelt
            goed = False
            fout(f"de regeling heeft niet de declaratieve vorm ({type(e).__name__}: {e}); zie docs/plugin-schrijven.md.",
                 sub or None)
    if d is not None:
        if goed:
            waarschuw_herkomst(b, "regeling", i, d.sleutel, r)
        t.perioden["regeling"].setdefault(d.sleutel, []).append(
            _Periode(d.sleutel, d.geldig_vanaf, d.geldig_tot, b, "regeling", i))


def _sleutel_in_melding(melding: str, r: dict) -> Optional[str]:
    """Zoek het veld waar een melding van de declaratieve lezer over gaat (voor het regelnummer):
    eerst een genoemde waarde, dan een genoemd veldpad, dan een genoemde veldnaam."""
    sl = r.get("sleutel")
    kaal = melding[len(sl) + 2:] if isinstance(sl, str) and melding.startswith(f"{sl}: ") else melding
    subs = [s for s in ("bedrag", "doelgroep") if isinstance(r.get(s), dict)]

    def genoemd(k: str) -> bool:
        return f"'{k}'" in kaal or kaal.startswith(f"{k} ") or f" {k} " in f" {kaal} "

    for sub in subs:
        for k, v in r[sub].items():
            if isinstance(v, (str, list)) and repr(v) in kaal:
                return f"{sub}.{k}"
    for sub in subs:
        for k in r[sub]:
            if f"{sub}.{k}" in kaal:
                return f"{sub}.{k}"
    for k in r:
        if k not in ("bedrag", "doelgroep") and genoemd(k):
            return k
    for sub in subs:
        for k in r[sub]:
            if genoemd(k):
                return f"{sub}.{k}"
    for sub in subs:
        if sub in kaal:
            return sub
    return None
