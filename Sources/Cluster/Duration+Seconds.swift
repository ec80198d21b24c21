extension Duration {
    /// The duration in seconds, with its fraction: the one conversion the roles and the
    /// executable share.
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

    /// Whole milliseconds, for poll timeouts.
    var milliseconds: Int { Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000) }
}
