"""Explanations: which wishes and interests matched which tasks, what is missing, what was
adapted, and why a pair is excluded — each with its contribution, in Norwegian."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from samspill.matching.engine import labels
from samspill.matching.engine.codes import Codebook
from samspill.matching.engine.compile import Codes, opening_pieces
from samspill.matching.engine.config import EngineConfig
from samspill.matching.engine.conflicts import HOURS_PER_WEEK
from samspill.matching.engine.facts import CandidateFacts, OpeningFacts, TermSource
from samspill.matching.engine.geo import km_for_chord
from samspill.matching.engine.i18n import gettext
from samspill.matching.engine.records import OpeningRecord, TaskRecord
from samspill.matching.engine.results import (
    EXCLUSION_BITS,
    Adaptation,
    Contribution,
    Exclusion,
    ExclusionCode,
    Explanation,
    PartCode,
    TermMatch,
)
from samspill.matching.engine.text import Lexicon

#: term id → idf, per text field ("interest", "experience")
Idf = Mapping[str, Mapping[int, float]]


def _bound(value: Any) -> float | None:
    number = float(value)
    return None if math.isinf(number) else number


def _quote(words: list[str]) -> str:
    return labels.join(f"«{w}»" for w in words)


#: A part's detail, and what it says is missing (``None``: nothing).
_Said = tuple[str, str | None]


def _gap(detail: str) -> _Said:
    """A detail that is also listed as missing."""
    return detail, detail


def _matched(matches: tuple[TermMatch, ...]) -> str:
    the_opening = gettext("stillingen")
    return "; ".join(
        f"«{m.candidate_word}» ({m.candidate_source}) – "
        f"{labels.join(m.opening_sources) or the_opening}"
        for m in matches
    )


def _interest_said(cand: CandidateFacts, interest: tuple[TermMatch, ...]) -> _Said:
    if interest:
        return _matched(interest), None
    if not cand.interest:
        return _gap(gettext("Ingen interesser registrert."))
    return _gap(gettext("Ingen felles interesser med stillingen."))


def _experience_said(cand: CandidateFacts, experience: tuple[TermMatch, ...]) -> _Said:
    if experience:
        return _matched(experience), None
    if not cand.experience:
        return _gap(gettext("Ingen erfaring eller styrker registrert."))
    return _gap(gettext("Ingen erfaring eller styrker som nevnes i stillingen."))


def _age_said(cand: CandidateFacts, opening: OpeningFacts, parts: Mapping[str, float]) -> _Said:
    age = int(cand.cols["age"])
    low, high = _bound(opening.cols["age_lo"]), _bound(opening.cols["age_hi"])
    if low is None and high is None:
        return gettext("Arbeidsgiveren har ikke oppgitt aldersønske."), None
    if low is not None and high is not None:
        wish = gettext("%(low).0f–%(high).0f år") % {"low": low, "high": high}
    else:
        wish = (
            gettext("minst %(low).0f år") % {"low": low}
            if low is not None
            else gettext("høyst %(high).0f år") % {"high": high}
        )
    if age < 0:
        return gettext("Alder ukjent; arbeidsgiveren ønsker %(wish)s (ikke trukket ned).") % {
            "wish": wish
        }, None
    if parts["employer_wishes"] > 0:
        return gettext("Innenfor arbeidsgiverens ønske om %(wish)s.") % {"wish": wish}, None
    return _gap(gettext("Utenfor arbeidsgiverens ønske om %(wish)s.") % {"wish": wish})


class Explainer:
    def __init__(self, lexicon: Lexicon, codes: Codes, config: EngineConfig) -> None:
        self.lexicon = lexicon
        self.codes = codes
        self.config = config

    # -- the opening's words ------------------------------------------------------------------

    def sources(self, opening: OpeningFacts) -> dict[int, TermSource]:
        if opening.sources is None:
            found: dict[int, tuple[str, list[str], list[int]]] = {}
            for where, text, task_id in opening_pieces(opening.record):
                for term, _, surface in self.lexicon.analyze(text):
                    _word, wheres, tasks = found.setdefault(term, (surface, [], []))
                    if where not in wheres:
                        wheres.append(where)
                    if task_id is not None and task_id not in tasks:
                        tasks.append(task_id)
            opening.sources = {
                term: TermSource(word, tuple(wheres), tuple(tasks))
                for term, (word, wheres, tasks) in found.items()
            }
        return opening.sources

    def task_terms(self, task: TaskRecord) -> dict[int, float]:
        terms: dict[int, float] = {}
        for term, weight, _ in self.lexicon.analyze(f"{task.name}\n{task.description}"):
            terms[term] = max(terms.get(term, 0.0), weight)
        return terms

    def by_stem(self, terms: Any) -> list[int]:
        stems = self.lexicon.terms
        return sorted(terms, key=stems.__getitem__)

    # -- term matches ------------------------------------------------------------------------

    def term_matches(
        self,
        cand_terms: Mapping[int, tuple[float, int]],
        opening_terms: Mapping[int, float],
        sources: Mapping[int, TermSource],
        idf: Mapping[int, float],
        points: float,
        source_labels: Mapping[int, str],
    ) -> tuple[TermMatch, ...]:
        shared = self.by_stem([t for t in cand_terms if t in opening_terms])
        raw = {t: cand_terms[t][0] * idf.get(t, 0.0) * opening_terms[t] for t in shared}
        total = sum(raw.values())
        matches = []
        for term, value in raw.items():
            source = sources.get(term, TermSource(self.lexicon.surfaces[term], (), ()))
            matches.append(
                TermMatch(
                    term=self.lexicon.terms[term],
                    candidate_word=self.lexicon.surfaces[term],
                    opening_word=source.word,
                    candidate_source=gettext(source_labels.get(cand_terms[term][1], "")),
                    opening_sources=source.wheres,
                    task_ids=source.task_ids,
                    points=points * value / total if total > 0 else 0.0,
                )
            )
        matches.sort(key=lambda m: (-m.points, m.term))
        return tuple(matches)

    # -- hard constraints ----------------------------------------------------------------------

    def need_conflicts(
        self, need_codes: list[str], record: OpeningRecord, hours: float
    ) -> tuple[list[str], list[Adaptation]]:
        """Reason texts of excluding conflicts, and the adaptations that avoid the others."""
        blocking: list[str] = []
        adaptations: list[Adaptation] = []
        for rule in self.config.conflicts:
            if rule.need not in need_codes:
                continue
            need_label = labels.label(labels.NEEDS, rule.need)
            if rule.demand == HOURS_PER_WEEK:
                if rule.fires(hours):
                    blocking.append(
                        gettext(
                            "Stillingen er på %(hours)s timer i uka; behovet «%(need)s» "
                            "tilsier høyst %(threshold)s."
                        )
                        % {
                            "hours": labels.hours(hours),
                            "need": need_label,
                            "threshold": labels.hours(rule.threshold),
                        }
                    )
                continue
            demand_label = labels.label(labels.DEMANDS, rule.demand)
            for task in record.tasks:
                level = task.demands.get(rule.demand, 0)
                if not rule.fires(level):
                    continue
                what = f"{demand_label.lower()} ({labels.demand_level(level).lower()})"
                if task.adaptable:
                    adaptations.append(
                        Adaptation(
                            need=rule.need,
                            demand=rule.demand,
                            level=level,
                            task_id=task.id,
                            task_name=task.name,
                            detail=gettext(
                                "Oppgaven «%(name)s» har %(what)s, men kan tilrettelegges for "
                                "behovet «%(need_label)s»."
                            )
                            % {"name": task.name, "what": what, "need_label": need_label},
                            note=task.adaptation_note,
                        )
                    )
                else:
                    blocking.append(
                        gettext(
                            "Oppgaven «%(name)s» har %(what)s, som ikke passer med behovet "
                            "«%(need_label)s»."
                        )
                        % {"name": task.name, "what": what, "need_label": need_label}
                    )
        return blocking, adaptations

    def exclusions(
        self, cand: CandidateFacts, opening: OpeningFacts, reasons: int, chord2: float
    ) -> tuple[Exclusion, ...]:
        c, o, record = cand.cols, opening.cols, opening.record
        out: list[Exclusion] = []

        def add(code: ExclusionCode, detail: str) -> None:
            out.append(Exclusion(code, gettext(labels.EXCLUSIONS[code]), detail))

        hours = float(o["hours"])
        if reasons & EXCLUSION_BITS["hours"]:
            wished = labels.hours_range(_bound(c["hmin"]), _bound(c["hmax"]))
            add(
                "hours",
                gettext("Stillingen er på %(hours)s timer i uka; kandidaten ønsker %(wished)s.")
                % {"hours": labels.hours(hours), "wished": wished},
            )
        if reasons & EXCLUSION_BITS["commute"]:
            distance = km_for_chord(math.sqrt(chord2))
            limit = km_for_chord(math.sqrt(float(c["c2max"])))
            add(
                "commute",
                gettext("%(km)s km i luftlinje; kandidatens lengste reisevei er %(limit)s km.")
                % {"km": labels.km(distance), "limit": labels.km(limit)},
            )
        if reasons & EXCLUSION_BITS["needs"]:
            needs = self.codes.needs.decode(int(c["needs"]) & int(o["block"]))
            blocking, _ = self.need_conflicts(needs, record, hours)
            add("needs", " ".join(blocking))
        if reasons & EXCLUSION_BITS["time_of_day"]:
            times: Codebook = self.codes.times
            missing = times.decode(int(c["cannot"]) & int(o["times"]))
            can = list(times.decode(~int(c["cannot"]) & 0xFFFFFFFF))
            add(
                "time_of_day",
                gettext("Stillingen krever %(missing)s; kandidaten kan jobbe %(can)s.")
                % {
                    "missing": self._times(missing).lower(),
                    "can": self._times(can).lower() or gettext("ingen av tidene"),
                },
            )
        if reasons & EXCLUSION_BITS["employer_excluded"]:
            add(
                "employer_excluded",
                gettext("Arbeidsgiveren har bedt om at kandidaten ikke foreslås her."),
            )
        return tuple(out)

    def _times(self, codes: list[str]) -> str:
        return labels.join(labels.label(labels.TIMES_OF_DAY, code) for code in codes)

    # -- the whole explanation ------------------------------------------------------------------

    def explain(
        self,
        cand: CandidateFacts,
        opening: OpeningFacts,
        parts: Mapping[str, float],
        chord2: float,
        reasons: int,
        idf: Idf,
    ) -> Explanation:
        """The explanation of one pair from its soft parts (as ``scoring.soft`` computed
        them), its squared chord and its reason bits."""
        weights = self.config.weights
        sources = self.sources(opening)
        # Interests: the candidate's own words are weighted first (``EngineConfig``).
        interest = self.term_matches(
            cand.interest, opening.terms, sources, idf["interest"], parts["interest"],
            labels.INTEREST_SOURCES,
        )  # fmt: skip
        experience = self.term_matches(
            cand.experience, opening.terms, sources, idf["experience"], parts["experience"],
            labels.EXPERIENCE_SOURCES,
        )  # fmt: skip
        distance = km_for_chord(math.sqrt(chord2))
        share = float(opening.cols["incl"])
        said: list[tuple[PartCode, float, _Said, tuple[TermMatch, ...]]] = [
            ("interest", weights.interest, _interest_said(cand, interest), interest),
            ("experience", weights.experience, _experience_said(cand, experience), experience),
            ("sector", weights.sector, self._sector_said(cand, opening), ()),
            ("place", weights.place, self._place_said(cand, distance), ()),
            ("employer_wishes", weights.employer_wishes, _age_said(cand, opening, parts), ()),
            (
                "inclusion",
                weights.inclusion,
                (
                    gettext("Arbeidsgiverens erfaring med inkludering: %(share).0f %%.")
                    % {"share": share * 100},
                    None,
                ),
                (),
            ),
        ]
        contributions = [
            Contribution(
                code=code,
                label=gettext(labels.PARTS[code]),
                points=parts[code],
                max_points=max_points,
                detail=detail,
                terms=terms,
            )
            for code, max_points, (detail, _missing), terms in said
        ]
        missing = tuple(gap for _code, _max, (_detail, gap), _terms in said if gap is not None)
        need_codes = self.codes.needs.decode(int(cand.cols["needs"]))
        _, adaptations = self.need_conflicts(
            need_codes, opening.record, float(opening.cols["hours"])
        )
        if adaptations:
            detail = " ".join(a.detail for a in adaptations)
            if not weights.adaptation:
                detail += gettext(" Tilrettelegging trekker ikke ned.")
            contributions.append(
                Contribution(
                    code="adaptation",
                    label=gettext(labels.PARTS["adaptation"]),
                    points=parts["adaptation"],
                    max_points=0.0,
                    detail=detail,
                )
            )
        exclusions = self.exclusions(cand, opening, reasons, chord2)
        return Explanation(
            contributions=tuple(contributions),
            missing=missing,
            adaptations=tuple(adaptations),
            exclusions=exclusions,
            summary=self.summary(interest, distance, adaptations, exclusions),
        )

    def _sector_said(self, cand: CandidateFacts, opening: OpeningFacts) -> _Said:
        wished = self.codes.sectors.decode(int(cand.cols["sectors"]))
        sector_code = opening.record.workplace.sector
        sector_label = labels.label(labels.SECTORS, sector_code)
        if not sector_code:
            return gettext("Stillingen har ingen bransje oppgitt (halv uttelling)."), None
        if sector_code in wished:
            return gettext("«%(sector_label)s» er en bransje kandidaten ønsker.") % {
                "sector_label": sector_label
            }, None
        if not wished:
            return gettext("Ingen bransjeønsker registrert (halv uttelling)."), (
                gettext("Ingen bransjeønsker registrert.")
            )
        wished_labels = labels.join(f"«{labels.label(labels.SECTORS, s)}»" for s in wished)
        return _gap(
            gettext("Kandidaten ønsker %(wished_labels)s, ikke «%(sector_label)s».")
            % {"wished_labels": wished_labels, "sector_label": sector_label}
        )

    def _place_said(self, cand: CandidateFacts, distance: float) -> _Said:
        limit = _bound(cand.cols["c2max"])
        if limit is None:
            return (
                gettext(
                    "%(km)s km i luftlinje (lengste reisevei ikke registrert; regnet mot "
                    "%(limit)s km)."
                )
                % {
                    "km": labels.km(distance),
                    "limit": labels.km(self.config.default_commute_km),
                },
                gettext("Lengste reisevei er ikke registrert."),
            )
        limit_km = km_for_chord(math.sqrt(limit))
        return (
            gettext("%(km)s km i luftlinje; lengste reisevei %(limit)s km.")
            % {"km": labels.km(distance), "limit": labels.km(limit_km)},
            None,
        )

    def summary(
        self,
        interest: tuple[TermMatch, ...],
        distance: float,
        adaptations: list[Adaptation],
        exclusions: tuple[Exclusion, ...],
    ) -> str:
        bits = []
        if interest:
            bits.append(
                gettext("Felles interesser: ") + _quote([m.candidate_word for m in interest[:4]])
            )
        else:
            bits.append(gettext("Ingen felles interesser"))
        bits.append(f"{labels.km(distance)} km")
        if adaptations:
            names = list(dict.fromkeys(a.task_name for a in adaptations))
            bits.append("tilrettelegging: " + _quote(names))
        if exclusions:
            bits.append("utelatt: " + labels.join(e.label.lower() for e in exclusions))
        return " · ".join(bits)
