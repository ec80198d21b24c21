import Foundation
import Testing
@testable import Extraction

/// RFC 3986's resolution (section 5.4's examples), the link graph's clean-up on top of it, and
/// a conformance check against Python's `urllib.parse.urljoin` on references of every shape.
@Suite struct URLReferenceTests {
    static let base = "http://a/b/c/d;p?q"

    func resolved(_ reference: String, against base: String = Self.base) -> String {
        URLReference(parsing: reference).resolved(against: URLReference(parsing: base)).text
    }

    /// Section 5.4.1 and 5.4.2, as the RFC writes them.
    @Test func theRFCsExamplesResolveAsItSays() {
        let examples: [(String, String)] = [
            ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
            ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
            ("../../g", "http://a/g"),
            // Abnormal examples.
            ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"),
            ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g?y/../x", "http://a/b/c/g?y/../x"),
            ("g#s/./x", "http://a/b/c/g#s/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"), ("http:g", "http:g"),
        ]
        for (reference, expected) in examples {
            #expect(resolved(reference) == expected, "\(reference)")
        }
    }

    @Test func linksAreCleanedAsABrowserFollowsThem() {
        let base = LinkURL.base(pageURL: "https://News.Example.com/world/story.html?x=1", baseHref: nil)
        let cases: [(String, String?)] = [
            ("other.html#top", "https://news.example.com/world/other.html"),
            ("  /path with space/é\n", "https://news.example.com/path%20with%20space/%C3%A9"),
            ("\\\\cdn.example.com\\img\\a.png?q=\\x", "https://cdn.example.com/img/a.png?q=\\x"),
            ("//Other.Example.org", "https://other.example.org/"),
            ("HTTP://UPPER.example/Path", "http://upper.example/Path"),
            ("https:relative", "https://news.example.com/world/relative"),
            ("#comments", nil), ("", nil), ("javascript:void(0)", nil), ("mailto:ann@example.com", nil),
            ("tel:+15551234567", nil), ("data:text/html,hi", nil), ("ftp://files.example/x", nil),
        ]
        for (href, expected) in cases {
            #expect(LinkURL.resolve(href, against: base) == expected, "\(href)")
        }
        // No URL to resolve by: only absolute links lead anywhere.
        #expect(LinkURL.resolve("/about", against: nil) == nil)
        #expect(LinkURL.resolve("https://example.org/a", against: nil) == "https://example.org/a")
    }

    @Test func aBaseElementMovesWhereRelativeLinksLead() {
        let base = LinkURL.base(pageURL: "https://example.com/a/b.html", baseHref: "/static/")
        #expect(LinkURL.resolve("c.html", against: base) == "https://example.com/static/c.html")
        // A base that leads nowhere (another scheme) leaves the page's URL as the base.
        let odd = LinkURL.base(pageURL: "https://example.com/a/b.html", baseHref: "javascript:x")
        #expect(LinkURL.resolve("c.html", against: odd) == "https://example.com/a/c.html")
    }

