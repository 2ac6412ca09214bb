"""De WSGI-applicatie: rechtstreeks aangeroepen, en één keer over een echte socket."""

from __future__ import annotations

import http.client
import io
import json
import logging
import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server

import jsonschema
import pytest

from conftest import schema
from sora_core import wsgi
from sora_core.beslisser import beoordeel
from sora_core.plugins import register
from sora_core.regels.registratie import basispakket
from sora_core.uitvoer import besluit_dict, naar_json
from sora_core.wsgi import ROUTES, maak_app, openapi_document

# Bergen (NH), 1-9-2025, alleenstaande van 45: IIT 479,00 per jaar
# (grens 1,20 x 1.369,06 = 1.642,87 >= 1.450,00; zie plugins/bergen/tests/).
CASUS = {
    "gemeente": "GM0373", "peildatum": "2025-09-01",
    "aanvrager": {"geboortedatum": "1980-05-01"},
    "inkomen": {"netto_per_maand": "1450.00", "laag_sinds": "2021-01-01"},
    "vermogen": {"bezittingen": "2500.00"},
    "aanvragen": [{"regeling": "individuele_inkomenstoeslag"}],
}


def roep(app, methode: str, pad: str, body: bytes = b"", query: str = "", **extra):
    """Roep de app aan zoals een WSGI-server; geef (status, headers, bytes)."""
    antwoord = {}

    def start_response(status, headers):
        antwoord["status"], antwoord["headers"] = status, dict(headers)

    environ = {"REQUEST_METHOD": methode, "PATH_INFO": pad, "QUERY_STRING": query,
               "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body)),
               "wsgi.input": io.BytesIO(body), "wsgi.errors": io.StringIO()}
    environ.update(extra)
    data = b"".join(app(environ, start_response))
    assert antwoord["headers"]["Content-Length"] == str(len(data))
    return int(antwoord["status"].split()[0]), antwoord["headers"], data


@pytest.fixture
def app():
    return maak_app()


def is_fout(data: bytes) -> dict:
    doc = json.loads(data)
    jsonschema.validate(doc, schema("fout"))
    return doc


def test_beoordeel_geeft_het_besluit(app):
    status, headers, data = roep(app, "POST", "/beoordeel", json.dumps(CASUS).encode())
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    doc = json.loads(data)
    jsonschema.validate(doc, schema("besluit"))
    (x,) = doc["beslissingen"]
    assert (x["regeling"], x["uitkomst"], x["bedrag"]) == ("individuele_inkomenstoeslag", "toegekend", "479.00")
    # precies wat de Python-API geeft, byte voor byte
    assert data == naar_json(besluit_dict(beoordeel(CASUS))).encode()


def test_geen_toestand_tussen_verzoeken(app):
    a = json.dumps(CASUS).encode()
    b = json.dumps({**CASUS, "gemeente": "GM0361", "inkomen": {"netto_per_maand": "1700.00"}}).encode()
    eerst = roep(app, "POST", "/beoordeel", a)[2]
    tussendoor = roep(app, "POST", "/beoordeel", b)[2]
    assert roep(app, "POST", "/beoordeel", b"{kapot")[0] == 400
    assert roep(app, "POST", "/beoordeel", a)[2] == eerst
    assert json.loads(tussendoor)["gemeente"]["cbs_code"] == "GM0361"


def test_ongeldige_casus_geeft_400_met_alle_fouten(app):
    slecht = {**CASUS, "inkomen": {"netto_per_maand": "-5"}, "aanvrager": {"geboortedatum": "1980-02-30"}, "extra": 1}
    status, _, data = roep(app, "POST", "/beoordeel", json.dumps(slecht).encode())
    assert status == 400
    velden = {f["veld"] for f in is_fout(data)["fouten"]}
    assert velden == {"inkomen.netto_per_maand", "aanvrager.geboortedatum", "extra"}


@pytest.mark.parametrize("body, veld", [
    (b"{kapot", None),
    (b"[]", None),
    (b"", None),
    ("\u00ff".encode("latin-1"), None),
    (json.dumps({**CASUS, "gemeente": "GM0000"}).encode(), "gemeente"),
    (json.dumps({**CASUS, "gemeente": "GM1980", "peildatum": "2021-06-01"}).encode(), "peildatum"),
])
def test_400_in_de_vorm_van_het_contract(app, body, veld):
    status, _, data = roep(app, "POST", "/beoordeel", body)
    assert status == 400
    assert is_fout(data)["fouten"][0]["veld"] == veld


