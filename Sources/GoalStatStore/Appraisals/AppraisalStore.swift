import FluentKit
import Foundation
import GoalStatCore

extension AuditEntityKind {
    public static let appraisalProgram: Self = "appraisalProgram"
    public static let appraisalEmployee: Self = "appraisalEmployee"
    public static let performancePlan: Self = "performancePlan"
    public static let progressReview: Self = "progressReview"
    public static let ratingOfRecord: Self = "ratingOfRecord"
    public static let appraisalFeedback: Self = "appraisalFeedback"
    public static let appraisalAward: Self = "appraisalAward"

    /// Appraisal data is personal (SPEC §2): its audit entries stay off the general audit page and export, which
    /// the PIO and admins read, and are shown only on the appraisal pages of those allowed.
    public static let appraisalKinds: [Self] = [
        .appraisalProgram, .appraisalEmployee, .performancePlan, .progressReview, .ratingOfRecord, .appraisalFeedback, .appraisalAward,
    ]
}

/// Appraisal records. Writes are called inside a transaction (`Transactions.run`) and record their audit entries in
/// it; the rules are GoalStatCore's and are checked by the caller, as is who may see what (`AppraisalAccess`).
public enum AppraisalStore {
    typealias Programs = AppraisalRowModel<AppraisalTables.Programs>
    typealias Employees = AppraisalRowModel<AppraisalTables.Employees>
    typealias Plans = AppraisalRowModel<AppraisalTables.Plans>
    typealias Reviews = AppraisalRowModel<AppraisalTables.ProgressReviews>
    typealias Ratings = AppraisalRowModel<AppraisalTables.Ratings>
    typealias Feedback = AppraisalRowModel<AppraisalTables.Feedback>
    typealias Awards = AppraisalRowModel<AppraisalTables.Awards>

    // MARK: Programs

    public static func saveProgram(_ program: AppraisalProgram, audit: AuditContext, on db: any Database) async throws {
        let existing = try await Programs.find(program.id, on: db)
        let old = existing?.decoded(AppraisalProgram.self)
        let row = existing ?? Programs()
        row.id = program.id
        row.owner = program.name
        row.scope = program.seniorExecutive ? "ses" : ""
        row.orgUnit = ""
        row.parentID = nil
        row.sortKey = program.cycle.start.description
        row.document = JSONColumn.encode(program)
        try await row.save(on: db)
        try await AuditLog.record(audit.entries(.appraisalProgram, key: program.id.uuidString, old: old, new: program), on: db)
    }

    public static func program(_ id: UUID, on db: any Database) async throws -> AppraisalProgram? {
        try await Programs.find(id, on: db)?.decoded(AppraisalProgram.self)
    }

    /// Every program, latest cycle first (an agency has a handful).
    public static func programs(on db: any Database) async throws -> [AppraisalProgram] {
        try await Programs.query(on: db).sort(\.$sortKey, .descending).all().compactMap { $0.decoded(AppraisalProgram.self) }
    }

    // MARK: Employees

    /// Adds or replaces an employee's HR record (by email).
    public static func saveEmployee(_ employee: AppraisalEmployee, audit: AuditContext, on db: any Database) async throws {
        var employee = employee
        employee.email = UserAccount.normalizedEmail(employee.email)
        employee.supervisor = employee.supervisor.map(UserAccount.normalizedEmail)
        let existing = try await Employees.query(on: db).filter(\.$owner == employee.email).first()
        let old = existing?.decoded(AppraisalEmployee.self)
        guard old != employee else { return }
        let row = existing ?? Employees()
        if row.id == nil { row.id = UUID() }
        row.owner = employee.email
        row.scope = employee.supervisor ?? ""
        row.orgUnit = employee.orgUnit
        row.parentID = employee.program
        row.sortKey = employee.name
        row.document = JSONColumn.encode(employee)
        try await row.save(on: db)
        try await AuditLog.record(audit.entries(.appraisalEmployee, key: employee.email, old: old, new: employee), on: db)
    }

    public static func employee(_ email: String, on db: any Database) async throws -> AppraisalEmployee? {
        try await Employees.query(on: db).filter(\.$owner == UserAccount.normalizedEmail(email)).first()?.decoded(AppraisalEmployee.self)
    }

