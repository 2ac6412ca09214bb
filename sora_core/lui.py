"""Wat pas bij het eerste gebruik wordt uitgerekend en daarna bewaard.

``lui``: een eigenschap die bij de eerste opvraging wordt uitgerekend en daarna bewaard.

Als ``functools.cached_property``, maar zonder slot: Python 3.11 neemt daar bij elke eerste
opvraging een ``RLock`` en dat kost op het hete pad (zes opvragingen per casus) merkbaar tijd.
Een ``Huishouden`` of ``Context`` hoort bij één beslissing in één thread; een slot is niet nodig.

``Patroon``: ``re.compile(bron, vlaggen)``, pas gecompileerd als het voor het eerst gebruikt wordt.
De meeste patronen van de kern dienen alleen een foutmelding, de hulptekst of het opruimen van
tijdelijke bestanden; samen kostte het compileren van die 23 patronen bij elke koude start zo'n
11 miljoen instructies (2,6% van een ``sora beoordeel``, gemeten met callgrind op 3-12-2026).
"""

from __future__ import annotations

import re
from typing import Any, Callable


class lui:  # noqa: N801 - leest als een decorator, net als cached_property
    def __init__(self, functie: Callable[[Any], Any]):
        self.functie = functie
        self.naam = functie.__name__
        self.__doc__ = functie.__doc__

    def __set_name__(self, eigenaar: type, naam: str) -> None:
        self.naam = naam

    def __get__(self, obj: Any, soort: Any = None) -> Any:
        if obj is None:
            return self
        # geen __set__: na de eerste keer wint het attribuut in obj.__dict__ (geen aanroep meer)
        waarde = obj.__dict__[self.naam] = self.functie(obj)
        return waarde


#: wat een ``Patroon`` na het compileren zelf draagt (daarna een gewone opzoeking, zonder ``__getattr__``)
_PATROON_NAMEN = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
                  "pattern", "flags", "groups", "groupindex")


class Patroon:
    """Als ``re.compile(bron, vlaggen)``, maar gecompileerd bij het eerste gebruik van ``match``,
    ``fullmatch``, ``search``, ``sub`` enzovoort. Daarna staan die methoden van het gecompileerde
    patroon op het object zelf: een aanroep kost dan hetzelfde als op ``re.compile(...)``. Een fout
    in het patroon komt zo pas bij het eerste gebruik; daarom compileert
    ``tests/test_koude_start.py`` elk patroon van de kern."""

    def __init__(self, bron: str, vlaggen: int = 0):
        self._bron = bron
        self._vlaggen = vlaggen

    def __getattr__(self, naam: str) -> Any:
        if naam not in _PATROON_NAMEN:
            raise AttributeError(naam)
        gecompileerd = re.compile(self._bron, self._vlaggen)
        for n in _PATROON_NAMEN:
            self.__dict__[n] = getattr(gecompileerd, n)
        return self.__dict__[naam]

    def __repr__(self) -> str:
        return f"Patroon({self._bron!r})"
