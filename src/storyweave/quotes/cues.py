"""The lexicon of attribution: reporting verbs, source cues, unnamed-source nouns, roles.

Every list is lower-case and matched against spaCy lemmas (verbs, nouns) or
lower-cased token text (fixed words). The verb list was grown from the cue
words of the PolNeAR *train* part, keeping verbs that introduce speech,
writing or a stated position, and leaving out verbs of perception and
sentiment that mostly are not attributions in news ("see", "feel", "want").
"""

from __future__ import annotations

# fmt: off
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "tell", "add", "announce", "stress", "affirm", "mention", "emphasise",
    "emphasize", "warn", "deny", "claim", "state", "declare", "explain", "note",
    "argue", "insist", "suggest", "report", "write", "tweet", "post", "ask",
    "reply", "respond", "answer", "acknowledge", "admit", "concede", "confirm",
    "reveal", "disclose", "predict", "promise", "pledge", "vow", "assert",
    "contend", "maintain", "recall", "observe", "remark", "comment", "continue",
    "conclude", "indicate", "allege", "charge", "urge", "complain", "boast",
    "joke", "quip", "speculate", "estimate", "testify", "caution", "agree",
    "counter", "retort", "underline", "underscore", "highlight", "signal", "hint",
    "threaten", "demand", "propose", "recommend", "believe", "think", "reckon",
    "fear", "hope", "hop", "expect", "doubt", "suspect", "wonder", "inform", "notify",
    "assure", "reassure", "reiterate", "repeat", "brag", "lament", "concur",
    "forecast", "blog", "email", "shout", "yell",
    "whisper", "muse", "opine", "posit", "surmise", "guess", "proclaim",
    "exclaim", "scream", "cry", "gloat", "demur", "marvel", "recount", "text",
    "quote", "intone", "reason", "plead", "implore", "lecture", "preach", "vent",
    "rant", "fume", "snap", "scoff", "sneer", "taunt", "cheer", "elaborate",
    "clarify", "confess", "swear", "advise", "chant", "sing", "chime", "interject",
})
"""Lemmas of verbs that can report speech or a stated position."""

QUOTE_ONLY_VERBS: frozenset[str] = frozenset({
    "call", "describe", "dub", "label", "term", "put", "read",
})
"""Verbs that attribute a direct quote ("he called it “a disaster”", "the sign read: “...”")
but do not take a reported clause."""

MANNER_VERBS: frozenset[str] = frozenset({
    # manner of speaking (Levin 1993, class 37.3)
    "babble", "bark", "bawl", "bellow", "bleat", "boom", "bray", "burble", "cackle", "carol",
    "chatter", "chirp", "cluck", "coo", "croak", "croon", "crow", "drawl", "drone", "gabble",
    "groan", "growl", "grumble", "grunt", "hiss", "holler", "hoot", "howl", "jabber", "lisp",
    "moan", "mumble", "murmur", "mutter", "purr", "rage", "rasp", "roar", "rumble", "screech",
    "shriek", "snarl", "splutter", "sputter", "squawk", "squeak", "squeal", "stammer",
    "stutter", "thunder", "trill", "trumpet", "wail", "warble", "wheeze", "whimper", "whine",
    "whistle", "whoop", "yelp",
    # say, complain, advise, transfer of a message (37.7, 37.8, 37.9, 37.1) not listed above
    "articulate", "blurt", "confide", "convey", "relate", "divulge", "aver", "avow", "profess",
    "gripe", "grouse", "bemoan", "bewail", "admonish", "alert", "counsel", "instruct",
    "dictate", "narrate", "recite", "relay", "pronounce", "decree", "rejoin", "riposte",
    # communication means (37.4)
    "phone", "telephone", "wire", "cable", "fax", "message", "retweet", "podcast",
    # gestures and moods that news writing uses to hand off a quote
    "laugh", "chuckle", "sigh", "smile", "grin", "beam", "gush", "rave", "enthuse", "sniff",
    "snort", "huff", "fret", "chide", "tease", "needle", "jab", "mourn", "pontificate", "wax",
    "bristle", "seethe", "nod", "shrug", "interrupt", "pipe", "volunteer", "offer",
})
"""Verbs that hand off a quote next to them ("“This is fantastic!” beamed Hartley",
"“Not again,” she sighed") but are too rarely verbs of saying elsewhere to take a
reported clause: the manner-of-speaking and message classes of Levin's English Verb
Classes (1993) and the gestures news writing uses the same way."""

