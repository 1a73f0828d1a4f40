"""Django's makemessages, also reading the gettext aliases this project uses.

`_t` (gettext) and `_t_lazy` (gettext_lazy) where `_` is taken, `N_` (gettext_noop) for
texts kept untranslated until shown. xgettext knows only the standard names.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [
        *makemessages.Command.xgettext_options,
        "--keyword=_t",
        "--keyword=_t_lazy",
        "--keyword=N_",
    ]
    # A changed msgid is a new text: no fuzzy guess from an old one (msgen would keep it).
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
