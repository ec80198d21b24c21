import PageModel

/// Each language's function words (articles, pronouns, prepositions, conjunctions, auxiliary
/// and modal verbs, the commonest adverbs), written for this project: a key phrase neither
/// starts nor ends with one, and entity and quote finders skip them. Held as hashes of the
/// lower-cased words (`TextWords.Word.key`). Languages without a list fall back on length and
/// frequency (`KeywordExtractor`).
enum FunctionWords {
    /// The list for `language` (ISO 639-1); nil when there is none.
    static func of(_ language: String?) -> WordSet? {
        guard let language else { return nil }
        return byLanguage[language]
    }

    private static let byLanguage: [String: WordSet] = [
        "en": WordSet(english), "fr": WordSet(french), "de": WordSet(german), "es": WordSet(spanish),
        "it": WordSet(italian), "pt": WordSet(portuguese), "nl": WordSet(dutch), "ru": WordSet(russian),
    ]

    static let english = """
        a about above according across after afterwards again against ago all almost alone along already also \
        although always am among amongst an and another any anyone anything anyway anywhere are around as at \
        back be became because become becomes been before behind being below beside besides between beyond \
        both but by can cannot could did do does doing done down during each either else elsewhere enough even \
        ever every everyone everything everywhere except few first for former formerly from further get gets \
        got had has have having he hence her here hers herself him himself his how however i if in indeed \
        instead into is it its itself just last later least less let like made make makes many may me meanwhile \
        might mine more moreover most mostly much must my myself near nearly neither never nevertheless new next \
        no nobody none nor not nothing now nowhere of off often on once one only onto or other others otherwise \
        our ours ourselves out over own per perhaps please put quite rather really said same say says see seem \
        seemed seems several she should since so some somehow someone something sometime sometimes somewhere \
        still such than that the their theirs them themselves then there thereby therefore these they this \
        those though through throughout thus to together too toward towards two under until up upon us used \
        very via was we well were what whatever when whenever where whereas wherever whether which while who \
        whoever whole whom whose why will with within without would yet you your yours yourself yourselves \
        also don doesn didn isn aren wasn weren won wouldn couldn shouldn ve ll re mr mrs ms dr told tell \
        told asked according year years time times day days week weeks month months today yesterday tomorrow
        """

    static let french = """
        a à afin ai aie aient ait alors as au aucun aucune aujourd auprès aussi autre autres aux avaient avais \
        avait avant avec avez avoir avons ayant bien c ça car ce ceci cela celle celles celui cependant certain \
        certaine certains ces cet cette ceux chaque chez ci comme comment contre d dans de depuis des dès deux \
        donc dont du durant elle elles en encore entre es est et étaient étais était été être eu eux fait faire \
        fois font hier il ils j je jusqu l la là le les leur leurs lors lorsque lui m ma mais me même mêmes \
        mes moi moins mon n ne ni non nos notre nous on ont ou où par parce pas pendant peu peut peuvent plus \
        plusieurs pour pourquoi pourrait presque puis qu quand que quel quelle quelles quels qui quoi s sa sans \
        se selon ses si sien sienne soi soit son sont sous sur t ta tandis tant te tel telle tels tes toi ton \
        tous tout toute toutes très tu un une vers via voici voilà vos votre vous y an ans année années jour \
        jours mois semaine aurait avaient serait seront sera sont déjà ainsi après avant cet dit déclaré \
        aussi toujours jamais rien autant environ fut furent aura auront ceux celles quelque quelques
        """

    static let german = """
        aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf \
        aus bei beim bin bis bist da dabei dadurch dafür dagegen damit dann daran darauf darf darum das dass \
        davon dazu dem den denen denn der deren des deshalb dessen die dies diese diesem diesen dieser dieses \
        doch dort du durch ein eine einem einen einer eines einige einigen er es etwa etwas euch euer für gab \
        gegen gewesen habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer \
        im immer in ins ist ja jede jedem jeden jeder jedes jedoch jetzt kann kein keine keinem keinen keiner \
        können könnte machen man manche mehr mein meine mich mir mit muss musste nach nicht nichts noch nun nur \
        ob oder ohne schon sehr sei seid sein seine seinem seinen seiner seit sich sie sind so solche soll \
        sollte sondern sowie über um und uns unser unsere unter viel vom von vor während war waren warum was \
        weil weiter welche welchem welchen welcher wenn wer werde werden wie wieder will wir wird wo wurde \
        wurden zu zum zur zwar zwischen jahr jahre jahren tag tage heute gestern sagte sagt erklärte laut \
        bereits rund mal ab beim seit sowie wegen
        """

