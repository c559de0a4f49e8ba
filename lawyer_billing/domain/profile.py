"""The lawyer whose statements these are: the relevé's letterhead and the office's district."""

from dataclasses import dataclass


@dataclass(frozen=True)
class LawyerProfile:
    name: str = ""
    address: str = ""
    barreau_number: str = ""
    #: the lawyer's number at the Commission des services juridiques
    csj_number: str = ""
    #: the judicial district of the office: trips outside it are paid under art. 20 2°
    office_district: str = ""
    #: registration numbers; statements show the taxes only when the lawyer is registered
    gst_number: str | None = None
    qst_number: str | None = None
