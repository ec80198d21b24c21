/// Random runs of bytes drawn from a few chosen ones (those on both sides of the edges a
/// word-at-a-time routine tests), for checking such routines against byte-by-byte ones.
struct RandomBytes {
    let alphabet: [UInt8]
    private var generator = SystemRandomNumberGenerator()

    init(_ alphabet: [UInt8]) { self.alphabet = alphabet }

    /// A run of `lengths.randomElement()` bytes of the alphabet.
    mutating func next(lengths: ClosedRange<Int>) -> [UInt8] {
        (0..<Int.random(in: lengths, using: &generator)).map { _ in
            alphabet.randomElement(using: &generator) ?? 0
        }
    }
}
