import Foundation
import GoalStatCore

/// Writes measurements as they are read, as SPEC §3.1 CSV or as the JSON array of `MeasurementRecord`s, and hands
/// the text on in chunks of about `chunkSize` bytes: the command line writes each chunk to its file, the API gathers
/// them into one body. The one place where an export is formatted.
///
/// The JSON is byte for byte what `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` makes of
/// the array (tests compare the two); it is written by hand because encoding five million records one by one with
/// `JSONEncoder` takes most of a minute.
struct MeasurementExportWriter {
    static let chunkSize = 1 << 20

    private let format: ExportService.MeasurementFormat
    private let reporting: Reporting
    private let sink: (Data) throws -> Void
    private var buffer = ""
    private var records = 0
    /// Period labels by period: a five-million-row export names a few hundred periods.
    private var labels: [Period: String] = [:]

    init(format: ExportService.MeasurementFormat, reporting: Reporting, sink: @escaping (Data) throws -> Void) {
        self.format = format
        self.reporting = reporting
        self.sink = sink
        buffer.reserveCapacity(Self.chunkSize + 4096)
        switch format {
        case .csv: buffer += MeasurementsCSV.headerLine
        case .json: buffer += "["
        }
    }

    /// Writes the rows of one page, which are in export order.
    mutating func write(_ rows: [ExportMeasurement]) throws {
        for row in rows {
            let label = label(row.period)
            switch format {
            case .csv:
                MeasurementsCSV.appendRow(row, periodLabel: label, to: &buffer)
            case .json:
                buffer += records == 0 ? "\n" : ",\n"
                try Self.appendJSON(row, periodLabel: label, to: &buffer)
            }
            records += 1
            if buffer.utf8.count >= Self.chunkSize { try flush() }
        }
    }

    /// Writes what is left, the end of the JSON array included.
    mutating func finish() throws {
        // JSONEncoder prints an empty array as "[", two line breaks, "]".
        if format == .json { buffer += records == 0 ? "\n\n]" : "\n]" }
        try flush()
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func label(_ period: Period) -> String {
        if let known = labels[period] { return known }
        let label = reporting.label(period)
        labels[period] = label
        return label
    }

    /// One record at the array's indentation, keys sorted; absent optionals are left out, as `JSONEncoder` does.
    private static func appendJSON(_ row: ExportMeasurement, periodLabel: String, to text: inout String) throws {
        text += "  {\n    \"indicator\" : "
        appendString(row.indicator, to: &text)
        if let level = row.level {
            text += ",\n    \"level\" : "
            appendString(level, to: &text)
        }
        if let note = row.note {
            text += ",\n    \"note\" : "
            appendString(note, to: &text)
        }
        if let orgUnit = row.orgUnit {
            text += ",\n    \"orgUnit\" : "
            appendString(orgUnit, to: &text)
        }
        text += ",\n    \"period\" : "
        appendString(periodLabel, to: &text)
        text += ",\n    \"status\" : "
        appendString(row.status.rawValue, to: &text)
        if let value = row.value {
            guard value.isFinite else {
                throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not valid in JSON"))
            }
            text += ",\n    \"value\" : "
            var number = value.description
            if number.hasSuffix(".0") { number.removeLast(2) }
            text += number
        }
        text += "\n  }"
    }

    /// A JSON string: quotes, backslashes and control characters escaped; slashes and non-ASCII text as they are.
    private static func appendString(_ string: String, to text: inout String) {
        text += "\""
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            text += string
            text += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{8}": text += "\\b"
            case "\u{C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
