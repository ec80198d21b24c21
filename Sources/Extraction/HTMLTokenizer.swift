#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A forgiving byte-level HTML tokenizer: it never fails, whatever the input, and its work is
/// linear in the input's size.
///
/// It follows the shape of the HTML tokenizer's states closely enough for extraction: tags,
/// attributes (quoted, unquoted, bare), comments, doctypes, CDATA, and the raw-text elements
/// whose content is not markup.
///
/// It reads the document through a pointer, without reference counting or bounds checks on
/// each byte: every read is behind a test of `position` against `bytes.count`, and the tests
/// (built with checks on) run it over random bytes. A start tag's attributes point into the
/// tokenizer's own storage: they are valid until the next call to `next()`.
struct HTMLTokenizer: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Whether `bytes` is the tokenizer's own copy, freed with it.
    private let ownsBytes: Bool
    private var position = 0

    /// Elements whose content runs, unparsed, to their end tag (`ElementTraits.rawText`).
    /// `<noscript>` is not among them: it is read as markup, as a browser without scripts (and a
    /// crawler) reads it, since forums and single-page sites put their server-rendered content there.
    static let rawTextElements = [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    ]

    /// The known attributes' table, held here: a static's every read checks that it is initialised.
    private let knownNames = Self.knownNames
    /// Tag names: the common ones looked up, the document's others numbered.
    private var tagNames = TagNames()

    /// The current start tag's attributes: one buffer for every tag, reused from tag to tag.
    /// The count is not stored next to the pointer: the two were read as one 16-byte load right
    /// after the count's 8-byte store, which the processor cannot forward (a stall every tag).
    private var attributeCount = 0
    private var attributeCapacity = 16
    private var attributes: UnsafeMutablePointer<HTMLAttribute>

    /// Set after the start tag of a raw-text element: its content comes next, as one token.
    private var pendingRawText: ElementName?
    /// Whether only the attributes extraction reads are reported (the others are skipped, name
    /// and value: most attribute bytes, `srcset`, `data-*`, inline JSON, are of no use to it),
    /// with case-insensitive values lower-cased.
    private let onlyKnownAttributes: Bool
    /// The known attribute names, looked up by their bytes without building a string.
    private static let knownNames = ShortNameTable(KnownAttribute.allCases.map { ($0.rawValue, $0) })
    /// A tokenizer for its own copy of `bytes`; `rawTextElement` starts inside such an
    /// element's content, as the html5lib tests' initial states do. `onlyKnownAttributes`: report
    /// only the attributes in `KnownAttribute`.
    init(_ bytes: [UInt8], rawTextElement: String? = nil, onlyKnownAttributes: Bool = false) {
        let rawTextElement = rawTextElement.flatMap { ElementName(common: $0) }
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = copy.initialize(from: bytes)
        self.init(
            bytes: UnsafeBufferPointer(rebasing: copy[0..<bytes.count]), owned: true, rawTextElement: rawTextElement,
            onlyKnownAttributes: onlyKnownAttributes)
    }

    /// A tokenizer reading `bytes` where they are, without a copy: for `body` alone.
    static func reading<Result>(
        _ bytes: [UInt8], onlyKnownAttributes: Bool = false, _ body: (inout HTMLTokenizer) -> Result
    ) -> Result {
        bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = HTMLTokenizer(
                bytes: buffer, owned: false, rawTextElement: nil, onlyKnownAttributes: onlyKnownAttributes)
            return body(&tokenizer)
        }
    }

    private init(
        bytes: UnsafeBufferPointer<UInt8>, owned: Bool, rawTextElement: ElementName?, onlyKnownAttributes: Bool
    ) {
        self.bytes = bytes
        self.ownsBytes = owned
        self.pendingRawText = rawTextElement
        self.onlyKnownAttributes = onlyKnownAttributes
        attributes = .allocate(capacity: attributeCapacity)
    }

    deinit {
        attributes.deallocate()
        if ownsBytes { bytes.deallocate() }
    }

    /// The document being read: tokens' ranges point into it.
    var document: UnsafeBufferPointer<UInt8> { bytes }

    /// The name a token's number stands for.
    func string(of name: ElementName) -> String { tagNames.string(of: name) }

    /// The names outside `ElementName.common` met so far, in the order of their numbers.
    var otherNames: [String] { tagNames.others }

    /// The known attribute these bytes name, if any. Inlined: called on the tokenizer, a
    /// `~Copyable` struct, it had its fields copied out for every attribute.
    @inline(__always)
    private func knownAttribute(_ range: Range<Int>) -> KnownAttribute? {
        key(range).flatMap(knownNames.value(for:))
    }

    /// The lower-cased key of the bytes in `range`; nil past 16 bytes.
    @inline(__always)
    private func key(_ range: Range<Int>) -> ShortNameKey? {
        ShortNameKey(lowercasing: bytes, start: range.lowerBound, count: range.count)
    }

    @inline(__always)
    mutating func next() -> HTMLToken? {
        let count = bytes.count
        if let name = pendingRawText {
            pendingRawText = nil
            if let token = readRawText(of: name) { return token }
        }
        while position < count {
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                position = indexOf(UInt8(ascii: "<"), from: position) ?? count
                return .text(start..<position)
            }
            // At '<': decide what follows.
            let next = position + 1 < count ? bytes[position + 1] : 0
            if next == UInt8(ascii: "!") {
                return readMarkupDeclaration()
            }
            if next == UInt8(ascii: "?") {
                return bogusComment(from: position + 1)
            }
            if next == UInt8(ascii: "/") {
                if position + 2 < count, isASCIILetter(bytes[position + 2]) {
                    return readEndTag()
                }
                if position + 2 < count, bytes[position + 2] == UInt8(ascii: ">") {
                    position += 3  // "</>" is nothing at all.
                    continue
                }
                if position + 2 >= count {
                    let start = position
                    position = count
                    return .text(start..<count)
                }
                return bogusComment(from: position + 2)
            }
            if isASCIILetter(next) {
                return readStartTag()
            }
            // A lone '<' is text.
            let start = position
            position = indexOf(UInt8(ascii: "<"), from: position + 1) ?? count
            return .text(start..<position)
        }
        return nil
    }

    // MARK: Tags

    @inline(__always)
    private mutating func readStartTag() -> HTMLToken {
        position += 1
        let (name, traits) = readName()
        // The previous tag's attributes are read by now (they last until this call).
        attributeCount = 0
        var selfClosing = false
        let count = bytes.count
        while position < count {
            skipWhitespace()
            guard position < count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") { position += 1; break }
            if byte == UInt8(ascii: "/") {
                position += 1
                if position < count, bytes[position] == UInt8(ascii: ">") { selfClosing = true; position += 1; break }
                continue
            }
            let nameRange = readAttributeName()
            let known = knownAttribute(nameRange)
            // Told to keep only the known attributes, the others are skipped whole.
            let kept = known != nil || !onlyKnownAttributes
            skipWhitespace()
            var valueRange = position..<position
            if position < count, bytes[position] == UInt8(ascii: "=") {
                position += 1
                skipWhitespace()
                valueRange = attributeValueRange()
            }
            // The first of duplicate attributes wins, as in browsers.
            if kept, !currentAttributes.contains(where: { isSameName($0, known: known, nameRange) }) {
                appendAttribute(
                    HTMLAttribute(
                        known: known, nameRange: nameRange, valueRange: valueRange,
                        lowercasesValue: onlyKnownAttributes && known?.isCaseInsensitive == true))
            }
        }
        if !selfClosing, traits.contains(.rawText) { pendingRawText = name }
        return .startTag(
            name: name, traits: traits, attributes: TagAttributes(document: bytes, list: currentAttributes),
            selfClosing: selfClosing)
    }

    private var currentAttributes: UnsafeBufferPointer<HTMLAttribute> {
        UnsafeBufferPointer(start: attributes, count: attributeCount)
    }

    private mutating func appendAttribute(_ attribute: HTMLAttribute) {
        if attributeCount == attributeCapacity {
            let larger = UnsafeMutablePointer<HTMLAttribute>.allocate(capacity: attributeCapacity * 2)
            larger.moveInitialize(from: attributes, count: attributeCount)
            attributes.deallocate()
            attributes = larger
            attributeCapacity *= 2
        }
        (attributes + attributeCount).initialize(to: attribute)
        attributeCount += 1
    }

    /// Reads a raw-text element's content up to (not including) its end tag; nil when empty.
    private mutating func readRawText(of name: ElementName) -> HTMLToken? {
        let start = position
        let count = bytes.count
        let nameBytes = Array(string(of: name).utf8)
        var cursor = position
        var end = count
        if name != .plaintext {
            while let open = indexOf(UInt8(ascii: "<"), from: cursor) {
                if open + 1 < count, bytes[open + 1] == UInt8(ascii: "/"), matchesName(nameBytes, at: open + 2) {
                    end = open
                    break
                }
                cursor = open + 1
            }
        }
        position = end
        return end > start ? .rawText(name: name, range: start..<end) : nil
    }

    private mutating func readEndTag() -> HTMLToken {
        position += 2
        let (name, _) = readName()
        position = (indexOf(UInt8(ascii: ">"), from: position) ?? bytes.count - 1) + 1
        return .endTag(name: name)
    }

    /// A bogus comment runs from `start` to the next '>'.
    private mutating func bogusComment(from start: Int) -> HTMLToken {
        let end = indexOf(UInt8(ascii: ">"), from: start) ?? bytes.count
        position = min(end + 1, bytes.count)
        return .comment(start..<end)
    }

    private mutating func readMarkupDeclaration() -> HTMLToken {
        let count = bytes.count
        let dash = UInt8(ascii: "-")
        guard position + 3 < count, bytes[position + 2] == dash, bytes[position + 3] == dash else {
            if matchesKeyword("doctype", at: position + 2) {
                let end = indexOf(UInt8(ascii: ">"), from: position) ?? count
                var nameStart = position + 9
                while nameStart < end, isWhitespace(bytes[nameStart]) { nameStart += 1 }
                var nameEnd = nameStart
                while nameEnd < end, !isWhitespace(bytes[nameEnd]) { nameEnd += 1 }
                position = min(end + 1, count)
                return .doctype(name: lowercased(nameStart..<nameEnd))
            }
            // CDATA and other declarations: bogus comments up to the next '>'.
            return bogusComment(from: position + 2)
        }
        // "<!-->" and "<!--->" are empty comments.
        let bodyStart = position + 4
        if bodyStart < count, bytes[bodyStart] == UInt8(ascii: ">") {
            position = bodyStart + 1; return .comment(bodyStart..<bodyStart)
        }
        if bodyStart + 1 < count, bytes[bodyStart] == dash, bytes[bodyStart + 1] == UInt8(ascii: ">") {
            position = bodyStart + 2
            return .comment(bodyStart..<bodyStart)
        }
        // Otherwise the comment ends at the first "-->" or "--!>"; unterminated, it runs to the end.
        var cursor = bodyStart
        while let close = indexOf(UInt8(ascii: ">"), from: cursor) {
            if close >= bodyStart + 2, bytes[close - 1] == dash, bytes[close - 2] == dash {
                position = close + 1
                return .comment(bodyStart..<(close - 2))
            }
            if close >= bodyStart + 3, bytes[close - 1] == UInt8(ascii: "!"), bytes[close - 2] == dash,
                bytes[close - 3] == dash
            {
                position = close + 1
                return .comment(bodyStart..<(close - 3))
            }
            cursor = close + 1
        }
        position = count
        var end = count
        while end > bodyStart, bytes[end - 1] == dash, end > count - 2 { end -= 1 }
        return .comment(bodyStart..<end)
    }

    private func matchesKeyword(_ keyword: StaticString, at start: Int) -> Bool {
        let length = keyword.utf8CodeUnitCount
        guard start + length <= bytes.count else { return false }
        for offset in 0..<length where bytes[start + offset] | 0x20 != keyword.utf8Start[offset] { return false }
        return true
    }

    // MARK: Pieces

    /// A tag's name, lower-cased, and its traits (none for a name outside the common ones).
    private mutating func readName() -> (ElementName, ElementTraits) {
        let start = position
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            position += 1
        }
        return tagNames.name(UnsafeBufferPointer(rebasing: bytes[start..<position]), key: key(start..<position))
    }

    private mutating func readAttributeName() -> Range<Int> {
        let start = position
        let count = bytes.count
        position += 1  // The first character may be anything but whitespace, '/' or '>', even '='.
        while position < count {
            let byte = bytes[position]
            if isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
            {
                break
            }
            position += 1
        }
        return start..<position
    }

    /// The bytes of an attribute's value, quoted or not; moves past it.
    private mutating func attributeValueRange() -> Range<Int> {
        let count = bytes.count
        guard position < count else { return count..<count }
        let quote = bytes[position]
        let range: Range<Int>
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let end = indexOf(quote, from: position + 1) ?? count
            range = (position + 1)..<end
            position = min(end + 1, count)
        } else {
            let start = position
            while position < count, !isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
                position += 1
            }
            range = start..<position
        }
        return range
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, isWhitespace(bytes[position]) { position += 1 }
    }

    private func indexOf(_ byte: UInt8, from start: Int) -> Int? {
        // memchr: text runs and attribute values are long, and it looks at many bytes a step.
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private func matchesName(_ name: [UInt8], at start: Int) -> Bool {
        guard start + name.count <= bytes.count else { return false }
        for (offset, expected) in name.enumerated() where bytes[start + offset] | 0x20 != expected {
            return false
        }
        let after = start + name.count
        return after == bytes.count || isWhitespace(bytes[after]) || bytes[after] == UInt8(ascii: ">")
            || bytes[after] == UInt8(ascii: "/")
    }

    /// Whether an attribute already read has the name of the one at `range`: known names by
    /// their case, others by their bytes without ASCII case.
    private func isSameName(_ attribute: HTMLAttribute, known: KnownAttribute?, _ range: Range<Int>) -> Bool {
        if known != nil || attribute.known != nil { return attribute.known == known }
        guard attribute.nameRange.count == range.count else { return false }
        var other = attribute.nameRange.lowerBound
        for index in range {
            let one = bytes[index], two = bytes[other]
            if one != two, !(one | 0x20 == two | 0x20 && (one | 0x20) >= 0x61 && (one | 0x20) <= 0x7A) { return false }
            other += 1
        }
        return true
    }

    private func lowercased(_ range: Range<Int>) -> String {
        ASCIICase.lowercasedString(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
