"""People named by structure (PM506) and blamed by name (PM501): shapes seen in real text."""

from __future__ import annotations

import pytest

from .conftest import lint_text


def _names(sentence: str) -> list[str]:
    return [d.message for d in lint_text(f"## Summary\n\n{sentence}\n", select=["PM506"])]


def _blames(sentence: str) -> list[str]:
    return [d.message for d in lint_text(f"## Summary\n\n{sentence}\n", select=["PM501"])]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("@phaer: no prejudice against your PR, feel free to reopen after this.", "@phaer"),  # a line addressed to a handle
        ("Posted in r/factorio by u/ocbaker two days ago.", "u/ocbaker"),  # a Reddit user name
        ("Please check with MarianMacik first.", "MarianMacik"),  # a given name and a word that is no English word
        ("Hi Bigbadblunt, thanks for the report.", "Bigbadblunt"),  # the person a greeting addresses
        ("Howard, this is the second time you've submitted a pull request that breaks the build.", "Howard"),  # a vocative
        ("Sood, regardless of your status, you shouldn't self merge.", "Sood"),
        ("Local press reported that Vladimir Shved used to work as an IT administrator.", "Vladimir Shved"),  # "that" opens a clause
        ("C/Net's Marguerite Reardon reports high winds.", "Marguerite Reardon"),  # after an organisation's possessive
        ("Chatspike staff member Brain typoed a hostmask.", "Brain"),  # a capitalised word after a lower-case role
        ("Hong Euntaek, his co-CEO, will take over as the company's sole CEO.", "Hong Euntaek"),  # apposition with "his"
        ("Tan Wei Chiang, 30, then lied to his supervisor.", "Chiang"),  # a name and an age
        ("Phoenix_flare unclaimed all land owned by the faction.", "Phoenix_flare"),  # a user name with an underscore
    ],
)
def test_people_recognised_by_structure(sentence, name):
    found = _names(sentence)
    assert len(found) == 1 and name in found[0], found


@pytest.mark.parametrize(
    "sentence",
    [
        "If I remember rightly, the only downtime we had was when we moved Ronnie (the Mall server, named after one of the Kray twins).",
        "We had no pair for that machine, which would have been called Reggie.",  # a name given to a thing
        "Hello — I’m really sorry, that was entirely my fault.",  # a greeting before "I"
        "We usually depend on each other: hey openshift prow runs fine, so bump k8s prow.",  # a greeting before a product
        "The trigger was the default settings in our pipeline provider Azure DevOps.",  # CamelCase of words
        "However, you should check the logs first.",  # an English word before the comma
        "Chrome forgot the saved session after the update.",  # a browser before a verb only people do
        "Safari panicked and reloaded the page in a loop.",
    ],
)
def test_things_named_like_people_stay_clean(sentence):
    assert _names(sentence) == [] and _blames(sentence) == []


def test_a_title_naming_a_server_and_its_timeouts_names_no_one():
    text = '---\ntitle: "Fritz Timeouts"\n---\n\n## Summary\n\nHachyderm saw a spike in 504 Timeouts across the CDN.\n'
    assert [d for d in lint_text(text, select=["PM506"])] == []


@pytest.mark.parametrize(
    "sentence, who",
    [
        ("Chatspike staff member Brain typoed a hostmask and the network was banned.", "Brain"),  # a verb made of a noun of error
        ("She resisted calls to go, but Bayer Rosmarin consigned herself to the out tray with a lacklustre performance.", "Bayer Rosmarin"),
        ("Finally, Vladimir Shved told the judge that it was the biggest mistake in his entire life.", "Vladimir Shved"),  # "his" error
        ("Sood, regardless of your status, you shouldn't self merge.", "Sood"),  # addressed and reproached
        ("Howard, this is the second time you've submitted a pull request that breaks the build.", "Howard"),
        ("@jknphy you know you should run verification runs to avoid this kind of accidents.", "@jknphy"),
        ("coolguy42 accidentally deleted the production index.", "coolguy42"),  # a user name, an adverb before the act
        ("Kyle_ETP wiped the wrong table.", "Kyle_ETP"),
    ],
)
def test_named_people_blamed(sentence, who):
    found = _blames(sentence)
    assert found and repr(who) in found[0], found


@pytest.mark.parametrize(
    "sentence",
    [
        "@fasmat this is failing, see if you can figure out what's going on.",  # the failure is not what "you" did
        "Robert Hayes was a moderator, but some sort of error has rendered his moderation privileges obsolete.",
        "[17:59] @krzyzacy cleaned up all wrong pods and prowjobs again, and confirmed Prow is healthy.",  # a repair
        "Howard, you should look at the new dashboard.",  # addressed, not reproached
        "Joe said it was not his fault.",
    ],
)
def test_named_people_not_blamed(sentence):
    assert _blames(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I'd guess the cron job ran twice; I've realised since that the lock was never taken.",  # a pronoun's contraction
        "The job overwrote alex2.yaml and emma7.json.",  # the stem of a file name with digits
        "Conway’s Law says a system mirrors the teams that build it.",  # named after a person
        "A former Morgan Stanley analyst moved the funds to the wrong account.",  # an employer before a role noun
        "The outage on Jan. 14 and the one on Oct 3 had the same cause.",  # a month abbreviated before a day
        "On Monday, a contractor replaced the cables outside the building.",  # a day, then the subject in apposition
        "Before the office closed for Christmas, a developer shipped the change.",
        "Yeah, the on-call engineers know that you cannot page everyone at once.",  # an interjection, not a vocative
        "TL;DR: At my last job, I took the test cluster down for a day.",  # "DR" before a colon is no title
        "The Payments SRE Lab exercise failed twice.",  # a place of work after a role
    ],
)
def test_words_shaped_like_names_that_name_no_one(sentence):
    assert _names(sentence) == [], _names(sentence)


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Dr. Jan Novak, the lead engineer, signed off the change.", "Jan Novak"),  # a title still makes a name
        ("Jan deployed the fix on Oct 3.", "Jan"),  # a given name that is also a month, acting
        ("priya7 merged the change.", "priya7"),  # a user name with digits, not a file
        ("Dave's laptop ran the script.", "Dave"),  # a possessive before a lower-case thing
    ],
)
def test_names_kept_beside_those_shapes(sentence, name):
    found = _names(sentence)
    assert any(name in message for message in found), found
