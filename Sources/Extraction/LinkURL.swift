/// An `href` as a browser follows it, for the link graph: white space cleaned as the URL
/// standard cleans it, `\` read as `/` in web URLs, resolved against the page's base by RFC
/// 3986, scheme and host lower-cased, the fragment (a place in the page) dropped, and spaces,
/// quotes, angle brackets and non-ASCII bytes percent-encoded. Only http and https links are
/// kept: `mailto:`, `javascript:`, `tel:` and `data:` are not pages.
enum LinkURL {
    /// The absolute URL `href` leads to, or nil when it leads nowhere on the web (another
    /// scheme, a jump within the page, or a relative link with no base to resolve it by).
    static func resolve(_ href: String, against base: URLReference?) -> String? {
        let cleaned = cleaned(href)
        guard let first = cleaned.utf8.first, first != UInt8(ascii: "#") else { return nil }
        var reference = URLReference(parsing: cleaned)
        if cleaned.utf8.contains(UInt8(ascii: "\\")), reference.scheme == nil || isWeb(reference.scheme) {
            // In web URLs a backslash is a slash, as browsers read them.
            reference = URLReference(parsing: cleaned.replacingBackslashes())
        }
        if let scheme = reference.scheme {
            guard isWeb(scheme) else { return nil }
            // "http:page" with no authority is relative to a base of the same scheme, as
            // browsers (and Python's urljoin) read it.
            if reference.authority == nil, let base, base.scheme == scheme { reference.scheme = nil }
        }
        var resolved: URLReference
        if reference.scheme != nil {
            resolved = reference.resolved(against: reference)
        } else if let base, isWeb(base.scheme) {
            resolved = reference.resolved(against: base)
        } else {
            return nil
        }
        guard let authority = resolved.authority, !authority.isEmpty else { return nil }
        resolved.authority = lowercasedHost(authority)
        if resolved.path.isEmpty { resolved.path = "/" }
        resolved.fragment = nil
        resolved.path = percentEncoded(resolved.path)
        resolved.query = resolved.query.map(percentEncoded)
        return resolved.text
    }

    /// The base URL of a page: its `<base href>` resolved against its own URL, else its URL.
    static func base(pageURL: String?, baseHref: String?) -> URLReference? {
        let page = pageURL.map { URLReference(parsing: cleaned($0).replacingBackslashes()) }
        guard let baseHref, let resolved = resolve(baseHref, against: page) else { return page }
        return URLReference(parsing: resolved)
    }

    /// The links of one page, resolved against its base: the common shapes (an absolute http or
    /// https URL, a path from the root) that need no cleaning are put together from their bytes,
    /// the rest go through `resolve(_:against:)`.
    struct Resolver {
        let base: URLReference?
        /// The base's scheme and authority ("https://example.com"), for links from the root.
        private let origin: String?

        init(pageURL: String?, baseHref: String?) {
            base = LinkURL.base(pageURL: pageURL, baseHref: baseHref)
            if let base, isWeb(base.scheme), let authority = base.authority, !authority.isEmpty {
                origin = (base.scheme ?? "") + "://" + lowercasedHost(authority)
            } else {
                origin = nil
            }
        }

        func resolve(_ href: String) -> String? {
            var href = href
            return href.withUTF8 { simple($0) } ?? LinkURL.resolve(href, against: base)
        }

        /// `href`'s bytes as written (character references undecoded): the quick path reads
        /// them where they lie, and only the rest are decoded into a string.
        func resolve(written href: ArraySlice<UInt8>) -> String? {
            let hasReference = href.contains(UInt8(ascii: "&"))
            if !hasReference, let url = href.withUnsafeBufferPointer(simple) { return url }
            let decoded = CharacterReferences.decode(href, inAttribute: true)
            return hasReference ? resolve(decoded) : LinkURL.resolve(decoded, against: base)
        }

        /// The URL of a link in a common shape that needs no cleaning, or nil for any other.
        private func simple(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            guard let first = bytes.first, bytes.count < 2048 else { return nil }
            var end = bytes.count
            var previous: UInt8 = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                // Nothing to clean or encode, no backslash, and no dot segment ("/." starts one).
                guard byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "\\"), !needsEncoding(byte),
                    byte != UInt8(ascii: ".") || previous != UInt8(ascii: "/")
                else { return nil }
                if byte == UInt8(ascii: "#") {
                    end = index
                    break
                }
                previous = byte
            }
            let kept = UnsafeBufferPointer(rebasing: bytes[..<end])
            if first == UInt8(ascii: "/") {
                guard let origin, bytes.count > 1, bytes[1] != UInt8(ascii: "/") else { return nil }
                return origin + String(decoding: kept, as: UTF8.self)
            }
            let schemeLength =
                kept.starts(with: "https://".utf8) ? 8 : kept.starts(with: "http://".utf8) ? 7 : 0
            guard schemeLength > 0 else { return nil }
            // The host runs to the first "/" or "?"; it must be lower-case already.
            var hostEnd = schemeLength
            while hostEnd < kept.count, kept[hostEnd] != UInt8(ascii: "/"), kept[hostEnd] != UInt8(ascii: "?") {
                guard kept[hostEnd] &- UInt8(ascii: "A") >= 26 else { return nil }
                hostEnd += 1
            }
            guard hostEnd > schemeLength else { return nil }
            guard hostEnd == kept.count || kept[hostEnd] == UInt8(ascii: "?") else {
                return String(decoding: kept, as: UTF8.self)
            }
            // "https://example.com" and "https://example.com?q" have the path "/".
            return String(decoding: UnsafeBufferPointer(rebasing: kept[..<hostEnd]), as: UTF8.self) + "/"
                + String(decoding: UnsafeBufferPointer(rebasing: kept[hostEnd...]), as: UTF8.self)
        }
    }

    private static func isWeb(_ scheme: String?) -> Bool { scheme == "http" || scheme == "https" }

    /// Leading and trailing controls and spaces removed, tabs and line breaks removed inside.
    private static func cleaned(_ href: String) -> String {
        var bytes = Array(href.utf8)
        while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
        let start = bytes.firstIndex { $0 > 0x20 } ?? bytes.count
        bytes.removeSubrange(..<start)
        bytes.removeAll { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The host lower-cased; user information and port as written.
    private static func lowercasedHost(_ authority: String) -> String {
        guard let at = authority.utf8.lastIndex(of: UInt8(ascii: "@")) else { return authority.lowercased() }
        return authority[...at] + authority[authority.utf8.index(after: at)...].lowercased()
    }

    /// Bytes a URL cannot hold as they are, percent-encoded; existing escapes kept.
    private static func percentEncoded(_ text: String) -> String {
        guard text.utf8.contains(where: needsEncoding) else { return text }
        let digits = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if needsEncoding(byte) {
                bytes += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEncoding(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "`")
    }
}

extension String {
    /// Backslashes before the query or fragment read as slashes; those after stay.
    fileprivate func replacingBackslashes() -> String {
        guard utf8.contains(UInt8(ascii: "\\")) else { return self }
        var inPath = true
        let bytes = utf8.map { byte -> UInt8 in
            if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { inPath = false }
            return inPath && byte == UInt8(ascii: "\\") ? UInt8(ascii: "/") : byte
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
