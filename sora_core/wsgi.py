"""HTTP voor zaaksystemen: een WSGI-applicatie zonder webframework.

    POST /beoordeel                 casus (JSON) in, besluit (sora-besluit/1) uit
    POST /beoordeel?zgw=1&rsin=...&besluittype=...[&bestuursorgaan=...][&besluitdatum=...]
                                    idem, maar als lijst ZGW Besluit-resources
    GET  /gemeenten                 de geïnstalleerde gemeenten
    GET  /regelingen?gemeente=GM0361[&peildatum=2025-09-01]
                                    de regelingen die daar op die dag gelden (standaard: vandaag)
    GET  /gezondheid                leeft de dienst, en zijn alle plugins geladen?
    GET  /openapi.json              de OpenAPI-beschrijving (schema's = sora_core/schemas/*.json)

Fouten hebben altijd de vorm van het contract (``sora-fout/1``): 400 voor invoer die niet te
beslissen is, 404 onbekend pad, 405 verkeerde methode, 411 zonder Content-Length, 413 te
groot, 415 geen JSON, 500 interne fout: altijd een vast document met alleen een incidentnummer,
nooit de tekst van een exceptie. Het log (``sora.http``) krijgt één regel per verzoek zonder
casusgegevens (docs/http.md, "Log"); ``maak_server`` zet de grenzen tegen trage clients. De applicatie houdt
geen toestand bij tussen verzoeken: elk verzoek leest alleen zijn eigen invoer; het register
van plugins en het opgeloste beleid zijn onveranderlijk.

Starten: ``sora serve`` (waitress als die er is, anders wsgiref), of elke WSGI-server met
``sora_core.wsgi:app``.
"""

from __future__ import annotations

import json
import logging
import secrets
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Optional
from urllib.parse import parse_qs

from . import __version__
from .fouten import Fout, InvoerFout

#: grootste verzoek in bytes (gelijk aan de grens voor casusbestanden)
MAX_GROOTTE = 1_000_000
SCHEMAS = Path(__file__).with_name("schemas")
JSON_TYPE = "application/json; charset=utf-8"

StartResponse = Callable[..., Any]

#: één regel per verzoek (methode, pad, status, duur, incident; bij 5xx soort fout en plugin),
#: nooit gegevens uit de casus; ``sora serve`` stuurt dit log naar standaardfout
LOG = logging.getLogger("sora.http")
#: de parameters die in het log met naam (zonder waarde) mogen staan
QUERY_NAMEN = ("zgw", "rsin", "besluittype", "bestuursorgaan", "besluitdatum", "gemeente", "peildatum")


class HttpFout(Exception):
    """Een fout met een HTTP-status en een ``sora-fout/1``-document."""

    def __init__(self, status: int, fouten: list[Fout], headers: Optional[list[tuple[str, str]]] = None):
        self.status = status
        self.fouten = fouten
        self.headers = headers or []
        super().__init__(f"{status}: " + "; ".join(f.melding for f in fouten))


STATUS = {200: "200 OK", 400: "400 Bad Request", 404: "404 Not Found", 405: "405 Method Not Allowed",
          411: "411 Length Required", 413: "413 Payload Too Large", 415: "415 Unsupported Media Type",
          500: "500 Internal Server Error"}


def fout_document(fouten: Iterable[Fout]) -> dict:
    return {"contract": "sora-fout/1", "fouten": [f.als_dict() for f in fouten]}


def _json(doc: Any) -> bytes:
    from .model import Besluit
    from .uitvoer import besluit_json, naar_json

    if isinstance(doc, Besluit):  # het hete pad: zonder dict ertussen (zelfde bytes)
        return besluit_json(doc).encode("utf-8")
    return naar_json(doc).encode("utf-8")


def _query(environ: dict) -> dict[str, str]:
    q = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    return {k: v[-1] for k, v in q.items()}


def _datum(waarde: Optional[str], veld: str) -> Optional[date]:
    if waarde is None or waarde == "":
        return None
    from .invoer import datum_uit_tekst

    try:
        return datum_uit_tekst(waarde, veld)
    except InvoerFout as e:  # dezelfde regels als de opdrachtregel en de casus; hier status 400
        raise HttpFout(400, list(e.fouten())) from None


