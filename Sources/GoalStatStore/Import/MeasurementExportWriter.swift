import Foundation
import GoalStatCore

/// Writes measurements as they are read, as SPEC §3.1 CSV or as the JSON array of `MeasurementRecord`s, and hands
/// the text on in chunks of about `chunkSize` bytes: the command line writes each chunk to its file, the API gathers
/// them into one body. The one place where an export is formatted.
///
/// The CSV is byte for byte what `MeasurementsCSV.write` makes of the same rows, and the JSON what `JSONEncoder`
/// with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` makes of the array (tests compare both). Both are
/// written as bytes, not `String`s: a five-million-row export spends its time here, and appending to a byte buffer
/// (with each period's label encoded once, and numbers printed without a `String` where `DoubleFormatting` can)
/// costs a fraction of building the text.
struct MeasurementExportWriter {
    static let chunkSize = 1 << 20

    private let format: ExportService.MeasurementFormat
    private let reporting: Reporting
    private let sink: (Data) throws -> Void
    private var buffer: [UInt8] = []
    private var records = 0
    /// Period labels, encoded as a field of the format, by period: a five-million-row export names a few hundred.
    private var labels: [Period: [UInt8]] = [:]
    /// The same by stored first day, for each frequency; an empty label marks a first day that is no period.
    private var labelsByStart: [Frequency: PeriodLabels] = [:]

    init(format: ExportService.MeasurementFormat, reporting: Reporting, sink: @escaping (Data) throws -> Void) {
        self.format = format
        self.reporting = reporting
        self.sink = sink
        buffer.reserveCapacity(Self.chunkSize + 4096)
        switch format {
        case .csv: buffer.append(contentsOf: MeasurementsCSV.headerLine.utf8)
        case .json: buffer.append(UInt8(ascii: "["))
        }
    }

    /// Writes the rows of one page, which are in export order.
    mutating func write(_ rows: [ExportMeasurement]) throws {
        for row in rows {
            let label = label(row.period)
            try append(
                indicator: encoded(row.indicator), label: label, orgUnit: row.orgUnit ?? "", value: row.value, level: row.level,
                status: row.status, note: row.note
            )
        }
    }

    /// Writes one page of one indicator's stored rows, which are in export order. Rows whose first day is no period
    /// of the indicator's frequency are left out, as the page of `ExportMeasurement`s leaves them out.
    mutating func write(_ batch: ExportBatch) throws {
        let indicator = encoded(batch.indicator)
        var known = labelsByStart.removeValue(forKey: batch.frequency) ?? PeriodLabels()
        defer { labelsByStart[batch.frequency] = known }
        for row in batch.rows {
            let label = known.label(start: row.periodStart) { start in
                PeriodStorage.period(start: start, frequency: batch.frequency).map { self.label($0) } ?? []
            }
            guard !label.isEmpty else { continue }
            try append(
                indicator: indicator, label: label, orgUnit: row.orgUnit, value: row.value, level: row.level,
                status: MeasurementStatus(rawValue: row.status) ?? .final, note: row.note
            )
        }
    }

