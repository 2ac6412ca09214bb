"""Trage clients (issue 13, punt 6): 150 verbindingen die hun body byte voor byte druppelen,
houden een gewoon verzoek niet tegen, en worden na de leestermijn door de server gesloten.

Met de standaard van waitress (connection_limit=100) wachtte elk gewoon verzoek tot zijn
time-out zodra 99 trage verbindingen openstonden. Alleen op 127.0.0.1; begrensd in aantal
(150 verbindingen, 5 gewone verzoeken) en tijd (een leestermijn van 3 s, alles samen ongeveer
5 s); de server en de druppelaar stoppen zelf, ook als de test faalt. De grens van 2 s is de eis
zelf, geen getimede unittest van de rekentijd.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time

import pytest

waitress = pytest.importorskip(
    "waitress", reason="waitress is niet geïnstalleerd; installeer de extra 'test' of 'server' "
                       "(pip install -e '.[test]') om de test met trage clients te draaien")

from sora_core import wsgi  # noqa: E402

from test_wsgi import CASUS  # noqa: E402

TRAAG = 150
GEWOON = 5
EIS_S = 2.0
LEESTERMIJN_S = 3


def _gewoon_verzoek(poort: int) -> tuple[int, float]:
    begin = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", poort, timeout=EIS_S + 3)
    try:
        conn.request("POST", "/beoordeel", body=json.dumps(CASUS).encode(), headers={"Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        return r.status, time.monotonic() - begin
    finally:
        conn.close()


def test_150_trage_clients_houden_een_gewoon_verzoek_niet_tegen():
    server = wsgi.maak_server("127.0.0.1", 0, leestermijn=LEESTERMIJN_S)
    poort = server.effective_port
    lus = threading.Thread(target=server.run, daemon=True)
    lus.start()
    stop = threading.Event()
    traag: list[socket.socket] = []

    def druppel():  # elke 0,2 s één byte op elke trage verbinding: waitress ziet steeds activiteit
        while not stop.wait(0.2):
            for s in traag:
                try:
                    s.send(b" ")
                except OSError:
                    pass

    druppelaar = threading.Thread(target=druppel, daemon=True)
    try:
        for _ in range(TRAAG):
            s = socket.create_connection(("127.0.0.1", poort), timeout=2)
            s.sendall(b"POST /beoordeel HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 100000\r\n\r\n{")
            traag.append(s)
        druppelaar.start()
        time.sleep(0.5)  # de server heeft ze nu allemaal aangenomen
        tijden = []
        for _ in range(GEWOON):
            status, duur = _gewoon_verzoek(poort)
            assert status == 200
            tijden.append(duur)
        assert max(tijden) < EIS_S, f"een gewoon verzoek duurde {max(tijden):.2f} s naast {TRAAG} trage clients"
        # na de leestermijn (plus een ronde opruimen) sluit de server elke trage verbinding
        grens = time.monotonic() + LEESTERMIJN_S + 3
        open_ = list(traag)
        while open_ and time.monotonic() < grens:
            nog = []
            for s in open_:
                s.settimeout(0.01)
                try:
                    if s.recv(1) == b"":
                        continue  # gesloten door de server
                except (socket.timeout, BlockingIOError):
                    nog.append(s)
                    continue
                except OSError:
                    continue  # verbroken: ook dicht
                nog.append(s)
            open_ = nog
            time.sleep(0.1)
        assert not open_, f"{len(open_)} trage verbindingen staan na de leestermijn nog open"
        status, duur = _gewoon_verzoek(poort)
        assert status == 200 and duur < EIS_S
    finally:
        stop.set()
        for s in traag:
            s.close()
        server.close()
        for kanaal in list(server.active_channels.values()):
            kanaal.close()
        server.task_dispatcher.shutdown()
        lus.join(timeout=5)
