"""Django's own texts whose bokmål we word differently.

Django's catalogue has, for example, «Sørg for at det kun 1 tall før desimalpunkt.».
Our catalogue (`locale/nb`, read before Django's) gives these msgids our wording; they
are listed here only so that `make messages` keeps them there (makemessages keeps only
the msgids it finds in our code). Nothing reads this module at run time.
"""

from django.utils.translation import ngettext_lazy

DJANGO_TEXTS = (
    ngettext_lazy(
        "Ensure that there are no more than %(max)s digit before the decimal point.",
        "Ensure that there are no more than %(max)s digits before the decimal point.",
        "max",
    ),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s digit in total.",
        "Ensure that there are no more than %(max)s digits in total.",
        "max",
    ),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s decimal place.",
        "Ensure that there are no more than %(max)s decimal places.",
        "max",
    ),
)
