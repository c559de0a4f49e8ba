"""The page styles of the printed documents, read from ``resources/reports/styles.yaml``, and
the shipped DejaVu Sans registered with reportlab.

Styles are data so that a firm can change margins, sizes and colours without touching code;
the file is read strictly (an unknown or missing key, a colour that is not ``#rrggbb``, a
size that is not a positive number raises ``StyleError`` naming the key).
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from lawyer_billing.domain.data_files import read_yaml
from lawyer_billing.resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_PAGE_SIZES = {"letter": LETTER, "a4": A4}
_SECTIONS = {
    "page": {"size", "margin_top", "margin_bottom", "margin_left", "margin_right"},
    "fonts": {"regular", "bold"},
    "sizes": {"title", "heading", "body", "table", "small", "letter_body"},
    "colours": {"text", "muted", "accent", "rule", "header_background", "stripe_background", "total_background"},
}
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class StyleError(ValueError):
    """A style file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class PageStyle:
    """Lengths in points (reportlab's unit), colours as reportlab colours."""

    page_size: tuple[float, float]
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    sizes: dict[str, float]
    colours: dict[str, Color]

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - self.margin_left - self.margin_right


def load_styles(path: Path | None = None) -> PageStyle:
    """The styles in ``path`` (the shipped file by default), with their fonts registered."""
    path = path or resource_path("reports", "styles.yaml")
    document = read_yaml(path, StyleError, "le fichier des styles")
    if not isinstance(document, dict):
        raise StyleError(f"{path.name} : le fichier doit associer des sections à des valeurs.")
    _exact_keys(path.name, "", document, set(_SECTIONS))
    for section, keys in _SECTIONS.items():
        if not isinstance(document[section], dict):
            raise StyleError(f"{path.name} : « {section} » doit associer des clés à des valeurs.")
        _exact_keys(path.name, f"{section}.", document[section], keys)
    page, fonts = document["page"], document["fonts"]
    size = _PAGE_SIZES.get(page["size"])
    if size is None:
        raise StyleError(f"{path.name}, page.size : « {page['size']} » ; valeurs permises : {', '.join(_PAGE_SIZES)}.")
    register_fonts(fonts["regular"], fonts["bold"])
    return PageStyle(
        page_size=size,
        **{f"margin_{side}": _positive(path.name, f"page.margin_{side}", page[f"margin_{side}"]) * mm
           for side in ("top", "bottom", "left", "right")},
        sizes={key: _positive(path.name, f"sizes.{key}", value) for key, value in document["sizes"].items()},
        colours={key: _colour(path.name, f"colours.{key}", value) for key, value in document["colours"].items()},
    )


@cache
def shipped_styles() -> PageStyle:
    return load_styles()


@cache
def register_fonts(regular: str = "DejaVuSans.ttf", bold: str = "DejaVuSans-Bold.ttf") -> None:
    """Register the shipped fonts under ``REGULAR`` and ``BOLD``, and as one family, so that
    ``<b>`` in a Paragraph of our own markup picks the bold face."""
    for name, file_name in ((REGULAR, regular), (BOLD, bold)):
        font_file = resource_path("fonts", file_name)
        if not font_file.is_file():
            raise StyleError(f"Police introuvable : {file_name} (dossier resources/fonts).")
        pdfmetrics.registerFont(TTFont(name, str(font_file)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)


def _exact_keys(file_name: str, prefix: str, table: dict, keys: set[str]) -> None:
    unknown = set(map(str, table)) - keys
    if unknown:
        raise StyleError(f"{file_name} : clé inconnue « {prefix}{sorted(unknown)[0]} ».")
    missing = keys - set(table)
    if missing:
        raise StyleError(f"{file_name} : clé manquante « {prefix}{sorted(missing)[0]} ».")


def _positive(file_name: str, key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1000:
        raise StyleError(f"{file_name}, {key} : « {value} » n'est pas un nombre positif.")
    return float(value)


def _colour(file_name: str, key: str, value: Any) -> Color:
    if not isinstance(value, str) or not _COLOUR.fullmatch(value):
        raise StyleError(f"{file_name}, {key} : « {value} » n'est pas une couleur #rrggbb.")
    return HexColor(value)
