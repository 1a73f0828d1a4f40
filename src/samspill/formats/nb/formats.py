"""Bokmål: one date format everywhere, the numeric «28.03.2027» (dd.mm.åååå, as NAV's
design system writes dates), so ``{{ day }}``, ``|date`` and ``|date:"SHORT_DATE_FORMAT"``
agree. Django's own bokmål long form («28. mars 2027») is not used.
"""

DATE_FORMAT = "d.m.Y"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "d.m.Y H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"
