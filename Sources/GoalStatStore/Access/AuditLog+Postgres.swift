import FluentPostgresDriver
import Foundation
import GoalStatCore

extension AuditLog {
    /// `record` on PostgreSQL: `COPY … FROM STDIN` in the text format on the connection of the transaction
    /// (`PostgresBulkCopy`'s way). A framework import writes 53,668 entries (docs/benchmarks.md); SQLKit bound their
    /// 590,000 values through `Encodable` and PostgreSQL parsed 54 statements of 1,000 rows. Each value is written as
    /// the text of what the driver binds: a date as its whole microseconds since 2000 (PostgresNIO truncates the
    /// same way), so the stored rows are the same.
    static func recordOnPostgres(_ entries: [AuditEntry], firstSequence: Int, on postgres: any PostgresDatabase) async throws {
        let columns = ["id", "at", "actor", "entity_kind", "entity_key", "field", "old_value", "new_value", "source", "batch_id", "sequence"]
        let logger = postgres.logger
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: AuditEntryModel.schema, columns: columns, logger: logger) { writer in
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(1 << 20 + 4096)
                    var last: (at: Date, text: [UInt8])?
                    for (offset, entry) in entries.enumerated() {
                        bytes.append(contentsOf: UUID().uuidString.utf8)
                        bytes.append(tab)
                        if let last, last.at == entry.at {
                            bytes.append(contentsOf: last.text)
                        } else {
                            let text = Array(PostgresTimestamp.text(entry.at).utf8)
                            last = (entry.at, text)
                            bytes.append(contentsOf: text)
                        }
                        bytes.append(tab)
                        appendOptional(entry.actor.map(UserAccount.normalizedEmail), to: &bytes)
                        for field in [entry.entity.rawValue, entry.key, entry.field] {
                            bytes.append(tab)
                            PostgresBulkCopy.appendField(field, to: &bytes)
                        }
                        bytes.append(tab)
                        appendOptional(entry.oldValue, to: &bytes)
                        bytes.append(tab)
                        appendOptional(entry.newValue, to: &bytes)
                        bytes.append(tab)
                        PostgresBulkCopy.appendField(entry.source.rawValue, to: &bytes)
                        bytes.append(tab)
                        appendOptional(entry.batch?.uuidString, to: &bytes)
                        bytes.append(tab)
                        bytes.append(contentsOf: String(firstSequence + offset).utf8)
                        bytes.append(UInt8(ascii: "\n"))
                        if bytes.count >= 1 << 20 {
                            try await writer.write(ByteBuffer(bytes: bytes))
                            bytes.removeAll(keepingCapacity: true)
                        }
                    }
                    if !bytes.isEmpty { try await writer.write(ByteBuffer(bytes: bytes)) }
                }
            }
        }.get()
    }

    private static let tab = UInt8(ascii: "\t")

    private static func appendOptional(_ field: String?, to bytes: inout [UInt8]) {
        if let field { PostgresBulkCopy.appendField(field, to: &bytes) } else { bytes.append(contentsOf: #"\N"#.utf8) }
    }
}

/// A date as the text of the `timestamptz` PostgresNIO binds for it: its whole microseconds since 2000-01-01 UTC
/// (truncated toward zero, as PostgresNIO's binary encoding does), printed in UTC with six decimals.
enum PostgresTimestamp {
    static func text(_ date: Date) -> String {
        let microseconds = Int64(date.timeIntervalSince(Date(timeIntervalSince1970: 946_684_800)) * 1_000_000)
        let perDay: Int64 = 86_400_000_000
        var days = microseconds / perDay
        var rest = microseconds % perDay
        if rest < 0 {
            days -= 1
            rest += perDay
        }
        let date = CalendarDate(daysSinceEpoch: Int(days + 10_957))
        let (year, month, day) = (Int64(date.year), Int64(date.month), Int64(date.day))
        let second = rest / 1_000_000
        func padded(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2)) \(padded(second / 3600, 2)):\(padded(second / 60 % 60, 2))"
            + ":\(padded(second % 60, 2)).\(padded(rest % 1_000_000, 6))+00"
    }
}
