"""General word lists of the languages storyweave reads without a model (issue 20).

Each list is a general resource of its language, written from its grammar and its news
style, not from any one article: the verbs news copy reports speech with, the phrases that
credit a source ("según", "selon", "laut", "по словам"), the number words that scale a figure
("3 millones"), the words that put a figure as approximate or as a bound, the months (a day
of the month is no figure), negation, denial and hedging words. Forms are lower case, as
written (inflected forms listed, not lemmas: no lemmatiser reads these languages here).

DOCS: docs/stages/languages.md
"""

from __future__ import annotations

import functools
from typing import Final

from storyweave.nlp.languages import READ_LANGUAGES, primary

DECIMAL_COMMA: Final = frozenset({"es", "fr", "de", "it", "pt", "nl", "ru", "vi"})
"""Languages that write "1,5" for one and a half and "1.000" (or "1 000") for a thousand."""

SPACE_GROUPS: Final = frozenset({"fr", "ru"})
"""Languages that group thousands with a (thin, no-break) space: "1 000"."""


def words(text: str) -> frozenset[str]:
    """The words of a list written as one string, space-separated."""
    return frozenset(text.split())


def reads(language: str | None) -> bool:
    """Whether these lists read ``language`` ("es-MX" is Spanish)."""
    return language is not None and primary(language) in READ_LANGUAGES


REPORTING: Final[dict[str, frozenset[str]]] = {
    "es": words(
        "dijo dice dicen dijeron afirmó afirma afirmaron declaró declara declararon señaló "
        "señala señalaron aseguró asegura aseguraron explicó explica añadió agregó indicó "
        "indica informó informa informaron manifestó comentó sostuvo subrayó advirtió "
        "confirmó anunció precisó reconoció insistió destacó apuntó negó desmintió expresó "
        "relató contó pidió exigió reclamó criticó lamentó admitió recordó concluyó matizó "
        "puntualizó adelantó avisó alertó denunció celebró replicó respondió preguntó "
        "prometió aclaró"
    ),
    "fr": words(
        "dit déclaré déclare affirmé affirme indiqué indique expliqué explique ajouté ajoute "
        "souligné souligne assuré assure précisé précise annoncé annonce confirmé confirme "
        "estimé estime nié nie démenti dément averti reconnu raconté insisté martelé "
        "déclarent affirment lancé jugé regretté déploré dénoncé admis rappelé promis prévenu "
        "réagi félicité répondu demandé réclamé exigé confié résumé justifié assuré commenté "
        "conclu"
    ),
    "de": words(
        "sagte sagt sagten erklärte erklärt erklärten betonte betont berichtete berichtet "
        "meinte meint warnte warnt bestätigte bestätigt versicherte unterstrich bestritt "
        "bestreitet dementierte erläuterte kündigte teilte fügte räumte so sagen forderte "
        "fordert kritisierte versprach bekräftigte ergänzte schilderte beklagte lobte "
        "antwortete fragte verlangte mahnte hieß"
    ),
    "it": words(
        "detto dichiarato affermato spiegato aggiunto sottolineato annunciato confermato "
        "precisato riferito dice dichiara afferma spiega aggiunge sottolinea negato smentito "
        "assicurato ribadito raccontato dicono chiesto ammesso denunciato commentato "
        "ricordato avvertito promesso replicato risposto lamentato criticato osservato "
        "concluso rivelato garantito"
    ),
    "pt": words(
        "disse diz disseram afirmou afirma afirmaram declarou declara declararam explicou "
        "explica acrescentou acrescenta informou informa anunciou confirmou garantiu "
        "sublinhou destacou salientou negou desmentiu referiu adiantou avançou dizem contou "
        "pediu exigiu reclamou criticou lamentou admitiu reconheceu lembrou recordou alertou "
        "avisou prometeu respondeu perguntou comentou considerou concluiu frisou assegurou "
        "revelou"
    ),
    "nl": words(
        "zei zegt zeiden zeggen verklaarde verklaart stelde stelt meldde meldt liet "
        "benadrukte voegde bevestigde ontkende waarschuwde kondigde vertelde vertelt legde "
        "aldus vroeg eiste riep erkende beloofde antwoordde reageerde concludeerde meende "
        "schreef bekendgemaakt"
    ),
    "ru": words(
        "сказал сказала сказали заявил заявила заявили сообщил сообщила сообщили отметил "
        "отметила отметили подчеркнул подчеркнула добавил добавила пояснил пояснила говорит "
        "говорил говорила рассказал рассказала признал признала опроверг опровергла "
        "подтвердил подтвердила уточнил уточнила заверил заверила потребовал потребовала "
        "попросил попросила пообещал пообещала предупредил предупредила ответил ответила "
        "заметил заметила напомнил напомнила объяснил объяснила указал указала констатировал"
    ),
    "vi": frozenset(
        {"nói", "cho biết", "cho hay", "tuyên bố", "khẳng định", "nhấn mạnh", "phát biểu",
         "thông báo", "xác nhận", "bác bỏ", "giải thích", "chia sẻ", "tiết lộ", "nêu rõ",
         "yêu cầu", "cảnh báo", "thừa nhận", "trả lời", "nhận định", "đánh giá", "cho rằng",
         "bày tỏ", "kêu gọi", "lưu ý", "thông tin"}
    ),
}  # fmt: skip
"""Verbs of saying, asking and warning as news copy writes them (past and present, third
person; French and Italian past participles, which follow "a" / "ha")."""

