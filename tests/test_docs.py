"""Documentatie die eerlijk blijft (zoals bij datasette): elke hook en open norm beschreven,
elke hook getest, de publieke API met docstring en type hints, open-normen.md actueel."""

from __future__ import annotations

import ast
import inspect
import json
import re
from pathlib import Path

import pytest

import sora_core
from sora_core import hookspecs
from sora_core.docs import handtekening, is_actueel, open_normen_md
from sora_core.parameters import kern_definities

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
HOOKS = sorted(n for n in dir(hookspecs) if n.startswith("sora_") and callable(getattr(hookspecs, n)))
API = ("beoordeel", "laad_casus", "casus_uit_dict", "besluit_dict", "naar_json")


def test_er_zijn_hooks():
    assert {"sora_gemeente", "sora_beleid", "sora_regels"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_elke_hook_is_beschreven(hook):
    tekst = (DOCS / "hooks.md").read_text(encoding="utf-8")
    assert f"## `{hook}`" in tekst, f"docs/hooks.md mist een kop voor {hook}"
    assert handtekening(getattr(hookspecs, hook)) in tekst, f"docs/hooks.md mist de handtekening van {hook}"
    assert getattr(hookspecs, hook).__doc__, f"{hook} heeft geen docstring in hookspecs.py"


def _testfuncties() -> set[str]:
    namen = set()
    for pad in (ROOT / "tests").glob("test_*.py"):
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.FunctionDef) and knoop.name.startswith("test_"):
                namen.add(knoop.name)
    return namen


@pytest.mark.parametrize("hook", HOOKS)
def test_elke_hook_heeft_een_test(hook):
    assert f"test_hook_{hook}" in _testfuncties(), f"schrijf een test test_hook_{hook} in tests/"


def test_open_normen_doc_is_actueel():
    assert is_actueel(DOCS / "open-normen.md"), (
        "docs/open-normen.md is verouderd: draai 'sora normen-doc' (of python -m sora_core.docs) en commit het resultaat")


@pytest.mark.parametrize("naam", sorted(n for n, d in kern_definities().items() if d.open))
def test_elke_open_norm_is_beschreven(naam):
    tekst = (DOCS / "open-normen.md").read_text(encoding="utf-8")
    assert f"### `{naam}`" in tekst, f"docs/open-normen.md beschrijft {naam} niet; draai 'sora normen-doc'"
    assert kern_definities()[naam].omschrijving.strip(), f"{naam} heeft geen omschrijving"


def test_open_normen_doc_is_deterministisch():
    assert open_normen_md() == open_normen_md()


@pytest.mark.parametrize("naam", API)
def test_publieke_api_is_beschreven_en_getypeerd(naam):
    f = getattr(sora_core, naam)
    assert naam in sora_core.__all__
    assert inspect.getdoc(f), f"{naam} heeft geen docstring"
    sig = inspect.signature(f)
    for p in sig.parameters.values():
        assert p.annotation is not inspect.Parameter.empty, f"{naam}: parameter {p.name} heeft geen type hint"
    assert sig.return_annotation is not inspect.Signature.empty, f"{naam}: geen type hint voor de uitkomst"
    tekst = (DOCS / "api.md").read_text(encoding="utf-8")
    assert f"### `{naam}`" in tekst, f"docs/api.md beschrijft {naam} niet"


def test_api_doc_noemt_de_schemas_op_pad():
    tekst = (DOCS / "api.md").read_text(encoding="utf-8")
    for s in ("casus", "besluit", "fout"):
        assert f"sora_core/schemas/{s}.schema.json" in tekst


def test_http_doc_noemt_elk_eindpunt():
    from sora_core.wsgi import ROUTES

    tekst = (DOCS / "http.md").read_text(encoding="utf-8")
    for pad, methoden in ROUTES.items():
        for m in methoden:
            assert f"{m} {pad}" in tekst, f"docs/http.md noemt {m} {pad} niet"


def test_plugin_schrijven_noemt_de_opdrachten():
    tekst = (DOCS / "plugin-schrijven.md").read_text(encoding="utf-8")
    assert tekst.startswith("# Een plugin schrijven")
    for stuk in ("sora plugin nieuw", "sora plugin controleer", "python -m pytest", "[[norm]]", "[[regeling]]",
                 "[[verwacht]]", "scenario_"):
        assert stuk in tekst, stuk


def test_handtekening_zonder_aanhalingstekens():
    assert handtekening(hookspecs.sora_regels) == "sora_regels(registreer: Registratie) -> None"


def test_wetswijzigingen_noemen_elke_datum_waarop_de_kern_verandert():
    """docs/wetswijzigingen.md heeft een kop voor elke datum (vanaf 2023) waarop een parameter van
    de kern een nieuwe waarde krijgt, en voor de data van wetgeving.py."""
    from sora_core.geld import datum_nl
    from sora_core.parameters import kern_definities
    from sora_core.wetgeving import PIB_FASE_1, PIB_FASE_3

    tekst = (ROOT / "docs" / "wetswijzigingen.md").read_text(encoding="utf-8")
    koppen = {regel[3:].split(":")[0].strip() for regel in tekst.splitlines() if regel.startswith("## ")}
    data = {w.geldig_vanaf for d in kern_definities().values() if not d.open for w in d.waarden
            if w.geldig_vanaf.year >= 2023} | {PIB_FASE_1, PIB_FASE_3}
    ontbreekt = sorted(d for d in data if datum_nl(d) not in koppen)
    assert not ontbreekt, ontbreekt


def test_casuscontract_in_de_docs_noemt_elk_veld_van_het_schema():
    schema = json.loads((ROOT / "sora_core" / "schemas" / "casus.schema.json").read_text(encoding="utf-8"))
    tekst = (ROOT / "docs" / "casus-contract.md").read_text(encoding="utf-8")

    def velden(s):
        s = s.get("items", s)
        for naam, sub in s.get("properties", {}).items():
            yield naam
            yield from velden(sub)

    ontbreekt = sorted({v for v in velden(schema) if not re.search(rf"(^|[\s`\[.]){re.escape(v)}\b", tekst, re.M)})
    assert not ontbreekt, ontbreekt
