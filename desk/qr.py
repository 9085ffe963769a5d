"""QR codes (segno) that lead from a printed sheet to a resource's page."""

import base64
import io

import segno
from markupsafe import Markup

QR_ERROR_LEVEL = "m"  # recovers from 15 % damage: a folded or stained sheet still scans
SVG_SCALE = 3  # pixels per module on screen
PNG_SCALE = 6  # pixels per module in the PDF: sharp when printed at about 2.5 cm


def qr_svg(payload, title):
    """Return an inline SVG QR code of the payload, titled for screen readers."""
    code = segno.make(payload, error=QR_ERROR_LEVEL, micro=False)
    return Markup(code.svg_inline(scale=SVG_SCALE, title=title, svgclass="qr", lineclass="qr__line"))


def qr_png_data_uri(payload):
    """Return a data: URI of a PNG QR code of the payload, for the PDF."""
    code = segno.make(payload, error=QR_ERROR_LEVEL, micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=PNG_SCALE, border=4)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
