import Enrichment
import Testing

/// Words as datatrove's tokenizer (spaCy's English rules) gives them, on the cases that move
/// the Gopher numbers: punctuation peeled off, contractions, hyphens, addresses, abbreviations.
@Suite struct WordSplitterTests {
    @Test func punctuationIsPeeledOffAndAddressesStayWhole() {
        let text =
            "Hello,  world!\nIt's a well-known \"fact\" (really)... Visit https://x.com/a-b or mail me@x.org. "
            + "U.S. costs $1,000.50 today; don't 10-20 e.g. 3.5% #tag"
        // What spaCy 3.8's blank English pipeline gives, through datatrove's split_into_words.
        let spaCy = [
            "Hello", ",", "world", "!", "It", "'s", "a", "well", "-", "known", "\"", "fact", "\"", "(", "really", ")",
            "...", "Visit", "https://x.com/a-b", "or", "mail", "me@x.org", ".", "U.S.", "costs", "$", "1,000.50",
            "today", ";", "do", "n't", "10", "-", "20", "e.g.", "3.5", "%", "#", "tag",
        ]
        #expect(WordSplitter.words(text) == spaCy)
    }

    @Test func runsOfHyphensFullStopsAndSignsAfterNumbers() {
        #expect(
            WordSplitter.words("ours--thank (2011). 2600+ couple( wait.. COVID-19 and/or P.s.") == [
                "ours", "--", "thank", "(", "2011", ")", ".", "2600", "+", "couple", "(", "wait", "..", "COVID-19",
                "and/or", "P.s", ".",
            ])
    }
}
