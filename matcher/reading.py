"""Reading a profile: which skills the mentee has, wants and avoids, their level, and the words not placed.

People write "I know Go and want to learn eBPF, never used Java" in one box, so every field is
read the same way. Cue phrases (``matcher/data/cues.json``) set the role of the skills that
follow them within a clause; without a cue, the skills field means *have* and the interests
field means *want*. Every reading keeps the field and span of the mentee's words, so an
interface can show it and the mentee can correct it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from matcher.errors import MatcherError
from matcher.lexical import stop_words
from matcher.resources import (
    PROFILE_CUES,
    everyday_words_text,
    plain_words_text,
    profile_cues_text,
    real_words_text,
)
from matcher.skills import SkillMention, SkillVocabulary, canonical_words
from matcher.text import CJK, UNSPACED, WORD_CHAR, fold_punctuation, whole_words

ROLES = ("have", "want", "avoid")
#: Skills the mentee names as someone else's ("my team uses Kafka"): in none of the mentee's roles.
OTHERS = "others"
#: The kind of a phrase that holds a cue's words but sets no role ("built on").
NO_CUE = "none"
LEVELS = ("beginner", "intermediate", "experienced")
#: The role of a skill named without any cue, by field.
DEFAULT_ROLE = {"skills": "have", "interests": "want"}

_CLAUSE_END = re.compile(r"[.!?](?=\s|$)|[;\n]")
#: the end of a list item: a clause end or a comma
_ITEM_END = re.compile(rf"{_CLAUSE_END.pattern}|,")
#: a skill's name followed by "team" or "folks" names a group ("our DevOps team", "the backend team", "our ML
#: folks"), not a skill had
_TEAM_NAME = re.compile(r"\s+(?:teams?|squad|squads|department|folks)\b")
#: so does one followed by "guy" or "people" after a possessive ("our devops guy"; not "Backend guy, 6 years",
#: "Python people like me", "dashboards people use")
_PERSON_NAME = re.compile(r"\s+(?:guys?|people)\b")
_POSSESSIVE = re.compile(r"\b(?:our|their|his|her|your)\s+$")
#: verbs of running something, after a group of people as their subject: "our infra folks use", "the platform team owns"
_RUNNING = (
    r"(?:uses?|used|using|runs?|ran|handles?|handled|works? with|builds?|does|takes? care of|manages?|managed"
    r"|maintains?|maintained|owns?|operates?|operated|deploys?|set up|sets up)\b"
)
#: a group of others opening an item as the subject of a verb of running something: the mentee's team or guy
#: named by a skill (blanked in ``masked``), "my teams", some "folks", a colleague: "Our MLOps team uses Kubeflow",
#: "our DevOps guy set up the CI", "My teams used Kafka", "our infra folks use Knative", "a colleague runs our k8s
#: pilot" (not "I lead our Go team", "I help folks use Terraform", "Mentored my teams on Go")
_GROUP_RUNS_IT = re.compile(
    r"(?:^|(?<=[.,;:!?\n(]))[ \t]*"
    r"(?:(?:my|our)[ \t]{2,}(?:teams?|guys?)|(?:my|our)[ \t]+teams"
    r"|(?:my|our|the|some|most)[ \t]+(?:[\w-]+[ \t]+|[ \t]+)?folks|an?[ \t]+colleague)[ \t]+"
    rf"(?={_RUNNING})",
    re.MULTILINE,
)
#: in the skills box, a named team opening a clause as the subject of a verb of running something: "The
#: platform team owns our Kubernetes clusters", "…, but the platform team owns the Terraform", "a startup
#: where the backend team used k3s" (not "Built the platform the data team uses", "Helped the data team use
#: dbt"); its word is the ``team`` group, for ``_member_of``
_THE_TEAM_RUNS_IT = re.compile(
    r"(?:(?:^|(?<=[.,;:!?\n(-]))[ \t]*(?:(?:at work|honestly|where i work(?:ed)?|(?:in|at) (?:my |the |our )?"
    r"(?:last |current |previous |old )?(?:job|company|workplace|role))[ \t]*,?[ \t]*)?"
    r"|\b(?:but|and|so|where|whereas|while)[ \t]+)the[ \t]+"
    r"(?P<team>platform|infra|infrastructure|ops|operations|it|data|ml|security|mobile|web|network|cloud|[ \t]+)"
    rf"[ \t]+teams?[ \t]+(?={_RUNNING})",
    re.MULTILINE,
)
#: the mentee in or over a team: "I'm on the platform team", "I lead the infra team", "me included"
_IN_A_TEAM = re.compile(
    r"\bi(?:['’]m| am| was)\s+(?:(?:on|in|part of|a member of|leading|with)\s+(?:the|our|that|this)\b|one of\b)"
    r"|\bi\s+(?:joined|lead|led|run|manage|managed)\s+(?:the|our|that|this)\s+(?:[\w-]+\s+|\s+)?teams?\b"
    r"|\bmember of the\b|\bme included\b|\bteam lead\b|\blead of the\b"
)
#: the mentee back on what a named team runs, later in the clause: "… dashboards I built", "I trained models in
#: both", "so do I" (not "…, which is why I want to learn it", "…, I wrote firmware")
_BACK_ON_IT = re.compile(
    r"\bi(?:['’]\w+)?\s+(?!(?:[\w-]+\s+){0,4}?(?:want|learn|like|love)\b)(?:[\w-]+\s+){0,4}(?:it|them|both)\b"
    r"|\bso do i\b|\bi am part of\b"
    r"|(?<![,;:.!?(–-] )(?<!and )(?<!but )(?<!so )\bi\s+(?:built|wrote|write|maintain|own|configured)\b"
)
#: someone else as the object of the mentee's verb of teaching, helping or working, not the subject of their own:
#: "I taught my brother Python", "I help my friend with Go" (not "I know my team uses Kafka", "I think my
#: brother in Berlin uses Go", "if I taught my brother Python")
_MENTEE_VERB = re.compile(
    r"(?<!wish )(?<!if )\bi(?:['’]\w+)?[ \t]+(?:(?:also|often|usually|sometimes|really|regularly|just|now|still|"
    r"have|had|do|did|will|can|could)[ \t]+){0,2}(?:teach|taught|teaching|tutor(?:ed|ing)?|mentor(?:ed|ing)?|"
    r"coach(?:ed|ing)?|train(?:ed|ing)?|help(?:ed|ing)?|support(?:ed|ing)?|show(?:ed|n|ing)?|explain(?:ed|ing)?|"
    r"guide[ds]?|guiding|assist(?:ed|ing)?|lead|led|leading|manage[ds]?|managing|maintain(?:ed|ing)?)[ \t]+$"
)
#: what may stand between someone else named as the mentee's object and the skill: nothing, or a preposition
#: with at most a determiner and one word ("I help my friend with Go", "… with the Terraform migration")
_OBJECT_GAP = re.compile(
    r"[ \t]*|[ \t]+(?:with|on|in|about|through)[ \t]+(?:(?:the|a|an|our|their|his|her|my)[ \t]+)?(?:[\w-]+[ \t]+)?"
)
#: a skill whose name is a kind of business, as the employer: "currently at a cloud provider" (not "for a
#: cheaper cloud provider", "a Go startup": the employer's stack, which its engineers use)
_EMPLOYER = re.compile(r"\b(?:at|joined|works?\s+for|working\s+for)\s+(?:a|an)\s+(?:[\w-]+\s+)?$")
_BUSINESS = re.compile(r"\b(?:company|startup|provider)$")
#: "I already learn Java" in non-native English is "I already learned", when it opens its item; not "want to
#: already learn", "should I already learn", "if I already learn"
_ALREADY_LEARNT = re.compile(r"(?:^|[.,;:!?\n(]|\b(?:and|but|so|also)\b)[ \t]*(?:(?:i|we)(?:\s+have)?\s+)?already\s+$")
#: a team the mentee is in, right before "team handles it"
_OWN_TEAM = re.compile(r"\b(?:our|my|whole|entire|same)\s+$")
#: the mentee speaking of themselves
_FIRST_PERSON = re.compile(r"\b(?:i|i['’]m|i['’]ve|my|me|myself)\b")
#: kinds of skill a team never runs for the mentee: "Python and Go on Kubernetes, but the platform team
#: manages it" leaves them Python and Go
_NEVER_RUN_BY_A_TEAM = frozenset(
    {"language", "frontend", "backend", "design", "communication", "testing", "ai", "data"}
)
#: the mentee working on what was just said to be someone else's, or in that team: "I debug it", "I'm on
#: call for them", "I'm in that team", "which is my team", "I joined the DevOps team", "though I contribute",
#: "dashboards that I built"
_SELF_ON_IT = re.compile(
    r"\bi(?:['’]\w+)?\s+(?:[\w-]+\s+){0,2}(?:it|them)\b"
    r"|\bi(?:['’]m| am) (?:on|in|part of) (?:that|the|this|our)\s+(?:\w+\s+)?team\b"
    r"|\b(?:which|that) is my team\b|\bi (?:joined|lead|run) (?:that|the|this|our)\s+(?:\w+\s+)?team\b"
    r"|\bi contribute\b|\b(?:that|which)\s+i\s+(?:built|wrote|made|created|set up|maintain|configured)\b"
)
#: words that join two skills, or two clauses, in the languages whose verb comes last and in English
_CONJUNCTIONS = frozenset({"and", "aur", "und", "ve", "dan", "e", "y", "et", "or", "oder", "ya"})
_PARENTHESIS = {"(": "open", ")": "close"}
#: a word of a spaced script ("Développeur", "c++", "node.js"), or a run of unspaced script ("感兴趣")
_WORDS = re.compile(rf"[^\W\d_{CJK}](?:{WORD_CHAR}|[+#.'-])*(?:{WORD_CHAR}|[+#])|[^\W\d_{CJK}]|[{CJK}]+")
#: Between a negation and a wish it negates, at most one word: "don't want", "not really keen on".
_NEGATED_WISH = re.compile(r"\s*(?:[\w']+\s+)?")
_PRONOUN = re.compile(r"\b(?:it|them)\b")
#: making something for a skill, or giving to it, which says nothing about using it: "but never built
#: anything for it", "never contributed to it"
_MADE_FOR = re.compile(
    r"\b(?:buil[dt]|writ(?:e|ten)|wrote|made|make|develop(?:ed)?|publish(?:ed)?)\s+"
    r"(?:(?:anything|something|a|an|any|much|my|own|\w+ins?)\s+)*for\s+(?:it|them)\b"
    r"|\bcontribut(?:e|ed|ing)\s+to\s+(?:it|them)\b"
)
#: words after which a first-person cue states nothing ("not sure whether I have used Terraform", "ni conozco")
_NOT_A_STATEMENT = re.compile(r"\b(?:ni|nor|tampoco|neither|nem|if|whether|that)\s+$")
#: a skill as the subject of a sentence about it ("I know Laravel is popular")
_COPULA = re.compile(r"\s+(?:is|are|was|were)\b")
#: what may close a list item after the skill that a continued clause break names ("and now Playwright.")
_ITEM_CLOSE = re.compile(r"\s*(?:$|[,.;:!?)\n]|(?:too|also|as well)\b)")
#: what may join two skills in one item ("Playwright with TypeScript")
_SKILL_JOIN = re.compile(r"\s*(?:(?:with|and|or)\s+|[/+&]\s*)?")
#: a team's last list item: only "the" or "our" before the skill that names the team ("…, the backend team handles it")
_LONE_TEAM = re.compile(r"\s*(?:(?:the|our)\s+)?")
#: what may stand between a tool's name and a phrase that describes it: a version, a comma, a parenthesis
_TOOL_NOTE = re.compile(r"[\s,(]*(?:v?\d+(?:\.\d+)*[\s,(]*)?")
_AFTER_GAP = re.compile(r"\s*(?:[:(\[)–-]|\s)\s*")


@dataclass(frozen=True)
class SkillReading:
    """One skill read in the mentee's words, with the role those words give it.

    ``cue`` is the phrase that set the role ("want to learn", "never"); None means the field's
    default (skills → have, interests → want). ``start``/``end`` locate ``words`` in ``field``.
    """

    skill: str
    role: str
    words: str
    field: str
    start: int
    end: int
    cue: str | None = None
    fuzzy: bool = False


@dataclass(frozen=True)
class LevelReading:
    """A cue to the mentee's experience ("student", "5 years"), and the level it suggests."""

    level: str
    words: str
    field: str
    start: int
    end: int


