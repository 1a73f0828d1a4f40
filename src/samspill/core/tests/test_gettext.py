"""Every user-facing text goes through gettext and is in the `locale/nb` catalogue.

Three checks over the source (no database):

1. Python: a string constant that looks like Norwegian UI text, or sits where UI text goes
   (a form label, a model's verbose name, a choice label, a `messages.*` text, a
   `ValidationError`), must be the argument of a gettext function.
2. Every msgid used in Python (gettext calls) and in templates (`{% translate %}`,
   `{% blocktranslate %}`) is in `locale/nb/LC_MESSAGES/django.po` with a msgstr.
3. Template text outside the translate tags (appended below).

Each check is a function over source text, so a test can plant a bad literal in a string
and see the check fail.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django import forms
from django.conf import settings
from django.template.base import Lexer, TokenType
from django.utils.translation import override
from django.utils.translation.template import templatize

import samspill

SRC = Path(samspill.__file__).resolve().parent
CATALOG = Path(settings.LOCALE_PATHS[0]) / "nb" / "LC_MESSAGES" / "django.po"

# The functions of django.utils.translation whose first argument(s) are msgids.
TRANSLATION_FUNCTIONS = {
    "gettext": (0,),
    "gettext_lazy": (0,),
    "gettext_noop": (0,),
    "ngettext": (0, 1),
    "ngettext_lazy": (0, 1),
    "pgettext": (1,),
    "pgettext_lazy": (1,),
    "npgettext": (1, 2),
    "npgettext_lazy": (1, 2),
}

ENGINE_FUNCTIONS = {"gettext": "gettext", "gettext_noop": "gettext_noop"}

NORWEGIAN_LETTERS = re.compile(r"[æøåÆØÅ]")
WORD = re.compile(r"[A-Za-zæøåÆØÅ]+")
# Short Norwegian words that are not English words: one of them in a capitalised phrase
# makes it Norwegian prose («Ugyldig organisasjonsnummer» has no æøå but is caught by
# the first word being capitalised and the phrase having a Norwegian word).
NORWEGIAN_WORDS = frozenset(
    """
    og ikke til av med er fra eller etter uten ingen kan skal som har ble blir ved den det
    du vi hvis eget sin sitt sine denne dette disse hos mot enn alle noen nye nytt ny mer
    dere deg meg jeg seg om opp ut inn hva hvem hvor hvordan siden fordi mens
    dag dager uke uker mnd timer time navn ugyldig mangler finnes velg lagre slett endre
    avbryt tilbake neste forrige startet avsluttet aktiv aktive arbeidsgiver arbeidsgivere
    kandidat kandidater deltaker veileder avtale avtaler tiltak oppfølging virksomhet
    stilling stillinger oppgave oppgaver samtykke innsikt utfall forløp fase faser
    nei ja jobb jobber arbeid behov ønsker ukjent annet annen andre eier kontor team
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
# English words that tell a developer's text from a Norwegian label (none of them is
# also a common Norwegian word: not "at", "be", "to", "for").
ENGLISH_WORDS = frozenset(
    """
    the an is are was were of in with from on by not no and or as it its this that these
    another never only must should value error token unknown missing invalid expected
    cannot has have
    """.split()  # noqa: SIM905
)
NAMES = frozenset({"NAV", "NAVs", "Samspill", "IPS"})
# Keyword arguments whose value is always UI text.
UI_KEYWORDS = frozenset(
    {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label"}
)
# Keyword arguments with a sentence people read in the access log: what was done (`detail`)
# and why access was refused (`why`), unless written in English for developers.
AUDIT_KEYWORDS = frozenset({"detail", "why"})
RELATIONS = frozenset({"ManyToManyField", "OneToOneField"})
# Calls whose text argument is always UI text: messages.success(request, "…"), ….
MESSAGE_FUNCTIONS = frozenset({"debug", "info", "success", "warning", "error"})
# Calls whose arguments are for developers or operators, not for users.
DEVELOPER_CALLS = frozenset(
    {"debug", "info", "warning", "error", "exception", "critical", "write", "add_argument"}
)
URL_FUNCTIONS = frozenset({"path", "re_path"})
# Keyword arguments for developers: a rule's source (docs/rules.md), the API's OpenAPI text.
DEVELOPER_KEYWORDS = frozenset({"source", "description", "summary"})
DEVELOPER_OBJECTS = frozenset({"logger", "log", "logging", "stdout", "stderr", "parser"})

# The few places where Norwegian-looking text is not UI text, each with its reason.
ALLOWED: dict[str, frozenset[str]] = {
    # Stored as the actor's name in audit rows (data, part of each row's hash).
    "audit/services.py": frozenset({"Samspill (automatisk sletting)"}),
    # Stored as the name of the user's second-factor device (data, not a label).
    "identity/second_factor.py": frozenset({"Innlogging som ansatt"}),
    # The language's own name, and the sender address of e-mails.
    "settings.py": frozenset({"Norsk bokmål", "Samspill <ikke-svar@samspill.invalid>"}),
    # The column names of the import file (its format: parsed, so never translated).
    "employers/importing/columns.py": frozenset(
        {
            "ønsker",
            "internopplæring",
            "fysisk_arbeidsmiljø",
            "sosialt_arbeidsmiljø",
            "formål",
            "timer_per_uke",
            "søknadsfrist",
        }
    ),
    "employers/importing/rows.py": frozenset({"ønsker", "formål", "timer_per_uke", "søknadsfrist"}),
    # The file name of a download (kept stable, not a sentence).
    "agreements/views.py": frozenset({"avtale-arbeidsgiver.pdf"}),
    # The letters that e-mail addresses spell out (a transliteration table).
    "lib/emails.py": frozenset({"æ", "ø", "å", "Æ", "Ø", "Å"}),
    # A rule's source, for developers (docs/rules.md), kept in a constant.
    "rules.py": frozenset(
        {
            "IPS fidelity scale item Sv12 «Time-unlimited follow-along supports» "
            "(shared/reference/IPS-FIDELITY.md)"
        }
    ),
}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def _is_english(node: ast.AST) -> bool:
    texts = [_text(text) for text in _texts_in(node)]
    return any(word.lower() in ENGLISH_WORDS for text in texts for word in WORD.findall(text))


def _reads_like_a_label(words: list[str]) -> bool:
    """«Logg arbeidsgiverkontakt», «Fast kontaktperson i NAV»: a capitalised word, then
    lower-case words or names, and no English word ("Content-Disposition", "OIDC token
    from another issuer" and "The audit trail is append-only." are not labels)."""
    first, rest = words[0], words[1:]
    return (
        first[:1].isupper()
        and first[1:].islower()
        and all(word.islower() or word in NAMES for word in rest)
        and not any(word.lower() in ENGLISH_WORDS for word in words)
    )


def looks_norwegian(text: str) -> bool:
    """A heuristic: æøå, a label-like phrase, or a phrase with Norwegian words; not an
    English sentence that quotes Norwegian (a rule's source, an API description)."""
    words = WORD.findall(text)
    norwegian = {word for word in words if word.lower() in NORWEGIAN_WORDS}
    english = [word for word in words if word.lower() in ENGLISH_WORDS]
    if len(english) >= 3 and len(english) > len(norwegian):
        return False
    if NORWEGIAN_LETTERS.search(text):
        return True
    if len(words) < 2:
        return False
    capitalised = text.lstrip()[:1].isupper()
    return (
        (capitalised and bool(norwegian))
        or (len(words) >= 3 and len(norwegian) >= 2)
        or _reads_like_a_label(words)
    )


def _call_name(node: ast.Call) -> tuple[str, str]:
    """(object, attribute) of `obj.attr(...)`, or ("", name) of `name(...)`."""
    func = node.func
    if isinstance(func, ast.Name):
        return "", func.id
    if isinstance(func, ast.Attribute):
        value = func.value
        owner = value.attr if isinstance(value, ast.Attribute) else getattr(value, "id", "")
        return owner, func.attr
    return "", ""


def translation_aliases(tree: ast.Module) -> dict[str, str]:
    """Local name -> translation function, from `from django.utils.translation import …`."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            for alias in node.names:
                if alias.name in TRANSLATION_FUNCTIONS:
                    aliases[alias.asname or alias.name] = alias.name
        # The matching engine may not import Django: its own gettext (engine/i18n.py).
        elif isinstance(node, ast.ImportFrom) and (node.module or "").endswith("engine.i18n"):
            for alias in node.names:
                if alias.name in ENGINE_FUNCTIONS:
                    aliases[alias.asname or alias.name] = ENGINE_FUNCTIONS[alias.name]
    return aliases


def _translation_function(node: ast.Call, aliases: dict[str, str]) -> str | None:
    owner, name = _call_name(node)
    if not owner and name in aliases:
        return aliases[name]
    if owner == "translation" and name in TRANSLATION_FUNCTIONS:
        return name
    return None


def _texts_in(node: ast.AST) -> Iterator[ast.Constant | ast.JoinedStr]:
    """String constants and f-strings (an f-string as one text, not its parts)."""
    if isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    ):
        yield node
        return
    for child in ast.iter_child_nodes(node):
        yield from _texts_in(child)


def _text(node: ast.Constant | ast.JoinedStr) -> str:
    if isinstance(node, ast.Constant):
        return str(node.value)
    return "".join(
        str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values
    )


def _docstrings(tree: ast.Module) -> Iterator[ast.AST]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                yield body[0].value


def _is_choices_class(node: ast.ClassDef) -> bool:
    return any(
        (isinstance(base, ast.Attribute) and base.attr.endswith("Choices"))
        or (isinstance(base, ast.Name) and base.id.endswith("Choices"))
        for base in node.bases
    )


def _text_expressions(node: ast.AST) -> Iterator[ast.AST]:
    """The parts of an expression that become the text (not a `% {…}` dict's keys)."""
    if isinstance(node, ast.BinOp):
        yield from _text_expressions(node.left)
        if isinstance(node.op, ast.Add):
            yield from _text_expressions(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _text_expressions(node.body)
        yield from _text_expressions(node.orelse)
    elif isinstance(node, ast.Subscript):  # a text cut to length: (…)[:300]
        yield from _text_expressions(node.value)
    elif isinstance(node, ast.Dict):  # ValidationError({"field": "text"})
        for value in node.values:
            yield from _text_expressions(value)
    else:
        yield node


def _ui_positions(tree: ast.Module) -> Iterator[ast.AST]:
    """Expressions that sit where UI text goes, whatever language they look like."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            owner, name = _call_name(node)
            for keyword in node.keywords:
                if keyword.arg in UI_KEYWORDS:
                    yield from _text_expressions(keyword.value)
                if keyword.arg in AUDIT_KEYWORDS:
                    for text in _text_expressions(keyword.value):
                        if not _is_english(text):
                            yield text
            if owner == "messages" and name in MESSAGE_FUNCTIONS and len(node.args) >= 2:
                yield from _text_expressions(node.args[1])
            if name == "ValidationError" and node.args:
                yield from _text_expressions(node.args[0])
            # A model field's first argument is its verbose name (a relation's is a model).
            if owner == "models" and name.endswith("Field") and name not in RELATIONS and node.args:
                yield from _text_expressions(node.args[0])
        elif isinstance(node, ast.ClassDef) and _is_choices_class(node):
            for statement in node.body:
                value = getattr(statement, "value", None)
                if isinstance(statement, ast.Assign) and isinstance(value, ast.Tuple):
                    yield value.elts[-1]


def _exempt(tree: ast.Module) -> Iterator[ast.AST]:
    """Texts already in gettext, and texts for developers: docstrings, log lines,
    command output, decorators (URL routes, the API's OpenAPI summaries), the URL
    patterns of `path()` (Norwegian words in the address, not translated) and word lists
    split into words (stop words, stemming data)."""
    aliases = translation_aliases(tree)
    yield from _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            owner, name = _call_name(node)
            if _translation_function(node, aliases) or (
                owner in DEVELOPER_OBJECTS and name in DEVELOPER_CALLS
            ):
                yield from _texts_in(node)
            if not owner and name in URL_FUNCTIONS and node.args:
                yield from _texts_in(node.args[0])
            # A word list ("og i jeg det …".split()): language data, not a text.
            if name == "split" and isinstance(node.func, ast.Attribute):
                yield from _texts_in(node.func.value)
            for keyword in node.keywords:
                if keyword.arg in DEVELOPER_KEYWORDS:
                    yield from _texts_in(keyword.value)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                yield from _texts_in(decorator)


def unwrapped_texts(source: str, path: str = "<string>") -> list[Finding]:
    """Texts in `source` that are UI text but not given to gettext."""
    tree = ast.parse(source)
    exempt = {id(node) for node in _exempt(tree)}
    ui_texts = {
        id(text)
        for position in _ui_positions(tree)
        for text in _texts_in(position)
        if WORD.search(_text(text))
    }
    allowed = ALLOWED.get(path, frozenset())
    return [
        Finding(path, node.lineno, _text(node))
        for node in _texts_in(tree)
        if id(node) not in exempt
        and (id(node) in ui_texts or looks_norwegian(_text(node)))
        and _text(node) not in allowed
    ]


def python_modules() -> Iterator[Path]:
    """The project's modules with UI text: not tests, migrations or the demo generator."""
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).parts
        # Management commands write for operators (English is fine there).
        if {"tests", "migrations", "demo", "commands"} & set(parts) or path.name == "conftest.py":
            continue
        yield path


def test_python_ui_text_goes_through_gettext() -> None:
    findings = [
        finding
        for path in python_modules()
        for finding in unwrapped_texts(path.read_text(), str(path.relative_to(SRC)))
    ]
    assert not findings, "UI text outside gettext:\n" + "\n".join(map(str, findings))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('messages.success(request, "Lagret")', ["Lagret"]),
        ('raise ValidationError("Ugyldig organisasjonsnummer")', ["Ugyldig organisasjonsnummer"]),
        ('x = f"Avtalen for {name} er lagret"', ["Avtalen for {} er lagret"]),
        ('detail = "forløpet er utenfor tilgangen"', ["forløpet er utenfor tilgangen"]),
        ('detail = "kan ikke endre uten samtykke"', ["kan ikke endre uten samtykke"]),
        (
            "from django.utils.translation import gettext as _\n"
            "messages.info(request, _('Lagret %(n)s') % {'n': n})",
            [],
        ),
        ('@router.get("/", summary="Én avtale")\ndef f(): pass', []),
        ('name = forms.CharField(label="Navn")', ["Navn"]),
        ('name = models.CharField("navn", max_length=80)', ["navn"]),
        ('office = models.OneToOneField("accounts.Office", on_delete=CASCADE)', []),
        ("class Kind(models.TextChoices):\n    A = 'a', 'Aktiv'", ["Aktiv"]),
        ('title = "Kandidater uten oppfølging"', ["Kandidater uten oppfølging"]),
        (
            "from django.utils.translation import gettext as _t\nx = _t('Lagret på ny')",
            [],
        ),
        ('logger.info("Sendte påminnelser")', []),
        ('def f():\n    """Lager én avtale."""', []),
        ('x = "Content-Type"', []),
        ('deny(why="finnes ikke")', ["finnes ikke"]),
        ('Rule(why="Lifting is what the need says to avoid.")', []),
        ('action_label = "Logg arbeidsgiverkontakt"', ["Logg arbeidsgiverkontakt"]),
        ('error = "Concluded agreement versions are immutable."', []),
        ('name = "SHORT_DATE_FORMAT"', []),
        ('raise ValueError("Unknown phase code")', []),
    ],
)
def test_the_python_check_sees_unwrapped_text(source: str, expected: list[str]) -> None:
    assert [finding.text for finding in unwrapped_texts(source)] == expected


def shadowed_underscore(source: str) -> list[str]:
    """Functions that call `_("…")` but also bind `_` (`for _ in …`, `x, _ = …`): there
    `_` is the local value, not gettext."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names = [child for child in ast.walk(node) if isinstance(child, ast.Name)]
            binds = any(name.id == "_" and isinstance(name.ctx, ast.Store) for name in names)
            calls = any(
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id == "_"
                for call in ast.walk(node)
            )
            if binds and calls:
                found.append(node.name)
    return found


def test_no_function_shadows_the_gettext_underscore() -> None:
    found = [
        f"{path.relative_to(SRC)}: {name}"
        for path in python_modules()
        for name in shadowed_underscore(path.read_text())
    ]
    assert not found, "`_` is both gettext and a local name in:\n" + "\n".join(found)
    planted = "def f(rows):\n    for _ in rows:\n        pass\n    return _('Ferdig')\n"
    assert shadowed_underscore(planted) == ["f"]


# --- 2. Every msgid is in the catalogue, with a msgstr ---------------------------------

Msgid = tuple[str | None, str]  # (context, msgid); a plural is keyed by its singular


def python_msgids(source: str) -> Iterator[Msgid]:
    """The msgids of the gettext calls in Python source (any alias of the functions)."""
    tree = ast.parse(source)
    aliases = translation_aliases(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        function = _translation_function(node, aliases)
        if function is None:
            continue
        args = [arg.value if isinstance(arg, ast.Constant) else None for arg in node.args]
        first = TRANSLATION_FUNCTIONS[function][0]
        context = args[0] if function.startswith(("p", "np")) else None
        if len(args) > first and isinstance(args[first], str):
            yield context if isinstance(context, str) else None, args[first]


def template_msgids(source: str) -> Iterator[Msgid]:
    """The msgids of `{% translate %}`, `{% blocktranslate %}` and `_("…")` in a template.

    Django's templatize turns a template into the gettext calls makemessages hands to
    xgettext (the rest blanked out); those calls are read here with Python's tokenizer.
    """
    calls = {"gettext": 0, "ngettext": 0, "pgettext": 1, "npgettext": 1, "_": 0}
    code = "\n".join(line.lstrip() for line in templatize(source).splitlines())
    tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    for index, token in enumerate(tokens[:-1]):
        if token.type != tokenize.NAME or token.string not in calls:
            continue
        if tokens[index + 1].string != "(":
            continue
        strings = []
        for argument in tokens[index + 2 :]:
            if argument.string == ")":
                break
            if argument.type == tokenize.STRING:
                strings.append(ast.literal_eval(argument.string))
        position = calls[token.string]
        if len(strings) > position:
            yield (strings[0] if position else None), strings[position]


def missing_from_catalog(msgids: Iterable[Msgid], catalog_text: str) -> list[str]:
    """Msgids that the catalogue lacks, or has without a msgstr or only as a fuzzy guess."""
    catalog = read_po(io.StringIO(catalog_text))
    missing = []
    for context, msgid in sorted(set(msgids), key=lambda item: (item[1], item[0] or "")):
        message = catalog.get(msgid, context=context)
        strings = message.string if message else ""
        strings = strings if isinstance(strings, tuple) else (strings,)
        if message is None or message.fuzzy or not all(strings):
            missing.append(msgid if context is None else f"{context}|{msgid}")
    return missing


def test_every_msgid_is_in_the_catalog() -> None:
    msgids = [msgid for path in python_modules() for msgid in python_msgids(path.read_text())]
    msgids += [msgid for path in templates() for msgid in template_msgids(path.read_text())]
    assert len(msgids) > 1000  # the collectors see the project's texts
    missing = missing_from_catalog(msgids, CATALOG.read_text())
    assert not missing, "Not in locale/nb (run `make messages`):\n" + "\n".join(missing)


PLANTED_CATALOG = """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Lagret"
msgstr "Lagret"

msgid "Tom"
msgstr ""

#, fuzzy
msgid "Gjettet"
msgstr "Gjett"

msgctxt "knapp"
msgid "Send"
msgstr "Send"

msgid "%(count)s avtale"
msgid_plural "%(count)s avtaler"
msgstr[0] "%(count)s avtale"
msgstr[1] ""
"""


@pytest.mark.parametrize(
    ("python", "template", "missing"),
    [
        ("_('Lagret')", "", []),
        ("_('Ny tekst')", "", ["Ny tekst"]),
        ("_('Tom')", "", ["Tom"]),
        ("_('Gjettet')", "", ["Gjettet"]),
        ("pgettext('knapp', 'Send')", "", []),
        ("pgettext('lenke', 'Send')", "", ["lenke|Send"]),
        ("ngettext('%(count)s avtale', '%(count)s avtaler', n)", "", ["%(count)s avtale"]),
        ("", "{% load i18n %}{% translate 'Lagret' %}", []),
        ("", "{% load i18n %}<p>{% translate 'Ikke lagret' %}</p>", ["Ikke lagret"]),
        (
            "",
            "{% load i18n %}{% blocktranslate trimmed with n=x %}\n  Fant {{ n }}\n"
            "{% endblocktranslate %}",
            ["Fant %(n)s"],
        ),
        ("", "{% load i18n %}{{ value|default:_('Ukjent verdi') }}", ["Ukjent verdi"]),
    ],
)
def test_the_catalog_check_sees_a_missing_msgid(
    python: str, template: str, missing: list[str]
) -> None:
    imports = "from django.utils.translation import gettext as _, ngettext, pgettext\n"
    msgids = [*python_msgids(imports + python), *template_msgids(template)]
    assert missing_from_catalog(msgids, PLANTED_CATALOG) == missing


class _Amount(forms.Form):
    amount = forms.DecimalField(max_digits=4, decimal_places=2)


def test_our_catalog_rewords_a_django_text() -> None:
    """The compiled catalogue is loaded and overrides Django's own broken bokmål."""
    with override("nb"):
        form = _Amount(data={"amount": "123.5"})
        assert form.errors["amount"] == ["Skriv høyst 2 siffer før desimalkommaet."]


# --- 3. Template text outside the translate tags ------------------------------------------

#: A letter that starts a word: «år» and «t/uke» are text, «10pt» and «h2» are not.
TEMPLATE_LETTER = re.compile(r"(?<!\w)[^\W\d_]")
#: An HTML character reference (&lt;, &nbsp;) is markup, not a word.
ENTITY = re.compile(r"&#?\w+;")
#: Where a template's own text stands once every tag and variable is cut out.
HOLE = "\x00"
HTML_TAG = re.compile(r"<[^>]*>")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
#: Attributes that assistive technology reads out or a browser shows.
UI_ATTRIBUTE = re.compile(
    r"""\s(?:aria-label|aria-description|title|placeholder|alt)\s*=\s*(?:"([^"]*)"|'([^']*)')""",
    re.IGNORECASE,
)
#: Filters whose string argument is shown: {{ x|default:"Ingen" }} must be default:_("Ingen").
SHOWN_ARGUMENT = re.compile(r"""\|(?:default|default_if_none|yesno):("[^"]*"|'[^']*')""")
#: Blocks whose content is not the page's own untranslated text.
OPAQUE_BLOCKS = {"blocktranslate", "blocktrans", "comment", "verbatim"}
#: The product's name is the same in every language.
TEMPLATE_ALLOWED = re.compile(r"\bSamspill\b")


def _template_skeleton(source: str) -> str:
    """The template's own text: each tag and variable a hole, except the shown filter
    arguments, which stand where they are shown (as text, or in an attribute)."""
    parts: list[str] = []
    closing = ""
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.TEXT and not closing:
            parts.append(token.contents)
            continue
        if token.token_type == TokenType.BLOCK:
            word = token.contents.split(" ", 1)[0]
            if closing:
                closing = "" if word == closing else closing
            elif word in OPAQUE_BLOCKS:
                closing = "end" + word
        shown = [] if closing else SHOWN_ARGUMENT.findall(token.contents)
        parts.append(HOLE + HOLE.join(argument[1:-1] for argument in shown) + HOLE)
    return "".join(parts)


def untranslated_template_texts(source: str) -> list[str]:
    """Text with letters in `source` that is not inside a translate tag."""
    text = SCRIPT_OR_STYLE.sub(HOLE, HTML_COMMENT.sub(HOLE, _template_skeleton(source)))
    pieces = [
        value
        for tag in HTML_TAG.findall(text)
        for match in UI_ATTRIBUTE.finditer(tag)
        for value in (match[1] or match[2] or "").split(HOLE)
    ]
    pieces += re.split(f"{HOLE}|{HTML_TAG.pattern}", text)
    return [
        piece.strip()
        for piece in pieces
        if TEMPLATE_LETTER.search(TEMPLATE_ALLOWED.sub("", ENTITY.sub("", piece)))
    ]


def templates() -> Iterator[Path]:
    yield from sorted(SRC.glob("**/templates/**/*.html"))


def test_template_text_goes_through_gettext() -> None:
    findings = [
        f"{path.relative_to(SRC)}: {text!r}"
        for path in templates()
        for text in untranslated_template_texts(path.read_text())
    ]
    assert not findings, "Template text outside translate tags:\n" + "\n".join(findings)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Lagret</p>", ["Lagret"]),
        ('<button aria-label="Lukk">×</button>', ["Lukk"]),
        ('<img alt="Logo for {{ name }}" src="x.png">', ["Logo for"]),
        ('<input placeholder="Søk">', ["Søk"]),
        ("{% if x %}<td>{{ x }} kr</td>{% endif %}", ["kr"]),
        ('{{ note|default:"Ingen" }}', ["Ingen"]),
        (
            '<input title="{{ t|default:"Uten navn" }}" value="{{ f|default:"aktive" }}">',
            ["Uten navn"],
        ),
        ('{% include "x.html" with name=n|default:"kandidaten" %}', ["kandidaten"]),
        ("{{ ok|yesno:'Ja,Nei' }}", ["Ja,Nei"]),
        ('{{ note|default:_("Ingen") }} {{ at|date:"SHORT_DATE_FORMAT" }}', []),
        ('{% load i18n %}<p>{% translate "Lagret" %}</p>', []),
        ("{% blocktranslate trimmed with n=x %}Du har {{ n }} saker{% endblocktranslate %}", []),
        ('<a aria-label="{% translate "Lukk" %}" href="{% url "core:home" %}">–</a>', []),
        ("{# Et notat til utviklere #}{% comment %}Også dette{% endcomment %}", []),
        # {# #} ends at the line: a longer note is page text (use {% comment %}).
        ("{# Et notat\n   på to linjer #}", ["{# Et notat\n   på to linjer #}"]),
        ("<!-- Et notat --><script>let a = 'tekst';</script><style>p { x: y }</style>", []),
        ('<title>{% block title %}{% endblock %} – Samspill</title><p class="a">12</p>', []),
        ('<p style="font-size: {{ size|default:"10pt" }}">&lt;5 &nbsp;–</p>', []),
    ],
)
def test_the_template_check_sees_untranslated_text(source: str, expected: list[str]) -> None:
    assert untranslated_template_texts(source) == expected
