"""The lawyer whose statements these are, as the settings keep it: the relevé's letterhead
(``statement.Letterhead.from_profile``) and the office's district."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LawyerProfile:
    name: str = ""
    #: as typed, one printed line per line of text (``address_lines``)
    address: str = ""
    barreau_number: str = ""
    #: the lawyer's number at the Commission des services juridiques
    csj_number: str = ""
    #: the judicial district of the office: trips outside it are paid under art. 20 2°
    office_district: str = ""
    #: registration numbers; statements show the taxes only when the lawyer is registered
    gst_number: str | None = None
    qst_number: str | None = None
    #: the letterhead's logo, the bytes of a PNG or JPEG file (``services.profile.set_logo``
    #: checks them), and the name of the file it came from, shown in Paramètres
    logo: bytes | None = field(default=None, repr=False)
    logo_name: str = ""


def address_lines(text: str) -> tuple[str, ...]:
    """An address typed on several lines, as printed: one entry per line, blank lines left out."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())
