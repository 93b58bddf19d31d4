/// Language profiles as data: the most frequent function words of each language (lower case), and
/// letters that mark a language. Words shared by several languages count for each, split equally.
/// Elided forms are written with their apostrophe (`l'`, `qu'`): they only match before one.
enum LanguageProfiles {
    static let stopwords: [(code: String, words: [String])] = [
        (
            "it",
            [
                "il", "lo", "la", "i", "gli", "a", "da", "in", "o", "ad", "le", "di", "del", "della", "dei", "delle", "dello", "degli",
                "che", "è", "e", "ed",
                "per", "con", "non", "una", "un", "uno", "sono", "nel", "nella", "nei", "alla", "alle", "al", "ai", "dal", "dalla",
                "sul", "sulla", "anche", "come", "più", "ma", "questo", "questa", "ha", "hanno", "essere", "stato", "stata", "tra",
                "fra", "dopo", "gli", "cui", "suo", "sua", "loro", "ci", "si", "mi", "ne", "perché", "quando", "ancora", "già",
                "oggi", "molto", "tutti", "dove", "ho", "era", "su", "dagli", "agli", "sugli", "dai", "sui", "col", "verso",
                "contro", "senza", "sotto", "sopra", "ogni", "molti", "poi", "tutto", "quale", "quali", "chi", "anni", "ieri",
                "secondo", "due", "tre", "nuovo", "nuova", "viene", "fatto", "primo", "prima", "alcuni", "stati", "essere", "nelle",
                "negli", "dell'", "all'", "nell'", "sull'", "dall'", "l'", "d'", "un'", "c'", "quest'", "quell'",
                "però", "essere", "detto", "questi", "quello", "quella", "aveva", "sia", "così", "fa", "solo"
            ]
        ),
        (
            "en",
            [
                "the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "be", "by", "he", "she",
                "at", "from", "his", "her", "are", "have", "has", "had", "an", "they", "this", "which", "or", "not", "but",
                "were", "been", "their", "we", "you", "will", "would", "who", "said", "there", "what", "when", "about", "can",
                "more", "than", "its", "also", "after", "into", "after", "over", "could", "him", "them", "our", "if", "do",
                "does", "did", "these", "those", "because", "out", "up", "all", "just", "should", "being", "how", "where"
            ]
        ),
        (
            "fr",
            [
                "le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "que", "qui", "dans", "pour", "pas", "sur",
                "au", "aux", "avec", "ce", "cette", "il", "elle", "ils", "elles", "ne", "se", "sont", "par", "plus", "mais",
                "nous", "vous", "été", "était", "ont", "avait", "son", "sa", "ses", "leur", "leurs", "ou", "où", "comme",
                "être", "fait", "très", "aussi", "tout", "tous", "même", "après", "lui", "y", "en", "on", "qu'",
                "l'", "d'", "j'", "n'", "s'", "c'", "dont", "ces", "sans", "entre", "déjà", "selon"
            ]
        ),
        (
            "de",
            [
                "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "einem", "einer", "zu", "den", "dem", "des",
                "mit", "von", "sich", "auf", "für", "im", "auch", "es", "an", "als", "wie", "aus", "bei", "nach", "wird",
                "werden", "wurde", "hat", "haben", "sind", "war", "noch", "nur", "oder", "aber", "vor", "zur", "zum", "über",
                "sie", "er", "wir", "ich", "dass", "daß", "kann", "diese", "dieser", "durch", "mehr", "schon", "wenn", "um",
                "ihre", "seine", "gegen", "sein", "vom", "unter", "keine", "man", "so", "hatte", "ihr"
            ]
        ),
        (
            "es",
            [
                "el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "por", "con", "para", "no", "se",
                "su", "sus", "al", "lo", "como", "más", "pero", "fue", "ha", "han", "son", "está", "están", "este", "esta",
                "entre", "sobre", "también", "muy", "ya", "cuando", "todo", "todos", "hay", "sin", "le", "les", "porque",
                "era", "ser", "desde", "hasta", "donde", "nos", "ni", "otro", "otros", "sido", "según", "tiene", "dijo",
                "esto", "eso", "ese", "esa", "estos", "hace", "así", "después", "durante", "puede", "año"
            ]
        ),
        (
            "pt",
            [
                "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "no", "na", "nos", "nas", "um", "uma",
                "para", "por", "com", "não", "se", "mais", "como", "mas", "foi", "ao", "aos", "à", "às", "ele", "ela", "eles",
                "seu", "sua", "seus", "suas", "ou", "ser", "está", "estão", "são", "tem", "têm", "já", "também", "muito",
                "quando", "isso", "isto", "esse", "essa", "este", "esta", "pelo", "pela", "pelos", "entre", "depois",
                "sobre", "sem", "mesmo", "até", "foram", "ainda", "há", "disse", "num", "numa", "onde", "porque", "então"
            ]
        ),
        (
            "nl",
            [
                "de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "zijn", "niet", "met", "voor", "die", "er",
                "aan", "ook", "als", "maar", "om", "bij", "door", "naar", "wordt", "worden", "werd", "heeft", "hebben",
                "was", "waren", "dan", "nog", "wel", "geen", "uit", "over", "tot", "zo", "ze", "hij", "zij", "wij", "we",
                "ik", "je", "u", "deze", "dit", "onze", "hun", "haar", "zich", "kan", "kunnen", "moet", "meer", "al",
                "na", "nu", "omdat", "wat", "wie", "waar", "hoe", "of", "toch", "want", "tegen"
            ]
        ),
        (
            "ro",
            [
                "și", "şi", "de", "la", "în", "în", "a", "al", "ale", "cu", "pe", "din", "pentru", "că", "ca", "este", "sunt",
                "un", "o", "unei", "unui", "nu", "se", "mai", "care", "sau", "dar", "fost", "fi", "au", "a", "ce", "această",
                "acest", "aceasta", "după", "despre", "prin", "până", "între", "lui", "ei", "le", "lor", "ne", "vă", "fără",
                "spre", "când", "cum", "doar", "foarte", "să", "va", "vor", "sub", "deja", "astfel", "încă",
                "acum", "unde", "iar", "însă", "atât", "avea", "are", "față"
            ]
        )
    ]

