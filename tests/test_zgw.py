"""ZGW-export: elk besluit als Besluit-resource van de VNG Besluiten API 1.0.2, gevalideerd
tegen het schema ``Besluit`` uit de specificatie zelf (tests/data, ongewijzigd overgenomen uit
shared/ext; EUPL-1.2, zie tests/data/zgw-besluiten-api-LICENSE.md)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import jsonschema
import pytest
import yaml

from sora_core.beslisser import beoordeel
from sora_core.cli import sora
from sora_core.fouten import InvoerFout
from sora_core.plugins import register
from sora_core.zgw import is_geldig_rsin, naar_zgw, standaard_bestuursorgaan

SPEC = Path(__file__).resolve().parent / "data" / "zgw-besluiten-api-1.0.2.openapi.yaml"
RSIN = "002564440"  # 9x0+8x0+7x2+6x5+5x6+4x4+3x4+2x4 = 110; 110 - 0 = 110 = 10 x 11
BESLUITTYPE = "https://catalogi.example.nl/api/v1/besluittypen/5a7d1a6b-0000-4000-8000-000000000001"

# Bergen (NH), 1-9-2025, alleenstaande: individuele inkomenstoeslag 479,00 per jaar
# (grens 1,20 x 1.369,06 = 1.642,87 >= 1.450,00; zie plugins/bergen/tests/).
CASUS = {
    "gemeente": "GM0373", "peildatum": "2025-09-01",
    "aanvrager": {"geboortedatum": "1980-05-01"},
    "inkomen": {"netto_per_maand": "1450.00", "laag_sinds": "2021-01-01"},
    "vermogen": {"bezittingen": "2500.00"},
    "aanvragen": [{"regeling": "individuele_inkomenstoeslag"}],
}


def _naar_json_schema(s):
    """OpenAPI 3.0-schema naar JSON Schema: ``nullable: true`` wordt het type null erbij."""
    if isinstance(s, dict):
        uit = {k: _naar_json_schema(v) for k, v in s.items() if k not in ("nullable", "title", "description")}
        if s.get("nullable") and "type" in s:
            uit["type"] = [s["type"], "null"]
            if "enum" in uit:
                uit["enum"] = list(uit["enum"]) + [None]
        return uit
    if isinstance(s, list):
        return [_naar_json_schema(x) for x in s]
    return s


@pytest.fixture(scope="module")
def besluit_schema() -> dict:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert spec["info"]["version"] == "1.0.2"
    return spec["components"]["schemas"]["Besluit"]


def valideer(resource: dict, schema: dict) -> None:
    jsonschema.Draft7Validator(_naar_json_schema(schema), format_checker=jsonschema.FormatChecker()).validate(resource)
    for veld, eigenschap in schema["properties"].items():
        if eigenschap.get("readOnly"):
            assert veld not in resource, f"{veld} is alleen-lezen en hoort niet in een verzoek"
        if eigenschap.get("format") == "uri" and veld in resource:  # FormatChecker toetst uri niet zonder rfc3987
            u = urlparse(resource[veld])
            assert u.scheme in ("http", "https") and u.netloc, veld


def test_rsin_elfproef():
    assert is_geldig_rsin("002564440")
    assert is_geldig_rsin("001326132")  # 7+18+10+24+3+6 = 68; 68 - 2 = 66 = 6 x 11
    assert not is_geldig_rsin("123456789")  # 9+16+21+24+25+24+21+16 = 156; 156 - 9 = 147, geen 11-voud
    assert not is_geldig_rsin("00256444")  # 8 cijfers
    assert not is_geldig_rsin("00256444a")
    assert not is_geldig_rsin("000000000")
    assert not is_geldig_rsin("００２５６４４４０")  # geen ASCII-cijfers


def test_export_is_geldig_volgens_het_schema_van_de_specificatie(besluit_schema):
    besluit = beoordeel(CASUS)
    (r,) = naar_zgw(besluit, rsin=RSIN, besluittype=BESLUITTYPE)
    valideer(r, besluit_schema)
    assert set(besluit_schema["required"]) <= set(r)
    assert r["verantwoordelijkeOrganisatie"] == RSIN
    assert r["besluittype"] == BESLUITTYPE
    assert r["datum"] == r["ingangsdatum"] == "2025-09-01"
    assert r["bestuursorgaan"] == "College van B&W van Bergen (NH)"
    # bezwaartermijn: 1-9-2025 (maandag) + 42 dagen = 13-10-2025 (maandag), geen verlenging
    assert r["uiterlijkeReactiedatum"] == "2025-10-13"
    t = r["toelichting"]
    assert t.startswith("Individuele inkomenstoeslag: toegekend, € 479,00 per jaar.")
    for m in besluit.beslissingen[0].motivering:
        assert m.tekst in t and m.grondslag in t
    assert besluit.ontvangstbewijs.beleid_vingerafdruk in t


def test_besluitdatum_en_atw_verlenging(besluit_schema):
    # besluitdatum za 15-11-2025 + 42 dagen = za 27-12-2025; Atw art. 1: niet op zaterdag of
    # zondag, dus maandag 29-12-2025.
    besluit = beoordeel({**CASUS, "besluitdatum": "2025-11-15"})
    (r,) = naar_zgw(besluit, rsin=RSIN, besluittype=BESLUITTYPE, besluitdatum=date(2025, 11, 15))
    valideer(r, besluit_schema)
    assert (r["datum"], r["ingangsdatum"], r["uiterlijkeReactiedatum"]) == ("2025-11-15", "2025-09-01", "2025-12-29")
    # gelijk aan de termijn die de kern in de beslissing (en de motivering) zette
    assert besluit.beslissingen[0].bezwaar_uiterlijk == date(2025, 12, 29)


def test_elke_beslissing_een_resource(besluit_schema):
    casus = {k: v for k, v in CASUS.items() if k != "aanvragen"}  # "waar heb ik recht op?"
    besluit = beoordeel(casus)
    resources = naar_zgw(besluit, rsin=RSIN, besluittype=BESLUITTYPE)
    # een verwijzing is geen besluit, "niet van toepassing" waar niemand om vroeg evenmin (bezwaar.is_besluit)
    besluiten = [b for b in besluit.beslissingen if b.bezwaar_uiterlijk is not None]
    assert [b.uitkomst for b in besluit.beslissingen if b.bezwaar_uiterlijk is None] and all(
        b.uitkomst in ("doorverwezen", "niet_van_toepassing") for b in besluit.beslissingen if b.bezwaar_uiterlijk is None)
    assert len(resources) == len(besluiten) >= 1
    for r, b in zip(resources, besluiten):
        valideer(r, besluit_schema)
        assert r["toelichting"].startswith(b.naam + ": ")
        assert r["uiterlijkeReactiedatum"] == b.bezwaar_uiterlijk.isoformat()


def test_doorverwezen_is_geen_besluit():
    # Castricum, kind van 10: het Jeugdfonds verwijst door (zie plugins/castricum/tests/)
    casus = {**{k: v for k, v in CASUS.items() if k != "aanvragen"}, "gemeente": "GM0383",
             "kinderen": [{"geboortedatum": "2015-03-01"}]}
    besluit = beoordeel(casus)
    namen = [r["toelichting"].split(":")[0] for r in naar_zgw(besluit, rsin=RSIN, besluittype=BESLUITTYPE)]
    verwezen = [b.naam for b in besluit.beslissingen if b.uitkomst == "doorverwezen"]
    assert "Jeugdfonds Sport & Cultuur" in verwezen
    assert not set(verwezen) & set(namen)
    from sora_core.zgw import waarschuwingen

    assert any("Jeugdfonds Sport & Cultuur" in w for w in waarschuwingen(besluit))


@pytest.mark.parametrize("p", register().gesorteerd(), ids=lambda p: p.naam)
def test_bestuursorgaan_past_voor_elke_gemeente(p, besluit_schema):
    maximum = besluit_schema["properties"]["bestuursorgaan"]["maxLength"]
    assert len(standaard_bestuursorgaan(p.info.naam)) <= maximum


def test_ongeldige_invoer_geeft_alle_fouten():
    with pytest.raises(InvoerFout) as e:
        naar_zgw(beoordeel(CASUS), rsin="123456789", besluittype="catalogi/besluittype", bestuursorgaan="x" * 51)
    assert [f.veld for f in e.value.fouten()] == ["rsin", "besluittype", "bestuursorgaan"]


def test_cli_zgw(runner, tmp_path, besluit_schema):
    pad = tmp_path / "casus.json"
    pad.write_text(json.dumps(CASUS), encoding="utf-8")
    r = runner.invoke(sora, ["beoordeel", str(pad), "--zgw", "--rsin", RSIN, "--besluittype", BESLUITTYPE,
                             "--besluitdatum", "2025-09-03"])
    assert r.exit_code == 0, r.output
    (res,) = json.loads(r.output)
    valideer(res, besluit_schema)
    # 3-9-2025 (woensdag) + 42 dagen = 15-10-2025 (woensdag)
    assert (res["datum"], res["uiterlijkeReactiedatum"]) == ("2025-09-03", "2025-10-15")
    assert "tot en met 15 oktober 2025" in res["toelichting"]  # dezelfde termijn in de motivering
    # fout RSIN: invoerfout, exitcode 2, JSON-foutdocument met --json
    r = runner.invoke(sora, ["beoordeel", str(pad), "--zgw", "--rsin", "123", "--besluittype", BESLUITTYPE, "--json"])
    assert r.exit_code == 2
    assert json.loads(r.output)["fouten"][0]["veld"] == "rsin"
    # ZGW-opties zonder --zgw
    r = runner.invoke(sora, ["beoordeel", str(pad), "--rsin", RSIN])
    assert r.exit_code == 2 and "--rsin hoort bij --zgw" in r.output
    # zonder --zgw is beoordeel ongewijzigd
    r = runner.invoke(sora, ["beoordeel", str(pad), "--json"])
    assert r.exit_code == 0 and json.loads(r.output)["contract"] == "sora-besluit/1"


def test_de_validatie_zelf_vangt_fouten(besluit_schema):
    """Controle op de controle: het schema uit de specificatie weigert echt wat niet mag."""
    (goed,) = naar_zgw(beoordeel(CASUS), rsin=RSIN, besluittype=BESLUITTYPE)
    for fout in ({"datum": "2025-13-01"}, {"bestuursorgaan": "x" * 51}, {"verantwoordelijkeOrganisatie": "0025644401"},
                 {"vervalreden": "onbekend"}):
        with pytest.raises(jsonschema.ValidationError):
            valideer({**goed, **fout}, besluit_schema)
    zonder = {k: v for k, v in goed.items() if k != "ingangsdatum"}
    with pytest.raises(jsonschema.ValidationError):
        valideer(zonder, besluit_schema)