    /// The resolver's quick path for common shapes gives what the general one gives.
    @Test func theQuickPathAgreesWithTheGeneralOne() {
        let hrefs = [
            "https://example.com", "https://example.com?q=1", "https://example.com/a/b?c#d", "http://x.org/",
            "https://Example.com/a", "https://example.com/a/./b", "https://example.com/.well-known/x", "/",
            "/a/b.html", "/a/b.html?x=1#frag", "//cdn.example.com/x", "/a b", "/é", "https://example.com:8080/p",
            "https://user@example.com/p", "https://example.com#top", "/path/../up", "https://example.com/a\\b",
            "HTTPS://example.com/", "https://", "/?", "https://example.com/%7Euser",
        ]
        for pageURL in ["https://News.Example.com/world/story.html?x=1", "http://h:8080/a/", "ftp://f/x", ""] {
            for baseHref in [nil, "/static/", "https://other.example/base/"] {
                let resolver = LinkURL.Resolver(pageURL: pageURL.isEmpty ? nil : pageURL, baseHref: baseHref)
                for href in hrefs {
                    #expect(
                        resolver.resolve(href) == LinkURL.resolve(href, against: resolver.base),
                        "\(href) on \(pageURL) with base \(baseHref ?? "none")")
                }
            }
        }
    }

    static let python: URL? = ["/usr/bin", "/usr/local/bin", "/bin"].lazy.map {
        URL(fileURLWithPath: $0).appendingPathComponent("python3")
    }.first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// References of every shape against bases of every shape, resolved by us and by Python's
    /// urljoin, which follows RFC 3986 too, except where it is known not to, and those shapes are
    /// left out of the comparison (`urljoinDeparts`): it cannot tell an empty query or fragment
    /// from none ("?" keeps the base's query, "" keeps its fragment), it reads "//" alone as
    /// the base, and it drops empty segments inside a path ("a//b" becomes "a/b"), which RFC
    /// 3986 and browsers keep.
    @Test(.enabled(if: python != nil, "needs python3 for urllib.parse.urljoin"))
    func resolutionMatchesPythonsURLJoin() throws {
        let bases = [
            "http://a/b/c/d;p?q", "https://example.com", "https://example.com/", "https://example.com/dir/",
            "https://example.com/dir/page.html?x=1#f", "http://h:8080/a/b/../c/", "https://u@h/a.b/c.d",
        ]
        let pieces = ["", ".", "..", "g", "g.h", "..g", ";x", "%2E%2E", "x=1"]
        var references = ["", "#f", "?", "?y", "#", "//h2/p", "/", "//h2", "g?y#s", "../../../../z", "a/./b/../c"]
        for one in pieces {
            for two in pieces {
                references += ["\(one)/\(two)", "/\(one)/\(two)", "./\(one)/\(two)/", "../\(one)?\(two)"]
            }
        }
        var pairs: [(String, String)] = []
        for base in bases {
            for reference in references where !Self.urljoinDeparts(reference) { pairs.append((base, reference)) }
        }
        #expect(pairs.count > 1000)
        let input = pairs.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n")
        let script = """
            import sys
            from urllib.parse import urljoin
            for line in sys.stdin.read().split("\\n"):
                base, reference = line.split("\\t")
                print(urljoin(base, reference))
            """
        let process = Process()
        process.executableURL = Self.python
        process.arguments = ["-c", script]
        let (stdin, stdout) = (Pipe(), Pipe())
        (process.standardInput, process.standardOutput) = (stdin, stdout)
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let theirs = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(theirs.count >= pairs.count)
        var differences: [String] = []
        for (index, (base, reference)) in pairs.enumerated() where index < theirs.count {
            let ours = Self.withoutEmptyQueryOrFragment(resolved(reference, against: base))
            if ours != String(theirs[index]) {
                differences.append("\(base) + \(reference): \(ours) vs \(theirs[index])")
            }
        }
        #expect(differences.isEmpty, "\(differences.count) of \(pairs.count) differ: \(differences.prefix(8))")
        print("urljoin conformance: \(pairs.count - differences.count) of \(pairs.count) references resolved alike")
    }

    static func urljoinDeparts(_ reference: String) -> Bool {
        let parts = URLReference(parsing: reference)
        let emptySegment = parts.path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .dropFirst().dropLast().contains { $0.isEmpty }
        return reference.isEmpty || reference == "//" || parts.query == "" || parts.fragment == "" || emptySegment
            || (parts.authority != nil && parts.authority!.isEmpty)
    }

    /// urljoin's reading of an empty query or fragment: none at all.
    static func withoutEmptyQueryOrFragment(_ url: String) -> String {
        var reference = URLReference(parsing: url)
        if reference.fragment == "" { reference.fragment = nil }
        if reference.query == "" { reference.query = nil }
        return reference.text
    }
}
