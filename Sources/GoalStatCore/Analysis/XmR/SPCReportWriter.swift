/// Writes the `goalstat spc` document unit by unit, as it goes, so that memory does not grow with the output:
/// compact JSON (SPEC §5, the default), JSON Lines (`{"kind": "group"|"point", …}` a line each) or CSV (one row per
/// point). Hand-written rather than `JSONEncoder`, which builds the whole document in memory first and took most of
/// the time of a large run; the fields, their order and their nulls are those of `SPCReport.Group` and `Point`.
///
/// It writes bytes straight into its buffer: numbers through `DoubleFormatting.append`, and the parts of a point that
/// its unit and group share (the org unit, the group's centre line and limits) printed once per unit and group.
public struct SPCReportWriter {
    public enum Format: String, CaseIterable, Sendable {
        case json, jsonl, csv
    }

    public let format: Format
    /// Where the bytes go; it may be replaced between calls (the spc run holds the groups back until it knows the
    /// input is good).
    public var sink: ([UInt8]) -> Void
    private var buffer: [UInt8] = []
    private var first = true
    private let chunkSize: Int
    /// Every end a point can have (see `pointEnds(_:)`), one after the other, and where each is.
    private let pointEndBytes: [UInt8]
    private let pointEndRanges: [Range<Int>]

    /// Bytes reach `sink` in chunks of about `chunkSize` (1 MB by default), and at `finish()`.
    public init(format: Format, chunkSize: Int = 1 << 20, sink: @escaping ([UInt8]) -> Void) {
        self.format = format
        self.sink = sink
        self.chunkSize = chunkSize
        let ends = Self.pointEnds(format)
        pointEndBytes = ends.flatMap { $0 }
        pointEndRanges = ends.reduce(into: []) { ranges, end in
            let start = ranges.last?.upperBound ?? 0
            ranges.append(start..<(start + end.count))
        }
        buffer.reserveCapacity(chunkSize + (1 << 12))
    }

    /// Whether the format lists every group before any point (JSON), so the caller makes two passes over its units.
    public var groupsFirst: Bool { format == .json }

    public mutating func start() {
        switch format {
        case .json: append("{\"groups\":[")
        case .jsonl: break
        case .csv: append("org_unit,period,value,group,mean,lower_limit,upper_limit,lower_near_limit,upper_near_limit,special_cause,point_type,trial_limits\n")
        }
    }

    /// In JSON, after the last unit's groups and before the first unit's points.
    public mutating func startPoints() {
        guard format == .json else { return }
        append("],\"points\":[")
        first = true
    }

    public mutating func finish() {
        if format == .json { append("]}\n") }
        flush()
    }

    /// Hands what is buffered to `sink` now.
    public mutating func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    public mutating func write(groupsOf unit: SPCReport.Unit) {
        guard format != .csv else { return }
        for group in unit.result.groups {
            write(SPCReport.Group(
                orgUnit: unit.orgUnit, from: unit.periods[group.indices.lowerBound], to: unit.periods[group.indices.upperBound - 1], group
            ))
        }
    }

