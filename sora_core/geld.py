"""Geld en datums: exacte decimalen, afronding en leeftijden.

Afspraken (zie README, "Geld, datums en afronding"):

* Geld is ``decimal.Decimal`` in euro's; nooit float.
* Elk bedrag wordt afgerond op hele centen, half naar boven (``ROUND_HALF_UP``), op het
  moment dat het ontstaat (``cent``). Regels die anders afronden zeggen dat zelf.
* Leeftijd op een datum: het aantal verjaardagen dat op of vóór die datum viel. Wie op
  29 februari is geboren, wordt in een niet-schrikkeljaar op 1 maart een jaar ouder.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
NUL = Decimal("0.00")


def cent(bedrag: Decimal) -> Decimal:
    """Rond af op hele centen, half naar boven (0,005 wordt 0,01)."""
    return bedrag.quantize(CENT, ROUND_HALF_UP)  # positioneel: zelfde als rounding=..., sneller aangeroepen


def naar_decimal(waarde: object) -> Decimal:
    """Lees een bedrag of getal exact in. Strings en ints direct; een float via zijn
    kortste tekstvorm (``repr``), zodat ``1450.1`` uit JSON ``Decimal('1450.1')`` wordt en
    niet de binaire benadering. Gooit ``ValueError`` bij iets dat geen getal is."""
    if isinstance(waarde, bool):
        raise ValueError("een ja/nee-waarde is geen getal")
    if isinstance(waarde, Decimal):
        d = waarde
    elif isinstance(waarde, int):
        d = Decimal(waarde)
    elif isinstance(waarde, float):
        d = Decimal(repr(waarde))
    elif isinstance(waarde, str):
        tekst = waarde.strip()
        if not tekst or len(tekst) > 40:
            raise ValueError("geen geldig getal")
        try:
            d = Decimal(tekst)
        except InvalidOperation:
            raise ValueError("geen geldig getal") from None
    else:
        raise ValueError("geen geldig getal")
    if not d.is_finite():
        raise ValueError("geen eindig getal")
    return d


def euro(bedrag: Decimal | None) -> str | None:
    """Tekstvorm voor uitvoer: altijd twee decimalen (``'530.00'``)."""
    if bedrag is None:
        return None
    return str(cent(bedrag))


# Een motivering noemt per besluit zo'n 25 bedragen en een paar percentages, vaak dezelfde (de
# normen en grenzen van het opgeloste beleid, het inkomen van de casus): de notatie wordt per
# waarde één keer opgebouwd en daarna uit een kleine tabel gehaald, met als sleutel de tekstvorm
# ``str(d)`` van de Decimal. Die is exact (``Decimal(str(d))`` geeft dezelfde waarde, exponent en
# teken terug), dus een gelijke sleutel geeft altijd dezelfde notatie; en hij is veel goedkoper
# dan de hash van een vers berekende Decimal. Alleen echte ``Decimal``-objecten (een int of float
# met dezelfde tekst gaf hier een fout, en een subklasse kan anders zijn). Datums op waarde (hun
# hash is goedkoop). Begrensd: bij ``_MAX_NOTATIES`` ingangen wordt een tabel leeggemaakt.
_MAX_NOTATIES = 4096
_EURO_NL: dict = {}
_BEDRAG_NL: dict = {}
_PROCENT_NL: dict = {}
_DATUM_NL: dict = {}


def euro_nl(bedrag: Decimal) -> str:
    """Leesbare Nederlandse notatie voor motiveringen: ``€ 1.345,45``."""
    if type(bedrag) is not Decimal:
        s = _bedrag_nl(bedrag)  # de gewone weg (met dezelfde fout voor iets dat geen bedrag is)
        return f"-€ {s[1:]}" if s[0] == "-" else f"€ {s}"
    sleutel = str(bedrag)
    tekst = _EURO_NL.get(sleutel)
    if tekst is None:
        n = len(sleutel)
        if n <= 9 and sleutel[-3:-2] == "." and "0" <= sleutel[0] <= "9" and "E" not in sleutel:
            # het gewone geval van _bedrag_nl, hier zonder aanroep: op centen, niet negatief, onder een miljoen
            # (de enige punt van de tekst is die voor de centen: replace zet hem in één keer om)
            tekst = "€ " + sleutel.replace(".", ",") if n <= 6 else f"€ {sleutel[:-6]}.{sleutel[-6:].replace('.', ',')}"
        else:
            s = _bedrag_nl(bedrag, sleutel)
            tekst = f"-€ {s[1:]}" if s[0] == "-" else f"€ {s}"
        if len(_EURO_NL) >= _MAX_NOTATIES:
            _EURO_NL.clear()
        _EURO_NL[sleutel] = tekst
    return tekst


def bedrag_nl(bedrag: Decimal) -> str:
    """Nederlandse notatie zonder euroteken: ``1.345,45`` (voor smalle tabelkolommen)."""
    if type(bedrag) is not Decimal:
        return _bedrag_nl(bedrag)
    sleutel = str(bedrag)
    tekst = _BEDRAG_NL.get(sleutel)
    if tekst is None:
        tekst = _bedrag_nl(bedrag, sleutel)
        if len(_BEDRAG_NL) >= _MAX_NOTATIES:
            _BEDRAG_NL.clear()
        _BEDRAG_NL[sleutel] = tekst
    return tekst


def _bedrag_nl(bedrag: Decimal, s: "str | None" = None) -> str:
    if s is not None and s[-3:-2] == "." and "E" not in s:
        b = bedrag  # al precies op centen (exponent -2, zoals str(bedrag) laat zien): cent() verandert niets
    else:
        b = cent(bedrag)
        s = str(b)  # exponent -2 na cent(): altijd gewone notatie, '1345.45'
    n = len(s)
    if "0" <= s[0] <= "9" and n <= 9:  # niet negatief en onder een miljoen: de punt zelf zetten (heet pad)
        if n <= 6:
            return f"{s[:-3]},{s[-2:]}"
        return f"{s[:-6]}.{s[-6:-3]},{s[-2:]}"
    # Decimal groepeert zelf per duizend ('1,345.45'); wissel dan punt en komma.
    # Het teken apart: -0,004 rondt af op -0,00 en moet '0,00' worden, niet '-0,00'.
    return f"{'-' if b < 0 else ''}{format(abs(b), ',.2f').translate(_NL_TEKENS)}"


_NL_TEKENS = str.maketrans(",.", ".,")


def procent_nl(fractie: Decimal) -> str:
    """``Decimal('1.20')`` wordt ``'120%'``; ``Decimal('0.355')`` wordt ``'35,5%'``."""
    sleutel = str(fractie) if type(fractie) is Decimal else None
    tekst = _PROCENT_NL.get(sleutel) if sleutel is not None else None
    if tekst is None:
        p = (fractie * 100).normalize()
        tekst = f"{p:f}"
        if "." in tekst:
            tekst = tekst.rstrip("0").rstrip(".")
        tekst = tekst.replace(".", ",") + "%"
        if sleutel is not None:
            if len(_PROCENT_NL) >= _MAX_NOTATIES:
                _PROCENT_NL.clear()
            _PROCENT_NL[sleutel] = tekst
    return tekst


def datum_nl(d: "date | str") -> str:
    """``date(2025, 9, 1)`` (of de ISO-tekst ``'2025-09-01'`` uit een JSON-document) wordt ``'1 september 2025'``.

    Elke datum in lopende tekst gaat hierdoor; JSON-velden blijven ISO 8601."""
    if type(d) is date:
        tekst = _DATUM_NL.get(d)
        if tekst is not None:
            return tekst
    elif isinstance(d, str):
        d = date.fromisoformat(d)
    tekst = f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"
    if type(d) is date:
        if len(_DATUM_NL) >= _MAX_NOTATIES:
            _DATUM_NL.clear()
        _DATUM_NL[d] = tekst
    return tekst


_MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
#: weekdagen in de volgorde van ``date.weekday()``
WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def leeftijd(geboortedatum: date, op: date) -> int:
    """Leeftijd in hele jaren op datum ``op``."""
    jaren = op.year - geboortedatum.year
    maand = op.month - geboortedatum.month  # (maand, dag) vóór de verjaardag: nog niet jarig
    if maand < 0 or (maand == 0 and op.day < geboortedatum.day):
        jaren -= 1
    return jaren


def plus_jaren_maanden(d: date, jaren: int, maanden: int = 0) -> date:
    """Datum ``jaren`` jaar en ``maanden`` maanden na ``d``. Bestaat de dag niet in de
    doelmaand (29, 30 of 31), dan wordt het de eerste dag van de maand erna: zo valt een
    verjaardag op 29 februari in een niet-schrikkeljaar op 1 maart, net als bij ``leeftijd``."""
    totaal = d.month - 1 + maanden
    jaar = d.year + jaren + totaal // 12
    maand = totaal % 12 + 1
    try:
        return date(jaar, maand, d.day)
    except ValueError:
        if maand == 12:
            return date(jaar + 1, 1, 1)
        return date(jaar, maand + 1, 1)


def termijn_einde(d: date, jaren: int = 0, maanden: int = 0) -> date:
    """Einde van een termijn van ``jaren`` jaar en ``maanden`` maanden vanaf ``d``: dezelfde
    dagnummer in de doelmaand, of de laatste dag van die maand als die dag er niet is (31 augustus
    + 6 maanden = 28 februari; 29 februari 2020 + 36 maanden = 28 februari 2023). Zo rekent
    art. 3 lid 2 onder c van Verordening (EEG, Euratom) nr. 1182/71 termijnen in maanden en jaren.
    Voor leeftijden geldt ``plus_jaren_maanden`` (verjaardag op 29 februari: 1 maart)."""
    totaal = d.month - 1 + maanden
    jaar = d.year + jaren + totaal // 12
    maand = totaal % 12 + 1
    if d.day <= 28:  # elke maand heeft die dag
        return date(jaar, maand, d.day)
    volgende = date(jaar + (maand == 12), maand % 12 + 1, 1)
    laatste = (volgende - timedelta(days=1)).day
    return date(jaar, maand, min(d.day, laatste))

