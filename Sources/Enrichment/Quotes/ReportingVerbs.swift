/// The words that report speech in the languages pagemill reads, written for this project:
/// verbs of saying in their common reported forms, the nouns of what was said ("statement",
/// "réponse"), and the "according to" words whose speaker comes after them.
enum ReportingVerbs {
    /// Pronouns that stand for the last person named ("he said", "a-t-il ajouté").
    static let pronouns = WordSet(
        "he she they i we il elle ils elles a-t-il a-t-elle dit-il dit-elle er sie él ella ellos lui lei loro ele ela "
            + "eles elas hij zij ze он она они")

    static let accordingTo = WordSet("according selon laut según segundo secondo volgens aldus словам")

    static let verbs = WordSet(
        """
        said says say told tells tell added adds stated states asked asks warned warns wrote writes explained \
        explains insisted insists noted notes claimed claims declared declares announced announces replied \
        replies argued argues recalled recalls admitted admits acknowledged confirmed confirms denied denies \
        urged urges stressed stresses according answered responded continued concluded \
        suggested promised vowed conceded \
        déclaré dit dit-il dit-elle affirmé ajouté souligné expliqué estimé assuré indiqué précisé rappelé \
        prévenu averti écrit confié répondu lancé martelé insisté déclare affirme ajoute souligne explique \
        estime assure indique précise rappelle selon affirmant déclarant rappelant soulignant expliquant \
        ajoutant estimant assurant indiquant précisant prévenant poursuivi conclu demandé reconnu regretté \
        dénoncé jugé \
        sagte sagt sagten erklärte erklärt betonte betont meinte meint schrieb fügte warnte warnt laut \
        fragte antwortete ergänzte kritisierte forderte versicherte \
        dijo dice afirmó afirma declaró declara aseguró asegura explicó explica añadió agregó indicó señaló \
        advirtió según respondió preguntó comentó sostuvo insistió reconoció subrayó apuntó destacó manifestó \
        disse diz afirmou declarou explicou acrescentou garantiu segundo respondeu perguntou comentou \
        ressaltou destacou lembrou alertou admitiu \
        detto dichiarato affermato spiegato aggiunto sottolineato ribadito avvertito secondo dice afferma \
        risposto chiesto commentato osservato ammesso precisato \
        zei zegt verklaarde verklaart stelde benadrukte volgens aldus vroeg antwoordde \
        заявил заявила заявили сказал сказала сказали сообщил сообщила отметил отметила подчеркнул \
        подчеркнула добавил добавила пояснил пояснила словам ответил ответила спросил спросила признал \
        признала предупредил предупредила \
        statement remarks comments answer reply response message \
        réponse déclaration propos message réplique \
        erklärung antwort botschaft \
        declaración respuesta mensaje \
        dichiarazione risposta messaggio \
        declaração resposta mensagem \
        verklaring antwoord boodschap \
        заявление ответ слова
        """)
}