    /// The supervisors of these employees, by employee (for the second link of rating chains).
    public static func supervisors(of emails: [String], on db: any Database) async throws -> [String: String] {
        guard !emails.isEmpty else { return [:] }
        let rows = try await Employees.query(on: db).filter(\.$owner ~~ emails.map(UserAccount.normalizedEmail)).all()
        return Dictionary(rows.compactMap { $0.scope.isEmpty ? nil : ($0.owner, $0.scope) }, uniquingKeysWith: { first, _ in first })
    }

    /// The employees a person may see as rating official or HR: their direct reports, the reports of those, and
    /// (for HR) everyone in `hrUnits` (nil: everywhere), by name, a page at a time.
    public static func employees(
        ratedBy person: String?, hrUnits: Set<String>?, hrEverywhere: Bool, offset: Int = 0, limit: Int = 1000, on db: any Database
    ) async throws -> (items: [AppraisalEmployee], total: Int) {
        var supervised: [String] = []
        if let person {
            let me = UserAccount.normalizedEmail(person)
            let direct = try await Employees.query(on: db).filter(\.$scope == me).all().map(\.owner)
            supervised = [me] + direct
        }
        let query = { () -> QueryBuilder<Employees> in
            let query = Employees.query(on: db)
            if hrEverywhere { return query }
            let units = Array(hrUnits ?? [])
            return query.group(.or) { either in
                if !supervised.isEmpty { either.filter(\.$scope ~~ supervised) }
                if !units.isEmpty { either.filter(\.$orgUnit ~~ units) }
                // Matches nothing: keeps the group valid when the person supervises no one and is HR nowhere.
                either.filter(\.$owner == "")
            }
        }
        let total = try await query().count()
        let rows = try await query().sort(\.$sortKey).sort(\.$owner).range(offset..<(offset + limit)).all()
        return (rows.compactMap { $0.decoded(AppraisalEmployee.self) }, total)
    }

    /// Every employee record (HR import checks and the assessment read them; an agency's staff fits in memory).
    public static func allEmployees(on db: any Database) async throws -> [AppraisalEmployee] {
        try await Employees.query(on: db).sort(\.$sortKey).all().compactMap { $0.decoded(AppraisalEmployee.self) }
    }

    // MARK: Plans

    public static func savePlan(_ plan: PerformancePlan, orgUnit: String, audit: AuditContext, on db: any Database) async throws {
        let existing = try await Plans.find(plan.id, on: db)
        let old = existing?.decoded(PerformancePlan.self)
        let row = existing ?? Plans()
        row.id = plan.id
        row.owner = UserAccount.normalizedEmail(plan.employee)
        row.scope = plan.supervisor.map(UserAccount.normalizedEmail) ?? ""
        row.orgUnit = orgUnit
        row.parentID = plan.program
        row.sortKey = plan.coveredFrom.description
        row.document = JSONColumn.encode(plan)
        try await row.save(on: db)
        try await AuditLog.record(audit.entries(.performancePlan, key: plan.id.uuidString, old: old, new: plan), on: db)
    }

    public static func plan(_ id: UUID, on db: any Database) async throws -> PerformancePlan? {
        try await Plans.find(id, on: db)?.decoded(PerformancePlan.self)
    }

    /// An employee's plans, latest first.
    public static func plans(of employee: String, on db: any Database) async throws -> [PerformancePlan] {
        try await Plans.query(on: db).filter(\.$owner == UserAccount.normalizedEmail(employee)).sort(\.$sortKey, .descending).all()
            .compactMap { $0.decoded(PerformancePlan.self) }
    }

    /// The plans of a program (for the assessment), with each plan's unit.
    public static func plans(inProgram program: UUID, on db: any Database) async throws -> [(plan: PerformancePlan, orgUnit: String)] {
        try await Plans.query(on: db).filter(\.$parentID == program).all().compactMap { row in
            row.decoded(PerformancePlan.self).map { ($0, row.orgUnit) }
        }
    }

    // MARK: Progress reviews

    public static func addProgressReview(_ review: ProgressReview, employee: String, audit: AuditContext, on db: any Database) async throws {
        try await Reviews(
            id: review.id, owner: UserAccount.normalizedEmail(employee), parent: review.plan, sortKey: review.date.description, document: JSONColumn.encode(review)
        ).create(on: db)
        try await AuditLog.record(audit.entries(.progressReview, key: review.id.uuidString, old: ProgressReview?.none, new: review), on: db)
    }