@dataclass(frozen=True)
class WordReading:
    """Words of the profile found neither in the vocabulary nor in the catalogue."""

    words: str
    field: str
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """A stretch of the mentee's text and the role it was read in (the semantic channels use it).

    ``words`` is the same stretch with each skill written by its canonical name, for the word channel.
    """

    role: str
    text: str
    words: str


@dataclass(frozen=True)
class Reading:
    """What the tool understood of a profile: skills by role, level cues and unrecognised words."""

    skills: tuple[SkillReading, ...]
    levels: tuple[LevelReading, ...]
    unrecognised: tuple[WordReading, ...]
    passages: tuple[Passage, ...]

    def names(self, role: str) -> tuple[str, ...]:
        """Canonical skills read in ``role``, once each, in order of appearance.

        Having wins over wanting, and both over avoiding: "I know Python and want to get
        better at Python" has Python; a skill both had and avoided is had. A skill the mentee
        gives any role of their own is not also someone else's.
        """
        stronger = ROLES[: ROLES.index(role)] if role in ROLES else ROLES
        taken = {reading.skill for reading in self.skills if reading.role in stronger}
        return tuple(dict.fromkeys(r.skill for r in self.skills if r.role == role and r.skill not in taken))

    @cached_property
    def have(self) -> tuple[str, ...]:
        return self.names("have")

    @cached_property
    def want(self) -> tuple[str, ...]:
        return self.names("want")

    @cached_property
    def avoid(self) -> tuple[str, ...]:
        return self.names("avoid")

    @cached_property
    def others(self) -> tuple[str, ...]:
        return self.names(OTHERS)

    @cached_property
    def level(self) -> str | None:
        """The most experienced level any cue suggests ("senior, but new to Go" is experienced), or None."""
        found = {reading.level for reading in self.levels}
        return next((level for level in reversed(LEVELS) if level in found), None)

    def text(self, role: str) -> str:
        """The mentee's words read in ``role``, joined."""
        return " ".join(passage.text for passage in self.passages if passage.role == role)

    def words(self, role: str) -> str:
        """:meth:`text` with each skill written by its canonical name ("golang" → "Go"), for the word channel."""
        return " ".join(passage.words for passage in self.passages if passage.role == role)

    def evidence(self, skill: str, role: str = "have") -> SkillReading | None:
        """The first reading of ``skill`` in ``role``: the mentee's words for it."""
        return next((r for r in self.skills if r.skill == skill and r.role == role), None)

    def to_dict(self) -> dict:
        """The JSON shape of what was understood: skills by role with the mentee's words (and those named
        as someone else's), level, unrecognised words."""
        result: dict = {
            role: [
                {
                    "skill": skill,
                    "mentee": reading.words,
                    "field": reading.field,
                    "start": reading.start,
                    "end": reading.end,
                    "cue": reading.cue,
                }
                for skill in self.names(role)
                if (reading := self.evidence(skill, role)) is not None
            ]
            for role in (*ROLES, OTHERS)
        }
        result["level"] = self.level
        result["level_cues"] = [reading.words for reading in self.levels]
        result["unrecognised"] = [reading.words for reading in self.unrecognised]
        return result

    def with_role(self, skill: str, role: str | None) -> Reading:
        """This reading with ``skill`` moved to ``role`` (added if absent), or removed when ``role`` is None."""
        kept = tuple(reading for reading in self.skills if reading.skill != skill)
        moved = tuple(replace(r, role=role, cue="corrected") for r in self.skills if r.skill == skill)
        if role is None:
            return replace(self, skills=kept)
        if not moved:
            moved = (SkillReading(skill, role, skill, "corrected", 0, 0, "corrected"),)
        return replace(self, skills=kept + moved[:1])


