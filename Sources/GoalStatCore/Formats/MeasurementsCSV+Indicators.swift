import Foundation

extension MeasurementsCSV {
    /// One indicator and the unit its values are about (nil: the indicator's own unit).
    public struct IndicatorUnit: Sendable, Hashable {
        public var indicator: String
        public var orgUnit: String?
    }

    /// The distinct (indicator, org unit) pairs a measurements file names, read without validating anything else:
    /// enough to check who may import it before its rows are checked. Empty when the file has no `indicator` column.
    public static func indicatorUnits(in data: Data) -> Set<IndicatorUnit> {
        let bytes = [UInt8](data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...])
        return bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer)
            var fields: [CSVField] = []
            func text(_ field: CSVField) -> String {
                String(decoding: CSVTokenizer.unescapedBytes(of: field, in: buffer), as: UTF8.self).trimmingCharacters(in: .whitespaces)
            }
            guard tokenizer.nextRecord(into: &fields) != nil else { return [] }
            let header = fields.map(text)
            guard let column = header.firstIndex(of: "indicator") else { return [] }
            let unitColumn = header.firstIndex(of: "org_unit")
            var pairs: Set<IndicatorUnit> = []
            while tokenizer.nextRecord(into: &fields) != nil {
                guard column < fields.count else { continue }
                let unit = unitColumn.flatMap { $0 < fields.count ? text(fields[$0]) : nil }.flatMap { $0.isEmpty ? nil : $0 }
                pairs.insert(IndicatorUnit(indicator: text(fields[column]), orgUnit: unit))
            }
            return pairs
        }
    }
}
