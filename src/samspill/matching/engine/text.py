"""Norwegian text analysis: tokens, stop words, compound parts, snowball stems, term ids.

A text becomes weighted terms:

1. lower-case words of letters (``[^\\W\\d_]+``);
2. Norwegian stop words and generic work words ("jobbe", "arbeid", "erfaring", …) dropped;
3. the word stemmed with the snowball Norwegian stemmer, repeated to a fixed point (so
   "lageret" → "lager" → "lag" meets "lager" → "lag") plus a light ``-ing`` rule
   ("plukking" → "plukk", "vasking" → "vask");
4. compounds of two known work-domain parts ("lagerarbeid", "kundeservice",
   "barnehage") also yield their parts at half weight, so the interest "lager" meets the
   task "Lagerarbeid". The parts list is fixed (``COMPOUND_PARTS``), so analysis never
   depends on what else is in the index.

``Lexicon`` caches the analysis per distinct word and maps stems to term ids shared by
candidates and openings. It tokenises a whole batch of texts with one regular-expression
pass and numpy, which is what makes building an index of a million candidates feasible.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import snowballstemmer  # type: ignore[import-untyped]

TOKEN_RE = re.compile(r"[^\W\d_]+|\x00")
SEPARATOR = "\x00"

#: The snowball project's Norwegian stop words (bokmål and nynorsk).
NORWEGIAN_STOPWORDS = frozenset(
    """
    og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg
    men ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man
    kan hans hvor eller hva skal selv sjøl her alle vil bli ble blei blitt kunne inn når
    være kom noen noe ville dere deres kun ja etter ned skulle denne for deg si sine sitt
    mot å meget hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken hvilke
    sånn inni mellom vår hver hvem vors hvis både bare enn fordi før mange også slik vært
    båe begge siden dykk dykkar dei deira deires deim di då eg ein eit eitt elles honom
    hjå ho hoe henne hennar hennes hoss hossen ingi inkje korleis korso kva kvar kvarhelst
    kven kvi kvifor me medan mi mine mykje no nokon noka nokor noko nokre sia sidan so
    somme somt upp vart varte vore vort
    """.split()  # noqa: SIM905
)

#: Words every interest, task or experience text is full of; they say nothing about fit.
DOMAIN_STOPWORDS = frozenset(
    """
    jobb jobbe jobben jobber jobbet jobbing arbeid arbeide arbeidet arbeider arbeidere
    oppgave oppgaver oppgavene stilling stillingen ønske ønsker ønsket ønskes gjerne like
    liker likte trives trivdes litt mye mer mest veldig svært ganske god gode godt bra
    flink flinke dyktig får få fått gjøre gjør gjort andre annet annen ting del deler
    tidligere erfaring erfaringer erfaren har hatt år måned måneder uke uker dag dager
    også hos blant kandidat kandidaten person personen hen vil vill kunne kan skal bør må
    mulig mulighet interessert interesse interesser opptatt spesielt særlig helst gang
    ganger fin fint
    """.split()  # noqa: SIM905
)

#: Checked as written only (not by stem): "lage mat" must not meet "lager" (warehouse).
SURFACE_STOPWORDS = frozenset("lage laget lages lagde".split())  # noqa: SIM905

STOPWORDS = NORWEGIAN_STOPWORDS | DOMAIN_STOPWORDS | SURFACE_STOPWORDS

#: Parts of work-domain compounds (surface forms). A word splits only when both (or all)
#: parts are here, optionally joined by a linking "s" or "e" ("renholdsarbeider",
#: "barnehage"); so "matematikk" does not split into "mat" + "ematikk".
COMPOUND_PARTS = frozenset(
    """
    lager kunde kunder butikk kjøkken mat barn barne hage renhold vask vaske kontor data
    truck bil hylle vare varer kasse bake baker kaffe post pakke pakking eldre pleie
    omsorg skole park sport musikk snekker maler bygg verksted produksjon resepsjon fisk
    gård transport service arbeid arbeider medarbeider assistent hjelper fører betjent
    ansvarlig handel salg hjem hus rom sykehus kafé kantine drift vaktmester rengjøring
    plukk plukker mottak sortering vedlikehold klær tøy blomst blomster frukt grønt hotell
    reise bok papir regnskap lønn telefon sentral maskin dyre dyr stell lege tann kjøre
    kjøring sjåfør lekse lek ute inne brød kake middag frokost lunsj vei avfall
    gjenvinning miljø tekstil søm lys lyd scene gartner plante planter tre møbel sykkel
    sykler dekk
    """.split()  # noqa: SIM905
)

_MIN_COMPOUND = 7


def split_compound(word: str) -> tuple[str, ...]:
    """The known parts of a compound word, longest first part first; ``()`` if none."""
    if len(word) < _MIN_COMPOUND:
        return ()
    for cut in range(len(word) - 3, 2, -1):
        head = word[:cut]
        if head not in COMPOUND_PARTS:
            continue
        tail = word[cut:]
        for rest in (tail, tail[1:] if tail[0] in "se" and len(tail) > 4 else ""):
            if not rest:
                continue
            if rest in COMPOUND_PARTS:
                return (head, rest)
            more = split_compound(rest)
            if more:
                return (head, *more)
    return ()


Int32Array = npt.NDArray[np.int32]
Float32Array = npt.NDArray[np.float32]


class _TokenIds(dict[str, int]):
    """Distinct word → token id; unseen words are analysed on first lookup."""

    __slots__ = ("_lexicon",)

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__()
        self._lexicon = lexicon

    def __missing__(self, word: str) -> int:
        token = self._lexicon._add_token(word)
        self[word] = token
        return token


class Lexicon:
    """Word analysis cache and the term vocabulary (append-only, shared by both sides)."""

    def __init__(self) -> None:
        self._stemmer: Any = snowballstemmer.stemmer("norwegian")
        self._stems: dict[str, str] = {}
        self.terms: list[str] = []
        self.surfaces: list[str] = []
        self._term_ids: dict[str, int] = {}
        self._token_terms: list[tuple[tuple[int, float], ...]] = [()]
        self._token_surfaces: list[tuple[str, ...]] = [()]
        self._tokens = _TokenIds(self)
        self._tokens[SEPARATOR] = 0
        self._arrays: tuple[npt.NDArray[np.int64], Int32Array, Float32Array, Int32Array] | None
        self._arrays = None
        self._ranks: npt.NDArray[np.int32] | None = None
        self._stop_stems = frozenset(self.stem(word) for word in DOMAIN_STOPWORDS)

    def __len__(self) -> int:
        return len(self.terms)

    def stem(self, word: str) -> str:
        cached = self._stems.get(word)
        if cached is not None:
            return cached
        current = word
        for _ in range(4):
            stemmed: str = self._stemmer.stemWord(current)
            if stemmed.endswith("ing") and len(stemmed) >= 6:
                stemmed = stemmed[:-3]
            if stemmed == current:
                break
            current = stemmed
        self._stems[word] = current
        return current

    def stem_ranks(self) -> npt.NDArray[np.int32]:
        """Each term's rank in the order of the stems' text (the engine's summation order)."""
        if self._ranks is None or self._ranks.size != len(self.terms):
            order = sorted(range(len(self.terms)), key=self.terms.__getitem__)
            ranks = np.empty(len(order), dtype=np.int32)
            ranks[np.array(order, dtype=np.int64)] = np.arange(len(order), dtype=np.int32)
            self._ranks = ranks
        return self._ranks

    def term_id(self, stem: str) -> int | None:
        return self._term_ids.get(stem)

    def _term(self, stem: str, surface: str) -> int:
        term = self._term_ids.get(stem)
        if term is None:
            term = len(self.terms)
            self._term_ids[stem] = term
            self.terms.append(stem)
            self.surfaces.append(surface)
        return term

    def _add_token(self, word: str) -> int:
        entries: dict[int, float] = {}
        surfaces: dict[int, str] = {}
        if len(word) >= 2 and word not in STOPWORDS:
            stem = self.stem(word)
            if stem not in self._stop_stems:
                term = self._term(stem, word)
                entries[term] = 1.0
                surfaces[term] = word
                for part in split_compound(word):
                    if part in STOPWORDS:
                        continue
                    part_stem = self.stem(part)
                    if part_stem in self._stop_stems:
                        continue
                    part_term = self._term(part_stem, part)
                    if part_term not in entries:
                        entries[part_term] = 0.5
                        surfaces[part_term] = part
        self._token_terms.append(tuple(entries.items()))
        self._token_surfaces.append(tuple(surfaces[t] for t in entries))
        self._arrays = None
        return len(self._token_terms) - 1

    def _token_arrays(
        self,
    ) -> tuple[npt.NDArray[np.int64], Int32Array, Float32Array, Int32Array]:
        if self._arrays is None:
            counts = np.fromiter(
                (len(e) for e in self._token_terms), dtype=np.int32, count=len(self._token_terms)
            )
            ptr = np.zeros(len(counts) + 1, dtype=np.int64)
            np.cumsum(counts, out=ptr[1:])
            flat = [entry for entries in self._token_terms for entry in entries]
            terms = np.fromiter((t for t, _ in flat), dtype=np.int32, count=len(flat))
            weights = np.fromiter((w for _, w in flat), dtype=np.float32, count=len(flat))
            self._arrays = (ptr, terms, weights, counts)
        return self._arrays

    def tokenize_batch(self, texts: Sequence[str]) -> tuple[Int32Array, Int32Array, Float32Array]:
        """(document index, term id, weight) of every term occurrence in ``texts``."""
        joined = SEPARATOR.join(texts)
        if joined.count(SEPARATOR) != max(len(texts) - 1, 0):
            joined = SEPARATOR.join(text.replace(SEPARATOR, " ") for text in texts)
        words = TOKEN_RE.findall(joined.lower())
        tokens = np.fromiter(map(self._tokens.__getitem__, words), dtype=np.int32, count=len(words))
        doc_of_token = np.cumsum(tokens == 0, dtype=np.int32)
        ptr, terms, weights, counts = self._token_arrays()
        per_token = counts[tokens]
        total = int(per_token.sum())
        if total == 0:
            empty_i = np.zeros(0, dtype=np.int32)
            return empty_i, empty_i.copy(), np.zeros(0, dtype=np.float32)
        ends = np.cumsum(per_token)
        gather = np.repeat(ptr[tokens] - (ends - per_token), per_token) + np.arange(total)
        docs = np.repeat(doc_of_token, per_token)
        return docs, terms[gather], weights[gather]

    def analyze(self, text: str) -> list[tuple[int, float, str]]:
        """(term id, weight, word as written) for each term occurrence in one text."""
        out: list[tuple[int, float, str]] = []
        for word in TOKEN_RE.findall(text.replace(SEPARATOR, " ").lower()):
            token = self._tokens[word]
            out.extend(
                (term, weight, surface)
                for (term, weight), surface in zip(
                    self._token_terms[token], self._token_surfaces[token], strict=True
                )
            )
        return out