    public mutating func write(pointsOf unit: SPCReport.Unit) {
        precondition(unit.periods.count == unit.result.points.count, "one period label per point")
        // What every point of the unit prints the same: `,"orgUnit":…` (JSON) or the first CSV field and its comma.
        var unitPart: [UInt8] = []
        if format == .csv {
            Self.csv(unit.orgUnit ?? "", to: &unitPart)
            unitPart.append(UInt8(ascii: ","))
        } else {
            unitPart.append(contentsOf: #","orgUnit":"#.utf8)
            Self.jsonString(unit.orgUnit, to: &unitPart)
        }
        // `,"group":…` to `upperNearLimit` (or the CSV fields from group to upper_near_limit), kept for the points that
        // share it: every point of a group carries the group's centre line and limits.
        var groupPart: [UInt8] = []
        var groupPartOf: XmRPointResult?
        for (period, point) in zip(unit.periods, unit.result.points) {
            if groupPartOf.map({ !$0.sharesGroupFields(with: point) }) ?? true {
                groupPart.removeAll(keepingCapacity: true)
                Self.writeGroupFields(of: point, format: format, to: &groupPart)
                groupPartOf = point
            }
            write(point, period: period, unitPart: unitPart, groupPart: groupPart)
        }
    }

    private mutating func write(_ group: SPCReport.Group) {
        open(kind: "group")
        key("orgUnit", leading: format == .json)
        Self.jsonString(group.orgUnit, to: &buffer)
        key("group")
        append(group.group)
        key("from")
        Self.jsonString(group.from, to: &buffer)
        key("to")
        Self.jsonString(group.to, to: &buffer)
        key("n")
        append(group.n)
        key("mean")
        Self.append(group.mean, format: format, to: &buffer)
        key("lowerLimit")
        Self.append(group.lowerLimit, format: format, to: &buffer)
        key("upperLimit")
        Self.append(group.upperLimit, format: format, to: &buffer)
        key("movingRangeMean")
        Self.append(group.movingRangeMean, format: format, to: &buffer)
        key("trialLimits")
        append(group.trialLimits ? "true" : "false")
        key("variation")
        Self.jsonString(group.variation.rawValue, to: &buffer)
        key("assurance")
        Self.jsonString(group.assurance?.rawValue, to: &buffer)
        close()
    }

    private mutating func write(_ point: XmRPointResult, period: String, unitPart: [UInt8], groupPart: [UInt8]) {
        // Appending arrays' storage through pointers spares a retain and a release each.
        switch format {
        case .csv:
            unitPart.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
            Self.csv(period, to: &buffer)
            buffer.append(UInt8(ascii: ","))
        case .json:
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            append(#"{"period":"#)
        case .jsonl:
            append(#"{"kind":"point","period":"#)
        }
        if format != .csv {
            Self.jsonString(period, to: &buffer)
            unitPart.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
            append(#","value":"#)
        }
        Self.append(point.value, format: format, to: &buffer)
        groupPart.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
        let end = pointEndRanges[Self.pointEndIndex(cause: point.specialCause, type: point.pointType, trial: point.trialLimits)]
        pointEndBytes.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[end])) }
        flushIfFull()
    }

    /// Where the end of a point with these fields is in `pointEnds`.
    private static func pointEndIndex(cause: SpecialCause?, type: PointType, trial: Bool) -> Int {
        let causeIndex = cause.map { SpecialCause.allCases.firstIndex(of: $0)! + 1 } ?? 0
        return (causeIndex * PointType.allCases.count + PointType.allCases.firstIndex(of: type)!) * 2 + (trial ? 1 : 0)
    }

    /// Every end a point can have, from its special cause on (`,"specialCause":…}`, or the last CSV fields and the
    /// line break), by `pointEndIndex`: there are few, and a point's end is then one copy.
    private static func pointEnds(_ format: Format) -> [[UInt8]] {
        let causes: [SpecialCause?] = [nil] + SpecialCause.allCases
        var ends = Array(repeating: [UInt8](), count: causes.count * PointType.allCases.count * 2)
        for cause in causes {
            for type in PointType.allCases {
                for trial in [false, true] {
                    var end: [UInt8] = []
                    if format == .csv {
                        end += ",\(cause?.rawValue ?? ""),\(type.rawValue),\(trial)\n".utf8
                    } else {
                        end += #","specialCause":"#.utf8
                        jsonString(cause?.rawValue, to: &end)
                        end += #","pointType":"#.utf8
                        jsonString(type.rawValue, to: &end)
                        end += ",\"trialLimits\":\(trial)}\(format == .jsonl ? "\n" : "")".utf8
                    }
                    ends[pointEndIndex(cause: cause, type: type, trial: trial)] = end
                }
            }
        }
        return ends
    }

    private static func writeGroupFields(of point: XmRPointResult, format: Format, to bytes: inout [UInt8]) {
        let numbers = [point.mean, point.lowerLimit, point.upperLimit, point.lowerNearLimit, point.upperNearLimit]
        if format == .csv {
            bytes.append(UInt8(ascii: ","))
            DoubleFormatting.appendDigits(UInt64(point.group), minimumCount: 1, to: &bytes)
            for number in numbers {
                bytes.append(UInt8(ascii: ","))
                Self.append(number, format: format, to: &bytes)
            }
            return
        }
        bytes.append(contentsOf: #","group":"#.utf8)
        DoubleFormatting.appendDigits(UInt64(point.group), minimumCount: 1, to: &bytes)
        for (name, number) in zip(["mean", "lowerLimit", "upperLimit", "lowerNearLimit", "upperNearLimit"], numbers) {
            bytes.append(contentsOf: ",\"\(name)\":".utf8)
            Self.append(number, format: format, to: &bytes)
        }
    }

    private mutating func open(kind: StaticString) {
        if format == .json {
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            buffer.append(UInt8(ascii: "{"))
        } else {
            append(#"{"kind":""#)
            append(kind)
            buffer.append(UInt8(ascii: "\""))
        }
    }

    private mutating func close() {
        append(format == .json ? "}" : "}\n")
        flushIfFull()
    }

    /// `"name":`, after a comma unless it is the object's first key.
    private mutating func key(_ name: StaticString, leading: Bool = false) {
        if !leading { buffer.append(UInt8(ascii: ",")) }
        buffer.append(UInt8(ascii: "\""))
        append(name)
        buffer.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    private mutating func append(_ int: Int) {
        if int < 0 { buffer.append(UInt8(ascii: "-")) }
        DoubleFormatting.appendDigits(UInt64(int.magnitude), minimumCount: 1, to: &buffer)
    }

    // The helpers that take the buffer `inout` are static: a method of `self` would keep a second reference to the
    // buffer for the call, and each append would then copy the whole buffer.

    /// A finite number in its shortest round-trip form; a non-finite one (which the chart never makes from finite
    /// input) as null in JSON and empty in CSV, since JSON has no NaN.
    private static func append(_ number: Double, format: Format, to bytes: inout [UInt8]) {
        if !DoubleFormatting.append(number, to: &bytes), format != .csv {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    /// A JSON string, or null; quotes, backslashes and control characters escaped.
    private static func jsonString(_ text: String?, to bytes: inout [UInt8]) {
        guard let text else { return bytes.append(contentsOf: "null".utf8) }
        bytes.append(UInt8(ascii: "\""))
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text.utf8)
        } else {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0..<0x20:
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(lowercaseHex[Int(byte >> 4)])
                    bytes.append(lowercaseHex[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let lowercaseHex = Array("0123456789abcdef".utf8)

    /// RFC 4180: quoted when it holds a comma, a quote or a line break.
    private static func csv(_ text: String, to bytes: inout [UInt8]) {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return bytes.append(contentsOf: text.utf8)
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    private mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private mutating func flushIfFull() {
        guard buffer.count >= chunkSize else { return }
        flush()
    }
}

private extension XmRPointResult {
    /// Whether `other` prints the same group, centre line and limits (compared bit for bit, as they are printed).
    func sharesGroupFields(with other: XmRPointResult) -> Bool {
        group == other.group && mean.bitPattern == other.mean.bitPattern
            && lowerLimit.bitPattern == other.lowerLimit.bitPattern && upperLimit.bitPattern == other.upperLimit.bitPattern
            && lowerNearLimit.bitPattern == other.lowerNearLimit.bitPattern
            && upperNearLimit.bitPattern == other.upperNearLimit.bitPattern
    }
}
