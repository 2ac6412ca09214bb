"""Strikte invoer en geen herhaalde waarden (issue 13, punten 7 en 8).

7. Een waarde komt alleen terug in een melding als ze de vorm van een datum of een kort bedrag
   heeft (``invoer.herhaalbaar``, de ene plek voor die vraag); een getal van 9 cijfers (een BSN)
   of tekst nooit, ook niet als onbekende veldnaam, via ``--peildatum`` of als pad over HTTP.
8. Datums alleen als JJJJ-MM-DD, bedragen alleen ASCII-cijfers met hoogstens een punt; controles
   over velden heen noemen het veld.
"""

from __future__ import annotations

import io
import json

import pytest

from sora_core.cli import sora
from sora_core.fouten import InvoerFout
from sora_core.invoer import casus_uit_dict, datum_uit_tekst, herhaalbaar, lees_document
from sora_core.wsgi import maak_app

from conftest import casus

BSN = "123456782"


def fouten(doc) -> list[tuple]:
    with pytest.raises(InvoerFout) as e:
        casus_uit_dict(doc)
    return [(f.veld, f.melding) for f in e.value.fouten()]


def _http(methode, pad, body=b"", query=""):
    antwoord = {}
    environ = {"REQUEST_METHOD": methode, "PATH_INFO": pad, "QUERY_STRING": query, "CONTENT_TYPE": "application/json",
               "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body), "wsgi.errors": io.StringIO()}
    data = b"".join(maak_app()(environ, lambda s, h: antwoord.update(status=s)))
    return int(antwoord["status"].split()[0]), data.decode()


# --------------------------------------------------------------------------- 7. herhaalde waarden

def test_herhaalbaar():
    for ja in ("2025-02-30", "-5", "1.005", "1450.00", "12345678", "20250901"[:4] + "-13-01"):
        assert herhaalbaar(ja) == ja
    for nee in (BSN, "-" + BSN, "1234567890", "Jan Jansen", "2025-W36-1", "1,5", "x" * 50, "٣٤٥", None, True, 1.5,
                "1" * 20, f"{BSN}.00"):
        assert herhaalbaar(nee) is None, nee
    assert herhaalbaar(int(BSN)) is None and herhaalbaar(-5) == "-5"
    assert herhaalbaar("kasteel", "sleutel") == "kasteel" and herhaalbaar(BSN, "sleutel") is None


@pytest.mark.parametrize("doc", [
    casus(peildatum=BSN),
    casus(aanvraagdatum=BSN),
    casus(**{BSN: 1}),
    casus(aanvrager={"geboortedatum": "1980-05-01", BSN: "Jan Jansen"}),
    casus(inkomen={"netto_per_maand": "-" + BSN}),
    casus(inkomen={"netto_per_maand": "1450.00", "laag_sinds": BSN}),
])
def test_een_bsn_komt_nooit_terug_in_een_melding(doc):
    gevonden = fouten(doc)
    assert all(veld for veld, _ in gevonden)  # de plek wordt wel genoemd
    assert BSN not in json.dumps(gevonden)


def test_dubbele_sleutel_die_een_bsn_is_komt_niet_terug():
    with pytest.raises(InvoerFout) as e:
        lees_document(f'{{"{BSN}": 1, "{BSN}": 2}}'.encode(), "json")
    assert BSN not in str(e.value) and "meer dan eens" in str(e.value)


@pytest.mark.parametrize("optie", ["--peildatum", "--besluitdatum"])
def test_cli_herhaalt_geen_bsn_uit_een_datumoptie(runner, tmp_path, optie):
    pad = tmp_path / "c.json"
    pad.write_text(json.dumps(casus()), encoding="utf-8")
    for extra in ([], ["--json"]):
        r = runner.invoke(sora, ["beoordeel", str(pad), optie, BSN, *extra])
        assert r.exit_code == 2 and BSN not in r.output
        assert "Ongeldige datum (verwacht JJJJ-MM-DD)" in r.output


def test_http_herhaalt_geen_bsn_uit_pad_query_of_body():
    status, tekst = _http("GET", f"/burger/{BSN}/Jan Jansen")
    assert status == 404 and BSN not in tekst and "Jan" not in tekst and "Onbekend pad" in tekst
    status, tekst = _http("GET", "/regelingen", query=f"gemeente=GM0361&peildatum={BSN}")
    assert status == 400 and BSN not in tekst
    status, tekst = _http("POST", "/beoordeel", json.dumps(casus(peildatum=BSN, **{BSN: 1})).encode())
    assert status == 400 and BSN not in tekst
    status, tekst = _http("POST", "/beoordeel", json.dumps(casus()).encode(), query=f"zgw=1&rsin=002564440&"
                                                                                f"besluittype=https://x.nl/b&besluitdatum={BSN}")
    assert status == 400 and BSN not in tekst


def test_zaakdatums_en_bedragen_komen_wel_terug():
    assert fouten(casus(peildatum="2025-02-30")) == [
        ("peildatum", "Ongeldige datum: '2025-02-30' (verwacht JJJJ-MM-DD, een bestaande dag).")]
    assert fouten(casus(inkomen={"netto_per_maand": "-5"})) == [
        ("inkomen.netto_per_maand", "Bedrag mag niet negatief zijn: '-5'.")]
    assert fouten(casus(extra_veld=1)) == [("extra_veld", "Onbekend veld 'extra_veld'.")]


# --------------------------------------------------------------------------- 8. strikte invoer

@pytest.mark.parametrize("waarde", ["2025-W36-1", "20250901", "2025-9-1", "2025-09-01T00:00", "２０２５-09-01", " 2025-09-01"])
def test_datum_alleen_als_jjjj_mm_dd(waarde):
    (f,) = fouten(casus(peildatum=waarde))
    assert f[0] == "peildatum" and "verwacht JJJJ-MM-DD" in f[1]
    with pytest.raises(InvoerFout):
        datum_uit_tekst(waarde, "--peildatum")


@pytest.mark.parametrize("waarde", ["٣٤٥", "1_450", "1e3", "+5", "0x10", "１４５０", "1450.", ".5", "1 450"])
def test_bedrag_alleen_ascii_cijfers_met_een_punt(waarde):
    (f,) = fouten(casus(inkomen={"netto_per_maand": waarde}))
    assert f[0] == "inkomen.netto_per_maand" and "Verwacht een bedrag (cijfers met hoogstens een punt" in f[1]


def test_bedrag_met_een_komma_zegt_gebruik_een_punt():
    assert fouten(casus(inkomen={"netto_per_maand": "1,5"})) == [
        ("inkomen.netto_per_maand", "Bedrag met een komma; gebruik een punt: 1.50.")]
    assert fouten(casus(inkomen={"netto_per_maand": "1450,00"}))[0][1] == "Bedrag met een komma; gebruik een punt: 1450.00."


def test_geldige_bedragen_blijven_geldig():
    for w in ("1450", "1450.5", "1450.50", "0", " 12.00 "):
        assert casus_uit_dict(casus(inkomen={"netto_per_maand": w}))


@pytest.mark.parametrize("over, veld", [
    ({"besluitdatum": "2025-08-31"}, "besluitdatum"),
    ({"inkomen": {"netto_per_maand": "1450.00", "laatste_inkomenstoeslag": "2025-09-02"}}, "inkomen.laatste_inkomenstoeslag"),
    ({"schuldhulp": {"melddatum": "2025-09-02"}}, "schuldhulp.melddatum"),
    ({"aanvraagdatum": "2025-09-02"}, "aanvraagdatum"),
])
def test_datums_over_velden_heen_noemen_het_veld(over, veld):
    assert [f[0] for f in fouten(casus(**over))] == [veld]
    # op de grens zelf is het goed
    grens = json.loads(json.dumps(over).replace("2025-08-31", "2025-09-01").replace("2025-09-02", "2025-09-01"))
    assert casus_uit_dict(casus(**grens))


def test_peildatum_op_de_opdrachtregel_wordt_ook_over_velden_heen_gecontroleerd(runner, tmp_path):
    pad = tmp_path / "c.json"
    pad.write_text(json.dumps(casus(besluitdatum="2025-09-01")), encoding="utf-8")
    r = runner.invoke(sora, ["beoordeel", str(pad), "--peildatum", "2025-10-01", "--json"])
    assert r.exit_code == 2
    (f,) = json.loads(r.output)["fouten"]
    assert f["veld"] == "besluitdatum" and "vóór de peildatum 2025-10-01" in f["melding"]


@pytest.mark.parametrize("zet", [BSN, f"alkmaar.individuele_inkomenstoeslag.inkomensgrens={BSN}x",
                                 f"{BSN}.individuele_inkomenstoeslag.inkomensgrens=1.30", f"alle.{BSN}=1"])
def test_zet_herhaalt_geen_bsn(runner, zet):
    r = runner.invoke(sora, ["vergelijk", "-", "--zet", zet], input=json.dumps(casus()))
    assert r.exit_code == 2 and BSN not in r.output and "--zet" in r.output


def test_zet_met_een_tikfout_komt_wel_terug(runner):
    r = runner.invoke(sora, ["vergelijk", "-", "--zet", "alkmaar.inkomensgrns=1.30"], input=json.dumps(casus()))
    assert r.exit_code == 2 and "'alkmaar.inkomensgrns=1.30'" in r.output
