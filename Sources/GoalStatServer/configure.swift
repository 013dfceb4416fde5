import Fluent
import Foundation
import GoalStatStore
import Vapor

/// Sets up the database, middleware and routes of an application.
public func configure(_ app: Application, settings: ServerSettings) async throws {
    app.http.server.configuration.hostname = settings.host
    app.http.server.configuration.port = settings.port
    // Pages, JSON and SVG shrink about tenfold with gzip; images and archives are left as they are.
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes
    app.databases.use(try settings.database.configurationFactory(writeWait: settings.writeWait), as: settings.database.databaseID)
    app.migrations.add(GoalStatMigrations.all, to: settings.database.databaseID)
    try await GoalStatDatabase.prepare(app.databases, id: settings.database.databaseID, logger: app.logger)
    try await app.autoMigrate()
    app.clock = AppClock(now: settings.now)
    app.readCache = ReadCache()
    app.serverSettings = settings

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
    // Outside the error middleware, so that error pages, 401s and redirects to sign-in carry the headers too.
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(MethodNotAllowedMiddleware())
    app.middleware.use(GoalStatErrorMiddleware())
    app.middleware.use(NulByteGuardMiddleware())
    // Who is asking, then may they (before the handler reads any input), then did their browser mean it.
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(AuthorizationMiddleware())
    app.middleware.use(CSRFMiddleware())
    // Every JSON and form body is collected up to this size and refused with 413 beyond it, before it is decoded:
    // the largest record (an indicator with all its long texts at their limits, `TextKind`) fits with room to spare.
    // File imports set their own, larger limit on their route.
    app.routes.defaultMaxBodySize = BodyLimits.request
    try routes(app)
}
