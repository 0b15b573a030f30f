"""The skills vocabulary and skill extraction from free text.

The vocabulary is data (``matcher/data/skills.json``): canonical skills with aliases, aliases that
are also ordinary words (counted only in context), and implied skills
(``controller-runtime`` → Kubernetes controllers → Kubernetes, Go). Extraction works the
same for a mentee's words and a project's text, so both sides meet on canonical names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from rapidfuzz import fuzz, process

from matcher.errors import MatcherError
from matcher.resources import SKILLS_VOCABULARY, skills_vocabulary_text
from matcher.text import CJK, fold_punctuation, whole_words

# A word that makes an ambiguous alias ("go", "c", "r", "kind") mean the skill.
_CONTEXT_WORDS = {
    "programming",
    "language",
    "languages",
    "lang",
    "developer",
    "development",
    "code",
    "coding",
    "written",
    "write",
    "writing",
    "experience",
    "proficient",
    "proficiency",
    "skills",
    "know",
    "knowledge",
    "using",
    "with",
    "in",
}
# "go to", "go through": the English verb, not the Go language.
_VERB_FOLLOWERS = {"to", "through", "ahead", "back", "into", "over", "beyond", "for", "deeper", "further", "on", "out"}
_WORD = re.compile(rf"[^\W\d_{CJK}][^\W_{CJK}]{{4,}}")
#: How long, or how, a language has been used, right after its name: "Go for the last 6 years", "Rust since
#: 2021", "Rust as a hobby".
_USE_NOTE = re.compile(
    r"\s+(?:for\s+(?:the\s+)?(?:(?:last|past)\s+)?(?:\d+(?:\.\d+)?\+?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|several|many|a\s+few|a\s+couple\s+of)\s*(?:years?|yrs?|months?)|since\s+(?:19|20)\d\d|as\s+a\s+hobby)\b",
    re.IGNORECASE,
)
#: A name with its version glued on: "go1.21", "python3.11", "vue3". Not a hexadecimal run such as an id's
#: "dba9" or "cd32", nor part of an address ("rust2020@example.org"), and a two-letter name only with a
#: dotted version ("go1.21", not "ui5").
_GLUED_VERSION = re.compile(r"(?<![\w.@/])([^\W\d_]{2,})v?(\d+(?:\.\d+)*)(?![\w+#@/]|\.\w)")
_HEXADECIMAL = re.compile(r"[a-f]+")
#: What may follow a list item without making it part of a phrase: a parenthesis (perhaps cut by a comma), a version.
_ANNOTATION = re.compile(r"^\s*(?:\([^)]*\)?|v?\d+(?:\.\d+)*\+?)")
#: What never makes a list item more than a name: emoji and other symbols, and words of unspaced script
#: (in "Go 两年经验", "Go" is named alone among Chinese words).
_SYMBOLS = re.compile(rf"[^\w\s().+#]|[{CJK}]+")
#: words that may stand between an ambiguous alias and the word before it that rules it out ("read the docs")
_DETERMINERS = {"the", "a", "an", "its", "their", "our", "your", "my", "some"}
#: A name's initial ("J. C. R. Licklider", "Priya R."): a capital letter and a period, right after a capitalised word
#: or another initial, or right before another initial. "C" and "R" so written are no languages.
_INITIAL_BEFORE = re.compile(r"(?:^|\s)(?:[A-Z][a-z]+|[A-Z]\.)\s$")
_INITIAL_AFTER = re.compile(r"^\.\s+[A-Z]\.")
#: What may open a sentence before its first word: quotes, brackets, a bullet.
_OPENERS = "\"'“‘«([*-•"
#: What separates list items: punctuation, a spaced hyphen, and "and"/"or" in the languages the cues read.
_ITEM_SEPARATORS = re.compile(r"[,;\n/|•·—–]|\s-\s|[.!?](?=\s)|\b(?:and|or|et|ou|y|o|e|und|oder)\b|[和或及与]")


@dataclass(frozen=True)
class Skill:
    """A canonical skill of the vocabulary."""

    name: str
    category: str
    aliases: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()
    #: words that, near an ambiguous alias, confirm it names this skill (replacing the general context words)
    context: tuple[str, ...] = ()
    #: words that, right before any of its aliases, say it names something else ("reading docs", "my first open
    #: source contribution")
    not_after: tuple[str, ...] = ()
    #: words that, right after an ambiguous alias, say it names something else ("kind of", "rest of")
    not_before: tuple[str, ...] = ()
    #: longer names holding an alias, matched as written, that name something else ("Linux Foundation")
    part_of: tuple[str, ...] = ()
    #: neighbouring skills (Podman for Docker): partial credit in ranking, never a claim that the mentee has them
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class SkillMention:
    """A canonical skill found in a text, with the words that named it.

    ``implied_by`` is set when the text did not name the skill but named one that implies
    it (controller-runtime → Go); ``fuzzy`` when a misspelling was matched (``kubernets``).
    ``start``/``end`` locate the words in the text (for an implied skill: the implying words).
    """

    skill: str
    surface: str
    implied_by: str | None = None
    fuzzy: bool = False
    start: int = 0
    end: int = 0

    @property
    def direct(self) -> bool:
        return self.implied_by is None


class SkillVocabulary:
    """Canonical skills with their aliases; finds skills in text.

    Build it with :meth:`load` (the shipped vocabulary, or your own JSON file).
    """

    def __init__(
        self,
        skills: Iterable[Skill],
        ambiguous: Iterable[str] = (),
        introducers: Iterable[str] = (),
        programme_wide: Iterable[str] = (),
        qualifiers: Mapping[str, Iterable[str]] | None = None,
        introducers_after: Iterable[str] = (),
    ) -> None:
        self.skills: dict[str, Skill] = {skill.name: skill for skill in skills}
        self.ambiguous: frozenset[str] = frozenset(alias.lower() for alias in ambiguous)
        #: skills every project of a programme involves (Git, contributing to open source): no wish for one is met
        self.programme_wide: frozenset[str] = frozenset(programme_wide)
        unknown = sorted(self.programme_wide - set(self.skills))
        if unknown:
            raise MatcherError(f"skills vocabulary: programme_wide names unknown skill(s) {unknown}")
        #: a phrase that names a skill next ("experience with"), ending the text before an alias
        introduced = whole_words((phrase.lower() for phrase in introducers), before="(?<!')")
        self._introduced = re.compile(f"(?:{introduced})$")
        #: a verb written after the name, in languages that put it last ("Go biliyorum", "Java nahi aata")
        self._introduced_after = re.compile(rf"^\s*(?:{whole_words(phrase.lower() for phrase in introducers_after)})")
        #: words of degree around an ambiguous name that leave it a name: "some go", "go basics"
        qualifiers = qualifiers or {}
        before = whole_words(phrase.lower() for phrase in qualifiers.get("before", ()))
        after = whole_words(phrase.lower() for phrase in qualifiers.get("after", ()))
        self._qualifiers_before = re.compile(rf"(?:\s*(?:{before}))+\s*$")
        self._qualifiers_after = re.compile(rf"^(?:\s*(?:{after}))+")
        self._alias_to_skill: dict[str, str] = {}
        for skill in self.skills.values():
            for alias in (skill.name, *skill.aliases):
                self._alias_to_skill.setdefault(alias.lower(), skill.name)
        self._related: dict[str, set[str]] = {name: set() for name in self.skills}
        for skill in self.skills.values():
            unknown = [name for name in skill.implies if name not in self.skills]
            if unknown:
                raise MatcherError(f"skills vocabulary: {skill.name!r} implies unknown skill(s) {unknown}")
            unknown = [name for name in skill.related if name not in self.skills]
            if unknown:
                raise MatcherError(f"skills vocabulary: {skill.name!r} is related to unknown skill(s) {unknown}")
            for name in skill.related:
                self._related[skill.name].add(name)
                self._related[name].add(skill.name)

    @classmethod
    def load(cls, path: str | Path | None = None) -> SkillVocabulary:
        """Read a vocabulary JSON file (default: the one shipped in the package)."""
        where = str(path) if path else SKILLS_VOCABULARY
        try:
            text = Path(path).read_text(encoding="utf-8") if path else skills_vocabulary_text()
            data = json.loads(text)
            entries = data["skills"]
            skills = [
                Skill(
                    name=entry["name"],
                    category=entry.get("category", "other"),
                    aliases=tuple(entry.get("aliases", ())),
                    implies=tuple(entry.get("implies", ())),
                    context=tuple(word.lower() for word in entry.get("context", ())),
                    not_after=tuple(word.lower() for word in entry.get("not_after", ())),
                    not_before=tuple(word.lower() for word in entry.get("not_before", ())),
                    part_of=tuple(entry.get("part_of", ())),
                    related=tuple(entry.get("related", ())),
                )
                for entry in entries
            ]
            ambiguous = [alias for entry in entries for alias in entry.get("ambiguous", ())]
            introducers = [str(phrase) for phrase in data.get("introducers", ())]
            introducers_after = [str(phrase) for phrase in data.get("introducers_after", ())]
            programme_wide = [str(name) for name in data.get("programme_wide", ())]
            sides = data.get("qualifiers", {})
            qualifiers = {side: [str(phrase) for phrase in sides.get(side, ())] for side in ("before", "after")}
        except FileNotFoundError:
            raise MatcherError(f"{where}: skills vocabulary not found") from None
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise MatcherError(f"{where}: not a skills vocabulary ({error})") from None
        return cls(skills, ambiguous, introducers, programme_wide, qualifiers, introducers_after)

    @property
    def names(self) -> list[str]:
        """Canonical skill names, sorted for display (e.g. a multiselect)."""
        return sorted(self.skills, key=str.lower)

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        # "c" is not a name in "c++" or "c#", but "+" may join two names ("Vue3+TypeScript")
        joined = r"(?<!\+\+)(?<!#)", r"(?!\+(?![^\W\d_])|#|\.\w)"
        return re.compile(whole_words(self._alias_to_skill, *joined))

    @cached_property
    def _fuzzy_choices(self) -> dict[str, list[str]]:
        """Aliases a misspelling may be matched to, by first letter: one word, 5+ letters, never an ambiguous one."""
        choices: dict[str, list[str]] = {}
        for alias in self._alias_to_skill:
            if " " not in alias and len(alias) >= 5 and alias not in self.ambiguous:
                choices.setdefault(alias[0], []).append(alias)
        return choices

    @cached_property
    def _fuzzy_phrase_words(self) -> dict[str, dict[str, list[tuple[str, int]]]]:
        """Words of several-word aliases a misspelling may be matched to (5+ letters), by first letter, each
        with its aliases and its place in them: "kernal" meets "kernel" in "linux kernel" only after "linux"."""
        words: dict[str, dict[str, list[tuple[str, int]]]] = {}
        for alias in self._alias_to_skill:
            parts = alias.split(" ")
            if len(parts) > 1 and alias not in self.ambiguous:
                for place, part in enumerate(parts):
                    if len(part) >= 5:
                        words.setdefault(part[0], {}).setdefault(part, []).append((alias, place))
        return words

    def canonical(self, text: str) -> str | None:
        """The canonical name of one alias (``k8s`` → ``Kubernetes``), or None."""
        return self._alias_to_skill.get(text.strip().lower())

    def mentions(
        self,
        text: str,
        known_words: frozenset[str] | set[str] = frozenset(),
        plain_words: frozenset[str] | set[str] = frozenset(),
    ) -> list[SkillMention]:
        """Every place ``text`` names a skill (by alias, a misspelt alias or a versioned one: "go1.21"), in order,
        without implications.

        ``known_words`` (e.g. the catalogue's vocabulary) and ``plain_words`` (plain English) are
        real words, never taken for misspelt skills.
        """
        folded = fold_punctuation(text)
        lowered = folded.lower()
        found: list[SkillMention] = []
        for match in self._pattern.finditer(lowered):
            alias = match.group(0)
            skill = self._alias_to_skill[alias]
            if self._names_something_else(folded, match.start(), skill):  # "reading technical documentation"
                continue
            if any(folded.startswith(name, match.start()) for name in self.skills[skill].part_of):  # "Linux Foundation"
                continue
            if alias in self.ambiguous and not self._means_skill(folded, match.start(), match.end(), skill):
                continue
            found.append(SkillMention(skill, text[match.start() : match.end()], start=match.start(), end=match.end()))
        found += self._versioned(text, folded, lowered)
        covered = [(mention.start, mention.end) for mention in found]
        for word in _WORD.finditer(lowered):
            token = word.group(0)
            if token in known_words or token in plain_words or token in self._alias_to_skill:
                continue
            if _inside(word.span(), covered):
                continue
            alias = self.misspelt_alias(token)
            if alias:
                skill = self._alias_to_skill[alias]
                if not self._names_something_else(folded, word.start(), skill):
                    found.append(SkillMention(skill, text[word.start() : word.end()], None, True, *word.span()))
                continue
            phrase = self._misspelt_phrase(lowered, word.start(), word.end(), _misspelling_cutoff(token))
            if phrase and not self._names_something_else(folded, phrase[1], self._alias_to_skill[phrase[0]]):
                alias, start, end = phrase
                found = [mention for mention in found if not _inside((mention.start, mention.end), [(start, end)])]
                found.append(
                    SkillMention(
                        self._alias_to_skill[alias], text[start:end], None, alias != lowered[start:end], start, end
                    )
                )
                covered.append((start, end))
        return sorted(found, key=lambda mention: mention.start)

    def _versioned(self, text: str, folded: str, lowered: str) -> list[SkillMention]:
        """Names with a version glued on ("go1.21", "python3.11"): the version says which thing is meant,
        so even an ambiguous name ("go") is the skill."""
        found = []
        for match in _GLUED_VERSION.finditer(lowered):
            alias, version = match.groups()
            skill = self._alias_to_skill.get(alias)
            if skill is None or _HEXADECIMAL.fullmatch(alias) or (len(alias) == 2 and "." not in version):
                continue
            if self._names_something_else(folded, match.start(), skill):
                continue
            found.append(SkillMention(skill, text[match.start() : match.end()], start=match.start(), end=match.end()))
        return found

    def misspelt_alias(self, token: str) -> str | None:
        """The one-word alias that the lower-case word ``token`` misspells ("kubernets" → "kubernetes"), if any.

        Used on words that are neither aliases nor plain words; a word that only starts a longer
        name is not a misspelling of it ("puppet", "puppeteer").
        """
        choices = self._fuzzy_choices.get(token[0], [])
        best = process.extractOne(token, choices, scorer=fuzz.ratio, score_cutoff=_misspelling_cutoff(token))
        return best[0] if best and not _another_name(token, best[0]) else None

    def _misspelt_phrase(self, lowered: str, start: int, end: int, cutoff: float) -> tuple[str, int, int] | None:
        """The longest several-word alias written at ``lowered[start:end]`` with that one word misspelt
        ("machne learning", "linux kernal"), with the span of the whole phrase; the other words must be exact."""
        token = lowered[start:end]
        words = self._fuzzy_phrase_words.get(token[0], {})
        candidates = process.extract(token, words.keys(), scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        found: list[tuple[str, int, int]] = []
        for word, _, _ in candidates:
            for alias, place in words[word]:
                parts = alias.split(" ")
                head, tail = " ".join(parts[:place]), " ".join(parts[place + 1 :])
                before = re.search(rf"(?<![\w+#]){re.escape(head)}\s+$", lowered[:start]) if head else None
                after = re.match(rf"\s+{re.escape(tail)}(?![\w+#])", lowered[end:]) if tail else None
                if (head and not before) or (tail and not after):
                    continue
                found.append((alias, before.start() if before else start, end + after.end() if after else end))
        return max(found, key=lambda phrase: phrase[2] - phrase[1], default=None)

    def extract(self, text: str, known_words: frozenset[str] | set[str] = frozenset()) -> list[SkillMention]:
        """Skills named in ``text`` (each once, in order of appearance), then those they imply."""
        return self.with_implied(self.mentions(text, known_words))

    def with_implied(self, mentions: Iterable[SkillMention]) -> list[SkillMention]:
        """Each skill of ``mentions`` once, in order, then the skills they imply (see :meth:`extract`)."""
        found: dict[str, SkillMention] = {}
        for mention in mentions:
            found.setdefault(mention.skill, mention)
        for mention in list(found.values()):
            for implied, via in self.implied(mention.skill):
                found.setdefault(implied, replace(mention, skill=implied, implied_by=via, fuzzy=False))
        return list(found.values())

    def related(self, name: str) -> frozenset[str]:
        """Neighbours of a skill, either way round (Docker ↔ Podman): for partial credit only."""
        return frozenset(self._related.get(name, ()))

    def implied(self, name: str) -> list[tuple[str, str]]:
        """Skills implied by ``name``, transitively, each with the skill that implied it."""
        result: list[tuple[str, str]] = []
        stack = [name]
        seen = {name}
        while stack:
            current = stack.pop()
            for implied in self.skills[current].implies:
                if implied not in seen:
                    seen.add(implied)
                    result.append((implied, name))
                    stack.append(implied)
        return result

    def _names_something_else(self, text: str, start: int, skill: str) -> bool:
        """Whether the word before an alias at ``text[start:]`` (a determiner may stand between) is one of
        the skill's ``not_after`` words, which say it names something else: "read the docs", "my first
        open source contribution" (a goal, not a skill had)."""
        previous = re.findall(r"[a-z']+", text[max(0, start - 40) : start].lower())[-2:]
        while previous and previous[-1] in _DETERMINERS:
            previous.pop()
        return bool(previous) and previous[-1] in self.skills[skill].not_after

    def _means_skill(self, text: str, start: int, end: int, skill: str) -> bool:
        """Whether an ambiguous alias at ``text[start:end]`` names ``skill``.

        It never does right before one of the skill's ``not_before`` words ("kind of"). Otherwise it does
        when it is a whole item of a list or sentence (``Go, Kubernetes``, ``Go (2 years)``); right after a
        phrase that introduces a skill ("experience with React"), or, as a language or the skill's own
        name, right before a verb written last ("Go biliyorum"); as a label ("Go: beginner"); as a language
        opening its item, with how long or how it was used ("Go for 5 years", "Rust as a hobby"); in a list of
        names without commas ("go k8s helm"); when it is a cloud-native acronym in capitals ("EKS"); when it
        is a language's own name written with its capital (``I write Go``; not "C" or "R", not opening a
        sentence, not read as a verb as in ``Go to``); or next to one of the skill's context words
        ("programming").
        """
        following = re.match(r"\s*([a-z']+)", text[end:].lower())
        if following and following.group(1) in self.skills[skill].not_before:  # "kind of", "the rest of"
            return False
        if _initial(text, start, end):
            return False
        written_before = _ITEM_SEPARATORS.split(text[:start].lower())[-1].strip(" .:-()*")
        before = self._qualifiers_before.sub("", written_before).strip(" .:-()*")
        after = self._qualifiers_after.sub("", _ITEM_SEPARATORS.split(text[end:].lower())[0])
        alone = not _SYMBOLS.sub("", before).strip(" .:-()*") and not _ANNOTATION.sub(
            "", _SYMBOLS.sub("", after)
        ).strip(" .:-()*")
        if alone:  # a whole item, perhaps annotated: "Go (2 years)", "go 1.21", "rust 🦀 (hobby", "Go 两年经验"
            return True
        if self._introduced.search(written_before) or self._introduced.search(before):  # "a bit of Node"
            return True
        surface = text[start:end]
        if self._own_name(skill, surface) and self._introduced_after.match(after):  # "Go biliyorum"; not "den Rest"
            return True
        if not written_before and self._labels_skills(text[end:], skill, surface):  # "Go: beginner", "ML: scikit-learn"
            return True
        if self._among_names(f"{before} {after}".split(), skill, surface):  # "go k8s helm", "rust wasm"
            return True
        if len(surface) >= 3 and surface.isupper() and self.skills[skill].category == "cloud-native":
            return True  # a managed service's acronym ("EKS", "AKS"); not "I NEED REST" or "an ARM and a leg"
        opening = text[:start].rstrip().rstrip(_OPENERS).rstrip()
        opens_sentence = not opening or opening[-1] in ".!?"  # '"Go to Heaven', '- Go home'
        capitalised_language = surface == skill and self.skills[skill].category == "language" and len(surface) > 1
        if capitalised_language and not opens_sentence:  # "I write Go for small tools"
            return True
        language = self.skills[skill].category == "language"
        if language and not written_before and len(surface) > 1 and _USE_NOTE.match(text[end:]):
            return True  # "Go for the last 6 years", "Rust as a hobby"; not "C for 3 years", "I go for", "Chef for"
        next_words = text[end:].lower().split()[:1]
        if surface.lower() == "go" and next_words and next_words[0].strip(".,;:") in _VERB_FOLLOWERS:
            return False
        context = set(self.skills[skill].context) or _CONTEXT_WORDS - {"in", "with", "using", "write", "writing"}
        window = f"{text[max(0, start - 30) : start]} {text[end : end + 30]}".lower()  # never the alias itself
        # words as written ("front-end", "next.js") and their parts ("front", "end")
        neighbours = {word.strip(".-") for word in re.findall(r"[a-z0-9+#.-]+", window)}
        neighbours |= set(re.findall(r"[a-z+#]+", window)) | set(re.findall(r"[a-z]+", window))
        return bool(neighbours & context)

    def _labels_skills(self, following: str, skill: str, surface: str) -> bool:
        """Whether a name opening its item is a label ("Go: beginner", "ML: scikit-learn", "Security: Trivy"): a
        language, its own name or an acronym, then a colon and a level word or an unambiguous skill name. What
        else follows a label may say the opposite ("Rust: not yet", "Go: curious"), or the word is no name at
        all ("Rest: Bash, SQL", "Spring: 10 hours a week")."""
        colon = re.match(r":\s+", following)
        acronym = len(surface) > 1 and surface.isupper()
        if not colon or not (acronym or self._own_name(skill, surface)):
            return False
        value = following[colon.end() :].lower()
        first_item = _ITEM_SEPARATORS.split(value)[0].strip(" .()")
        return bool(self._qualifiers_after.match(value)) or (
            first_item not in self.ambiguous and self.canonical(first_item) is not None
        )

    def _among_names(self, neighbours: list[str], skill: str, surface: str) -> bool:
        """Whether an ambiguous name stands in a list written without commas: the other words of its item
        are all skill names (perhaps misspelt), one of them unambiguous ("rust wasm", "go k8s helm",
        "react typscript"). A skill other than a language must be written as its own name, so that a
        compound of everyday nouns ("governance docs", "backup plugins") is no list."""
        names = [word.strip(".,:;()*").lower() for word in neighbours]
        if not names or not all(self.canonical(name) or self._misspelt_name(name) for name in names):
            return False
        if not any(name not in self.ambiguous for name in names):
            return False
        return self._own_name(skill, surface)

    def _own_name(self, skill: str, surface: str) -> bool:
        """Whether ``surface`` is a language's name or the skill's own name (not another alias of it)."""
        return self.skills[skill].category == "language" or surface.lower() == skill.lower()

    def _misspelt_name(self, word: str) -> bool:
        """Whether a long word misspells an unambiguous alias ("typscript"): short words are too alike."""
        alias = self.misspelt_alias(word) if len(word) >= 6 else None
        return alias is not None and alias not in self.ambiguous


def _initial(text: str, start: int, end: int) -> bool:
    """Whether the one-letter name at ``text[start:end]`` is a person's initial ("J. C. R. Licklider", "Priya R.")."""
    if end - start != 1 or not text[start].isupper() or text[end : end + 1] != ".":
        return False
    return bool(_INITIAL_BEFORE.search(text[:start]) or _INITIAL_AFTER.match(text[end:]))


def _misspelling_cutoff(token: str) -> float:
    """How alike (0–100) a word must be to an alias to be taken for a misspelling of it: short words, closer."""
    return 88 if len(token) < 6 else (80 if len(token) == 6 else 85)


def _another_name(token: str, alias: str) -> bool:
    """Whether ``alias`` is ``token`` with three or more letters more at its end: a longer name that
    starts with the word ("puppet", "puppeteer"), not a misspelling of it, which changes a letter or two."""
    return alias.startswith(token) and len(alias) - len(token) >= 3


def canonical_words(text: str, mentions: Iterable[SkillMention], offset: int = 0) -> str:
    """``text`` with each skill named in it written by its canonical name ("golang, k8s" → "Go, Kubernetes"),
    so the word channel meets synonyms on one word; ``mentions`` locate the names, shifted by ``offset``."""
    parts: list[str] = []
    last = 0
    for mention in sorted(mentions, key=lambda mention: mention.start):
        start, end = mention.start - offset, mention.end - offset
        if mention.direct and last <= start and end <= len(text):
            parts += [text[last:start], f" {mention.skill} "]
            last = end
    parts.append(text[last:])
    return "".join(parts)


def _inside(span: tuple[int, int], covered: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in covered)
