/// One piece of an HTML document, as the tokenizer finds it. Not copyable: a token is moved
/// from the tokenizer to its reader, where a copyable one was copied and destroyed whole, by
/// the runtime's generic code, once for every tag (1.4 % of extraction).
enum HTMLToken: ~Copyable {
    /// `<name attr=value ...>`; names are lower-cased ASCII; `traits`: the element's, by its name.
    case startTag(name: ElementName, traits: ElementTraits, attributes: TagAttributes, selfClosing: Bool)
    /// `</name>`.
    case endTag(name: ElementName)
    /// Character data between tags, undecoded: the byte range in the document.
    case text(Range<Int>)
    /// The raw content of a script, style or similar element, undecoded.
    case rawText(name: ElementName, range: Range<Int>)
    /// A comment's content (`<!--…-->`, or a bogus comment such as `<?…>`).
    case comment(Range<Int>)
    /// A doctype, with its name lower-cased.
    case doctype(name: String)
}

/// A tag's attribute, as where its name and value lie in the document: values are decoded only
/// when read (`TagAttributes`), since most are never read. From a tokenizer that reads only
/// known attributes, the values HTML compares without case (`KnownAttribute.isCaseInsensitive`)
/// read lower-cased (ASCII).
struct HTMLAttribute {
    /// The name, when it is one extraction reads.
    let known: KnownAttribute?
    /// The name's bytes in the document, as written.
    let nameRange: Range<Int>
    /// The value's bytes in the document, without its quotes, character references undecoded;
    /// empty for a bare attribute.
    let valueRange: Range<Int>
    /// Whether the value reads with its ASCII letters lower-cased.
    let lowercasesValue: Bool
}

/// A start tag's attributes with the document they point into: a value is decoded when asked.
/// Both point into the tokenizer's storage, without reference counting: a tag's attributes are
/// read while its token is handled, before the tokenizer is asked for the next one.
struct TagAttributes: RandomAccessCollection {
    /// The document the attributes' ranges point into.
    let document: UnsafeBufferPointer<UInt8>
    let list: UnsafeBufferPointer<HTMLAttribute>

    var startIndex: Int { list.startIndex }
    var endIndex: Int { list.endIndex }
    subscript(position: Int) -> HTMLAttribute { list[position] }

    /// The bytes of the attribute's value as written.
    func writtenValue(_ attribute: HTMLAttribute) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: document[attribute.valueRange])
    }

    /// The attribute's name: the known name, or the bytes written lower-cased.
    func name(_ attribute: HTMLAttribute) -> String {
        if let known = attribute.known { return known.rawValue }
        return ASCIICase.lowercasedString(UnsafeBufferPointer(rebasing: document[attribute.nameRange]))
    }

    /// The attribute's value, character references decoded (invalid UTF-8 repaired).
    func value(_ attribute: HTMLAttribute) -> String {
        CharacterReferences.decode(
            writtenValue(attribute), inAttribute: true, lowercasingASCII: attribute.lowercasesValue)
    }

    /// The value of the first attribute of that name, if there is one.
    func value(of known: KnownAttribute) -> String? {
        list.first { $0.known == known }.map(value)
    }

    /// Appends the attribute's decoded value to `output`; `documentIsValidUTF8`: the bytes need
    /// no repair, so they go straight in (else through a repaired string, as `value` reads).
    func appendValue(_ attribute: HTMLAttribute, documentIsValidUTF8: Bool, to output: inout [UInt8]) {
        guard documentIsValidUTF8 else {
            output.append(contentsOf: value(attribute).utf8)
            return
        }
        let start = output.count
        CharacterReferences.decode(writtenValue(attribute), inAttribute: true, appendingTo: &output)
        if attribute.lowercasesValue { ASCIICase.lowercase(&output, from: start) }
    }

    /// The first byte of the decoded value, read without decoding it where no reference opens it.
    func firstValueByte(_ attribute: HTMLAttribute) -> UInt8? {
        guard let first = writtenValue(attribute).first else { return nil }
        return first == UInt8(ascii: "&") ? value(attribute).utf8.first : first
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
