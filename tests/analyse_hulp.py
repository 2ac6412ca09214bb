"""Hulpmiddelen voor de tests van de analyse-opdrachten: een gecontroleerd register met twee
testgemeenten en een basispakket met alleen de individuele inkomenstoeslag, zodat de
verwachte bedragen met de hand uit te rekenen zijn, los van regels die later bijkomen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sora_core import hookimpl

SCHEMAS = Path(__file__).resolve().parent.parent / "sora_core" / "schemas"

TESTA = '''
titel = "Testgemeente A"
[[norm]]
naam = "individuele_inkomenstoeslag.inkomensgrens"
waarde = "1.30"
geldig_vanaf = 2023-01-01
grondslag = "Verordening testgemeente A, art. 1"
bron = "testbron A"

[[regeling]]
sleutel = "testa.sportpas"
naam = "Sportpas"
grondslag = "Beleidsregel sportpas A"
geldig_vanaf = 2023-01-01
inkomensgrens = "1.20"
  [regeling.doelgroep]
  kinderen = true
  kind_leeftijd = [4, 17]
  [regeling.bedrag]
  per = "kind"
  per_jaar = "150.00"
'''

TESTB = '''
titel = "Testgemeente B"
[[norm]]
naam = "individuele_inkomenstoeslag.referteperiode"
grondslag = "Verordening testgemeente B"
toelichting = "volgt de regio; nog te bevestigen"

[[regeling]]
sleutel = "testb.sportpas"
naam = "Sportpas"
grondslag = "Beleidsregel sportpas B"
geldig_vanaf = 2023-01-01
inkomensgrens = "1.20"
  [regeling.doelgroep]
  kinderen = true
  kind_leeftijd = [4, 17]
  [regeling.bedrag]
  per = "kind"
  per_jaar = "100.00"

[[regeling]]
sleutel = "testb.energie"
naam = "Energiebijdrage"
grondslag = "Beleidsregel energie B"
geldig_vanaf = 2023-01-01
inkomensgrens = "1.20"
  [regeling.bedrag]
  per = "huishouden"
  eenmalig = "500.00"
'''


class NepPlugin:
    def __init__(self, naam: str, code: str, pad: Path):
        self.naam, self.code, self.pad = naam, code, pad

    @hookimpl
    def sora_gemeente(self):
        return {"naam": f"Test {self.naam[-1].upper()}", "cbs_code": self.code, "versie": "9.9.9"}

    @hookimpl
    def sora_beleid(self):
        return [self.pad]


def bouw_testregister(tmp_path: Path):
    from sora_core.plugins import bouw_register

    a = tmp_path / "testa.toml"
    b = tmp_path / "testb.toml"
    a.write_text(TESTA, encoding="utf-8")
    b.write_text(TESTB, encoding="utf-8")
    return bouw_register([("testa", lambda: NepPlugin("testa", "GM9001", a)),
                          ("testb", lambda: NepPlugin("testb", "GM9002", b))])


@pytest.fixture
def testregister(tmp_path, monkeypatch):
    """Register met testa en testb; ``register()`` geeft dit register; basispakket = alleen IIT."""
    from sora_core import plugins
    from sora_core.regels import catalogus

    reg = bouw_testregister(tmp_path)
    assert not reg.fouten, reg.fouten
    monkeypatch.setattr(plugins, "_REGISTER", reg)
    monkeypatch.setattr(catalogus, "VOLGORDE", ("individuele_inkomenstoeslag",))
    return reg


def valideer(doc, schema: str) -> None:
    import jsonschema

    s = json.loads((SCHEMAS / f"{schema}.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(s)
    jsonschema.validate(doc, s, cls=jsonschema.Draft202012Validator)
