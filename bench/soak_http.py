"""Duurtest van de HTTP-dienst (issue 13, "Figures to report"): ``bench/soak_http.py``.

Start de echte server (``sora_core.wsgi.maak_server``, dezelfde waitress met dezelfde grenzen
en hetzelfde log naar standaardfout als ``sora serve``) in een eigen proces, alleen op
127.0.0.1 en op een vrije poort die de server zelf kiest, en belast hem een vaste tijd:

- ``--clients`` gewone clients (standaard 200) die elk over hun eigen keep-alive-verbinding
  ``POST /beoordeel`` sturen met geldige casussen (de voorbeelden uit ``voorbeelden/*.toml``,
  als JSON); elk antwoord moet 2xx zijn en een ``sora-besluit/1``-document;
- ``--traag`` trage clients (standaard 150) die de body van een casus byte voor byte
  druppelen (één byte per ``--druppel`` seconden) en opnieuw verbinden als de server ze sluit.

Gemeten: verzoeken per seconde, latentie p50/p95/p99/max van de gewone verzoeken, fouten
(elke niet-2xx van een gewone client, verbindingsfouten, time-outs; doel 0), het RSS van het
serverproces voor en na (``/proc/<pid>/status``) en hoeveel trage verbindingen de server sloot.

Begrensd: elke lus stopt op tijd en op aantal, de server wordt altijd opgeruimd (ook bij een
fout of Ctrl-C). Schrijft de cijfers naar ``bench/soak.json`` (``--uit``) en print een korte
samenvatting. ``--snel`` (5 s, 20 clients, 15 trage, leestermijn 2 s) is de rooktest van
``tests/test_soak_rook.py`` en schrijft nooit naar ``bench/soak.json``.

Alleen de standaardbibliotheek (plus wat het project al heeft); exitcode 0 als er geen fouten
waren, 1 bij fouten, 2 als de meting niet kon starten (bijvoorbeeld zonder waitress).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import select
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

HIER = Path(__file__).resolve().parent
ROOT = HIER.parent
STANDAARD_UIT = HIER / "soak.json"
#: nooit een ander adres: de dienst heeft geen authenticatie
HOST = "127.0.0.1"

#: harde bovengrenzen naast de tijd, zodat geen lus ooit onbegrensd is
MAX_PER_CLIENT = 1_000_000
MAX_HERVERBINDINGEN = 1_000_000

#: het serverproces: precies wat ``sora serve`` doet (log naar standaardfout, maak_server met
#: WAITRESS_GRENZEN), maar op poort 0 zodat het besturingssysteem een vrije poort kiest
#: (geen race tussen "vrije poort zoeken" en binden); de poort gaat als eerste regel naar stdout
SERVER_CODE = """
import sys
from sora_core import wsgi
wsgi.log_naar_standaardfout()
server = wsgi.maak_server(sys.argv[1], 0, leestermijn=float(sys.argv[2]))
print(server.effective_port, flush=True)
server.run()
"""


# --------------------------------------------------------------------------- hulpjes

def casussen() -> list[bytes]:
    """De voorbeeldcasussen uit ``voorbeelden/*.toml`` als JSON-bytes (gelezen met de eigen
    lezer van SORA, zodat ook een verkorte datum als ``2025-09`` werkt)."""
    from sora_core.invoer import lees_document

    uit = []
    for pad in sorted((ROOT / "voorbeelden").glob("*.toml")):
        doc = lees_document(pad.read_bytes(), "toml")
        uit.append(json.dumps(doc, default=str, ensure_ascii=False).encode("utf-8"))
    if not uit:
        raise SystemExit("geen voorbeeldcasussen gevonden in voorbeelden/*.toml")
    return uit


def geheugen(pid: int) -> dict[str, Optional[float]]:
    """VmRSS en VmHWM (piek) van een proces in MB, uit ``/proc/<pid>/status`` (None als het
    niet te lezen is, bijvoorbeeld buiten Linux)."""
    uit: dict[str, Optional[float]] = {"rss_mb": None, "piek_mb": None}
    try:
        tekst = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return uit
    for regel in tekst.splitlines():
        sleutel, _, waarde = regel.partition(":")
        if sleutel in ("VmRSS", "VmHWM"):
            kb = int(waarde.split()[0])
            uit["rss_mb" if sleutel == "VmRSS" else "piek_mb"] = round(kb / 1024, 1)
    return uit


def percentiel(gesorteerd: list[float], p: float) -> Optional[float]:
    """Nearest-rank-percentiel van een gesorteerde lijst (None als die leeg is)."""
    if not gesorteerd:
        return None
    k = max(0, min(len(gesorteerd) - 1, int(round(p / 100 * len(gesorteerd) + 0.5)) - 1))
    return gesorteerd[k]


class Server:
    """Het serverproces; ``stop()`` ruimt altijd op (SIGTERM, na 5 s SIGKILL)."""

    def __init__(self, leestermijn: float, log_pad: Path):
        self.log_pad = log_pad
        self._log = open(log_pad, "wb")
        self.proc = subprocess.Popen([sys.executable, "-c", SERVER_CODE, HOST, str(leestermijn)], cwd=ROOT,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._log)
        self.poort = self._lees_poort(deadline=time.monotonic() + 30)

    def _lees_poort(self, deadline: float) -> int:
        assert self.proc.stdout is not None
        regel = b""
        while time.monotonic() < deadline and not regel.endswith(b"\n"):
            klaar, _, _ = select.select([self.proc.stdout], [], [], 0.2)
            if klaar:
                teken = os.read(self.proc.stdout.fileno(), 1)
                if not teken:
                    break
                regel += teken
            elif self.proc.poll() is not None:
                break
        if not regel.strip().isdigit():
            self.stop()
            fout = self.log_pad.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"de server startte niet (exitcode {self.proc.returncode}): {fout}")
        return int(regel)

    def stop(self) -> Optional[int]:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        if self.proc.stdout:
            self.proc.stdout.close()
        self._log.close()
        return self.proc.returncode


# --------------------------------------------------------------------------- gewone clients

class Gewoon(threading.Thread):
    """Een gewone client: POST /beoordeel over één keep-alive-verbinding, tot ``einde``."""

    def __init__(self, nr: int, poort: int, bodies: list[bytes], start: threading.Event, einde: list[float],
                 timeout: float):
        super().__init__(daemon=True, name=f"gewoon-{nr}")
        self.nr, self.poort, self.bodies, self.start_sein, self.einde, self.timeout = (
            nr, poort, bodies, start, einde, timeout)
        self.latenties: list[float] = []
        self.fouten: dict[str, int] = {}
        self.voorbeelden: list[str] = []
        self.verbindingen = 0

    def _fout(self, soort: str, detail: str) -> None:
        self.fouten[soort] = self.fouten.get(soort, 0) + 1
        if len(self.voorbeelden) < 3:
            self.voorbeelden.append(f"{soort}: {detail}"[:200])

    def run(self) -> None:
        self.start_sein.wait(timeout=60)
        conn: Optional[http.client.HTTPConnection] = None
        kop = {"Content-Type": "application/json"}
        i = self.nr
        for _ in range(MAX_PER_CLIENT):
            if time.monotonic() >= self.einde[0]:
                break
            body = self.bodies[i % len(self.bodies)]
            i += 1
            if conn is None:
                conn = http.client.HTTPConnection(HOST, self.poort, timeout=self.timeout)
                self.verbindingen += 1
            begin = time.perf_counter()
            try:
                conn.request("POST", "/beoordeel", body=body, headers=kop)
                r = conn.getresponse()
                data = r.read()
                duur = time.perf_counter() - begin
                if not 200 <= r.status < 300:
                    self._fout(f"status_{r.status}", data[:120].decode("utf-8", "replace"))
                elif b'"contract": "sora-besluit/1"' not in data[:200] and b'"contract":"sora-besluit/1"' not in data[:200]:
                    self._fout("geen_besluit", data[:120].decode("utf-8", "replace"))
                else:
                    self.latenties.append(duur)
                if r.will_close:
                    conn.close()
                    conn = None
            except socket.timeout as e:
                self._fout("timeout", repr(e))
                conn.close()
                conn = None
            except (OSError, http.client.HTTPException) as e:
                self._fout("verbinding", f"{type(e).__name__}: {e}")
                conn.close()
                conn = None
                time.sleep(0.05)  # geen storm van herverbindingen als de server weg is
        if conn is not None:
            conn.close()


# --------------------------------------------------------------------------- trage clients

class Druppelaar(threading.Thread):
    """``aantal`` trage verbindingen in één thread (selectors): elke ``interval`` s één byte
    van de body op elke verbinding; sluit de server er een, dan telt dat en komt er een nieuwe
    voor in de plaats (tot ``einde``, en hoogstens MAX_HERVERBINDINGEN keer)."""

    def __init__(self, aantal: int, poort: int, body: bytes, interval: float, start: threading.Event,
                 einde: list[float]):
        super().__init__(daemon=True, name="druppelaar")
        self.aantal, self.poort, self.body, self.interval, self.start_sein, self.einde = (
            aantal, poort, body, interval, start, einde)
        self.kop = (f"POST /beoordeel HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode("ascii")
        self.geopend = 0
        self.door_server_gesloten = 0
        self.voltooid = 0  # de hele body kwam aan en er kwam een antwoord (alleen bij snel druppelen)
        self.verbindfouten = 0
        self.levensduur: list[float] = []  # van verbinden tot sluiten door de server, in s
        self.open_bij_einde = 0
        self.stop = threading.Event()

    def _open(self, sel: selectors.BaseSelector) -> None:
        try:
            s = socket.create_connection((HOST, self.poort), timeout=5)
            s.sendall(self.kop)
            s.setblocking(False)
        except OSError:
            self.verbindfouten += 1
            return
        self.geopend += 1
        sel.register(s, selectors.EVENT_READ, {"pos": 0, "sinds": time.monotonic()})

    def _dicht(self, sel: selectors.BaseSelector, s: socket.socket) -> None:
        sel.unregister(s)
        s.close()

    def run(self) -> None:
        self.start_sein.wait(timeout=60)
        sel = selectors.DefaultSelector()
        try:
            for _ in range(self.aantal):
                if time.monotonic() < self.einde[0]:
                    self._open(sel)
            volgende = time.monotonic()
            herverbonden = 0
            while time.monotonic() < self.einde[0] and not self.stop.is_set():
                # lezen tot de volgende druppel: b"" of een reset betekent dat de server sloot
                for sleutel, _ in sel.select(timeout=max(0.0, volgende - time.monotonic())):
                    s, staat = sleutel.fileobj, sleutel.data
                    try:
                        data = s.recv(65536)
                    except BlockingIOError:
                        continue
                    except OSError:
                        data = b""
                    if data and staat["pos"] >= len(self.body):
                        self.voltooid += 1  # er kwam een antwoord op de volledige body
                    elif data:
                        continue  # (onverwacht) antwoord op een half verzoek: lees door tot sluiten
                    else:
                        self.door_server_gesloten += 1
                        self.levensduur.append(time.monotonic() - staat["sinds"])
                    self._dicht(sel, s)
                    if herverbonden < MAX_HERVERBINDINGEN and time.monotonic() < self.einde[0]:
                        herverbonden += 1
                        self._open(sel)
                if time.monotonic() < volgende:
                    continue
                volgende += self.interval
                for sleutel in list(sel.get_map().values()):
                    s, staat = sleutel.fileobj, sleutel.data
                    if staat["pos"] < len(self.body):
                        try:
                            s.send(self.body[staat["pos"]:staat["pos"] + 1])
                            staat["pos"] += 1
                        except BlockingIOError:
                            pass
                        except OSError:
                            pass  # de server sloot; de volgende select ziet dat
        finally:
            self.open_bij_einde = len(sel.get_map())
            for sleutel in list(sel.get_map().values()):
                self._dicht(sel, sleutel.fileobj)
            sel.close()


# --------------------------------------------------------------------------- meting

def voorcontrole(poort: int, bodies: list[bytes]) -> None:
    """Elke casus moet los 200 geven; anders meet de duurtest iets anders dan hij zegt."""
    for i, body in enumerate(bodies):
        conn = http.client.HTTPConnection(HOST, poort, timeout=30)
        try:
            conn.request("POST", "/beoordeel", body=body, headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            data = r.read()
        finally:
            conn.close()
        if r.status != 200:
            raise RuntimeError(f"voorbeeldcasus {i} gaf {r.status}: {data[:300]!r}")


def log_statussen(pad: Path) -> dict[str, int]:
    """Het aantal regels per status in het serverlog (``status=NNN``)."""
    uit: dict[str, int] = {}
    try:
        with open(pad, "rb") as f:
            for regel in f:
                i = regel.find(b" status=")
                if i >= 0:
                    st = regel[i + 8:i + 11].decode("ascii", "replace")
                    uit[st] = uit.get(st, 0) + 1
    except OSError:
        pass
    return dict(sorted(uit.items()))


def meet(duur: float, clients: int, traag: int, druppel: float, timeout: float, leestermijn: float,
         log_pad: Path) -> dict[str, Any]:
    bodies = casussen()
    server = Server(leestermijn, log_pad)
    monsters: list[float] = []
    try:
        voorcontrole(server.poort, bodies)
        # opwarmen: elke casus een paar keer, zodat "voor" het geheugen van een warme server is
        for _ in range(3):
            voorcontrole(server.poort, bodies)
        voor = geheugen(server.proc.pid)

        start = threading.Event()
        einde = [float("inf")]
        gewoon = [Gewoon(i, server.poort, bodies, start, einde, timeout) for i in range(clients)]
        druppelaar = Druppelaar(traag, server.poort, bodies[0], druppel, start, einde)
        for t in gewoon:
            t.start()
        druppelaar.start()
        t0 = time.monotonic()
        einde[0] = t0 + duur
        start.set()
        while time.monotonic() < einde[0]:  # RSS elke seconde bemonsteren
            time.sleep(min(1.0, max(0.0, einde[0] - time.monotonic())))
            m = geheugen(server.proc.pid)["rss_mb"]
            if m is not None:
                monsters.append(m)
        for t in gewoon:
            t.join(timeout=timeout + 5)
        nog_bezig = sum(t.is_alive() for t in gewoon)
        t1 = time.monotonic()
        druppelaar.stop.set()
        druppelaar.join(timeout=10)
        na = geheugen(server.proc.pid)
        server_leeft = server.proc.poll() is None
    finally:
        exitcode = server.stop()

    latenties = sorted(x for t in gewoon for x in t.latenties)
    fouten: dict[str, int] = {}
    voorbeelden: list[str] = []
    for t in gewoon:
        for k, v in t.fouten.items():
            fouten[k] = fouten.get(k, 0) + v
        voorbeelden += t.voorbeelden
    if nog_bezig:
        fouten["client_hing"] = nog_bezig
    if not server_leeft:
        fouten["server_gestopt"] = 1
    gemeten_s = t1 - t0

    def ms(x: Optional[float]) -> Optional[float]:
        return None if x is None else round(x * 1000, 1)

    lev = sorted(druppelaar.levensduur)
    return {
        "gemeten_s": round(gemeten_s, 2),
        "gewoon": {
            "verzoeken_ok": len(latenties),
            "verzoeken_per_s": round(len(latenties) / gemeten_s, 1) if gemeten_s > 0 else None,
            "latentie_ms": {"p50": ms(percentiel(latenties, 50)), "p95": ms(percentiel(latenties, 95)),
                            "p99": ms(percentiel(latenties, 99)), "max": ms(latenties[-1] if latenties else None)},
            "verbindingen": sum(t.verbindingen for t in gewoon),
        },
        "fouten": {"totaal": sum(fouten.values()), "per_soort": dict(sorted(fouten.items())),
                   "voorbeelden": voorbeelden[:10]},
        "traag": {
            "geopend": druppelaar.geopend,
            "door_server_gesloten": druppelaar.door_server_gesloten,
            "voltooid_met_antwoord": druppelaar.voltooid,
            "open_bij_einde": druppelaar.open_bij_einde,
            "verbindfouten": druppelaar.verbindfouten,
            "levensduur_s": {"min": round(lev[0], 2) if lev else None,
                             "mediaan": round(percentiel(lev, 50), 2) if lev else None,
                             "max": round(lev[-1], 2) if lev else None},
        },
        "server_geheugen_mb": {"rss_voor": voor["rss_mb"], "rss_na": na["rss_mb"],
                               "rss_max_tijdens": max(monsters) if monsters else None,
                               "piek_vmhwm_na": na["piek_mb"],
                               "rss_per_seconde": monsters},
        "server_log_statussen": log_statussen(log_pad),
        "server_exitcode_na_sigterm": exitcode,
    }


def samenvatting(doc: dict[str, Any]) -> str:
    r, p = doc["resultaat"], doc["parameters"]
    g, lat, tr, mem = r["gewoon"], r["gewoon"]["latentie_ms"], r["traag"], r["server_geheugen_mb"]

    def nl(x: Any) -> str:
        return "-" if x is None else str(x).replace(".", ",")

    regels = [
        f"Duurtest HTTP ({doc['gemeten_op']}, {doc['machine']['kernen']} kernen): {nl(r['gemeten_s'])} s, "
        f"{p['clients']} gewone en {p['traag']} trage clients op {HOST}.",
        f"  gewone verzoeken: {g['verzoeken_ok']} goed, {nl(g['verzoeken_per_s'])} per seconde; latentie p50 "
        f"{nl(lat['p50'])} ms, p95 {nl(lat['p95'])} ms, p99 {nl(lat['p99'])} ms, max {nl(lat['max'])} ms",
        f"  fouten: {r['fouten']['totaal']}" + (f" {r['fouten']['per_soort']}" if r["fouten"]["totaal"] else " (doel 0)"),
        f"  trage verbindingen: {tr['geopend']} geopend, {tr['door_server_gesloten']} door de server gesloten "
        f"(na mediaan {nl(tr['levensduur_s']['mediaan'])} s), {tr['open_bij_einde']} open bij het einde, "
        f"{tr['verbindfouten']} konden niet verbinden",
        f"  geheugen server (RSS): {nl(mem['rss_voor'])} MB voor, {nl(mem['rss_na'])} MB na, "
        f"hoogstens {nl(mem['rss_max_tijdens'])} MB tijdens",
    ]
    return "\n".join(regels)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Duurtest van de HTTP-dienst (alleen op 127.0.0.1).")
    ap.add_argument("--duur", type=float, default=None, help="seconden belasting (standaard 60; --snel: 5)")
    ap.add_argument("--clients", type=int, default=None, help="gewone clients (standaard 200; --snel: 20)")
    ap.add_argument("--traag", type=int, default=None, help="trage clients (standaard 150; --snel: 15)")
    ap.add_argument("--druppel", type=float, default=0.2, help="seconden tussen twee bytes van een trage client")
    ap.add_argument("--timeout", type=float, default=10.0, help="time-out van een gewoon verzoek in seconden")
    ap.add_argument("--leestermijn", type=float, default=None,
                    help="leestermijn van de server in s (standaard die van sora serve; --snel: 2)")
    ap.add_argument("--snel", action="store_true", help="rooktest: 5 s, 20 clients, 15 trage; vereist geen bench/soak.json")
    ap.add_argument("--uit", type=Path, default=None, help="JSON-uitvoer (standaard bench/soak.json; --snel: een tijdelijk pad)")
    a = ap.parse_args(argv)

    try:
        import waitress  # noqa: F401
    except ImportError:
        print("waitress is niet geïnstalleerd (pip install -e '.[test]'); de duurtest meet de echte server.",
              file=sys.stderr)
        return 2
    from sora_core import __version__ as sora_versie
    from sora_core.wsgi import LEESTERMIJN, WAITRESS_GRENZEN

    duur = a.duur if a.duur is not None else (5.0 if a.snel else 60.0)
    clients = a.clients if a.clients is not None else (20 if a.snel else 200)
    traag = a.traag if a.traag is not None else (15 if a.snel else 150)
    leestermijn = a.leestermijn if a.leestermijn is not None else (2.0 if a.snel else float(LEESTERMIJN))
    uit = a.uit if a.uit is not None else (Path(tempfile.gettempdir()) / "sora-soak-snel.json" if a.snel else STANDAARD_UIT)
    if a.snel and uit.resolve() == STANDAARD_UIT.resolve():
        print("--snel schrijft niet naar bench/soak.json (dat zijn de echte cijfers); geef --uit een ander pad.",
              file=sys.stderr)
        return 2
    if duur <= 0 or duur > 3600 or clients < 1 or clients > 2000 or traag < 0 or traag > 2000:
        print("--duur moet tussen 0 en 3600 s liggen, --clients tussen 1 en 2000, --traag tussen 0 en 2000.",
              file=sys.stderr)
        return 2

    try:
        from importlib.metadata import version
        waitress_versie = version("waitress")
    except Exception:  # pragma: no cover
        waitress_versie = None
    belasting = list(os.getloadavg()) if hasattr(os, "getloadavg") else None
    with tempfile.TemporaryDirectory(prefix="sora-soak-") as tmp:
        try:
            resultaat = meet(duur, clients, traag, a.druppel, a.timeout, leestermijn, Path(tmp) / "server.log")
        except RuntimeError as e:
            print(f"de duurtest kon niet draaien: {e}", file=sys.stderr)
            return 2
    doc = {
        "gemeten_op": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"kernen": os.cpu_count(), "python": platform.python_version(), "systeem": platform.platform(),
                    "processor": platform.machine(),
                    "belasting_bij_start": [round(x, 2) for x in belasting] if belasting else None},
        "versies": {"sora_core": sora_versie, "waitress": waitress_versie},
        "parameters": {"duur_s": duur, "clients": clients, "traag": traag, "druppel_s": a.druppel,
                       "timeout_s": a.timeout, "leestermijn_s": leestermijn, "snel": a.snel, "host": HOST,
                       "casussen": sorted(p.name for p in (ROOT / "voorbeelden").glob("*.toml")),
                       "server": "sora_core.wsgi.maak_server (WAITRESS_GRENZEN, log naar standaardfout)",
                       "waitress_grenzen": {k: v for k, v in WAITRESS_GRENZEN.items()},
                       "belastinggenerator": "één Python-proces op dezelfde machine: een thread per gewone client, "
                                             "alle trage clients in één thread (selectors)"},
        "resultaat": resultaat,
    }
    uit.parent.mkdir(parents=True, exist_ok=True)
    uit.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(samenvatting(doc))
    print(f"  cijfers in {uit}")
    return 0 if resultaat["fouten"]["totaal"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
