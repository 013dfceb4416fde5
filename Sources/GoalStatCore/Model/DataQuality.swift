/// The data-quality statement GPRA asks for (31 U.S.C. 1115(b)(8)): verification, validation, source, accuracy, limitations.
public struct DataQuality: Codable, Sendable, Equatable {
    public var verification: String?
    public var validation: String?
    public var source: String?
    public var accuracy: String?
    public var limitations: String?
    public var compensation: String?

    public init(
        verification: String? = nil, validation: String? = nil, source: String? = nil,
        accuracy: String? = nil, limitations: String? = nil, compensation: String? = nil
    ) {
        self.verification = verification
        self.validation = validation
        self.source = source
        self.accuracy = accuracy
        self.limitations = limitations
        self.compensation = compensation
    }

    public var isEmpty: Bool {
        [verification, validation, source, accuracy, limitations, compensation].allSatisfy { $0 == nil }
    }
}
