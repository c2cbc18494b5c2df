"""Words and stems: the one tokeniser shared by the data loaders, the index and the query reader.

Stems are Snowball English stems from PyStemmer (the Snowball project's own C code).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

# Words that carry no topic on their own: function words, and the question frame around a topic (what
# someone said, thinks, believes, where they stand, whom they agree with, how they replied, their beef, in
# a sentence), and the chat
# shorthand people type for such words ("u", "ppl", "rn", "tbh").
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any anyone are as at be because been before
    being below between both but by can could did do does doing down during each everybody few
    figure figures for from further get go going got had has have having he her here hers herself
    him himself his how i if in into is it its itself just let like many may me might more most much
    must my myself no nor not now of off on once one ones only opinion opinions or other our ours
    ourselves out over own people position re really regarding said same say says shall she should
    so some someone stance such talk tell than that the their theirs them themselves then there
    these they thing things think thinks this those through to told too under until up very view
    views was we were what what's whats when where which while who whom why will with would you your
    yours yourself yourselves vs versus
    neither either whether although though since yet unless upon onto within without among amongst across toward
    towards throughout beside besides despite via per anybody anything everything everyone nobody nothing none
    something somebody whatever whoever however whose another every else
    argue argued argues argument arguments believe believed believes claim claimed claims comment commented comments feel
    feels felt mention mentioned mentions reckon reckons saying stand stands take takes thought thoughts
    agree agreed agrees disagree disagreed disagrees side sides respond responded responds reply replied
    replies react reacted reacts beef feud drama sentence summary summarise summarize tldr briefly
    post posted posts tweet tweeted tweets wrote write writes
    u ur ya y r n wat wut ppl rn bc cuz coz tho pls plz idk imo imho tbh ngl lol lmao smh btw fr nah yeah yep
    nope gonna wanna gotta kinda sorta dunno abt bout thx ok okay hey hi guys urself urselves yall lemme imma tryna
    aren't can't couldn't didn't doesn't don't hadn't hasn't haven't he's i'd i'll i'm i've isn't it's
    let's she's shouldn't that's there's they'd they'll they're they've wasn't we'd we'll we're we've
    weren't what're who's won't wouldn't you'd you'll you're you've
    """.split()
)
# The same words typed with a typographic apostrophe.
STOPWORDS = STOPWORDS | {w.replace("'", "’") for w in STOPWORDS if "'" in w}

# Invisible characters a user may paste along with a question; they must not split or join words.
# Deleted by a regex rather than str.translate: translate looks every character of the text up in its table,
# most of what normalising a text cost (every source text of the record is normalised at a cold start).
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e]")
_SEPARATORS = re.compile(r"[-‐‑‒–—/_]+")
# Letters and digits, joined by inner apostrophes ("don't"), never by an apostrophe alone ("'quoted'").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_STEMMER = Stemmer.Stemmer("english")


def normalise(text: str) -> str:
    """Case-fold and NFKC-normalise; hyphens, slashes and underscores become spaces."""
    text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text)).casefold()
    return _SEPARATORS.sub(" ", text)


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def without_possessive(word: str) -> str:
    """The word without a possessive or contracted "'s" ("xai's" -> "xai")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    # Possessives and contractions share a stem with the bare word ("xai's" -> "xai").
    return _STEMMER.stemWord(without_possessive(word))


def stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text))


def content_stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text) if w not in STOPWORDS)