    /// Writes what is left, the end of the JSON array included.
    mutating func finish() throws {
        // JSONEncoder prints an empty array as "[", two line breaks, "]".
        if format == .json { buffer.append(contentsOf: (records == 0 ? "\n\n]" : "\n]").utf8) }
        try flush()
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// `orgUnit` is empty for the indicator's own unit.
    private mutating func append(
        indicator: [UInt8], label: [UInt8], orgUnit: String, value: Double?, level: String?, status: MeasurementStatus, note: String?
    ) throws {
        switch format {
        case .csv:
            Self.appendCSVRow(
                indicator: indicator, label: label, orgUnit: orgUnit, value: value, level: level, status: status, note: note, to: &buffer
            )
        case .json:
            buffer.append(contentsOf: (records == 0 ? "\n" : ",\n").utf8)
            try Self.appendJSONRecord(
                indicator: indicator, label: label, orgUnit: orgUnit, value: value, level: level, status: status, note: note, to: &buffer
            )
        }
        records += 1
        if buffer.count >= Self.chunkSize { try flush() }
    }

    /// A text as a field of the format: quoted where CSV needs it, as a JSON string.
    private func encoded(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        switch format {
        case .csv: Self.appendCSVField(text, to: &bytes)
        case .json: Self.appendJSONString(text, to: &bytes)
        }
        return bytes
    }

    private mutating func label(_ period: Period) -> [UInt8] {
        if let known = labels[period] { return known }
        let label = encoded(reporting.label(period))
        labels[period] = label
        return label
    }

    // MARK: CSV

    /// One row as `MeasurementsCSV.appendRow` writes it; `indicator` and `label` already encoded as fields.
    private static func appendCSVRow(
        indicator: [UInt8], label: [UInt8], orgUnit: String, value: Double?, level: String?, status: MeasurementStatus,
        note: String?, to bytes: inout [UInt8]
    ) {
        bytes.append(contentsOf: indicator)
        bytes.append(UInt8(ascii: ","))
        bytes.append(contentsOf: label)
        bytes.append(UInt8(ascii: ","))
        if let level {
            appendCSVField(level, to: &bytes)
        } else if let value {
            // Writes nothing for NaN and infinities, as `MeasurementsCSV` does.
            DoubleFormatting.append(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: ","))
        appendCSVField(orgUnit, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        bytes.append(contentsOf: status.rawValue.utf8)
        bytes.append(UInt8(ascii: ","))
        if let note { appendCSVField(note, to: &bytes) }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// A field quoted only where it holds a comma, a quote or a line break, quotes doubled (UTF-8 never has those
    /// bytes inside a multi-byte character, so bytes do what scalars did).
    private static func appendCSVField(_ field: String, to bytes: inout [UInt8]) {
        let needsQuotes = field.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        guard needsQuotes else {
            bytes.append(contentsOf: field.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    // MARK: JSON

    /// One record at the array's indentation, keys sorted; absent optionals are left out, as `JSONEncoder` does.
    private static func appendJSONRecord(
        indicator: [UInt8], label: [UInt8], orgUnit: String, value: Double?, level: String?, status: MeasurementStatus,
        note: String?, to bytes: inout [UInt8]
    ) throws {
        bytes.append(contentsOf: "  {\n    \"indicator\" : ".utf8)
        bytes.append(contentsOf: indicator)
        if let level {
            bytes.append(contentsOf: ",\n    \"level\" : ".utf8)
            appendJSONString(level, to: &bytes)
        }
        if let note {
            bytes.append(contentsOf: ",\n    \"note\" : ".utf8)
            appendJSONString(note, to: &bytes)
        }
        if !orgUnit.isEmpty {
            bytes.append(contentsOf: ",\n    \"orgUnit\" : ".utf8)
            appendJSONString(orgUnit, to: &bytes)
        }
        bytes.append(contentsOf: ",\n    \"period\" : ".utf8)
        bytes.append(contentsOf: label)
        bytes.append(contentsOf: ",\n    \"status\" : \"".utf8)
        bytes.append(contentsOf: status.rawValue.utf8)
        bytes.append(UInt8(ascii: "\""))
        if let value {
            guard value.isFinite else {
                throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not valid in JSON"))
            }
            bytes.append(contentsOf: ",\n    \"value\" : ".utf8)
            DoubleFormatting.appendDescription(value, to: &bytes)
        }
        bytes.append(contentsOf: "\n  }".utf8)
    }

    /// A JSON string: quotes, backslashes and control characters escaped; slashes and non-ASCII text as they are.
    private static func appendJSONString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            bytes.append(contentsOf: string.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): bytes.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): bytes.append(contentsOf: "\\t".utf8)
            case 0x08: bytes.append(contentsOf: "\\b".utf8)
            case 0x0C: bytes.append(contentsOf: "\\f".utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// Encoded labels by a period's stored first day. Each unit of an indicator names the same periods in the same
/// order, so the label after the last one found is tried first: a comparison of two short strings instead of
/// hashing one, for nearly every row.
private struct PeriodLabels {
    private var labels: [(start: String, label: [UInt8])] = []
    private var positions: [String: Int] = [:]
    private var next = 0

    mutating func label(start: String, making make: (String) -> [UInt8]) -> [UInt8] {
        if next < labels.count, labels[next].start == start {
            next += 1
            return labels[next - 1].label
        }
        if let position = positions[start] {
            next = position + 1
            return labels[position].label
        }
        let label = make(start)
        positions[start] = labels.count
        labels.append((start, label))
        next = labels.count
        return label
    }
}
