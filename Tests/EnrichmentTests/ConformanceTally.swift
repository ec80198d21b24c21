import Enrichment

/// What `QualityConformanceTests` counts: for each rule set, the pages where pagemill and
/// datatrove keep or drop alike and where they name the same rule, and the differences.
struct ConformanceTally {
    var sameKeepOrDrop: [String: Int] = [
        "gopher_quality": 0, "gopher_repetition": 0, "c4": 0, "c4_fineweb": 0, "fineweb": 0,
    ]
    var sameRule: [String: Int] = [:]
    var wordsWithinOnePercent = 0
    var sameFineWebRatios = 0
    var differences: [String] = []

    mutating func compare(
        _ text: QualityConformanceTests.Text, _ signals: QualitySignals, _ reference: QualityConformanceTests.Reference
    ) {
        let pairs = [
            ("gopher_quality", signals.gopher.qualityFailure, reference.gopherQuality),
            ("gopher_repetition", signals.gopher.repetitionFailure, reference.gopherRepetition),
            ("c4", signals.c4.failure, reference.c4), ("c4_fineweb", signals.c4.fineWebFailure, reference.c4Fineweb),
            ("fineweb", signals.fineWeb.failure, reference.fineweb),
        ]
        for (rule, ours, theirs) in pairs {
            let ours = ours ?? "pass"
            if (ours == "pass") == (theirs == "pass") { sameKeepOrDrop[rule, default: 0] += 1 }
            if ours == theirs {
                sameRule[rule, default: 0] += 1
            } else {
                differences.append("\(text.id) (\(text.language)): \(rule) \(ours) vs \(theirs)")
            }
        }
        if abs(signals.gopher.words - reference.words) <= max(1, reference.words / 100) { wordsWithinOnePercent += 1 }
        let ratios = (signals.fineWeb.punctuatedLineShare, signals.fineWeb.shortLineShare)
        if abs(ratios.0 - (reference.finewebPunctLines ?? 0)) < 1e-9,
            abs(ratios.1 - (reference.finewebShortLines ?? 0)) < 1e-9
        {
            sameFineWebRatios += 1
        }
    }

    func report(of count: Int) -> String {
        let rules = sameKeepOrDrop.keys.sorted().map {
            "\($0) \(sameKeepOrDrop[$0] ?? 0) kept or dropped alike, \(sameRule[$0] ?? 0) for the same rule"
        }
        return "Quality conformance on \(count) texts: " + rules.joined(separator: "; ")
            + "; word counts within 1 % on \(wordsWithinOnePercent); FineWeb line ratios equal on \(sameFineWebRatios)\n"
            + differences.joined(separator: "\n")
    }
}
