/// The words dates are written with: month names in some thirty languages (with the declined
/// forms Slavic, Baltic, Greek and Finnish dates use), time-zone names, and the small words that
/// sit between a date's parts ("de", "of", "um", "à", "г.").
enum DateVocabulary {
    /// Month names by language, January first; several spellings of one month are separated by
    /// "|". Abbreviations need no entry: a token of three letters or more that begins exactly
    /// one month's names is that month ("Sept", "févr", "Okt", "сент").
    static let months: [String: [String]] = [
        "en": [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ],
        "fr": [
            "janvier", "février|fevrier", "mars", "avril", "mai", "juin", "juillet", "août|aout", "septembre",
            "octobre", "novembre", "décembre|decembre",
        ],
        "de": [
            "januar|jänner", "februar|feber", "märz|maerz", "april", "mai", "juni", "juli", "august", "september",
            "oktober", "november", "dezember",
        ],
        "es": [
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre|setiembre",
            "octubre", "noviembre", "diciembre",
        ],
        "it": [
            "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
            "ottobre", "novembre", "dicembre",
        ],
        "pt": [
            "janeiro", "fevereiro", "março|marco", "abril", "maio", "junho", "julho", "agosto", "setembro",
            "outubro", "novembro", "dezembro",
        ],
        "nl": [
            "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december",
        ],
        "ca": [
            "gener", "febrer", "març", "abril", "maig", "juny", "juliol", "agost", "setembre", "octubre",
            "novembre", "desembre",
        ],
        "ro": [
            "ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
            "octombrie", "noiembrie", "decembrie",
        ],
        "sv": [
            "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
            "november", "december",
        ],
        "da": [
            "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
            "november", "december",
        ],
        "no": [
            "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
            "november", "desember",
        ],
        "fi": [
            "tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu", "elokuu",
            "syyskuu", "lokakuu", "marraskuu", "joulukuu",
        ],
        "et": [
            "jaanuar", "veebruar", "märts", "aprill", "mai", "juuni", "juuli", "august", "september", "oktoober",
            "november", "detsember",
        ],
        "pl": [
            "styczeń|stycznia", "luty|lutego", "marzec|marca", "kwiecień|kwietnia", "maj|maja",
            "czerwiec|czerwca", "lipiec|lipca", "sierpień|sierpnia", "wrzesień|września",
            "październik|października", "listopad|listopada", "grudzień|grudnia",
        ],
        "cs": [
            "leden|ledna", "únor|února", "březen|března", "duben|dubna", "květen|května", "červen|června",
            "červenec|července", "srpen|srpna", "září", "říjen|října", "listopad|listopadu", "prosinec|prosince",
        ],
        "sk": [
            "január|januára", "február|februára", "marec|marca", "apríl|apríla", "máj|mája", "jún|júna",
            "júl|júla", "august|augusta", "september|septembra", "október|októbra", "november|novembra",
            "december|decembra",
        ],
        "hu": [
            "január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember",
            "október", "november", "december",
        ],
        "hr": [
            "siječanj|siječnja", "veljača|veljače", "ožujak|ožujka", "travanj|travnja", "svibanj|svibnja",
            "lipanj|lipnja", "srpanj|srpnja", "kolovoz|kolovoza", "rujan|rujna", "listopad|listopada",
            "studeni|studenoga", "prosinac|prosinca",
        ],
        "sl": [
            "januar", "februar", "marec", "april", "maj", "junij", "julij", "avgust", "september", "oktober",
            "november", "december",
        ],
        "sr": [
            "јануар|januar", "фебруар|februar", "март|mart", "април|april", "мај|maj", "јун|jun", "јул|jul",
            "август|avgust", "септембар|septembar", "октобар|oktobar", "новембар|novembar", "децембар|decembar",
        ],
        "lt": [
            "sausio|sausis", "vasario|vasaris", "kovo|kovas", "balandžio|balandis", "gegužės|gegužė",
            "birželio|birželis", "liepos|liepa", "rugpjūčio|rugpjūtis", "rugsėjo|rugsėjis", "spalio|spalis",
            "lapkričio|lapkritis", "gruodžio|gruodis",
        ],
        "lv": [
            "janvāris|janvārī", "februāris|februārī", "marts|martā", "aprīlis|aprīlī", "maijs|maijā",
            "jūnijs|jūnijā", "jūlijs|jūlijā", "augusts|augustā", "septembris|septembrī", "oktobris|oktobrī",
            "novembris|novembrī", "decembris|decembrī",
        ],
        "tr": [
            "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım",
            "aralık",
        ],
        "id": [
            "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
            "november", "desember",
        ],
        "ms": [
            "januari", "februari", "mac", "april", "mei", "jun", "julai", "ogos", "september", "oktober",
            "november", "disember",
        ],
        "ru": [
            "январь|января", "февраль|февраля", "март|марта", "апрель|апреля", "май|мая", "июнь|июня",
            "июль|июля", "август|августа", "сентябрь|сентября", "октябрь|октября", "ноябрь|ноября",
            "декабрь|декабря",
        ],
        "uk": [
            "січень|січня", "лютий|лютого", "березень|березня", "квітень|квітня", "травень|травня",
            "червень|червня", "липень|липня", "серпень|серпня", "вересень|вересня", "жовтень|жовтня",
            "листопад|листопада", "грудень|грудня",
        ],
        "bg": [
            "януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври",
            "ноември", "декември",
        ],
        "el": [
            "ιανουαρίου|ιανουάριος|ιανουαριου", "φεβρουαρίου|φεβρουάριος|φεβρουαριου",
            "μαρτίου|μάρτιος|μαρτιου", "απριλίου|απρίλιος|απριλιου", "μαΐου|μάιος|μαιου",
            "ιουνίου|ιούνιος|ιουνιου", "ιουλίου|ιούλιος|ιουλιου", "αυγούστου|αύγουστος|αυγουστου",
            "σεπτεμβρίου|σεπτέμβριος|σεπτεμβριου", "οκτωβρίου|οκτώβριος|οκτωβριου",
            "νοεμβρίου|νοέμβριος|νοεμβριου", "δεκεμβρίου|δεκέμβριος|δεκεμβριου",
        ],
        "ar": [
            "يناير", "فبراير|شباط", "مارس|آذار", "أبريل|ابريل|نيسان", "مايو|أيار", "يونيو|حزيران",
            "يوليو|تموز", "أغسطس|اغسطس|آب", "سبتمبر|أيلول", "أكتوبر|اكتوبر", "نوفمبر",
            "ديسمبر",
        ],
        "fa": [
            "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر",
            "دسامبر",
        ],
        "he": [
            "ינואר", "פברואר", "מרץ|מרס", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר",
            "נובמבר", "דצמבר",
        ],
        "hi": [
            "जनवरी", "फ़रवरी|फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर|सितम्बर",
            "अक्टूबर|अक्तूबर", "नवंबर|नवम्बर", "दिसंबर|दिसम्बर",
        ],
        "th": [
            "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
            "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
        ],
    ]

