"""Read the words around a name: a person's name, a capital for its state, a town abroad."""

from __future__ import annotations

import re
from functools import cache

from app.extract.places_data import SETTLEMENTS, any_of, gazetteer, lookup, normalize, words
from app.extract.types import Place, Span

# "in Lugano, " just before a country: a town abroad that the gazetteer does not list.
TOWN_BEFORE = re.compile(
    r"\b(?:in|at|near|from|to|of|outside|visited)\s+"
    r"([A-Z][a-z\u00e0-\u00ff]+(?:[ -][A-Z][a-z]+)?), $"
)
# The capitalised word right after / right before a name: is the name part of a longer one?
NEXT_WORD = re.compile(r" ([A-Z][\w']*)")
PREVIOUS_WORD = re.compile(r"\b([A-Z][a-z]+) $")
# "Kyiv says", "Moscow has denied": a capital as the subject of a verb of saying or deciding.
SAY_VERB = re.compile(
    r"^(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) )?"
    r"(?:has |have |had |is |was |also |later |previously |repeatedly |would |will |"
    r"has also |then )?(?:say|said|says|saying|claim|claimed|claims|accuse|accused|accuses|deny|"
    r"denied|denies|announce|announced|announces|warn|warned|warns|insist|insisted|insists|"
    r"told|tells|report|reported|reports|blame|blamed|blames|respond|responded|responds|"
    r"urged|urges|wants|want|agreed|agrees|refused|refuses|rejected|rejects|demanded|demands|"
    r"hopes|hoped|believes|believed|argues|argued|confirmed|confirms|condemned|condemns|"
    r"vowed|vows|sought|seeks|asked|asks|called|calls|regards|sees|views|"
    r"pressed|presses|continued|continues|launched|launches|ordered|orders|imposed|imposes|"
    r"expelled|expels|recognised|recognized|annexed|annexes|retaliated|threatened|threatens)\b"
)

# A capital standing for its government: "the Kyiv authorities", "the Moscow regime" ...
STATE_AFTER = re.compile(
    r"^(?:regime|authorities|government|officials|accountable|responsible|"  # "hold Moscow ..."
    r"and (?:the )?(?:West|Western|its allies|Washington|Moscow|Kyiv|Brussels|Nato|NATO)\b)",
    re.IGNORECASE,
)
# ... in the possessive, unless the next word names a part of the city ("Kyiv's mayor",
# "Moscow's Sheremetyevo airport"): "Moscow's forces", "Kyiv's counteroffensive" ...
POSSESSIVE = re.compile(r"['\u2019]s\s+[\W_]*([^\W_]+)")
# ... and as the subject of a deed: "Moscow opened ...", "Moscow was not blocking ...".
PAST_VERB = re.compile(
    r" (?:(?:was|is|has|have|had|were|would|will)(?:n't| not)? (?:[a-z]+ly |(?:already|also|"
    r"now|just|long|since|still|never|again|yet) )?"  # "Moscow has already imported ..."
    r"([a-z]{2,}(?:ed|ing))|(?:[a-z]+ly |already |also |now |then )?([a-z]{2,}ed))\b"
)
# ... after a modal: "Kyiv would likely lose territory", "Moscow will respond" ...
MODAL_VERB = re.compile(
    r" (?:would|will|could|should|can|may|might|must)(?:n't| not)? (?:[a-z]+ly )?([a-z]{2,})\b"
)
# ... and before a stance: "Moscow is ready to use ...", "Kyiv remains open to talks".
STANCE = re.compile(r" (?:is|was|are|were|remains|remained)(?:n't| not)? (?:[a-z]+ly )?([a-z]+)\b")
# ... and after another capital that is the agent of a passive: "agreed to by Moscow and Minsk".
PAIRED_BEFORE = re.compile(r"\bby ([A-Z][a-z]+) and $")
# ... and of a verb in the present: "as Kyiv grapples with ..." (not a noun after "the": "the
# Moscow talks").
PRESENT_VERB = re.compile(r" (?:[a-z]+ly )?([a-z]{3,}[^s\W]s)\b")
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
# ... and in an absolute clause: "with Kyiv acknowledging Russia's success".
WITH_BEFORE = re.compile(r"\bwith\s+$")
PARTICIPLE = re.compile(r" (?:[a-z]+ly )?([a-z]{2,}ing)\b")
LOCATED_BEFORE = re.compile(r"\b(?:in|at|from|near|outside|around)\s+$")
# ... unless a government sits there: "the government in Kyiv", "the authorities in Moscow".
SEAT_BEFORE = re.compile(r"\b(?:government|authorities|regime|leadership|rulers)\s+in\s+$")
# ... and before one in the possessive too: "a strike against Kyiv's ...", "the city of Berlin".
TARGET_BEFORE = re.compile(
    r"\b(?:close to|city of|(?:strikes?|attacks?|assault|advance|missiles?|drones?|fire|"
    r"offensive|push|raids?|shelling|bombardment|barrage|operations?) "
    r"(?:against|on|at))\s+$"
)
# ... "spoke out against Moscow", "the war against Kyiv": what is against a capital (other than
# a strike, above) is against its state.
AGAINST_BEFORE = re.compile(r"\bagainst\s+$")
# ... "priorities for Moscow": what is for a capital is for its state, ...
FOR_BEFORE = re.compile(r"\bfor\s+$")
# ... unless one goes there: "left for Kyiv", "a flight bound for Moscow".
MOTION_FOR_BEFORE = re.compile(
    r"\b(?:left|leave|leaves|leaving|headed|heading|head|bound|departed|departs|set off|"
    r"set out|flew|flying|flights?|trains?|route|road|train|bus|ticket|tickets)\s+for\s+$",
    re.IGNORECASE,
)
# ... "support for Kyiv", "sanctions on Moscow", "ties with Beijing", "held by Moscow".
STATE_BEFORE = re.compile(
    r"(?:support for|sanctions (?:on|against)|(?:aid|assistance|package|funding|loans?|weapons|"
    r"arms|help|backing) for|aid to|weapons to|arms to|ties (?:with|to)|"
    r"pressure on|accusing|accused|advise|advised|censuring|condemning|sympathetic to|"
    r"settlement with|talks with|deal with|relations with|relationship with|ambassador to|"
    r"success for|victory for|win for|defeat for|setback for|blow to|blamed|urged|urging|"
    r"according to|allies of|ally of|help|helping|"
    r"supplies to|supply|supplying|provide|providing|sent to|sending to|loyal to|"
    r"collaborating with|cooperating with|sided with|siding with|working with|spying for|"
    r"appeal to|appealed to|appeals to|appealing to|handed over to|grant|granted|granting|"
    r"give|gave|giving|offer|offered|offering|by)\s+$",
    re.IGNORECASE,
)


