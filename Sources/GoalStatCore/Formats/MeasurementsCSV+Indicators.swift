import Foundation

extension MeasurementsCSV {
    /// The distinct indicator codes a measurements file names, read without validating anything else: enough to
    /// check who may import it before its rows are checked. Empty when the file has no `indicator` column.
    public static func indicatorCodes(in data: Data) -> Set<String> {
        let bytes = [UInt8](data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...])
        return bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer)
            var fields: [CSVField] = []
            func text(_ field: CSVField) -> String { String(decoding: CSVTokenizer.unescapedBytes(of: field, in: buffer), as: UTF8.self) }
            guard tokenizer.nextRecord(into: &fields) != nil,
                  let column = fields.map(text).firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "indicator" })
            else { return [] }
            var codes: Set<String> = []
            while tokenizer.nextRecord(into: &fields) != nil {
                if column < fields.count { codes.insert(text(fields[column])) }
            }
            return codes
        }
    }
}