class Cues:
    """Cue phrases for roles, clause breaks and levels, compiled once (see ``matcher/data/cues.json``)."""

    def __init__(self, data: dict, plain_words: Iterable[str] = (), everyday_words: Iterable[str] = ()) -> None:
        roles = data["roles"]
        self.before: dict[str, str] = {}
        for role in ROLES:
            self.before.update(dict.fromkeys(_lower(roles[role]["before"]), role))
        self.before.update(dict.fromkeys(_lower(roles["have"].get("qualifiers", ())), "qualifier"))
        self.before.update(dict.fromkeys(_lower(data["clause_breaks"]), "break"))
        #: clause breaks that continue the list when a skill follows ("learning Selenium and now Playwright")
        self.continuing: frozenset[str] = frozenset(_lower(data.get("breaks_before_a_skill", {}).get("phrases", ())))
        #: wish cues that reach past a comma only into an item of nothing but skills ("watched a few videos about
        #: Go, Java, C#"; not "watched one video about Terraform, AWS certified")
        self.until_comma: frozenset[str] = frozenset(_lower(roles["want"].get("until_comma", ())))
        self.before.update(dict.fromkeys(self.until_comma, "want"))
        self.before.update(dict.fromkeys(_lower(data.get("others", ())), OTHERS))
        self.before.update(dict.fromkeys(_lower(data.get("not_cues", {}).get("phrases", ())), NO_CUE))
        #: the mentee speaking of themselves again, which ends a stretch about someone else
        self.others_end = _phrases(_lower(data.get("others_end", ())))
        company = whole_words(_lower(data.get("others_company", ())))
        #: someone else after a preposition is company, not the subject: "I work with my team on Go"
        self.others_company = re.compile(rf"(?:{company})\s+$")
        #: words that end an ``others`` phrase and make the person the subject ("devs who", "people that")
        self.others_relative: frozenset[str] = frozenset(_lower(data.get("others_relative", ())))
        #: Portuguese words after which a bare "no" means "in the", not a negation: "interesse no Headlamp"
        self.portuguese_before_no = frozenset(_lower(data.get("bare_no", {}).get("portuguese_before", ())))
        #: said later in the sentence, someone else runs what was named: "…, but the platform team manages it"
        self.others_after = _phrases(_lower(data.get("others_after", ())))
        #: cues right after a skill, by role ("Rust (learning)", "kubernetes: none")
        self.after: dict[str, str] = {}
        for role in ROLES:
            self.after.update(dict.fromkeys(_lower(roles[role].get("after", ())), role))
        self.contexts: frozenset[str] = frozenset(_lower(roles["have"].get("contexts", ())))
        #: places a tool is named in that leave it open to being someone else's ("at work we use Kubernetes")
        self.places: frozenset[str] = frozenset(_lower(data.get("others_after_places", ())))
        #: the cues a tool may be read under and still turn out to be someone else's, said later in the sentence
        self.open_to_others: frozenset[str] = self.contexts | self.places
        #: wish cues of verb-final languages, which govern the skills before them too
        self.verb_final: frozenset[str] = frozenset(_lower(roles["want"].get("verb_final", ())))
        self.levels: dict[str, str] = {}
        for level in LEVELS:
            self.levels.update(dict.fromkeys(_lower(data["levels"][level]), level))
        projects = data["projects"]
        self.approachable = _phrases(_lower(projects["approachable"]))
        self.demanding = _phrases(_lower(projects["demanding"]))
        self.approachable_topics = _phrases(_lower(projects["approachable_topics"]))
        self.demanding_topics = _phrases(_lower(projects["demanding_topics"]))
        self.years_intermediate = float(data["years"]["intermediate"])
        self.years_experienced = float(data["years"]["experienced"])
        year_words = whole_words(_lower(data["years"].get("words", ("years", "year", "yrs", "yr"))), start=False)
        #: "5 years", "3 saal", "3年": a number of years, which sets a level and, after a skill, says it is had
        self.years = re.compile(rf"(?<!\d)(\d{{1,2}}(?:\.\d+)?)\s*\+?\s*(?:{year_words})")  # not "2024年" (a date)
        self.first_person: frozenset[str] = frozenset(_lower(data["first_person"]))
        courses = data.get("courses_done", {})
        #: after-cues that name a course ("Go course"), and the words that say it is done ("took a Python course")
        self.courses: frozenset[str] = frozenset(_lower(courses.get("cues", ())))
        #: a word saying a course is done, at most five words before the course is named and none of them a
        #: turn to a wish ("took the LFS158 intro to Kubernetes course"; not "did some Python but would love a
        #: course on", "finished university, looking for a course on"), and not right after a negation
        #: ("never did a course on Docker", "haven't finished a course")
        done = whole_words(_lower(courses.get("done", ())))
        turns = "|".join(_lower(courses.get("not_between", ())))
        self._course_done = re.compile(
            rf"(?<!never )(?<!not )(?<!n't )(?<!n’t )(?:{done})(?:\s+(?!(?:{turns})\b)\S+){{0,5}}\s*$"
        )
        cue_words = {word for phrase in (*self.before, *self.after, *self.levels) for word in phrase.split()}
        other_languages = [word for words in data.get("other_language_words", {}).values() for word in words]
        plain = {*_lower(data["plain_words"]), *_lower(other_languages), *_lower(plain_words), *cue_words}
        self.plain_words: frozenset[str] = frozenset(plain) | stop_words()
        #: the words that may stand between a first-person cue and its skill ("I know some Python")
        qualifiers = whole_words(_lower(roles["have"].get("qualifiers", ())))
        self.qualifier_run = re.compile(rf"\s*(?:(?:{qualifiers})\s+)*")
        #: dictionary words not worth reporting unless written with a capital in mid-sentence (a name)
        self.everyday_words: frozenset[str] = frozenset(everyday_words)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Cues:
        """Read a cues JSON file (default: the one shipped in the package), with the shipped plain and real words."""
        where = str(path) if path else PROFILE_CUES
        try:
            text = Path(path).read_text(encoding="utf-8") if path else profile_cues_text()
            real_words = json.loads(real_words_text())["not_misspellings"]
            everyday = [line for line in everyday_words_text().splitlines() if not line.startswith("#")]
            return cls(json.loads(text), [*plain_words_text().split(), *real_words], everyday)
        except FileNotFoundError:
            raise MatcherError(f"{where}: profile cues not found") from None
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise MatcherError(f"{where}: not a profile cues file ({error})") from None

    def approachability(self, text: str, title_and_skills: str) -> float:
        """How approachable a project is for a beginner, from −1 (demanding) to 1 (beginner-friendly).

        Level phrases count anywhere in the text; topics (docs, kernel) only in the title and
        skills, and one and a half times as much.
        """
        text, heading = text.lower(), title_and_skills.lower()
        easy = len(self.approachable.findall(text)) + 1.5 * len(self.approachable_topics.findall(heading))
        hard = len(self.demanding.findall(text)) + 1.5 * len(self.demanding_topics.findall(heading))
        return math.tanh((easy - hard) / 3)

    def is_company(self, masked: str, position: int, phrase: str) -> bool:
        """Whether someone else named at ``position`` by ``phrase`` follows a preposition ("with my team"),
        unless a relative word makes them the subject after all ("with devs who used Vue")."""
        if phrase.split()[-1] in self.others_relative:
            return False
        return bool(self.others_company.search(masked, 0, position))

    def negates_with_no(self, masked: str, position: int) -> bool:
        """Whether a bare "no" at ``position`` negates ("no Java please", "yo no sé Go"): always, but right
        after a Portuguese word, where it means "in the" ("interesse no Headlamp", "trabalho no Nubank")."""
        before = masked[:position].split()
        return not before or before[-1].strip(".,;:!?()\"'") not in self.portuguese_before_no

    def course_done(self, item: str) -> bool:
        """Whether the words of a list item before a course say it is done ("took a", "did some youtube")."""
        return bool(self._course_done.search(" ".join(item.split())))

    def holds_a_cue(self, text: str) -> bool:
        """Whether a cue phrase of any kind (role, clause break, level) lies within ``text``."""
        patterns = (self.before_pattern, self.after_pattern, self.level_pattern)
        return any(pattern.search(text) for pattern in patterns)

    @cached_property
    def before_pattern(self) -> re.Pattern[str]:
        return _phrases(self.before)

    @cached_property
    def after_pattern(self) -> re.Pattern[str]:
        return _phrases(self.after)

    @cached_property
    def level_pattern(self) -> re.Pattern[str]:
        return _phrases(self.levels)


