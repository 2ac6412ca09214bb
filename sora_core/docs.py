"""Documentatie die uit de code volgt: ``docs/open-normen.md`` uit ``kern_definities()``.

    python -m sora_core.docs                # schrijf docs/open-normen.md
    python -m sora_core.docs --controleer   # exit 1 als het bestand verouderd is
    sora normen-doc [--controleer]          # hetzelfde via de CLI

Een test (tests/test_docs.py) faalt zodra het bestand niet meer klopt met de kern: wie een
open norm toevoegt of wijzigt, draait ``sora normen-doc`` en commit het resultaat.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any, Optional

from .parameters import Definitie, kern_definities

#: docs/ naast de pakketmap (in een checkout van de repository)
DOCS = Path(__file__).resolve().parent.parent / "docs"
OPEN_NORMEN = DOCS / "open-normen.md"


def _cel(s: str) -> str:
    return " ".join(str(s).split()).replace("|", "\\|")


def open_normen_md(definities: Optional[dict[str, Definitie]] = None) -> str:
    """De volledige tekst van docs/open-normen.md (deterministisch)."""
    definities = definities if definities is not None else kern_definities()
    open_ = sorted((d for d in definities.values() if d.open), key=lambda d: (d.domein, d.naam))
    r = [
        "# Open normen",
        "",
        "<!-- Gegenereerd uit sora_core/data/*.toml met `sora normen-doc` (of `python -m sora_core.docs`);",
        "     niet met de hand bewerken: tests/test_docs.py faalt als dit bestand verouderd is. -->",
        "",
        "Een **open norm** is een plek waar een gemeente binnen het regionale kader mag kiezen. De kern",
        "geeft de geharmoniseerde standaardwaarde (het basispakket) met grondslag; een gemeente die",
        "afwijkt, zet in de `beleid.toml` van haar plugin een `[[norm]]` met dezelfde `naam`, haar",
        "eigen `waarde`, `geldig_vanaf` en `grondslag` (zie [Een plugin schrijven](plugin-schrijven.md)).",
        "Vaste parameters (bijstandsnormen, vermogensgrenzen) staan hier niet: die kan geen gemeente",
        "vervangen.",
        "",
        f"Aantal open normen: {len(open_)}.",
        "",
    ]
    domeinen: dict[str, list[Definitie]] = {}
    for d in open_:
        domeinen.setdefault(d.domein, []).append(d)
    r.append("| open norm | type | standaard (laatste) |")
    r.append("|---|---|---|")
    for d in open_:
        laatste = d.waarden[-1].als_tekst() if d.waarden else "geen"
        r.append(f"| [`{d.naam}`](#{_anker(d.naam)}) | {d.type} | {_cel(laatste)} |")
    r.append("")
    for domein, lijst in domeinen.items():
        r += [f"## Domein `{domein}` (sora_core/data/{domein}.toml)", ""]
        for d in lijst:
            r += [f"### `{d.naam}`", "", _cel(d.omschrijving), ""]
            r.append(f"- type: {d.type}" + (f" ({_cel(d.eenheid)})" if d.eenheid else ""))
            if bereik_tekst(d):
                r.append(f"- toegestaan: {bereik_tekst(d)}")
            if d.keuzes:
                r.append("- keuzes: " + ", ".join(f"`{k}`" for k in d.keuzes))
            r.append(f"- grondslag: {_cel(d.grondslag)}")
            r += ["", "| standaardwaarde | geldig vanaf | geldig tot en met | bron | bevestigd |", "|---|---|---|---|---|"]
            for w in d.waarden:
                r.append(f"| {_cel(w.als_tekst())} | {w.geldig_vanaf.isoformat()} | "
                         f"{w.geldig_tot.isoformat() if w.geldig_tot else '-'} | {_cel(w.document or w.grondslag)} | "
                         f"{'ja' if w.bevestigd else 'nee: ' + _cel(w.toelichting or 'nog te bevestigen')} |")
            if not d.waarden:
                r.append("| (geen: de kern beslist niet zonder gemeentelijke waarde) | | | | |")
            r.append("")
    return "\n".join(r)


def bereik_tekst(d: Definitie) -> str:
    """'van 1.00 tot en met 1.50', 'ten minste 0.00', 'ten hoogste 60' of ''."""
    if d.minimum is not None and d.maximum is not None:
        return f"van {d.minimum} tot en met {d.maximum}"
    if d.minimum is not None:
        return f"ten minste {d.minimum}"
    if d.maximum is not None:
        return f"ten hoogste {d.maximum}"
    return ""


def _anker(naam: str) -> str:
    return naam.replace(".", "").lower()


def handtekening(f: Any) -> str:
    """``naam(arg: Type) -> Type`` zonder de aanhalingstekens van uitgestelde annotaties."""
    sig = inspect.signature(f)

    def ann(a: Any) -> str:
        if a is inspect.Parameter.empty:
            return ""
        s = a if isinstance(a, str) else getattr(a, "__name__", str(a))
        return s.strip("'\"")

    delen = []
    for p in sig.parameters.values():
        delen.append(p.name + (f": {ann(p.annotation)}" if p.annotation is not inspect.Parameter.empty else ""))
    terug = f" -> {ann(sig.return_annotation)}" if sig.return_annotation is not inspect.Signature.empty else ""
    return f"{f.__name__}({', '.join(delen)}){terug}"


def schrijf(pad: Path = OPEN_NORMEN) -> bool:
    """Schrijf het bestand; True als het veranderde."""
    nieuw = open_normen_md()
    oud = pad.read_text(encoding="utf-8") if pad.exists() else None
    if oud == nieuw:
        return False
    pad.parent.mkdir(parents=True, exist_ok=True)
    from .uitvoerpad import Atomisch

    with Atomisch(str(pad)) as f:  # atomisch, en alleen over een gewoon bestand
        f.write(nieuw)
    return True


def is_actueel(pad: Path = OPEN_NORMEN) -> bool:
    return pad.exists() and pad.read_text(encoding="utf-8") == open_normen_md()


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--controleer" in argv:
        if is_actueel():
            print(f"{OPEN_NORMEN} is actueel.")
            return 0
        print(f"{OPEN_NORMEN} is verouderd; draai 'sora normen-doc' en commit het resultaat.", file=sys.stderr)
        return 1
    print(f"{OPEN_NORMEN} {'bijgewerkt' if schrijf() else 'was al actueel'}.")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