    static let spanish = """
        a al algo algunas algunos ante antes aquel aquella aquellas aquellos aquí así aún cada casi como con \
        contra cual cuales cualquier cuando cuanto de del desde donde dos durante e el él ella ellas ellos en \
        entre era eran es esa esas ese eso esos esta está están estaba estaban estar este esto estos fue fueron \
        ha había habían han hasta hay hoy la las le les lo los más me mi mientras mis mucho muy nada ni no \
        nos nosotros o otra otras otro otros para pero poco por porque que qué quien quienes se sea según ser \
        si sí siempre sin sino sobre son su sus también tan tanto te tiene tienen todo todos tras tu tus un \
        una unas uno unos usted ya año años día días mes semana ayer dijo afirmó aseguró sido será serán puede \
        pueden hacer hace hizo cuya cuyo vez veces además donde
        """

    static let italian = """
        a ad agli ai al alla alle allo anche ancora avere aveva avevano c che chi ci come con contro cui da \
        dagli dai dal dalla dalle dallo degli dei del della delle dello di dopo dove e è ed era erano essere \
        fa fino fra gli già ha hanno ho i il in io la le lei li lo loro lui ma mai me mentre mi molto ne nei \
        nel nella nelle nello no noi non nostro o ogni oggi ora per perché più poi può quale quali quando \
        quanto quella quelle quelli quello questa queste questi questo qui se sei senza si sia siamo sono \
        sopra sotto stata stati stato su sua sue sugli sui sul sulla sulle suo suoi tra tutti tutto tutta \
        tutte un una uno vi voi anno anni giorno giorni ieri detto ha dichiarato secondo essere stata sarà \
        saranno può possono fare fatto così cosa dell all sull nell dall coll quell
        """

    static let portuguese = """
        a à ao aos aquela aquelas aquele aqueles as às até com como contra da das de dela dele deles depois \
        do dos e é ela elas ele eles em entre era eram essa essas esse esses esta está estão estava este estes \
        eu foi foram há isso isto já la lhe lhes mais mas me mesmo meu minha muito na nas não nem no nos nós \
        num numa o os ou para pela pelas pelo pelos por porque quais qual quando que quem se sem ser será seu \
        seus sua suas também te tem têm ter todos todo toda todas tu um uma umas uns você vocês vez ano anos \
        dia dias ontem hoje disse afirmou segundo sobre ainda onde pode podem fazer feito sido ser são seria
        """

    static let dutch = """
        aan al alle alles als altijd ander andere ben bij dan dat de der deze die dit doch doen door dus een \
        eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja \
        je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons \
        ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen \
        wie wij wil worden wordt zal ze zelf zich zij zijn zo zonder zou jaar jaren dag dagen gisteren vandaag \
        zei zegt volgens tussen ongeveer sinds echter zoals waar waarin
        """

    static let russian = """
        а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его \
        ее её если есть еще ещё же за и из или им их к как ко когда кто ли либо мне может мы на над надо наш не \
        него нее неё нет ни них но ну о об однако он она они оно от очень по под после при про с со так также \
        такой там те тем то того тоже той только том ты у уже хотя чего чей чем что чтобы чье эта эти это этот \
        я год года году лет день дня вчера сегодня заявил сказал сообщил отметил словам между который которая \
        которые которых котором будет будут может могут свой своей своих себя сам сама
        """
}

/// A set of words given as a list separated by white space, looked up by the hash of a word's
/// lower-cased scalars (`TextWords.Word.key`): for every new term of every page, a table of
/// hashes, not a `Set`.
struct WordSet: Sendable {
    private let hashes: KeyIndex

    init(_ list: String) {
        let words = list.split(whereSeparator: \.isWhitespace)
        let hashes = KeyIndex(capacity: words.count)
        for word in words { _ = hashes.number(of: TextMeasures.fnv1a(scalars: word.lowercased().unicodeScalars)) }
        self.hashes = hashes
    }

    func contains(_ key: UInt64) -> Bool { hashes.find(key) != nil }
}
