"""``sora plugin controleer``: een plugin toetsen zonder een casus te beslissen.

Anders dan de lader (``sora_core.plugins.laad_plugin``), die bij de eerste fout stopt,
verzamelt deze controle **alle** bevindingen, elk in het Nederlands met bestand en regel
(of, waar geen regel bestaat, de sleutel). Wat wordt getoetst:

* hooks: namen (een verkeerd gespelde hook valt op via ``check_pending``), handtekeningen
  (argumenten die de hookspec niet kent), verplichte hooks, functies ``sora_...`` zonder
  ``@hookimpl``; daarna draaien ``sora_gemeente``, ``sora_beleid`` en ``sora_regels``;
* ``[[norm]]``: de naam is een open norm van de kern (geen vaste parameter), de waarde heeft
  het juiste type en ligt binnen het bereik, ``grondslag`` is er, data zijn geldige datums,
  ``geldig_tot`` ligt niet voor ``geldig_vanaf`` en perioden overlappen niet;
* ``[[regeling]]`` (pluspakket): de declaratieve vorm van ``sora_core.regels.declaratief``,
  met grondslag, en versies van dezelfde regeling zonder overlappende perioden;
* de CBS-code is niet al van een andere geïnstalleerde plugin, en de scenariobestanden in
  ``tests/`` zijn geldig (ze worden niet uitgevoerd; dat doet pytest).

Als laatste wordt de plugin ook echt geladen; een fout die de lader dan nog vindt, wordt
ook een bevinding. Zo zegt ``controleer`` nooit "in orde" over een plugin die niet laadt.
"""

from __future__ import annotations

import inspect
import re
import types
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Optional

import attrs
import pluggy

from . import hookspecs
from .fouten import BeleidFout, PluginFout, SoraFout
from .parameters import Definitie, kern_definities, lees_datum
from .plugins import BELEID_TABELLEN, NORM_VELDEN, _nieuwe_pm
from ._toml import tomllib

VERPLICHTE_HOOKS = ("sora_gemeente", "sora_beleid")


@attrs.frozen
class Bevinding:
    """Eén probleem in een plugin: waar (bestand en regel, of sleutel) en wat, in het Nederlands."""

    plugin: str
    bestand: str
    regel: Optional[int]
    sleutel: Optional[str]
    melding: str

    def tekst(self) -> str:
        waar = self.bestand + (f":{self.regel}" if self.regel else "")
        return f"{waar}: {self.melding}" + (f" ({self.sleutel})" if self.sleutel else "")

    def als_dict(self) -> dict:
        return {"plugin": self.plugin, "bestand": self.bestand, "regel": self.regel,
                "sleutel": self.sleutel, "melding": self.melding}


# --------------------------------------------------------------------------- regels in TOML terugvinden

_KOP = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]\]?")


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


# --------------------------------------------------------------------------- hooks

def _hookspec_namen() -> dict[str, Any]:
    return {n: getattr(hookspecs, n) for n in dir(hookspecs)
            if n.startswith(f"{hookspecs.PROJECT}_") and callable(getattr(hookspecs, n))}


def _waar(obj: Any) -> tuple[str, Optional[int]]:
    try:
        bestand = inspect.getsourcefile(obj) or "?"
        regel = inspect.getsourcelines(obj)[1]
        return bestand, regel
    except (TypeError, OSError):
        return "?", None


