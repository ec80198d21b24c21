/// A URL or relative reference split into RFC 3986's five parts (its appendix B), and resolved
/// against a base by section 5.2's algorithm. Parts are kept as written: no percent-decoding,
/// no case folding except the scheme's.
struct URLReference: Equatable {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        (self.scheme, self.authority, self.path, self.query, self.fragment) = (
            scheme, authority, path, query, fragment
        )
    }

    /// Splits `text`; anything parses, since every string is a relative reference at worst.
    /// Read by its UTF-8 bytes: the delimiters are ASCII, and characters need no breaking.
    init(parsing text: String) {
        var rest = Substring(text)
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(rest[rest.utf8.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = String(rest[rest.utf8.index(after: question)...])
            rest = rest[..<question]
        }
        // A scheme is a letter, then letters, digits, "+", "-" or "."; before any "/".
        if let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")), Self.isScheme(rest[..<colon]) {
            scheme = rest[..<colon].lowercased()
            rest = rest[rest.utf8.index(after: colon)...]
        }
        if rest.utf8.starts(with: "//".utf8) {
            let afterSlashes = rest.utf8.index(rest.startIndex, offsetBy: 2)
            let end = rest.utf8[afterSlashes...].firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            authority = String(rest[afterSlashes..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, (first | 0x20) &- UInt8(ascii: "a") < 26 else { return false }
        return text.utf8.allSatisfy { byte in
            (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }

    /// The reference put back together (section 5.3).
    var text: String {
        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }

    /// This reference resolved against `base`, an absolute URL (section 5.2.2).
    func resolved(against base: URLReference) -> URLReference {
        if let scheme {
            return URLReference(
                scheme: scheme, authority: authority, path: Self.removingDotSegments(path), query: query,
                fragment: fragment)
        }
        if let authority {
            return URLReference(
                scheme: base.scheme, authority: authority, path: Self.removingDotSegments(path), query: query,
                fragment: fragment)
        }
        let (mergedPath, mergedQuery): (String, String?)
        if path.isEmpty {
            (mergedPath, mergedQuery) = (base.path, query ?? base.query)
        } else if path.utf8.first == UInt8(ascii: "/") {
            (mergedPath, mergedQuery) = (Self.removingDotSegments(path), query)
        } else {
            (mergedPath, mergedQuery) = (Self.removingDotSegments(merged(with: base)), query)
        }
        return URLReference(
            scheme: base.scheme, authority: base.authority, path: mergedPath, query: mergedQuery, fragment: fragment)
    }

    /// Section 5.2.3: the base's path up to its last "/", then this path.
    private func merged(with base: URLReference) -> String {
        if base.authority != nil, base.path.isEmpty { return "/" + path }
        guard let slash = base.path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return base.path[...slash] + path
    }

    /// Section 5.2.4: "." and ".." segments taken out of a path.
    static func removingDotSegments(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: ".")) else { return path }
        var output: [Substring.UTF8View] = []
        let segments = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        let absolute = path.utf8.first == UInt8(ascii: "/")
        for (index, segment) in segments.enumerated() {
            if absolute, index == 0 { continue }
            let isLast = index == segments.count - 1
            if segment.elementsEqual(".".utf8) {
                if isLast { output.append(Substring("").utf8) }
            } else if segment.elementsEqual("..".utf8) {
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append(Substring("").utf8) }
            } else {
                output.append(segment)
            }
        }
        var result = absolute ? "/" : ""
        for (index, segment) in output.enumerated() {
            if index > 0 { result += "/" }
            result += Substring(segment)
        }
        return result
    }
}
