/// The values an indicator can plausibly take (issue 10, SPEC §2a: data that can be trusted). A value outside is
/// refused with the reason, in forms, the API and imports alike. An indicator may declare its own range
/// (`validRange` in the framework file); otherwise a percentage lies in 0–100, and a count or a duration (days,
/// hours, or a unit named minutes, seconds, weeks, months or years) is at least 0; other units (currency, rates,
/// free text) take any finite number.
public struct ValidRange: Codable, Sendable, Equatable, Hashable {
    public var min: Double?
    public var max: Double?

    public init(min: Double? = nil, max: Double? = nil) {
        self.min = min
        self.max = max
    }

    /// The range a percentage takes unless its indicator says otherwise.
    public static let percentage = ValidRange(min: 0, max: 100)
    /// The range a count or a duration takes unless its indicator says otherwise.
    public static let count = ValidRange(min: 0)

    /// Free-text units that name a duration, which cannot be negative.
    static let durations: Set<String> = ["minute", "minutes", "second", "seconds", "week", "weeks", "month", "months", "year", "years"]

    /// The range that applies to a value of an indicator of `unit` that declares `declared` (nil: none applies).
    public static func applying(declared: ValidRange?, unit: IndicatorUnit) -> ValidRange? {
        if let declared { return declared }
        switch unit {
        case .percent: return .percentage
        case .count, .days, .hours: return .count
        case .other(let text): return durations.contains(text.lowercased()) ? .count : nil
        case .currency, .rate: return nil
        }
    }

    public func contains(_ value: Double) -> Bool {
        (min.map { value >= $0 } ?? true) && (max.map { value <= $0 } ?? true)
    }

    /// Why `value` is refused, or nil when the range holds it. `whose` names what the range is of, as in "of FO-SAT"
    /// or "of a percentage".
    public func problem(with value: Double, whose: @autoclosure () -> String) -> String? {
        if let min, value < min {
            return "\(Self.text(value)) is below \(Self.text(min)), the smallest valid value \(whose())"
        }
        if let max, value > max {
            return "\(Self.text(value)) is above \(Self.text(max)), the largest valid value \(whose())"
        }
        return nil
    }

    /// A range's own problem: an end that is not a finite number, or a minimum above the maximum.
    public var problem: String? {
        if let min, !min.isFinite { return "the minimum must be a finite number" }
        if let max, !max.isFinite { return "the maximum must be a finite number" }
        if let min, let max, min > max { return "the minimum (\(Self.text(min))) is above the maximum (\(Self.text(max)))" }
        return nil
    }

    private static func text(_ value: Double) -> String {
        DoubleFormatting.shortest(value) ?? "\(value)"
    }
}