def controleer_hooks(naam: str, obj: Any, bevindingen: list[Bevinding]) -> dict[str, Any]:
    """Toets elke hookimplementatie apart (zodat alle fouten boven komen). Geeft de
    implementaties die in orde zijn (attribuutnaam -> functie), om daarna aan te roepen."""
    specs = _hookspec_namen()
    marker = f"{hookspecs.PROJECT}_impl"
    bestand_obj, _ = _waar(obj if inspect.ismodule(obj) else type(obj))
    gevonden: set[str] = set()
    goed: dict[str, Any] = {}
    for attr in sorted(dir(obj)):
        if attr.startswith("__"):
            continue
        try:
            f = getattr(obj, attr)
        except Exception:  # pragma: no cover - exotische objecten
            continue
        if not callable(f):
            continue
        heeft_marker = hasattr(f, marker)
        if not heeft_marker:
            if attr.startswith(f"{hookspecs.PROJECT}_") and not inspect.isclass(f):
                bestand, regel = _waar(f)
                bevindingen.append(Bevinding(naam, bestand, regel, attr,
                                             f"functie {attr} mist @hookimpl: pluggy ziet hem niet als hook "
                                             "(zet '@hookimpl' erboven; 'from sora_core import hookimpl')."))
            continue
        bestand, regel = _waar(f)
        # de hooknaam kan via specname afwijken van de functienaam
        opts = getattr(f, marker) or {}
        hooknaam = opts.get("specname") or attr
        if hooknaam not in specs:
            suggestie = _lijkt_op(hooknaam, specs)
            bevindingen.append(Bevinding(naam, bestand, regel, attr,
                                         f"onbekende hook {hooknaam!r}" + (f"; bedoelt u {suggestie!r}?" if suggestie else "")
                                         + f" Bekende hooks: {', '.join(sorted(specs))}."))
            continue
        pm = _nieuwe_pm()
        try:
            pm.register(types.SimpleNamespace(**{attr: f}), name=f"{naam}.{attr}")
            pm.check_pending()
        except pluggy.PluginValidationError as e:
            spec_args = list(inspect.signature(specs[hooknaam]).parameters)
            impl_args = [p for p in inspect.signature(f).parameters]
            bevindingen.append(Bevinding(naam, bestand, regel, attr,
                                         f"hook {hooknaam} heeft een ongeldige handtekening: argumenten "
                                         f"({', '.join(impl_args)}); toegestaan zijn alleen ({', '.join(spec_args)})"
                                         + (f"; onbekend: {', '.join(sorted(set(impl_args) - set(spec_args)))}."
                                            if set(impl_args) - set(spec_args) else f" ({_eerste_regel(str(e))}).")))
            gevonden.add(hooknaam)  # wel aanwezig, alleen fout
            continue
        gevonden.add(hooknaam)
        goed[attr] = f
    for v in VERPLICHTE_HOOKS:
        if v not in gevonden:
            bevindingen.append(Bevinding(naam, bestand_obj, None, v,
                                         f"verplichte hook {v} ontbreekt (zie docs/hooks.md)."))
    return goed


def _eerste_regel(s: str) -> str:
    return " ".join(s.split())[:200]


def _lijkt_op(naam: str, kandidaten: Iterable[str]) -> Optional[str]:
    import difflib

    m = difflib.get_close_matches(naam, list(kandidaten), n=1, cutoff=0.6)
    return m[0] if m else None


# --------------------------------------------------------------------------- beleidsbestanden

def _melding(e: BeleidFout) -> str:
    """De kale melding van een BeleidFout, zonder het voorvoegsel 'Ongeldig beleid in ... (plek): '."""
    s = str(e)
    prefix = f"Ongeldig beleid in {e.bron}" + (f" ({e.plek})" if e.plek else "") + ": "
    return s[len(prefix):] if s.startswith(prefix) else s


@attrs.define
class _Periode:
    naam: str
    vanaf: date
    tot: Optional[date]
    bestand: str
    regel: Optional[int]
    sleutel: str