ACCORDING_TO: Final[dict[str, tuple[str, ...]]] = {
    "es": ("según", "de acuerdo con"),
    "fr": ("selon", "d'après", "d’après"),
    "de": ("laut", "nach angaben von", "nach angaben der", "nach angaben des"),
    "it": ("secondo", "stando a"),
    "pt": ("segundo", "de acordo com", "conforme"),
    "nl": ("volgens",),
    "ru": ("по словам", "по данным", "по сообщению", "согласно"),
    "vi": ("theo",),
}
"""Phrases that credit what follows them to a source ("según la agencia EFE, ...")."""

SCALES: Final[dict[str, dict[str, float]]] = {
    "es": {"mil": 1e3, "millón": 1e6, "millones": 1e6, "mil millones": 1e9, "billón": 1e12,
           "billones": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
           "billion": 1e12, "billions": 1e12},
    "de": {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio.": 1e6, "milliarde": 1e9,
           "milliarden": 1e9, "mrd.": 1e9, "billion": 1e12, "billionen": 1e12},
    "it": {"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9,
           "miliardi": 1e9, "mln": 1e6, "mld": 1e9},
    "pt": {"mil": 1e3, "milhão": 1e6, "milhões": 1e6, "mil milhões": 1e9, "bilhão": 1e9,
           "bilhões": 1e9, "bilião": 1e12, "biliões": 1e12, "trilhão": 1e12,
           "trilhões": 1e12},
    "nl": {"duizend": 1e3, "miljoen": 1e6, "miljard": 1e9, "biljoen": 1e12},
    "ru": {"тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тыс.": 1e3, "миллион": 1e6,
           "миллиона": 1e6, "миллионов": 1e6, "млн": 1e6, "млн.": 1e6, "миллиард": 1e9,
           "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9, "млрд.": 1e9,
           "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12, "трлн": 1e12,
           "трлн.": 1e12},
    "vi": {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9, "nghìn tỷ": 1e12,
           "ngàn tỷ": 1e12},
}  # fmt: skip
"""Number words that scale the figure before them ("3,5 millones" = 3,500,000); the long scale
where the language uses it (Spanish "billón", French "billion" = 10^12)."""

