"""Which places a clause names in passing rather than as where its event happened: origins and
borders, reference points, topics ("the Ukraine aid bill"), a war named by its country, a country
governed by a preposition ("support for Ukraine")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from app.extract.guarded import Pattern, guarded
from app.extract.places_actors import deed_after
from app.extract.places_bearing import DISTANCE_PHRASE
from app.extract.places_context import POSSESSIVE
from app.extract.places_data import any_of, words
from app.extract.types import Place

# Words before a place that make it the origin or a boundary, not the scene.
ORIGIN = guarded(
    re.compile(
        r"(?:\bfrom|\bborder(?:s|ing)? with|\bborder of|\bfrontier with|\bbordering)"
        r"(?:\s+(?:the|a|an|its|occupied|Russian-occupied|neighbouring|neighboring|"
        r"(?:parts?|areas?|regions?) of))*\s*$",
        re.IGNORECASE,
    )
)
# Words after a place that make it a boundary: "the Polish border", "Poland's border".
BORDER_AFTER = re.compile(r"^['\u2019]?s?\s+(?:border|frontier)\b", re.IGNORECASE)
# Words that introduce a location: "in Germany", "across eastern Ukraine", or the country a war
# is waged on: "the invasion of Ukraine".
LOCATIVE = re.compile(
    r"\b(?:in|at|near|inside|across|throughout|into|outside|over|around|(?:invasion|"
    r"offensive|war) (?:of|on|against)|visit(?:s|ed|ing)?|invad(?:e|es|ed|ing)|attacked|"
    r"occupied|annexed|(?:visit|trip|journey|travel(?:s|l?ed|"
    r"l?ing)?|flew|returned|arrived|came) to)"
    r"(?:\s+(?:the|western|eastern|northern|southern|central|north|south|east|west|"
    r"north-eastern|south-eastern|north-western|south-western|occupied|parts? of|"
    r"areas? of|and|[A-Z][a-z]+-(?:occupied|held|controlled|annexed)))*\s*$",
    re.IGNORECASE,
)
# A name modifying another place ("the Kyiv suburb of Bucha") or an adjective ("U.S.-supplied").
ADJECTIVE = re.compile(r"^(?:\.?-[a-z]|\s+(?:suburbs?|satellite towns?) of\b\s*)")
# Words before a country that make it the object of a preposition ("aid for Ukraine", "talks with
# the US", "caused by Ukraine"): a country in passing, not the one acting or speaking.
OBLIQUE = re.compile(
    r"\b(?i:for|with|to|on|against|by|about|over|towards?|of|from|between|than|like|via|"
    r"despite|beyond|within)(?:\s+(?:the|a|an))?"
    r"(?:(?:\s+[A-Z][\w.-]*,)*\s+[A-Z][\w.-]*,?\s+(?:and|or))?\s*$"  # "to Sweden and Finland"
)
# The word after a name: "Platform" in "the Crimea Platform", "conventions" in "the Geneva
# conventions".
HEAD_AFTER = re.compile(r" ([A-Za-z]+)\b")
# "Russia's war in Ukraine", "the Russian invasion of Ukraine", "Russia's military intervention in
# Ukraine", "the conflict over Ukraine", "the war in Ukraine", "sanctions over its invasion of
# Ukraine": a war named by its party, its cause or its country, in passing; not the scene ("he
# ordered the invasion of Ukraine", "Russia began its invasion of Ukraine"); "for its Feb. 24
# invasion and continuing war against Ukraine" too.
WAR_NAMED = guarded(
    re.compile(
        r"(?:\b(?:over|for|since|of|amid|during|after|before|against|with|from|by|in|about|despite)"
        r"\s+(?:its|their)\s+(?:[\w.-]+\s+){0,5}?(?:war|invasion|aggression|offensive|"
        r"intervention|operation|drive|campaign)\s+"
        r"(?:in|on|against|of)|"
        r"(?:['\u2019]s|\bRussian|\bSoviet)\s+(?:[a-z-]+\s+)?(?:war|invasion|aggression|offensive|"
        r"intervention|operation|drive|campaign)"
        r"\s+(?:in|on|against|of)|\b(?:war|conflict|dispute|row|tensions?|crisis)\s+over|"
        r"\bthe\s+(?:[a-z-]+\s+)?(?:war|conflict|fighting)\s+in)"
        r"(?:\s+the)?\s*$"
    )
)
# "Russia's invasion", "Russia's full-scale war of attrition": a country naming, as its party, the
# war the clause mentions in passing; the scene only when nothing else is named.
WAR_PARTY = re.compile(
    r"['\u2019]s\s+(?:[a-z-]+\s+){0,2}(?:war|invasion|aggression|offensive|occupation)\b"
)
# "sanctions aimed at Russia": the country aimed at, in passing; not where ("fire aimed at Kyiv").
AIMED_AT = re.compile(
    r"\b(?:sanctions|measures|embargo|restrictions)\s+(?:aimed|directed|targeted)\s+at\s+$"
)
# "drones for use in Ukraine": where the thing supplied is meant to serve, not where the supply is.
PURPOSE_BEFORE = re.compile(r"\bfor\s+(?:use|deployment)\s+(?:in|on|against)\s+$")
# "deployed tactical nuclear weapons to neighboring ally Belarus": where forces are sent to stay.
DEPLOYED_TO = re.compile(
    r"\b(?:deployed|redeployed|stationed|relocated)\b[^,.;:]{0,40}\bto\s+(?:the\s+)?"
    r"(?:[a-z-]+\s+){0,2}$"
)
# "raised concerns about the safety of the Zaporizhzhia plant": the place a worry is about, with
# nothing said to happen there, is no scene.
CONCERN_BEFORE = guarded(
    re.compile(
        r"\b(?:concerns?|worries|fears|alarm)\s+(?:about|over)\s+[^,.;:]{0,50}$", re.IGNORECASE
    )
)
# A distance before a place makes it a reference point ("a depot in Kalynivka, 124 miles (200km)
# south-west of Kyiv"): the scene only when nothing else is named.
DISTANCE_BEFORE = re.compile(DISTANCE_PHRASE + "$", re.IGNORECASE)
# A place glossed by what it lies near ("Melitopol, a city close to Crimea"): a reference point.
NEARBY_GLOSS = re.compile(
    r",\s+an?\s+(?:[a-z-]+\s+)?(?:city|town|village|port|settlement)\s+"
    r"(?:close\s+to|near|not\s+far\s+from|next\s+to)\s+(?:the\s+)?$"
)
# "..., officials in Ankara said.": a source placed, at the clause's close, by where it speaks
# from, which is the scene only when the clause names no other ("emergency services in Kharkiv
# said a boy had been killed" names what it tells after it).
SPEAKER_AT_BEFORE = re.compile(r"\b[a-z]+\s+(?:in|from)\s+$")
SAYS_AFTER = re.compile(r"\s+(?:said|says|say|reported|announced)(?:\s+on\s+[A-Z]\w+)?\W*$")
# "ships ... on their way to Britain, Ireland and Turkey": where a journey ends, named in passing;
# the scene is where it is, or starts.
DESTINATION_BEFORE = re.compile(
    r"\b(?:on\s+(?:its|their|his|her|the)\s+way\s+to|bound\s+for|en\s+route\s+to|"
    r"head(?:ed|ing)\s+(?:to|for)|destined\s+for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'\u2019.-]*(?:,\s*|\s+and\s+|\s+or\s+|\s+))*$"
)
# What joins the countries of a list: ", ", " and ", ", or ".
LISTED = re.compile(r",\s*|,?\s+(?:and|or)\s+(?:the\s+)?")
# "if similar weapons were delivered to ": a condition up to the place, within its clause; not
# "as if", nor a question ("asked if").
CONDITION_BEFORE = guarded(
    re.compile(
        r"(?<!\bas )(?<!\basked )(?<!\bask )(?<!\bwondered )(?<!\bsee )(?<!\bknow )"
        r"\b[Ii]f\s+[^,;:()\"\u201c\u201d]{0,70}$"
    )
)
# "a stern if brief lecture": 'if' between two adjectives of a noun concedes; it sets no condition.
CONCESSIVE_IF = re.compile(r"\b(?:a|an|the|its|his|her|their)\s+[a-z]+\s+$")
# "the goal of the offensive was to gain access to ", "its main goal was the liberation of ":
# an aim up to the place, within its clause; "referring to ", "in an apparent reference to ": a
# gloss of a word said before;
# "a campaign to seize ", "the groundwork to attempt to annex ", "recruit volunteers to fight in ":
# a wider aim or a recruit's purpose, not where the clause's deed is ("used it as a base for their
# offensive in "); ", regarded as the gateway to ": what a place is known as; ", a statement
# Lavrov confirmed in ": who else said it, and where.
AIM_OR_GLOSS_BEFORE = guarded(
    re.compile(
        r"\b(?:(?:goals?|aims?|objectives?|purpose|intention)\b(?:\s+of\s+[^,;:]{0,40})?\s+"
        r"(?:was|is|are|were|would be|will be|remains?|remained)\s+(?:to|the)\b|"
        r"(?:referring|reference|alluding)\s+to\b|"
        r"\b(?:a|the)\s+base\s+for\s+(?:its|their|the|an?)\s+(?:[\w-]+\s+)?"
        r"(?:offensive|operations?|attacks?|assault|advance)\b|"
        r"(?:campaign|groundwork|plans?)\s+to\s+(?:attempt\s+to\s+)?(?:seize|annex|absorb|conquer)\b|"
        r"\battempts?\s+to\s+annex\b)[^;:()]{0,160}$|"
        r"\brecruit\w*\s+[^,;:]{0,40}\bto\s+fight\s+in\s+(?:the\s+)?$|"
        # "Izyum, regarded for centuries as the gateway to the Donbas, fell ...": a gloss
        r",\s+(?:long\s+)?(?:regarded|seen|known|considered|described)\s+(?:[a-z]+\s+){0,3}?as\b"
        r"[^,;:()]{0,120}$|"
        # "Zelenskiy said the second phase had begun – a statement Lavrov confirmed during a visit
        # to India": an appositive on the statement tells where it was echoed, not the scene
        r"(?:,|\s[\u2013\u2014-])\s+(?:a|an)\s+(?:[a-z-]+\s+)?(?:statement|claim|assessment|remark|view|account|"
        r"allegation|accusation|charge)\s+(?:that\s+|which\s+)?[^;:()]{0,160}$"
    )
)
# "to discuss the situation in ", "talks to focus on Russia's war in ": the topic of a talk.
TOPIC_BEFORE = guarded(
    re.compile(
        r"\b(?:discuss(?:ed|es|ing)?|focus(?:ed|es|ing)?\s+on)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,2}"
        r"(?:situation|war|conflict|crisis|events|developments|aggression)\s+(?:in|on|around|over)"
        r"\s+(?:the\s+)?$"
    )
)
# "prompting speculation that Russia would now focus on ", "amid fears that the fighting could
# spread to ": what is expected, not (yet) where anything happened.
SPECULATION_BEFORE = guarded(
    re.compile(
        r"\b(?:speculation|fears?|expectations?|predictions?|concerns?)\s+that\b[^;:.()]{0,100}?"
        r"\b(?:would|could|might|may|will)\b[^;:.()]{0,80}$"
    )
)
# "Donetsk province, which together with ", "Kherson, which lies near ": a relative clause
# glossing the place named before it; the places it names only tell where that one lies.
PLACE_GLOSS_BEFORE = re.compile(
    r"\b(?:province|region|oblast|city|town|[A-Z][\w'\u2019-]+),\s+which\s+"
    r"(?:together\s+with|along\s+with|borders?|bordering|lies|sits|neighbou?rs|is\s+near)\b"
    r"[^,;:()]{0,30}$"
)
# An auxiliary after a relative clause's deed: the main clause has begun.
MAIN_VERB = re.compile(r"\b(?:are|is|was|were|have|has|had|will|would|been)\b")
# Never more than a boundary or a backdrop of the scene.
PERIPHERAL_KINDS = frozenset({"sea", "river"})


def in_background(place: Place, clause: str, clause_start: int) -> bool:
    """'Russian troops who fought in Luhansk', 'fighters who defended Azovstal in Mariupol': a
    place in a relative clause telling people's past (where they fought, served, lived), in a
    condition ("if weapons were delivered to Kyiv"), in an aim or in a gloss, is not where the
    clause's event is."""
    start = place.span.start - clause_start
    condition = CONDITION_BEFORE.search(clause, max(0, start - 80), start)
    if condition is not None and not CONCESSIVE_IF.search(clause, 0, condition.start()):
        return True  # "threatened to strike if weapons were delivered to Kyiv": not (yet) there
    if AIM_OR_GLOSS_BEFORE.search(clause, max(0, start - 220), start):
        return True  # "its goal was to seize ...", "- referring to Luhansk": wanted or glossed
    if TOPIC_BEFORE.search(clause, max(0, start - 80), start):
        return True  # "held calls to discuss the situation in Ukraine": what was talked about
    if SPECULATION_BEFORE.search(clause, max(0, start - 160), start):
        return True  # "prompting speculation that Russia would now focus on Sloviansk": not yet
    if PLACE_GLOSS_BEFORE.search(clause, max(0, start - 60), start):
        return True  # "in Donetsk province, which together with Lugansk makes up the Donbas"
    relative = _who_did_before().search(clause, max(0, start - 80), start)
    # "who defended the plant in Mariupol are now held in Russia": the main clause goes on
    return relative is not None and MAIN_VERB.search(relative.group("rest")) is None