def part_of_longer_name(text: str, start: int, end: int, population: int) -> bool:
    """'Volodymyr Zelensky', 'Oleksandr Kamyshin': a town's name beside a capitalised word is
    most likely part of a person's or an institution's name."""
    after = NEXT_WORD.match(text, end)
    if after and population < 200000:  # a big city's name seldom is: "Belgorod Two ..."
        word = after.group(1)
        return not (word in words("title_words") or names_area(word))
    return person_before(text, start)


def person_before(text: str, start: int) -> bool:
    """True if a capitalised word that opens no sentence stands right before: a given name."""
    before = PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if before is None or before.group(1).lower() in _not_given_names():
        return False
    opening = text[max(0, before.start() - 3) : before.start()]
    stripped = opening.rstrip()
    # a sentence's or a paragraph's first word is capitalised anyway
    return not ("\n" in opening or stripped == "" or stripped[-1] in '.!?:"\u201c\u201d')


@cache
def _not_given_names() -> frozenset[str]:
    return words("function_words") | words("cues")


def names_area(word: str) -> bool:
    """True if the word names a country or region ("... Lysychansk Ukraine's president")."""
    key = normalize(word)
    return key in gazetteer() and any(e.kind not in SETTLEMENTS for e in lookup(key))


def stands_for_state(text: str, start: int, end: int) -> bool:
    """'Kyiv says', 'Moscow has denied', 'according to Kyiv': a capital standing for a state."""
    if text[start:end] not in words("capitals"):
        return False
    after = text[end : end + 40].lstrip()
    before = text[max(0, start - 40) : start]
    if TARGET_BEFORE.search(before):
        return False  # "a strike against Kyiv's ...": where, not who
    paired = PAIRED_BEFORE.search(before)
    if paired and stands_for_state(
        text, start - len(before) + paired.start(1), start - len(before) + paired.end(1)
    ):
        return True  # "drills agreed to by Moscow and Minsk": both states
    possessive = POSSESSIVE.match(text, end)
    if possessive:
        return not _city_part(possessive.group(1))  # "in Moscow's crosshairs": who
    if SEAT_BEFORE.search(before):
        return True  # "aid to the government in Kyiv": the state, wherever it sits
    if AGAINST_BEFORE.search(before):
        return True  # "spoke out against Moscow": the state; "a strike against Kyiv" is above
    if FOR_BEFORE.search(before) and not MOTION_FOR_BEFORE.search(before):
        return True  # "the main priorities for Moscow", "a setback for Kyiv"; not "left for Kyiv"
    if LOCATED_BEFORE.search(before):
        return False  # "a leader of the community in Moscow told ...": where he is
    stance = STANCE.match(text, end)
    if stance and stance.group(1) in words("stances"):
        return True
    verb = (
        PAST_VERB.match(text, end) or MODAL_VERB.match(text, end) or _irregular().match(text, end)
    )
    if not verb and WITH_BEFORE.search(before):
        verb = PARTICIPLE.match(text, end)
    if verb and not _city_part(verb.group(verb.lastindex or 0)):
        return True  # the subject of a deed: "Moscow opened ...", "Moscow was not blocking ..."
    present = PRESENT_VERB.match(text, end)
    if (
        present
        and not ARTICLE_BEFORE.search(before)
        and not _city_part(present.group(1))
        and present.group(1) not in words("armed_nouns")  # "the under-gunned Kyiv forces"
    ):
        return True  # "as Kyiv grapples with shortages"
    return bool(SAY_VERB.match(after) or STATE_AFTER.match(after) or STATE_BEFORE.search(before))


