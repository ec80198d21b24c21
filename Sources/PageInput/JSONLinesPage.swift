import Extraction
import Foundation

/// Reads one JSON Lines line: `{"id": ..., "url": ..., "html" | "text": ..., "fetched_at": ...}`.
enum JSONLinesPage {
    /// The longest page id taken. Ids travel in every message about the page, and an id of
    /// megabytes would make an acknowledgement larger than the producer accepts.
    static let maximumIDBytes = 4096

    static func parse(_ line: [UInt8], location: String, maximumPageBytes: Int) -> InputItem {
        let object: [String: Any]
        switch decodeObject(line) {
        case let .success(decoded): object = decoded
        case let .failure(reason):
            return .unreadable(id: location, error: InputError(.malformed, location: location, detail: reason.text))
        }
        let url = object["url"] as? String
        let id: String
        switch object["id"] {
        case let text as String where !text.isEmpty:
            id = text
        case let number as NSNumber where String(cString: number.objCType) != "c":
            id = number.stringValue
        case nil, is NSNull, "" as String:
            id = url ?? location
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
        let body: String
        let format: RawPage.Format
        if let html = object["html"] as? String {
            (body, format) = (html, .html)
        } else if let text = object["text"] as? String {
            (body, format) = (text, .text)
        } else {
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
                id: id, url: url, body: bytes, format: format, fetchedAt: object["fetched_at"] as? String,
                charset: object["charset"] as? String))
    }

    /// The line as a JSON object, or why it is not one, in words a user can act on.
    private static func decodeObject(_ line: [UInt8]) -> Result<[String: Any], Reason> {
        if String(validating: line, as: UTF8.self) == nil {
            return .failure(Reason("line is not valid UTF-8 (JSON text must be)"))
        }
        do {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                return .failure(Reason("line is JSON but not an object"))
            }
            return .success(object)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            return .failure(Reason("line is not a JSON object" + (detail.map { ": " + $0 } ?? "")))
        }
    }

    /// An id cut to a size a failure row can hold, with a hash of the whole so that two long
    /// ids sharing a start stay apart.
    static func shortened(_ id: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(decoding: Array(id.utf8.prefix(200)), as: UTF8.self) + "…#" + String(hash, radix: 16)
    }

    /// Why a line is not a page, for a person.
    struct Reason: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }
}
