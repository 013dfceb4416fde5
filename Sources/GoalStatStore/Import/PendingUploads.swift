import FluentKit
import Foundation
import GoalStatCore

/// Uploaded files kept between their preview and their commit: per person, for `lifetime`, then gone. A commit or
/// a discard removes the file at once; every new upload first removes whatever has expired, anyone's.
public enum PendingUploads {
    /// How long a previewed file waits for its commit.
    public static let lifetime: TimeInterval = 60 * 60

    /// A kept file.
    public struct Upload: Sendable {
        public var token: UUID
        public var fileName: String
        public var content: Data
        public var expiresAt: Date
    }

    /// Keeps `content` for `user` and returns the token that finds it again.
    public static func keep(_ content: Data, fileName: String, for user: UserID, now: Date, on db: any Database) async throws -> UUID {
        try await PendingUploadModel.query(on: db).filter(\.$expiresAt <= now).delete()
        let model = PendingUploadModel()
        let token = UUID()
        model.id = token
        model.userID = user.rawValue
        model.fileName = fileName
        model.content = content
        model.createdAt = now
        model.expiresAt = now.addingTimeInterval(lifetime)
        try await model.create(on: db)
        return token
    }

    /// The file `token` names, if it is `user`'s and has not expired; another person's token finds nothing.
    public static func find(_ token: UUID, for user: UserID, now: Date, on db: any Database) async throws -> Upload? {
        guard let model = try await PendingUploadModel.query(on: db)
            .filter(\.$id == token).filter(\.$userID == user.rawValue).filter(\.$expiresAt > now).first()
        else { return nil }
        return Upload(token: token, fileName: model.fileName, content: model.content, expiresAt: model.expiresAt)
    }

    /// Removes the file (after its commit, or when the person discards it).
    public static func discard(_ token: UUID, for user: UserID, on db: any Database) async throws {
        try await PendingUploadModel.query(on: db).filter(\.$id == token).filter(\.$userID == user.rawValue).delete()
    }
}