    /// Word endings typical of a language (a word counts once per language, with the longest match).
    static let endings: [(code: String, weight: Double, suffixes: [String])] = [
        (
            "it", 0.35,
            [
                "zione", "zioni", "mente", "ggi", "cchi", "cche", "gli", "tto", "tti", "tta", "tte", "zza", "zzi", "zzo", "ato",
                "ata", "ati", "ate", "ito", "ita", "iti", "uto", "uta", "are", "ere", "ire", "ano", "ono", "ico", "ica",
                "ici", "iche", "enti", "ente", "ino", "ina", "ini", "llo", "lla", "lli", "sso", "ssa", "ssi", "rre", "oni", "ò", "ù", "ì"
            ]
        ),
        (
            "en", 0.35,
            [
                "tion", "tions", "ing", "ings", "ed", "ly", "ous", "ness", "ment", "ments", "th", "ght", "ck", "ty", "ful",
                "less", "ship", "ward", "wn", "ay", "ey", "ow", "ew"
            ]
        ),
        (
            "fr", 0.35,
            [
                "tion", "tions", "eux", "aux", "ment", "ait", "aient", "ée", "ées", "és", "eau", "eaux", "oir", "ois",
                "oit", "ique", "iques", "ent", "ais", "ère", "ès", "ôt", "ût"
            ]
        ),
        ("de", 0.35, ["ung", "ungen", "sch", "keit", "heit", "lich", "isch", "chen", "cht", "ten", "ern", "tz", "ß", "nd"]),
        (
            "es", 0.35,
            [
                "ción", "ciones", "mente", "ado", "ada", "ados", "adas", "idad", "idades", "ño", "ña", "ños", "ía",
                "ías", "ido", "ida", "idos", "idas", "ar", "er", "os", "as", "aba"
            ]
        ),
        (
            "pt", 0.35,
            [
                "ção", "ções", "mente", "ado", "ada", "ados", "adas", "ão", "ões", "nh", "lh", "dade", "dades", "ém",
                "ou", "am", "os", "as", "ia"
            ]
        ),
        ("nl", 0.35, ["ij", "lijk", "lijke", "heid", "tje", "tjes", "sch", "aa", "ee", "oo", "uu", "en", "ijn", "ouw"]),
        ("ro", 0.35, ["ție", "ții", "ția", "ul", "ului", "ilor", "ește", "ată", "ează", "ații", "ile", "ii", "ă", "ț"])
    ]

    /// Letters that mark a language (each occurrence adds the weight to that language).
    static let markers: [(scalar: UInt32, code: String, weight: Double)] = [
        (0xE8, "it", 0.25), (0xEC, "it", 0.4), (0xF2, "it", 0.4), (0xF9, "it", 0.3), (0xE0, "it", 0.15),
        (0xE9, "fr", 0.15), (0xEA, "fr", 0.4), (0xE2, "fr", 0.2), (0xEE, "fr", 0.2), (0xF4, "fr", 0.3), (0xFB, "fr", 0.4),
        (0xEB, "fr", 0.3), (0xEF, "fr", 0.3), (0x153, "fr", 0.5), (0xE7, "fr", 0.15),
        (0xDF, "de", 0.6), (0xE4, "de", 0.4), (0xF6, "de", 0.4), (0xFC, "de", 0.4),
        (0xF1, "es", 0.6), (0xBF, "es", 0.8), (0xA1, "es", 0.6), (0xED, "es", 0.15), (0xF3, "es", 0.15), (0xFA, "es", 0.1),
        (0xE3, "pt", 0.7), (0xF5, "pt", 0.7), (0xE7, "pt", 0.2), (0xEA, "pt", 0.15), (0xE1, "pt", 0.1),
        (0x0103, "ro", 0.6), (0x0219, "ro", 0.8), (0x021B, "ro", 0.8), (0x015F, "ro", 0.6), (0x0163, "ro", 0.6), (0xEE, "ro", 0.2),
        (0xE2, "ro", 0.15),
        (0x133, "nl", 0.6)
    ]
}