def controleer_beleid(plugin: str, paden: Iterable[Path], bevindingen: list[Bevinding],
                      definities: Optional[dict[str, Definitie]] = None) -> None:
    """Toets alle ``[[norm]]``- en ``[[regeling]]``-tabellen van de beleidsbestanden."""
    definities = definities if definities is not None else kern_definities()
    perioden: dict[str, list[_Periode]] = {}
    regeling_perioden: dict[str, list[_Periode]] = {}
    kostensoort_perioden: dict[str, list[_Periode]] = {}
    for pad in paden:
        pad = Path(pad)
        bestand = str(pad)
        try:
            tekst = pad.read_text(encoding="utf-8")
        except FileNotFoundError:
            bevindingen.append(Bevinding(plugin, bestand, None, None, "beleidsbestand niet gevonden."))
            continue
        except (OSError, UnicodeDecodeError) as e:
            bevindingen.append(Bevinding(plugin, bestand, None, None, f"beleidsbestand niet leesbaar ({type(e).__name__})."))
            continue
        try:
            doc = tomllib.loads(tekst)
        except tomllib.TOMLDecodeError as e:
            m = re.search(r"line (\d+)", str(e))
            bevindingen.append(Bevinding(plugin, bestand, int(m.group(1)) if m else None, None,
                                         f"ongeldige TOML ({e})."))
            continue
        kaart = TomlKaart(tekst)

        def regel_van(k: str) -> Optional[int]:  # een kop [k] of [[k]], anders een sleutel k = ...
            return (next((nr for nr, naam, _ in kaart.koppen if naam.split(".")[0] == k), None)
                    or kaart._zoek(k, 1, len(kaart.regels)))

        for k in sorted(set(doc) - set(BELEID_TABELLEN)):
            bevindingen.append(Bevinding(plugin, bestand, regel_van(k), k,
                                         f"onbekende tabel of sleutel {k!r}; toegestaan zijn [[norm]], [[regeling]], [[kostensoort]], titel en "
                                         "toelichting."))

        def tabellen(soort: str) -> list:
            lijst = doc.get(soort, [])
            if isinstance(lijst, list):
                return lijst
            bevindingen.append(Bevinding(plugin, bestand, regel_van(soort), soort,
                                         f"'{soort}' moet een lijst van tabellen zijn: schrijf [[{soort}]]."))
            return []

        for i, n in enumerate(tabellen("norm")):
            _controleer_norm(plugin, bestand, kaart, i, n, definities, perioden, bevindingen)
        for i, r in enumerate(tabellen("regeling")):
            _controleer_regeling(plugin, bestand, kaart, i, r, definities, regeling_perioden, bevindingen)
        for i, k in enumerate(tabellen("kostensoort")):
            _controleer_kostensoort(plugin, bestand, kaart, i, k, kostensoort_perioden, bevindingen)
    for lijst in perioden.values():
        _overlap(plugin, lijst, bevindingen, "open norm")
    for lijst in regeling_perioden.values():
        _overlap(plugin, lijst, bevindingen, "regeling")
    for lijst in kostensoort_perioden.values():
        _overlap(plugin, lijst, bevindingen, "kostensoort")


