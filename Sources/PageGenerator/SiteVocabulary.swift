/// What a scraped news site says around its articles, per language: the words of its prose,
/// its teaser leads, share bar, comment form, newsletter box, cookie and copyright lines, bylines
/// and the ways it prints a date. Written for pagemill's test data, in 21 languages.
struct SiteVocabulary: Sendable {
    let language: String
    /// Words prose is made of (a sentence picks from them).
    let words: [String]
    /// Leads of teaser lines pointing at other articles ("Read more:", "ALSO READ |").
    let teasers: [String]
    /// The site's share buttons.
    let share: [String]
    /// A comment form, line by line.
    let comments: [String]
    /// A newsletter box, line by line.
    let newsletter: [String]
    let cookie: String
    let rights: String
    let by: String
    let months: [String]
    /// Date formats: `d` day, `m` month number, `M` month name, `y` year, `H` hour, `h` 12-hour,
    /// `i` minutes, `s` seconds, `p` AM/PM, each in braces.
    let dateFormats: [String]

    static let all: [SiteVocabulary] = SiteVocabulary.western + SiteVocabulary.eastern
}

extension SiteVocabulary {
    static let western: [SiteVocabulary] = [
        SiteVocabulary(
            language: "en",
            words: words(
                """
                government city people report plan market water school health police court week year money \
                family road river council minister company price energy project study workers town bridge \
                said would could after before while because during against between under about new old \
                local public national early late major small large recent higher lower strong quiet
                """),
            teasers: ["Read more:", "ALSO READ |", "Related:", "Recommended for you:", "See also –", "MORE:"],
            share: ["Facebook", "Twitter", "LinkedIn", "WhatsApp", "Email", "Print"],
            comments: [
                "Leave a Reply", "Your email address will not be published. Required fields are marked *", "Comment *",
                "Name *", "Email *", "Website",
                "Save my name, email, and website in this browser for the next time I comment.",
                "Post Comment",
            ],
            newsletter: [
                "Sign up for our newsletter", "Get the best stories in your inbox every morning.", "Subscribe",
            ],
            cookie:
                "This website uses cookies to give you the best experience. By continuing you agree to our use of "
                + "cookies.",
            rights: "© {y} The Daily Courier. All rights reserved.", by: "By",
            months: [
                "January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December",
            ],
            dateFormats: [
                "{M} {d}, {y} at {h}:{i} {p}", "Published {d} {M} {y}, {H}:{i}", "{y}-{m}-{d} {H}:{i}:{s}",
                "Updated: {M} {d}, {y} {h}:{i} {p} ET",
            ]),
        SiteVocabulary(
            language: "fr",
            words: words(
                """
                gouvernement ville habitants rapport projet marché école santé police tribunal semaine année \
                argent famille route rivière conseil ministre entreprise prix énergie étude travailleurs pont \
                selon après avant pendant contre entre sous nouveau ancien local public national grand petit \
                récent dernier premier plusieurs aussi toujours encore
                """),
            teasers: ["Lire aussi", "À lire aussi :", "Voir aussi :", "LIRE AUSSI |", "À découvrir :"],
            share: ["Facebook", "Twitter", "Partager", "E-mail", "Imprimer"],
            comments: [
                "Laisser un commentaire",
                "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
                "Commentaire *", "Nom *", "E-mail *", "Site web", "Laisser un commentaire",
            ],
            newsletter: [
                "Inscrivez-vous à notre newsletter", "Recevez chaque matin l'essentiel de l'actualité.", "S'inscrire",
            ],
            cookie:
                "Ce site utilise des cookies pour améliorer votre expérience. En poursuivant, vous acceptez leur "
                + "utilisation.",
            rights: "© {y} Le Courrier du Matin. Tous droits réservés.", by: "Par",
            months: [
                "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre",
            ],
            dateFormats: [
                "{d} {M} {y} à {H}h{i}", "Publié le {d}/{m}/{y} à {H}:{i}", "Mis à jour le {d} {M} {y} à {H}:{i}",
            ]),
        SiteVocabulary(
            language: "de",
            words: words(
                """
                Regierung Stadt Menschen Bericht Plan Markt Wasser Schule Gesundheit Polizei Gericht Woche Jahr \
                Geld Familie Straße Fluss Rat Minister Unternehmen Preis Energie Projekt Studie Brücke \
                nach vor während gegen zwischen unter neue alte lokale öffentliche große kleine \
                letzte erste mehrere auch immer noch bereits jedoch
                """),
            teasers: [
                "Lesen Sie auch:", "Auch interessant:", "Mehr zum Thema:", "LESEN SIE AUCH |",
                "Das könnte Sie interessieren:",
            ],
            share: ["Facebook", "Twitter", "Teilen", "E-Mail", "Drucken"],
            comments: [
                "Schreibe einen Kommentar",
                "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
                "Kommentar *", "Name *", "E-Mail *", "Website", "Kommentar abschicken",
            ],
            newsletter: [
                "Newsletter abonnieren", "Die wichtigsten Nachrichten jeden Morgen in Ihrem Postfach.", "Anmelden",
            ],
            cookie: "Diese Website verwendet Cookies. Wenn Sie weiterlesen, stimmen Sie der Verwendung von Cookies zu.",
            rights: "© {y} Morgenkurier GmbH. Alle Rechte vorbehalten.", by: "Von",
            months: [
                "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                "November", "Dezember",
            ],
            dateFormats: [
                "{d}. {M} {y} um {H}:{i} Uhr", "{d}.{m}.{y}, {H}:{i} Uhr", "Veröffentlicht am {d}.{m}.{y} {H}:{i}",
            ]),
        SiteVocabulary(
            language: "es",
            words: words(
                """
                gobierno ciudad personas informe plan mercado agua escuela salud policía tribunal semana año \
                dinero familia carretera río consejo ministro empresa precio energía proyecto estudio puente \
                según después antes durante contra entre bajo nuevo antiguo local público nacional gran \
                pequeño reciente último primero varios también siempre todavía
                """),
            teasers: ["Leer también:", "Te puede interesar:", "Lee también", "MÁS INFORMACIÓN |", "Relacionado:"],
            share: ["Facebook", "Twitter", "Compartir", "WhatsApp", "Imprimir"],
            comments: [
                "Deja una respuesta",
                "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
                "Comentario *", "Nombre *", "Correo electrónico *", "Web", "Publicar el comentario",
            ],
            newsletter: [
                "Suscríbete a nuestro boletín", "Recibe cada mañana las noticias más importantes.", "Suscribirme",
            ],
            cookie: "Utilizamos cookies para mejorar su experiencia. Al continuar navegando, acepta su uso.",
            rights: "© {y} Diario del Sur. Todos los derechos reservados.", by: "Por",
            months: [
                "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                "noviembre", "diciembre",
            ],
            dateFormats: [
                "{d} de {M} de {y} {H}:{i}", "{d}/{m}/{y} {H}:{i} h", "Publicado el {d} de {M} de {y} a las {H}:{i}",
            ]),
        SiteVocabulary(
            language: "pt",
            words: words(
                """
                governo cidade pessoas relatório plano mercado água escola saúde polícia tribunal semana ano \
                dinheiro família estrada rio conselho ministro empresa preço energia projeto estudo ponte \
                segundo depois antes durante contra entre sob novo antigo local público nacional grande \
                pequeno recente último primeiro vários também sempre ainda
                """),
            teasers: ["Leia também:", "Veja também", "LEIA MAIS |", "Saiba mais:"],
            share: ["Facebook", "Twitter", "Compartilhar", "WhatsApp", "Imprimir"],
            comments: [
                "Deixe um comentário",
                "O seu endereço de email não será publicado. Campos obrigatórios são marcados com *",
                "Comentário *", "Nome *", "Email *", "Site", "Publicar comentário",
            ],
            newsletter: ["Assine a nossa newsletter", "Receba as principais notícias todas as manhãs.", "Assinar"],
            cookie:
                "Usamos cookies para melhorar a sua experiência. Ao continuar a navegar, você concorda com o seu uso.",
            rights: "© {y} Jornal da Manhã. Todos os direitos reservados.", by: "Por",
            months: [
                "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
                "novembro", "dezembro",
            ],
            dateFormats: ["{d} de {M} de {y} às {H}:{i}", "{d}/{m}/{y} {H}h{i}", "Publicado em {d}/{m}/{y} - {H}:{i}"]),
        SiteVocabulary(
            language: "it",
            words: words(
                """
                governo città persone rapporto piano mercato acqua scuola salute polizia tribunale settimana \
                anno denaro famiglia strada fiume consiglio ministro azienda prezzo energia progetto studio \
                ponte secondo dopo prima durante contro tra sotto nuovo vecchio locale pubblico nazionale \
                grande piccolo recente ultimo primo diversi anche sempre ancora
                """),
            teasers: ["Leggi anche:", "Potrebbe interessarti:", "LEGGI ANCHE |", "Vedi anche"],
            share: ["Facebook", "Twitter", "Condividi", "WhatsApp", "Stampa"],
            comments: [
                "Lascia un commento",
                "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
                "Commento *", "Nome *", "Email *", "Sito web", "Invia commento",
            ],
            newsletter: [
                "Iscriviti alla nostra newsletter", "Ricevi ogni mattina le notizie più importanti.", "Iscriviti",
            ],
            cookie:
                "Questo sito utilizza i cookie per migliorare la tua esperienza. Continuando accetti il loro utilizzo.",
            rights: "© {y} Corriere del Mattino. Tutti i diritti riservati.", by: "Di",
            months: [
                "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                "ottobre", "novembre", "dicembre",
            ],
            dateFormats: [
                "{d} {M} {y} alle {H}:{i}", "{d}/{m}/{y} - {H}:{i}", "Pubblicato il {d} {M} {y} ore {H}:{i}",
            ]),
        SiteVocabulary(
            language: "nl",
            words: words(
                """
                regering stad mensen rapport plan markt water school gezondheid politie rechtbank week jaar \
                geld familie weg rivier raad minister bedrijf prijs energie project onderzoek brug volgens \
                na voor tijdens tegen tussen onder nieuwe oude lokale openbare nationale grote kleine \
                recente laatste eerste meerdere ook altijd nog
                """),
            teasers: ["Lees ook:", "Meer over dit onderwerp:", "LEES OOK |", "Bekijk ook"],
            share: ["Facebook", "Twitter", "Delen", "WhatsApp", "E-mail"],
            comments: [
                "Reactie plaatsen", "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
                "Reactie *", "Naam *", "E-mail *", "Website", "Reactie plaatsen",
            ],
            newsletter: [
                "Schrijf je in voor onze nieuwsbrief", "Elke ochtend het belangrijkste nieuws in je inbox.",
                "Inschrijven",
            ],
            cookie: "Deze website gebruikt cookies om je ervaring te verbeteren. Door verder te gaan ga je akkoord.",
            rights: "© {y} Dagblad Noord. Alle rechten voorbehouden.", by: "Door",
            months: [
                "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december",
            ],
            dateFormats: ["{d} {M} {y} om {H}:{i}", "{d}-{m}-{y} {H}:{i}", "Gepubliceerd op {d} {M} {y}, {H}:{i}"]),
        SiteVocabulary(
            language: "pl",
            words: words(
                """
                rząd miasto ludzie raport plan rynek woda szkoła zdrowie policja sąd tydzień rok pieniądze \
                rodzina droga rzeka rada minister firma cena energia projekt badanie most według po przed \
                podczas przeciw między pod nowy stary lokalny publiczny krajowy duży mały ostatni pierwszy \
                kilka także zawsze jeszcze
                """),
            teasers: ["Czytaj także:", "Zobacz też:", "CZYTAJ WIĘCEJ |", "Polecamy:"],
            share: ["Facebook", "Twitter", "Udostępnij", "E-mail", "Drukuj"],
            comments: [
                "Dodaj komentarz", "Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *",
                "Komentarz *", "Imię *", "E-mail *", "Witryna internetowa", "Opublikuj komentarz",
            ],
            newsletter: [
                "Zapisz się do newslettera", "Najważniejsze wiadomości codziennie rano w Twojej skrzynce.",
                "Zapisz się",
            ],
            cookie: "Ta strona korzysta z plików cookie. Korzystając ze strony, wyrażasz zgodę na ich użycie.",
            rights: "© {y} Gazeta Poranna. Wszelkie prawa zastrzeżone.", by: "Autor:",
            months: [
                "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                "października", "listopada", "grudnia",
            ],
            dateFormats: ["{d} {M} {y} r., godz. {H}:{i}", "{d}.{m}.{y} {H}:{i}"]),
        SiteVocabulary(
            language: "cs",
            words: words(
                """
                vláda město lidé zpráva plán trh voda škola zdraví policie soud týden rok peníze rodina silnice \
                řeka rada ministr firma cena energie projekt studie most podle po před během proti mezi pod \
                nový starý místní veřejný národní velký malý poslední první několik také vždy ještě
                """),
            teasers: ["Přečtěte si také:", "Mohlo by vás zajímat:", "ČTĚTE TAKÉ |"],
            share: ["Facebook", "Twitter", "Sdílet", "E-mail", "Tisk"],
            comments: [
                "Napsat komentář", "Vaše e-mailová adresa nebude zveřejněna. Vyžadované informace jsou označeny *",
                "Komentář *", "Jméno *", "E-mail *", "Webová stránka", "Odeslat komentář",
            ],
            newsletter: [
                "Přihlaste se k odběru novinek", "Nejdůležitější zprávy každé ráno ve vaší schránce.", "Odebírat",
            ],
            cookie: "Tento web používá soubory cookie. Pokračováním v prohlížení souhlasíte s jejich používáním.",
            rights: "© {y} Ranní noviny. Všechna práva vyhrazena.", by: "Autor:",
            months: [
                "ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
                "listopadu", "prosince",
            ],
            dateFormats: ["{d}. {M} {y} {H}:{i}", "{d}. {m}. {y} {H}:{i}"]),
        SiteVocabulary(
            language: "ru",
            words: words(
                """
                правительство город люди доклад план рынок вода школа здоровье полиция суд неделя год деньги \
                семья дорога река совет министр компания цена энергия проект исследование мост после до во \
                время против между под новый старый местный общественный национальный большой малый \
                последний первый несколько также всегда ещё
                """),
            teasers: ["Читайте также:", "Смотрите также:", "ЧИТАЙТЕ ТАКЖЕ |", "По теме:"],
            share: ["ВКонтакте", "Telegram", "Поделиться", "WhatsApp", "Печать"],
            comments: [
                "Оставить комментарий", "Ваш адрес email не будет опубликован. Обязательные поля помечены *",
                "Комментарий *", "Имя *", "Email *", "Сайт", "Отправить комментарий",
            ],
            newsletter: [
                "Подпишитесь на нашу рассылку", "Главные новости каждое утро в вашем почтовом ящике.", "Подписаться",
            ],
            cookie: "Этот сайт использует файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с этим.",
            rights: "© {y} Утренняя газета. Все права защищены.", by: "Автор:",
            months: [
                "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                "ноября", "декабря",
            ],
            dateFormats: ["{d} {M} {y}, {H}:{i}", "{d}.{m}.{y} {H}:{i}"]),
        SiteVocabulary(
            language: "uk",
            words: words(
                """
                уряд місто люди доповідь план ринок вода школа здоров'я поліція суд тиждень рік гроші родина \
                дорога річка рада міністр компанія ціна енергія проєкт дослідження міст після до під час \
                проти між новий старий місцевий громадський національний великий малий останній перший \
                кілька також завжди ще
                """),
            teasers: ["Читайте також:", "Дивіться також:", "ЧИТАЙТЕ ТАКОЖ |"],
            share: ["Facebook", "Telegram", "Поділитися", "Viber", "Друк"],
            comments: [
                "Залишити коментар", "Ваша email адреса не буде опублікована. Обов'язкові поля позначені *",
                "Коментар *", "Ім'я *", "Email *", "Сайт", "Надіслати коментар",
            ],
            newsletter: [
                "Підпишіться на нашу розсилку", "Головні новини щоранку у вашій поштовій скриньці.", "Підписатися",
            ],
            cookie: "Цей сайт використовує файли cookie. Продовжуючи, ви погоджуєтеся з їх використанням.",
            rights: "© {y} Ранкова газета. Усі права захищено.", by: "Автор:",
            months: [
                "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
                "листопада", "грудня",
            ],
            dateFormats: ["{d} {M} {y}, {H}:{i}", "{d}.{m}.{y} {H}:{i}"]),
    ]

    /// The words of `text`, split at white space.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
