import Fluent
import Foundation
import GoalStatStore
import Vapor

/// Sets up the database, middleware and routes of an application.
public func configure(_ app: Application, settings: ServerSettings) async throws {
    app.http.server.configuration.hostname = settings.host
    app.http.server.configuration.port = settings.port
    app.databases.use(try settings.database.configurationFactory(), as: settings.database.databaseID)
    app.migrations.add(GoalStatMigrations.all, to: settings.database.databaseID)
    try await GoalStatDatabase.prepare(app.db)
    try await app.autoMigrate()
    app.clock = AppClock(now: settings.now)
    app.serverSettings = settings

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
    app.middleware.use(GoalStatErrorMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(MethodNotAllowedMiddleware())
    // Who is asking, then may they (before the handler reads any input), then did their browser mean it.
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(AuthorizationMiddleware())
    app.middleware.use(CSRFMiddleware())
    try routes(app)
}