def test_te_groot_413_zonder_te_lezen():
    app = maak_app(max_grootte=100)

    class NietLezen(io.BytesIO):
        def read(self, *a):  # pragma: no cover - mag niet gebeuren
            raise AssertionError("de body van een te groot verzoek mag niet worden gelezen")

    status, _, data = roep(app, "POST", "/beoordeel", b"x" * 101, **{"wsgi.input": NietLezen()})
    assert status == 413
    assert "te groot" in is_fout(data)["fouten"][0]["melding"]


def test_411_415_404_405(app):
    status, _, data = roep(app, "POST", "/beoordeel", b"{}", CONTENT_LENGTH="")
    assert status == 411 and is_fout(data)
    status, _, data = roep(app, "POST", "/beoordeel", b"a=1", CONTENT_TYPE="application/x-www-form-urlencoded")
    assert status == 415 and is_fout(data)
    status, _, data = roep(app, "GET", "/bestaat-niet")
    assert status == 404 and "Onbekend pad" in is_fout(data)["fouten"][0]["melding"]
    status, headers, data = roep(app, "GET", "/beoordeel")
    assert status == 405 and headers["Allow"] == "POST" and is_fout(data)
    status, headers, _ = roep(app, "DELETE", "/gemeenten")
    assert status == 405 and headers["Allow"] == "GET"


def test_interne_fout_lekt_geen_details(app, monkeypatch, caplog):
    import sora_core.beslisser as beslisser

    def kapot(*a, **k):
        raise RuntimeError("geheim detail")

    monkeypatch.setattr(beslisser, "beoordeel", kapot)
    caplog.set_level(logging.INFO, logger="sora.http")
    status, headers, data = roep(app, "POST", "/beoordeel", json.dumps(CASUS).encode())
    assert status == 500
    (f,) = is_fout(data)["fouten"]
    incident = headers["X-Sora-Incident"]
    assert "geheim" not in data.decode() and incident in f["melding"]
    (regel,) = [r.getMessage() for r in caplog.records if r.name == "sora.http"]
    assert f"incident={incident}" in regel and "fout=RuntimeError" in regel
    assert "geheim" not in caplog.text  # ook niet in het log: de tekst van een exceptie kan casusgegevens dragen


GEHEIM_IN_PLUGIN = "Jan Jansen, geboren 1987-03-14"


def _plugin_die_persoonsgegevens_in_zijn_fout_zet():
    from sora_core import hookimpl

    class Lekstad:
        @hookimpl
        def sora_gemeente(self):
            return {"naam": "Lekstad", "cbs_code": "GM9003", "versie": "1.0.0"}

        @hookimpl
        def sora_beleid(self):
            return []

        @hookimpl
        def sora_regels(self, registreer):
            def beoordeel(u, aanvraag):
                raise ValueError(f"kan niet beslissen voor {GEHEIM_IN_PLUGIN}")

            registreer.regeling("lekstad.regel", beoordeel, naam="Lekregel", grondslag="art. 1 Lekverordening")

    return Lekstad()


@pytest.fixture
def register_met_lekstad(monkeypatch):
    from sora_core import plugins
    from sora_core.plugins import INGEBOUWD, bouw_register

    reg = bouw_register([("lekstad", _plugin_die_persoonsgegevens_in_zijn_fout_zet)]
                        + [(n, lambda m=m: __import__(m)) for n, m in INGEBOUWD.items()])
    assert "lekstad" in reg.plugins
    monkeypatch.setattr(plugins, "_REGISTER", reg)
    return reg


