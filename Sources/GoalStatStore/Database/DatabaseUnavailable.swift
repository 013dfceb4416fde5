import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import NIOPosix

/// The database cannot take the request now, through no fault of the request: another writer held the write lock for
/// longer than this process waits, or the database cannot be reached. The server answers 503 with `Retry-After`.
public enum DatabaseUnavailable: Error, Sendable, Equatable {
    /// Another writer held the database for the whole bounded wait.
    case busy
    /// The database server cannot be reached (refused, closed, shutting down, or no pooled connection in time).
    case unreachable

    /// A stable code for API clients.
    public var code: String {
        switch self {
        case .busy: "databaseBusy"
        case .unreachable: "databaseUnavailable"
        }
    }

    /// A plain sentence for people.
    public var message: String {
        switch self {
        case .busy: "The database is busy with another change. Nothing was stored; please try again in a few seconds."
        case .unreachable: "The database cannot be reached. Nothing was stored; please try again shortly."
        }
    }

    /// How long a client should wait before trying again, in seconds.
    public var retryAfterSeconds: Int {
        switch self {
        case .busy: 2
        case .unreachable: 10
        }
    }

    /// Recognises the drivers' ways of saying "busy" or "unreachable"; nil for every other error, which stays what it is.
    public init?(classifying error: any Error) {
        switch error {
        case let unavailable as DatabaseUnavailable:
            self = unavailable
        case let sqlite as SQLiteError:
            guard let kind = Self.kind(of: sqlite.reason) else { return nil }
            self = kind
        case let raw as SQLiteStatementError:
            // SQLITE_BUSY, SQLITE_LOCKED; SQLITE_CANTOPEN.
            switch raw.primaryCode {
            case 5, 6: self = .busy
            case 14: self = .unreachable
            default: return nil
            }
        case let postgres as PSQLError:
            guard let kind = Self.kind(of: postgres) else { return nil }
            self = kind
        case is ConnectionPoolTimeoutError, is ConnectionPoolError, is NIOConnectionError, is ChannelError:
            self = .unreachable
        case let io as IOError where Self.connectionErrnos.contains(io.errnoCode):
            self = .unreachable
        default:
            return nil
        }
    }

    private static func kind(of reason: SQLiteError.Reason) -> DatabaseUnavailable? {
        switch reason {
        case .busy, .busyTimeout, .busyInSnapshot, .busyInRecovery, .locked, .lockedBySharedCache:
            .busy
        case .cantOpen, .cantOpenDirectory, .cantOpenInvalidPath:
            .unreachable
        default:
            nil
        }
    }

    private static func kind(of error: PSQLError) -> DatabaseUnavailable? {
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            return .unreachable
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            // 08: connection exception; 57P0x: shutting down or starting up; 53300: too many connections.
            if state.hasPrefix("08") || state.hasPrefix("57P0") || state == "53300" { return .unreachable }
            // Serialization failure, deadlock, lock timeout: another writer won; trying again succeeds.
            if state == "40001" || state == "40P01" || state == "55P03" { return .busy }
            return nil
        default:
            return nil
        }
    }

    private static let connectionErrnos: Set<Int32> = [ECONNREFUSED, ECONNRESET, ECONNABORTED, EHOSTUNREACH, ENETUNREACH, ETIMEDOUT, EPIPE]
}
