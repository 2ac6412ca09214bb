"""De TOML-lezer op één plek: ``tomllib`` (Python 3.11+) of anders ``tomli`` (dezelfde API; een
afhankelijkheid in pyproject.toml alleen voor Python < 3.11).

``lees_beleid(data)`` leest de bytes van een beleidsbestand (de kern in ``sora_core/data/`` en de
``beleid.toml`` van een plugin) precies als ``tomllib.load``, maar bewaart het resultaat in een
cache buiten het project: ``$XDG_CACHE_HOME/sora`` (anders ``~/.cache/sora``). Een koude start
(``sora beoordeel``) hoeft de twaalf bestanden dan niet opnieuw te parsen (zo'n 15 ms).

* Een ingang geldt alleen voor precies dezelfde bytes: hij bewaart de bytes van het bestand en
  wordt pas gebruikt als die byte voor byte gelijk zijn (de sleutel is een sha256 van de bytes,
  de Python-versie en de TOML-lezer). Verandert één teken, dan wordt opnieuw geparsed.
* Alleen beleid, nooit een casus: de casuslezer (invoer.py) en scenario's gebruiken deze cache
  niet (een casus kan persoonsgegevens bevatten).
* Nooit in het project of de werkmap; niet te schrijven (geen HOME, alleen-lezen) of
  ``SORA_GEEN_CACHE`` gezet: dan gewoon parsen. Een kapotte of onverwachte ingang telt als
  afwezig. Hoogstens ``_MAX_INGANGEN`` bestanden; de oudste gaan eruit.
* Geladen met een beperkte unpickler die alleen de datumtypen van TOML toelaat (geen code).

``tomllib`` zelf wordt pas geladen als er echt geparsed wordt (``from ._toml import tomllib`` of
``_toml.tomllib``): met een volle cache hoeft een koude start de parser niet te laden (zo'n 4 ms).
"""

from __future__ import annotations

import os
import sys

__all__ = ["tomllib", "lees_beleid", "cache_map"]


def __getattr__(naam: str):
    if naam == "tomllib":
        return _lezer()
    raise AttributeError(f"module {__name__!r} heeft geen attribuut {naam!r}")


def _lezer():
    try:
        import tomllib as lezer
    except ModuleNotFoundError:  # pragma: no cover - Python < 3.11
        import tomli as lezer  # type: ignore[no-redef]
    globals()["tomllib"] = lezer  # voortaan direct, zonder __getattr__
    return lezer

#: verandert als de vorm van een ingang verandert
_FORMAAT = "sora-toml-cache/1"
_MAX_INGANGEN = 256
#: wat TOML aan objecten oplevert buiten dict, list, str, int, float en bool
_TOEGESTAAN = frozenset({("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"),
                         ("datetime", "timezone"), ("datetime", "timedelta")})


def cache_map() -> str | None:
    """De map van de cache, of None als er geen cache is."""
    if os.environ.get("SORA_GEEN_CACHE"):
        return None
    basis = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(basis):  # de XDG-specificatie: een relatief pad telt niet
        thuis = os.path.expanduser("~")
        if not os.path.isabs(thuis):
            return None
        basis = os.path.join(thuis, ".cache")
    return os.path.join(basis, "sora", "toml")


def _label() -> bytes:
    if sys.version_info >= (3, 11):
        lezer = "tomllib"  # de standaardbibliotheek: sys.version zegt welke
    else:  # pragma: no cover - Python < 3.11
        t = _lezer()
        lezer = f"{t.__name__} {getattr(t, '__version__', '')}"
    return f"{_FORMAAT}\n{sys.version}\n{lezer}\n".encode()


def lees_beleid(data: bytes) -> dict:
    """``tomllib.loads(data.decode())`` (dus ook dezelfde fouten), uit de cache als precies deze
    bytes al eerder zijn gelezen. Het resultaat is van de aanroeper (een nieuw object)."""
    map_ = cache_map()
    if map_ is None:
        return _lezer().loads(data.decode())
    from ._hash import sha256

    label = _label()
    sleutel = sha256(label + data).hexdigest()
    pad = os.path.join(map_, sleutel + ".pickle")
    doc = _uit_cache(pad, label, data)
    if doc is not None:
        return doc
    doc = _lezer().loads(data.decode())  # fouten gaan naar de aanroeper, niets in de cache
    _naar_cache(map_, pad, label, data, doc)
    return doc


_BEPERKT = None


def _unpickler():
    global _BEPERKT
    if _BEPERKT is not None:
        return _BEPERKT
    try:
        import _pickle as p  # de C-versie zonder pickle.py (sneller te laden)
    except ImportError:  # pragma: no cover - een andere Python
        import pickle as p  # type: ignore[no-redef]

    class Beperkt(p.Unpickler):
        def find_class(self, module, naam):
            if (module, naam) not in _TOEGESTAAN:
                raise p.UnpicklingError(f"niet toegestaan in de TOML-cache: {module}.{naam}")
            return super().find_class(module, naam)

    _BEPERKT = Beperkt
    return Beperkt


def _uit_cache(pad: str, label: bytes, data: bytes):
    try:
        with open(pad, "rb") as f:
            inhoud = f.read()
    except OSError:
        return None
    import io

    try:
        ingang = _unpickler()(io.BytesIO(inhoud)).load()
    except Exception:  # noqa: BLE001 - kapot, afgebroken of van een ander formaat: telt als afwezig
        return None
    if (type(ingang) is tuple and len(ingang) == 3 and ingang[0] == label and ingang[1] == data
            and type(ingang[2]) is dict):
        return ingang[2]
    return None


def _naar_cache(map_: str, pad: str, label: bytes, data: bytes, doc: dict) -> None:
    import pickle

    # een eigen tijdelijke naam per schrijver (proces en aanroep), zodat twee schrijvers elkaars
    # bestand niet raken; daarna atomair op zijn plaats (een lezer ziet de oude of de nieuwe ingang)
    tijdelijk = f"{pad}.{os.getpid()}-{id(doc):x}.tmp"
    try:
        os.makedirs(map_, mode=0o700, exist_ok=True)
        _ruim_op(map_)
        fd = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:  # niet te schrijven: de cache is een versnelling, zonder gaat het ook
        return
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump((label, data, doc), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tijdelijk, pad)
    except Exception:  # noqa: BLE001 - schijf vol, weggehaald: dan geen ingang
        try:
            os.unlink(tijdelijk)
        except OSError:
            pass


def _ruim_op(map_: str) -> None:
    """Houd de cache klein: bij ``_MAX_INGANGEN`` of meer gaan de oudste ingangen eruit."""
    try:
        namen = [n for n in os.listdir(map_) if n.endswith((".pickle", ".tmp"))]
    except OSError:
        return
    if len(namen) < _MAX_INGANGEN:
        return
    tijden = []
    for n in namen:
        try:
            tijden.append((os.stat(os.path.join(map_, n)).st_mtime, n))
        except OSError:
            continue
    for _, n in sorted(tijden)[:len(tijden) - _MAX_INGANGEN // 2]:
        try:
            os.unlink(os.path.join(map_, n))
        except OSError:
            pass
