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
                    candidate_source=source_labels.get(cand_terms[term][1], ""),
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
                        f"Stillingen er på {labels.hours(hours)} timer i uka; behovet "
                        f"«{need_label}» tilsier høyst {labels.hours(rule.threshold)}."
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
                            detail=f"Oppgaven «{task.name}» har {what}, men kan "
                            f"tilrettelegges for behovet «{need_label}».",
                            note=task.adaptation_note,
                        )
                    )
                else:
                    blocking.append(
                        f"Oppgaven «{task.name}» har {what}, som ikke passer med behovet "
                        f"«{need_label}»."
                    )
        return blocking, adaptations

    def exclusions(
        self, cand: CandidateFacts, opening: OpeningFacts, reasons: int, chord2: float
    ) -> tuple[Exclusion, ...]:
        c, o, record = cand.cols, opening.cols, opening.record
        out: list[Exclusion] = []

        def add(code: ExclusionCode, detail: str) -> None:
            out.append(Exclusion(code, labels.EXCLUSIONS[code], detail))

        hours = float(o["hours"])
        if reasons & EXCLUSION_BITS["hours"]:
            wished = labels.hours_range(_bound(c["hmin"]), _bound(c["hmax"]))
            add(
                "hours",
                f"Stillingen er på {labels.hours(hours)} timer i uka; kandidaten ønsker {wished}.",
            )
        if reasons & EXCLUSION_BITS["commute"]:
            distance = km_for_chord(math.sqrt(chord2))
            limit = km_for_chord(math.sqrt(float(c["c2max"])))
            add(
                "commute",
                f"{labels.km(distance)} km i luftlinje; kandidatens lengste reisevei er "
                f"{labels.km(limit)} km.",
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
                f"Stillingen krever {self._times(missing).lower()}; kandidaten kan jobbe "
                f"{self._times(can).lower() or 'ingen av tidene'}.",
            )
        if reasons & EXCLUSION_BITS["employer_excluded"]:
            add(
                "employer_excluded",
                "Arbeidsgiveren har bedt om at kandidaten ikke foreslås her.",
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
        c, o, record = cand.cols, opening.cols, opening.record
        sources = self.sources(opening)
        contributions: list[Contribution] = []
        missing: list[str] = []

        def part(code: PartCode, max_points: float, detail: str, terms: Any = ()) -> None:
            contributions.append(
                Contribution(
                    code, labels.PARTS[code], parts[code], max_points, detail, tuple(terms)
                )
            )

        # Interests: the candidate's own words are weighted first (``EngineConfig``).
        interest = self.term_matches(
            cand.interest,
            opening.terms,
            sources,
            idf["interest"],
            parts["interest"],
            labels.INTEREST_SOURCES,
        )
        if interest:
            detail = "; ".join(
                f"«{m.candidate_word}» ({m.candidate_source}) – "
                f"{labels.join(m.opening_sources) or 'stillingen'}"
                for m in interest
            )
        elif not cand.interest:
            detail = "Ingen interesser registrert."
            missing.append(detail)
        else:
            detail = "Ingen felles interesser med stillingen."
            missing.append(detail)
        part("interest", weights.interest, detail, interest)

        experience = self.term_matches(
            cand.experience,
            opening.terms,
            sources,
            idf["experience"],
            parts["experience"],
            labels.EXPERIENCE_SOURCES,
        )
        if experience:
            detail = "; ".join(
                f"«{m.candidate_word}» ({m.candidate_source}) – "
                f"{labels.join(m.opening_sources) or 'stillingen'}"
                for m in experience
            )
        else:
            detail = (
                "Ingen erfaring eller styrker registrert."
                if not cand.experience
                else "Ingen erfaring eller styrker som nevnes i stillingen."
            )
            missing.append(detail)
        part("experience", weights.experience, detail, experience)

        sectors = self.codes.sectors
        wished = sectors.decode(int(c["sectors"]))
        sector_code = record.workplace.sector
        sector_label = labels.label(labels.SECTORS, sector_code)
        wished_labels = labels.join(f"«{labels.label(labels.SECTORS, s)}»" for s in wished)
        if not sector_code:
            detail = "Stillingen har ingen bransje oppgitt (halv uttelling)."
        elif sector_code in wished:
            detail = f"«{sector_label}» er en bransje kandidaten ønsker."
        elif not wished:
            detail = "Ingen bransjeønsker registrert (halv uttelling)."
            missing.append("Ingen bransjeønsker registrert.")
        else:
            detail = f"Kandidaten ønsker {wished_labels}, ikke «{sector_label}»."
            missing.append(detail)
        part("sector", weights.sector, detail)

        distance = km_for_chord(math.sqrt(chord2))
        limit = _bound(c["c2max"])
        if limit is None:
            detail = (
                f"{labels.km(distance)} km i luftlinje (lengste reisevei ikke registrert; "
                f"regnet mot {labels.km(self.config.default_commute_km)} km)."
            )
            missing.append("Lengste reisevei er ikke registrert.")
        else:
            limit_km = km_for_chord(math.sqrt(limit))
            detail = (
                f"{labels.km(distance)} km i luftlinje; lengste reisevei {labels.km(limit_km)} km."
            )
        part("place", weights.place, detail)

        age = int(c["age"])
        low, high = _bound(o["age_lo"]), _bound(o["age_hi"])
        if low is None and high is None:
            detail = "Arbeidsgiveren har ikke oppgitt aldersønske."
        else:
            wish = (
                f"{low:.0f}–{high:.0f} år"
                if low is not None and high is not None
                else (f"minst {low:.0f} år" if low is not None else f"høyst {high:.0f} år")
            )
            if age < 0:
                detail = f"Alder ukjent; arbeidsgiveren ønsker {wish} (ikke trukket ned)."
            elif parts["employer_wishes"] > 0:
                detail = f"Innenfor arbeidsgiverens ønske om {wish}."
            else:
                detail = f"Utenfor arbeidsgiverens ønske om {wish}."
                missing.append(detail)
        part("employer_wishes", weights.employer_wishes, detail)

        share = float(o["incl"])
        part(
            "inclusion",
            weights.inclusion,
            f"Arbeidsgiverens erfaring med inkludering: {share * 100:.0f} %.",
        )

        need_codes = self.codes.needs.decode(int(c["needs"]))
        _, adaptations = self.need_conflicts(need_codes, record, float(o["hours"]))
        if adaptations:
            part(
                "adaptation",
                0.0,
                " ".join(a.detail for a in adaptations)
                + (" Tilrettelegging trekker ikke ned." if not weights.adaptation else ""),
            )

        exclusions = self.exclusions(cand, opening, reasons, chord2)
        summary = self.summary(interest, distance, adaptations, exclusions)
        return Explanation(
            tuple(contributions), tuple(missing), tuple(adaptations), exclusions, summary
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
            bits.append("Felles interesser: " + _quote([m.candidate_word for m in interest[:4]]))
        else:
            bits.append("Ingen felles interesser")
        bits.append(f"{labels.km(distance)} km")
        if adaptations:
            names = list(dict.fromkeys(a.task_name for a in adaptations))
            bits.append("tilrettelegging: " + _quote(names))
        if exclusions:
            bits.append("utelatt: " + labels.join(e.label.lower() for e in exclusions))
        return " · ".join(bits)
