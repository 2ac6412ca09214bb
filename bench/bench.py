"""Benchmark van SORA (issue 8): ``make bench``.

Meet op deze machine en schrijft de cijfers naar ``bench/resultaten.json`` (en een tabel naar
standaarduit). Geen getimede unittests: snelheid hangt af van de machine, dus hier meten we en
vergelijken we met de doelen; de tests controleren alleen gedrag.

1. koud: ``sora beoordeel`` van één casus met alle regelingen in een nieuw proces (mediaan van
   20 runs, wandklok; piekgeheugen (max RSS) van het kindproces via ``os.wait4``);
2. warm: één volledige beslissing met motivering plus JSON, in een draaiend proces (mediaan per
   huishouden over 10.000 gegenereerde huishoudens in de zes gemeenten);
3. batch: ``sora batch`` over ``sora populatie --aantal N --seed 1`` (alle regelingen: de
   casussen hebben geen aanvragen), beide kernen, voor 10.000 en 100.000 huishoudens en met
   ``--miljoen`` ook 1.000.000 (tijd, piekgeheugen van de hele procesboom en van het grootste
   proces: vlak van 10.000 tot 1.000.000 is het doel);
4. naast OpenFisca (``--peer PAD``, issue 14): draait het vergelijkingsharnas op PAD (een
   meetinstrument buiten het project, bv. ``../shared/peer-bench/run``; nooit gekopieerd) met
   deze toolkit en neemt de verhoudingen toolkit / OpenFisca van die ene run op, met datum (als
   eerste meting, vóór de eigen batchmetingen: zo meet het zoals wanneer het los draait);

5. instructies (``--instructies``, als valgrind er is): het aantal instructies per warm
   huishouden, geteld met callgrind. Geen tijd, dus niet afhankelijk van hoe druk de gedeelde
   machine is of op welke kern het proces draait: de maat om twee versies te vergelijken.

Opties: ``--snel`` (minder runs, voor een rooktest), ``--profiel`` (cProfile van de warme lus
in de uitvoer), ``--miljoen``, ``--peer PAD`` (met ``--peer-n``), ``--instructies``, ``--uit PAD``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

HIER = Path(__file__).resolve().parent
ROOT = HIER.parent
sys.path.insert(0, str(HIER))

from huishoudens import huishoudens  # noqa: E402

DOELEN = {
    "koud_mediaan_s": 0.15,
    "koud_piek_mb": 30.0,
    "warm_mediaan_us": 200.0,
    "batch_100k_s": 3.0,
    "batch_1m_s": 30.0,
    "batch_piek_mb": 150.0,
}
#: issue 14: verhoudingen toolkit / OpenFisca uit één run van het harnas (lager is beter)
PEER_DOELEN = {
    "batch wall s": 1.0,
    "batch peak MiB (largest process)": 0.5,
    "koud wall s": 0.5,
    "warm ms per household": 0.1,
}


def _sora() -> list[str]:
    kandidaat = Path(sys.executable).with_name("sora")
    return [str(kandidaat)] if kandidaat.exists() else [sys.executable, "-m", "sora_core.cli"]


def _draai(cmd: list[str], stdin=None, env=None, boom: bool = False):
    """(wandklok s, piek-RSS MB, exitcode) van één kindproces; met ``boom`` ook de piek van de som
    van het RSS van het proces en al zijn nakomelingen (werkprocessen), elke 20 ms bemonsterd."""
    import threading

    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    piek_boom = [0.0]
    klaar = threading.Event()
    if boom:
        def bemonster():
            while not klaar.is_set():
                piek_boom[0] = max(piek_boom[0], _rss_boom(p.pid))
                klaar.wait(0.02)
        t = threading.Thread(target=bemonster, daemon=True)
        t.start()
    _, status, gebruik = os.wait4(p.pid, 0)
    klaar.set()
    duur = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if boom:
        return duur, gebruik.ru_maxrss / 1024, p.returncode, round(piek_boom[0], 1)
    return duur, gebruik.ru_maxrss / 1024, p.returncode


def _rss_boom(pid: int) -> float:
    """Som van VmRSS (MB) van ``pid`` en zijn nakomelingen (Linux /proc).

    Loopt alleen de boom zelf af via ``/proc/<pid>/task/<tid>/children`` (een paar kleine
    bestanden), niet heel /proc: de meting mag de twee kernen niet merkbaar belasten."""
    pagina = resource.getpagesize() / 2**20
    totaal, te_doen, gezien = 0.0, [pid], set()
    while te_doen:
        p = te_doen.pop()
        if p in gezien:
            continue
        gezien.add(p)
        try:
            with open(f"/proc/{p}/statm", "rb") as f:
                totaal += int(f.read().split()[1]) * pagina
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children", "rb") as f:
                    te_doen.extend(int(x) for x in f.read().split())
        except (OSError, IndexError, ValueError):
            continue
    return totaal


# --------------------------------------------------------------------------- 1. koud

def koud(runs: int) -> dict:
    casus = {
        "gemeente": "GM0361", "peildatum": "2025-09-01",
        "aanvrager": {"geboortedatum": "1980-05-01"}, "partner": {"geboortedatum": "1982-03-10"},
        "kinderen": [{"geboortedatum": "2014-02-01"}, {"geboortedatum": "2019-07-12"}],
        "inkomen": {"netto_per_maand": "1450.00", "laag_sinds": "2021-01-01"},
        "vermogen": {"bezittingen": "2500.00"},
    }  # zonder aanvragen: "waar heb ik recht op?", dus alle regelingen van het basis- en pluspakket
    with tempfile.TemporaryDirectory() as d:
        pad = Path(d) / "casus.json"
        pad.write_text(json.dumps(casus), encoding="utf-8")
        cmd = _sora() + ["beoordeel", str(pad), "--json"]
        _draai(cmd)  # opwarmen van de bestandscache (.pyc), telt niet mee
        tijden, pieken = [], []
        for _ in range(runs):
            t, m, rc = _draai(cmd)
            assert rc == 0, f"sora beoordeel faalde (exitcode {rc})"
            tijden.append(t)
            pieken.append(m)
        basis_t, basis_m = [], []
        for _ in range(max(5, runs // 4)):
            t, m, _ = _draai([sys.executable, "-c", "pass"])
            basis_t.append(t)
            basis_m.append(m)
    return {
        "runs": runs,
        "mediaan_s": round(statistics.median(tijden), 4),
        "min_s": round(min(tijden), 4),
        "max_s": round(max(tijden), 4),
        "piek_mb": round(max(pieken), 1),
        "kale_python_mediaan_s": round(statistics.median(basis_t), 4),
        "kale_python_piek_mb": round(max(basis_m), 1),
        # minder gevoelig voor de belasting van een gedeelde machine: wat SORA zelf kost
        "mediaan_boven_kale_python_s": round(statistics.median(tijden) - statistics.median(basis_t), 4),
    }


# --------------------------------------------------------------------------- 2. warm

def warm(n: int, profiel: bool) -> dict:
    from sora_core.beslisser import beoordeel
    from sora_core.invoer import casus_uit_dict
    from sora_core import uitvoer
    from sora_core.uitvoer import besluit_dict, naar_json

    # wat `sora beoordeel --json` schrijft; op een oudere tak de weg via de dict
    als_json = getattr(uitvoer, "besluit_json", None) or (lambda b: naar_json(besluit_dict(b)))
    docs = list(huishoudens(n, seed=8))
    casussen = [casus_uit_dict(d) for d in docs]
    for c in casussen[:500]:  # opwarmen: register laden, beleid per gemeente en peildatum oplossen
        als_json(beoordeel(c))
    tijden = []
    klok = time.perf_counter_ns
    uitkomsten: dict[str, int] = {}
    for c in casussen:
        t0 = klok()
        besluit = beoordeel(c)
        als_json(besluit)
        tijden.append(klok() - t0)
        for b in besluit.beslissingen:
            uitkomsten[b.uitkomst] = uitkomsten.get(b.uitkomst, 0) + 1
    alleen_beslissen = []  # het besluit met motivering als object, zonder JSON te schrijven
    for c in casussen:
        t0 = klok()
        beoordeel(c)
        alleen_beslissen.append(klok() - t0)
    met_invoer = []
    for d in docs[: min(n, 2000)]:
        t0 = klok()
        als_json(beoordeel(casus_uit_dict(d)))
        met_invoer.append(klok() - t0)
    tijden.sort()
    uit = {
        "huishoudens": n,
        "mediaan_us": round(statistics.median(tijden) / 1000, 1),
        "p90_us": round(tijden[int(len(tijden) * 0.9)] / 1000, 1),
        "p99_us": round(tijden[int(len(tijden) * 0.99)] / 1000, 1),
        "gemiddeld_us": round(sum(tijden) / len(tijden) / 1000, 1),
        "mediaan_met_invoer_lezen_us": round(statistics.median(met_invoer) / 1000, 1),
        "mediaan_zonder_json_us": round(statistics.median(alleen_beslissen) / 1000, 1),
        "beslissingen_per_huishouden": round(sum(uitkomsten.values()) / n, 2),
        "uitkomsten": dict(sorted(uitkomsten.items())),
    }
    if profiel:
        import cProfile
        import io
        import pstats

        pr = cProfile.Profile()
        pr.enable()
        for c in casussen[:3000]:
            als_json(beoordeel(c))
        pr.disable()
        s = io.StringIO()
        st = pstats.Stats(pr, stream=s).sort_stats("tottime")
        st.print_stats(15)
        regels = [r.replace(str(ROOT) + os.sep, "").replace(os.path.dirname(os.__file__) + os.sep, "")
                  for r in s.getvalue().splitlines() if r.strip()]
        uit["profiel_tottime_top15"] = regels[-16:]
    return uit


def instructie_lus(n: int) -> None:
    """De warme lus van ``warm`` voor ``instructies``: 500 huishoudens opwarmen, dan ``n`` beslissen."""
    from sora_core.beslisser import beoordeel
    from sora_core.invoer import casus_uit_dict
    from sora_core.uitvoer import besluit_json

    docs = list(huishoudens(500 + n, seed=8))
    for d in docs[:500]:
        besluit_json(beoordeel(casus_uit_dict(d)))
    for d in docs[500:]:
        besluit_json(beoordeel(casus_uit_dict(d)))


def instructies(n: int = 500) -> dict:
    """Instructies per warm huishouden (casus lezen, beslissen met motivering, JSON), geteld met
    valgrind (callgrind): het verschil tussen een lus over ``n`` huishoudens en dezelfde lus over 0,
    gedeeld door ``n``. Anders dan een tijd hangt dit getal niet af van hoe druk de gedeelde machine
    is of op welke kern het proces draait: om twee versies te vergelijken (issue 14). Zonder valgrind:
    niet gemeten."""
    import re
    import shutil

    if shutil.which("valgrind") is None:
        return {"status": "niet gemeten: valgrind niet gevonden"}

    def tel(k: int) -> int:
        # een vaste hash-seed: anders verschuift de telling met de seed van de run (≈ 1-2%)
        r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                            str(HIER / "bench.py"), "--instructie-lus", str(k)], cwd=ROOT, capture_output=True,
                           text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        m = re.search(r"Collected : (\d+)", r.stderr)
        if r.returncode != 0 or m is None:
            raise RuntimeError(r.stderr[-500:])
        return int(m.group(1))

    try:
        leeg, vol = tel(0), tel(n)
    except RuntimeError as e:
        return {"status": f"niet gemeten: {e}"}
    return {"status": "callgrind", "huishoudens": n, "per_huishouden": round((vol - leeg) / n)}


# --------------------------------------------------------------------------- 3. batch

def heeft_batch() -> bool:
    r = subprocess.run(_sora() + ["batch", "--help"], capture_output=True, cwd=ROOT)
    return r.returncode == 0


def batch(aantallen: list[int], volledig_bij: int = 100_000) -> dict:
    uit: dict = {"status": "sora batch" if heeft_batch() else "nog niet beschikbaar", "runs": {},
                 "invoer": "sora populatie --aantal N --seed 1 (zonder aanvragen: alle regelingen)"}
    if uit["status"] != "sora batch":
        uit["toelichting"] = ("'sora batch' bestaat nog niet op deze tak; gemeten is een eenvoudige lus in één proces "
                              "(genereren, beslissen met motivering, JSON schrijven naar /dev/null), één kern.")
    volledig_n = min(volledig_bij, max(aantallen))
    varianten = [(n, False) for n in aantallen] + ([(volledig_n, True)] if uit["status"] == "sora batch" else [])
    for n, volledig in varianten:
        with tempfile.TemporaryDirectory() as d:
            invoer = Path(d) / "huishoudens.jsonl"
            r = subprocess.run(_sora() + ["populatie", "--aantal", str(n), "--seed", "1", "--uit", str(invoer)],
                               cwd=ROOT, capture_output=True)
            if r.returncode != 0:  # een oudere tak zonder 'sora populatie'
                with open(invoer, "w", encoding="utf-8") as f:
                    for h in huishoudens(n, seed=n):
                        f.write(json.dumps(h) + "\n")
            if uit["status"] == "sora batch":
                cmd = _sora() + ["batch", str(invoer), "--uit", str(Path(d) / "besluiten.jsonl"), "--geen-voortgang"]
                if volledig:
                    cmd.append("--volledig")
            else:
                cmd = [sys.executable, str(HIER / "bench.py"), "--lus", str(invoer)]
            t, m, rc, som = _draai(cmd, boom=True)
            uit["runs"][f"{n}" + (" volledig" if volledig else "")] = {
                "wandklok_s": round(t, 2), "piek_mb": round(som, 1), "piek_hoofdproces_mb": round(m, 1), "exitcode": rc,
                "per_huishouden_us": round(t / n * 1e6, 1)}
    return uit


def lus(invoer: str) -> None:
    """De eenvoudige batchlus (als ``sora batch`` er nog niet is): gestreamd, één proces."""
    from sora_core.beslisser import beoordeel
    from sora_core.fouten import SoraFout
    from sora_core.invoer import casus_uit_dict
    from sora_core.uitvoer import besluit_dict, naar_json

    with open(invoer, "rb") as f, open(os.devnull, "w", encoding="utf-8") as uit:
        for regel in f:
            try:
                uit.write(naar_json(besluit_dict(beoordeel(casus_uit_dict(json.loads(regel))))))
            except SoraFout:
                pass


# --------------------------------------------------------------------------- 4. naast OpenFisca

def peer(harnas: str, n: int, paren: int) -> dict:
    """Eén run van het vergelijkingsharnas (buiten het project) met de sora van deze omgeving."""
    with tempfile.TemporaryDirectory() as d:
        uitpad = Path(d) / "peer.json"
        cmd = [harnas, "--n", str(n), "--paren", str(paren), "--sora", _sora()[0], "--uit", str(uitpad)]
        t0 = time.perf_counter()
        r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if r.returncode not in (0, 1) or not uitpad.exists():
            return {"harnas": harnas, "fout": (r.stderr or r.stdout)[-1000:]}
        cijfers = json.loads(uitpad.read_text(encoding="utf-8"))
    return {"harnas": harnas, "gemeten_op": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "duur_s": round(time.perf_counter() - t0, 1), "belasting_na": [round(x, 2) for x in os.getloadavg()],
            "paren": paren, **cijfers,
            # een verhouding telt alleen als beide kanten hetzelfde besloten (SAME)
            "oordeel": {k: (cijfers[k]["ratio"] <= doel if k in cijfers and cijfers.get("same") else None)
                        for k, doel in PEER_DOELEN.items()}}


# --------------------------------------------------------------------------- rapport

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--snel", action="store_true")
    ap.add_argument("--profiel", action="store_true")
    ap.add_argument("--uit", help="resultatenbestand (standaard bench/resultaten.json; bij --snel resultaten-snel.json)")
    ap.add_argument("--lus", help=argparse.SUPPRESS)
    ap.add_argument("--instructie-lus", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--instructies", action="store_true",
                    help="tel ook de instructies per warm huishouden (valgrind; stabiel om versies te vergelijken)")
    ap.add_argument("--miljoen", action="store_true", help="meet batch ook met 1.000.000 huishoudens")
    ap.add_argument("--peer", metavar="HARNAS", help="het vergelijkingsharnas, bv. ../shared/peer-bench/run")
    ap.add_argument("--peer-n", type=int, default=100_000, help="huishoudens in het harnas (standaard 100.000)")
    a = ap.parse_args()
    if a.lus:
        lus(a.lus)
        return
    if a.instructie_lus is not None:
        instructie_lus(a.instructie_lus)
        return
    if a.uit is None:  # een rooktest overschrijft de echte meting niet
        a.uit = str(HIER / ("resultaten-snel.json" if a.snel else "resultaten.json"))
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "")
    # het harnas eerst: zo meet het zoals wanneer het los draait, niet in de nasleep van de eigen
    # batchmetingen (1.000.000 huishoudens: 330 MB invoer, 350 MB uitvoer, tientallen seconden beide kernen)
    naast = peer(a.peer, 2000 if a.snel else a.peer_n, 1 if a.snel else 3) if a.peer else None
    r = {
        "gemeten_op": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"python": platform.python_version(), "systeem": platform.platform(), "kernen": os.cpu_count(),
                    "processor": platform.processor() or platform.machine(),
                    # de machine is gedeeld: een hoge belasting bij de start maakt de koude start trager
                    "belasting_bij_start": [round(x, 2) for x in os.getloadavg()]},
        "doelen": DOELEN,
        "koud": koud(5 if a.snel else 20),
        "warm": warm(2000 if a.snel else 10_000, a.profiel),
        "batch": batch([1000, 5000] if a.snel else [10_000, 100_000] + ([1_000_000] if a.miljoen else [])),
    }
    if a.instructies:
        r["warm_instructies"] = instructies(100 if a.snel else 500)
    if naast is not None:
        r["peer"] = naast
    k, w, b = r["koud"], r["warm"], r["batch"]
    n_groot = min(max(int(x.split()[0]) for x in b["runs"]), 100_000)
    groot = b["runs"][str(n_groot)]
    miljoen = b["runs"].get("1000000")
    r["oordeel"] = {
        "koud_tijd": k["mediaan_s"] <= DOELEN["koud_mediaan_s"],
        "koud_geheugen": k["piek_mb"] <= DOELEN["koud_piek_mb"],
        "warm": w["mediaan_us"] <= DOELEN["warm_mediaan_us"],
        # het doel geldt voor 100.000 huishoudens: een kleinere run (rooktest) geeft geen oordeel
        "batch_tijd": (None if b["status"] != "sora batch" or n_groot < 100_000
                       else groot["wandklok_s"] <= DOELEN["batch_100k_s"]),
        "batch_geheugen": max(x["piek_mb"] for x in b["runs"].values()) <= DOELEN["batch_piek_mb"],
        "batch_1m_tijd": None if miljoen is None else miljoen["wandklok_s"] <= DOELEN["batch_1m_s"],
    }
    Path(a.uit).write_text(json.dumps(r, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def ok(x):
        return "n.v.t." if x is None else ("gehaald" if x else "NIET gehaald")

    o = r["oordeel"]
    rijen = [
        ("koud: sora beoordeel, mediaan", f"{k['mediaan_s']:.3f} s", f"<= {DOELEN['koud_mediaan_s']} s", ok(o["koud_tijd"])),
        ("koud: piekgeheugen", f"{k['piek_mb']:.1f} MB", f"<= {DOELEN['koud_piek_mb']:.0f} MB", ok(o["koud_geheugen"])),
        ("  (kale python -c pass)", f"{k['kale_python_mediaan_s']:.3f} s / {k['kale_python_piek_mb']:.1f} MB", "", ""),
        ("warm: besluit + JSON, mediaan", f"{w['mediaan_us']:.0f} µs", f"<= {DOELEN['warm_mediaan_us']:.0f} µs", ok(o["warm"])),
        ("  p90 / p99", f"{w['p90_us']:.0f} / {w['p99_us']:.0f} µs", "", ""),
        ("  met casus lezen (dict)", f"{w['mediaan_met_invoer_lezen_us']:.0f} µs", "", ""),
        ("  alleen beslissen (met motivering, zonder JSON)", f"{w['mediaan_zonder_json_us']:.0f} µs", "", ""),
    ]
    wi = r.get("warm_instructies")
    if wi:
        rijen.append(("  instructies per huishouden", f"{wi['per_huishouden']:,}".replace(",", ".")
                      if "per_huishouden" in wi else wi["status"], "(callgrind, lager is beter)", ""))
    for n, x in b["runs"].items():
        rijen.append((f"batch {n} ({b['status']})", f"{x['wandklok_s']:.2f} s / {x['piek_mb']:.1f} MB",
                      f"<= {DOELEN['batch_100k_s']} s (100k) / {DOELEN['batch_piek_mb']:.0f} MB", ""))
    rijen.append(("batch: tijd / geheugen", "", "", f"{ok(o['batch_tijd'])} / {ok(o['batch_geheugen'])}"))
    if miljoen is not None:
        rijen.append(("batch 1.000.000: tijd", f"{miljoen['wandklok_s']:.1f} s", f"<= {DOELEN['batch_1m_s']:.0f} s",
                      ok(o["batch_1m_tijd"])))
    pr = r.get("peer")
    if pr and "fout" not in pr:
        rijen.append((f"naast OpenFisca (n = {pr['n']}, {'SAME' if pr['same'] else 'NIET GELIJK'})", "verhouding",
                      "doel", ""))
        for k, doel in PEER_DOELEN.items():
            if k in pr:
                rijen.append((f"  {k}", f"{pr[k]['toolkit']:.3f} / {pr[k]['peer']:.3f} = {pr[k]['ratio']:.2f}",
                              f"<= {doel}", ok(pr["oordeel"][k])))
    elif pr:
        rijen.append(("naast OpenFisca", "harnas faalde", "", pr["fout"][-200:]))
    print(f"SORA-benchmark, {r['gemeten_op']}, Python {r['machine']['python']}, {r['machine']['kernen']} kernen")
    for rij in rijen:
        print(f"  {rij[0]:<36} {rij[1]:>22}  {rij[2]:<30} {rij[3]}")
    print(f"Resultaten: {a.uit}")
    if "profiel_tottime_top15" in w:
        print("\n".join(w["profiel_tottime_top15"]))


if __name__ == "__main__":
    main()