def read_profile(
    skills: str,
    interests: str,
    vocabulary: SkillVocabulary,
    cues: Cues,
    known_words: frozenset[str] = frozenset(),
) -> Reading:
    """Read both fields of a profile; ``known_words`` (the catalogue's words) are not reported unrecognised."""
    readings: list[SkillReading] = []
    levels: list[LevelReading] = []
    unrecognised: list[WordReading] = []
    passages: list[Passage] = []
    for field, text in (("skills", skills), ("interests", interests)):
        if not text.strip():
            continue
        mentions = vocabulary.mentions(text, known_words, cues.plain_words)
        masked = _mask(fold_punctuation(text).lower(), mentions)
        segments = list(_segments(masked, cues, DEFAULT_ROLE[field], mentions))
        for mention in mentions:
            role, cue = _role_at(segments, mention.start)
            cued_before = cue is not None and cue not in cues.places  # "en el trabajo usamos Docker" is a place
            item = _item_before(masked, mention.start)
            after = _after_cue(masked, mention.end, cues)
            read_to = mention.end
            if after and _after_cue_decides(role, cue, after, cues, item):
                cue_end = masked.find(after[1], mention.end) + len(after[1])
                if not (
                    after[0] == "want" and UNSPACED.search(after[1]) and _years_follow(masked, cue_end, mentions, cues)
                ):
                    role, cue = after
                    read_to = cue_end  # "Kotlin - I only heard of it"
            # a later cue in the clause that names no skill of its own refers back to this one:
            # "no Go yet, but learning it" is a wish, "I know what Docker is but never used it" a negation
            later = "want" if role == "avoid" else "avoid"
            role, cue = _referring_back(later, segments, mentions, masked, read_to) or (role, cue)
            if role == "have" and (cue is None or (not after and cue not in item)):
                # no cue of its own list item read it ("Docker basic aata hai, Kubernetes abhi seekh raha
                # hoon"): a wish whose verb comes last may
                role, cue = _verb_final_wish(segments, masked, mention.end, cues) or (role, cue)
            # "our DevOps team does that" names a team, not a skill had (but "I lead the Go team")
            if role == "have" and _names_a_group(masked, mention) and not _FIRST_PERSON.search(item):
                role, cue = OTHERS, "team"
            if (
                role == "have"
                and _BUSINESS.search(mention.surface.lower())
                and _EMPLOYER.search(masked, 0, mention.start)
            ):
                role, cue = OTHERS, "employer"  # "currently at a cloud provider"
            owned = vocabulary.skills[mention.skill].category not in _NEVER_RUN_BY_A_TEAM
            if owned and role == "have" and not cued_before and (cue is None or cue in cues.open_to_others):
                # "Kubernetes at work (another team runs it)": someone else's, said later in the sentence;
                # but "I use Kubernetes daily, and the platform team manages it" is the mentee's
                role, cue = _run_by_others(masked, mentions, mention.end, cues) or (role, cue)
            readings.append(
                SkillReading(
                    mention.skill, role, mention.surface, field, mention.start, mention.end, cue, mention.fuzzy
                )
            )
        passages.extend(
            Passage(role, text[start:end].strip(" ,"), canonical_words(text[start:end], mentions, start).strip(" ,"))
            for start, end, role, _ in segments
            if text[start:end].strip(" ,")
        )
        levels.extend(_levels(masked, text, field, cues))
        unrecognised.extend(_unplaced(masked, text, field, cues, vocabulary, known_words))
    return Reading(tuple(readings), tuple(levels), tuple(unrecognised), tuple(passages))