def _controleer_norm(plugin: str, bestand: str, kaart: TomlKaart, i: int, n: Any,
                     definities: dict[str, Definitie], perioden: dict[str, list[_Periode]],
                     bevindingen: list[Bevinding]) -> None:
    label = f"[[norm]] {i + 1}"

    def fout(melding: str, sleutel: Optional[str] = None) -> None:
        regel = kaart.sleutel("norm", i, sleutel) if sleutel else kaart.tabel("norm", i)
        bevindingen.append(Bevinding(plugin, bestand, regel, f"{label}" + (f".{sleutel}" if sleutel else ""), melding))

    if not isinstance(n, dict):
        fout("een [[norm]] is een tabel.")
        return
    for v in sorted(set(n) - set(NORM_VELDEN)):
        fout(f"onbekend veld {v!r}; toegestaan: {', '.join(NORM_VELDEN)}.", v)
    naam = n.get("naam")
    if not naam:
        fout("'naam' ontbreekt: welke open norm vult deze tabel in?")
        return
    if naam not in definities:
        import difflib

        open_normen = [k for k, d in definities.items() if d.open]
        s = difflib.get_close_matches(str(naam), open_normen, n=1, cutoff=0.6)
        fout(f"onbekende open norm {naam!r}" + (f"; bedoelt u {s[0]!r}?" if s else "")
             + " (zie docs/open-normen.md voor alle open normen).", "naam")
        return
    d = definities[naam]
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
        for v in ("geldig_vanaf", "geldig_tot"):
            if v in n:
                fout(f"{naam}: zonder 'waarde' volgt de gemeente de regionale standaard; '{v}' heeft dan geen betekenis.", v)
        return
    try:
        d.lees(n["waarde"], label, plugin)
    except BeleidFout as e:
        fout(_melding(e) + _bereik(d), "waarde")
    vanaf = tot = None
    if "geldig_vanaf" not in n:
        fout(f"{naam}: 'geldig_vanaf' ontbreekt (vanaf welke datum geldt de waarde?).")
    else:
        try:
            vanaf = lees_datum(n["geldig_vanaf"], "geldig_vanaf", label, plugin)
        except BeleidFout as e:
            fout(_melding(e), "geldig_vanaf")
    if "geldig_tot" in n:
        try:
            tot = lees_datum(n["geldig_tot"], "geldig_tot", label, plugin)
        except BeleidFout as e:
            fout(_melding(e), "geldig_tot")
    if vanaf and tot and tot < vanaf:
        fout(f"{naam}: geldig_tot {tot} ligt voor geldig_vanaf {vanaf}.", "geldig_tot")
        return
    if vanaf:
        perioden.setdefault(naam, []).append(
            _Periode(naam, vanaf, tot, bestand, kaart.sleutel("norm", i, "geldig_vanaf"), label))


def _bereik(d: Definitie) -> str:
    delen = []
    from .docs import bereik_tekst

    if bereik_tekst(d):
        delen.append(f"toegestaan: {bereik_tekst(d)}")
    if d.eenheid:
        delen.append(f"eenheid: {d.eenheid}")
    return f" ({'; '.join(delen)})" if delen else ""


def _overlap(plugin: str, lijst: list[_Periode], bevindingen: list[Bevinding], soort: str) -> None:
    """Perioden van dezelfde naam mogen niet overlappen. Bij een open norm loopt een waarde
    zonder einde tot de volgende begint (geen overlap, zoals de lader); bij een regeling moet
    een eerdere versie een ``geldig_tot`` hebben (zoals ``regels.declaratief``)."""
    lijst = sorted(lijst, key=lambda p: p.vanaf)
    for a, b in zip(lijst, lijst[1:]):
        open_einde_overlapt = soort in ("regeling", "kostensoort") and a.tot is None
        if a.vanaf == b.vanaf or open_einde_overlapt or (a.tot is not None and a.tot >= b.vanaf):
            bevindingen.append(Bevinding(
                plugin, b.bestand, b.regel, b.sleutel,
                f"{b.naam}: de {soort} vanaf {b.vanaf} overlapt met de periode vanaf {a.vanaf}"
                + (f" tot en met {a.tot}" if a.tot else " (zonder einddatum)") + f" ({a.bestand}:{a.regel})."
                + (" Geef de eerdere versie een geldig_tot." if open_einde_overlapt else "")))