@cache
def _who_did_before() -> Pattern:
    """'who fought in ', 'who had lived in the city of ': a relative clause of a past deed from
    places_words.tsv, up to the place."""
    verbs = any_of("background_deeds")
    return guarded(
        re.compile(
            rf"\bwho\s+(?:had\s+|have\s+|has\s+|was\s+|were\s+)?(?:[a-z]+ly\s+)?(?:{verbs})\b"
            r"(?P<rest>[^,;:()\"\u201c\u201d]{0,50})$"
        )
    )


def is_adjective(
    place: Place, clause: str, clause_start: int, places: Sequence[Place] = ()
) -> bool:
    """'U.S.-supplied', 'Russia-backed', 'the Kyiv suburb of Bucha': the name qualifies another
    word or place; it is not the location. A suburb not known by name ('the Kyiv suburbs of
    Darnytskyi') leaves the city as the place."""
    end = place.span.end - clause_start
    adjective = ADJECTIVE.match(clause[end : end + 24])
    if adjective is not None:
        named = place.span.end + adjective.end()
        return "-" in adjective.group() or any(p.span.start == named for p in places)
    # "the Crimea Platform", "the Kyiv Independent": a place naming a forum, a paper or a church
    head = HEAD_AFTER.match(clause, end)
    if head is not None and head.group(1).capitalize() in words("name_heads"):
        return True
    # "the UK's Russia sanctions list", "the Ukraine aid bill": a country naming a topic
    return place.kind == "country" and _topic_after().match(clause, end) is not None