def _segments(
    masked: str, cues: Cues, default: str, mentions: Sequence[SkillMention]
) -> Iterator[tuple[int, int, str, str | None]]:
    """Split a field into stretches ``(start, end, role, cue)``: each cue, comma or clause end starts one.

    A cue inside parentheses holds only there ("rust (currently learning), c": C is had).
    A negation holds until the next comma outside parentheses ("no Docker, just Linux", "no
    frontend (React, Vue)") and negates a wish right after it ("don't want to work with Django",
    "not planning to learn it"); a wish holds through a list ("want to learn Rust, Go and
    eBPF") unless a qualifier opens a new item ("…, some Python"), and through a "have" cue unless
    that cue speaks in the first person ("hope to work with React" against "…, and I know Go").
    Skills after someone else ("my team uses Kafka") are theirs until the clause ends or the
    mentee speaks of themselves again ("…, I mostly do Python"). A clause break such as "and now"
    right before an item of nothing but skills continues a wish ("learning Selenium and now
    Playwright"), and a first-person "have" cue that names a skill at once ends a negation ("it
    didn't start on my laptop, I know some Python").
    """
    events = [
        (m.start(), m.end(), *_before_cue(masked, m.start(), m.group(0), cues))
        for m in cues.before_pattern.finditer(masked)
        if cues.before[m.group(0)] != NO_CUE or not _after_a_tool(masked, m.start(), mentions)
        if cues.before[m.group(0)] != OTHERS
        or not (cues.is_company(masked, m.start(), m.group(0)) or _object_of_the_mentee(masked, m, mentions))
        if m.group(0) != "no" or cues.negates_with_no(masked, m.start())
    ]
    events += [  # "our MLOps team uses Kubeflow", "our infra folks use Knative": someone else's, from after it
        (m.end(), m.end(), OTHERS, " ".join(m.group(0).split()))
        for m in _groups_running_it(masked, default, cues, mentions)
    ]
    events += [(m.start(), m.end(), "end", None) for m in _CLAUSE_END.finditer(masked)]
    events += [(m.start(), m.end(), "comma", None) for m in re.finditer(",", masked)]
    events += [(m.start(), m.end(), _PARENTHESIS[m.group(0)], None) for m in re.finditer(r"[()]", masked)]
    if any(kind == OTHERS for _, _, kind, _ in events):  # where someone else is spoken of, "I" ends it
        events += [(m.start(), m.end(), "self", None) for m in cues.others_end.finditer(masked)]
    events.sort()
    role, cue = default, None
    before_negation: tuple[str, str | None] | None = None
    wish_before_others: tuple[str, str | None] | None = None
    after_comma = False
    start = 0
    negation_end = -1
    outside: list[tuple[str, str | None, tuple[str, str | None] | None, bool]] = []  # the state before each "("
    for position, end, kind, phrase in events:
        if position > start:
            yield start, position, role, cue
            start = position
        if kind == "open":
            outside.append((role, cue, before_negation, after_comma))
        elif kind == "close":  # a cue inside parentheses notes the skill before them: "rust (learning), c"
            if outside:
                role, cue, before_negation, after_comma = outside.pop()
        elif (
            kind == "break"
            and phrase in cues.continuing
            and role in ("want", OTHERS)
            and _item_of_skills(masked, end, mentions)
        ):  # "learning Selenium and now Playwright"; but "learning Python at uni and now Django at work" breaks
            continue
        elif kind in ("end", "break"):
            role, cue, before_negation, after_comma = default, None, None, False
            wish_before_others = None
        elif kind == "comma":
            if before_negation is not None and not _in_parentheses(masked, position):  # "no mobile (Flutter, Swift)"
                (role, cue), before_negation = before_negation, None
            elif cue in cues.until_comma and not _item_of_skills(masked, end, mentions):
                role, cue = default, None  # "watched a video about Terraform, AWS certified"; but "…about Go, Java"
            after_comma = True
        elif kind == "avoid":
            before_negation = before_negation or (role, cue)
            role, cue, negation_end = "avoid", phrase, end
        elif kind == "want" and before_negation is not None and _negates_cue(masked, negation_end, position, mentions):
            negation_end = end  # "not planning to learn it": a wish cue right after a negated one is negated too
            continue  # "I don't want to touch CSS", "not really keen on Ansible": the wish is negated
        elif (
            kind == "have"
            and before_negation is not None
            and phrase.split()[0] in cues.first_person
            and _states_a_skill(masked, (position, end), negation_end, mentions, cues)
        ):  # "it didn't start on my laptop 😅 I know some Python"
            role, cue, before_negation = "have", phrase, None
        elif kind == "want" and phrase in cues.courses and cues.course_done(_item_before(masked, position)):
            role, cue, before_negation, after_comma = "have", phrase, None, False  # "did a course on Docker"
        elif kind == "want":
            role, cue, before_negation, after_comma = "want", phrase, None, False
        elif kind == "self":
            if role == OTHERS:  # "my brother works with Java, I mostly do Python"; a wish goes on after it
                role, cue = wish_before_others or (default, None)  # ("want to learn Go - my team uses it, I…")
        elif kind == OTHERS:
            if role == "want":
                wish_before_others = (role, cue)
            role, cue, before_negation, after_comma = OTHERS, phrase, None, False
        elif before_negation is None and (
            role == "have" or (role == "want" and after_comma) or _ends_wish(kind, phrase, cue, cues)
        ):
            role, cue = "have", phrase
    if start < len(masked):
        yield start, len(masked), role, cue