    public static func progressReviews(of plans: [UUID], on db: any Database) async throws -> [ProgressReview] {
        guard !plans.isEmpty else { return [] }
        return try await Reviews.query(on: db).filter(\.$parentID ~~ plans).sort(\.$sortKey).all().compactMap { $0.decoded(ProgressReview.self) }
    }

    // MARK: Ratings of record

    /// Gives or replaces the rating of record of a plan; the one it replaces stays in the audit log.
    public static func saveRating(_ rating: RatingOfRecord, employee: String, orgUnit: String, audit: AuditContext, on db: any Database) async throws {
        let existing = try await Ratings.query(on: db).filter(\.$parentID == rating.plan).first()
        let old = existing?.decoded(RatingOfRecord.self)
        let row = existing ?? Ratings()
        if row.id == nil { row.id = UUID() }
        row.owner = UserAccount.normalizedEmail(employee)
        row.scope = ""
        row.orgUnit = orgUnit
        row.parentID = rating.plan
        row.sortKey = rating.ratedOn.description
        row.level = rating.summaryLevel.number
        row.document = JSONColumn.encode(rating)
        try await row.save(on: db)
        try await AuditLog.record(audit.entries(.ratingOfRecord, key: rating.plan.uuidString, old: old, new: rating), on: db)
    }

    public static func rating(of plan: UUID, on db: any Database) async throws -> RatingOfRecord? {
        try await Ratings.query(on: db).filter(\.$parentID == plan).first()?.decoded(RatingOfRecord.self)
    }

    public static func ratings(of plans: [UUID], on db: any Database) async throws -> [RatingOfRecord] {
        guard !plans.isEmpty else { return [] }
        return try await Ratings.query(on: db).filter(\.$parentID ~~ plans).all().compactMap { $0.decoded(RatingOfRecord.self) }
    }

    /// The latest rating of record of an employee (awards are checked against it).
    public static func latestRating(of employee: String, on db: any Database) async throws -> RatingOfRecord? {
        try await Ratings.query(on: db).filter(\.$owner == UserAccount.normalizedEmail(employee)).sort(\.$sortKey, .descending).first()?
            .decoded(RatingOfRecord.self)
    }

    // MARK: Feedback

    public static func addFeedback(_ note: FeedbackNote, audit: AuditContext, on db: any Database) async throws {
        try await Feedback(
            id: note.id, owner: UserAccount.normalizedEmail(note.employee), scope: note.kind.rawValue, sortKey: note.date.description,
            document: JSONColumn.encode(note)
        ).create(on: db)
        try await AuditLog.record(audit.entries(.appraisalFeedback, key: note.id.uuidString, old: FeedbackNote?.none, new: note), on: db)
    }

    /// An employee's feedback notes, latest first.
    public static func feedback(of employee: String, on db: any Database) async throws -> [FeedbackNote] {
        try await Feedback.query(on: db).filter(\.$owner == UserAccount.normalizedEmail(employee)).sort(\.$sortKey, .descending).all()
            .compactMap { $0.decoded(FeedbackNote.self) }
    }

    // MARK: Awards

    public static func addAward(_ award: AwardRecord, orgUnit: String, audit: AuditContext, on db: any Database) async throws {
        try await Awards(
            id: award.id, owner: UserAccount.normalizedEmail(award.employee), scope: award.proposal.kind.rawValue, orgUnit: orgUnit,
            sortKey: award.proposedOn.description, level: award.proposal.ratingOfRecord, document: JSONColumn.encode(award)
        ).create(on: db)
        try await AuditLog.record(audit.entries(.appraisalAward, key: award.id.uuidString, old: AwardRecord?.none, new: award), on: db)
    }

    public static func awards(of employee: String, on db: any Database) async throws -> [AwardRecord] {
        try await Awards.query(on: db).filter(\.$owner == UserAccount.normalizedEmail(employee)).sort(\.$sortKey, .descending).all()
            .compactMap { $0.decoded(AwardRecord.self) }
    }

    /// Awards proposed from `from` on (the assessment's pay differentiation).
    public static func awards(since from: CalendarDate, on db: any Database) async throws -> [AwardRecord] {
        try await Awards.query(on: db).filter(\.$sortKey >= from.description).all().compactMap { $0.decoded(AwardRecord.self) }
    }

    // MARK: History

    /// The audit history of one employee's appraisal records, oldest first: for those allowed to see them.
    public static func history(entity: AuditEntityKind, key: String, on db: any Database) async throws -> [AuditEntry] {
        try await AuditLog.entries(entity: entity, key: key, on: db)
    }
}
