/// Why a text is not a period (or not a period of the wanted frequency); `message` names the text and the reason.
public struct PeriodError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, with a stable `code` for tests and API clients.
    public enum Reason: Equatable, Sendable {
        /// The text is empty.
        case empty
        /// The text has spaces, tabs or line breaks around it.
        case surroundingWhitespace
        /// The text has none of the SPEC §3.1 forms.
        case unrecognizedForm
        /// A date was wanted, and the text is not `YYYY-MM-DD`.
        case notADate
        /// The year is 0000; years run from 0001 to 9999.
        case yearOutOfRange
        /// The month is not 01...12.
        case monthOutOfRange(Int)
        /// The quarter is not 1...4.
        case quarterOutOfRange(Int)
        /// The ISO week does not exist in that ISO week-year.
        case weekOutOfRange(year: Int, week: Int, weeksInYear: Int)
        /// The day does not exist in that month.
        case dayOutOfRange(day: Int, daysInMonth: Int)
        /// The period is well formed but of a granularity the frequency does not use (a month for a quarterly indicator).
        case wrongFrequency(granularity: Period.Granularity, frequency: Frequency)
        /// A day was given for a weekly, monthly, quarterly or annual indicator, but it does not start such a period.
        case notFirstDay(of: Frequency)

        /// A stable identifier of the reason.
        public var code: String {
            switch self {
            case .empty: "periodEmpty"
            case .surroundingWhitespace: "periodWhitespace"
            case .unrecognizedForm: "periodUnrecognized"
            case .notADate: "dateUnrecognized"
            case .yearOutOfRange: "periodYearOutOfRange"
            case .monthOutOfRange: "periodMonthOutOfRange"
            case .quarterOutOfRange: "periodQuarterOutOfRange"
            case .weekOutOfRange: "periodWeekOutOfRange"
            case .dayOutOfRange: "periodDayOutOfRange"
            case .wrongFrequency: "periodWrongFrequency"
            case .notFirstDay: "periodNotFirstDay"
            }
        }
    }

    /// The text that was read.
    public let text: String
    /// What is wrong with it.
    public let reason: Reason

    /// An error for `text`.
    public init(text: String, reason: Reason) {
        self.text = text
        self.reason = reason
    }

    /// A stable identifier of the reason.
    public var code: String { reason.code }

    /// A plain sentence naming the text and what is wrong with it.
    public var message: String {
        switch reason {
        case .empty:
            return "the period is empty; use a form such as \(Self.forms)"
        case .surroundingWhitespace:
            return "\"\(text)\" has spaces around it; write the period without them"
        case .unrecognizedForm:
            return "\(text) is not a period; use one of \(Self.forms)"
        case .notADate:
            return "\(text) is not a date; write it as YYYY-MM-DD, such as 2025-07-15"
        case .yearOutOfRange:
            return "\(text) is not a period: years run from 0001 to 9999"
        case .monthOutOfRange(let month):
            return "\(text) is not a period: there is no month \(Self.twoDigits(month)) (months run from 01 to 12)"
        case .quarterOutOfRange(let quarter):
            return "\(text) is not a period: there is no quarter Q\(quarter) (quarters run from Q1 to Q4)"
        case .weekOutOfRange(let year, let week, let weeksInYear):
            return week == 0
                ? "\(text) is not a period: ISO weeks run from W01 to W\(weeksInYear)"
                : "\(text) is not a period: ISO week-year \(Self.fourDigits(year)) has only \(weeksInYear) weeks"
        case .dayOutOfRange(let day, let daysInMonth):
            return day == 0
                ? "\(text) is not a date: days run from 01"
                : "\(text) is not a date: that month has only \(daysInMonth) days"
        case .wrongFrequency(let granularity, let frequency):
            return "\(text) is \(Self.article(granularity)), not a \(frequency.rawValue) period; use a form such as \(Self.example(frequency))"
        case .notFirstDay(let frequency):
            return "\(text) is not the first day of \(Self.periodNoun(frequency))"
        }
    }

    public var description: String { message }

    private static let forms = "2025, FY2025, 2025-Q3, FY2025-Q1, 2025-07, 2025-W07 or 2025-07-15"

    private static func fourDigits(_ value: Int) -> String {
        let digits = String(value)
        return value >= 0 && digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 && value >= 0 ? "0\(value)" : "\(value)"
    }

    private static func article(_ granularity: Period.Granularity) -> String {
        switch granularity {
        case .year: "a year"
        case .quarter: "a quarter"
        case .month: "a month"
        case .week: "an ISO week"
        case .day: "a day"
        }
    }

    private static func example(_ frequency: Frequency) -> String {
        switch frequency {
        case .weekly: "2025-W07"
        case .monthly: "2025-07"
        case .quarterly: "2025-Q3 or FY2025-Q1"
        case .annual: "2025 or FY2025"
        }
    }

    private static func periodNoun(_ frequency: Frequency) -> String {
        switch frequency {
        case .weekly: "an ISO week (a Monday)"
        case .monthly: "a month"
        case .quarterly: "a quarter"
        case .annual: "a year or fiscal year"
        }
    }
}
