extension SPCReport {
    /// One point of `goalstat spc` output; `orgUnit` and `specialCause` are written as explicit nulls when absent.
    public struct Point: Encodable, Sendable, Equatable {
        public var period: String
        public var orgUnit: String?
        public var value: Double
        public var group: Int
        public var mean: Double
        public var lowerLimit: Double
        public var upperLimit: Double
        public var lowerNearLimit: Double
        public var upperNearLimit: Double
        public var specialCause: SpecialCause?
        public var pointType: PointType
        public var trialLimits: Bool

        /// The row for `point`, printed with its period label and org unit.
        public init(period: String, orgUnit: String?, _ point: XmRPointResult) {
            self.period = period
            self.orgUnit = orgUnit
            value = point.value
            group = point.group
            mean = point.mean
            lowerLimit = point.lowerLimit
            upperLimit = point.upperLimit
            lowerNearLimit = point.lowerNearLimit
            upperNearLimit = point.upperNearLimit
            specialCause = point.specialCause
            pointType = point.pointType
            trialLimits = point.trialLimits
        }

        enum CodingKeys: String, CodingKey {
            case period, orgUnit, value, group, mean, lowerLimit, upperLimit, lowerNearLimit, upperNearLimit
            case specialCause, pointType, trialLimits
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(period, forKey: .period)
            try c.encodeOrNull(orgUnit, forKey: .orgUnit)
            try c.encode(value, forKey: .value)
            try c.encode(group, forKey: .group)
            try c.encode(mean, forKey: .mean)
            try c.encode(lowerLimit, forKey: .lowerLimit)
            try c.encode(upperLimit, forKey: .upperLimit)
            try c.encode(lowerNearLimit, forKey: .lowerNearLimit)
            try c.encode(upperNearLimit, forKey: .upperNearLimit)
            try c.encodeOrNull(specialCause, forKey: .specialCause)
            try c.encode(pointType, forKey: .pointType)
            try c.encode(trialLimits, forKey: .trialLimits)
        }
    }
}

extension KeyedEncodingContainer {
    /// Writes `value`, or an explicit JSON null when it is nil (synthesised coding would leave the key out).
    mutating func encodeOrNull<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
