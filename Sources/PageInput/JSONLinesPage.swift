import Extraction
import Foundation

/// Reads one JSON Lines line: `{"id": ..., "url": ..., "html" | "text": ..., "fetched_at": ...}`.
enum JSONLinesPage {
    static func parse(_ line: [UInt8], location: String, maximumPageBytes: Int) -> InputItem {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
            return .unreadable(id: location, error: InputError(.malformed, location: location, detail: "line is not a JSON object"))
        }
        let url = object["url"] as? String
        let id: String
        if let text = object["id"] as? String, !text.isEmpty {
            id = text
        } else if let number = object["id"] as? NSNumber {
            id = number.stringValue
        } else {
            id = url ?? location
        }
        let body: String
        let format: RawPage.Format
        if let html = object["html"] as? String {
            (body, format) = (html, .html)
        } else if let text = object["text"] as? String {
            (body, format) = (text, .text)
        } else {
            return .unreadable(id: id, error: InputError(.malformed, location: location, detail: "line has neither \"html\" nor \"text\""))
        }
        let bytes = Array(body.utf8)
        guard bytes.count <= maximumPageBytes else {
            return .unreadable(id: id, error: InputError(.tooLarge, location: location,
                detail: "page is \(bytes.count) bytes, over the --max-page-bytes limit of \(maximumPageBytes)"))
        }
        return .page(RawPage(id: id, url: url, body: bytes, format: format, fetchedAt: object["fetched_at"] as? String,
                             charset: object["charset"] as? String))
    }
}
