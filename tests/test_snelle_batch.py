"""De korte batchuitvoer als tekst (``batch._korte_regel``) tegen ``json.dumps`` van de dict van vroeger."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from sora_core.analyse import bedragen, batch
from sora_core.beslisser import beoordeel

from test_eigenschappen import INSTELLINGEN, casussen

IDS = st.one_of(st.none(), st.integers(-10**20, 10**20), st.text(max_size=30),
                st.sampled_from(['a"b', "é", "\\", "\u2028", "\x00", "\ud800"]))


@INSTELLINGEN
@given(c=casussen(), ident=IDS, nr=st.integers(1, 10**7), kosten=st.booleans())
def test_korte_regel_gelijk_aan_json_dumps(c, ident, nr, kosten):
    if kosten:
        c = dict(c, aanvragen=[{"regeling": "bijzondere_bijstand", "kostensoort": "medische_kosten",
                                "bedrag": "900.00", "noodzakelijk": True}, {"regeling": "individuele_inkomenstoeslag"}])
    b = beoordeel(c, motiveren=False)
    t = bedragen.totalen(b.beslissingen)
    rec = {"regel": nr, "id": ident, "gemeente": b.gemeente.cbs_code, "peildatum": b.peildatum.isoformat(),
           "beslissingen": [bedragen.kort(x) for x in b.beslissingen], "totalen": bedragen.totalen_tekst(t),
           "vingerafdruk": b.ontvangstbewijs.beleid_vingerafdruk}
    assert batch._korte_regel(nr, ident, b, t) == json.dumps(rec, ensure_ascii=False, separators=(",", ":"), default=str)
