"""HTML to PDF with WeasyPrint, fetching nothing from outside the document."""

import logging

import weasyprint

# WeasyPrint logs each rendering step at INFO; only its warnings (a missing font…) matter here.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# Only data: URIs (the QR codes) are read: a sheet never loads a file or a web address.
_FETCHER_PROTOCOLS = {"data"}


def html_to_pdf(html, stylesheet_paths):
    """Render an HTML document with these stylesheets into PDF bytes."""
    fetcher = weasyprint.URLFetcher(allowed_protocols=_FETCHER_PROTOCOLS, fail_on_errors=True)
    stylesheets = [weasyprint.CSS(filename=str(path), url_fetcher=fetcher) for path in stylesheet_paths]
    # Tagged: a screen reader finds the headings, lists and reading order, and each block's language.
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=stylesheets, pdf_tags=True)
