"""Beslissen: casus in, besluit uit.

Stappen: gemeente zoeken (CBS-code of pluginnaam) en nagaan dat ze op de peildatum bestaat;
beleid oplossen; per aanvraag (of, zonder aanvragen, voor elke regeling: "waar heb ik recht
op?") de regel toepassen; schuldhulp beoordelen als de casus daarom vraagt; ontvangstbewijs.
"""

from __future__ import annotations

from datetime import date
from typing import Optional, Union

from . import __version__
from .beleid import Beleid, los_op
from .fouten import Fout, InvoerFout, PluginFout
from .model import Besluit, Beslissing, Casus, Ontvangstbewijs
from .plugins import Register, gemeente_bestaat_op, register
from .regels.registratie import RegelingDef, basispakket
from .uitleg import Context, OntbrekendeWaarde, Uitleg


def beoordeel(casus: Union[Casus, dict], *, gemeente: Optional[str] = None, peildatum: Optional[date] = None,
              zet: tuple[tuple[str, str], ...] = (), reg: Optional[Register] = None) -> Besluit:
    """Beslis over een casus. ``gemeente`` en ``peildatum`` vervangen die van de casus.

    Gooit ``InvoerFout`` (met alle problemen per veld) als de casus niet te beslissen is, en
    ``PluginFout`` als de plugin van de gemeente niet werkt."""
    import attrs

    if isinstance(casus, dict):
        from .invoer import casus_uit_dict

        casus = casus_uit_dict(casus)
    if gemeente is not None:
        casus = attrs.evolve(casus, gemeente=gemeente)
    if peildatum is not None:
        casus = attrs.evolve(casus, peildatum=peildatum)
    reg = reg or register()
    plugin = reg.zoek(casus.gemeente)
    gemeente_bestaat_op(plugin, casus.peildatum)
    beleid = los_op(plugin, casus.peildatum, zet)
    ctx = Context(casus, beleid)
    regelingen = catalogus(beleid)

    beslissingen: list[Beslissing] = []
    if casus.aanvragen:
        fouten = [Fout(f"aanvragen[{i}].regeling",
                       f"Onbekende regeling '{a.regeling}' in {beleid.gemeente.naam} op {casus.peildatum.isoformat()}; "
                       f"bekend: {', '.join(regelingen)}.")
                  for i, a in enumerate(casus.aanvragen) if a.regeling not in regelingen]
        if fouten:
            raise InvoerFout(fouten)
        for a in casus.aanvragen:
            beslissingen.append(_beslis(ctx, regelingen[a.regeling], a))
    else:
        for r in regelingen.values():
            if r.sleutel in ("bijzondere_bijstand", "schuldhulpverlening"):
                continue  # vragen om een concrete aanvraag of melding; niet in "waar heb ik recht op?"
            beslissingen.append(_beslis(ctx, r, None))

    schuldhulp = None
    if casus.schuldhulp is not None:
        from .regels import schuldhulpverlening

        schuldhulp = schuldhulpverlening.overzicht(ctx)
    return Besluit(
        gemeente=beleid.gemeente, peildatum=casus.peildatum, beslissingen=tuple(beslissingen),
        ontvangstbewijs=Ontvangstbewijs(__version__, beleid.gemeente.plugin_versie, beleid.vingerafdruk),
        schuldhulp=schuldhulp,
        waarschuwingen=_waarschuwingen(beleid, beslissingen),
    )


def catalogus(beleid: Beleid) -> dict[str, RegelingDef]:
    """Alle regelingen die op de peildatum gelden: basispakket, dan pluspakket op sleutel."""
    uit = {s: r for s, r in basispakket().items() if r.geldt_op(beleid.peildatum)}
    for r in sorted(beleid.pluspakket, key=lambda r: r.sleutel):
        uit[r.sleutel] = r
    return uit


def _beslis(ctx: Context, r: RegelingDef, aanvraag) -> Beslissing:
    return met_bezwaartermijn(ctx, _beslis_regel(ctx, r, aanvraag))


def met_bezwaartermijn(ctx: Context, b: Beslissing) -> Beslissing:
    """Zet de laatste dag voor bezwaar in de beslissing (kern, voor alle regelingen).

    Zes weken (art. 6:7 Awb) vanaf de dag na de bekendmaking (art. 6:8 lid 1 Awb), verlengd
    als de laatste dag op een zaterdag, zondag of feestdag valt (art. 1 Atw). Bekendmaking is
    ``casus.besluitdatum``, zonder opgave de peildatum. Een doorverwijzing is nog geen besluit
    en krijgt geen bezwaartermijn."""
    import attrs

    from .geld import datum_nl
    from .kalender import bezwaartermijn
    from .model import Motivering

    if b.uitkomst == "doorverwezen":
        return b
    bekend = ctx.casus.datum_bekendmaking
    grondslag = "art. 6:7 en art. 6:8 lid 1 Algemene wet bestuursrecht; art. 1 Algemene termijnenwet"
    try:
        t = bezwaartermijn(bekend)
    except ValueError as e:
        stap = Motivering(f"De laatste dag voor bezwaar kan niet worden berekend: {e}", grondslag, "kern", bijzaak=True)
        return attrs.evolve(b, motivering=b.motivering + (stap,))
    tekst = (f"Tegen dit besluit kan bezwaar worden gemaakt tot en met {datum_nl(t.einddatum)}: zes weken, "
             f"te rekenen vanaf de dag na de bekendmaking op {datum_nl(bekend)}")
    if t.overgeslagen:
        tekst += (", verlengd omdat de termijn anders eindigt op "
                  + "; ".join(f"{datum_nl(o.datum)} ({o.reden})" for o in t.overgeslagen))
    tekst += "."
    if t.waarschuwingen:
        tekst += " " + " ".join(t.waarschuwingen)
    stap = Motivering(tekst, t.grondslag, "kern", bijzaak=True)
    return attrs.evolve(b, motivering=b.motivering + (stap,), bezwaar_uiterlijk=t.einddatum)


def _beslis_regel(ctx: Context, r: RegelingDef, aanvraag) -> Beslissing:
    u = Uitleg(ctx, r)
    try:
        return r.beoordeel(u, aanvraag)
    except OntbrekendeWaarde as e:
        u.stap(f"{e} Zonder vastgestelde waarde beslist de toolkit niet; de aanvraag gaat naar een consulent.",
               "art. 3:2 Algemene wet bestuursrecht (zorgvuldige voorbereiding)", "kern")
        return u.besluit("doorverwezen")
    except Exception as e:
        if r.bron == "kern":
            raise
        raise PluginFout(r.bron, f"regeling {r.sleutel} faalde: {type(e).__name__}: {e}") from None


def _waarschuwingen(beleid: Beleid, beslissingen: list[Beslissing]) -> tuple[str, ...]:
    """Noem de open normen die dit besluit gebruikte en die de gemeente nog moet bevestigen."""
    gebruikt = {w.naam for b in beslissingen for w in b.gebruikte_waarden}
    open_ = sorted(n for n in beleid.te_bevestigen if n in gebruikt)
    if not open_:
        return ()
    return (f"{beleid.gemeente.naam} volgt voor {len(open_)} hier gebruikte open norm(en) de regionale standaard; "
            f"nog te bevestigen door de gemeente: {', '.join(open_)}.",)
