import FluentSQLiteDriver
import NIOPosix
import VaporCSQLite

/// The `sqlite3` handle of the connection an SQLite database runs on, for the bulk paths SQLiteNIO's API cannot serve
/// fast: loading rows through one INSERT prepared once and stepped per row (as sqlite3's own `.import` does), and
/// stepping a SELECT whose columns are read by position. SQLiteNIO prepares every statement anew — parsing the
/// 1,000-row INSERTs of an import was a third of its database thread's time (perf, docs/benchmarks.md) — and hands
/// each row over as an array of named columns. It keeps the handle internal, so it is found by reflection; when it
/// cannot be found (a later SQLiteNIO), `run` returns nil and the callers take SQLiteNIO's way
/// (`SQLiteHandleTests` fails first, so an upgrade that loses the fast path is noticed).
enum SQLiteHandle {
    /// Runs `body` with the handle of the connection `sqlite` runs on, on NIO's pool for blocking work (where SQLiteNIO
    /// runs its own statements); nil when the handle cannot be reached. The connection is the caller's for the call:
    /// inside a transaction it is the transaction's own.
    static func run<T: Sendable>(
        on sqlite: any SQLiteDatabase, _ body: @escaping @Sendable (OpaquePointer) throws -> T
    ) async throws -> T? {
        try await sqlite.withConnection { connection -> T? in
            guard let handle = handle(of: connection) else { return nil }
            return try await NIOThreadPool.singleton.runIfActive { try body(handle.pointer) }
        }
    }

    /// `SQLiteConnection.handle.raw`, an open connection's `sqlite3*`.
    static func handle(of connection: SQLiteConnection) -> Pointer? {
        guard let raw = Mirror(reflecting: connection).descendant("handle", "raw"), let pointer = raw as? OpaquePointer else {
            return nil
        }
        return Pointer(pointer: pointer)
    }

    /// `@unchecked Sendable`: SQLite is built in serialized mode (SQLiteNIO opens every connection with
    /// `SQLITE_OPEN_FULLMUTEX`), so its handle may be used from any thread.
    struct Pointer: @unchecked Sendable {
        let pointer: OpaquePointer
    }
}

/// A statement prepared on a raw handle (`SQLiteHandle`), bound and stepped by position.
struct SQLiteRawStatement: ~Copyable {
    private let db: OpaquePointer
    private let statement: OpaquePointer

    /// `persistent`: the statement is stepped many times (SQLite's hint to the planner and allocator).
    init(_ sql: String, on db: OpaquePointer, persistent: Bool = true) throws(SQLiteStatementError) {
        var statement: OpaquePointer?
        let code = sql.withCString { text in
            sqlite_nio_sqlite3_prepare_v3(db, text, -1, persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0, &statement, nil)
        }
        guard code == SQLITE_OK, let statement else { throw SQLiteStatementError(code: code, on: db) }
        self.db = db
        self.statement = statement
    }

    deinit { sqlite_nio_sqlite3_finalize(statement) }

    /// SQLite copies the bytes (`SQLITE_TRANSIENT`): the text need not outlive the call.
    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            if let address = bytes.baseAddress {
                let pointer = UnsafeRawPointer(address).assumingMemoryBound(to: CChar.self)
                _ = sqlite_nio_sqlite3_bind_text(statement, index, pointer, Int32(bytes.count), Self.transient)
            } else {
                // An empty buffer may have no address, which SQLite would bind as NULL: bind the empty text.
                _ = sqlite_nio_sqlite3_bind_text(statement, index, "", 0, Self.transient)
            }
        }
    }

    func bind(_ index: Int32, _ text: String?) {
        if let text { bind(index, text) } else { bindNull(index) }
    }

    func bind(_ index: Int32, _ number: Double?) {
        if let number { _ = sqlite_nio_sqlite3_bind_double(statement, index, number) } else { bindNull(index) }
    }

    func bind(_ index: Int32, _ number: Int) {
        _ = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
    }

    func bindNull(_ index: Int32) {
        _ = sqlite_nio_sqlite3_bind_null(statement, index)
    }

    /// A value as SQLiteNIO binds it.
    func bind(_ index: Int32, _ data: SQLiteData) {
        switch data {
        case .integer(let number): bind(index, number)
        case .float(let number): _ = sqlite_nio_sqlite3_bind_double(statement, index, number)
        case .text(let text): bind(index, text)
        case .blob(let bytes):
            bytes.withUnsafeReadableBytes { buffer in
                _ = sqlite_nio_sqlite3_bind_blob64(statement, index, buffer.baseAddress, UInt64(buffer.count), Self.transient)
            }
        case .null: bindNull(index)
        }
    }

    /// Steps a statement that returns no rows, then resets it for the next binds (the binds stay).
    func run() throws(SQLiteStatementError) {
        let code = sqlite_nio_sqlite3_step(statement)
        sqlite_nio_sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw SQLiteStatementError(code: code, on: db) }
    }

    /// Steps to the next row; false when there is none.
    func step() throws(SQLiteStatementError) -> Bool {
        let code = sqlite_nio_sqlite3_step(statement)
        if code == SQLITE_ROW { return true }
        guard code == SQLITE_DONE else { throw SQLiteStatementError(code: code, on: db) }
        return false
    }

    func isNull(_ column: Int32) -> Bool {
        sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_NULL
    }

    /// The column's text; "" for NULL.
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite_nio_sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The column's text, or `same` itself when the text is the same (one string shared by many rows).
    func text(_ column: Int32, same: String) -> String {
        guard let bytes = sqlite_nio_sqlite3_column_text(statement, column) else { return "" }
        let buffer = UnsafeBufferPointer(start: bytes, count: Int(sqlite_nio_sqlite3_column_bytes(statement, column)))
        var same = same
        if same.withUTF8({ $0.count == buffer.count && $0.elementsEqual(buffer) }) { return same }
        return String(decoding: buffer, as: UTF8.self)
    }

    func double(_ column: Int32) -> Double {
        sqlite_nio_sqlite3_column_double(statement, column)
    }

    func integer(_ column: Int32) -> Int {
        Int(sqlite_nio_sqlite3_column_int64(statement, column))
    }

    /// SQLite's `SQLITE_TRANSIENT`, a macro Swift does not import: the destructor value -1.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self) }
}

/// An SQLite result code with the connection's message, from a statement run on a raw handle.
struct SQLiteStatementError: Error, CustomStringConvertible {
    let code: Int32
    let message: String

    init(code: Int32, on db: OpaquePointer) {
        self.code = code
        message = sqlite_nio_sqlite3_errmsg(db).map { String(cString: $0) } ?? "SQLite error \(code)"
    }

    /// The primary result code (the low byte of an extended one).
    var primaryCode: Int32 { code & 0xFF }

    var description: String { "SQLite error \(code): \(message)" }
}
