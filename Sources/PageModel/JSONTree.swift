/// A whole JSON value, for readers that look into documents of any shape (a page's JSON-LD),
/// read by `JSONReader.readTree` with the reader's rules.
public indirect enum JSONTree: Sendable, Equatable {
    /// A string.
    case string(String)
    /// A number, as written.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An array, its items in order.
    case array([JSONTree])
    /// An object; of duplicate keys, the last one's value.
    case object([String: JSONTree])

    /// The string, when this is one.
    public var string: String? {
        if case let .string(text) = self { text } else { nil }
    }

    /// The number, when this is one that reads as a `Double`.
    public var number: Double? {
        if case let .number(text) = self { Double(text) } else { nil }
    }

    /// The items, when this is an array.
    public var array: [JSONTree]? {
        if case let .array(items) = self { items } else { nil }
    }

    /// The members, when this is an object.
    public var object: [String: JSONTree]? {
        if case let .object(members) = self { members } else { nil }
    }
}

extension JSONTree {
    /// The one value `bytes` hold, white space around it allowed, nothing else.
    public static func read(_ bytes: [UInt8], allowingTrailingCommas: Bool = false) throws(PageModelError) -> JSONTree {
        var reader = JSONReader(bytes)
        let tree = try reader.readTree(allowingTrailingCommas: allowingTrailingCommas)
        try reader.expectEnd()
        return tree
    }
}

extension JSONReader {
    /// Reads one value whole, at nesting `depth`. `allowingTrailingCommas`: a comma after an
    /// array's or object's last item is let pass (`[1, 2,]`), as Foundation's reader and
    /// browsers' let it pass in a page's JSON-LD; RFC 8259 refuses it.
    public mutating func readTree(
        allowingTrailingCommas: Bool = false, depth: Int = 0
    ) throws(PageModelError)
        -> JSONTree
    {
        guard depth <= Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth)") }
        skipSpace()
        if take(UInt8(ascii: "[")) {
            var items: [JSONTree] = []
            if take(UInt8(ascii: "]")) { return .array(items) }
            repeat {
                if allowingTrailingCommas, !items.isEmpty, take(UInt8(ascii: "]")) { return .array(items) }
                items.append(try readTree(allowingTrailingCommas: allowingTrailingCommas, depth: depth + 1))
            } while take(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
            return .array(items)
        }
        if take(UInt8(ascii: "{")) {
            var members: [String: JSONTree] = [:]
            if take(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                if allowingTrailingCommas, !members.isEmpty, take(UInt8(ascii: "}")) { return .object(members) }
                let key = try readString()
                try expect(UInt8(ascii: ":"))
                members[key] = try readTree(allowingTrailingCommas: allowingTrailingCommas, depth: depth + 1)
            } while take(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
            return .object(members)
        }
        switch try readValue(depth: depth) {
        case let .string(text): return .string(text)
        case let .number(text): return .number(text)
        case let .bool(value): return .bool(value)
        case .null: return .null
        case .strings, .object, .array: throw failure("expected a value")  // arrays and objects are read above
        }
    }
}
