/// Turns a password into a slow, salted hash and checks a password against one.
///
/// Core and Store stay free of Vapor, whose `Bcrypt` is the implementation the server and command line use
/// (`GoalStatServer.BcryptPasswordHasher`); tests pass a fast hasher. Async so that an implementation can move
/// the deliberately slow work off the event loop. Note that Vapor has a protocol of the same name: in files that
/// import both, write `GoalStatCore.PasswordHasher`.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
}