def _controleer_regeling(plugin: str, bestand: str, kaart: TomlKaart, i: int, r: Any,
                         definities: dict[str, Definitie], perioden: dict[str, list[_Periode]],
                         bevindingen: list[Bevinding]) -> None:
    from .regels.declaratief import lees_regelingen

    label = f"[[regeling]] {i + 1}"

    def fout(melding: str, sleutel: Optional[str] = None) -> None:
        regel = kaart.sleutel("regeling", i, sleutel) if sleutel else kaart.tabel("regeling", i)
        bevindingen.append(Bevinding(plugin, bestand, regel, label + (f".{sleutel}" if sleutel else ""), melding))

    if not isinstance(r, dict):
        fout("een [[regeling]] is een tabel.")
        return
    # De declaratieve lezer stopt bij de eerste fout. Om toch alles te vinden, toetst de
    # controle de delen apart: de regeling zonder doelgroep en bedrag, en dan doelgroep en
    # bedrag elk op een geldig geraamte. Zo blijft er één bron van waarheid voor de vorm.
    kern = {k: v for k, v in r.items() if k not in ("doelgroep", "bedrag")}
    sl = r.get("sleutel")
    geldig = isinstance(sl, str) and sl.startswith(f"{plugin}.") and sl[len(plugin) + 1:].replace("_", "a").isalnum()
    geraamte = {"sleutel": sl if geldig else f"{plugin}.controle", "naam": "controle", "grondslag": "controle",
                "geldig_vanaf": date(2000, 1, 1)}
    delen = [("", kern)] + [(sub, {**geraamte, sub: r[sub]}) for sub in ("doelgroep", "bedrag") if sub in r]
    d = None
    for sub, deel in delen:
        try:
            (resultaat,) = lees_regelingen(plugin, [(label, deel)], definities)
            if not sub:
                d = resultaat
        except BeleidFout as e:
            m = _melding(e).replace(f"{plugin}.controle: ", "")
            fout(m, _sleutel_in_melding(m, r) or (sub or None))
        except (TypeError, AttributeError, KeyError, ValueError) as e:  # vorm zo afwijkend dat de lezer struikelt
            fout(f"de regeling heeft niet de declaratieve vorm ({type(e).__name__}: {e}); zie docs/plugin-schrijven.md.",
                 sub or None)
    if d is not None:
        perioden.setdefault(d.sleutel, []).append(
            _Periode(d.sleutel, d.geldig_vanaf, d.geldig_tot, bestand, kaart.sleutel("regeling", i, "geldig_vanaf"), label))


def _controleer_kostensoort(plugin: str, bestand: str, kaart: TomlKaart, i: int, k: Any,
                            perioden: dict[str, list[_Periode]], bevindingen: list[Bevinding]) -> None:
    """Een eigen kostensoort voor bijzondere bijstand (``[[kostensoort]]``), getoetst door de
    lezer van de kern (``regels.kostensoorten``)."""
    from .regels.kostensoorten import lees_lokale_kostensoorten

    label = f"[[kostensoort]] {i + 1}"
    try:
        (ks,) = lees_lokale_kostensoorten(plugin, [(label, k)])
    except BeleidFout as e:
        m = _melding(e)
        veld = next((v for v in (k if isinstance(k, dict) else {}) if f"'{v}'" in m or m.startswith(f"{v} ")), None)
        bevindingen.append(Bevinding(plugin, bestand, kaart.sleutel("kostensoort", i, veld) if veld else
                                     kaart.tabel("kostensoort", i), label + (f".{veld}" if veld else ""), m))
        return
    except (TypeError, AttributeError, KeyError, ValueError) as e:
        bevindingen.append(Bevinding(plugin, bestand, kaart.tabel("kostensoort", i), label,
                                     f"de kostensoort heeft niet de verwachte vorm ({type(e).__name__}: {e})."))
        return
    perioden.setdefault(ks.sleutel, []).append(
        _Periode(ks.sleutel, ks.geldig_vanaf, ks.geldig_tot, bestand, kaart.sleutel("kostensoort", i, "geldig_vanaf"), label))


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


# --------------------------------------------------------------------------- hele plugin

