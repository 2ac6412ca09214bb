"""Veilig schrijven naar een uitvoerbestand (``--uit``): één plek voor alle opdrachten.

Regels (docs/cli.md, "Uitvoerbestand"):

* ``-`` is standaarduit; daar gaat dit niet over.
* Alleen een **gewoon bestand** wordt vervangen, atomisch: de uitvoer gaat eerst naar een
  tijdelijk bestand naast het doel, dat pas aan het eind (na ``fsync``) met ``os.replace`` het
  doel wordt. Bestaat het doel nog niet, dan wordt het zo aangemaakt.
* Een **symbolische link** wordt gevolgd: het gewone bestand waar de link (uiteindelijk) naar
  wijst, wordt atomisch vervangen, naast dat doel; de link zelf blijft staan. Wijst de link naar
  iets dat niet bestaat, dan wordt dat doel aangemaakt.
* **Geweigerd** (``InvoerFout`` op ``--uit``, exitcode 2, vóór er iets gelezen is): een map, een
  apparaat (``/dev/null``), een FIFO, een socket, en het invoerbestand zelf (ook via een link
  of een harde link).
* **Onderbreken**: SIGTERM, SIGHUP en SIGINT worden tijdens het schrijven een ``Onderbroken``
  (geen gewone ``Exception``, dus geen enkele ``except Exception`` slikt hem); het tijdelijke
  bestand wordt verwijderd en de opdracht stopt met exitcode 128 + het signaalnummer.
* **SIGKILL** is niet op te vangen. Een tijdelijk bestand heet daarom
  ``.sora-<pid>-<machine>-<willekeurig>.tmp``; de volgende run in dezelfde map verwijdert de
  tijdelijke bestanden van deze machine waarvan het proces niet meer bestaat, en meldt dat op
  standaardfout. (Een ander proces dat intussen hetzelfde pid kreeg, houdt zo'n bestand vast tot
  het klaar is; bestanden van een andere machine, bijvoorbeeld op een netwerkschijf, blijven
  staan.)
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
from typing import Optional

from .lui import Patroon
from .fouten import Fout, InvoerFout, SoraFout

#: de signalen die een run netjes afbreken (tijdelijk bestand weg, werkprocessen gestopt)
SIGNALEN = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, n))

_TIJDELIJK = Patroon(r"^\.sora-(\d+)-([0-9a-f]{8})-.+\.tmp$")
_OUD_TIJDELIJK = Patroon(r"^\.sora-[A-Za-z0-9_]{8}\.tmp$")  # mkstemp-naam van vóór deze regel


class Onderbroken(BaseException):
    """De run is door een signaal onderbroken (BaseException, zoals KeyboardInterrupt)."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(signum)

    @property
    def naam(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signaal {self.signum}"


def _fout(optie: str, melding: str) -> InvoerFout:
    return InvoerFout([Fout(optie, melding)])


def controleer_uit(pad: str, *, invoer: Optional[str] = None, optie: str = "--uit") -> str:
    """Het pad dat echt geschreven wordt (een link gevolgd), of een ``InvoerFout`` op ``optie``
    als het doel geen gewoon bestand is of het invoerbestand zelf."""
    echt = os.path.realpath(pad)
    try:
        st: Optional[os.stat_result] = os.stat(echt)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise _fout(optie, f"{pad} kan niet worden bekeken ({type(e).__name__}); kies een ander uitvoerbestand.") from None
    if st is not None:
        m = st.st_mode
        if stat.S_ISDIR(m):
            raise _fout(optie, f"{pad} is een map; geef de naam van een bestand (bijvoorbeeld {os.path.join(pad, 'uit.jsonl')}).")
        if stat.S_ISCHR(m) or stat.S_ISBLK(m):
            raise _fout(optie, f"{pad} is een apparaat, geen gewoon bestand; gebruik '{optie} -' voor standaarduit, "
                               f"of laat {optie} weg.")
        if stat.S_ISFIFO(m):
            raise _fout(optie, f"{pad} is een pijp (FIFO), geen gewoon bestand; gebruik '{optie} -' en stuur "
                               "standaarduit door.")
        if stat.S_ISSOCK(m):
            raise _fout(optie, f"{pad} is een socket, geen gewoon bestand.")
        if not stat.S_ISREG(m):
            raise _fout(optie, f"{pad} is geen gewoon bestand.")
        if invoer and invoer != "-":
            try:
                si = os.stat(invoer)
            except OSError:
                si = None
            if si is not None and os.path.samestat(si, st):
                raise _fout(optie, f"{pad} is het invoerbestand zelf; kies een ander uitvoerbestand "
                                   "(anders gaat de invoer verloren).")
    return echt


def _machine() -> str:
    import hashlib
    import socket

    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def _leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # bv. PermissionError: het proces bestaat, van een ander
        return True
    return True


def ruim_op(map_: str) -> list[str]:
    """Verwijder in ``map_`` de tijdelijke bestanden van afgebroken runs op deze machine
    (proces bestaat niet meer) en geef de meldingen erover."""
    try:
        namen = os.listdir(map_)
    except OSError:
        return []
    machine = _machine()
    meldingen = []
    for naam in sorted(namen):
        m = _TIJDELIJK.match(naam)
        if m:
            pid = int(m.group(1))
            if m.group(2) != machine or pid == os.getpid() or _leeft(pid):
                continue
            try:
                os.unlink(os.path.join(map_, naam))
            except FileNotFoundError:
                continue
            except OSError as e:
                meldingen.append(f"Tijdelijk bestand {naam} van een afgebroken run (proces {pid}) kan niet worden "
                                 f"verwijderd ({type(e).__name__}).")
                continue
            meldingen.append(f"Tijdelijk bestand {naam} van een afgebroken run (proces {pid}) verwijderd.")
        elif _OUD_TIJDELIJK.match(naam):
            meldingen.append(f"Oud tijdelijk bestand {naam} gevonden (van een eerdere versie van sora); verwijder het "
                             "als er geen sora-run meer in deze map loopt.")
    return meldingen


@contextlib.contextmanager
def onderbreekbaar():
    """Maak van SIGTERM, SIGHUP en SIGINT in dit blok een ``Onderbroken``, zodat ``with`` en
    ``finally`` opruimen. Een tweede signaal tijdens het opruimen wordt genegeerd. Alleen in de
    hoofdthread (elders kan Python geen signaalafhandeling zetten)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def afhandeling(signum, _frame):
        for s in SIGNALEN:
            signal.signal(s, signal.SIG_IGN)
        raise Onderbroken(signum)

    oud = {}
    for s in SIGNALEN:
        vorige = signal.signal(s, afhandeling)
        oud[s] = signal.SIG_DFL if vorige is None else vorige
    try:
        yield
    finally:
        for s, h in oud.items():
            signal.signal(s, h)


@contextlib.contextmanager
def signalen_uitgesteld():
    """Stel SIGTERM, SIGHUP en SIGINT in dit blok uit (``pthread_sigmask``); een signaal dat in
    het blok binnenkomt, wordt bij het verlaten afgeleverd. Voor een stap die niet halverwege mag
    worden afgebroken (de werkprocessen van ``sora batch`` starten). Kindprocessen die in het blok worden geforkt, erven het
    uitstel: ``stil_werkproces`` heft het op. Zonder ``pthread_sigmask`` of buiten de hoofdthread:
    niets."""
    import threading

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    oud = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALEN)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, oud)


def _stop_werkproces(signum, _frame):
    # SystemExit met een getal: het werkproces (``analyse.batch._start_werker``) stopt dan zonder
    # traceback met exitcode 128 + signaal (``os._exit``); het hoofdproces ziet het einde van zijn pijp
    raise SystemExit(128 + signum)


def stil_werkproces() -> None:
    """In een werkproces (fork): de afhandeling van het hoofdproces niet erven. SIGINT negeren
    (het hoofdproces stopt de werkprocessen), bij SIGTERM en SIGHUP (van het hoofdproces, of van
    buiten aan de hele groep) stil stoppen; op Linux ook zodra het hoofdproces weg is (ook na
    SIGKILL)."""
    for naam in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, naam):
            signal.signal(getattr(signal, naam), _stop_werkproces)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # geforkt tijdens signalen_uitgesteld: het uitstel opheffen
        signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALEN)
    # een eigen procesgroep: Ctrl-C, een opgehangen terminal of `kill -- -PGID` raakt alleen het
    # hoofdproces, dat de werkprocessen zelf stopt. (Valt een werkproces van buiten weg, dan stopt
    # de run met een melding: er komen geen nieuwe werkprocessen bij.)
    try:
        os.setpgid(0, 0)
    except OSError:
        pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except Exception:  # noqa: BLE001 - alleen een extra vangnet
            pass
    if os.getppid() == 1:  # het hoofdproces was al weg vóór prctl
        os._exit(1)


class Atomisch:
    """Schrijf naar een tijdelijk bestand naast het doel; vervang het doel pas als alles gelukt
    is. Bij een fout of een signaal blijft er geen (half of tijdelijk) bestand achter."""

    def __init__(self, pad: str, *, invoer: Optional[str] = None, optie: str = "--uit"):
        self.pad = pad
        self.invoer = invoer
        self.optie = optie
        self.tmp: Optional[str] = None

    def __enter__(self):
        import tempfile

        self.doel = controleer_uit(self.pad, invoer=self.invoer, optie=self.optie)
        map_ = os.path.dirname(self.doel)
        for m in ruim_op(map_):
            sys.stderr.write(m + "\n")
        self._signalen = onderbreekbaar()
        self._signalen.__enter__()
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=f".sora-{os.getpid()}-{_machine()}-", suffix=".tmp", dir=map_)
        except OSError as e:
            self._signalen.__exit__(None, None, None)
            raise SoraFout(f"Uitvoerbestand {self.pad} kan niet worden geschreven ({type(e).__name__}): "
                           "bestaat de map en mag erin geschreven worden?") from None
        self.f = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.f

    def __exit__(self, soort, waarde, tb):
        try:
            try:
                if soort is None:
                    self.f.flush()
                    os.fsync(self.f.fileno())
                self.f.close()
                if soort is None:
                    masker = os.umask(0)
                    os.umask(masker)
                    os.chmod(self.tmp, 0o666 & ~masker)  # mkstemp maakt 0600; geef de gewone rechten
                    try:
                        os.replace(self.tmp, self.doel)
                    except OSError as e:
                        raise SoraFout(f"Uitvoerbestand {self.pad} kan niet worden vervangen ({type(e).__name__}).") from None
            finally:
                if self.tmp and os.path.lexists(self.tmp):
                    os.unlink(self.tmp)
        finally:
            self._signalen.__exit__(soort, waarde, tb)
        return False
