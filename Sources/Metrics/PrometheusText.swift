/// Builds the Prometheus text exposition format (version 0.0.4): HELP and TYPE lines, then
/// samples; histograms as cumulative `_bucket` series with `le`, then `_sum` and `_count`.
public struct PrometheusText {
    public private(set) var text = ""

    public init() {}

    /// A value that only grows; by convention its name ends in `_total`.
    public mutating func counter(_ name: String, _ help: String, _ value: Double, labels: [String: String] = [:]) {
        header(name, help, "counter")
        sample(name, value, labels)
    }

    /// One counter in several series, one a label value: a HELP and TYPE line, then a sample
    /// for each of `values`, labelled `label`.
    public mutating func counter(_ name: String, _ help: String, label: String, values: [String: Double]) {
        header(name, help, "counter")
        for (key, value) in values.sorted(by: { $0.key < $1.key }) { sample(name, value, [label: key]) }
    }

    /// A value that goes up and down.
    public mutating func gauge(_ name: String, _ help: String, _ value: Double, labels: [String: String] = [:]) {
        header(name, help, "gauge")
        sample(name, value, labels)
    }

    /// A histogram from per-bucket counts (not cumulative; the last is over every bound), in seconds.
    public mutating func histogram(
        _ name: String, _ help: String, bounds: [Double], counts: [UInt64], sum: Double, count: UInt64
    ) {
        header(name, help, "histogram")
        var cumulative: UInt64 = 0
        for (index, bound) in bounds.enumerated() {
            cumulative += index < counts.count ? counts[index] : 0
            sample(name + "_bucket", Double(cumulative), ["le": Self.number(bound)])
        }
        sample(name + "_bucket", Double(count), ["le": "+Inf"])
        sample(name + "_sum", sum, [:])
        sample(name + "_count", Double(count), [:])
    }

    private mutating func header(_ name: String, _ help: String, _ type: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    private mutating func sample(_ name: String, _ value: Double, _ labels: [String: String]) {
        func escaped(_ value: String) -> String {
            value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        }
        let rendered = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(escaped($0.value))\"" }
        text +=
            name + (rendered.isEmpty ? "" : "{" + rendered.joined(separator: ",") + "}") + " " + Self.number(value)
            + "\n"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