def controleer_plugin(naam: str, obj: Any, definities: Optional[dict[str, Definitie]] = None,
                      bezette_codes: Optional[dict[str, str]] = None) -> list[Bevinding]:
    """Toets een plugin-object (module of instantie) volledig; geeft alle bevindingen.
    ``bezette_codes`` (CBS-code -> pluginnaam) zijn de codes van andere plugins."""
    from .plugins import _gemeente_info, laad_plugin
    from .regels.registratie import Registratie

    definities = definities if definities is not None else kern_definities()
    bevindingen: list[Bevinding] = []
    goed = controleer_hooks(naam, obj, bevindingen)
    hooks_in_orde = not bevindingen
    bestand_obj, _ = _waar(obj if inspect.ismodule(obj) else type(obj))
    pm = _nieuwe_pm()
    # alleen de goede implementaties: zo komen ook de bevindingen in het beleid boven
    pm.register(types.SimpleNamespace(**goed), name=naam)
    try:
        ruw = pm.hook.sora_gemeente()
        if pm.hook.sora_gemeente.get_hookimpls():
            info = _gemeente_info(naam, ruw)
            ander = (bezette_codes or {}).get(info.cbs_code)
            if ander and ander != naam:
                bevindingen.append(Bevinding(naam, bestand_obj, _waar(getattr(obj, "sora_gemeente", None))[1],
                                             "sora_gemeente", f"CBS-code {info.cbs_code} is al in gebruik door plugin "
                                             f"'{ander}'; elke gemeente heeft een eigen code."))
    except SoraFout as e:
        bevindingen.append(Bevinding(naam, bestand_obj, _waar(getattr(obj, "sora_gemeente", None))[1], "sora_gemeente",
                                     _kaal(e, naam)))
    except Exception as e:
        bevindingen.append(Bevinding(naam, bestand_obj, None, "sora_gemeente", f"hook faalde: {type(e).__name__}: {e}"))
    paden: list[Path] = []
    try:
        for lijst in pm.hook.sora_beleid():
            for b in lijst or []:
                paden.append(Path(b))
    except Exception as e:
        bevindingen.append(Bevinding(naam, bestand_obj, None, "sora_beleid", f"hook faalde: {type(e).__name__}: {e}"))
    if not pm.hook.sora_beleid.get_hookimpls() and bestand_obj != "?":
        # zonder werkende sora_beleid: toets het gebruikelijke beleid.toml naast de code toch
        naast = Path(bestand_obj).with_name("beleid.toml")
        if naast.is_file():
            paden.append(naast)
    controleer_beleid(naam, paden, bevindingen, definities)
    try:
        pm.hook.sora_regels(registreer=Registratie(naam, {}))
    except BeleidFout as e:
        bevindingen.append(Bevinding(naam, bestand_obj, None, "sora_regels", _melding(e)))
    except Exception as e:
        bevindingen.append(Bevinding(naam, bestand_obj, None, "sora_regels", f"hook faalde: {type(e).__name__}: {e}"))
    if not bevindingen and hooks_in_orde:
        # vangnet: wat de echte lader nog afwijst, is ook een bevinding
        try:
            laad_plugin(naam, obj, definities)
        except SoraFout as e:
            bevindingen.append(Bevinding(naam, bestand_obj, None, None, _kaal(e, naam)))
    return gesorteerd(bevindingen)


def gesorteerd(bevindingen: list[Bevinding]) -> list[Bevinding]:
    """Op bestand en regel (stabiel), zodat de uitvoer de volgorde van het bestand volgt."""
    return sorted(bevindingen, key=lambda b: (b.bestand, b.regel or 0))


def _kaal(e: SoraFout, naam: str) -> str:
    if isinstance(e, BeleidFout):
        return _melding(e)
    s = str(e)
    prefix = f"Plugin '{naam}': "
    return s[len(prefix):] if s.startswith(prefix) else s


