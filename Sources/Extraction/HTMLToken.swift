/// One piece of an HTML document, as the tokenizer finds it.
enum HTMLToken {
    /// `<name attr=value ...>`; names are lower-cased ASCII.
    case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
    /// `</name>`.
    case endTag(name: String)
    /// Character data between tags, undecoded: the byte range in the document.
    case text(Range<Int>)
    /// The raw content of a script, style or similar element, undecoded.
    case rawText(name: String, range: Range<Int>)
    /// A comment's content (`<!--…-->`, or a bogus comment such as `<?…>`).
    case comment(Range<Int>)
    /// A doctype, with its name lower-cased.
    case doctype(name: String)
}

/// A tag's attribute, with its value's character references decoded.
struct HTMLAttribute {
    let name: String
    let value: String
}
