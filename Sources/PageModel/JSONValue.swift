/// One value under an object's key, as `JSONReader.readObject` hands it over.
public enum JSONValue: Sendable, Equatable {
    /// A string.
    case string(String)
    /// A number, as written (checked against JSON's grammar).
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An array whose items are all strings.
    case strings([String])
    /// An object, as its JSON text (checked to be well formed).
    case object(String)
    /// Any other array (of objects, numbers, arrays …), as its JSON text (checked to be well
    /// formed).
    case array(String)

    /// The string, when this is one.
    public var string: String? {
        if case let .string(text) = self { text } else { nil }
    }

    /// The number, when this is one that reads as a `Double`.
    public var double: Double? {
        if case let .number(text) = self { Double(text) } else { nil }
    }

    /// The strings of an array, other items left out; nil when this is not an array.
    public var arrayStrings: [String]? {
        switch self {
        case let .strings(values): return values
        case let .array(json):
            do throws(PageModelError) {
                return try JSONTree.read(Array(json.utf8)).array?.compactMap(\.string)
            } catch {
                return nil  // checked to be well formed as it was read: it cannot fail
            }
        default: return nil
        }
    }

    /// The number as an integer, when it is one (`3`, `3.0`, `3e2`) and fits.
    public var integer: Int? {
        guard case let .number(text) = self, let value = Double(text) else { return nil }
        return Int(exactly: value)
    }
}