def test_plugin_die_faalt_geeft_een_vast_500_antwoord_en_een_logregel(app, register_met_lekstad, caplog):
    """Issue 13, punt 5: de tekst van de exceptie (met naam en geboortedatum) ging als 500 naar de
    client en er werd niets gelogd. Nu: een vast sora-fout/1-document met incidentnummer, en één
    regel in het log met soort fout en plugin, zonder casusgegevens."""
    caplog.set_level(logging.DEBUG)
    casus = {**CASUS, "gemeente": "GM9003", "aanvragen": [],
             "aanvrager": {"geboortedatum": "1987-03-14"}}
    status, headers, data = roep(app, "POST", "/beoordeel", json.dumps(casus).encode(), QUERY_STRING="zgw=0")
    assert status == 500
    tekst = data.decode()
    for geheim in ("Jan Jansen", "1987-03-14", "ValueError", "lekstad.regel"):
        assert geheim not in tekst
    (f,) = is_fout(data)["fouten"]
    incident = headers["X-Sora-Incident"]
    assert f == {"veld": None, "melding": f"Interne fout (incident {incident}); de beheerder vindt de details onder "
                                          "dit nummer in het serverlog."}
    regels = [r for r in caplog.records if r.name == "sora.http"]
    assert len(regels) == 1 and regels[0].levelno == logging.ERROR
    regel = regels[0].getMessage()
    assert regel.startswith("methode=POST pad=/beoordeel?zgw status=500 duur_ms=")
    assert regel.endswith(f"incident={incident} fout=PluginFout plugin=lekstad")
    assert "Jan" not in caplog.text and "1987" not in caplog.text
    # de andere gemeenten werken door, met een logregel zonder incident
    caplog.clear()
    assert roep(app, "POST", "/beoordeel", json.dumps(CASUS).encode())[0] == 200
    (regel,) = [r.getMessage() for r in caplog.records if r.name == "sora.http"]
    assert " status=200 " in regel and regel.endswith("incident=-")


def test_log_noemt_geen_waarden_uit_pad_of_query(app, caplog):
    caplog.set_level(logging.INFO, logger="sora.http")
    roep(app, "GET", "/burger/123456782/Jan Jansen")
    roep(app, "GET", "/regelingen", query="gemeente=GM0361&peildatum=123456782&123456782=Jan")
    regels = [r.getMessage() for r in caplog.records if r.name == "sora.http"]
    assert regels[0].startswith("methode=GET pad=(onbekend pad) status=404 ")
    assert regels[1].startswith("methode=GET pad=/regelingen?gemeente&peildatum status=400 ")
    assert "123456782" not in caplog.text and "Jan" not in caplog.text


def test_gemeenten(app):
    status, _, data = roep(app, "GET", "/gemeenten")
    doc = json.loads(data)
    assert status == 200
    assert [g["cbs_code"] for g in doc["gemeenten"]] == [p.info.cbs_code for p in register().gesorteerd()]
    assert {"GM0361", "GM0373", "GM0383", "GM1980", "GM0399", "GM0450"} <= {g["cbs_code"] for g in doc["gemeenten"]}


def test_gemeenten_over_http_is_hetzelfde_document_als_de_cli(app, runner):
    from sora_core.cli import sora

    _, _, data = roep(app, "GET", "/gemeenten")
    r = runner.invoke(sora, ["gemeenten", "--json"])
    assert r.exit_code == 0
    assert json.loads(data) == json.loads(r.output)
    alkmaar = next(g for g in json.loads(data)["gemeenten"] if g["plugin"] == "alkmaar")
    assert set(alkmaar) == {"cbs_code", "naam", "plugin", "plugin_versie", "geldig_vanaf", "geldig_tot"}
    assert (alkmaar["cbs_code"], alkmaar["naam"], alkmaar["geldig_tot"]) == ("GM0361", "Alkmaar", None)


def test_regelingen(app):
    status, _, data = roep(app, "GET", "/regelingen", query="gemeente=GM0361&peildatum=2023-09-01")
    assert status == 200
    doc = json.loads(data)
    sleutels = [r["regeling"] for r in doc["regelingen"]]
    basis = [s for s, r in basispakket().items() if r.geldt_op(__import__("datetime").date(2023, 9, 1))]
    assert sleutels[: len(basis)] == basis  # eerst het basispakket, in de volgorde van het contract
    plus = {r["regeling"]: r for r in doc["regelingen"] if r["pakket"] == "plus"}
    assert plus["alkmaar.alkmaarpas"]["geldig_tot"] == "2023-12-31"  # de versie van 2023 (150%)
    assert all(r["grondslag"] for r in doc["regelingen"])
    assert doc["beleid_vingerafdruk"].startswith("sha256:")


