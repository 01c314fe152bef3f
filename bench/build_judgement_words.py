"""Build ``linter/postmortem/rules/_judgement_words.py``: words that judge a person.

The words come from the VADER sentiment lexicon (pypi ``vaderSentiment``, MIT licence,
Hutto & Gilbert 2014): about 7,500 English words, each rated by ten people for valence from
-4 to +4. It is the broadest permissively licensed list of rated English words on PyPI and
rates slang and insults too ("clueless", "moron", "lame"), which is what blame in real text
uses. From it:

* adjectives (by lemminflect's dictionary) rated -1.0 or lower: said of a person ("the
  engineer was careless", "a clueless admin"), they judge the person. Dropped: words for a
  feeling or a state the person is in rather than a verdict on them ("frustrated", "tired",
  "unaware", "blind", "sorry"), for misfortune ("poor", "unlucky", "injured") and words that
  in an incident report describe the situation ("critical", "fatal", "unstable"); the
  sympathy of "the poor engineer" is not blame.
* nouns rated -1.5 or lower that name a kind of person ("idiot", "moron", "loser"); the
  dictionary cannot tell a person noun from a thing, so they are picked from VADER's list
  by the ``PERSON_NOUNS`` set below (every one must be in VADER and rated -1.5 or lower).

Words the lexicon lacks that the rules already knew (``_lexicon.JUDGEMENT_WORDS``) are
kept by the rules themselves. The result is a sorted word list in a Python module, read
from cached bytecode on the first sentence that needs it.

    pip install vaderSentiment lemminflect
    python bench/build_judgement_words.py   # writes rules/_judgement_words.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import lemminflect
import vaderSentiment

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "linter" / "postmortem" / "rules" / "_judgement_words.py"

ADJECTIVE_VALENCE = -1.0
NOUN_VALENCE = -1.5

# Feelings and states a person is in, misfortune, and words that describe the situation of
# an incident: not verdicts on the person.
NOT_JUDGEMENTS = set(
    """
    aghast agitated agonised agonized agonizing alone anguished anxious apocalyptic ashamed
    bankrupt bereaved blind blocked broke broken burdensome busy charged cheerless confused
    contagious critical damaging dangerous darkest dead defenseless dejected depressant
    depressed depressive desperate despondent destructible destructive difficult dire
    disadvantageous disappointed disappointing discomforting disconsolate discontented
    disgusted disheartening disillusioned disjointed dismal distracted distraught distressful
    distressing dizzy doubtful downcast downhearted dread dreary droopy eerie eery embarrassing
    emptiest empty exhaustible fallen fatal fearful fearsome forbidden forbidding frantic
    frightening frightful frustrated furious grave graven graver gravest grievous grim grimmest
    hapless heartbreaking heartbroken helpless hesitant hurt hurtful ill impotent inconvenient
    infected injured insecure irate irreversible isolated itchy jaded lone lonelier loneliest
    lonely lonesome limited livid low lower lowest lowish luckless maddening miserable missing
    mournful negative nervous numb numbest obsolete ominous overweight painful panic panicky
    perplexed piteous pitiable pitiful poor poorer poorest powerless reluctant remorseful
    repetitive resigned restless restricted rigorous riskier riskiest risky sad sadder saddest
    scare scared sceptical severe severer severest shaky shakier shakiest shy shyer sick
    skeptical somber sore sorrowful stressful stricken strained stuck suicidal suspended
    suspect suspicious tense tensed tenser tensest tired tragic traumatic tremulous troubled
    uncertain unclear uncomfortable unconvinced undecided uneasier uneasiest uneasy unequal
    unfortunate unfulfilled unhappier unhappiest unhappy unhealthy unimpressed unloved
    unprotected unsatisfied unsettled unstable unstoppable unsupported unsure unwanted
    unwelcome upset upsetting vulnerable weary weepy widowed worried worrisome wrong mistaken
    crash snub mock waste dread freak unaware unappreciated weak weaker weakest odd strange
    bizarre weirdest trickiest thorny questionable controversial contentious arguable
    imperfect faulty defective flawed erroneous misleading problematic problematical
    troublesome unacceptable undesirable unsuccessful worse worst bad terrible
    horrible awful dreadful disastrous catastrophic chaotic messy adverse harsh severe
    angry angrier angriest incensed indignant inflamed irate regretful shamefaced allergic
    fidgety jumpy glum gloomier gloomiest joyless melancholy lugubrious dolorous friendless
    diffident timid phobic paranoid bitter bitterer bitterest scary disturbing excruciating
    horrendous horrific loose sluggish impatient insignificant unimportant pessimistic futile
    meaningless spiritless passionless insipid impersonal unimpressive toothless anti mad
    madder maddest crazy nuts needy moody moodier moodiest jealous envious dirty dirtier
    dirtiest grimy grimier grimmer gross grossest ugly uglier ugliest unattractive yucky
    rancid foetid dumpy dumpier dumpiest lethargic fatalistic
    """.split()
)

# Nouns in VADER that name a kind of person, for "X is an idiot", "you moron".
PERSON_NOUNS = set(
    """
    idiot moron fool fools loser losers jackass jackasses dullard dullards
    ignoramus ignoramuses dupe sucker suckers douche liar liars cheater cheaters
    coward troublemaker troublemakers villain villains egotist egotists
    """.split()
)


def lexicon() -> dict[str, float]:
    path = Path(os.path.dirname(vaderSentiment.__file__)) / "vader_lexicon.txt"
    rated = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2:
            rated[fields[0]] = float(fields[1])
    return rated


def main() -> None:
    rated = lexicon()
    adjectives = sorted(
        word for word, valence in rated.items()
        if valence <= ADJECTIVE_VALENCE and word.isalpha() and word.islower() and word not in NOT_JUDGEMENTS
        and "ADJ" in lemminflect.getAllLemmas(word)
    )
    missing = sorted(word for word in PERSON_NOUNS if rated.get(word, 0.0) > NOUN_VALENCE)
    if missing:
        sys.exit(f"not in VADER at {NOUN_VALENCE} or lower: {' '.join(missing)}")
    nouns = sorted(PERSON_NOUNS)
    OUT.write_text(
        '"""Words that judge a person (generated by bench/build_judgement_words.py; do not edit).\n\n'
        "Source: the VADER sentiment lexicon (MIT licence, https://github.com/cjhutto/vaderSentiment):\n"
        f"adjectives rated {ADJECTIVE_VALENCE} or lower, minus feelings, states and misfortune; nouns rated\n"
        f'{NOUN_VALENCE} or lower that name a kind of person."""\n\n'
        f"ADJECTIVES = frozenset({_wrapped(adjectives)}.split())\n\n"
        f"PERSON_NOUNS = frozenset({_wrapped(nouns)}.split())\n",
        encoding="utf-8",
    )
    print(f"{len(adjectives)} adjectives, {len(nouns)} person nouns -> {OUT.relative_to(ROOT)}")


def _wrapped(words: list[str]) -> str:
    lines, line = [], []
    for word in words:
        if sum(len(w) + 1 for w in line) + len(word) > 88:
            lines.append(" ".join(line))
            line = []
        line.append(word)
    lines.append(" ".join(line))
    return '"""\n    ' + "\n    ".join(lines) + '\n    """'


if __name__ == "__main__":
    main()