DESIGNATION: Final[dict[str, tuple[str, ...]]] = {
    "es": ("n.º", "nº", "núm.", "número"), "fr": ("n°", "no", "numéro"),
    "de": ("nr.", "nummer"), "it": ("n.", "numero"), "pt": ("n.º", "nº", "número"),
    "nl": ("nr.", "nummer"), "ru": ("№", "номер"), "vi": ("số",),
}  # fmt: skip
"""Words that make the number after them a designation ("Bão số 5", "Nr. 3"), not a count."""

FUNCTION_WORDS: Final[dict[str, frozenset[str]]] = {
    "es": words("y e o de del en el la los las a con por para que se"),
    "fr": words("et ou de du des en le la les à au avec par pour que qui"),
    "de": words("und oder in im der die das den dem des mit von für bei auf an"),
    "it": words("e ed o di del della in il la le i gli a al con per che"),
    "pt": words("e ou de do da dos das em no na o a os as com por para que"),
    "nl": words("en of in de het van met voor bij op aan die dat"),
    "ru": words("и или в на с по для из от к о"),
    "vi": words("và hoặc của tại ở trong với cho"),
}  # fmt: skip
"""Words that cannot be what a figure counts: a number after a name followed by one of these
("el Boeing 737 y ...") is a model or a designation."""

PERCENT: Final[dict[str, tuple[str, ...]]] = {
    "es": ("por ciento",), "fr": ("pour cent",), "de": ("prozent",), "it": ("per cento",),
    "pt": ("por cento",), "nl": ("procent",), "ru": ("процент", "процента", "процентов"),
    "vi": ("phần trăm",),
}  # fmt: skip
"""Words for per cent after a figure (besides the sign, "%")."""

ABOUT: Final[dict[str, tuple[str, ...]]] = {
    "es": ("unos", "unas", "alrededor de", "cerca de", "aproximadamente", "casi"),
    "fr": ("environ", "près de", "quelque", "quelques", "presque"),
    "de": ("rund", "etwa", "ungefähr", "circa", "knapp", "fast"),
    "it": ("circa", "quasi", "intorno a", "attorno a"),
    "pt": ("cerca de", "aproximadamente", "quase", "uns", "umas"),
    "nl": ("ongeveer", "zo'n", "circa", "bijna", "rond"),
    "ru": ("около", "почти", "примерно", "приблизительно", "порядка"),
    "vi": ("khoảng", "gần", "chừng", "xấp xỉ"),
}
"""Words that put the figure after them as approximate."""

AT_LEAST: Final[dict[str, tuple[str, ...]]] = {
    "es": ("más de", "al menos", "por lo menos"),
    "fr": ("plus de", "au moins"),
    "de": ("mehr als", "über", "mindestens"),
    "it": ("più di", "almeno", "oltre"),
    "pt": ("mais de", "pelo menos", "ao menos"),
    "nl": ("meer dan", "ruim", "minstens", "ten minste"),
    "ru": ("более", "больше", "свыше", "не менее", "по меньшей мере"),
    "vi": ("hơn", "ít nhất", "trên"),
}
"""Words that put the figure after them as a lower bound."""

AT_MOST: Final[dict[str, tuple[str, ...]]] = {
    "es": ("menos de", "como máximo"), "fr": ("moins de", "au plus"),
    "de": ("weniger als", "höchstens"), "it": ("meno di", "al massimo"),
    "pt": ("menos de", "no máximo"), "nl": ("minder dan", "hoogstens"),
    "ru": ("менее", "меньше", "не более"), "vi": ("dưới", "không quá", "chưa đến"),
}  # fmt: skip
"""Words that put the figure after them as an upper bound."""

MONTH_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre|setiembre", "octubre", "noviembre", "diciembre"),
    "fr": ("janvier", "février|fevrier", "mars", "avril", "mai", "juin", "juillet",
           "août|aout", "septembre", "octobre", "novembre", "décembre|decembre"),
    "de": ("januar|jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março|marco", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "ru": ("января|январь|январе", "февраля|февраль|феврале", "марта|март|марте",
           "апреля|апрель|апреле", "мая|май|мае", "июня|июнь|июне", "июля|июль|июле",
           "августа|август|августе", "сентября|сентябрь|сентябре", "октября|октябрь|октябре",
           "ноября|ноябрь|ноябре", "декабря|декабрь|декабре"),
}  # fmt: skip
"""The twelve months in order, each with its written forms ("|"); Vietnamese numbers its
months ("tháng 3")."""

