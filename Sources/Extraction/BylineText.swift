import Foundation

/// Reads the names in a byline: "By Ann Lee and Bo Chen" → ["Ann Lee", "Bo Chen"].
enum BylineText {
    /// Words that end the names: dates, roles and the furniture forums put beside a user name.
    private static let stopWords: Set<String> = [
        "|", "•", "·", "-", "—", "on", "updated", "published", "posted", "wrote", "says",
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december",
        "member", "moderator", "admin", "administrator", "joined", "reviewer", "offline", "online", "staff", "writer",
        "editor", "former", "subscribe", "share", "follow", "well-known", "contributor", "senior", "verified",
        "founder", "co-founder", "ceo", "cto", "expert", "specialist", "reviewed", "fact-checked", "edited", "at",
    ]

    private static let markers: Set<String> = [
        "by", "par", "von", "por", "di", "door", "av", "przez", "written", "author", "author:", "by:",
    ]

    /// The names part of a byline, or nil when the text is too long or too sentence-like to be one.
    static func names(_ text: String) -> String? {
        // A byline is a few words: past the first forty (the rest left as one piece), no name
        // is read anyway, however long the element the page marked as its byline.
        var words = text.split(separator: " ", maxSplits: 40)
        // "Recipe by Ann Lee", "Story by …": a word or two may come before the marker.
        if let by = words.prefix(3).firstIndex(where: { $0.lowercased() == "by" }) { words.removeFirst(by) }
        while let first = words.first, markers.contains(first.lowercased()) { words.removeFirst() }
        // Bylines often run on into the date or the reading time: stop at the first number,
        // separator or "on"/"updated".
        if let end = words.firstIndex(where: { word in
            let lower = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,:"))
            return word.contains(where: \.isNumber) || Self.stopWords.contains(lower)
        }) {
            words = Array(words[..<end])
        }
        guard (1...8).contains(words.count), let last = words.last?.last, last != "." || words.count <= 3 else {
            return nil
        }
        let names = words.joined(separator: " ")
        guard names.count <= 80, !names.contains("http"), names.first?.isLetter == true else { return nil }
        return names
    }

    /// Whether the text opens with a byline marker ("By", "Par", "Written by"), in a word or two.
    static func startsWithMarker(_ text: String) -> Bool {
        let words = text.split(separator: " ", maxSplits: 3)
        guard words.count >= 2 else { return false }
        return words.prefix(2).contains { markers.contains($0.lowercased()) }
    }

    /// Splits "Ann Lee, Bo Chen and Cy Diaz" into names.
    static func split(_ names: String) -> [String] {
        names.components(separatedBy: ", ").flatMap { $0.components(separatedBy: " and ") }
            .flatMap { $0.components(separatedBy: " & ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
