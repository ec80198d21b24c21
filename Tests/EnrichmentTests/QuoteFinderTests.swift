import Foundation
import PageModel
import Testing

@testable import Enrichment

struct QuoteFinderTests {
    static func quotes(_ text: String, _ language: String) -> [PageQuote] {
        EntityFinderTests.annotated(text, language).quotes
    }

    @Test func everyQuotationStyleIsFoundWithItsSpeaker() {
        let cases: [(String, String, String, String)] = [
            (
                "en", "“We will rebuild the bridge by spring,” said Mayor Alice Brennan on Tuesday.",
                "We will rebuild the bridge by spring,", "Alice Brennan"
            ),
            (
                "en", "Governor Marcus Webb said: \"The budget will not be cut this year.\"",
                "The budget will not be cut this year.", "Marcus Webb"
            ),
            (
                "fr", "Le ministre Julien Marchetti a déclaré que « la réforme entrera en vigueur en janvier ».",
                "la réforme entrera en vigueur en janvier", "Julien Marchetti"
            ),
            (
                "de", "„Wir werden die Schulen sanieren“, sagte Bürgermeisterin Anke Vogt am Montag.",
                "Wir werden die Schulen sanieren", "Anke Vogt"
            ),
            (
                "es", "«No habrá nuevos impuestos este año», dijo la ministra Lucía Ferrer.",
                "No habrá nuevos impuestos este año", "Lucía Ferrer"
            ),
            (
                "it", "Secondo Paolo Benedetti, «la crisi finirà entro l’estate».",
                "la crisi finirà entro l’estate", "Paolo Benedetti"
            ),
            (
                "ru", "«Мы не допустим повышения цен», заявил министр Игорь Лебедев.",
                "Мы не допустим повышения цен", "Игорь Лебедев"
            ),
        ]
        for (language, text, quote, speaker) in cases {
            let found = Self.quotes(text, language)
            #expect(found == [PageQuote(text: quote, speaker: speaker)], "\(language): \(found)")
        }
    }

    @Test func aPronounOrAContinuedQuoteSpeaksForTheLastPersonNamed() {
        let text = """
            The talks were led by Senator Rosa Delgado. After the vote, she said that “the deal protects \
            every family farm in the state”. “We did not give up a single acre.”

            Critics disagreed with Delgado.
            """
        let found = Self.quotes(text, "en")
        #expect(found.count == 2, "\(found)")
        #expect(found.allSatisfy { $0.speaker == "Rosa Delgado" }, "\(found)")
    }

    @Test func scareQuotesTitlesAndSingleWordsAreNoQuotations() {
        let text = """
            The so-called “reform” was called “a disaster” by some. Viewers loved “The Lord Of The Rings” \
            and the album «Blue Harbour Nights».
            """
        #expect(Self.quotes(text, "en").isEmpty, "\(Self.quotes(text, "en"))")
    }

    @Test func dashSpeechIsQuotedToo() {
        let text = "El entrenador Diego Salcedo habló tras el partido.\n— Hemos jugado mejor que nunca — dijo Salcedo."
        let found = Self.quotes(text, "es")
        #expect(found == [PageQuote(text: "Hemos jugado mejor que nunca", speaker: "Diego Salcedo")], "\(found)")
    }

    /// Spanish's way of writing speech, the dash against the first word and the narrator's
    /// dash against the verb: each line's speaker is the one its verb names.
    @Test func dashSpeechAgainstTheWordIsQuotedToo() {
        let text = """
            —No cerraremos la escuela del barrio —dijo la alcaldesa Rocío Almansa a los vecinos.
            —¿Y los profesores? —preguntó una madre.
            —Seguirán todos en su puesto, se lo aseguro —respondió Almansa.
            """
        let found = Self.quotes(text, "es")
        #expect(
            found == [
                PageQuote(text: "No cerraremos la escuela del barrio", speaker: "Rocío Almansa"),
                PageQuote(text: "¿Y los profesores?", speaker: nil),
                PageQuote(text: "Seguirán todos en su puesto, se lo aseguro", speaker: "Rocío Almansa"),
            ], "\(found)")
    }

    /// A pronoun before the verb is who speaks, whatever the verb's objects name; "according
    /// to" a body's expert is the expert; the body a title follows is an organisation.
    @Test func theSubjectSpeaksNotTheObjectNorTheEmployer() {
        let text = """
            Finance Minister Priya Raman defended the budget on Tuesday. “We are watching prices closely,” \
            she said in an interview with Reuters.

            According to Barclays economist Tomas Lindgren, “a cut in March is still the likeliest outcome.”
            """
        let record = EntityFinderTests.annotated(text, "en")
        #expect(record.quotes.map(\.speaker) == ["Priya Raman", "Tomas Lindgren"], "\(record.quotes)")
        let kinds = EntityFinderTests.kinds(record)
        #expect(kinds["Tomas Lindgren"] == .person, "\(record.entities)")
        // The verb's object named with no preposition between: still the pronoun's.
        let told = Self.quotes(
            "Mayor Ines Okoro opened the bridge. “It will carry ten thousand cars,” she told Reuters.", "en")
        #expect(told.map(\.speaker) == ["Ines Okoro"], "\(told)")
        let employer = EntityFinderTests.annotated(
            "On Monday, Federal Reserve Chair Daniel Okafor spoke in Boston. Okafor left at noon.", "en")
        let employerKinds = EntityFinderTests.kinds(employer)
        #expect(employerKinds["Federal Reserve"] == .organization, "\(employer.entities)")
        #expect(employerKinds["Daniel Okafor"] == .person, "\(employer.entities)")
    }

    /// Typed single quotes, as British papers print them, quote too, apostrophes aside; the
    /// strings of a tutorial's code are no one's words.
    @Test func typedSingleQuotesQuoteAndCodeDoesNot() {
        let text = """
            The Chancellor, Ruth Hallam, said the budget wasn't a gamble. 'We've kept every promise we made,' \
            Ms Hallam told MPs. Set it with app.config['SECRET_KEY'] = 'change me now please' and open \
            'https://example.org/start here now' or '/var/www/site/index.html' to check.
            """
        let found = Self.quotes(text, "en")
        #expect(found == [PageQuote(text: "We've kept every promise we made,", speaker: "Ruth Hallam")], "\(found)")
    }

    @Test func anUnsaidQuoteHasNoSpeaker() {
        let found = Self.quotes("The sign on the door read “closed until further notice today”.", "en")
        #expect(found == [PageQuote(text: "closed until further notice today", speaker: nil)], "\(found)")
    }

    @Test func aQuoteRelayedFromAnotherOutletIsTheSpeakersNotTheOutlets() {
        let text = """
            Coach Dana Whitfield spoke to reporters after the loss on Sunday.

            “We wanted everything that was still in front of us,” Whitfield said, via the Boston \
            Herald. “Now we will need some help from the other teams.”
            """
        let found = Self.quotes(text, "en")
        #expect(found.count == 2, "\(found)")
        #expect(found.allSatisfy { $0.speaker == "Dana Whitfield" }, "\(found)")
    }
}