@cache
def _topic_after() -> re.Pattern[str]:
    nouns = any_of("topic_nouns")
    return re.compile(rf"\s+(?:{nouns})\b")


def _is_weak(place: Place, clause: str, clause_start: int) -> bool:
    """A sea, a place given as a reference point ("200km south-west of Kyiv", "a city close to
    Crimea"), or a country not
    introduced as a location ('support for Ukraine', "Ukraine's allies", "Russia's war in
    Ukraine"); a country's part ("targets Ukraine's power grid") is a location."""
    if place.kind in PERIPHERAL_KINDS:
        return True
    start = place.span.start - clause_start
    before = clause[max(0, start - 60) : start]
    if DISTANCE_BEFORE.search(before) or CONCERN_BEFORE.search(before):
        return True
    if NEARBY_GLOSS.search(before) or DESTINATION_BEFORE.search(before):
        return True
    if SPEAKER_AT_BEFORE.search(before) and SAYS_AFTER.match(clause, place.span.end - clause_start):
        return True  # "..., officials in Ankara said": where the source is, not what it tells
    if place.kind != "country":
        return False
    possessive = POSSESSIVE.match(clause, place.span.end - clause_start)
    if possessive:
        # "Ukraine's east", "Ukraine's power grid": where; "Russia's justification": whose
        return possessive.group(1).lower() not in words("area_parts")
    return (
        not (LOCATIVE.search(before) or DEPLOYED_TO.search(before))
        or WAR_NAMED.search(before) is not None
        or AIMED_AT.search(before) is not None
        or PURPOSE_BEFORE.search(before) is not None
    )


