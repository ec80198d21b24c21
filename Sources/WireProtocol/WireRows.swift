import PageModel

/// The protocol's batch headers: a JSON array of rows, each an array of unsigned integers and
/// strings (`null` read as the empty string), written and read with the page model's one JSON
/// codec, so the wire follows the same rules as every record. A client in any language reads
/// them with its JSON library.
enum WireRows {
    /// An array of arrays, `[[1,"a"],[2,"b"]]`, one inner array for each of `items`, whose
    /// values `row` writes: the mirror of `read`.
    static func write<Item>(
        _ items: some Sequence<Item>, reservingBytes: Int,
        _ row: (Item, inout JSONWriter) -> Void
    ) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: reservingBytes)
        writer.beginArray()
        for item in items {
            writer.beginArray()
            row(item, &writer)
            writer.endArray()
        }
        writer.endArray()
        return writer.bytes
    }

    /// Reads an array of arrays from a frame, calling `row` to read each inner array's values,
    /// and checks that nothing follows; every failure names `context`.
    static func read(
        _ frame: ArraySlice<UInt8>, context: String, _ row: (inout Row) throws(WireError) -> Void
    ) throws(WireError) {
        var reader = Row(json: JSONReader(frame), context: context)
        try reader.expect(UInt8(ascii: "["))
        if !reader.json.take(UInt8(ascii: "]")) {
            repeat {
                try reader.expect(UInt8(ascii: "["))
                reader.valuesInRow = 0
                try row(&reader)
                try reader.expect(UInt8(ascii: "]"))
            } while reader.json.take(UInt8(ascii: ","))
            try reader.expect(UInt8(ascii: "]"))
        }
        try reader.wire { (json: inout JSONReader) throws(PageModelError) in try json.expectEnd() }
    }

    /// The values of one row, read in order.
    struct Row {
        fileprivate var json: JSONReader
        fileprivate let context: String
        /// Values read so far in the current row: each after the first follows a comma.
        fileprivate var valuesInRow = 0

        /// Runs one step of the JSON reader, its failure turned into the protocol's, naming
        /// what was being read.
        fileprivate mutating func wire<Result>(
            _ step: (inout JSONReader) throws(PageModelError) -> Result
        ) throws(WireError) -> Result {
            do throws(PageModelError) {
                return try step(&json)
            } catch {
                throw WireError(.malformedMessage, "\(context): \(error.detail)")
            }
        }

        fileprivate mutating func expect(_ byte: UInt8) throws(WireError) {
            try wire { (json: inout JSONReader) throws(PageModelError) in try json.expect(byte) }
        }

        /// Whether the row holds another value: rows may end early, their last values optional.
        mutating func hasMore() -> Bool {
            !json.isNext(UInt8(ascii: "]"))
        }

        /// Consumes the comma before every value of a row but the first.
        private mutating func separate() throws(WireError) {
            if valuesInRow > 0 { try expect(UInt8(ascii: ",")) }
            valuesInRow += 1
        }

        /// The next value of the row: an unsigned integer.
        mutating func number() throws(WireError) -> UInt64 {
            try separate()
            return try wire { (json: inout JSONReader) throws(PageModelError) in try json.readUnsignedInteger() }
        }

        /// The next value of the row: a string, or `null` read as the empty string.
        mutating func string() throws(WireError) -> String {
            try separate()
            return try wire { (json: inout JSONReader) throws(PageModelError) in
                json.readNull() ? "" : try json.readString()
            }
        }
    }
}
