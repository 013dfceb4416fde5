extension MeasurementsCSV {
    /// Writes measurements as SPEC §3.1 CSV: all six columns in table order, rows sorted by indicator, org unit
    /// (the indicator's own unit first) and period, LF line endings, quotes only where a field needs them.
    ///
    /// Periods are written in calendar form, or in fiscal form for years and quarters when `fiscal` is true.
    /// Values are the shortest text that reads back to the same double; a non-finite value, which the format
    /// cannot hold and the reader never produces, is written empty.
    public static func write(_ rows: [ExportMeasurement], calendar: FiscalCalendar, fiscal: Bool) -> String {
        let order = rows.indices.sorted { left, right in
            let a = rows[left], b = rows[right]
            if a.indicator != b.indicator { return a.indicator < b.indicator }
            let aUnit = a.orgUnit ?? "", bUnit = b.orgUnit ?? ""
            if aUnit != bUnit { return aUnit < bUnit }
            if a.period != b.period { return a.period < b.period }
            return left < right // identical keys keep their input order, so the output is deterministic
        }

        var text = Column.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        text.reserveCapacity(text.utf8.count + rows.count * 40)
        for index in order {
            let row = rows[index]
            appendField(row.indicator, to: &text)
            text += ","
            appendField(row.period.label(calendar: calendar, fiscal: fiscal), to: &text)
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
        return text
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