def strong_places(scene: list[Place], clause: str, clause_start: int) -> list[Place]:
    """The places of the scene that are not weak, with the countries listed after a country that
    is a location ("deployed in Poland and Lithuania", "in Latvia, Estonia or Lithuania"); not
    one that opens a clause of its own ("in Poland and Ukraine said ...")."""
    strong: list[Place] = []
    for n, place in enumerate(scene):
        if n and _reference_of(scene[n - 1], place, clause, clause_start):
            continue  # "Chernihiv, north of Kyiv": Kyiv only tells where Chernihiv lies
        start = place.span.start - clause_start
        if strong and OUTSIDE_CAPITAL.search(clause, max(0, start - 30), start):
            continue  # "visited Soledar in a rare outing outside the capital Kyiv": Soledar
        if not _is_weak(place, clause, clause_start):
            strong.append(place)
        elif place.kind == "country" and strong and strong[-1].kind == "country":
            between = clause[strong[-1].span.end - clause_start : place.span.start - clause_start]
            after = place.span.end - clause_start
            if LISTED.fullmatch(between) and not (
                deed_after().match(clause, after) or POSSESSIVE.match(clause, after)
            ):
                strong.append(place)
    return strong


# "outside the capital": a place named, after the scene, as the one the scene lies away from.
OUTSIDE_CAPITAL = re.compile(r"\boutside\s+the\s+(?:capital|city)(?:\s+city)?,?\s+$")
# ", north of ", " just outside ": between a place and the one it is placed by.
BEARING_BETWEEN = re.compile(
    r",?\s+(?:just\s+|some\s+|about\s+)?(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)"
    r"\s+of|outside|near)\s+(?:the\s+)?(?:(?:city|capital|town)(?:\s+of)?,?\s+)?",
    re.IGNORECASE,
)