    /// Small words that sit between a date's parts, or between a date and its time, in the
    /// languages above: skipped when a date is read.
    static let fillers: Set<String> = [
        "de", "del", "of", "the", "den", "der", "di", "du", "le", "el", "la", "d", "m", "r", "g", "god", "goda",
        "года", "г", "р", "року", "roku", "år", "o", "at", "à", "a", "às", "um", "om", "kl", "klo", "alle", "ore",
        "в", "о", "у", "lúc", "saat", "godz", "t", "on", "am", "ngày", "năm", "e", "și", "uhr", "h", "hod",
        "óra", "val", "kello", "il", "ב", "في", "published", "updated", "las", "los", "hrs", "hs", "ás",
    ]

    /// Time zones named by their abbreviation, as offsets in minutes. Only the unambiguous
    /// ones: "IST" (India, Ireland, Israel) and "CST" (China, US Central) are left out.
    static let zones: [String: Int] = [
        "z": 0, "utc": 0, "gmt": 0, "ut": 0, "wet": 0, "west": 60, "bst": 60, "cet": 60, "cest": 120, "met": 60,
        "mest": 120, "eet": 120, "eest": 180, "msk": 180, "est": -300, "edt": -240, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600, "jst": 540, "kst": 540,
        "hkt": 480, "sgt": 480, "aest": 600, "aedt": 660, "acst": 570, "awst": 480, "nzst": 720, "nzdt": 780,
        "wib": 420, "wita": 480, "wit": 540, "pht": 480, "ict": 420,
    ]

    /// Words that say a time is after noon, or before it.
    static let afternoon: Set<String> = ["pm", "p.m", "nachm", "下午", "午後", "오후", "tarde", "soir"]
    static let morning: Set<String> = ["am", "a.m", "vorm", "上午", "午前", "오전", "matin", "manhã", "mañana"]

    /// The markers of Chinese, Japanese and Korean dates and times, each its own token.
    static func cjkMarker(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "年", "년": "year"
        case "月", "월": "month"
        case "日", "일", "号": "day"
        case "時", "时", "시": "hour"
        case "分", "분": "minute"
        case "秒", "초": "second"
        default: nil
        }
    }

    /// Languages that write a numeric date month first (`9/12/2023`): US English and Filipino.
    static let monthFirst: Set<String> = ["en-us", "en_us", "fil", "tl", "en-ph", "en_ph"]

    /// Every spelling of every month, with its number and language, by its first three
    /// characters: a word is looked up among the spellings that begin as it does.
    private static let formsByPrefix: [String: [(form: String, month: Int, language: String)]] = {
        var table: [String: [(form: String, month: Int, language: String)]] = [:]
        for (language, names) in months {
            for (index, spellings) in names.enumerated() {
                for spelling in spellings.split(separator: "|") {
                    table[String(spelling.prefix(3)), default: []].append((String(spelling), index + 1, language))
                }
            }
        }
        return table
    }()

    /// The month `word` names (lower-cased): in `language` when it is known and names one
    /// there, else the month most languages read it as; nil when it names none, or two months
    /// equally often.
    static func month(_ word: String, language: String?) -> Int? {
        guard word.count >= 3, let entries = formsByPrefix[String(word.prefix(3))] else { return nil }
        let matching = entries.filter { matches(word, $0.form) }
        let exact = matching.filter { $0.form == word }
        let best = exact.isEmpty ? matching : exact
        if let language {
            let inLanguage = best.filter { $0.language == language }
            if !inLanguage.isEmpty { return majority(inLanguage.map(\.month)) }
        }
        return majority(best.map(\.month))
    }

    /// The month most readings give ("mar" is March in a dozen languages, November in
    /// Finnish); nil on a tie.
    private static func majority(_ months: [Int]) -> Int? {
        var counts: [Int: Int] = [:]
        for month in months { counts[month, default: 0] += 1 }
        let ranked = counts.sorted { $0.value > $1.value }
        guard let first = ranked.first, ranked.count == 1 || ranked[1].value < first.value else { return nil }
        return first.key
    }

    /// Whether `word` is `form`, an abbreviation of it (three letters or more), or `form`
    /// declined (a suffix of up to three letters after five or more, as Finnish "syyskuuta").
    private static func matches(_ word: String, _ form: String) -> Bool {
        if word == form { return true }
        if form.hasPrefix(word) { return true }
        return form.count >= 5 && word.hasPrefix(form) && word.count <= form.count + 3
    }
}