@pytest.mark.parametrize("query, veld", [
    ("", "gemeente"),
    ("gemeente=GM0361&peildatum=morgen", "peildatum"),
    ("gemeente=GM0000", "gemeente"),
    ("gemeente=dijk_en_waard&peildatum=2021-12-31", "peildatum"),
])
def test_regelingen_400(app, query, veld):
    status, _, data = roep(app, "GET", "/regelingen", query=query)
    assert status == 400
    assert veld in [f["veld"] for f in is_fout(data)["fouten"]]


def test_datum_in_de_query_volgt_dezelfde_regels_als_de_opdrachtregel(app, runner):
    from sora_core.cli import sora

    # buiten het bereik van de casus (1900-01-01 tot 2100-12-31): 400, zoals de CLI exitcode 2 geeft
    status, _, data = roep(app, "GET", "/regelingen", query="gemeente=GM0361&peildatum=9999-12-31")
    assert status == 400
    assert is_fout(data)["fouten"] == [
        {"veld": "peildatum", "melding": "Datum 9999-12-31 ligt buiten het bereik 1900-01-01 tot 2100-12-31."}]
    r = runner.invoke(sora, ["regelingen", "--gemeente", "GM0361", "--peildatum", "9999-12-31"])
    assert r.exit_code == 2
    assert "--peildatum: Datum 9999-12-31 ligt buiten het bereik 1900-01-01 tot 2100-12-31." in r.output
    # vrije tekst komt niet terug in de melding (privacyregel), iets dat op een datum lijkt wel
    status, _, data = roep(app, "GET", "/regelingen", query="gemeente=GM0361&peildatum=Jan%20Jansen")
    assert is_fout(data)["fouten"] == [{"veld": "peildatum", "melding": "Ongeldige datum (verwacht JJJJ-MM-DD)."}]
    status, _, data = roep(app, "GET", "/regelingen", query="gemeente=GM0361&peildatum=2025-02-30")
    assert is_fout(data)["fouten"] == [
        {"veld": "peildatum", "melding": "Ongeldige datum: '2025-02-30' (verwacht JJJJ-MM-DD)."}]


def test_gezondheid(app):
    status, _, data = roep(app, "GET", "/gezondheid")
    doc = json.loads(data)
    assert status == 200 and doc["status"] == "ok" and doc["gemeenten"] == len(register().plugins)


def test_openapi_schemas_zijn_de_json_schemas(app):
    status, _, data = roep(app, "GET", "/openapi.json")
    doc = json.loads(data)
    assert status == 200 and doc["openapi"].startswith("3.1")
    s = doc["components"]["schemas"]
    assert s["Casus"] == schema("casus") and s["Besluit"] == schema("besluit") and s["Fout"] == schema("fout")
    for pad, methoden in ROUTES.items():
        assert set(doc["paths"][pad]) == {m.lower() for m in methoden}, pad
    # elke foutstatus verwijst naar het schema van het contract
    for pad in doc["paths"].values():
        for op in pad.values():
            for code, antwoord in op["responses"].items():
                if code.startswith(("4", "5")):
                    assert antwoord["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Fout"}
    assert doc["paths"]["/beoordeel"]["post"]["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Casus"}


@pytest.mark.parametrize("pad, query, naam", [
    ("/gemeenten", "", "Gemeenten"),
    ("/regelingen", "gemeente=GM0361&peildatum=2023-09-01", "Regelingen"),
    ("/regelingen", "gemeente=bergen&peildatum=2025-09-01", "Regelingen"),
    ("/gezondheid", "", "Gezondheid"),
])
def test_antwoorden_volgen_de_openapi_schemas(app, pad, query, naam):
    status, _, data = roep(app, "GET", pad, query=query)
    assert status == 200
    jsonschema.validate(json.loads(data), openapi_document()["components"]["schemas"][naam])


def test_zgw_antwoord_volgt_het_openapi_schema(app):
    status, _, data = roep(app, "POST", "/beoordeel", json.dumps(CASUS).encode(),
                           query="zgw=1&rsin=002564440&besluittype=https://catalogi.example.nl/bt/1")
    assert status == 200
    jsonschema.validate(json.loads(data), openapi_document()["components"]["schemas"]["ZgwBesluiten"],
                        format_checker=jsonschema.FormatChecker())


def test_openapi_verwijst_naar_bestand_als_schema_ontbreekt(monkeypatch, tmp_path):
    monkeypatch.setattr(wsgi, "SCHEMAS", tmp_path)
    assert openapi_document()["components"]["schemas"]["Besluit"] == {"$ref": "besluit.schema.json"}