def _lees_body(environ: dict, max_grootte: int) -> bytes:
    lengte = environ.get("CONTENT_LENGTH") or ""
    if not lengte.strip():
        raise HttpFout(411, [Fout(None, "Content-Length ontbreekt; stuur de casus als JSON met een lengte.")])
    try:
        n = int(lengte)
    except ValueError:
        from .invoer import herhaalbaar

        getoond = f": '{herhaalbaar(lengte)}'" if herhaalbaar(lengte) else ""
        raise HttpFout(400, [Fout(None, f"Ongeldige Content-Length{getoond}.")]) from None
    if n < 0:
        raise HttpFout(400, [Fout(None, "Ongeldige Content-Length.")])
    if n > max_grootte:
        raise HttpFout(413, [Fout(None, f"Verzoek is te groot ({n} bytes); hoogstens {max_grootte} bytes.")])
    data = environ["wsgi.input"].read(n) if n else b""
    if len(data) > max_grootte:  # pragma: no cover - de server levert niet meer dan Content-Length
        raise HttpFout(413, [Fout(None, f"Verzoek is groter dan {max_grootte} bytes.")])
    return data


def _controleer_type(environ: dict) -> None:
    ct = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
    if ct and ct != "application/json" and not ct.endswith("+json"):
        import re

        getoond = f" '{ct}'" if re.fullmatch(r"[a-z0-9.+\-]{1,40}/[a-z0-9.+\-]{1,40}", ct) else ""
        raise HttpFout(415, [Fout(None, f"Content-Type{getoond} wordt niet ondersteund; stuur application/json.")])


# --------------------------------------------------------------------------- routes

def beoordeel(environ: dict, max_grootte: int) -> Any:
    from .beslisser import beoordeel as beslis
    from .invoer import casus_uit_dict, lees_document

    q = _query(environ)
    zgw = q.get("zgw", "") not in ("", "0", "false", "nee")
    if zgw:  # eerst de ZGW-parameters, zodat alle fouten samen komen
        from .zgw import controleer_invoer

        try:
            controleer_invoer(q.get("rsin"), q.get("besluittype"), q.get("bestuursorgaan"))
        except InvoerFout as e:
            raise HttpFout(400, list(e.fouten())) from None
    _controleer_type(environ)
    data = _lees_body(environ, max_grootte)
    if not data.strip():
        raise HttpFout(400, [Fout(None, "Lege invoer: stuur een casus als JSON.")])
    casus = casus_uit_dict(lees_document(data, "json"))
    besluitdatum = _datum(q.get("besluitdatum"), "besluitdatum") if zgw else None
    if besluitdatum is not None:  # begint de bezwaartermijn, ook in de motivering
        import attrs

        from .invoer import controleer_samenhang

        casus = attrs.evolve(casus, besluitdatum=besluitdatum)
        controleer_samenhang(casus)
    besluit = beslis(casus)
    if not zgw:
        return besluit
    from .zgw import naar_zgw

    besluitdatum = getattr(casus, "besluitdatum", None)
    return naar_zgw(besluit, rsin=q["rsin"], besluittype=q["besluittype"], besluitdatum=besluitdatum,
                    bestuursorgaan=q.get("bestuursorgaan") or None)


def gemeenten(environ: dict, max_grootte: int) -> Any:
    from .plugins import register

    return register().overzicht()


def regelingen(environ: dict, max_grootte: int) -> Any:
    from .beleid import los_op
    from .beslisser import catalogus
    from .plugins import gemeente_bestaat_op, register

    q = _query(environ)
    fouten = []
    if not q.get("gemeente"):
        fouten.append(Fout("gemeente", "Parameter 'gemeente' ontbreekt (CBS-code zoals GM0361, of pluginnaam)."))
    try:
        peildatum = _datum(q.get("peildatum"), "peildatum") or date.today()
    except HttpFout as e:
        fouten += e.fouten
        peildatum = None
    if fouten:
        raise HttpFout(400, fouten)
    plugin = register().zoek(q["gemeente"])
    gemeente_bestaat_op(plugin, peildatum)
    beleid = los_op(plugin, peildatum)
    return {
        "gemeente": {"cbs_code": plugin.info.cbs_code, "naam": plugin.info.naam, "plugin": plugin.naam,
                     "plugin_versie": plugin.info.plugin_versie},
        "peildatum": peildatum.isoformat(),
        "regelingen": [{
            "regeling": r.sleutel, "naam": r.naam, "pakket": r.pakket, "bron": r.bron, "grondslag": r.grondslag,
            "omschrijving": r.omschrijving, "geldig_vanaf": r.geldig_vanaf.isoformat(),
            "geldig_tot": r.geldig_tot.isoformat() if r.geldig_tot else None,
        } for r in catalogus(beleid).values()],
        "beleid_vingerafdruk": beleid.vingerafdruk,
    }


