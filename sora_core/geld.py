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


# Een motivering noemt per besluit zo'n 25 bedragen, 15 datums en een paar percentages, vaak
# dezelfde objecten (de normen en grenzen van het opgeloste beleid, het inkomen van de casus): de
# notatie van een ``Decimal``-object wordt één keer opgebouwd en daarna op identiteit uit een
# kleine tabel gehaald (een Decimal is onveranderlijk; de tabel houdt het object vast, zodat een
# hergebruikt id() nooit een verkeerde tekst geeft). Op identiteit en niet op waarde: de hash van
# een vers berekende Decimal kost meer dan de notatie zelf. Datums op waarde (hun hash is
# goedkoop). Begrensd: bij ``_MAX_NOTATIES`` ingangen wordt een tabel leeggemaakt.
_MAX_NOTATIES = 4096
_EURO_NL: dict = {}
_BEDRAG_NL: dict = {}
_PROCENT_NL: dict = {}
_DATUM_NL: dict = {}


def _onthoud(tabel: dict, obj, tekst: str) -> str:
    if type(obj) is Decimal:  # alleen echte Decimals (een subklasse kan veranderlijk zijn)
        if len(tabel) >= _MAX_NOTATIES:
            tabel.clear()
        tabel[id(obj)] = (obj, tekst)
    return tekst


def euro_nl(bedrag: Decimal) -> str:
    """Leesbare Nederlandse notatie voor motiveringen: ``€ 1.345,45``."""
    gevonden = _EURO_NL.get(id(bedrag))
    if gevonden is not None and gevonden[0] is bedrag:
        return gevonden[1]
    s = _bedrag_nl(bedrag)
    tekst = f"-€ {s[1:]}" if s[0] == "-" else f"€ {s}"
    if type(bedrag) is Decimal:  # alleen echte Decimals (een subklasse kan veranderlijk zijn)
        if len(_EURO_NL) >= _MAX_NOTATIES:
            _EURO_NL.clear()
        _EURO_NL[id(bedrag)] = (bedrag, tekst)
    return tekst


def bedrag_nl(bedrag: Decimal) -> str:
    """Nederlandse notatie zonder euroteken: ``1.345,45`` (voor smalle tabelkolommen)."""
    gevonden = _BEDRAG_NL.get(id(bedrag))
    if gevonden is not None and gevonden[0] is bedrag:
        return gevonden[1]
    return _onthoud(_BEDRAG_NL, bedrag, _bedrag_nl(bedrag))


def _bedrag_nl(bedrag: Decimal) -> str:
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
    gevonden = _PROCENT_NL.get(id(fractie))
    if gevonden is not None and gevonden[0] is fractie:
        return gevonden[1]
    p = (fractie * 100).normalize()
    tekst = f"{p:f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return _onthoud(_PROCENT_NL, fractie, tekst.replace(".", ",") + "%")


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

