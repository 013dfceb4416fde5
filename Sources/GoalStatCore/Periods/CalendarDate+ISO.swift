extension CalendarDate {
    /// Reads an ISO 8601 calendar date, exactly `YYYY-MM-DD` (years 0001–9999).
    public static func parse(_ text: String) throws(PeriodError) -> CalendarDate {
        var copy = text
        let result = copy.withUTF8 { Period.parse(utf8: $0, frequency: nil, calendar: .federal) }
        switch result {
        case .success(let period) where period.granularity == .day:
            return period.start
        case .success:
            throw PeriodError(text: text, reason: .notADate)
        case .failure(let reason):
            throw PeriodError(text: text, reason: reason == .unrecognizedForm ? .notADate : reason)
        }
    }
}

extension CalendarDate: Codable {
    /// Decodes the ISO 8601 form, `2025-07-15`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CalendarDate.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the ISO 8601 form, `2025-07-15`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
