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

/// A tag's attribute, with its value's character references decoded. From a tokenizer that
/// reads only known attributes, the values HTML compares without case
/// (`KnownAttribute.isCaseInsensitive`) come lower-cased (ASCII).
struct HTMLAttribute {
    let name: String
    let value: String
    /// The name, when it is one extraction reads.
    let known: KnownAttribute?

    init(name: String, value: String, known: KnownAttribute?) {
        self.name = name
        self.value = value
        self.known = known
    }

    init(name: String, value: String) {
        self.init(name: name, value: value, known: KnownAttribute(rawValue: name))
    }
}

/// The attributes extraction reads; a tokenizer told to keep only these skips the rest.
enum KnownAttribute: String, CaseIterable, Sendable {
    case `class`, id, itemprop, role, hidden, style, href, rel, content, property, name, lang, datetime, type, charset
    case ariaHidden = "aria-hidden"
    case httpEquiv = "http-equiv"

    /// Whether the value is compared without case: keywords and names, not text or URLs.
    var isCaseInsensitive: Bool {
        switch self {
        case .class, .id, .itemprop, .role, .hidden, .style, .rel, .property, .name, .type, .charset, .ariaHidden,
            .httpEquiv:
            true
        case .href, .content, .lang, .datetime:
            false
        }
    }
}
