import PageModel

/// A name's stem in a language that declines names (Russian): the word lower-cased without its
/// case ending, so that "Фидан", "Фидана" and "Фиданом", or "Москва" and "Москве", are one
/// name. A stem keeps three scalars at least; the longest ending that leaves them is taken.
enum NameStem {
    /// Russian's noun and adjective case endings, longest first.
    private static let endings: [[UInt32]] = [
        "ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ым", "им", "ах", "ях", "ую", "а", "я", "у",
        "ю", "е", "ы", "и",
    ].map { $0.unicodeScalars.map(\.value) }

    /// The hash of the word's stem.
    static func key(of word: TextWords.Word, in text: ScalarText) -> UInt64 {
        let range = Int(word.start)..<Int(word.end)
        let lowered = range.map { TextWords.lowered(text.scalars[$0], text.traits[$0]) }
        var length = lowered.count
        if let ending = endings.first(where: {
            lowered.count - $0.count >= 3 && lowered.suffix($0.count).elementsEqual($0)
        }) {
            length -= ending.count
        }
        var hash = TextMeasures.fnvOffset
        for value in lowered.prefix(length) { hash = TextMeasures.fnvMixed(hash, UInt64(value)) }
        return hash
    }

    /// The hash of a run of words' stems.
    static func key(of words: ArraySlice<TextWords.Word>, in text: ScalarText) -> UInt64 {
        words.reduce(TextMeasures.fnvOffset) { TextMeasures.fnvMixed($0, key(of: $1, in: text)) }
    }
}
