import Enrichment
import Testing

/// Each kind of personal data found in the shapes people write it, and the numbers that only
/// look like it left alone.
@Suite struct PIIScannerTests {
    func found(_ text: String) -> [String] {
        let utf8 = Array(text.utf8)
        return PIIScanner.matches(in: text).map {
            "\($0.kind.rawValue):" + String(decoding: utf8[$0.bytes], as: UTF8.self)
        }
    }

    @Test(arguments: [
        ("Write to jane.doe+news@mail.example.co.uk today.", "email:jane.doe+news@mail.example.co.uk"),
        ("Call (415) 555-2671 or", "phone:(415) 555-2671"), ("at 1-800-555-0199x42.", "phone:1-800-555-0199x42"),
        ("Tél. : 01 23 45 67 89.", "phone:01 23 45 67 89"), ("unter 030/1234567 erreichbar", "phone:030/1234567"),
        ("ring 020 7946 0958 now", "phone:020 7946 0958"), ("+33 (0)6 44 83 37 88", "phone:+33 (0)6 44 83 37 88"),
        ("Llame al 612 345 678.", "phone:612 345 678"), ("тел. 8 (495) 123-45-67", "phone:8 (495) 123-45-67"),
        ("(11) 98765-4321", "phone:(11) 98765-4321"), ("03-1234-5678", "phone:03-1234-5678"),
        ("+919825979190", "phone:+919825979190"), ("from 8.8.4.4 on", "ipv4:8.8.4.4"),
        ("host 2a00:1450:4007:80e::200e up", "ipv6:2a00:1450:4007:80e::200e"),
        ("card 4111 1111 1111 1111 ok", "card:4111 1111 1111 1111"), ("3782-822463-10005", "card:3782-822463-10005"),
        ("IBAN DE89 3704 0044 0532 0130 00.", "iban:DE89 3704 0044 0532 0130 00"),
        ("GB82WEST12345698765432", "iban:GB82WEST12345698765432"),
    ])
    func findsEachKind(text: String, expected: String) {
        #expect(found(text) == [expected])
    }

    @Test(arguments: [
        "On 2024-05-12, 12.06.2024 and 03/04/2021.", "It costs $1,299.99 or 1 299,99 €.", "3 450 000 €",
        "ISBN 978-1-75987-735-8", "978-3-16-148410-0", "version 10.0.19041.1", "v2.14.3", "OpenSSL 1.1.1w",
        "at 45.8326, 6.8652", "40.712776 -74.005974", "Order #20240512-8841", "commande n° 4432 1234 5567",
        "12:30:45", "192.168.1.1 and 10.0.0.254 and 127.0.0.1", "1990-2020", "SN 4CE0460D0G", "1Z999AA10123456784",
        "2001:db8::1 and fe80::1", "4111 1111 1111 1112", "DE89 3704 0044 0532 0130 01", "3 000 000 inhabitants",
        "nobody@localhost", "a score of 3:2:1",
    ])
    func leavesLookalikesAlone(text: String) {
        #expect(found(text).isEmpty)
    }

    @Test func redactingReplacesWithDatatrovesStringsInTurnAndSaysWhere() {
        let text = "Mail a@b.org or c@d.org, é from 8.8.8.8."
        let (counts, redacted, spans) = PIIRedactor.apply(to: text, redact: true)
        #expect(counts == ["email": 2, "ipv4": 1])
        #expect(redacted == "Mail email@example.com or firstname.lastname@example.org, é from 22.214.171.124.")
        let scalars = Array(redacted.unicodeScalars)
        let pieces = spans.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        #expect(pieces == ["email@example.com", "firstname.lastname@example.org", "22.214.171.124"])
        let (_, kept, found) = PIIRedactor.apply(to: text, redact: false)
        #expect(kept == text)
        #expect(found.map(\.text) == ["email 5 12", "email 16 23", "ipv4 32 39"])
    }
}