def _object_of_the_mentee(masked: str, others: re.Match[str], mentions: Sequence[SkillMention]) -> bool:
    """Whether someone else named by ``others`` is the object of the mentee's verb of teaching or helping, with a
    skill right after them: "I taught my brother Python", "I help my friend with Go"."""
    if not _MENTEE_VERB.search(masked, 0, others.start()):
        return False
    skill = _next_mention(mentions, others.end())
    return skill is not None and bool(_OBJECT_GAP.fullmatch(masked, others.end(), skill.start))


def _groups_running_it(
    masked: str, default: str, cues: Cues, mentions: Sequence[SkillMention]
) -> Iterator[re.Match[str]]:
    """Groups of others named as the subject of a verb of running something, from which a stretch about
    someone else starts; not where the mentee is back on it later in the clause ("…, I maintain it now")."""
    for match in _GROUP_RUNS_IT.finditer(masked):
        if not cues.is_company(masked, match.start(), match.group(0)) and not _SELF_ON_IT.search(
            masked, match.end(), _clause_end(masked, match.end())
        ):
            yield match
    if default != "have" or _IN_A_TEAM.search(masked):  # a wish may name a team ("learn what the … team uses")
        return
    for match in _THE_TEAM_RUNS_IT.finditer(masked):
        clause_end = _clause_end(masked, match.end())
        if not _member_of(masked, match, mentions) and not _BACK_ON_IT.search(masked, match.end(), clause_end):
            yield match


def _member_of(masked: str, team: re.Match[str], mentions: Sequence[SkillMention]) -> bool:
    """Whether the field names the team's word anywhere else, as a job title or a place the mentee works in:
    "Platform engineer. The platform team owns EKS", "SRE at a fintech - the SRE team runs Prometheus",
    "Moved to the platform team last year"."""
    start, end = team.span()
    named = [mention for mention in mentions if start <= mention.start < end]
    if named:  # a team named by a skill, blanked in ``masked``: "the SRE team"
        return any(mention.skill == named[0].skill and not start <= mention.start < end for mention in mentions)
    word = re.compile(rf"\b{team.group('team').strip()}\b")
    if word.search(masked, 0, start) or word.search(masked, end):
        return True
    return any(word.search(mention.surface.lower()) for mention in mentions)  # "Data engineer - the data team"


def _before_cue(masked: str, position: int, phrase: str, cues: Cues) -> tuple[str, str]:
    """The kind and phrase of the cue ``phrase`` at ``position``: the wish "learn" right after an item-opening
    "I already" is had ("already learn"): "I already learn Java" is non-native English for "learned"; a phrase
    that is no cue after a tool ("built on") is its cue word anywhere else ("We built on Kubernetes")."""
    if phrase in ("learn", "learn about") and _ALREADY_LEARNT.search(masked, 0, position):
        return "have", f"already {phrase}"
    if cues.before[phrase] == NO_CUE:
        return cues.before[phrase.split()[0]], phrase.split()[0]
    return cues.before[phrase], phrase


def _after_a_tool(masked: str, position: int, mentions: Sequence[SkillMention]) -> bool:
    """Whether ``position`` follows a skill's name with at most a version, a comma or an opening parenthesis
    between: "KServe (built on Knative)", "Jaeger v2 built on the OTel collector" describe the tool."""
    return any(mention.end <= position and _TOOL_NOTE.fullmatch(masked, mention.end, position) for mention in mentions)


