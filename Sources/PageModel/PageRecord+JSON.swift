/// A record as JSON, written and read by hand: it crosses the wire and is decoded by the
/// collector for every page, where Foundation's Codable coders cost more than storing the row.
/// The shape is the one `Codable` gives (snake-case keys, absent optionals left out); reading
/// follows `JSONReader`'s rules and is as lenient as `init(from:)`: only `id` and `text` are
/// required, unknown keys are skipped.
extension PageRecord {
    /// The record as one JSON object, in UTF-8; without its `text` when `includingText` is
    /// false (the wire carries the text in a frame of its own, with nothing to escape).
    public func jsonBytes(includingText: Bool = true) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: (includingText ? text.utf8.count : 0) + 512)
        writer.beginObject()
        writer.field("id", id)
        writer.field("url", url)
        writer.field("canonical_url", canonicalURL)
        writer.field("title", title)
        writer.field("author", authors)
        writer.field("published", published)
        writer.field("language", language)
        writer.field("description", description)
        writer.field("site_name", siteName)
        writer.field("tags", tags)
        writer.field("image", image)
        if includingText { writer.field("text", text) }
        writer.field("word_count", wordCount)
        writer.field("content_hash", contentHash)
        writer.field("fetched_at", fetchedAt)
        if let origin {
            writer.field("archive", origin.archive)
            writer.field("archive_offset", origin.offset)
        }
        if !minhash.isEmpty { writer.field("minhash", Self.hex(minhash)) }
        writer.field("quality", quality)
        writer.field("pii", pii)
        if !piiSpans.isEmpty { writer.field("pii_spans", piiSpans) }
        writer.objects("links", links) { writer, link in
            writer.field("url", link.url)
            writer.field("text", link.text)
            writer.field("kind", link.kind.rawValue)
        }
        writer.objects("keywords", keywords) { writer, keyword in
            writer.field("phrase", keyword.phrase)
            writer.field("score", keyword.score)
        }
        writer.objects("entities", entities) { writer, entity in
            writer.field("name", entity.name)
            writer.field("kind", entity.kind.rawValue)
            writer.field("forms", entity.forms)
            writer.field("count", entity.count)
        }
        writer.objects("quotes", quotes) { writer, quote in
            writer.field("text", quote.text)
            writer.field("speaker", quote.speaker)
        }
        writer.endObject()
        return writer.bytes
    }

    /// Reads a record written by `jsonBytes()` or by any JSON writer in any key order. A `text`
    /// given apart is the record's text, and the object then needs none.
    public init(jsonBytes: [UInt8], text separateText: String? = nil) throws(PageModelError) {
        var fields = Fields(text: separateText)
        var reader = JSONReader(jsonBytes)
        do throws(PageModelError) {
            try reader.readMembers(depth: 0) { key, reader throws(PageModelError) in
                try fields.take(key, &reader, textGivenApart: separateText != nil)
            }
            try reader.expectEnd()
        } catch {
            throw error.about(pageID: fields.id ?? "")
        }
        guard let id = fields.id else {
            throw PageModelError(.malformedRecord, detail: "the record has no \"id\" string")
        }
        guard let text = fields.text else {
            throw PageModelError(.malformedRecord, pageID: id, detail: "the record has no \"text\" string")
        }
        self.init(
            id: id, url: fields.url, canonicalURL: fields.canonicalURL, title: fields.title,
            authors: fields.authors, published: fields.published, language: fields.language,
            description: fields.description, siteName: fields.siteName, tags: fields.tags,
            image: fields.image, text: text, wordCount: fields.wordCount ?? TextMeasures.wordCount(text),
            contentHash: fields.contentHash ?? TextMeasures.contentHash(text), fetchedAt: fields.fetchedAt,
            origin: fields.archive.map { ArchiveOrigin(archive: $0, offset: fields.archiveOffset ?? 0) })
        minhash = fields.minhash.map(Self.values(hex:)) ?? []
        quality = fields.quality
        pii = fields.pii
        piiSpans = fields.piiSpans
        links = fields.links
        keywords = fields.keywords
        entities = fields.entities
        quotes = fields.quotes
    }

    /// A signature as text: each value as 8 hex digits, back to back.
    public static func hex(_ values: [UInt32]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 8)
        for value in values {
            for shift in stride(from: 28, through: 0, by: -4) {
                bytes.append(digits[Int(value >> UInt32(shift) & 0xF)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The values of a signature written by `hex(_:)`; empty when it is not one.
    public static func values(hex: String) -> [UInt32] {
        let bytes = Array(hex.utf8)
        guard bytes.count % 8 == 0 else { return [] }
        var values: [UInt32] = []
        values.reserveCapacity(bytes.count / 8)
        for start in stride(from: 0, to: bytes.count, by: 8) {
            var value: UInt32 = 0
            for byte in bytes[start..<start + 8] {
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x61...0x66: digit = byte - 0x57
                case 0x41...0x46: digit = byte - 0x37
                default: return []
                }
                value = value << 4 | UInt32(digit)
            }
            values.append(value)
        }
        return values
    }

    /// Numbers by name as a JSON object, keys sorted, as the store keeps quality signals; nil
    /// for none.
    public static func jsonObject(_ numbers: [String: Double]) -> String? {
        guard !numbers.isEmpty else { return nil }
        var writer = JSONWriter()
        writer.object(numbers)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// A list of strings as a JSON array, as the store keeps authors and tags.
    public static func jsonArray(_ values: [String]) -> String {
        // Most records have no authors or no tags: no writer for those.
        guard !values.isEmpty else { return "[]" }
        var writer = JSONWriter()
        writer.strings(values)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Each field read straight into its variable: no dictionary of fields to build and hash.
    private struct Fields {
        var id: String?, text: String?, url: String?, canonicalURL: String?, title: String?
        var published: String?, language: String?, description: String?, siteName: String?
        var image: String?, contentHash: String?, fetchedAt: String?, archive: String?, minhash: String?
        var authors: [String] = [], tags: [String] = []
        var quality: [String: Double] = [:], pii: [String: Double] = [:], piiSpans: [String] = []
        var links: [PageLink] = []
        var keywords: [PageKeyword] = []
        var entities: [PageEntity] = []
        var quotes: [PageQuote] = []
        var wordCount: Int?, archiveOffset: Int?

        init(text: String?) {
            self.text = text
        }

        /// Reads the value of `key`: the arrays of objects and the objects of numbers in place,
        /// item by item, the rest as one value.
        mutating func take(_ key: String, _ reader: inout JSONReader, textGivenApart: Bool) throws(PageModelError) {
            switch key {
            case "links": links = try Self.items(&reader, Self.link)
            case "keywords": keywords = try Self.items(&reader, Self.keyword)
            case "entities": entities = try Self.items(&reader, Self.entity)
            case "quotes": quotes = try Self.items(&reader, Self.quote)
            case "quality": quality = try Self.numbers(&reader) ?? quality
            case "pii": pii = try Self.numbers(&reader) ?? pii
            default: take(key, try reader.readValue(depth: 1), textGivenApart: textGivenApart)
            }
        }

        private mutating func take(_ key: String, _ value: JSONValue, textGivenApart: Bool) {
            switch (key, value) {
            case ("word_count", _): wordCount = value.integer
            case ("archive_offset", _): archiveOffset = value.integer
            case ("author", _): authors = Self.strings(value)
            case ("tags", _): tags = Self.strings(value)
            case ("pii_spans", _): piiSpans = Self.strings(value)
            case let (_, .string(string)): take(key, string, textGivenApart: textGivenApart)
            default: break
            }
        }

        private mutating func take(_ key: String, _ string: String, textGivenApart: Bool) {
            switch key {
            case "id": id = string
            case "text": if !textGivenApart { text = string }
            case "url": url = string
            case "canonical_url": canonicalURL = string
            case "title": title = string
            case "published": published = string
            case "language": language = string
            case "description": description = string
            case "site_name": siteName = string
            case "image": image = string
            case "content_hash": contentHash = string
            case "fetched_at": fetchedAt = string
            case "archive": archive = string
            case "minhash": minhash = string
            default: break
            }
        }

        /// The items of an array of objects that `read` makes something of (each object's
        /// members, by key, the reader at the value); other items are left out.
        private static func items<Item>(
            _ reader: inout JSONReader, _ read: (inout JSONReader) throws(PageModelError) -> Item?
        ) throws(PageModelError) -> [Item] {
            var items: [Item] = []
            try reader.readObjectItems(depth: 1) { reader throws(PageModelError) in
                if let item = try read(&reader) { items.append(item) }
            }
            return items
        }

        /// An object's members, each value handed to `take` with its key (strings, numbers and
        /// arrays of strings, read at the depth of an item's values; others skipped).
        private static func members(
            _ reader: inout JSONReader, _ take: (String, JSONValue) -> Void
        ) throws(PageModelError) {
            try reader.readMembers(depth: 2) { key, reader throws(PageModelError) in
                take(key, try reader.readValue(depth: 3))
            }
        }

        /// A link; one without a URL, or of an unknown kind, is none.
        private static func link(_ reader: inout JSONReader) throws(PageModelError) -> PageLink? {
            var url: String?, text: String?, kind: PageLink.Kind?
            try members(&reader) { key, value in
                switch key {
                case "url": url = value.string
                case "text": text = value.string
                case "kind": kind = value.string.flatMap(PageLink.Kind.init(rawValue:))
                default: break
                }
            }
            guard let url, let kind else { return nil }
            return PageLink(url: url, text: text ?? "", kind: kind)
        }

        /// A key phrase; one without a phrase is none, one without a score scores 0.
        private static func keyword(_ reader: inout JSONReader) throws(PageModelError) -> PageKeyword? {
            let (phrase, score) = try values(&reader, "phrase", "score")
            return phrase?.string.map { PageKeyword(phrase: $0, score: score?.double ?? 0) }
        }

        /// The values of two members of an object (of duplicate keys, the last one's).
        private static func values(
            _ reader: inout JSONReader, _ first: String, _ second: String
        ) throws(PageModelError) -> (JSONValue?, JSONValue?) {
            var values: (JSONValue?, JSONValue?)
            try members(&reader) { key, value in
                if key == first { values.0 = value } else if key == second { values.1 = value }
            }
            return values
        }

        /// An entity; one without a name or of an unknown kind is none.
        private static func entity(_ reader: inout JSONReader) throws(PageModelError) -> PageEntity? {
            var name: String?, kind: PageEntity.Kind?, forms: [String]?, count: Double?
            try members(&reader) { key, value in
                switch key {
                case "name": name = value.string
                case "kind": kind = value.string.flatMap(PageEntity.Kind.init(rawValue:))
                case "forms": forms = value.arrayStrings
                case "count": count = value.double
                default: break
                }
            }
            guard let name, let kind else { return nil }
            let mentions = count.flatMap { Int(exactly: $0.rounded(.towardZero)) } ?? 1
            return PageEntity(name: name, kind: kind, forms: forms ?? [name], count: mentions)
        }

        /// A quotation; one without a text is none.
        private static func quote(_ reader: inout JSONReader) throws(PageModelError) -> PageQuote? {
            let (text, speaker) = try values(&reader, "text", "speaker")
            return text?.string.map { PageQuote(text: $0, speaker: speaker?.string) }
        }

        /// An object's numbers by name, other values left out; nil (the value skipped) when it
        /// is not an object.
        private static func numbers(_ reader: inout JSONReader) throws(PageModelError) -> [String: Double]? {
            guard reader.isNext(UInt8(ascii: "{")) else {
                try reader.skipValue(depth: 1)
                return nil
            }
            var numbers: [String: Double] = [:]
            try reader.readMembers(depth: 1) { key, reader throws(PageModelError) in
                if let number = try reader.readNumberOrSkip(depth: 2) { numbers[key] = number }
            }
            return numbers
        }

        /// A list of names as given: an array of strings, or one string alone.
        private static func strings(_ value: JSONValue) -> [String] {
            switch value {
            case let .strings(values): values
            case let .string(value): [value]
            default: []
            }
        }
    }
}