def test_zgw_via_http(app):
    rsin, bt = "002564440", "https://catalogi.example.nl/api/v1/besluittypen/1"
    status, _, data = roep(app, "POST", "/beoordeel", json.dumps(CASUS).encode(),
                           query=f"zgw=1&rsin={rsin}&besluittype={bt}")
    assert status == 200
    (r,) = json.loads(data)
    assert (r["verantwoordelijkeOrganisatie"], r["uiterlijkeReactiedatum"]) == (rsin, "2025-10-13")
    status, _, data = roep(app, "POST", "/beoordeel", json.dumps(CASUS).encode(), query="zgw=1&rsin=123")
    assert status == 400
    assert [f["veld"] for f in is_fout(data)["fouten"]] == ["rsin", "besluittype"]


class _StilleHandler(WSGIRequestHandler):
    def log_message(self, *a):
        pass


def test_over_een_echte_socket():
    """wsgiref in een thread op 127.0.0.1, een vrije poort; een echt HTTP-verzoek."""
    server = make_server("127.0.0.1", 0, maak_app(), handler_class=_StilleHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        c = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=30)
        c.request("POST", "/beoordeel", body=json.dumps(CASUS), headers={"Content-Type": "application/json"})
        r = c.getresponse()
        data = r.read()
        assert r.status == 200
        assert json.loads(data)["beslissingen"][0]["bedrag"] == "479.00"
        c.request("GET", "/gezondheid")
        r = c.getresponse()
        assert r.status == 200 and json.loads(r.read())["status"] == "ok"
        c.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_serve_valt_terug_op_wsgiref_met_waarschuwing(monkeypatch):
    import sys
    import wsgiref.simple_server as ws

    monkeypatch.setitem(sys.modules, "waitress", None)  # import waitress -> ImportError
    gestart = {}

    class NepServer:
        server_port = 8123

        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

        def serve_forever(self):
            gestart["ja"] = True

    monkeypatch.setattr(ws, "make_server", lambda host, poort, app: gestart.update(host=host, poort=poort) or NepServer())
    meldingen: list[str] = []
    wsgi.serveer("127.0.0.1", 8123, waarschuw=meldingen.append)
    assert gestart == {"host": "127.0.0.1", "poort": 8123, "ja": True}
    assert "waitress is niet geïnstalleerd" in meldingen[0] and "niet voor productie" in meldingen[0]


def test_serve_gebruikt_waitress_als_die_er_is(monkeypatch):
    import sys
    import types

    aanroep = {}

    class NepServer:
        def run(self):
            aanroep["draait"] = True

    monkeypatch.setitem(sys.modules, "waitress", types.SimpleNamespace())
    monkeypatch.setattr(wsgi, "maak_server", lambda host, poort: aanroep.update(host=host, port=poort) or NepServer())
    meldingen: list[str] = []
    wsgi.serveer("0.0.0.0", 9000, waarschuw=meldingen.append)
    assert aanroep == {"host": "0.0.0.0", "port": 9000, "draait": True}
    assert "hoogstens 1000 verbindingen, 10 s om een verzoek te sturen" in meldingen[0]


def test_waitress_krijgt_de_grenzen_tegen_trage_clients():
    pytest.importorskip("waitress", reason="waitress is niet geïnstalleerd (extra 'test' of 'server')")
    server = wsgi.maak_server("127.0.0.1", 0)
    try:
        adj = server.adj
        assert (adj.connection_limit, adj.channel_timeout, adj.cleanup_interval, adj.asyncore_use_poll) == (1000, 30, 1, True)
        assert adj.max_request_body_size == wsgi.MAX_GROOTTE
        assert server.channel_class.__name__ == "Kanaal"  # met de leestermijn
    finally:
        server.close()


def test_cli_serve(monkeypatch, runner):
    from sora_core.cli import sora

    aanroep = {}
    monkeypatch.setattr(wsgi, "serveer", lambda host, poort, waarschuw: aanroep.update(host=host, poort=poort))
    r = runner.invoke(sora, ["serve", "--poort", "8181"])
    assert r.exit_code == 0, r.output
    assert aanroep == {"host": "127.0.0.1", "poort": 8181}