MONTHS: Final[dict[str, frozenset[str]]] = {
    **{lang: frozenset(f for m in names for f in m.split("|")) for lang, names in
       MONTH_NAMES.items()},
    "vi": frozenset({"tháng", "ngày", "năm"}),
}  # fmt: skip
"""Month names (and, for Vietnamese, the words "month", "day", "year" that lead a date part):
a figure next to one is part of a date, not a count."""

WEEKDAYS: Final[dict[str, tuple[str, ...]]] = {
    "es": ("lunes", "martes", "miércoles|miercoles", "jueves", "viernes", "sábado|sabado",
           "domingo"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag|sonnabend",
           "sonntag"),
    "it": ("lunedì|lunedi", "martedì|martedi", "mercoledì|mercoledi", "giovedì|giovedi",
           "venerdì|venerdi", "sabato", "domenica"),
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
           "sábado", "domingo"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "ru": ("понедельник", "вторник", "среду|среда", "четверг", "пятницу|пятница",
           "субботу|суббота", "воскресенье"),
    "vi": ("thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật"),
}  # fmt: skip
"""The days of the week from Monday, each with its written forms ("|"); Portuguese by its
"-feira" forms only (a bare "segunda" is "second", "quinta" "fifth")."""

WEEKDAY_BEFORE: Final[dict[str, frozenset[str]]] = {
    "ru": frozenset({"в", "во", "к", "до", "с", "со", "по", "на", "следующий", "следующую",
                     "прошлый", "прошлую", "этот", "эту", "ближайший", "ближайшую"}),
    "vi": frozenset({"hôm", "ngày", "vào", "sáng", "chiều", "tối", "trưa", "đêm", "từ", "đến",
                     "cuối", "các", "mỗi", "hằng"}),
}  # fmt: skip
"""Where a weekday name is also an ordinary word ("среда" environment, "lần thứ hai" the second
time), the words one of which must stand right before it."""

RELATIVE_DAYS: Final[dict[str, dict[str, int]]] = {
    "es": {"anteayer": -2, "ayer": -1, "hoy": 0, "mañana": 1, "pasado mañana": 2},
    "fr": {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
           "après-demain": 2},
    "de": {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2},
    "it": {"l'altro ieri": -2, "ieri": -1, "oggi": 0, "domani": 1, "dopodomani": 2},
    "pt": {"anteontem": -2, "ontem": -1, "hoje": 0, "amanhã": 1, "depois de amanhã": 2},
    "nl": {"eergisteren": -2, "gisteren": -1, "vandaag": 0, "morgen": 1, "overmorgen": 2},
    "ru": {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2},
    "vi": {"hôm kia": -2, "hôm qua": -1, "hôm nay": 0, "ngày mai": 1, "ngày kia": 2},
}  # fmt: skip
"""Days named from the day of writing ("ayer" = the day before publication)."""

LINKS: Final[dict[str, frozenset[str]]] = {
    "es": frozenset({"de", "del"}), "fr": frozenset({"de", "d'", "d’", "des"}),
    "de": frozenset(), "it": frozenset({"di", "dei", "degli", "delle"}),
    "pt": frozenset({"de", "dos", "das"}), "nl": frozenset({"aan"}), "ru": frozenset(),
    "vi": frozenset(),
}  # fmt: skip
"""Words that link a scaled figure to what it counts ("3 millones de personas")."""

