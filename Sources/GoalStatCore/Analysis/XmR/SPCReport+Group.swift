extension SPCReport {
    /// One rebase group of `goalstat spc` output; `orgUnit` and `assurance` are written as explicit nulls when absent.
    public struct Group: Encodable, Sendable, Equatable {
        public var orgUnit: String?
        public var group: Int
        /// The label of the group's first period.
        public var from: String
        /// The label of the group's last period.
        public var to: String
        public var n: Int
        public var mean: Double
        public var lowerLimit: Double
        public var upperLimit: Double
        public var movingRangeMean: Double
        public var trialLimits: Bool
        public var variation: PointType
        public var assurance: Assurance?

        /// The row for `group` of the unit `orgUnit`, whose periods run `from` … `to`.
        public init(orgUnit: String?, from: String, to: String, _ group: XmRGroupResult) {
            self.orgUnit = orgUnit
            self.group = group.group
            self.from = from
            self.to = to
            n = group.n
            mean = group.mean
            lowerLimit = group.lowerLimit
            upperLimit = group.upperLimit
            movingRangeMean = group.movingRangeMean
            trialLimits = group.trialLimits
            variation = group.variation
            assurance = group.assurance
        }

        enum CodingKeys: String, CodingKey {
            case orgUnit, group, from, to, n, mean, lowerLimit, upperLimit, movingRangeMean, trialLimits
            case variation, assurance
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeOrNull(orgUnit, forKey: .orgUnit)
            try c.encode(group, forKey: .group)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(n, forKey: .n)
            try c.encode(mean, forKey: .mean)
            try c.encode(lowerLimit, forKey: .lowerLimit)
            try c.encode(upperLimit, forKey: .upperLimit)
            try c.encode(movingRangeMean, forKey: .movingRangeMean)
            try c.encode(trialLimits, forKey: .trialLimits)
            try c.encode(variation, forKey: .variation)
            try c.encodeOrNull(assurance, forKey: .assurance)
        }
    }
}
