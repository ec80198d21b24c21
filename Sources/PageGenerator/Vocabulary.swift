/// Words and phrases, per language, that synthetic pages are written with.
struct Vocabulary: Sendable {
    let language: String
    let words: [String]
    let readMore: String
    let share: [String]
    let cookie: String
    let comment: String

    /// The words of `text`, split at white space.
    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    static let all: [Vocabulary] = [
        Vocabulary(
            language: "en",
            words: Self.words(
                """
                the of and to in is that it was for on are with as his they be at one have this from or had by but
                not what all were we when your can said there use an each which she do how their if will up other
                about out many then them these so some her would make like him into time has look two more write go
                see number no way could people my than first water been call who oil its now find long down day did
                get come made may part over new sound take only little work know place year live me back give most
                very after thing our just name good sentence man think say great where help through much before line
                right too mean old any same tell boy follow came want show also around form three small set put end
                does another well large must big even such because turn here why ask went men read need land
                different home us move try kind hand picture again change off play spell air away animal house point
                page letter mother answer found study still learn should world high
                """),
            readMore: "Read more:", share: ["Facebook", "Twitter", "LinkedIn", "Pinterest"],
            cookie: "We use cookies to improve your experience. By continuing you accept our cookie policy.",
            comment: "Leave a Comment"
        ),
        Vocabulary(
            language: "fr",
            words: Self.words(
                """
                le la les de des et est un une du que qui dans pour pas sur au avec ce il elle sont par plus ont aux
                mais nous été cette leur entre deux pays président rencontre ville gouvernement année travail monde
                temps jour homme femme enfants vie histoire partie fois moment projet accord guerre paix économie
                marché politique ministre semaine dernier premier grand petit nouveau public service santé école
                région place problème question raison selon aussi encore toujours déjà après avant depuis pendant
                contre sans sous
                """),
            readMore: "Lire aussi", share: ["Facebook", "Twitter", "LinkedIn", "WhatsApp"],
            cookie: "Nous utilisons des cookies pour améliorer votre expérience sur notre site.",
            comment: "Laisser un commentaire"
        ),
        Vocabulary(
            language: "de",
            words: Self.words(
                """
                der die das und ist nicht ein eine zu den mit sich auf für von dem des im auch es wird sie wir aus
                bei nach wie oder sind Jahr Stadt Regierung Menschen Zeit Land Arbeit Geschichte Woche Markt Politik
                Minister Schule Frage Welt Leben Kinder Haus Wasser neue große kleine erste letzte heute immer schon
                wieder noch sehr viel mehr gegen ohne unter zwischen während seit
                """),
            readMore: "Lesen Sie auch:", share: ["Facebook", "Twitter", "Xing", "E-Mail"],
            cookie: "Wir verwenden Cookies, um Ihnen das beste Erlebnis auf unserer Website zu bieten.",
            comment: "Kommentar schreiben"
        ),
        Vocabulary(
            language: "es",
            words: Self.words(
                """
                el la los las de del y que en un una es por con para se no su al lo como más pero sus le ha este
                esta fue son año ciudad gobierno personas tiempo país trabajo historia semana mercado política
                ministro escuela pregunta mundo vida niños casa agua nuevo grande pequeño primero último hoy siempre
                ya otra vez muy mucho contra sin entre durante desde
                """),
            readMore: "Lee también:", share: ["Facebook", "Twitter", "WhatsApp", "Telegram"],
            cookie: "Utilizamos cookies para mejorar su experiencia en nuestro sitio web.",
            comment: "Deja un comentario"
        ),
        Vocabulary(
            language: "it",
            words: Self.words(
                """
                il la di che è e un una per non sono del della con si da gli le nel alla anche come più ma questo
                dei delle lo ha essere anno città governo persone tempo paese lavoro storia settimana mercato
                politica ministro scuola domanda mondo vita bambini casa acqua nuovo grande piccolo primo ultimo
                oggi sempre già ancora molto contro senza tra durante
                """),
            readMore: "Leggi anche:", share: ["Facebook", "Twitter", "WhatsApp", "LinkedIn"],
            cookie: "Utilizziamo i cookie per migliorare la tua esperienza sul nostro sito.",
            comment: "Lascia un commento"
        ),
    ]
}
