"""Build ``linter/postmortem/rules/_wrongdoing_verbs.py``: verbs of a misdeed, nouns of harm.

The words come from the VADER sentiment lexicon (pypi ``vaderSentiment``, MIT licence,
Hutto & Gilbert 2014; see bench/build_judgement_words.py for why VADER). A verb rated -1.0
or lower whose subject does harm or wrong to someone or something ("violated the privacy
act", "abused his powers", "sabotaged the backups", "stole customer data", "leaked the
list") blames its subject when the subject is a person. Most negative verbs do not: they name
what a person feels or suffers ("feared", "suffered", "panicked"), what happens to a system
("crashed", "collapsed", "degraded", "overloaded", "blocked"), what others do in reply
("blamed", "fired", "punished", "criticised": the punishment and judgement rules read those),
speech ("complained", "argued") or acts that in an incident report are routine operations
("killed the process", "dumped the database", "dropped the table", "cancelled the job",
"stopped the service"). Those are left out by ``NOT_MISDEEDS`` below, sorted by kind; what
is left is every VADER verb of a misdeed, with every inflection from lemminflect's tables.

The same lexicon gives the nouns of harm: every noun (by lemminflect's dictionary) rated
-1.0 or lower, singular and plural ("chaos", "havoc", "confusion", "disruption", "problems").
What a person "caused" among them is laid on the person ("the engineer caused chaos in the
data centre"), whatever the word.

    pip install vaderSentiment lemminflect
    python bench/build_wrongdoing_verbs.py   # writes rules/_wrongdoing_verbs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import lemminflect
from build_judgement_words import _wrapped, lexicon  # the same lexicon, read and written the same way

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "linter" / "postmortem" / "rules" / "_wrongdoing_verbs.py"

VALENCE = -1.0

NOT_MISDEEDS = {
    # what a person feels, suffers or is
    "feelings": """abhor ache agonise agonize agitate anger annoy appall bereave bother burden chagrin cry
        deject depress despair disappoint disbelieve disgust dishearten disillusion dislike dismay
        disquiet dissatisfy distress distrust disturb doubt dread drown embarrass enrage envy exhaust
        fatigue fear freak frighten frustrate fume grieve grimace hate haunt hesitate horrify hunger
        hurt infuriate irritate lament loathe mope mourn numb obsess panic petrify pique pity regret
        sadden scare sicken sob sorrow startle starve stress struggle stutter suffer tremble upset
        weary weep worry despise disdain outrage pain shock terrify traumatise traumatize dull tense
        tension temper shy choke die suicide reek stink puke""",
    # what happens to systems and plans, or what they do
    "events": """collapse crash decay deadlock degrade delay defer derail disorder doom fail flop lag
        lose lower overload risk trap lack loose low worse negative conflict discord block inhibit
        restrict gag interrupt""",
    # others' replies to a deed: punishment, judgement, blame (their own rules read them)
    "replies": """arrest ban banish blame censor chastise condemn criticise criticize denounce
        deride detain expel fire forbid impose prosecute punish reject scold scorn shame suspend
        refuse deny dispute disagree contradict complain protest argue rant whine nag bitch curse
        damn boycott disparage ridicule mock scapegoat slam smear condemn persecute""",
    # routine operations in an incident report ("killed the process", "dropped the table")
    "operations": """kill drop dump cancel stop cut discard shoot bomb slash gun attack combat
        battle fight war defeat avoid ignore pressure poison pollute spam""",
    # read by the clause analysis already ("misread", "neglected", "messed up")
    "elsewhere": "misread misunderstand mistake neglect fault wrong",
    # decisions, judgements of one's own, and senses that are not a deed
    "not deeds": """abandon alarm blind bloody defect deprive devastate discourage disgrace flunk
        grime offend sin suspect waste weaken underestimate""",
    # violence, slurs and words no incident report uses of its staff
    "other": """assault bastardise bastardize brutalise brutalize devil dirty douche dupe enslave
        fag faggot fake fool gross grouch jerk lame menace molest murder pervert prejudice prick
        prickle provoke rage rape repulse repress retard revenge riot savage shit smother snub
        spite stab stampede stereotype sucker suck terrorise terrorize threaten torture travesty
        victimise victimize piss tease trivialize overreact overweight indoctrinate dehumanize
        bamboozle antagonize feud disadvantage bankrupt ghost hoax disguise distract inconvenience
        resign scream menace trouble""",
}


def main() -> None:
    rated = lexicon()
    excluded = {word for words in NOT_MISDEEDS.values() for word in words.split()}
    lemmas = sorted(
        word for word, valence in rated.items()
        if valence <= VALENCE and word.isalpha() and word.islower() and word not in excluded
        and lemminflect.getAllLemmas(word).get("VERB", ("",))[0] == word
    )
    forms = set()
    for lemma in lemmas:
        for tag, inflections in lemminflect.getAllInflections(lemma, upos="VERB").items():
            if tag in ("VBD", "VBN"):
                forms.update(inflections)
            elif tag == "VBZ":  # not the plural of a noun: "leaks", "thieves", "damages"
                forms.update(f for f in inflections if "NOUN" not in lemminflect.getAllLemmas(f))
    harms = set()
    for word, valence in rated.items():
        if valence <= VALENCE and word.isalpha() and word.islower() and "NOUN" in lemminflect.getAllLemmas(word):
            harms.add(word)
            harms.update(lemminflect.getAllInflections(word, upos="NOUN").get("NNS", ()))
    unknown = sorted(excluded - set(rated))
    if unknown:
        sys.exit(f"not in VADER: {' '.join(unknown)}")
    OUT.write_text(
        '"""Verbs of a misdeed (generated by bench/build_wrongdoing_verbs.py; do not edit).\n\n'
        "Source: the VADER sentiment lexicon (MIT licence, https://github.com/cjhutto/vaderSentiment):\n"
        f"verbs rated {VALENCE} or lower whose subject does harm or wrong, minus feelings, events,\n"
        'replies, routine operations and slurs; every past and third-person form from lemminflect."""\n\n'
        f"LEMMAS = frozenset({_wrapped(lemmas)}.split())\n\n"
        f"FORMS = frozenset({_wrapped(sorted(forms))}.split())\n\n"
        f"# Nouns rated {VALENCE} or lower, singular and plural: what a person may be said to cause.\n"
        f"HARMS = frozenset({_wrapped(sorted(harms))}.split())\n",
        encoding="utf-8",
    )
    print(f"{len(lemmas)} verbs, {len(forms)} forms, {len(harms)} nouns of harm -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
