"""The class of a civil action (T20) where the annex fixes it, and the appeals T80 leaves out.

The class tables of the civil tariff (T32-T43 in first instance, T74-T84 in the Court of
Appeal) pay by the class of the action, which the lawyer gives (``tariff_class``). For some
actions the annex sets the class itself: an injunction is at least class IIIa in first
instance (T46) and at least class II in appeal (T81); extraordinary remedies and habeas corpus
are class II in both courts (T49, T73, T82). And T80, the half of the final judgment for the
appeal of an interlocutory judgment, excludes those three kinds of matter.

These rules run in stage 1 (``base.py``), before the figure is looked up, because the class
chooses the figure. Class tables whose amounts the text lost stay unknown (``None``): the
class is still chosen and explained, and the lawyer's figure stands for that class.
"""

from lawyer_billing.domain.rules.line import Line
from lawyer_billing.domain.rules.lookup import Lookup
from lawyer_billing.domain.tariff import CLASSES, ITEM_BASE_PREFIX, TariffItem

FIRST_INSTANCE = "Première instance"
COURT_OF_APPEAL = "Cour d’appel"
#: ``ServiceFacts.remedy``: the matters of T49 (first instance), T73 and T82 (Court of Appeal)
REMEDIES = {"extraordinary_remedy": "recours extraordinaire", "habeas_corpus": "habeas corpus"}
_INJUNCTION_FLOOR = {FIRST_INSTANCE: ("T46", "IIIa"), COURT_OF_APPEAL: ("T81", "II")}
_REMEDY_CLASS = "II"
_T78 = "T78"
_T80 = "T80"


def action_class(line: Line, item: TariffItem, lookup: Lookup) -> str | None:
    """The class the figure of ``item`` is read in: the lawyer's, or the one the annex sets.

    Only the items paid from a class table (directly, or as a rate of a class item: T4, T37b,
    T44, T80) are concerned; for any other item the lawyer's class is returned unchanged.
    """
    given = line.service.tariff_class
    table = _class_item(item, lookup)
    section = table.section
    if not table.classes or section not in _INJUNCTION_FLOOR:
        return given
    if line.service.remedy in REMEDIES:
        return remedy_class(line, table, section)
    if line.service.injunction:
        return injunction_class_floor(line, section)
    return given


def injunction_class_floor(line: Line, section: str) -> str | None:
    """T46: « L'injonction demandée sans autres conclusions que celle de l'article 751 du
    C.P.C. est considérée comme une action de la classe IIIA. Si d'autres conclusions sont
    recherchées, les honoraires sont ceux de la classe prévue pour telles conclusions, sans
    cependant être inférieurs à ceux prévus pour la classe IIIA. » T81 says the same for the
    Court of Appeal with class II.

    A class below the floor is raised to it; a higher class (other conclusions) is kept; no
    class at all is the floor, the class of an injunction without other conclusions. The
    floor is taken in the order of T20 (I < II < IIIa < IIIb < IV), the order of the amounts
    in dispute: the text lost the figures that would let the fees themselves be compared.
    """
    article, floor = _INJUNCTION_FLOOR[section]
    given = _spelled(line.service.tariff_class)
    if given is None:
        line.note(
            article,
            f"injonction sans classe indiquée : classe {floor}, celle de l'injonction demandée sans autres "
            f"conclusions que celles de l'art. 751 C.p.c. (indiquer la classe des autres conclusions si elle est "
            f"supérieure)",
        )
        return floor
    if given in CLASSES and CLASSES.index(given) < CLASSES.index(floor):
        line.note(
            article,
            f"injonction : honoraires de la classe {floor} au moins, et non de la classe {given} indiquée",
        )
        return floor
    return given


def remedy_class(line: Line, table: TariffItem, section: str) -> str:
    """T49: « En matière [...] de recours extraordinaires notamment la révision judiciaire,
    l'évocation (article 846 C.P.C.) et d'Habeas corpus [...] les honoraires sont ceux prévus
    pour la Classe II. » T73: « Les articles T47 à T49 du tarif en première instance
    s'appliquent à la Cour d'appel. » T82: « En matière de recours extraordinaires et d'Habeas
    Corpus [...], les honoraires pour le jugement au fond sont ceux prévus à la classe II. »"""
    given = _spelled(line.service.tariff_class)
    if given == _REMEDY_CLASS:
        return given
    if section == FIRST_INSTANCE:
        article = "T49"
    else:
        article = "T82" if table.code == _T78 else "T73"
    what = REMEDIES[line.service.remedy]
    line.note(
        article,
        f"{what} : honoraires de la classe {_REMEDY_CLASS}"
        + (f", et non de la classe {given} indiquée" if given else ""),
    )
    return _REMEDY_CLASS


def interlocutory_appeal_excluded(line: Line) -> bool:
    """T80: « Sur appel de tout jugement interlocutoire, à l'exclusion de l'injonction, des
    recours extraordinaires et de l'Habeas Corpus, les honoraires applicables sont la demie des
    honoraires prévus pour le jugement final ». In those matters T80 does not apply: the line
    gets no amount under T80 and a finding naming what the annex pays instead (T81: the Court
    of Appeal's judgment on an interlocutory injunction is paid as a judgment on the merits;
    T82: class II for extraordinary remedies and habeas corpus). True when the line is
    excluded."""
    service = line.service
    if line.code != _T80 or not (service.injunction or service.remedy in REMEDIES):
        return False
    if service.injunction:
        what = "une injonction"
        instead = (
            "T81 paie le jugement de la Cour d'appel sur la requête en injonction interlocutoire comme un "
            "jugement au fond (facturer T78, injonction)"
        )
    else:
        what = f"un {REMEDIES[service.remedy]}"
        instead = "T82 fixe les honoraires du jugement au fond à la classe II (T78)"
    line.flag(
        "t80_excluded",
        f"T80 (la demie des honoraires du jugement final) exclut l'appel d'un jugement interlocutoire en matière "
        f"d'injonction, de recours extraordinaires et d'habeas corpus ; ce service porte sur {what} : {instead}.",
        "annexe II T80",
    )
    return True


def _class_item(item: TariffItem, lookup: Lookup) -> TariffItem:
    """The item whose class table pays ``item``: itself, or the item a rate applies to."""
    if item.kind == "rate" and item.of and item.of.startswith(ITEM_BASE_PREFIX):
        other = lookup.item(item.of.removeprefix(ITEM_BASE_PREFIX))
        if other is not None:
            return other
    return item


def _spelled(tariff_class: str | None) -> str | None:
    """A class as T20 spells it (``"iiia"`` is ``"IIIa"``); an unknown one is left for the
    look-up to refuse."""
    if tariff_class is None:
        return None
    return next((name for name in CLASSES if name.casefold() == tariff_class.strip().casefold()), tariff_class)
