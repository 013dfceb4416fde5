/// Writes the `goalstat spc` document unit by unit, as it goes, so that memory does not grow with the output:
/// compact JSON (SPEC §5, the default), JSON Lines (`{"kind": "group"|"point", …}` a line each) or CSV (one row per
/// point). Hand-written rather than `JSONEncoder`, which builds the whole document in memory first and took most of
/// the time of a large run; the fields, their order and their nulls are those of `SPCReport.Group` and `Point`.
public struct SPCReportWriter {
    public enum Format: String, CaseIterable, Sendable {
        case json, jsonl, csv
    }

    public let format: Format
    private var buffer: [UInt8] = []
    private var first = true
    private let sink: ([UInt8]) -> Void

    /// Bytes reach `sink` in chunks of about 64 KB, and at `finish()`.
    public init(format: Format, sink: @escaping ([UInt8]) -> Void) {
        self.format = format
        self.sink = sink
        buffer.reserveCapacity(1 << 16)
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
        for (period, point) in zip(unit.periods, unit.result.points) {
            write(SPCReport.Point(period: period, orgUnit: unit.orgUnit, point))
        }
    }

    private mutating func write(_ group: SPCReport.Group) {
        open(kind: "group")
        field("orgUnit", string: group.orgUnit, leading: format == .json)
        field("group", int: group.group)
        field("from", string: group.from)
        field("to", string: group.to)
        field("n", int: group.n)
        field("mean", number: group.mean)
        field("lowerLimit", number: group.lowerLimit)
        field("upperLimit", number: group.upperLimit)
        field("movingRangeMean", number: group.movingRangeMean)
        field("trialLimits", bool: group.trialLimits)
        field("variation", string: group.variation.rawValue)
        field("assurance", string: group.assurance?.rawValue)
        close()
    }

    private mutating func write(_ point: SPCReport.Point) {
        if format == .csv {
            csv(point.orgUnit ?? ""); append(","); csv(point.period); append(",")
            append(point.value); append(","); append(String(point.group))
            for number in [point.mean, point.lowerLimit, point.upperLimit, point.lowerNearLimit, point.upperNearLimit] {
                append(","); append(number)
            }
            append(","); append(point.specialCause?.rawValue ?? ""); append(","); append(point.pointType.rawValue)
            append(","); append(point.trialLimits ? "true" : "false"); append("\n")
            flushIfFull()
            return
        }
        open(kind: "point")
        field("period", string: point.period, leading: format == .json)
        field("orgUnit", string: point.orgUnit)
        field("value", number: point.value)
        field("group", int: point.group)
        field("mean", number: point.mean)
        field("lowerLimit", number: point.lowerLimit)
        field("upperLimit", number: point.upperLimit)
        field("lowerNearLimit", number: point.lowerNearLimit)
        field("upperNearLimit", number: point.upperNearLimit)
        field("specialCause", string: point.specialCause?.rawValue)
        field("pointType", string: point.pointType.rawValue)
        field("trialLimits", bool: point.trialLimits)
        close()
    }

    private mutating func open(kind: String) {
        if format == .json {
            if !first { append(",") }
            first = false
            append("{")
        } else {
            append("{\"kind\":\"\(kind)\"")
        }
    }

    private mutating func close() {
        append(format == .json ? "}" : "}\n")
        flushIfFull()
    }

    private mutating func key(_ name: String, leading: Bool) {
        if !leading { append(",") }
        append("\"\(name)\":")
    }

    private mutating func field(_ name: String, string: String?, leading: Bool = false) {
        key(name, leading: leading)
        guard let string else { return append("null") }
        jsonString(string)
    }

    private mutating func field(_ name: String, int: Int) {
        key(name, leading: false)
        append(String(int))
    }

    private mutating func field(_ name: String, number: Double) {
        key(name, leading: false)
        append(number)
    }

    private mutating func field(_ name: String, bool: Bool) {
        key(name, leading: false)
        append(bool ? "true" : "false")
    }

    /// A finite number in its shortest round-trip form; a non-finite one (which the chart never makes from finite
    /// input) as null, since JSON has no NaN.
    private mutating func append(_ number: Double) {
        append(DoubleFormatting.shortest(number) ?? (format == .csv ? "" : "null"))
    }

    private mutating func jsonString(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0..<0x20: append("\\u00" + String(byte, radix: 16).leftPadded(to: 2))
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break.
    private mutating func csv(_ text: String) {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return append(text)
        }
        append("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    }

    private mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private mutating func flushIfFull() {
        guard buffer.count >= 1 << 16 else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
