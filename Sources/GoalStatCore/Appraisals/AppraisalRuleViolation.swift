/// Why an appraisal rule refuses an input: the field at fault, the section of the law or regulation it breaks (nil
/// for malformed input, which breaks no rule), and the reason in plain words.
public struct AppraisalRuleViolation: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field at fault, as a path into the input (`critical[0]`, `nonCritical`, `amount`).
    public var field: String
    /// The section broken, for example `5 CFR 430.206(b)(4)` or `5 U.S.C. 4505a(a)(2)`.
    public var section: String?
    /// What is wrong, in plain words.
    public var reason: String

    public init(field: String, section: String?, reason: String) {
        self.field = field
        self.section = section
        self.reason = reason
    }

    public var description: String {
        section.map { "\(field): \(reason) (\($0))" } ?? "\(field): \(reason)"
    }
}
