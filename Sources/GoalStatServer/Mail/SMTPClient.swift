import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client (RFC 5321) on SwiftNIO: EHLO, optional STARTTLS (RFC 3207) and AUTH PLAIN or LOGIN,
/// MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT.
///
/// Written here because no SMTP library is among the packages this project may use (the machine's package list
/// has none), while SwiftNIO and NIOSSL already come with Vapor; reminders need only this much of SMTP.
struct SMTPClient {
    var settings: SMTPSettings

    func send(_ message: MailMessage) async throws {
        let (stream, continuation) = AsyncThrowingStream<SMTPReply, any Error>.makeStream()
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(Int64(settings.timeoutSeconds)))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(SMTPReplyDecoder(replies: continuation))
                    }
                }
                .connect(host: settings.host, port: settings.port).get()
        } catch {
            throw MailError.connection("\(settings.host):\(settings.port): \(error)")
        }
        // One deadline for the whole message: closing the channel ends the reply stream, which ends the wait.
        let timedOut = DeadlineFlag(false)
        let deadline = channel.eventLoop.scheduleTask(in: .seconds(Int64(settings.timeoutSeconds))) {
            timedOut.set(true)
            channel.close(promise: nil)
        }
        defer {
            deadline.cancel()
            channel.close(promise: nil)
        }
        var session = Session(channel: channel, replies: stream.makeAsyncIterator())
        do {
            try await converse(&session, message: message)
        } catch {
            if timedOut.get() { throw MailError.timedOut(settings.timeoutSeconds) }
            throw error
        }
    }

    private func converse(_ session: inout Session, message: MailMessage) async throws {
        try await session.expect("the greeting", [220])
        var features = try await session.command("EHLO \(settings.heloName)", expect: [250]).lines.dropFirst().map { $0.uppercased() }
        if settings.startTLS {
            guard features.contains(where: { $0.hasPrefix("STARTTLS") }) else { throw MailError.tlsUnavailable }
            try await session.command("STARTTLS", expect: [220])
            try await session.startTLS(serverHostname: settings.host, caFile: settings.caFile)
            features = try await session.command("EHLO \(settings.heloName)", expect: [250]).lines.dropFirst().map { $0.uppercased() }
        }
        if let username = settings.username {
            try await authenticate(&session, username: username, password: settings.password ?? "", features: features)
        }
        let eightBit = features.contains { $0.hasPrefix("8BITMIME") } ? " BODY=8BITMIME" : ""
        try await session.command("MAIL FROM:<\(settings.from.email)>\(eightBit)", expect: [250])
        try await session.command("RCPT TO:<\(message.to.email)>", expect: [250, 251])
        try await session.command("DATA", expect: [354])
        try await session.command(Self.dotStuffed(message.rendered()) + ".", expect: [250], name: "the message")
        try await session.command("QUIT", expect: [221])
    }

    private func authenticate(_ session: inout Session, username: String, password: String, features: [String]) async throws {
        let mechanisms = features.first { $0.hasPrefix("AUTH") }.map { $0.split(separator: " ").dropFirst().map(String.init) } ?? []
        if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
            let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
            try await session.command("AUTH PLAIN \(token)", expect: [235], name: "AUTH PLAIN")
        } else {
            try await session.command("AUTH LOGIN", expect: [334])
            try await session.command(Data(username.utf8).base64EncodedString(), expect: [334], name: "the user name")
            try await session.command(Data(password.utf8).base64EncodedString(), expect: [235], name: "the password")
        }
    }

    /// CRLF line ends throughout, and a line that starts with a dot gets a second one (RFC 5321 §4.5.2), so that
    /// no line of the message can end DATA early.
    static func dotStuffed(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.map { $0 + "\r\n" }.joined()
    }

    /// The connection and the replies read so far.
    private struct Session {
        var channel: any Channel
        var replies: AsyncThrowingStream<SMTPReply, any Error>.AsyncIterator

        @discardableResult
        mutating func expect(_ name: String, _ codes: Set<Int>) async throws -> SMTPReply {
            guard let reply = try await replies.next() else { throw MailError.connection("the server closed the connection") }
            guard codes.contains(reply.code) else { throw MailError.refused(command: name, code: reply.code, reply: reply.text) }
            return reply
        }

        @discardableResult
        mutating func command(_ line: String, expect codes: Set<Int>, name: String? = nil) async throws -> SMTPReply {
            try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n")).get()
            return try await expect(name ?? String(line.prefix(while: { $0 != " " && $0 != ":" })), codes)
        }

        /// Puts TLS in front of everything else on the connection, after the server's 220 to STARTTLS.
        func startTLS(serverHostname: String, caFile: String?) async throws {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if let caFile { configuration.trustRoots = .file(caFile) }
            let context = try NIOSSLContext(configuration: configuration)
            let channel = channel
            let hostname = serverHostname.first?.isNumber == true ? nil : serverHostname
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(
                    try NIOSSLClientHandler(context: context, serverHostname: hostname), position: .first
                )
            }.get()
        }
    }
}

/// A flag shared between the event loop's deadline and the sending task.
private final class DeadlineFlag: @unchecked Sendable {
    // `@unchecked`: `value` is only read and written under `lock`.
    private let lock = NSLock()
    private var value: Bool

    init(_ value: Bool) { self.value = value }

    func set(_ new: Bool) { lock.withLock { value = new } }
    func get() -> Bool { lock.withLock { value } }
}
