"""Gegenereerde code één keer compileren en bewaren, zoals Python zelf een module als ``.pyc``
bewaart (issue 14, koude start).

attrs schrijft voor elke klasse de broncode van ``__init__``, ``__eq__``, ``__hash__``, ``__repr__``
enzovoort en compileert die bij elke start opnieuw met ``compile``. Voor de ruim dertig klassen die
een ``sora beoordeel`` laadt was dat 23-36 ms van 140-220 ms (gemeten op 2-12-2026 op de 2-kernsmachine,
``compile`` in ``attr._make`` getimed), de grootste post van de koude start die niet uit de
standaardbibliotheek of click komt. attrs bewaart die code niet (attrs issue #575, "import
performance", open sinds 2019, stelt precies dit voor: de gecompileerde code naast de .pyc
bewaren). Deze module doet dat voor de eigen gegenereerde code:

* ``compileer(bron, naam)``: ``compile(bron, naam, "exec")`` met een cache. De sleutel is de sha256
  van de hele broncode met naam, modus en compilervlaggen; een ingang wordt alleen gebruikt voor precies dezelfde
  tekst, dus de code is dezelfde als die ``compile`` zou geven (test: ``tests/test_codecache.py``
  vergelijkt elke ingang met een verse ``compile``, byte voor byte via ``marshal``).
* ``installeer()`` zet in ``attr._make`` een ``compile`` die voor klassen uit ``sora_core`` en de
  plugins (``sora_*``) ``compileer`` gebruikt (het typegetal van ``__hash__``, dat per proces
  verschilt, staat in de sleutel als een even lang merk en wordt na het laden teruggezet:
  ``_zonder_typehash``; dan is de code gelijk aan die van een verse ``compile``, ook de kolommen) en al het andere ongewijzigd aan de ingebouwde
  ``compile`` doorgeeft (met dezelfde geërfde ``__future__``-vlaggen als attrs' eigen aanroep).
  Gebruikt een latere attrs ``compile`` niet meer zo, dan verandert er niets: alleen de
  versnelling valt weg.
* Het bestand staat waar Python zijn .pyc zet: ``sora_core/__pycache__/gegenereerd.<tag>.marshal``,
  met de Python-versie erin (een andere versie: opnieuw compileren). Zelfde vertrouwen als een
  .pyc: wie daar kan schrijven, kan ook de .pyc van sora_core vervangen. Geschreven bij het einde
  van het proces, alleen als er iets nieuw is, atomair (tijdelijke naam, dan ``os.replace``), en
  niet als ``sys.dont_write_bytecode`` (``PYTHONDONTWRITEBYTECODE``) gezet is of de map niet te
  schrijven is. Kapot of onleesbaar telt als leeg. ``make bytecode`` vult hem (``_vul``), zoals
  ``compileall`` de .pyc (ook waar ``PYTHONDONTWRITEBYTECODE`` gezet is).
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys

from ._hash import sha256

_ECHT = builtins.compile
_CODETYPE = type(_ECHT("0", "<sora_core._codecache>", "eval"))
_PAD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__",
                    f"gegenereerd.{sys.implementation.cache_tag}.marshal")
#: hoogstens zoveel ingangen (de eigen klassen in vier vormen en de lezers: zo'n 180)
_MAX = 400
#: (sha256 van de bron, naam, modus, vlaggen) -> code, of de code nog als marshal-bytes (uit het
#: bestand; pas bij gebruik geladen: een start gebruikt maar een deel van de vormen)
_CODE: dict = {}
#: de sleutels die dit proces gebruikte (gevonden of nieuw), met hun bron: die gaan naar het bestand
_GEBRUIKT: dict = {}
_STAAT = {"geladen": False, "nieuw": False, "bij_einde": False}


def _laad(pad: str = _PAD) -> dict:
    """De ingangen uit het bestand, of leeg als het er niet is, kapot is of van een andere Python."""
    try:
        with open(pad, "rb") as f:
            inhoud = marshal.loads(f.read())
    except Exception:  # noqa: BLE001 - afwezig, afgebroken, andere versie: opnieuw compileren
        return {}
    if type(inhoud) is not tuple or len(inhoud) != 2 or inhoud[0] != sys.version or type(inhoud[1]) is not dict:
        return {}
    return {k: v for k, v in inhoud[1].items() if type(v) is bytes}


def compileer(bron: str, naam: str, modus: str = "exec", vlaggen: int = 0):
    """``compile(bron, naam, modus, vlaggen, dont_inherit=True)``, uit de cache als precies deze
    broncode al eens is gecompileerd."""
    if not _STAAT["geladen"]:
        _STAAT["geladen"] = True
        _CODE.update(_laad())
    sleutel = (sha256(bron.encode("utf-8", "surrogatepass")).digest(), naam, modus, vlaggen)
    _GEBRUIKT[sleutel] = bron
    code = _CODE.get(sleutel)
    if type(code) is bytes:
        try:
            code = _CODE[sleutel] = marshal.loads(code)
        except Exception:  # noqa: BLE001 - kapot: opnieuw compileren
            code = None
        if type(code) is not _CODETYPE:
            code = None
    if code is None:
        code = _ECHT(bron, naam, modus, vlaggen, True)
        if len(_CODE) >= _MAX:
            _CODE.clear()
        _CODE[sleutel] = code
        _STAAT["nieuw"] = True
        if not _STAAT["bij_einde"]:
            _STAAT["bij_einde"] = True
            import atexit

            atexit.register(bewaar)
    return code


def bewaar(pad: str = _PAD) -> bool:
    """Schrijf de ingangen weg als er iets nieuw is; True als het bestand is geschreven. Wat dit
    proces gebruikte, komt bij wat er al stond; wordt dat meer dan ``_MAX``, dan alleen wat dit
    proces gebruikte (zo groeit het bestand niet met oude versies van de code)."""
    if not _STAAT["nieuw"] or sys.dont_write_bytecode:
        return False
    eigen = {k: (v if type(v) is bytes else marshal.dumps(v)) for k in _GEBRUIKT if (v := _CODE.get(k)) is not None}
    samen = {**_laad(pad), **eigen}
    if len(samen) > _MAX:
        samen = eigen
    tijdelijk = f"{pad}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(pad), exist_ok=True)
        with open(tijdelijk, "wb") as f:
            f.write(marshal.dumps((sys.version, samen)))
        os.replace(tijdelijk, pad)
    except Exception:  # noqa: BLE001 - alleen-lezen, schijf vol: dan de volgende keer weer compileren
        try:
            os.unlink(tijdelijk)
        except OSError:
            pass
        return False
    _STAAT["nieuw"] = False
    return True


def _vlaggen_van(module) -> int:
    """De ``__future__``-vlaggen van een module (wat ``compile`` zonder ``dont_inherit`` erft)."""
    import __future__

    v = 0
    for naam in __future__.all_feature_names:
        kenmerk = getattr(__future__, naam)
        if module.__dict__.get(naam) is kenmerk:
            v |= kenmerk.compiler_flag
    return v


def _eigen(naam: object) -> bool:
    """Een bestandsnaam van attrs voor een klasse uit sora_core of een plugin:
    ``<attrs generated methods sora_core.model.Casus>``."""
    if type(naam) is not str or not naam.startswith("<attrs generated "):
        return False
    delen = naam.split(" ")
    return len(delen) == 4 and delen[3].startswith(("sora_core.", "sora_"))


_HASH_BEGIN = "return hash(("
#: typegetallen met minder cijfers worden niet vervangen (dan is de hele bron de sleutel)
_MIN_CIJFERS = 15


def _typehash_plek(bron: str) -> object:
    """attrs zet in ``__hash__`` een getal dat per proces anders is (``hash`` van de bestandsnaam, met
    ``PYTHONHASHSEED``): ``return hash((-7852648066608505731, self.a, ...))``. Geeft (begin, eind)
    van dat getal in de bron, of None als de vorm anders is. (Met tekstmethoden in plaats van een lus
    per teken: dit loopt voor elke klasse bij elke start.)"""
    i = bron.find(_HASH_BEGIN)
    if i < 0:
        return None
    na = i + len(_HASH_BEGIN)
    eind = bron.find(",", na)
    if eind < 0:
        return None
    tekst = bron[na:eind].lstrip(" \n\t")  # het getal zelf: wat na de witruimte tot de komma staat
    cijfers = tekst[1:] if tekst[:1] == "-" else tekst
    if (not cijfers.isdigit() or not cijfers.isascii() or len(cijfers) < _MIN_CIJFERS
            or bron.find(_HASH_BEGIN, eind) >= 0):
        return None
    return eind - len(tekst), eind


def _merk(tekst: str) -> str:
    """Het merk voor een typegetal: even lang en met hetzelfde teken (dan staat alles in de code op
    dezelfde kolom), alleen negens. Een echt typegetal heeft hoogstens 19 cijfers; een merk van 19
    negens ligt buiten het bereik van ``hash()``."""
    return ("-" if tekst[:1] == "-" else "") + "9" * len(tekst.lstrip("-"))


def _zonder_typehash(bron: str) -> tuple[str, object, object]:
    """(bron met het merk in plaats van het typegetal, merk, typegetal), of (bron, None, None). De cache
    bewaart de code van de bron met het merk; ``_met_constante`` zet het echte getal terug."""
    plek = _typehash_plek(bron)
    if plek is None:
        return bron, None, None
    begin, eind = plek
    tekst = bron[begin:eind]
    merk = _merk(tekst)
    return bron[:begin] + merk + bron[eind:], int(merk), int(tekst)


def _met_constante(code, oud: int, nieuw: int):
    """De code met elke constante ``oud`` (ook in geneste functies) vervangen door ``nieuw``; dezelfde
    code als er niets te vervangen is."""
    consts = code.co_consts
    codetype = type(code)
    anders = None
    for i, c in enumerate(consts):
        if type(c) is int:
            if c != oud:
                continue
            c = nieuw
        elif type(c) is codetype:
            c2 = _met_constante(c, oud, nieuw)
            if c2 is c:
                continue
            c = c2
        else:
            continue
        if anders is None:
            anders = list(consts)
        anders[i] = c
    return code if anders is None else code.replace(co_consts=tuple(anders))


def installeer() -> None:
    """Laat attrs de code van de eigen klassen via ``compileer`` compileren (één keer)."""
    try:
        from attr import _make
    except ImportError:  # pragma: no cover - een attrs zonder deze module
        return
    if getattr(_make, "compile", None) is not None and getattr(_make.compile, "_sora", False):
        return
    geerfd = _vlaggen_van(_make)

    def compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kw):  # noqa: A001
        v = flags | (0 if dont_inherit else geerfd)
        if kw or optimize != -1 or type(source) is not str or not _eigen(filename):
            return _ECHT(source, filename, mode, v, True, optimize, **kw)
        bron, merk, typehash = _zonder_typehash(source)
        code = compileer(bron, filename, mode, v)
        return code if merk is None else _met_constante(code, merk, typehash)

    compile._sora = True  # type: ignore[attr-defined]
    _make.compile = compile


def _vul(pad: str = _PAD) -> None:
    """Laad wat een koude start laadt, zodat het bestand de code van al die klassen bevat (en alleen
    die: opnieuw opgebouwd, zonder wat er van een oudere versie van de code stond)."""
    _CODE.clear()
    _GEBRUIKT.clear()
    _STAAT["geladen"] = True
    from . import beslisser, cli, invoer, kalender, uitvoer  # noqa: F401  (kalender: de bezwaartermijn)
    from .plugins import register
    from .regels import catalogus  # noqa: F401  (de regelingen van de kern, die de beslisser pas bij een casus laadt)

    register()
    invoer._casuslezer()  # de snelle casuslezer: pas vanaf de tweede casus van een proces gebouwd, dan uit de cache
    # het typegetal heeft per proces 19 cijfers (90% van de gevallen) of 18 (9%), positief of negatief:
    # bewaar elke klasse in die vier vormen, zodat een start met een andere PYTHONHASHSEED ze bijna
    # altijd vindt (de rest compileert die ene klasse gewoon, ≈ 0,3 ms; met alleen de vormen van 19
    # cijfers, en zonder de kalender hierboven, waren dat er bij een ``sora beoordeel`` een stuk of vijf)
    for (_, naam, modus, vlaggen), bron in list(_GEBRUIKT.items()):
        plek = _typehash_plek(bron) if naam.startswith("<attrs generated ") else None
        if plek is not None:
            for merk in ("9" * 19, "-" + "9" * 19, "9" * 18, "-" + "9" * 18):
                compileer(bron[:plek[0]] + merk + bron[plek[1]:], naam, modus, vlaggen)
    _STAAT["nieuw"] = True
    try:
        os.unlink(pad)  # opnieuw opgebouwd, niet samengevoegd
    except OSError:
        pass
    bewaar(pad)
