"""Section VII of the offer form: the statements the offerer makes. The wording follows domain.md §2.2, which
marks it unverified against the regulation (Dz. U. 2018 poz. 2057): editable text here, versioned, and the
text as shown is kept in each submitted version (docs/law.md#offer-form)."""

from django.utils.translation import gettext as _

STATEMENTS_VERSION = "2018-1"


def statements(*, tax_arrears: bool, social_insurance_arrears: bool) -> list[str]:
    """The statements with the alternatives of points 3 and 4 as the offerer chose them."""
    return [
        _("proponowane zadanie publiczne będzie realizowane wyłącznie w zakresie działalności pożytku "
          "publicznego oferenta(-tów);"),
        _("pobieranie świadczeń pieniężnych będzie się odbywać wyłącznie w ramach prowadzonej odpłatnej "
          "działalności pożytku publicznego;"),
        _("oferent(-ci) zalega(-ją) z opłacaniem należności z tytułu zobowiązań podatkowych;") if tax_arrears else
        _("oferent(-ci) nie zalega(-ją) z opłacaniem należności z tytułu zobowiązań podatkowych;"),
        _("oferent(-ci) zalega(-ją) z opłacaniem należności z tytułu składek na ubezpieczenia społeczne;")
        if social_insurance_arrears else
        _("oferent(-ci) nie zalega(-ją) z opłacaniem należności z tytułu składek na ubezpieczenia społeczne;"),
        _("dane zawarte w części II niniejszej oferty są zgodne z Krajowym Rejestrem Sądowym lub inną "
          "właściwą ewidencją;"),
        _("wszystkie informacje podane w ofercie oraz załącznikach są zgodne z aktualnym stanem prawnym "
          "i faktycznym;"),
        _("w zakresie związanym z otwartym konkursem ofert, w tym z gromadzeniem, przetwarzaniem i przekazywaniem "
          "danych osobowych, a także wprowadzaniem ich do systemów informatycznych, osoby, których dotyczą te "
          "dane, złożyły stosowne oświadczenia zgodnie z przepisami o ochronie danych osobowych."),
    ]