def _next_mention(mentions: Sequence[SkillMention], position: int) -> SkillMention | None:
    """The first skill named at or after ``position``."""
    return next((mention for mention in mentions if mention.start >= position), None)


def _clause_end(masked: str, position: int) -> int:
    """Where the clause that holds ``position`` ends."""
    stop = _CLAUSE_END.search(masked, position)
    return stop.start() if stop else len(masked)


def _item_of_skills(masked: str, position: int, mentions: Sequence[SkillMention]) -> bool:
    """Whether the rest of the list item after ``position`` is only skills: "and now Playwright with TypeScript."
    (not "and now Django at work", "and now Svelte looks fun")."""
    named = False
    for mention in mentions:
        if mention.start < position:
            continue
        gap = masked[position : mention.start]
        if gap.strip() if not named else not _SKILL_JOIN.fullmatch(gap):
            break
        named, position = True, mention.end
    return named and bool(_ITEM_CLOSE.match(masked, position))


def _states_a_skill(
    masked: str, cue: tuple[int, int], negation_end: int, mentions: Sequence[SkillMention], cues: Cues
) -> bool:
    """Whether a first-person "have" cue at ``cue`` states a skill had despite a negation before it in the clause.

    It must name the skill right away, with at most qualifiers between ("I know some Python", not "I know
    little about Spring", "I've heard Go is easier", "I've used: Rust"), and say nothing about it but that
    ("I know Laravel is popular"); not right after the negation ("not something I've used"), nor after
    "if", "whether", "that" or a "nor" ("not sure whether I have used Terraform", "ni conozco Kubernetes").
    """
    start, end = cue
    if _negates_cue(masked, negation_end, start, mentions) or _NOT_A_STATEMENT.search(masked, 0, start):
        return False
    named = _next_mention(mentions, end)
    return (
        named is not None
        and bool(cues.qualifier_run.fullmatch(masked, end, named.start))
        and not _COPULA.match(masked, named.end)
    )


def _negates_cue(masked: str, negation_end: int, position: int, mentions: Sequence[SkillMention]) -> bool:
    """Whether a negation ending at ``negation_end`` negates the cue at ``position``: at most one word
    between, and no skill ("I don't want …", "not something I've used", but "I don't know Go and would
    love to learn Rust")."""
    if any(negation_end <= mention.start < position for mention in mentions):
        return False
    return bool(_NEGATED_WISH.fullmatch(masked, negation_end, position))


def _in_parentheses(masked: str, position: int) -> bool:
    """Whether ``position`` lies inside an open parenthesis, as examples of what came before do."""
    opened = masked.rfind("(", 0, position)
    return opened > masked.rfind(")", 0, position)


def _ends_wish(kind: str, phrase: str | None, wish_cue: str | None, cues: Cues) -> bool:
    """Whether a "have" cue ends the wish before it in a list item: any such cue ends the interests
    field's default wish; a wish the mentee stated ends only at a first-person cue ("I know", "already")."""
    if kind != "have" or not phrase:
        return False
    return wish_cue is None or phrase.split()[0] in cues.first_person


def _after_cue_decides(role: str, cue: str | None, after: tuple[str, str], cues: Cues, item: str) -> bool:
    """Whether a cue right after a skill sets its role over the one read before it.

    It does not for someone else's skill; for a negated one unless it negates too ("no cloud
    experience"); nor when it only says where a stated wish would use it ("want to use Go at work");
    nor, as a "have" cue, after a wish stated in the same list item (``item``, the words before the
    skill): "want real-world code review experience", "want to learn Go basics", but "rust -
    learning, go - basics" has Go; nor, as a course, when the item says the course is done ("took a
    Python course").
    """
    after_role, after_phrase = after
    if role == OTHERS or (role == "avoid" and after_role != "avoid"):
        return False
    if role == "want" and cue is not None and after_role == "have" and cue in item:
        return False  # "want real-world code review experience", "want to learn Go basics"
    if after_role == "want" and after_phrase in cues.courses and cues.course_done(item):
        return False  # "took a Python course", "did an intro Python course"; but "currently doing a Go course"
    return not (role == "want" and cue is not None and after_phrase in cues.contexts)


def _item_before(masked: str, position: int) -> str:
    """The words of the list item before ``position``: back to the last comma or clause end."""
    return _ITEM_END.split(masked[:position])[-1]


def _referring_back(
    role: str,
    segments: list[tuple[int, int, str, str | None]],
    mentions: list[SkillMention],
    masked: str,
    position: int,
) -> tuple[str, str] | None:
    """A ``role`` cue later in the clause that names no skill of its own, as ``(role, cue)``.

    A wish needs nothing more ("never did DevOps, want to try"); a negation must say "it" or
    "them" ("…but never touched it"), so "Python, not an expert" keeps Python.
    """
    end = _clause_end(masked, position)
    for start, _, segment_role, cue in segments:
        if segment_role != role or not cue or not position <= start < end or not masked.startswith(cue, start):
            continue  # a cue written there, not one carried on past a comma
        if any(start <= mention.start < end for mention in mentions):
            return None
        if role == "avoid" and not _PRONOUN.search(_MADE_FOR.sub(" ", masked[start:end])):
            return None  # "but never touched it"; not "never built anything for it"
        return role, cue
    return None


def _years_follow(masked: str, position: int, mentions: Sequence[SkillMention], cues: Cues) -> bool:
    """Whether years of use are stated after a learning cue, before the next skill: a modest expert's "still
    studying", as Japanese and Korean writers say it ("Javaは勉強中ですが、実務経験も5年あります", "React는 공부
    중입니다. 실무 3년 차")."""
    following = _next_mention(mentions, position)
    return bool(cues.years.search(masked, position, following.start if following else len(masked)))


def _verb_final_wish(
    segments: list[tuple[int, int, str, str | None]], masked: str, position: int, cues: Cues
) -> tuple[str, str] | None:
    """A wish cue of a verb-final language later in the list item, which governs the skills before it
    ("Kubernetes abhi YouTube se seekh raha hoon", "Docker aur Kubernetes seekh raha hoon"), back to a
    conjunction after a word that is no skill ("Python aati hai aur Go seekh raha hoon": Python is had)."""
    stop = _ITEM_END.search(masked, position)
    end = stop.start() if stop else len(masked)
    for start, _, role, cue in segments:
        if position <= start < end and role == "want" and cue in cues.verb_final:
            words = masked[position:start].split()  # skills are blanked in ``masked``: only the other words count
            if any(word in _CONJUNCTIONS and index > 0 for index, word in enumerate(words)):
                return None
            return role, cue
    return None


