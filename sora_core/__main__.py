"""Het startpunt van de opdracht ``sora`` (``[project.scripts]`` in pyproject.toml) en van
``python -m sora_core``.

Een koude start maakt tienduizenden objecten (modules, klassen, functies) die tot het einde van
het proces leven. De cyclische garbage collector loopt ze tijdens het laden steeds opnieuw na
zonder iets te vinden (zo'n 5 ms van een ``sora beoordeel``). Daarom: tijdens het laden van de
opdrachtregel staat de collector uit, daarna gaat alles wat er dan is naar de permanente
generatie (``gc.freeze``) en staat hij weer aan, voor elke opdracht (ook ``batch`` en ``serve``).
"""

from __future__ import annotations

import gc


def main() -> None:
    aan = gc.isenabled()
    gc.disable()
    try:
        from .cli import main as opdrachtregel
    finally:
        gc.freeze()  # leeft tot het einde van het proces: nooit meer nalopen
        if aan:
            gc.enable()
    opdrachtregel()


if __name__ == "__main__":  # pragma: no cover
    main()