@cache
def _irregular() -> re.Pattern[str]:
    """A past tense not in -ed after the capital: "Moscow made the decision", "Kyiv sent ..."."""
    verbs = any_of("irregular_deeds")
    return re.compile(rf" (?:(?:has|had|have) )?(?:[a-z]+ly |already |also |then )?({verbs})\b")


def _city_part(word: str) -> bool:
    """'mayor', 'suburbs', 'Sheremetyevo': after "Moscow's", the city itself is meant."""
    return word[0].isupper() or word.lower() in words("city_parts")


VENUE_AFTER = re.compile(r" ([a-z]+)")


def names_a_venue(text: str, end: int) -> bool:
    """'a Kremlin ceremony', 'the White House lawn': a seat of government as the place where."""
    after = VENUE_AFTER.match(text, end)
    return after is not None and after.group(1) in words("venues")


def names_a_vessel(text: str, start: int, end: int) -> bool:
    """'the Saratov Alligator-class landing ship', 'the cruiser Moskva': a ship, not a place."""
    return bool(
        _vessel_after().match(text, end) or _vessel_before().search(text, max(0, start - 30), start)
    )


@cache
def _vessel_after() -> re.Pattern[str]:
    return re.compile(rf"(?:\s+[A-Z][\w-]*)?\s+(?:{_vessels()})\b")


@cache
def _vessel_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_vessels()})\s+(?:the\s+)?\Z")


def _vessels() -> str:
    return "|".join(sorted(words("vessels"), key=len, reverse=True)).replace("_", " ")


def towns_before_countries(text: str, places: list[Place]) -> list[Place]:
    """'Lugano, Switzerland': an unknown capitalised name just before ", <country>" is a town of
    that country (the gazetteer holds only the large towns abroad)."""
    taken = {p.span.start for p in places}
    found = []
    for place in places:
        if place.kind != "country" or place.region.code == "UA":
            continue  # Ukraine's towns are all in the gazetteer: an unknown name is no town
        town = TOWN_BEFORE.search(text, max(0, place.span.start - 40), place.span.start)
        possessive = text[place.span.end : place.span.end + 1] in ("'", "\u2019")
        if town and not possessive and town.start(1) not in taken and not _institution(text, town):
            # the article means the same town each time it names it ("in Lugano will ...")
            for same in re.finditer(rf"\b{re.escape(town.group(1))}\b", text):
                if same.start() not in taken:
                    taken.add(same.start())
                    span = Span(same.start(), same.end(), same.group())
                    found.append(Place(same.group(), span, place.region, "city", "settlement"))
    return found


# "the German port of Kiel", "the Indonesian island of Bali": a town or island of a nationality.
NAMED_AFTER_NATIONALITY = re.compile(
    r"\s+(?:port|city|town|village|capital|island|resort|region|province)\s+of\s+"
    r"([A-Z][\w'\u2019-]+)\b"
)


def towns_of_nationalities(text: str, places: list[Place]) -> list[Place]:
    """'the German port of Kiel': an unknown name after a nationality and a word for a town or an
    island lies in that country (the gazetteer holds only the large towns abroad)."""
    taken = {p.span.start for p in places}
    found = []
    for place in places:
        if place.kind != "demonym" or place.region.code == "UA":
            continue  # Ukraine's towns are all in the gazetteer: an unknown name is no town
        town = NAMED_AFTER_NATIONALITY.match(text, place.span.end)
        if town and town.start(1) not in taken:
            taken.add(town.start(1))
            span = Span(town.start(1), town.end(1), town.group(1))
            found.append(Place(town.group(1), span, place.region, "city", "settlement"))
    return found


def _institution(text: str, town: re.Match[str]) -> bool:
    """'Court of Appeal, Fiji', 'Vadym Skibitsky, Russia ...': not a town."""
    name = town.group(1)
    return text[max(0, town.start(1) - 12) : town.start(1)].endswith(" of ") or any(
        person_before(text, m.start()) for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    )
