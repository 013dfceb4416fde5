/// The unit an indicator is measured in: one of the common ones, or free text (`minutes`, `visits`).
public enum IndicatorUnit: Sendable, Equatable, Hashable {
    case count, percent, currency, days, hours, rate
    case other(String)

    public init(_ text: String) {
        switch text {
        case "count": self = .count
        case "percent": self = .percent
        case "currency": self = .currency
        case "days": self = .days
        case "hours": self = .hours
        case "rate": self = .rate
        default: self = .other(text)
        }
    }

    public var text: String {
        switch self {
        case .count: "count"
        case .percent: "percent"
        case .currency: "currency"
        case .days: "days"
        case .hours: "hours"
        case .rate: "rate"
        case .other(let text): text
        }
    }
}

extension IndicatorUnit: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// The kind of quantity, as a sentence names it: "a percentage", "a count", "a duration in minutes".
    public var kindName: String {
        switch self {
        case .percent: "a percentage"
        case .count: "a count"
        case .currency: "an amount of money"
        case .days: "a duration in days"
        case .hours: "a duration in hours"
        case .rate: "a rate"
        case .other(let text): ValidRange.durations.contains(text.lowercased()) ? "a duration in \(text)" : "a value in \(text)"
        }
    }
}
