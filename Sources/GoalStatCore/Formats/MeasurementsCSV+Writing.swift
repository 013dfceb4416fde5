extension MeasurementsCSV {
    /// The header line of a written file, line break included.
    public static let headerLine = Column.exported.map(\.rawValue).joined(separator: ",") + "\n"

    /// Writes measurements as SPEC §3.1 CSV: all six columns in table order, rows sorted by indicator, org unit
    /// (the indicator's own unit first) and period, LF line endings, quotes only where a field needs them.
    ///
    /// Periods are written in calendar form, or in fiscal form for years and quarters when `fiscal` is true.
    /// Values are the shortest text that reads back to the same double; a non-finite value, which the format
    /// cannot hold and the reader never produces, is written empty.
    public static func write(_ rows: [ExportMeasurement], calendar: FiscalCalendar, fiscal: Bool) -> String {
        let order = rows.indices.sorted { left, right in
            let a = rows[left], b = rows[right]
            if a.exportsBefore(b) { return true }
            if b.exportsBefore(a) { return false }
            return left < right // identical keys keep their input order, so the output is deterministic
        }

        var text = headerLine
        text.reserveCapacity(text.utf8.count + rows.count * 40)
        for index in order {
            let row = rows[index]
            appendRow(row, periodLabel: row.period.label(calendar: calendar, fiscal: fiscal), to: &text)
        }
        return text
    }

    /// Appends one row, line break included, with its period already printed (a streaming writer keeps the
    /// labels of the periods it has seen rather than printing each row's again).
    public static func appendRow(_ row: ExportMeasurement, periodLabel: String, to text: inout String) {
        appendField(row.indicator, to: &text)
        text += ","
        appendField(periodLabel, to: &text)
        text += ","
        if let level = row.level {
            appendField(level, to: &text)
        } else if let value = row.value, let written = DoubleFormatting.shortest(value) {
            text += written
        }
        text += ","
        appendField(row.orgUnit ?? "", to: &text)
        text += ","
        text += row.status.rawValue
        text += ","
        appendField(row.note ?? "", to: &text)
        text += "\n"
    }

    /// Appends `field`, in double quotes with its quotes doubled only when it holds a comma, quote or line break.
    private static func appendField(_ field: String, to text: inout String) {
        let needsQuotes = field.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        guard needsQuotes else {
            text += field
            return
        }
        text += "\""
        for character in field.unicodeScalars {
            if character == "\"" { text += "\"" }
            text.unicodeScalars.append(character)
        }
        text += "\""
    }
}

extension ExportMeasurement {
    /// The order of every export: by indicator, org unit (the indicator's own unit first), then period.
    public func exportsBefore(_ other: ExportMeasurement) -> Bool {
        if indicator != other.indicator { return indicator < other.indicator }
        let unit = orgUnit ?? "", otherUnit = other.orgUnit ?? ""
        if unit != otherUnit { return unit < otherUnit }
        return period < other.period
    }
}
