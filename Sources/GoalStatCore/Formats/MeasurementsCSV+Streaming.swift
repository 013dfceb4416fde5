import Foundation

extension MeasurementsCSV {
    /// Bytes read from a file at a time by a streaming read. An import stores one chunk while it reads the next, so
    /// two chunks' rows are held at once.
    public static let chunkSize = 2 << 20

    /// Reads a measurements file a chunk at a time and checks every row against `catalog`, as `read` does, but
    /// hands the good rows to `rows` as it goes (a chunk's worth at a time, in file order) instead of keeping them:
    /// memory holds a chunk, not the file (SPEC §8). `next` returns the next bytes of the file, empty at its end.
    /// The result has the issues and their count, and no rows.
    public static func read(
        catalog: MeasurementCatalog, next: () throws -> Data, rows: ([ParsedMeasurement]) async throws -> Void
    ) async throws -> MeasurementsCSVResult {
        try await read(catalog: catalog, next: next) { good, _ in try await rows(good) }
    }

    /// `read`, telling with each chunk's good rows whether the file has been free of issues so far (this chunk
    /// included): an import stores rows only while it is, and reads on to name every bad row.
    public static func read(
        catalog: MeasurementCatalog, next: () throws -> Data, rows: ([ParsedMeasurement], _ clean: Bool) async throws -> Void
    ) async throws -> MeasurementsCSVResult {
        var reader = MeasurementsCSVReader(catalog: catalog)
        var pending: [UInt8] = []
        while true {
            let more = try next()
            let isLast = more.isEmpty
            pending.append(contentsOf: more)
            let consumed = pending.withUnsafeBufferPointer { reader.consume($0, isLast: isLast) }
            pending.removeFirst(consumed)
            let good = reader.takeRows()
            if !good.isEmpty { try await rows(good, reader.isClean) }
            if isLast { return reader.result }
        }
    }
}
