"""The action of a claim: the verb that says what happened to the counted thing.

Each case is one general construction (keeptabs.extract.frame), written afresh rather
than copied from a gold set.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from keeptabs.extract.claims import extract_claims
from keeptabs.segment.text import segment_text


def actions_of(text: str, nlp: Language) -> dict[str, str | None]:
    text += "\n"
    claims = extract_claims(text, segment_text(text), doc_id="d", nlp=nlp)
    return {claim.number_text: claim.action for claim in claims}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Title Case headline verb the tagger reads as a plural noun
        ("Rebels Kill 12 In Deir Ezzor Raid", {"12": "kill"}),
        # a headline participle, not the verb of the "as" clause after it
        ("Seven Killed in Homs Shelling as Talks Resume in Geneva", {"Seven": "kill"}),
        # each number takes its own verb in a coordination
        (
            "The army killed 14 militants and wounded dozens in the fighting, the ministry said.",
            {"14": "kill", "dozens": "wound"},
        ),
        # a headline's passive "claimed" without its auxiliary, and with no object
        ("21 Soldiers Claimed in Idlib in Heavy Clashes", {"21": "kill"}),
        # the figures a noun "included" are of that noun, and what its participle says
        (
            "The breaches recorded on Monday included 20 by Russian forces and 13 by regime "
            "forces.",
            {"20": "record", "13": "record"},
        ),
        # coordinated figures with nouns share the participle after them
        (
            "In the square two men and three children scrambled for safety past the burnt cars.",
            {"two": "scramble", "three": "scramble"},
        ),
        # a verb that leaves a toll noun: what the noun says befell them
        ("The blast rocked the market leaving 40 martyrs.", {"40": "kill"}),
        # a part of a toll that a participle describes suffered what the toll counts
        (
            "The raid killed 20 people including five children sleeping in the basement.",
            {"20": "kill", "five": "kill"},
        ),
        # "according to" is a preposition, not the verb of a figure misparsed into it
        (
            "Rebels fired dozens of rocket shells killing according to the latest toll 31 "
            "civilians.",
            {"31": "kill"},
        ),
        # a list of tolls: each number takes the casualty word after it
        (
            "At least 30 people dead and over 70 injured after a car bomb exploded in Idlib.",
            {"At least 30": "kill", "over 70": "injure"},
        ),
        # each figure takes the passive its own words close with, even where the parser
        # reads the figure as a verb ("scores") or misses a comma
        (
            "On Monday 11 civilians were killed and scores others were injured in the raid.",
            {"11": "kill", "scores": "injure"},
        ),
        ("At least 9 people were killed 30 were wounded in a blast in Homs.", {"30": "wound"}),
        # ... not a relative clause on the noun
        ("Medics treated 40 people who were injured in the blast.", {"40": "treat"}),
        # ... but "killed or injured" is one combined outcome, as is "killed and injured"
        ("The group said 40 people were killed or injured.", {"40": "kill or injure"}),
        ("Shelling went on all day, 57 people killed and injured.", {"57": "kill or injure"}),
        ("Medics said 80 sustained injuries in the blast.", {"80": "injure"}),
        # the casualty words describe the counted noun: what befell them is the verb
        ("Some 200 dead and injured people were rushed to hospitals.", {"Some 200": "rush"}),
        # a verb of saying whose object is what the figure counts is its action
        ("The monitor had earlier reported 26 airstrikes across Idlib.", {"26": "report"}),
        ("Activists said they recorded 30 breaches of the truce.", {"30": "record"}),
        # a resultative complement
        ("The blast killed 12 people and left 40 others wounded.", {"12": "kill", "40": "wound"}),
        # support verbs with an event noun
        (
            "About 300 residents staged a protest outside the governor's office.",
            {"About 300": "protest"},
        ),
        ("Dozens more received treatment for breathing problems.", {"Dozens": "treat"}),
        ("Hundreds of fighters stood guard over the crossing.", {"Hundreds": "guard"}),
        # a paraphrase in the action vocabulary
        (
            "Some 1500 civilians were granted safe passage out of the besieged town.",
            {"Some 1500": "evacuate"},
        ),
        # coordinated verbs: the killing is the outcome the count measures
        (
            "Around 60 prisoners were rounded up and executed by the militants.",
            {"Around 60": "execute"},
        ),
        # a participle on a noun in apposition
        ("Nine civilians, some of them women, killed in shelling on Douma.", {"Nine": "kill"}),
        # a passive reduced relative says what happened to an agent subject
        (
            "Twelve mortar shells fired by militants hit residential areas in Damascus.",
            {"Twelve": "fire"},
        ),
        # a reduced relative parsed as the verb: the real predicate follows it
        (
            "Forty people hurt in the blast were being treated in local hospitals.",
            {"Forty": "treat"},
        ),
        # a vehicle's load shares what the vehicle does
        (
            "Another 20 trucks carrying some 400 fighters left the city on Monday.",
            {"20": "leave", "some 400": "leave"},
        ),
        # a stative participle only describes
        ("The convoy left in 30 buses bound for Idlib.", {"30": "leave"}),
        ("There are 5000 families living under siege in the town.", {"5000": "live"}),
        # a part shares what happened to its whole
        (
            "The evacuation, which includes 700 women and children, began on Monday.",
            {"700": "evacuate"},
        ),
        # perception verbs pass the action to their complement
        ("Hundreds of residents were seen fleeing the town.", {"Hundreds": "flee"}),
        # a report is all that befell them
        ("At least 25 airstrikes were reported overnight.", {"At least 25": "report"}),
        (
            "Three deaths and 12 injuries were reported after the attack.",
            {"Three": "kill", "12": "injure"},
        ),
        # an action noun takes its argument through "on"; not the counted noun itself
        ("The rebels launched an attack on three army checkpoints.", {"three": "attack"}),
        # copulas with a meaningful complement
        (
            "About 200 square kilometres of the province are under government control.",
            {"About 200 square kilometres": "control"},
        ),
        ("The camp is home to some 40000 refugees.", {"some 40000": "live"}),
        (
            "The group was behind at least four bombings in the capital.",
            {"at least four": "conduct"},
        ),
        # of verbs joined by "and", the first says what happened to the object they share
        (
            "Troops repelled the attack, killing and wounding dozens of insurgents.",
            {"dozens": "kill"},
        ),
        # a toll noun reported says what happened
        ("The agency reported 15 deaths in the blast.", {"15": "kill"}),
        # the object the parser took for the speaker of a comma-less "said"
        ("Shelling killed 90 people said the monitor.", {"90": "kill"}),
        # a figure the parser joined to the object keeps the verb that follows it
        ("Rebels killed 2 soldiers and 19 were wounded.", {"2": "kill", "19": "wound"}),
        (
            "The group counted 66 killed along with 119 were kidnapped and 178 were jailed.",
            {"119": "kidnap", "178": "jail"},
        ),
        # ... or the verb the parser made its modifier
        ("The war has killed 280000 people and displaced millions.", {"millions": "displace"}),
        # verbs that make someone do something pass on the action
        ("The battle has prompted some 186000 residents to flee.", {"some 186000": "flee"}),
        # "there were N strikes": strikes carried out
        ("There have been at least 45 air strikes today.", {"at least 45": "conduct"}),
        # "casualties" count the dead and the wounded alike: only a verb says what happened
        ("Dozens of casualties were taken to hospital.", {"Dozens": "take"}),
        ("The blast caused dozens of casualties.", {"dozens": "cause"}),
        # casualty words rule run-on tolls and elided conjuncts
        (
            "Rockets hit the city. 8 persons killed 58 others injured.",
            {"8": "kill", "58": "injure"},
        ),
        ("One person was killed and six more wounded in the blasts.", {"six": "wound"}),
        # a population lives where it is; raids that kill or in which people die were
        # carried out; what raids themselves did stays their verb
        ("Hama has a mostly Sunni population of 700000.", {"700000": "live"}),
        ("The pre-war population was over 20 million.", {"over 20 million": "live"}),
        ("Three air raids on the town killed 58 civilians.", {"Three": "conduct", "58": "kill"}),
        ("Three children were killed in five air raids.", {"five": "conduct"}),
        ("At least one airstrike targeted the militants.", {"At least one": "target"}),
        # an updated or revised toll is a toll
        ("The monitor said 30 were killed, updating an earlier toll of 15.", {"15": "kill"}),
        # "take out" is a killing
        ("Jets took out seven field commanders.", {"seven": "kill"}),
        # a share of events counts those events
        (
            "The regime is responsible for 90 percent of deaths in the conflict.",
            {"90 percent": "kill"},
        ),
        # a verb of habit, belief or seeming hands over to the verb it governs
        ("Tens of thousands of people used to live in the town.", {"Tens of thousands": "live"}),
        (
            "Up to 300000 people are still believed to be trapped in the city.",
            {"Up to 300000": "trap"},
        ),
        # what a force left behind: casualty words before the counted noun
        (
            "Government forces left behind dozens of dead and injured soldiers.",
            {"dozens": "kill or injure"},
        ),
        # a participle read as an adjective after "be" is its verb; "eliminate" is a killing
        ("However 20000 civilians are still trapped in the town.", {"20000": "trap"}),
        ("The strike eliminated 49 other terrorists.", {"49": "kill"}),
        # an object described by a killing says what happened to it
        (
            "The coalition mourns 5 rescue workers killed by airstrikes on rural Aleppo.",
            {"5": "kill"},
        ),
        # an acknowledgement of deaths reports a killing
        (
            "In September the coalition acknowledged the deaths of 735 civilians.",
            {"735": "kill"},
        ),
    ],
)
def test_action_constructions(text: str, expected: dict[str, str], nlp: Language) -> None:
    found = actions_of(text, nlp)
    assert {number: found.get(number) for number in expected} == expected


def test_agent_participle_does_not_describe_the_victims(nlp: Language) -> None:
    found = actions_of(
        "The explosion took the lives of 3 women as well as 2 soldiers wounding several others.",
        nlp,
    )
    assert found["3"] == "kill"
    assert found["2"] == "kill"


def test_relative_clause_on_object_stays_with_the_main_verb(nlp: Language) -> None:
    found = actions_of(
        "ISIL terrorists beheaded eight Syrian militants who had surrendered in a town.", nlp
    )
    assert found["eight"] == "behead"


def test_support_verb_keeps_a_counted_object(nlp: Language) -> None:
    found = actions_of("The coalition said it had conducted 16 airstrikes near Raqqa.", nlp)
    assert found["16"] == "conduct"


@pytest.mark.parametrize(
    ("sentence", "number", "action"),
    [
        ("The monitor reported the deaths of 14 fighters in Hama.", "14", "kill"),
        ("The shelling left dozens of people injured in Hama.", "dozens", "injure"),
        ("Residents said 40 people were dead.", "40", "kill"),
        # a run-on toll the parser makes the subject of the verb after it
        (
            "At least 48 people dead over 100 injured after truck bomb exploded.",
            "At least 48",
            "kill",
        ),
    ],
)
def test_casualty_words_name_the_action(
    nlp: Language, sentence: str, number: str, action: str
) -> None:
    text = f"Fire in Hama\n\n{sentence}"
    claims = extract_claims(text, segment_text(text), doc_id="d", nlp=nlp)
    assert {c.number_text: c.action for c in claims}[number] == action


def test_sustaining_injuries_or_receiving_wounds_is_an_injury(nlp: Language) -> None:
    found = actions_of("Three people sustained injuries when a rocket hit the town.", nlp)
    assert found["Three"] == "injure"
    found = actions_of(
        "Six civilians were killed and 12 received wounds of different severity.", nlp
    )
    assert found["12"] == "wound"
