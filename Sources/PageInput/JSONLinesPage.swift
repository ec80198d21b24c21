import PageModel

/// Reads one JSON Lines line: `{"id": ..., "url": ..., "html" | "text": ..., "fetched_at": ...}`.
enum JSONLinesPage {
    /// The longest page id taken. Ids travel in every message about the page, and an id of
    /// megabytes would make an acknowledgement larger than the producer accepts.
    static let maximumIDBytes = 4096

    static func parse(_ line: [UInt8], location: String, maximumPageBytes: Int) -> InputItem {
        let fields: Fields
        switch Fields.read(line) {
        case let .success(read): fields = read
        case let .failure(reason):
            return .unreadable(id: location, error: InputError(.malformed, location: location, detail: reason.text))
        }
        let id: String
        switch fields.id {
        case let .string(text) where !text.isEmpty:
            id = text
        case let .number(written):
            // 42, 42.0 and 4.2e1 name one page; a fraction keeps its digits as written.
            id = fields.id?.integer.map(String.init) ?? written
        case nil, .null, .string:
            id = fields.url ?? location
        default:
            // true and 1 must not become one page: an id is a string or a number.
            return .unreadable(
                id: location,
                error: InputError(
                    .malformed, location: location,
                    detail: "\"id\" is neither a string nor a number"))
        }
        guard id.utf8.count <= maximumIDBytes else {
            return .unreadable(
                id: shortened(id),
                error: InputError(
                    .malformed, location: location,
                    detail: "the page id is \(id.utf8.count) bytes, over the limit of \(maximumIDBytes)"))
        }
        guard let (body, format) = fields.body else {
            return .unreadable(
                id: id,
                error: InputError(.malformed, location: location, detail: "line has neither \"html\" nor \"text\""))
        }
        let bytes = Array(body.utf8)
        guard bytes.count <= maximumPageBytes else {
            return .unreadable(
                id: id,
                error: InputError(
                    .tooLarge, location: location,
                    detail: "page is \(bytes.count) bytes, over the --max-page-bytes limit of \(maximumPageBytes)"))
        }
        return .page(
            RawPage(
                id: id, url: fields.url, body: bytes, format: format, fetchedAt: fields.fetchedAt,
                charset: fields.charset))
    }

    /// What a line says about its page, read with the page model's JSON reader.
    private struct Fields {
        var id: JSONValue?
        var url: String?, html: String?, text: String?, fetchedAt: String?, charset: String?

        /// The body and its format: `html` when the line has it, else `text`.
        var body: (String, RawPage.Format)? {
            if let html { return (html, .html) }
            if let text { return (text, .text) }
            return nil
        }

        /// The line's fields, or why it is not a JSON object, in words a user can act on.
        static func read(_ line: [UInt8]) -> Result<Fields, Reason> {
            if String(validating: line, as: UTF8.self) == nil {
                return .failure(Reason("line is not valid UTF-8 (JSON text must be)"))
            }
            var fields = Fields()
            var reader = JSONReader(line)
            do throws(PageModelError) {
                try reader.readObject { key, value in
                    guard key != "id" else { fields.id = value; return }
                    guard case let .string(string) = value else { return }
                    switch key {
                    case "url": fields.url = string
                    case "html": fields.html = string
                    case "text": fields.text = string
                    case "fetched_at": fields.fetchedAt = string
                    case "charset": fields.charset = string
                    default: break
                    }
                }
            } catch {
                return .failure(Reason("line is not a JSON object: " + error.detail))
            }
            return .success(fields)
        }
    }

    /// An id cut to a size a failure row can hold, with a hash of the whole so that two long
    /// ids sharing a start stay apart.
    static func shortened(_ id: String) -> String {
        String(decoding: Array(id.utf8.prefix(200)), as: UTF8.self) + "…#"
            + String(TextMeasures.fnv1a(id.utf8), radix: 16)
    }

    /// Why a line is not a page, for a person.
    struct Reason: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }
}
