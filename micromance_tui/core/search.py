"""Fuzzy search and filters over the gestures. Pure Python: never imports Textual.

How a query matches
-------------------
The query is split into words ("terms"); an idea is a result when *every* term matches
one of its words (title, summary, tags or how). A term matches a word

- exactly, or as the start of the word (``cof`` -> ``coffee``),
- inside the word (``fee`` -> ``coffee``, three letters or more),
- with a typo (one slip from four letters, two from eight: a wrong, missing, extra or
  swapped letter, anywhere in the word or in the part typed so far: ``cofee``,
  ``hnad`` -> ``hand``),
- as a subsequence of the word (letters left out: ``apprcte`` -> ``appreciate``).

Each way has a weight; a match in the title weighs three times a match elsewhere, and the
whole query inside the title earns a bonus. Results come best first; ties keep the order
asked for (A-Z, or the partner's order).

Speed
-----
Everything that depends only on the library is worked out once, in :class:`SearchIndex`:
a lowercase search text per idea, the vocabulary of words with the ideas that use each
(title and elsewhere apart), and sets of ideas per filter value. A term is then matched
against the *vocabulary*, not against every idea, and the answer is memoised, so typing
one more letter costs one vocabulary pass for the new term. Searches take a
``should_stop`` callback so a search made stale by the next keystroke can stop early.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import pairwise

from micromance_tui.core.models import DATE_IDEA_TAG, SITUATION_NAMES, Gesture
from micromance_tui.core.record import record
from micromance_tui.core.synonyms import Synonyms, phrases_in, shipped_synonyms, words

#: weights of the ways a term can match a word (title matches are multiplied below)
EXACT = 1.0
PREFIX = 0.85
TYPO = 0.6
TYPO_PREFIX = 0.5
INSIDE = 0.45
SUBSEQUENCE = 0.35
TITLE_WEIGHT = 3.0
PHRASE_IN_TITLE = 2.0
TITLE_STARTS = 1.0
PHRASE_IN_TEXT = 0.5

#: typos and left-out letters only ever match words at least this long
MIN_FUZZY_WORD = 4
_CACHE_LIMIT = 512
#: a match through a synonym counts this much of the word typed ("cuddle" for "hug")
SYNONYM_WEIGHT = 0.9
_STOP_EVERY = 2048


class SearchStopped(Exception):
    """Raised inside a search when ``should_stop()`` says its answer is no longer wanted."""


@record
class Filters:
    """What the list is narrowed to; an empty string means "any"."""

    language: str = ""
    effort: str = ""
    cost: str = ""
    moment: str = ""
    not_tried: bool = False
    favourites: bool = False
    situation: str = ""
    date_ideas: bool = False

    @property
    def languages(self) -> list[str]:
        """The language ids ``language`` names: one, or several joined by commas (ideas in
        any of them pass, as when Browse is opened from a quiz result's top languages)."""
        return [lid for lid in self.language.split(",") if lid]

    @property
    def count(self) -> int:
        """How many filters are on."""
        return sum(
            bool(x)
            for x in (
                self.language,
                self.effort,
                self.cost,
                self.moment,
                self.not_tried,
                self.favourites,
                self.situation,
                self.date_ideas,
            )
        )

    def with_(self, **changes: str | bool) -> Filters:
        return replace(self, **changes)  # type: ignore[arg-type]


def normalise(query: str) -> str:
    """A query as compared with titles: lowercase words joined by single spaces."""
    return " ".join(words(query))


def typo_budget(length: int) -> int:
    """How many slips a term of this length may carry and still match."""
    if length < 4:
        return 0
    return 1 if length < 8 else 2


def _mask(text: str) -> int:
    bits = 0
    for ch in text:
        bits |= 1 << (ord(ch) & 63)
    return bits


def edit_distances(term: str, word: str, limit: int) -> tuple[int, int]:
    """(distance to the whole word, distance to the closest start of the word), each
    counted in wrong, missing, extra or swapped letters (optimal string alignment) and
    capped at ``limit + 1``: the search only needs to know whether they are within it."""
    n, m = len(term), len(word)
    over = limit + 1
    if n == 0:
        return min(m, over), 0
    prev2: list[int] = []
    prev = list(range(m + 1))
    for i in range(1, n + 1):
        ti = term[i - 1]
        cur = [i] + [0] * m
        low = i
        for j in range(1, m + 1):
            wj = word[j - 1]
            cost = 0 if ti == wj else 1
            best = prev[j - 1] + cost
            if prev[j] + 1 < best:
                best = prev[j] + 1
            if cur[j - 1] + 1 < best:
                best = cur[j - 1] + 1
            if i > 1 and j > 1 and ti == word[j - 2] and term[i - 2] == wj:
                swap = prev2[j - 2] + 1
                if swap < best:
                    best = swap
            cur[j] = best
            if best < low:
                low = best
        if low > limit:
            return over, over
        prev2, prev = prev, cur
    return min(prev[m], over), min(min(prev), over)


def is_subsequence(needle: str, haystack: str) -> bool:
    """Whether the letters of ``needle`` appear in ``haystack`` in the same order."""
    it = iter(haystack)
    return all(ch in it for ch in needle)


def word_match(term: str, word: str, fuzzy: bool = True) -> float:
    """How well one query term matches one word: 0 for not at all, up to 1 for exactly.
    With ``fuzzy`` false only exact, start-of-word and inside-the-word matches count."""
    if word == term:
        return EXACT
    n = len(term)
    if word.startswith(term):
        return PREFIX
    if n < 3 or term.isdigit():
        return 0.0
    if term in word:
        return INSIDE
    if not fuzzy:
        return 0.0
    budget = typo_budget(n)
    # a slip never turns a term into a word of three letters or fewer ("hand" is not "and")
    if budget and len(word) >= max(MIN_FUZZY_WORD, n - budget):
        whole, start = edit_distances(term, word, budget)
        if whole <= budget:
            return TYPO - 0.05 * whole
        if start <= budget:
            return TYPO_PREFIX - 0.05 * start
    if n == 3 and word[0] == term[0] and (word.startswith(term[0] + term[2] + term[1])):
        return TYPO_PREFIX  # two letters swapped in a short word: "hgu" -> "hug"
    if n == 3 and word[1] == term[0] and word.startswith(term[1] + term[0] + term[2]):
        return TYPO_PREFIX
    if (
        2 * n >= len(word) >= MIN_FUZZY_WORD
        and (n >= 4 or word[0] == term[0])
        and is_subsequence(term, word)
    ):
        return SUBSEQUENCE
    return 0.0


@record
class _Word:
    text: str
    mask: int
    title: tuple[int, ...]
    other: tuple[int, ...]


class SearchIndex:
    """Everything about a library's gestures that a search needs, built once."""

    def __init__(self, gestures: Iterable[Gesture], synonyms: Synonyms | None = None) -> None:
        self.gestures: tuple[Gesture, ...] = tuple(gestures)
        #: groups of words that mean the same ("apart", "long distance"): the shipped ones
        self.synonyms = shipped_synonyms() if synonyms is None else synonyms
        self._units: dict[tuple[str, ...], dict[int, float]] = {}
        self.position: dict[str, int] = {g.id: i for i, g in enumerate(self.gestures)}
        #: the lowercase search text of each gesture (title, and the rest)
        self.titles: list[str] = []
        self.texts: list[str] = []
        title_words: dict[str, list[int]] = {}
        other_words: dict[str, list[int]] = {}
        self.by_language: dict[str, set[int]] = {}
        self.by_effort: dict[str, set[int]] = {}
        self.by_cost: dict[str, set[int]] = {}
        self.by_moment: dict[str, set[int]] = {}
        self.by_situation: dict[str, set[int]] = {}
        self.date_ideas: set[int] = set()
        for i, g in enumerate(self.gestures):
            title = " ".join(words(g.title))
            # situations are found by their ids and their names ("grief", "new parents")
            kinds = [f"{s} {SITUATION_NAMES.get(s, '')}" for s in g.situations]
            text = " ".join(words(" ".join((g.summary, " ".join(g.tags), *kinds, g.how))))
            self.titles.append(title)
            self.texts.append(text)
            title_list = title.split()
            # adjacent title words also count joined ("backrub", "goodmorning")
            pairs = {a + b for a, b in pairwise(title_list) if not (a.isdigit() or b.isdigit())}
            for w in set(title_list) | pairs:
                title_words.setdefault(w, []).append(i)
            for w in set(text.split()):
                other_words.setdefault(w, []).append(i)
            for lid in g.languages:
                self.by_language.setdefault(lid, set()).add(i)
            self.by_effort.setdefault(g.effort, set()).add(i)
            self.by_cost.setdefault(g.cost, set()).add(i)
            for moment in g.moments:
                self.by_moment.setdefault(moment, set()).add(i)
            if "apart-only" in g.moments:  # it works at a distance too: "apart" finds it
                self.by_moment.setdefault("apart", set()).add(i)
            for situation in g.situations:
                self.by_situation.setdefault(situation, set()).add(i)
            if DATE_IDEA_TAG in g.tags:
                self.date_ideas.add(i)
        self.vocabulary: list[_Word] = [
            _Word(w, _mask(w), tuple(title_words.get(w, ())), tuple(other_words.get(w, ())))
            for w in sorted(title_words.keys() | other_words.keys())
        ]
        self._words: list[str] = [w.text for w in self.vocabulary]
        self._padded_titles = [f" {t} " for t in self.titles]
        self._padded_texts = [f" {t} " for t in self.texts]
        self.alphabetical: list[int] = sorted(
            range(len(self.gestures)),
            key=lambda i: (self.titles[i], self.gestures[i].id),
        )
        self._terms: dict[str, dict[int, float]] = {}

    def __len__(self) -> int:
        return len(self.gestures)

    # ------------------------------------------------------------------ matching

    def known(self, term: str) -> bool:
        """Whether some word in the library is ``term`` or starts with it."""
        at = bisect_left(self._words, term)
        return at < len(self._words) and self._words[at].startswith(term)

    def term_scores(
        self, term: str, should_stop: Callable[[], bool] | None = None
    ) -> dict[int, float]:
        """Gesture position -> how well its best word matches ``term`` (memoised)."""
        found = self._terms.get(term)
        if found is not None:
            return found
        n = len(term)
        # Typos count only for a term that is not already a word, or the start of one, in
        # the library: "hand" finds hands, not "and" and "hard"; "hnad" finds "hand".
        fuzzy = not self.known(term)
        budget = typo_budget(n) if fuzzy else 0
        term_mask = _mask(term)
        scores: dict[int, float] = {}
        for k, entry in enumerate(self.vocabulary):
            if should_stop is not None and k % _STOP_EVERY == 0 and should_stop():
                raise SearchStopped
            word = entry.text
            if word[0] != term[0] or not word.startswith(term):
                if n < 3 or len(word) < n - budget:
                    continue
                if term_mask & ~entry.mask and (
                    budget == 0 or (term_mask & ~entry.mask).bit_count() > budget
                ):
                    continue
            weight = word_match(term, word, fuzzy)
            if not weight:
                continue
            title_weight = weight * TITLE_WEIGHT
            for i in entry.title:
                if scores.get(i, 0.0) < title_weight:
                    scores[i] = title_weight
            for i in entry.other:
                if scores.get(i, 0.0) < weight:
                    scores[i] = weight
        if len(self._terms) >= _CACHE_LIMIT:
            self._terms.clear()
        self._terms[term] = scores
        return scores

    def unit_scores(
        self, unit: tuple[str, ...], should_stop: Callable[[], bool] | None = None
    ) -> dict[int, float]:
        """Scores for one unit of a query: a term, or a phrase of terms, together with its
        synonyms (at SYNONYM_WEIGHT). A phrase matches where all of its words do."""
        group = self.synonyms.alternatives(unit)
        if not group:
            if len(unit) == 1:
                return self.term_scores(unit[0], should_stop)
            group = (unit,)
        found = self._units.get(unit)
        if found is not None:
            return found
        scores: dict[int, float] = {}
        for n, phrase in enumerate(group):
            weight = 1.0 if n == 0 else SYNONYM_WEIGHT
            for i, score in self._phrase_scores(phrase, should_stop).items():
                score *= weight
                if scores.get(i, 0.0) < score:
                    scores[i] = score
        if len(self._units) >= _CACHE_LIMIT:
            self._units.clear()
        self._units[unit] = scores
        return scores

    def _phrase_scores(
        self, phrase: tuple[str, ...], should_stop: Callable[[], bool] | None
    ) -> dict[int, float]:
        """Where every word of ``phrase`` matches: the sum of the words' scores."""
        parts = sorted((self.term_scores(w, should_stop) for w in phrase), key=len)
        first, rest = parts[0], parts[1:]
        if not rest:
            return first
        return {
            i: s + sum(other[i] for other in rest)
            for i, s in first.items()
            if all(i in other for other in rest)
        }

    def allowed(
        self,
        filters: Filters,
        *,
        tried: Collection[str] = (),
        favourites: Collection[str] = (),
    ) -> set[int] | None:
        """The positions the filters let through, or None when no filter is on."""
        sets: list[set[int]] = []
        if filters.language:  # one id, or several ("words,touch"): any of them
            sets.append(
                set().union(*(self.by_language.get(lid, set()) for lid in filters.languages))
            )
        for table, value in (
            (self.by_effort, filters.effort),
            (self.by_cost, filters.cost),
            (self.by_moment, filters.moment),
            (self.by_situation, filters.situation),
        ):
            if value:
                sets.append(table.get(value, set()))
        if filters.date_ideas:
            sets.append(self.date_ideas)
        if filters.favourites:
            sets.append({self.position[g] for g in favourites if g in self.position})
        if not sets and not filters.not_tried:
            return None
        if sets:
            sets.sort(key=len)
            result = set(sets[0])
            for other in sets[1:]:
                result &= other
        else:
            result = set(range(len(self.gestures)))
        if filters.not_tried:
            result -= {self.position[g] for g in tried if g in self.position}
        return result

    def partner_ranks(self, ordered: Sequence[Gesture]) -> list[int]:
        """Positions in the partner's order, from `core.suggest.partner_order`'s result."""
        return [self.position[g.id] for g in ordered if g.id in self.position]

    def search(
        self,
        query: str,
        filters: Filters = Filters(),
        *,
        tried: Collection[str] = (),
        favourites: Collection[str] = (),
        order: Sequence[int] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> list[Gesture]:
        """The gestures matching ``query`` and ``filters``: best first with a query, in
        ``order`` (positions; A-Z by default) without one or among equals."""
        ordering = self.alphabetical if order is None else order
        allowed = self.allowed(filters, tried=tried, favourites=favourites)
        terms = list(dict.fromkeys(words(query)))
        if not terms:
            if allowed is None:
                return [self.gestures[i] for i in ordering]
            return [self.gestures[i] for i in ordering if i in allowed]
        per_term = sorted(
            (self.unit_scores(unit, should_stop) for unit in phrases_in(terms, self.synonyms)),
            key=len,
        )  # the rarest term first: it bounds the candidates
        _check(should_stop)
        first, rest = per_term[0], per_term[1:]
        if allowed is None and not rest:
            totals = dict(first)
        else:
            candidates = first.keys() if allowed is None else first.keys() & allowed
            totals = {}
            for i in candidates:
                total = first[i]
                for scores in rest:
                    s = scores.get(i)
                    if s is None:
                        break
                    total += s
                else:
                    totals[i] = total
        _check(should_stop)
        # Bonuses for the query as typed: its words together, in a title or elsewhere
        # (whole words, or the last one still being typed).
        phrase = " " + " ".join(terms)
        whole = phrase + " "
        titles, texts = self._padded_titles, self._padded_texts
        for i in totals:
            title = titles[i]
            if phrase in title:
                if whole in title:
                    totals[i] += PHRASE_IN_TITLE + (TITLE_STARTS if title.startswith(whole) else 0)
                else:
                    totals[i] += PHRASE_IN_TITLE / 2
            elif phrase in texts[i]:
                totals[i] += PHRASE_IN_TEXT
        _check(should_stop)
        # `ordering` is already in the wanted order, and a sort keeps equals in place
        best = [i for i in ordering if i in totals]
        best.sort(key=totals.__getitem__, reverse=True)
        return [self.gestures[i] for i in best]


def _check(should_stop: Callable[[], bool] | None) -> None:
    if should_stop is not None and should_stop():
        raise SearchStopped


def search(
    gestures: Iterable[Gesture],
    query: str,
    filters: Filters = Filters(),
    *,
    tried: Collection[str] = (),
    favourites: Collection[str] = (),
) -> list[Gesture]:
    """A one-off search (builds an index each call: use SearchIndex for repeated ones)."""
    return SearchIndex(gestures).search(query, filters, tried=tried, favourites=favourites)


def top_language(scores: Mapping[str, float]) -> str:
    """The strongest language in a profile (the first listed among equals)."""
    from micromance_tui.core.models import LANGUAGE_IDS

    return max(LANGUAGE_IDS, key=lambda lid: float(scores.get(lid, 0.0)))