def gezondheid(environ: dict, max_grootte: int) -> Any:
    from .plugins import register

    reg = register()
    return {"status": "ok" if reg.plugins and not reg.fouten else "verminderd", "toolkit_versie": __version__,
            "gemeenten": len(reg.plugins), "plugin_fouten": len(reg.fouten)}


def openapi(environ: dict, max_grootte: int) -> Any:
    return openapi_document()


ROUTES: dict[str, dict[str, Callable[[dict, int], Any]]] = {
    "/beoordeel": {"POST": beoordeel},
    "/gemeenten": {"GET": gemeenten},
    "/regelingen": {"GET": regelingen},
    "/gezondheid": {"GET": gezondheid},
    "/openapi.json": {"GET": openapi},
}


# --------------------------------------------------------------------------- OpenAPI

SCHEMA_BESTANDEN = {"Casus": "casus.schema.json", "Besluit": "besluit.schema.json", "Fout": "fout.schema.json"}


def laad_schemas() -> dict[str, Any]:
    """De JSON Schemas van het contract, bij elk verzoek opnieuw van schijf gelezen. Ontbreekt
    een bestand, dan verwijst de OpenAPI-beschrijving er met ``$ref`` naar op naam."""
    uit: dict[str, Any] = {}
    for naam, bestand in SCHEMA_BESTANDEN.items():
        pad = SCHEMAS / bestand
        if pad.is_file():
            uit[naam] = json.loads(pad.read_text(encoding="utf-8"))
        else:
            uit[naam] = {"$ref": bestand}
    return uit


_DATUM = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_DATUM_OF_NULL = {"anyOf": [{"type": "null"}, _DATUM]}
_GEMEENTE = {"type": "object", "required": ["cbs_code", "naam", "plugin", "plugin_versie"],
             "properties": {"cbs_code": {"type": "string", "pattern": "^GM[0-9]{4}$"}, "naam": {"type": "string"},
                            "plugin": {"type": "string"}, "plugin_versie": {"type": "string"}}}

#: schema's van de antwoorden die niet in het casuscontract staan (de tests toetsen ze)
EIGEN_SCHEMAS: dict[str, Any] = {
    "Gemeenten": {
        "type": "object", "additionalProperties": False, "required": ["gemeenten", "plugin_fouten"],
        "properties": {
            "gemeenten": {"type": "array", "items": {**_GEMEENTE, "required": _GEMEENTE["required"] + [
                "geldig_vanaf", "geldig_tot"], "properties": {**_GEMEENTE["properties"], "geldig_vanaf": _DATUM_OF_NULL,
                                                              "geldig_tot": _DATUM_OF_NULL}, "additionalProperties": False}},
            "plugin_fouten": {"type": "array", "items": {
                "type": "object", "required": ["plugin", "melding"],
                "properties": {"plugin": {"type": "string"}, "melding": {"type": "string"}}}},
        }},
    "Regelingen": {
        "type": "object", "additionalProperties": False,
        "required": ["gemeente", "peildatum", "regelingen", "beleid_vingerafdruk"],
        "properties": {
            "gemeente": _GEMEENTE, "peildatum": _DATUM,
            "regelingen": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["regeling", "naam", "pakket", "bron", "grondslag", "omschrijving", "geldig_vanaf", "geldig_tot"],
                "properties": {"regeling": {"type": "string"}, "naam": {"type": "string"},
                               "pakket": {"enum": ["basis", "plus"]}, "bron": {"type": "string"},
                               "grondslag": {"type": "string", "minLength": 1}, "omschrijving": {"type": "string"},
                               "geldig_vanaf": _DATUM, "geldig_tot": _DATUM_OF_NULL}}},
            "beleid_vingerafdruk": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"},
        }},
    "Gezondheid": {
        "type": "object", "additionalProperties": False,
        "required": ["status", "toolkit_versie", "gemeenten", "plugin_fouten"],
        "properties": {"status": {"enum": ["ok", "verminderd"]}, "toolkit_versie": {"type": "string"},
                       "gemeenten": {"type": "integer", "minimum": 0}, "plugin_fouten": {"type": "integer", "minimum": 0}}},
    "ZgwBesluiten": {
        "description": "Besluit-resources van de VNG ZGW Besluiten API 1.0.2 (schema Besluit), één per beslissing.",
        "type": "array", "items": {
            "type": "object",
            "required": ["verantwoordelijkeOrganisatie", "besluittype", "datum", "ingangsdatum"],
            "properties": {"verantwoordelijkeOrganisatie": {"type": "string", "maxLength": 9, "minLength": 1},
                           "besluittype": {"type": "string", "format": "uri", "maxLength": 200, "minLength": 1},
                           "datum": {"type": "string", "format": "date"},
                           "ingangsdatum": {"type": "string", "format": "date"},
                           "toelichting": {"type": "string"},
                           "bestuursorgaan": {"type": "string", "maxLength": 50},
                           "uiterlijkeReactiedatum": {"type": ["string", "null"], "format": "date"}}}},
}


