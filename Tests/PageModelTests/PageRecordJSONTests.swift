import Foundation
import Testing
import PageModel

@Suite struct PageRecordJSONTests {
    let record = PageRecord(
        id: "a/b.html", url: "https://example.com/a?b=1&c=\"d\"", title: "Tab\there, quote \" and back\\slash",
        authors: ["Ann Lee", "Zoë Çelik"], published: "2024-03-01T08:00:00+01:00", language: "fr",
        tags: ["one", "two"], text: "Line one.\n\nLine two with emoji 🌊 and a NUL \u{0} byte.",
        wordCount: 11, contentHash: "abc123")

    @Test func roundTrips() throws {
        #expect(try PageRecord(jsonBytes: record.jsonBytes()) == record)
    }

    @Test func qualitySignalsTravelAsAnObjectOfNumbers() throws {
        var signals = record
        signals.quality = ["gopher_words": 412, "gopher_mean_word_length": 4.871234, "gopher_quality_pass": 1]
        let bytes = signals.jsonBytes()
        #expect(
            String(decoding: bytes, as: UTF8.self).contains(
                #""quality":{"gopher_mean_word_length":4.871234,"gopher_quality_pass":1,"gopher_words":412}"#))
        #expect(try PageRecord(jsonBytes: bytes) == signals)
        #expect(try JSONDecoder().decode(PageRecord.self, from: Data(bytes)) == signals)
    }

    @Test func personalDataCountsAndSpansTravelToo() throws {
        var found = record
        found.pii = ["email": 2, "phone": 1]
        found.piiSpans = ["email 5 22", "email 30 60", "phone 70 85"]
        let bytes = found.jsonBytes()
        #expect(
            String(decoding: bytes, as: UTF8.self).contains(
                #""pii":{"email":2,"phone":1},"pii_spans":["email 5 22","email 30 60","phone 70 85"]"#))
        #expect(try PageRecord(jsonBytes: bytes) == found)
        #expect(try JSONDecoder().decode(PageRecord.self, from: Data(bytes)) == found)
    }

    @Test func linksTravelAsAnArrayOfObjects() throws {
        var linked = record
        linked.links = [
            PageLink(url: "https://example.com/a?b=\"c\"", text: "Quote \" and tab\t", kind: .content),
            PageLink(url: "https://example.com/", text: "", kind: .navigation),
        ]
        let bytes = linked.jsonBytes()
        #expect(
            String(decoding: bytes, as: UTF8.self).contains(
                #""links":[{"url":"https://example.com/a?b=\"c\"","text":"Quote \" and tab\t","kind":"content"},"#))
        #expect(try PageRecord(jsonBytes: bytes) == linked)
        #expect(try JSONDecoder().decode(PageRecord.self, from: Data(bytes)) == linked)
        // An item without a URL, or of a kind this build does not know, is left out.
        let odd =
            #"{"id":"x","text":"t","links":[{"text":"no url","kind":"content"},"#
            + #"{"url":"https://e.org/","kind":"sideways"},{"url":"https://e.org/k","kind":"boilerplate"}]}"#
        #expect(
            try PageRecord(jsonBytes: Array(odd.utf8)).links == [
                PageLink(url: "https://e.org/k", text: "", kind: .boilerplate)
            ])
    }

    @Test func keywordsTravelAsAnArrayOfPhrasesAndScores() throws {
        var annotated = record
        annotated.keywords = [
            PageKeyword(phrase: "Kim Jong-un", score: 0.0254), PageKeyword(phrase: "\"Q\"", score: 1),
        ]
        let bytes = annotated.jsonBytes()
        #expect(
            String(decoding: bytes, as: UTF8.self).contains(
                #""keywords":[{"phrase":"Kim Jong-un","score":0.0254},{"phrase":"\"Q\"","score":1}]"#))
        #expect(try PageRecord(jsonBytes: bytes) == annotated)
        #expect(try JSONDecoder().decode(PageRecord.self, from: Data(bytes)) == annotated)
        // An item without a phrase is left out; one without a score scores 0.
        let odd = #"{"id":"x","text":"t","keywords":[{"score":2},{"phrase":"p"}]}"#
        #expect(try PageRecord(jsonBytes: Array(odd.utf8)).keywords == [PageKeyword(phrase: "p", score: 0)])
    }

    @Test func entitiesAndQuotesTravelAsArraysOfObjects() throws {
        var annotated = record
        annotated.entities = [
            PageEntity(name: "Vladimir Poutine", kind: .person, forms: ["Poutine", "Vladimir Poutine"], count: 8),
            PageEntity(name: "ONU", kind: .organization, forms: ["ONU"], count: 2),
        ]
        annotated.quotes = [
            PageQuote(text: "Nous avons \"toujours\" soutenu", speaker: "Kim Jong-un"),
            PageQuote(text: "x y z", speaker: nil),
        ]
        let bytes = annotated.jsonBytes()
        let json = String(decoding: bytes, as: UTF8.self)
        #expect(
            json.contains(
                #""entities":[{"name":"Vladimir Poutine","kind":"person","forms":["Poutine","Vladimir Poutine"],"count":8},"#
            ))
        #expect(
            json.contains(
                #""quotes":[{"text":"Nous avons \"toujours\" soutenu","speaker":"Kim Jong-un"},{"text":"x y z"}]"#))
        #expect(try PageRecord(jsonBytes: bytes) == annotated)
        #expect(try JSONDecoder().decode(PageRecord.self, from: Data(bytes)) == annotated)
        let odd =
            #"{"id":"x","text":"t","entities":[{"name":"A","kind":"planet"},{"name":"B","kind":"place"}],"quotes":[{"speaker":"s"}]}"#
        let read = try PageRecord(jsonBytes: Array(odd.utf8))
        #expect(read.entities == [PageEntity(name: "B", kind: .place, forms: ["B"], count: 1)])
        #expect(read.quotes.isEmpty)
    }

    @Test func isJSONThatFoundationReadsToTheSameRecord() throws {
        let decoded = try JSONDecoder().decode(PageRecord.self, from: Data(record.jsonBytes()))
        #expect(decoded == record)
    }

    @Test func readsWhatFoundationWritesAndOtherWorkersSend() throws {
        let foundation = try JSONEncoder().encode(record)
        #expect(try PageRecord(jsonBytes: Array(foundation)) == record)
        // Any key order, white space, escapes (surrogate pairs too), unknown keys of any shape.
        let python = #"""
            { "text" : "Caf\u00e9 \ud83c\udf0a\nend", "extra": {"nested": [1, {"x": null}], "flag": true},
              "id": "py-1", "author": "Solo Writer", "word_count": 3.0, "tags": null }
            """#
        let read = try PageRecord(jsonBytes: Array(python.utf8))
        #expect(read.id == "py-1")
        #expect(read.text == "Café 🌊\nend")
        #expect(read.authors == ["Solo Writer"])
        #expect(read.wordCount == 3)
        #expect(read.tags.isEmpty)
        #expect(read.contentHash == TextMeasures.contentHash(read.text), "a missing hash is computed")
    }

    @Test(arguments: [
        (#"a\"b"#, "a\"b"), (#"\\"#, "\\"), (#"end\\"#, "end\\"), (#"\"\""#, "\"\""), (#"\u00e9\n"#, "é\n"),
        (#"x\ud83c\udf0ay"#, "x🌊y"), (#"\/\b\f\r\t"#, "/\u{8}\u{C}\r\t"),
    ])
    func decodesEveryEscape(written: String, meant: String) throws {
        let json = #"{"id": "e", "text": ""# + written + #"", "title": "after"}"#
        let record = try PageRecord(jsonBytes: Array(json.utf8))
        #expect(record.text == meant)
        #expect(record.title == "after")
    }

    @Test(arguments: [
        "", "[]", "{", #"{"id": "x"}"#, #"{"text": "t"}"#, #"{"id": "x", "text": "t"} trailing"#,
        #"{"id": "x", "text": "unterminated}"#, #"{"id": 5, "text": "t"}"#, #"{"id": "x", "text": "\u12"}"#,
        #"{"id": "x", "text": "ends with \"}"#,
        String(repeating: "[", count: 10_000),
    ])
    func refusesWhatIsNotARecord(json: String) {
        #expect(throws: PageModelError.self) { try PageRecord(jsonBytes: Array(json.utf8)) }
    }

    @Test func deepNestingUnderAnUnknownKeyIsRefusedNotACrash() {
        let deep = #"{"id": "x", "text": "t", "junk": "# + String(repeating: "[", count: 100_000) + "}"
        #expect(throws: PageModelError.self) { try PageRecord(jsonBytes: Array(deep.utf8)) }
    }

    /// The arrays of objects are read in place, item by item: values of the wrong shape are
    /// left out as a tree of them was, and what is malformed inside an item is refused.
    @Test func itemsOfTheWrongShapeAreLeftOutAndMalformedOnesRefused() throws {
        let odd = #"""
            {"id": "x", "text": "t", "links": "not an array", "keywords": [1, "two", {"phrase": 3}, {"phrase": "p", "score": "high"}],
             "entities": [{"name": "A", "kind": "person", "forms": ["A", 1, {"b": 2}, "Ay"], "count": 1e300, "extra": [[{}]]},
                          {"name": "B", "kind": "place", "forms": "B", "count": 2.9}, {"name": "C", "kind": "person", "name": 4}],
             "quotes": [{"text": "q", "speaker": null}, {"text": "r", "speaker": "s", "speaker": 5}],
             "quality": [1, 2], "pii": {"email": 2, "note": "x", "phone": {"n": 1}}}
            """#
        let read = try PageRecord(jsonBytes: Array(odd.utf8))
        #expect(read.links.isEmpty)
        #expect(read.keywords == [PageKeyword(phrase: "p", score: 0)])
        #expect(
            read.entities == [
                PageEntity(name: "A", kind: .person, forms: ["A", "Ay"], count: 1),
                PageEntity(name: "B", kind: .place, forms: ["B"], count: 2),
            ], "a later duplicate key wins, as in a dictionary; a count past any integer is one mention")
        #expect(read.quotes == [PageQuote(text: "q", speaker: nil), PageQuote(text: "r", speaker: nil)])
        #expect(read.quality.isEmpty)
        #expect(read.pii == ["email": 2])
        for broken in [
            #"{"id": "x", "text": "t", "links": [{"url": "u", "kind": "content",}]}"#,
            #"{"id": "x", "text": "t", "entities": [{"name": "A" "kind": "person"}]}"#,
            #"{"id": "x", "text": "t", "quotes": [{"text": "q"}"#,
            #"{"id": "x", "text": "t", "keywords": [{"phrase": "p", "x": "#
                + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}]}",
        ] {
            #expect(throws: PageModelError.self, "\(broken.prefix(60))") {
                try PageRecord(jsonBytes: Array(broken.utf8))
            }
        }
    }
}
