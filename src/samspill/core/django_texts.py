"""Django's own texts whose bokmål we word differently.

Django's catalogue has, for example, «Sørg for at det kun 1 tall før desimalpunkt.».
Our catalogue (`locale/nb`, read before Django's) gives these msgids our wording; they
are listed here only so that `make messages` keeps them there (makemessages keeps only
the msgids it finds in our code). Nothing reads this module at run time.
"""

from django.utils.translation import gettext_lazy, ngettext_lazy

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


#: Texts of the admin and of Django's forms that Django's own bokmål catalogue lacks (it
#: leaves them in English); our catalogue gives them bokmål.
DJANGO_ADMIN_TEXTS = (
    gettext_lazy("Skip to main content"),
    gettext_lazy("Breadcrumbs"),
    gettext_lazy("Sidebar"),
    gettext_lazy("Start typing to filter…"),
    gettext_lazy("Filter navigation items"),
    gettext_lazy("Model name"),
    gettext_lazy("Add link"),
    gettext_lazy("Change or view list link"),
    gettext_lazy("Toggle theme (current theme: auto)"),
    gettext_lazy("Toggle theme (current theme: light)"),
    gettext_lazy("Toggle theme (current theme: dark)"),
    gettext_lazy("Select this object for an action - {}"),
    gettext_lazy("Select all objects on this page for an action"),
    gettext_lazy("View selected %(model)s"),
    gettext_lazy("Hide counts"),
    gettext_lazy("Show counts"),
    gettext_lazy("Added:"),
    gettext_lazy("Changed:"),
    gettext_lazy("Deleted:"),
    gettext_lazy("Error:"),
    gettext_lazy("Forgotten your login credentials?"),
    gettext_lazy("Thanks for spending some quality time with the web site today."),
    gettext_lazy("In case you’ve forgotten, you are:"),
    gettext_lazy("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_lazy("Set password"),
    gettext_lazy("Set password: %s"),
    gettext_lazy("Reset password"),
    gettext_lazy("Password-based authentication"),
    gettext_lazy("Enable password-based authentication"),
    gettext_lazy("Disable password-based authentication"),
    gettext_lazy(
        "This action will <strong>enable</strong> password-based authentication for this user."
    ),
    gettext_lazy("Enable password-based authentication for this user by setting a password."),
    gettext_lazy("Password-based authentication was disabled."),
    gettext_lazy(
        "Whether the user will be able to authenticate using a password or not. If disabled, "
        "they may still be able to authenticate using other backends, such as Single Sign-On "
        "or LDAP."
    ),
    gettext_lazy("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_lazy("Conflicting form data submitted. Please try again."),
    gettext_lazy("Enabled"),
    gettext_lazy("Disabled"),
    gettext_lazy("Enter a valid domain name."),
    gettext_lazy("Enter a valid %(protocol)s address."),
    gettext_lazy("%(model)s instance with %(field)s %(value)r is not a valid choice."),
    ngettext_lazy("entry", "entries", "count"),
)