def _fout_antwoord(omschrijving: str) -> dict:
    return {"description": omschrijving,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}}


def openapi_document() -> dict:
    """OpenAPI 3.1 (JSON Schema 2020-12, net als de schema's van het contract)."""
    fouten = {"400": _fout_antwoord("De invoer kan niet worden beslist (sora-fout/1, alle problemen per veld)."),
              "500": _fout_antwoord("Interne fout, bijvoorbeeld een plugin die faalt.")}
    obj = {"type": "object"}

    def ref(naam: str) -> dict:
        return {"$ref": f"#/components/schemas/{naam}"}

    return {
        "openapi": "3.1.0",
        "info": {"title": "SORA: minimabeleid regio Alkmaar", "version": __version__,
                 "description": "Beslis over een casus volgens het casuscontract (sora-besluit/1, sora-fout/1).",
                 "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"}},
        "paths": {
            "/beoordeel": {"post": {
                "summary": "Beslis over een casus",
                "parameters": [
                    {"name": "zgw", "in": "query", "required": False, "schema": {"type": "string", "enum": ["0", "1"]},
                     "description": "1: antwoord als lijst ZGW Besluit-resources (Besluiten API 1.0.2)."},
                    {"name": "rsin", "in": "query", "required": False, "schema": {"type": "string", "pattern": "^[0-9]{9}$"},
                     "description": "RSIN van de gemeente (verplicht bij zgw=1)."},
                    {"name": "besluittype", "in": "query", "required": False,
                     "schema": {"type": "string", "format": "uri", "maxLength": 200},
                     "description": "URL van het BESLUITTYPE (verplicht bij zgw=1)."},
                    {"name": "bestuursorgaan", "in": "query", "required": False,
                     "schema": {"type": "string", "maxLength": 50}},
                    {"name": "besluitdatum", "in": "query", "required": False, "schema": {"type": "string", "format": "date"}},
                ],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Casus"}}}},
                "responses": {
                    "200": {"description": "Het besluit (of met zgw=1: de ZGW-besluiten).", "content": {
                        "application/json": {"schema": {"oneOf": [
                            ref("Besluit"), ref("ZgwBesluiten")]}}}},
                    **fouten,
                    "411": _fout_antwoord("Content-Length ontbreekt."),
                    "413": _fout_antwoord(f"Verzoek groter dan {MAX_GROOTTE} bytes."),
                    "415": _fout_antwoord("Geen JSON."),
                }}},
            "/gemeenten": {"get": {"summary": "De geïnstalleerde gemeenten",
                                   "responses": {"200": {"description": "Gemeenten en plugins die niet laadden.",
                                                         "content": {"application/json": {"schema": ref("Gemeenten")}}}}}},
            "/regelingen": {"get": {
                "summary": "De regelingen van een gemeente op een peildatum",
                "parameters": [
                    {"name": "gemeente", "in": "query", "required": True, "schema": {"type": "string"}},
                    {"name": "peildatum", "in": "query", "required": False, "schema": {"type": "string", "format": "date"},
                     "description": "Standaard: vandaag."}],
                "responses": {"200": {"description": "Basispakket en pluspakket.",
                                      "content": {"application/json": {"schema": ref("Regelingen")}}}, **fouten}}},
            "/gezondheid": {"get": {"summary": "Leeft de dienst?",
                                    "responses": {"200": {"description": "Status en aantal geladen gemeenten.",
                                                          "content": {"application/json": {"schema": ref("Gezondheid")}}}}}},
            "/openapi.json": {"get": {"summary": "Deze beschrijving",
                                      "responses": {"200": {"description": "OpenAPI 3.1",
                                                            "content": {"application/json": {"schema": obj}}}}}},
        },
        "components": {"schemas": {**laad_schemas(), **EIGEN_SCHEMAS}},
    }


# --------------------------------------------------------------------------- de applicatie

