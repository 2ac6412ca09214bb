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
    return bedrag.quantize(CENT, rounding=ROUND_HALF_UP)


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


def euro_nl(bedrag: Decimal) -> str:
    """Leesbare Nederlandse notatie voor motiveringen: ``€ 1.345,45``."""
    b = cent(bedrag)
    return f"{'-' if b < 0 else ''}€ {bedrag_nl(abs(b))}"


def bedrag_nl(bedrag: Decimal) -> str:
    """Nederlandse notatie zonder euroteken: ``1.345,45`` (voor smalle tabelkolommen)."""
    b = cent(bedrag)
    # Decimal groepeert zelf per duizend ('1,345.45'); wissel dan punt en komma (heet pad).
    # Het teken apart: -0,004 rondt af op -0,00 en moet '0,00' worden, niet '-0,00'.
    return f"{'-' if b < 0 else ''}{format(abs(b), ',.2f').translate(_NL_TEKENS)}"


_NL_TEKENS = str.maketrans(",.", ".,")


def procent_nl(fractie: Decimal) -> str:
    """``Decimal('1.20')`` wordt ``'120%'``; ``Decimal('0.355')`` wordt ``'35,5%'``."""
    p = (fractie * 100).normalize()
    tekst = f"{p:f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(".", ",") + "%"


def datum_nl(d: "date | str") -> str:
    """``date(2025, 9, 1)`` (of de ISO-tekst ``'2025-09-01'`` uit een JSON-document) wordt ``'1 september 2025'``.

    Elke datum in lopende tekst gaat hierdoor; JSON-velden blijven ISO 8601."""
    if isinstance(d, str):
        d = date.fromisoformat(d)
    return f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


_MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
#: weekdagen in de volgorde van ``date.weekday()``
WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def leeftijd(geboortedatum: date, op: date) -> int:
    """Leeftijd in hele jaren op datum ``op``."""
    jaren = op.year - geboortedatum.year
    if (op.month, op.day) < (geboortedatum.month, geboortedatum.day):
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
    volgende = date(jaar + (maand == 12), maand % 12 + 1, 1)
    laatste = (volgende - timedelta(days=1)).day
    return date(jaar, maand, min(d.day, laatste))

