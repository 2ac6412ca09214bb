"""``lui``: een eigenschap die bij de eerste opvraging wordt uitgerekend en daarna bewaard.

Als ``functools.cached_property``, maar zonder slot: Python 3.11 neemt daar bij elke eerste
opvraging een ``RLock`` en dat kost op het hete pad (zes opvragingen per casus) merkbaar tijd.
Een ``Huishouden`` of ``Context`` hoort bij één beslissing in één thread; een slot is niet nodig.
"""

from __future__ import annotations

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
