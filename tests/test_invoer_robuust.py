"""Invoer die geen casus is, en dubbele aanvragen (issues 4 en 10)."""

from __future__ import annotations

import json

import pytest

from conftest import casus
from sora_core import beoordeel
from sora_core.fouten import InvoerFout


# --------------------------------------------------------------------------- issue 10: geen casus

@pytest.mark.parametrize("geen_casus", [[], None, "casus", 42, 1.5, True, b"{}", ("a",), {1, 2}, [casus()]])
def test_beoordeel_met_iets_anders_dan_een_casus_geeft_invoerfout(geen_casus):
    with pytest.raises(InvoerFout) as e:
        beoordeel(geen_casus)
    melding = str(e.value)
    assert "casus" in melding.lower()
    for engels in ("AttributeError", "NoneType", "has no attribute", "list"):
        assert engels not in melding
    json.dumps(e.value.als_dict(), ensure_ascii=False)