NAMING_VERBS: frozenset[str] = frozenset({
    "call", "describe", "dub", "label", "term", "brand", "characterize", "characterise",
    "portray", "deride", "hail", "refer",
})
"""Verbs that put a quoted name on something: "called her “weak”", "described it as
“a mistake”", "referred to him as “the judge”"."""

INTENT_VERBS: frozenset[str] = frozenset({
    "promise", "pledge", "vow", "threaten", "urge", "refuse", "decline", "agree",
    "offer", "propose", "ask", "tell", "warn", "call", "demand", "encourage",
})
"""Verbs whose stated position is an infinitive ("vowed to fight on", "urged Congress to act")."""

STANCE_VERBS: frozenset[str] = frozenset({
    "announce", "deny", "confirm", "propose", "reject", "endorse", "support", "oppose",
    "criticize", "criticise", "praise", "defend", "dismiss", "acknowledge", "admit",
    "reveal", "predict", "recommend", "demand", "question", "blame", "cite", "accuse",
    "condemn", "denounce", "welcome", "applaud", "decry", "express", "emphasize",
    "emphasise", "stress", "underline", "highlight",
})
"""Verbs whose stated position is their object ("announced plans to visit", "denied the report")."""

CITING_WORDS: frozenset[str] = frozenset({"citing", "quoting"})
"""Words that introduce the source a reporter relays ("Citing Peskov, TASS reported ...")."""

NOUN_CUES: frozenset[str] = frozenset({
    "statement", "claim", "announcement", "assertion", "warning", "remark",
    "allegation", "argument", "insistence", "suggestion", "promise", "pledge",
    "admission", "acknowledgment", "acknowledgement", "contention", "prediction",
    "testimony", "denial", "belief", "view", "message", "comment", "dictum",
    "assessment", "conclusion", "assurance", "complaint", "accusation", "charge",
    "criticism", "concern", "fear", "hope", "notion", "position", "proposal", "vow",
    "threat", "demand", "response", "reply", "answer", "explanation", "observation",
    "finding", "report", "rumor", "speculation", "theory", "sentiment", "opinion",
    "impression", "declaration", "reminder", "verdict", "judgment", "idea", "sense",
    "assumption", "expectation", "worry", "confidence", "doubt", "suspicion",
})
"""Nouns that report speech when they govern a that-clause ("his claim that ...")."""

MESSAGE_NOUNS: frozenset[str] = frozenset({
    "tweet", "post", "words", "note", "letter", "email", "e-mail", "memo", "speech",
    "address", "line", "quote", "motto", "slogan", "caption", "headline", "text", "entry",
})
"""Nouns that name a message whose words follow a colon ("he posted a tweet: “...”")."""

POSITION_VERBS: frozenset[str] = frozenset({"express", "voice", "reaffirm"})
"""Verbs that state a position ("expressed concern that ...") without being verbs of saying."""

UNNAMED_SOURCES: frozenset[str] = frozenset({
    "analyst", "official", "source", "expert", "observer", "critic", "diplomat",
    "aide", "insider", "person", "people", "someone", "adviser", "advisor",
    "economist", "researcher", "scientist", "witness", "resident", "investigator",
    "prosecutor", "lawmaker", "legislator", "strategist", "pollster", "activist",
    "supporter", "opponent", "member", "staffer", "spokesman", "spokeswoman",
    "spokesperson", "representative", "employee", "worker", "voter", "operative",
    "lawyer", "attorney", "report", "poll", "survey", "study", "document", "memo",
    "letter", "record", "data", "figure", "rep", "publicist", "agent", "manager", "friend",
    "relative", "neighbor", "neighbour", "colleague", "associate", "confidant",
    "controller", "coordinator", "administrator", "commissioner", "inspector", "coroner",
    "sheriff", "warden", "marshal", "superintendent", "ranger", "officer", "engineer",
})
"""Head nouns of unnamed sources ("analysts", "a source familiar with the matter")."""