def controleer_pad(pad: Path, naam: Optional[str] = None) -> list[Bevinding]:
    """Toets wat op ``pad`` staat: een pluginproject (map met pyproject.toml), een pakketmap
    (met ``__init__.py``) of één beleidsbestand (``.toml``, alleen de beleidsregels)."""
    from .pluginmap import entry_points_van, importeer_uit_map, zoek_project

    pad = Path(pad)
    if not pad.exists():
        return [Bevinding(naam or pad.name, str(pad), None, None, "pad bestaat niet.")]
    if pad.is_file() and pad.suffix == ".toml" and pad.name != "pyproject.toml":
        plugin = naam or _naam_uit_map(pad.parent)
        bevindingen: list[Bevinding] = []
        controleer_beleid(plugin, [pad], bevindingen)
        return gesorteerd(bevindingen)
    if pad.is_file():
        pad = pad.parent
    project = pad if (pad / "pyproject.toml").is_file() else None
    if project is not None:
        eps = entry_points_van(project)
        if not eps:
            return [Bevinding(naam or project.name, str(project / "pyproject.toml"), None, "project.entry-points.sora",
                              "geen plugin in de entry-pointgroep 'sora'; voeg toe: [project.entry-points.sora] "
                              "<naam> = \"sora_<naam>\".")]
        uit: list[Bevinding] = []
        for ep_naam, doel in sorted(eps.items()):
            try:
                obj = importeer_uit_map(project, doel)
            except PluginFout as e:
                uit.append(Bevinding(ep_naam, str(project / "pyproject.toml"), None, f"project.entry-points.sora.{ep_naam}",
                                     _kaal(e, doel.split(":")[0])))
                continue
            uit += controleer_plugin(naam or ep_naam, obj, bezette_codes=_bezette_codes(naam or ep_naam))
        return uit + controleer_scenarios(project, naam or sorted(eps)[0])
    if (pad / "__init__.py").is_file():
        try:
            obj = importeer_uit_map(pad.parent, pad.name)
        except PluginFout as e:
            return [Bevinding(naam or pad.name, str(pad / "__init__.py"), None, None, _kaal(e, pad.name))]
        return controleer_plugin(naam or _naam_uit_map(pad), obj, bezette_codes=_bezette_codes(naam or _naam_uit_map(pad)))
    gevonden = zoek_project(pad)
    if gevonden is not None:
        return controleer_pad(gevonden, naam)
    return [Bevinding(naam or pad.name, str(pad), None, None,
                      "geen plugin gevonden: geef een pluginmap (met pyproject.toml), een pakketmap of een beleid.toml.")]


def _bezette_codes(naam: str) -> dict[str, str]:
    """CBS-codes van de andere geïnstalleerde plugins."""
    from .plugins import register

    return {p.info.cbs_code: p.naam for p in register().plugins.values() if p.naam != naam}


def controleer_scenarios(project: Path, plugin: str) -> list[Bevinding]:
    """Zijn de scenariobestanden in ``tests/`` geldig? (Ze worden hier niet uitgevoerd.)"""
    from .scenario import ScenarioFout, lees_scenario

    uit = []
    for pad in sorted((project / "tests").glob("scenario_*.toml")):
        try:
            lees_scenario(pad)
        except ScenarioFout as e:
            uit += [Bevinding(plugin, str(pad), None, None, f"ongeldig scenario: {m}.") for m in e.meldingen]
    return uit


def _naam_uit_map(map_: Path) -> str:
    n = map_.resolve().name
    return n[len("sora_"):] if n.startswith("sora_") else n


def controleer_alle() -> dict[str, list[Bevinding]]:
    """Toets alle geïnstalleerde plugins (de zes van de regio en de entry points)."""
    from .plugins import INGEBOUWD, _kandidaten

    uit: dict[str, list[Bevinding]] = {}
    for naam, laad in _kandidaten():
        try:
            obj = laad()
        except ModuleNotFoundError as e:
            if naam in INGEBOUWD and e.name == INGEBOUWD[naam]:
                continue
            uit[naam] = [Bevinding(naam, "?", None, None, f"kan niet worden geïmporteerd: {e}")]
            continue
        except Exception as e:
            uit[naam] = [Bevinding(naam, "?", None, None, f"kan niet worden geïmporteerd: {type(e).__name__}: {e}")]
            continue
        uit[naam] = controleer_plugin(naam, obj, bezette_codes=_bezette_codes(naam))
    return uit
