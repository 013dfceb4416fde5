import FluentPostgresDriver
import GoalStatCore

/// PostgreSQL's bulk path for measurement rows: `COPY … FROM STDIN` in the text format (PostgresNIO's `copyFrom`), on
/// the connection of the transaction, the rows written 1 MB at a time as they are formatted. Multi-row INSERTs through
/// SQLKit bound and PostgreSQL parsed every value of every statement, which made a five-million-row import take
/// minutes (docs/benchmarks.md); COPY is PostgreSQL's own bulk load, and `copyFrom` the driver's API for it.
enum PostgresBulkCopy {
    static func copy(
        _ rows: [ParsedMeasurement], batchID: String, into table: String, withLines: Bool = false,
        on postgres: any PostgresDatabase, progress: (@Sendable (Int) -> Void)?
    ) async throws {
        guard !rows.isEmpty else { return }
        let columns = ["indicator_code", "org_unit_code", "period_start", "value", "level", "status", "note", "revision", "batch_id", "reason"]
            + (withLines ? ["line"] : [])
        let logger = postgres.logger
        // `withConnection` is the transaction's own connection inside a transaction.
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(1 << 20 + 4096)
                    var starts: [Period: [UInt8]] = [:]
                    let batch = Array(batchID.utf8)
                    var done = 0
                    for row in rows {
                        appendField(row.indicator, to: &bytes)
                        bytes.append(tab)
                        appendField(row.orgUnit ?? "", to: &bytes)
                        bytes.append(tab)
                        if let start = starts[row.period] {
                            bytes.append(contentsOf: start)
                        } else {
                            let start = Array(PeriodStorage.start(row.period).utf8)
                            starts[row.period] = start
                            bytes.append(contentsOf: start)
                        }
                        bytes.append(tab)
                        if let value = row.value, DoubleFormatting.append(value, to: &bytes) {} else { bytes.append(contentsOf: null) }
                        bytes.append(tab)
                        appendOptional(row.level, to: &bytes)
                        bytes.append(tab)
                        appendField(row.status.rawValue, to: &bytes)
                        bytes.append(tab)
                        appendOptional(row.note, to: &bytes)
                        bytes.append(tab)
                        bytes.append(UInt8(ascii: "0"))
                        bytes.append(tab)
                        bytes.append(contentsOf: batch)
                        bytes.append(tab)
                        appendOptional(row.reason, to: &bytes)
                        if withLines {
                            bytes.append(tab)
                            bytes.append(contentsOf: String(row.line).utf8)
                        }
                        bytes.append(UInt8(ascii: "\n"))
                        done += 1
                        if bytes.count >= 1 << 20 {
                            try await writer.write(ByteBuffer(bytes: bytes))
                            bytes.removeAll(keepingCapacity: true)
                            progress?(done)
                        }
                    }
                    if !bytes.isEmpty { try await writer.write(ByteBuffer(bytes: bytes)) }
                    progress?(done)
                }
            }
        }.get()
    }

    private static let tab = UInt8(ascii: "\t")
    /// The text format's NULL.
    private static let null = Array(#"\N"#.utf8)

    private static func appendOptional(_ field: String?, to bytes: inout [UInt8]) {
        if let field { appendField(field, to: &bytes) } else { bytes.append(contentsOf: null) }
    }

    /// A field of COPY's text format: backslash, tab, newline and carriage return escaped with a backslash.
    static func appendField(_ field: String, to bytes: inout [UInt8]) {
        for byte in field.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            default: bytes.append(byte)
            }
        }
    }
}
