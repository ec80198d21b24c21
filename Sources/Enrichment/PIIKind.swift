/// The kinds of personal data `PIIScanner` finds in a text.
public enum PIIKind: String, Sendable, CaseIterable, Comparable {
    case email, phone, ipv4, ipv6, card, iban

    /// What `--redact-pii` writes in place of each, in turn: datatrove's `PIIFormatter`
    /// strings for e-mail and IPv4 addresses (example.com/org, addresses that answered no ping),
    /// and in the same spirit, values reserved for examples for the kinds it does not cover
    /// (NANP's 555-01xx numbers, IPv6's documentation prefix, a card networks' test number,
    /// the IBAN registry's own example).
    public var replacements: [String] {
        switch self {
        case .email: ["email@example.com", "firstname.lastname@example.org"]
        case .ipv4:
            ["22.214.171.124", "126.96.36.199", "188.8.131.52", "184.108.40.206", "220.127.116.11", "18.104.22.168"]
        case .phone: ["+1-202-555-0143", "+1-202-555-0187"]
        case .ipv6: ["2001:db8::1", "2001:db8::2"]
        case .card: ["4111 1111 1111 1111"]
        case .iban: ["DE89 3704 0044 0532 0130 00"]
        }
    }

    public static func < (lhs: PIIKind, rhs: PIIKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One piece of personal data found: its kind and where it lies, in UTF-8 bytes of the text.
public struct PIIMatch: Sendable, Equatable {
    public var kind: PIIKind
    public var bytes: Range<Int>
}
