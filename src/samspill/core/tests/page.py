"""A page as a browser submits it, for tests that perform what a page offers: its forms
(action, method and the values a browser would send) and its links."""

from __future__ import annotations

from html.parser import HTMLParser

from django.contrib import messages
from django.contrib.messages import get_messages
from django.http import HttpResponse

Fields = dict[str, list[str]]


class Page(HTMLParser):
    """The forms (action, method, the values a browser would submit) and links of a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.forms: list[tuple[str, str, Fields]] = []
        self.links: list[str] = []
        #: Every option of each select, by field name.
        self.choices: dict[str, list[str]] = {}
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self.feed(html)

    def _field(self, name: str, value: str) -> None:
        self.forms[-1][2].setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "form":
            self.forms.append((a.get("action", ""), a.get("method", "get").lower(), {}))
        elif tag == "input" and a.get("name") and self.forms:
            kind = a.get("type", "text")
            if kind not in ("checkbox", "radio") or "checked" in a:
                self._field(a["name"], a.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select" and self.forms:
            self._select, self._options = a.get("name"), []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and self.forms:
            self._textarea = a.get("name")
            self._field(a["name"], "")

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.forms[-1][2][self._textarea][-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select is not None:
            self.choices[self._select] = [value for value, _ in self._options]
            chosen = [value for value, selected in self._options if selected]
            self.forms[-1][2][self._select] = chosen or [self._options[0][0]]
            self._select = None


def accepted(response: HttpResponse) -> bool:
    """Done: redirected with no error message (a refusal re-renders, redirects with an
    error, or is forbidden)."""
    errors = [m for m in get_messages(response.wsgi_request) if m.level == messages.ERROR]
    return response.status_code == 302 and not errors