def _incident() -> str:
    return secrets.token_hex(6)


def _fout_500(incident: str) -> bytes:
    """Het vaste antwoord bij elke 5xx: geen tekst uit een exceptie (die kan een naam of
    geboortedatum bevatten die een plugin erin zette), alleen het incidentnummer voor het log."""
    return _json(fout_document([Fout(None, f"Interne fout (incident {incident}); de beheerder vindt de details "
                                          "onder dit nummer in het serverlog.")]))


def _plugin_van(e: BaseException) -> str:
    """De plugin waar een fout vandaan komt ('-' als dat niet bekend is): de naam uit een
    ``PluginFout`` of ``BeleidFout``, anders de module van de diepste frame buiten de kern."""
    from .fouten import BeleidFout, PluginFout

    if isinstance(e, PluginFout):
        return e.plugin
    if isinstance(e, BeleidFout):
        return e.bron
    tb, naam = e.__traceback__, "-"
    while tb is not None:
        module = tb.tb_frame.f_globals.get("__name__", "")
        if module.startswith("sora_") and not module.startswith("sora_core"):
            naam = module.split(".")[0]
        tb = tb.tb_next
    return naam


def _log_pad(pad: str, environ: dict) -> str:
    """Het pad voor het log: alleen een bekende route, met de namen (niet de waarden) van
    bekende parameters. Een onbekend pad kan een BSN of naam zijn en komt er niet in."""
    if pad not in ROUTES:
        return "(onbekend pad)"
    namen = sorted({k for k in _query(environ) if k in QUERY_NAMEN})
    return pad + ("?" + "&".join(namen) if namen else "")


def maak_app(max_grootte: int = MAX_GROOTTE, log: Optional[logging.Logger] = None
             ) -> Callable[[dict, StartResponse], list[bytes]]:
    """Maak de WSGI-applicatie (``max_grootte``: grootste verzoek in bytes; ``log``: waar de
    regel per verzoek heen gaat, standaard de logger ``sora.http``)."""
    logger = log or LOG

    def app(environ: dict, start_response: StartResponse) -> list[bytes]:
        begin = time.perf_counter()
        pad = environ.get("PATH_INFO") or "/"
        if len(pad) > 1:
            pad = pad.rstrip("/")
        methode = environ.get("REQUEST_METHOD", "GET").upper()
        headers: list[tuple[str, str]] = []
        incident, extra = "-", ""
        try:
            route = ROUTES.get(pad)
            if route is None:  # het pad zelf komt niet terug: het kan een BSN of naam zijn
                raise HttpFout(404, [Fout(None, f"Onbekend pad; bekend: {', '.join(ROUTES)}.")])
            functie = route.get(methode)
            if functie is None:
                toegestaan = ", ".join(sorted(route))
                raise HttpFout(405, [Fout(None, f"Methode {_methode(methode)} is niet toegestaan op {pad}; "
                                                f"gebruik {toegestaan}.")], [("Allow", toegestaan)])
            status, body = 200, _json(functie(environ, max_grootte))
        except HttpFout as e:
            status, body, headers = e.status, _json(fout_document(e.fouten)), e.headers
        except InvoerFout as e:
            status, body = 400, _json(e.als_dict())
        except Exception as e:  # plugin-, beleids- of interne fout: een vast antwoord, details in het log
            incident = _incident()
            status, body = 500, _fout_500(incident)
            headers = [("X-Sora-Incident", incident)]
            extra = f" fout={type(e).__name__} plugin={_plugin_van(e)}"
        duur = (time.perf_counter() - begin) * 1000
        regel = (f"methode={_methode(methode)} pad={_log_pad(pad, environ)} status={status} duur_ms={duur:.1f} "
                 f"incident={incident}{extra}")
        (logger.error if status >= 500 else logger.info)(regel)
        start_response(STATUS[status], [("Content-Type", JSON_TYPE), ("Content-Length", str(len(body))),
                                         ("Cache-Control", "no-store"), *headers])
        return [body] if methode != "HEAD" else []

    return app


def _methode(m: str) -> str:
    """De methode voor melding en log: alleen een gewoon HTTP-woord, anders '?'."""
    return m if m.isascii() and m.isalpha() and len(m) <= 10 else "?"


app = maak_app()


def log_naar_standaardfout() -> None:
    """Stuur het log ``sora.http`` (niveau INFO) naar standaardfout, als niemand het al inrichtte."""
    if LOG.handlers or logging.getLogger().handlers:
        return
    h = logging.StreamHandler(sys.stderr)
    h.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    LOG.addHandler(h)
    LOG.setLevel(logging.INFO)