HOUR_WORDS: Final = words("uhr heure heures h horas hora ore uur часов часа час giờ")
CLOCK_BEFORE: Final = words(
    "um ab bis gegen à vers dès a las alle verso às pelas om rond tegen в к lúc"
)
"""With an hour word after it, a number of 24 or less after one of these is a clock time ("um 14
Uhr", "à 14 heures", "alle 18"); "150 uur" counts hours."""
"""Hour words: after a number they make it a clock time or a count of hours."""

NEGATION: Final[dict[str, frozenset[str]]] = {
    "es": frozenset({"no", "nunca", "ningún", "ninguna", "jamás"}),
    "fr": frozenset({"ne", "n'", "n’", "pas", "jamais", "aucun", "aucune"}),
    "de": frozenset({"nicht", "kein", "keine", "keinen", "keiner", "nie", "niemals"}),
    "it": frozenset({"non", "mai", "nessun", "nessuno", "nessuna"}),
    "pt": frozenset({"não", "nunca", "nenhum", "nenhuma", "jamais"}),
    "nl": frozenset({"niet", "geen", "nooit"}),
    "ru": frozenset({"не", "нет", "никогда", "ни"}),
    "vi": frozenset({"không", "chưa", "chẳng", "không hề"}),
}
"""Words that negate the clause they stand in."""

DENIAL: Final[dict[str, frozenset[str]]] = {
    "es": words(
        "niega niegan negó negaron negado negada negando negaba negaban desmiente desmienten "
        "desmintió desmintieron desmentido desmentida desmintiendo"
    ),
    "fr": words(
        "nie nient nié niée niés niait niaient dément démentent démenti démentie démentait "
        "conteste contestent contesté contestait"
    ),
    "de": words(
        "bestritt bestreitet bestritten bestreiten dementierte dementiert dementieren "
        "dementierten zurückgewiesen"
    ),
    "it": words(
        "nega negano negato negata negava negavano smentisce smentiscono smentito smentita smentiva"
    ),
    "pt": words(
        "nega negam negou negaram negado negada negando desmente desmentem desmentiu "
        "desmentiram desmentido desmentida"
    ),
    "nl": words("ontkent ontkende ontkenden ontkennen ontkend"),
    "ru": words(
        "опроверг опровергла опровергло опровергли опровергает опровергают отрицает отрицают "
        "отрицал отрицала отрицало отрицали отверг отвергла отвергло отвергли отвергает "
        "отвергают"
    ),
    "vi": frozenset({"bác bỏ", "phủ nhận", "bác tin", "phủ định"}),
}
"""Verbs that deny what follows them, in the forms news writes them (present singular and
plural, past, participle)."""

DENIAL_SPLIT: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "de": (("wies", "zurück"), ("weist", "zurück"), ("wiesen", "zurück")),
    "nl": (("sprak", "tegen"), ("spreekt", "tegen")),
}
"""Separable denial verbs: the particle comes later in the clause ("wies die Berichte zurück")."""

HEDGES: Final[dict[str, frozenset[str]]] = {
    "es": frozenset({"podría", "podrían", "posiblemente", "probablemente", "al parecer",
                     "presuntamente", "supuestamente", "quizá", "quizás", "habría", "habrían",
                     "sería", "serían"}),
    "fr": frozenset({"pourrait", "pourraient", "probablement", "peut-être", "aurait",
                     "auraient", "présumé", "présumée", "apparemment", "serait", "seraient"}),
    "de": frozenset({"könnte", "könnten", "möglicherweise", "vermutlich", "wahrscheinlich",
                     "soll", "sollen", "angeblich", "mutmaßlich", "offenbar"}),
    "it": frozenset({"potrebbe", "potrebbero", "forse", "probabilmente", "presunto",
                     "presunta", "sarebbe", "sarebbero", "avrebbe", "avrebbero"}),
    "pt": frozenset({"poderia", "poderiam", "possivelmente", "provavelmente", "talvez",
                     "supostamente", "alegadamente", "teria", "teriam"}),
    "nl": frozenset({"zou", "zouden", "mogelijk", "waarschijnlijk", "vermoedelijk",
                     "misschien"}),
    "ru": frozenset({"может", "могут", "возможно", "вероятно", "предположительно", "якобы",
                     "по-видимому"}),
    "vi": frozenset({"có thể", "có lẽ", "dường như", "được cho là", "nghi là"}),
}  # fmt: skip
"""Words that put a clause as possible or reported-not-known (modal verbs, the French and
Italian conditional of reported news: "aurait tué", "avrebbe ucciso")."""