def _reference_of(named: Place, place: Place, clause: str, clause_start: int) -> bool:
    """'the regions of Chernihiv, north of Kyiv', 'Irpin, just outside Kyiv': a place named only
    to tell where the place before it lies."""
    if named.span.end >= place.span.start or "-" not in named.region.code:
        # one name, several regions ("Donbas"); or a village the reference alone locates
        # ("Krasne, near Lviv": which Krasne is unknown)
        return False
    between = clause[named.span.end - clause_start : place.span.start - clause_start]
    return BEARING_BETWEEN.fullmatch(between) is not None


def is_oblique(place: Place, clause: str, clause_start: int) -> bool:
    """'support for Ukraine', 'a swap with the US', 'drones for use in Ukraine': a country governed
    by a preposition."""
    start = place.span.start - clause_start
    before = clause[max(0, start - 50) : start]
    return (
        OBLIQUE.search(before) is not None
        or WAR_NAMED.search(before) is not None
        or AIMED_AT.search(before) is not None
        or PURPOSE_BEFORE.search(before) is not None
    )


def names_the_war(place: Place, clause: str, clause_start: int) -> bool:
    """'Russia's war', 'the invasion of Ukraine': a party of the war named in passing."""
    start, end = place.span.start - clause_start, place.span.end - clause_start
    return (
        WAR_NAMED.search(clause[max(0, start - 50) : start]) is not None
        or WAR_PARTY.match(clause, end) is not None
    )


def is_origin(place: Place, clause: str, clause_start: int) -> bool:
    """True when the clause words around the place make it an origin or a border; not the place
    a force withdrew from ("Ukraine said it had retreated from Lysychansk"): that is the scene."""
    start = place.span.start - clause_start
    end = place.span.end - clause_start
    before = clause[max(0, start - 40) : start]
    origin = ORIGIN.search(before)
    if origin and _withdrawn_before().search(before, 0, origin.start()):
        return False
    return bool(origin or BORDER_AFTER.match(clause[end : end + 12]))


@cache
def _withdrawn_before() -> re.Pattern[str]:
    """A verb of withdrawal from places_words.tsv right before 'from'."""
    verbs = any_of("withdrawal_verbs")
    return re.compile(rf"\b(?:{verbs})\s*$")
