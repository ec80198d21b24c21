/// Reading objects and arrays in place: the caller reads each member's or item's value itself,
/// straight into what it builds, rather than the value being copied out as JSON text and read
/// again into a tree of dictionaries.
extension JSONReader {
    /// Reads an object (after any white space), handing each key to `visit`, which must read
    /// exactly one value with this reader (`readValue`, `skipValue`, `readMembers` …). `depth`:
    /// the object's nesting; its values are one deeper.
    public mutating func readMembers(
        depth: Int, _ visit: (String, inout JSONReader) throws(PageModelError) -> Void
    ) throws(PageModelError) {
        guard depth <= Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth)") }
        try expect(UInt8(ascii: "{"))
        if take(UInt8(ascii: "}")) { return }
        repeat {
            let key = try readString()
            try expect(UInt8(ascii: ":"))
            try visit(key, &self)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// Reads an array (after any white space), handing the reader to `visit` once an item,
    /// which must read exactly that item. `depth`: the array's nesting.
    public mutating func readItems(
        depth: Int, _ visit: (inout JSONReader) throws(PageModelError) -> Void
    ) throws(PageModelError) {
        guard depth <= Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth)") }
        try expect(UInt8(ascii: "["))
        if take(UInt8(ascii: "]")) { return }
        repeat {
            try visit(&self)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    /// Reads the value next as an array of objects, handing the reader to `visit` at each
    /// object (which it must read, with `readMembers` at `depth + 1`); any other item, or a value
    /// that is not an array, is skipped, checked to be well formed.
    public mutating func readObjectItems(
        depth: Int, _ visit: (inout JSONReader) throws(PageModelError) -> Void
    ) throws(PageModelError) {
        guard isNext(UInt8(ascii: "[")) else { return try skipValue(depth: depth) }
        try readItems(depth: depth) { reader throws(PageModelError) in
            guard reader.isNext(UInt8(ascii: "{")) else { return try reader.skipValue(depth: depth + 1) }
            try visit(&reader)
        }
    }

    /// The value next as a string, or nil (the value skipped) when it is not one.
    public mutating func readStringOrSkip(depth: Int) throws(PageModelError) -> String? {
        if isNext(UInt8(ascii: "\"")) { return try readString() }
        try skipValue(depth: depth)
        return nil
    }

    /// The value next as a number, or nil (the value read) when it is not one.
    public mutating func readNumberOrSkip(depth: Int) throws(PageModelError) -> Double? {
        guard case let .number(text) = try readValue(depth: depth) else { return nil }
        return Double(text)
    }
}
