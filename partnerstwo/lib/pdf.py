"""Documents as tagged PDF (PDF/UA-1): headings, tables and the language that screen readers read."""


def tagged_pdf(html: str) -> bytes:
    from weasyprint import HTML  # heavy; loaded only when a PDF is asked for

    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
