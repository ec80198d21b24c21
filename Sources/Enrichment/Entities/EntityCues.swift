/// The words around and inside names that tell what a name is, in the languages pagemill reads
/// (English, French, German, Spanish, Italian, Portuguese, Dutch, Russian), written for this
/// project: one list a cue, every language in it (a word rarely means a name's kind in one
/// language and something else in another).
enum EntityCues {
    /// Titles, offices and roles before a person's name ("President", "porte-parole", "Kanzlerin").
    static let titles = WordSet(
        """
        president vice-president minister prime premier chancellor spokesman spokeswoman spokesperson senator \
        governor mayor king queen prince princess pope general colonel captain secretary leader chief director \
        chair chairman chairwoman ceo cfo founder coach judge ambassador mr mrs ms miss dr prof sir lord lady dame saint st \
        counterpart deputy envoy commander lieutenant sergeant officer analyst professor author actor actress \
        singer player striker goalkeeper manager editor reporter journalist economist expert candidate rival \
        président présidente ministre porte-parole chancelier chancelière sénateur maire roi reine pape général \
        secrétaire dirigeant dirigeante chef directeur directrice homologue ambassadeur m mme mlle monsieur madame \
        député juge entraîneur joueur acteur actrice chanteur chanteuse auteur fondateur patron \
        präsident präsidentin minister ministerin kanzler kanzlerin sprecher sprecherin bürgermeister herr frau \
        könig königin papst trainer chef chefin direktor direktorin botschafter abgeordnete bürgermeisterin \
        bundeskanzler bundeskanzlerin bundespräsident bundespräsidentin ministerpräsident ministerpräsidentin \
        außenminister außenministerin vertreter vertreterin regierungssprecher \
        presidente ministro ministra portavoz canciller alcalde alcaldesa rey reina papa señor señora sr sra don \
        doña secretario secretaria director directora entrenador jugador embajador diputado \
        portavoce sindaco signor signora dottor dott premier allenatore giocatore ambasciatore segretario \
        porta-voz prefeito prefeita senhor senhora governador técnico treinador jogador embaixador senador \
        senadora deputado deputada vereador vereadora presidenta \
        woordvoerder burgemeester meneer mevrouw koning koningin voorzitter trainer \
        президент министр премьер премьер-министр глава представитель пресс-секретарь господин госпожа лидер \
        канцлер мэр губернатор генерал директор посол
        """)

    /// Words inside an organisation's name ("Ministry", "Conseil", "Partei", "GmbH").
    static let organizationWords = WordSet(
        """
        ministry department council party committee commission agency bank university institute company \
        corporation corp inc ltd llc plc group association union federation foundation organization \
        organisation office court parliament congress senate army navy police fund authority board club \
        league airlines airways news times post press television radio network school college hospital \
        church cabinet government administration service services bureau court tribunal \
        ministère département conseil parti comité commission agence banque université institut société \
        groupe fédération fondation cour parlement assemblée sénat armée gouvernement tribunal \
        ministerium partei rat ausschuss kommission agentur universität gesellschaft gruppe verband \
        stiftung bundestag regierung gericht ag gmbh \
        ministerio partido consejo comisión agencia banco universidad instituto empresa grupo asociación \
        fundación gobierno tribunal \
        ministero partito consiglio comitato commissione agenzia banca università istituto gruppo governo \
        ministério conselho comissão agência universidade governo \
        ministerie partij raad commissie universiteit regering \
        министерство партия совет комитет комиссия агентство банк университет правительство суд
        """)

    /// Nouns before a place's name ("the city of", "le cosmodrome de", "die Stadt").
    static let placeWords = WordSet(
        """
        city town village province region state county district river mount mountain lake island capital \
        port airport cosmodrome border coast valley \
        ville village région province fleuve rivière mont lac île capitale cosmodrome frontière côte \
        stadt dorf provinz fluss see insel hauptstadt \
        ciudad pueblo provincia río isla capital \
        città paese provincia fiume isola capitale \
        cidade província rio ilha capital \
        stad dorp provincie rivier eiland hoofdstad \
        город село область река остров столица
        """)

    /// Months and days, capitalised in some languages and never a name.
    static let calendar = WordSet(
        """
        january february march april may june july august september october november december monday \
        tuesday wednesday thursday friday saturday sunday januar februar märz juni juli oktober dezember \
        montag dienstag mittwoch donnerstag freitag samstag sonntag januari februari maart mei augustus \
        maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
        """)

    /// Prepositions before a place ("in Paris", "à Moscou", "nach Berlin", "в Москве").
    static let placePrepositions = WordSet("in à en au aux nach em no na a в во из")

    /// Prepositions before a name that make it the object of a clause, not who acts or speaks.
    static let objectPrepositions = WordSet(
        "to of for with by from about against à au aux de du des avec pour par contre von mit für an zu gegen "
            + "con por para contra a al di con per da dal del della em com por para met voor door tegen "
            + "к от с для о об против у")

    /// Organisations often named without a cue word: international bodies, seats of power.
    static let organizations = """
        UN
        ONU
        NATO
        OTAN
        EU
        UE
        Kremlin
        Pentagon
        White House
        Maison Blanche
        Casa Blanca
        Casa Bianca
        Weißes Haus
        Downing Street
        Élysée
        Bundestag
        Congress
        Congrès
        FBI
        CIA
        IMF
        FMI
        WHO
        OMS
        UNESCO
        UNICEF
        OPEC
        OPEP
        Interpol
        Europol
        Kremlin
        Vatican
        Hamas
        Hezbollah
        Taliban
        Reuters
        AFP
        BBC
        CNN
        Google
        Apple
        Microsoft
        Amazon
        Facebook
        Meta
        Twitter
        Tesla
        ООН
        НАТО
        Кремль
        """
}