#: Grenzen voor waitress (docs/http.md, "Trage clients"). Met de standaard van waitress
#: (connection_limit=100) hielden 99 verbindingen die elk één byte per keer stuurden elke andere
#: client buiten: een trage body telt als activiteit, dus channel_timeout sluit hem nooit.
WAITRESS_GRENZEN: dict[str, Any] = {
    "connection_limit": 1000,        # ruim boven wat trage clients vullen voordat de leestermijn ze sluit
    "asyncore_use_poll": True,       # poll() in plaats van select(): geen grens van 1024 bestandsdescriptors
    "channel_timeout": 30,           # een verbinding zonder verkeer gaat na 30 s dicht (standaard 120)
    "cleanup_interval": 1,           # elke seconde opruimen (standaard 30), zodat de leestermijn ook echt geldt
    "max_request_body_size": MAX_GROOTTE,  # de server leest niet meer dan de app ooit aanneemt
    "max_request_header_size": 65536,
    "threads": 4,
}
#: hoogstens zoveel seconden om één verzoek (kop en body) binnen te krijgen; waitress kent zelf
#: geen leestermijn, ``maak_server`` voegt hem toe
LEESTERMIJN = 10


def maak_server(host: str = "127.0.0.1", poort: int = 8080, leestermijn: float = LEESTERMIJN, **grenzen: Any) -> Any:
    """Een waitress-server met ``WAITRESS_GRENZEN`` (``grenzen`` vervangt er een) en een
    leestermijn: een verbinding die na ``leestermijn`` seconden nog geen volledig verzoek heeft
    gestuurd (hoe traag of druppelend ook), wordt gesloten. ``.run()`` start hem."""
    from waitress.channel import HTTPChannel
    from waitress.server import BaseWSGIServer, create_server

    class Kanaal(HTTPChannel):
        #: wanneer de eerste bytes van het verzoek dat nu binnenkomt er waren (None: geen half verzoek)
        leesbegin: Optional[float] = None

        def received(self, data: bytes) -> bool:
            uit = super().received(data)
            if self.request is None:
                self.leesbegin = None
            elif self.leesbegin is None:
                self.leesbegin = time.monotonic()
            return uit

    def onderhoud(server: Any, now: float) -> None:
        BaseWSGIServer.maintenance(server, now)
        grens = time.monotonic() - leestermijn
        for kanaal in list(server.active_channels.values()):
            begin = getattr(kanaal, "leesbegin", None)
            if begin is not None and begin < grens:
                kanaal.will_close = True  # sluit bij de volgende ronde van de lus, zonder antwoord

    kaart: dict = {}
    server = create_server(app, map=kaart, host=host, port=poort, **{**WAITRESS_GRENZEN, **grenzen})
    for s in {id(x): x for x in [server, *kaart.values()]}.values():
        if isinstance(s, BaseWSGIServer):
            s.channel_class = Kanaal
            s.maintenance = (lambda now, s=s: onderhoud(s, now))
    return server


def serveer(host: str = "127.0.0.1", poort: int = 8080, waarschuw: Callable[[str], None] = print) -> None:
    """Host de applicatie met waitress (productie, extra ``sora[server]``; met de grenzen van
    ``maak_server``), of valt terug op wsgiref uit de standaardbibliotheek, met een
    waarschuwing (alleen om lokaal te proberen). De regel per verzoek (logger ``sora.http``) gaat
    naar standaardfout, tenzij het log al elders is ingericht."""
    log_naar_standaardfout()
    try:
        import waitress  # noqa: F401
    except ImportError:
        waitress = None
    if waitress is not None:
        server = maak_server(host, poort)
        waarschuw(f"SORA luistert op http://{host}:{poort} (waitress; hoogstens {WAITRESS_GRENZEN['connection_limit']} "
                  f"verbindingen, {LEESTERMIJN} s om een verzoek te sturen).")
        server.run()
        return
    from wsgiref.simple_server import make_server

    waarschuw("Waarschuwing: waitress is niet geïnstalleerd (pip install 'sora-core[server]'); SORA draait nu op "
              "wsgiref uit de standaardbibliotheek. Dat is alleen geschikt om lokaal te proberen, niet voor productie.")
    with make_server(host, poort, app) as server:
        waarschuw(f"SORA luistert op http://{host}:{server.server_port} (wsgiref).")
        server.serve_forever()
