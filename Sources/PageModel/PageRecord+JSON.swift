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
            try reader.readObject { key, value in fields.take(key, value, textGivenApart: separateText != nil) }
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

    /// An object's numbers by name; other values are left out.
    static func numbers(inObject json: String) -> [String: Double] {
        var numbers: [String: Double] = [:]
        var reader = JSONReader(Array(json.utf8))
        do throws(PageModelError) {
            try reader.readObject { key, value in
                if case let .number(text) = value, let number = Double(text) { numbers[key] = number }
            }
        } catch {
            // Checked to be well formed as the record was read: nothing here can fail.
            return numbers
        }
        return numbers
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

        mutating func take(_ key: String, _ value: JSONValue, textGivenApart: Bool) {
            switch (key, value) {
            case ("word_count", _): wordCount = value.integer
            case ("archive_offset", _): archiveOffset = value.integer
            case ("author", _): authors = Self.strings(value)
            case ("tags", _): tags = Self.strings(value)
            case let ("quality", .object(json)): quality = PageRecord.numbers(inObject: json)
            case let ("pii", .object(json)): pii = PageRecord.numbers(inObject: json)
            case ("pii_spans", _): piiSpans = Self.strings(value)
            case let ("links", .array(json)): links = Self.links(json)
            case let ("keywords", .array(json)): keywords = Self.keywords(json)
            case let ("entities", .array(json)): entities = Self.entities(json)
            case let ("quotes", .array(json)): quotes = Self.quotes(json)
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

        /// Links from an array of objects; an item without a URL, or of an unknown kind, is left
        /// out (the array itself was checked to be well formed).
        private static func links(_ json: String) -> [PageLink] {
            objects(json).compactMap { fields in
                guard let url = fields["url"]?.string,
                    let kind = fields["kind"]?.string.flatMap(PageLink.Kind.init(rawValue:))
                else { return nil }
                return PageLink(url: url, text: fields["text"]?.string ?? "", kind: kind)
            }
        }

        /// Key phrases from an array of objects; an item without a phrase is left out.
        private static func keywords(_ json: String) -> [PageKeyword] {
            objects(json).compactMap { fields in
                guard let phrase = fields["phrase"]?.string else { return nil }
                return PageKeyword(phrase: phrase, score: fields["score"]?.number ?? 0)
            }
        }

        /// Entities from an array of objects; an item without a name or of an unknown kind is left out.
        private static func entities(_ json: String) -> [PageEntity] {
            objects(json).compactMap { fields in
                guard let name = fields["name"]?.string,
                    let kind = fields["kind"]?.string.flatMap(PageEntity.Kind.init(rawValue:))
                else { return nil }
                let forms = fields["forms"]?.array?.compactMap(\.string) ?? [name]
                return PageEntity(name: name, kind: kind, forms: forms, count: Int(fields["count"]?.number ?? 1))
            }
        }

        /// Quotations from an array of objects; an item without a text is left out.
        private static func quotes(_ json: String) -> [PageQuote] {
            objects(json).compactMap { fields in
                fields["text"]?.string.map { PageQuote(text: $0, speaker: fields["speaker"]?.string) }
            }
        }

        /// The objects of an array (checked to be well formed as the record was read).
        private static func objects(_ json: String) -> [[String: JSONTree]] {
            do throws(PageModelError) {
                return (try JSONTree.read(Array(json.utf8)).array ?? []).compactMap(\.object)
            } catch {
                return []
            }
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
