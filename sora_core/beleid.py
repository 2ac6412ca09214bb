"""Het beleid oplossen voor één gemeente op één peildatum.

``los_op(plugin, peildatum)`` geeft een ``Beleid``: voor elke parameter en open norm de
waarde die die dag geldt, met herkomst (``kern`` of de plugin), geldigheid en grondslag; de
regelingen (basispakket en pluspakket) die die dag gelden; en een vingerafdruk (sha256)
die verandert zodra het beleid verandert. Opgeloste beleiden worden bewaard (cache).

Wat-als (``zet``) vervangt voor één run een open norm; de bron wordt dan ``wat-als``.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from datetime import date
from typing import Any, Mapping, Optional

import attrs

from . import __version__
from ._hash import sha256
from .fouten import BeleidFout
from .model import GemeenteInfo
from .parameters import Definitie, Waarde, kern_definities, lees_tekstwaarde


@attrs.frozen
class Beleid:
    gemeente: GemeenteInfo
    peildatum: date
    definities: Mapping[str, Definitie]
    #: geldende waarde per naam; ontbreekt als er op de peildatum geen waarde is. Wordt na het oplossen nooit
    #: veranderd (een ander beleid, zoals wat-als, krijgt een eigen dict): de boom van gebruikte waarden
    #: (``uitleg.wortel``) en de vingerafdruk rekenen daarop
    waarden: Mapping[str, Waarde]
    #: pluspakketregelingen die op de peildatum gelden (declaratief en Python)
    pluspakket: tuple[Any, ...]
    #: open normen die de gemeente op de standaard laat maar nog moet bevestigen
    te_bevestigen: Mapping[str, str]
    vingerafdruk: str
    #: eigen kostensoorten (bijzondere bijstand) van de gemeente die op de peildatum gelden
    kostensoorten: tuple[Any, ...] = ()

    def waarde(self, naam: str) -> Optional[Waarde]:
        w = self.waarden.get(naam)  # heet pad: één opzoeking (de waarden zijn een deel van de definities)
        if w is None and naam not in self.definities:
            raise KeyError(f"onbekende parameter of open norm: {naam}")
        return w

    def standaard(self, naam: str) -> Optional[Waarde]:
        """De geharmoniseerde (kern)waarde van een open norm op de peildatum."""
        return self.definities[naam].waarde_op(self.peildatum)


def los_op(plugin, peildatum: date, zet: tuple[tuple[str, str], ...] = ()) -> Beleid:
    """Los het beleid op; ``plugin`` is een ``GeladenPlugin``. Gecachet per (plugin, datum, zet)."""
    return _los_op(plugin.naam, id(plugin), peildatum, zet, plugin)


_CACHE: dict[tuple, tuple[Any, Beleid]] = {}
_CACHE_MAX = 4096


def _los_op(naam: str, pid: int, peildatum: date, zet: tuple, plugin) -> Beleid:
    # Het opgeloste beleid verandert alleen op een datum waarop een waarde of regeling begint of
    # eindigt. Zonder wat-als (dat dateert zijn waarden op de peildatum zelf) delen alle
    # peildata tussen twee zulke grensdata dus één berekening; alleen ``peildatum`` verschilt.
    # id() kan na opruimen van een plugin-object opnieuw worden uitgedeeld: elke ingang bewaart
    # daarom het plugin-object zelf, en telt alleen als dat hetzelfde object is.
    dag = (naam, pid, peildatum, zet)
    gevonden = _CACHE.get(dag)
    if gevonden is not None and gevonden[0] is plugin:
        return gevonden[1]
    periode = None if zet else (naam, pid, "periode", bisect_right(_grensdata(plugin), peildatum))
    gevonden = _CACHE.get(periode) if periode else None
    if gevonden is None or gevonden[0] is not plugin:
        b = _bereken(plugin, peildatum, zet)
    else:
        b = gevonden[1]
        if b.peildatum != peildatum:
            b = attrs.evolve(b, peildatum=peildatum)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[dag] = (plugin, b)
    if periode and (periode not in _CACHE or _CACHE[periode][0] is not plugin):
        _CACHE[periode] = (plugin, b)
    return b


_GRENZEN: dict[tuple[str, int], tuple[Any, tuple[date, ...]]] = {}


def _grensdata(plugin) -> tuple[date, ...]:
    """Alle data waarop voor deze plugin iets in het beleid begint of (de dag na) eindigt."""
    sleutel = (plugin.naam, id(plugin))
    gevonden = _GRENZEN.get(sleutel)
    if gevonden is not None and gevonden[0] is plugin:
        return gevonden[1]
    data: set[date] = set()

    def periode(vanaf: date, tot: Optional[date]) -> None:
        data.add(vanaf)
        if tot is not None and tot < date.max:
            data.add(date.fromordinal(tot.toordinal() + 1))

    def gedateerd(x: Any) -> None:
        if hasattr(x, "geldig_vanaf") and isinstance(getattr(x, "geldig_vanaf"), date):
            periode(x.geldig_vanaf, getattr(x, "geldig_tot", None))
        elif isinstance(x, dict):
            for v in x.values():
                gedateerd(v)
        elif isinstance(x, (tuple, list)):
            for v in x:
                gedateerd(v)

    for d in kern_definities().values():
        gedateerd(d.waarden)
    # generiek: elk gedateerd object dat de plugin meedraagt (normen, regelingen, Python-regels,
    # kostensoorten, en wat er later bijkomt), zodat een nieuw soort gedateerd beleid vanzelf
    # meetelt. De test vergelijkt met een verse berekening voor willekeurige data.
    for veld in attrs.fields(type(plugin)):
        gedateerd(getattr(plugin, veld.name))
    g = tuple(sorted(data))
    if len(_GRENZEN) >= _CACHE_MAX:
        _GRENZEN.clear()
    _GRENZEN[sleutel] = (plugin, g)
    return g


def _bereken(plugin, peildatum: date, zet: tuple) -> Beleid:
    definities = kern_definities()
    waarden: dict[str, Waarde] = {}
    for naam, d in definities.items():
        w = d.waarde_op(peildatum)
        if d.open:
            for keuze in plugin.normen.get(naam, ()):
                if keuze.geldt_op(peildatum):
                    w = keuze
                    break
        if w is not None:
            waarden[naam] = w
    for naam, tekst in zet:
        d = definities.get(naam)
        if d is None or not d.open:
            raise BeleidFout(f"wat-als kan alleen een open norm zetten; {naam!r} is dat niet", "wat-als")
        waarden[naam] = Waarde(
            naam=naam, waarde=lees_tekstwaarde(d, tekst, "--zet", "wat-als"), geldig_vanaf=peildatum,
            geldig_tot=peildatum, bron="wat-als", grondslag="wat-als-berekening (geen vastgesteld beleid)",
        )
    pluspakket = tuple(r for r in plugin.regelingen if r.geldt_op(peildatum)) + tuple(
        r for _, r in sorted(plugin.python_regels.items()) if r.geldt_op(peildatum))
    te_bevestigen = {n: t for n, t in plugin.te_bevestigen.items() if waarden.get(n) is None or waarden[n].bron == "kern"}
    kostensoorten = tuple(k for k in getattr(plugin, "kostensoorten", ()) if k.geldt_op(peildatum))
    return Beleid(
        gemeente=plugin.info, peildatum=peildatum, definities=definities, waarden=waarden,
        pluspakket=pluspakket, te_bevestigen=te_bevestigen,
        vingerafdruk=_vingerafdruk(plugin.info, waarden, pluspakket, te_bevestigen, kostensoorten),
        kostensoorten=kostensoorten,
    )


def _vingerafdruk(info: GemeenteInfo, waarden: Mapping[str, Waarde], pluspakket: tuple,
                  te_bevestigen: Mapping[str, str], kostensoorten: tuple = ()) -> str:
    """sha256 over een canonieke weergave van alles wat een beslissing kan beïnvloeden."""
    inhoud = {
        "toolkit": __version__,
        "gemeente": [info.cbs_code, info.plugin, info.plugin_versie],
        "waarden": {
            n: [w.als_tekst(), w.bron, w.geldig_vanaf.isoformat(),
                w.geldig_tot.isoformat() if w.geldig_tot else None, w.grondslag]
            for n, w in sorted(waarden.items())
        },
        "pluspakket": [r.vingerafdruk_inhoud() for r in pluspakket],
        "te_bevestigen": sorted(te_bevestigen),
    }
    if kostensoorten:  # alleen als de gemeente eigen kostensoorten heeft (bestaande vingerafdrukken blijven gelijk)
        inhoud["kostensoorten"] = [k.vingerafdruk_inhoud() for k in kostensoorten]
    tekst = json.dumps(inhoud, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return "sha256:" + sha256(tekst.encode("utf-8")).hexdigest()