CONDITION: Final[dict[str, frozenset[str]]] = {
    "es": frozenset({"si"}), "fr": frozenset({"si", "s'il", "s’il"}),
    "de": frozenset({"wenn", "falls"}), "it": frozenset({"se", "qualora"}),
    "pt": frozenset({"se", "caso"}), "nl": frozenset({"als", "indien"}),
    "ru": frozenset({"если"}), "vi": frozenset({"nếu"}),
}  # fmt: skip
"""Words that open a condition (read at a clause's start, or after a complementiser: Italian
and Portuguese "se" is also a pronoun inside a clause)."""

CONJUNCTIONS: Final[dict[str, frozenset[str]]] = {
    "es": frozenset({"y", "e", "o", "pero"}), "fr": frozenset({"et", "ou", "mais"}),
    "de": frozenset({"und", "oder", "aber", "sowie"}), "it": frozenset({"e", "ed", "o", "ma"}),
    "pt": frozenset({"e", "ou", "mas"}), "nl": frozenset({"en", "of", "maar"}),
    "ru": frozenset({"и", "а", "но", "или"}), "vi": frozenset({"và", "còn", "nhưng", "hoặc"}),
}  # fmt: skip
"""Words that join two clauses or two counted phrases ("12 muertos y 80 heridos")."""

HONORIFICS: Final[dict[str, frozenset[str]]] = {
    "es": frozenset({"señor", "señora", "don", "doña", "sr.", "sra."}),
    "fr": frozenset({"m.", "mme", "mlle", "monsieur", "madame"}),
    "de": frozenset({"herr", "frau"}), "it": frozenset({"signor", "signora", "sig.", "sig.ra"}),
    "pt": frozenset({"senhor", "senhora", "dom", "dona", "sr.", "sra."}),
    "nl": frozenset({"meneer", "mevrouw", "dhr.", "mevr."}),
    "ru": frozenset({"господин", "госпожа"}),
    "vi": frozenset({"ông", "bà", "anh", "chị", "cô", "chú"}),
}  # fmt: skip
"""Words that put a person's name after them ("bà Nguyễn Thị Hương", "M. Dupont"): in
Vietnamese, where titles are capitalised too, the surest mark of who a person is."""


@functools.lru_cache(maxsize=16)
def calendar_words(language: str | None) -> frozenset[str]:
    """The month and weekday words of ``language``, folded ("martes", "oktober"): a capitalised
    one is a date, not a name. Vietnamese names its weekdays by number ("thứ Ba", "thứ Năm"),
    words that are parts of names too ("Việt Nam"): they are told by the "thứ" before them, not
    listed here."""
    from storyweave.entities.names import fold

    lang = primary(language or "")
    if lang == "vi":
        return frozenset()
    forms = [*MONTH_NAMES.get(lang, ()), *WEEKDAYS.get(lang, ())]
    return frozenset(fold(f) for entry in forms for f in entry.split("|") if " " not in f)


def calendar_run(text: str, start: int, run: str, language: str | None) -> bool:
    """Whether the capitalised ``run`` at ``start`` in ``text`` is a day or a month, not a name:
    its words are all calendar words of the language ("Martes", "Oktober"), or Vietnamese
    "thứ" stands before it ("thứ Ba")."""
    from storyweave.entities.names import fold

    words = calendar_words(language)
    if all(fold(w) in words for w in run.split()):
        return True
    return text[max(0, start - 4) : start].lower() == "thứ "