DOCUMENT_NOUNS: frozenset[str] = frozenset({
    "result", "figure", "data", "datum", "statistic", "report", "statement", "record", "count",
    "tally", "estimate", "survey", "poll", "study", "document", "filing", "release",
    "bulletin", "census", "list", "account", "assessment", "analysis", "tracker", "map",
})
"""Nouns of a document someone issues ("results published by the commission", "figures from
the ministry"): the issuer is the source of what the document says."""

ORG_NOUNS: frozenset[str] = frozenset({
    "agency", "ministry", "military", "government", "company", "campaign", "police",
    "department", "committee", "newspaper", "network", "party", "administration",
    "office", "council", "commission", "court", "army", "navy", "firm", "group",
    "union", "organization", "organisation", "embassy", "bureau", "house", "senate",
    "congress", "parliament", "cabinet", "kremlin", "team", "board", "authority",
    "regime", "service", "outlet", "media", "medium", "press", "station", "wire",
    "utility", "operator", "airline", "carrier", "hospital", "university", "airport",
    "prefecture", "municipality", "regulator", "watchdog", "federation", "association",
    "institute", "league", "club", "coalition", "alliance", "manufacturer", "insurer",
})
"""Head nouns that name an organisation without a proper name ("the South Korean military")."""

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "them"})
THING_PRONOUNS: frozenset[str] = frozenset({"it"})
SELF_PRONOUNS: frozenset[str] = frozenset({"i", "we", "me", "us", "you"})

ROLE_CLASSES: dict[str, str] = {
    "leader": "leader", "president": "leader", "premier": "leader", "head": "leader",
    "chancellor": "leader", "king": "leader", "queen": "leader", "ruler": "leader",
    "dictator": "leader", "strongman": "leader", "chairman": "leader", "chief": "leader",
    "spokesman": "spokes", "spokeswoman": "spokes", "spokesperson": "spokes",
    "minister": "minister", "secretary": "minister",
    "senator": "senator", "governor": "governor", "mayor": "mayor",
    "candidate": "candidate", "nominee": "candidate", "ambassador": "ambassador",
    "general": "general", "commander": "general", "ceo": "executive",
    "executive": "executive", "director": "executive", "founder": "executive",
    "researcher": "researcher", "scholar": "researcher", "professor": "researcher",
}
"""Role head nouns and the class they match across phrasings ("leader" ~ "President")."""

COUNTRY_WORDS: dict[str, str] = {
    "russia": "RU", "russian": "RU", "kremlin": "RU", "moscow": "RU", "soviet": "RU",
    "north korea": "KP", "north korean": "KP", "pyongyang": "KP", "dprk": "KP",
    "south korea": "KR", "south korean": "KR", "seoul": "KR",
    "china": "CN", "chinese": "CN", "beijing": "CN",
    "ukraine": "UA", "ukrainian": "UA", "kyiv": "UA", "kiev": "UA",
    "united states": "US", "american": "US", "u.s.": "US",
    "white house": "US", "washington": "US",
    "britain": "GB", "british": "GB", "downing street": "GB",
    "france": "FR", "french": "FR", "elysee": "FR", "élysée": "FR",
    "germany": "DE", "german": "DE", "berlin": "DE",
    "japan": "JP", "japanese": "JP", "tokyo": "JP",
    "iran": "IR", "iranian": "IR", "tehran": "IR",
    "israel": "IL", "israeli": "IL", "india": "IN", "indian": "IN",
    "vietnam": "VN", "vietnamese": "VN", "hanoi": "VN",
    "turkey": "TR", "turkish": "TR", "ankara": "TR",
}
"""Country words, demonyms and seats of power, keyed to one code so that "the Kremlin
leader" matches "Russian President Vladimir Putin"."""
# fmt: on

OUTLET_SUFFIXES: tuple[str, ...] = (
    " news agency",
    " news service",
    " agency",
    " newspaper",
    " news channel",
)
"""Generic words trimmed from an outlet's name in a chain ("AFP news agency" -> "AFP")."""

STATEMENT_CUES: frozenset[str] = SPEECH_VERBS | NOUN_CUES | CITING_WORDS | POSITION_VERBS
"""Cue lemmas whose reported speech is a statement; other cues report an act or a stance."""