def _run_by_others(masked: str, mentions: Sequence[SkillMention], position: int, cues: Cues) -> tuple[str, str] | None:
    """Someone else said to run the skill named at ``position``, later in the sentence and before the
    next list item that names a skill: ``(OTHERS, phrase)`` ("Kubernetes e Argo CD, mas quem cuida é o
    time de plataforma"; but "Python, Redis, Kubernetes (lo administra otro equipo)" keeps Python)."""
    end = _clause_end(masked, position)
    found = cues.others_after.search(masked, position, end)
    if not found:
        return None
    comma = masked.find(",", position, found.start())
    team = _team_item(masked, mentions, position, found.start())
    if comma >= 0 and any(comma < mention.start < found.start() and mention != team for mention in mentions):
        return None  # a new list item; but "…, the backend team handles it" names the team
    if _SELF_ON_IT.search(masked, found.end(), end):
        return None  # "Istio (our platform team runs it, I debug it at 3am)": the mentee works on it too
    if _FIRST_PERSON.search(masked, position, found.start()):
        return None  # "Kubernetes in my homelab, at work the platform team handles it"
    if found.group(0).startswith("team") and _OWN_TEAM.search(masked, 0, found.start()):
        return None  # "our team runs it", "the whole team handles it": the mentee's team
    return OTHERS, found.group(0)


def _team_item(masked: str, mentions: Sequence[SkillMention], position: int, team_at: int) -> SkillMention | None:
    """The skill that names the team in a last list item that is only "(the|our) <skill>" before ``team_at``."""
    item_start = masked.rfind(",", position, team_at) + 1
    inside = [mention for mention in mentions if item_start <= mention.start < team_at]
    if len(inside) != 1 or not _TEAM_NAME.match(masked, inside[0].end):
        return None
    return inside[0] if _LONE_TEAM.fullmatch(masked, item_start, inside[0].start) else None


def _names_a_group(masked: str, mention: SkillMention) -> bool:
    """Whether the skill at ``mention`` names a group of people: "our DevOps team", "our devops guy"."""
    if _TEAM_NAME.match(masked, mention.end):
        return True
    return bool(_PERSON_NAME.match(masked, mention.end) and _POSSESSIVE.search(masked, 0, mention.start))


def _role_at(segments: list[tuple[int, int, str, str | None]], position: int) -> tuple[str, str | None]:
    return next(((role, cue) for start, end, role, cue in segments if start <= position < end), segments[-1][2:])


def _after_cue(masked: str, end: int, cues: Cues) -> tuple[str, str] | None:
    """A cue right after a skill sets its role: "Rust (learning)", "kubernetes: none", "Java 5 yrs"."""
    gap = _AFTER_GAP.match(masked, end)
    position = gap.end() if gap else end
    years = cues.years.match(masked, position)
    if years:
        return "have", years.group(0)
    found = cues.after_pattern.match(masked, position)
    return (cues.after[found.group(0)], found.group(0)) if found else None


def _levels(masked: str, text: str, field: str, cues: Cues) -> Iterator[LevelReading]:
    for found in cues.level_pattern.finditer(masked):
        yield LevelReading(cues.levels[found.group(0)], text[found.start() : found.end()], field, *found.span())
    for found in cues.years.finditer(masked):
        years = float(found.group(1))
        if years >= cues.years_intermediate:
            level = "experienced" if years >= cues.years_experienced else "intermediate"
            yield LevelReading(level, text[found.start() : found.end()], field, *found.span())


def _unplaced(
    masked: str,
    text: str,
    field: str,
    cues: Cues,
    vocabulary: SkillVocabulary,
    known_words: frozenset[str],
) -> Iterator[WordReading]:
    """Words of ``masked`` (skills blanked out) that :func:`_worth_reporting` says the mentee should see."""
    seen: set[str] = set()
    for found in _WORDS.finditer(masked):
        word = found.group(0).strip(".'-")
        if len(word) < 3 or word in seen or "'" in word or word.isdigit():
            continue
        written = text[found.start() : found.start() + len(word)]
        if not _worth_reporting(word, written, _opens_sentence(text, found.start()), cues, vocabulary, known_words):
            continue
        seen.add(word)
        yield WordReading(written, field, found.start(), found.start() + len(word))


def _worth_reporting(
    word: str, written: str, opens: bool, cues: Cues, vocabulary: SkillVocabulary, known_words: frozenset[str]
) -> bool:
    """Whether a word may name something the tool could not place: no cue, no plain or everyday English word,
    not in the catalogue. An everyday word written with a capital in mid-sentence is a name ("Juniper"), and
    a compound of ordinary words ("docs-only", "mid-size") is ordinary."""

    def ordinary(part: str) -> bool:
        if part in cues.plain_words or part in known_words or vocabulary.canonical(part):
            return True
        if part.rstrip("s") in known_words or part.rstrip("s") in cues.plain_words:
            return True
        return part in cues.everyday_words and (written.islower() or opens)

    if ordinary(word) or ("-" in word and all(ordinary(part) for part in word.split("-") if part)):
        return False
    return not (UNSPACED.match(word) and cues.holds_a_cue(word))  # "大三学生": unspaced words around a cue read


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens the text, a sentence, a line or a bullet (so its capital says nothing)."""
    before = text[:start].rstrip(" \t\"'“‘(*•-")
    return not before or before[-1] in ".!?\n"


def _mask(lowered: str, mentions: Iterable[SkillMention]) -> str:
    """``lowered`` with every skill mention blanked, so "machine learning" holds no "learning" cue."""
    characters = list(lowered)
    for mention in mentions:
        characters[mention.start : mention.end] = " " * (mention.end - mention.start)
    return "".join(characters)


def _phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words, the longest first (see :func:`matcher.text.whole_words`)."""
    return re.compile(whole_words(phrases, before="(?<!['-])", after="(?!['-])"))


def _lower(phrases: Iterable[str]) -> list[str]:
    return [phrase.lower().strip() for phrase in phrases]
