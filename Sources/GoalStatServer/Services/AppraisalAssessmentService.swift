import GoalStatCore
import GoalStatStore
import Vapor

/// The appraisal program assessment as the API sends it (the page and the CSV show the same numbers).
struct AppraisalAssessmentReport: Content {
    struct UnitRow: Content {
        var orgUnit: String
        /// Ratings by level number ("1" … "5").
        var counts: [String: Int]
        var notRated: Int
    }

    struct PayRow: Content {
        var level: Int
        var levelName: String
        var employees: Int
        var awards: Int
        var cash: Double
    }

    var program: UUID
    var programName: String
    var distribution: [UnitRow]
    var plans: Int
    var plansOnTime: Int
    var plansMissing: Int
    var withProgressReview: Int
    var pay: [PayRow]
    var advisories: [String]
}

/// Reads one program's plans, reviews, ratings and awards and hands them to `AppraisalAssessment` (GoalStatCore).
enum AppraisalAssessmentService {
    /// The program of `?program=` (default: the latest).
    static func program(_ request: Request) async throws -> AppraisalProgram {
        let chosen = try request.queryText("program")
        let programs = try await AppraisalStore.programs(on: request.db)
        if let chosen {
            guard let uuid = UUID(uuidString: chosen), let program = programs.first(where: { $0.id == uuid }) else {
                throw APIError(status: .badRequest, code: "invalidQuery", message: "program: no appraisal program \(chosen)", field: "program")
            }
            return program
        }
        guard let latest = programs.first else { throw APIError.notFound("An appraisal program") }
        return latest
    }

    static func assessment(program: AppraisalProgram, request: Request) async throws -> AppraisalAssessment {
        let plans = try await AppraisalStore.plans(inProgram: program.id, on: request.db)
        let ids = plans.map(\.plan.id)
        let reviews = try await AppraisalStore.progressReviews(of: ids, on: request.db)
        let ratings = Dictionary(try await AppraisalStore.ratings(of: ids, on: request.db).map { ($0.plan, $0) }, uniquingKeysWith: { first, _ in first })
        let entries = plans.map { item in
            AppraisalAssessment.Entry(
                orgUnit: item.orgUnit, coveredFrom: item.plan.coveredFrom, planEstablished: item.plan.establishedOn,
                progressReviews: reviews.filter { $0.plan == item.plan.id }.count, summaryLevel: ratings[item.plan.id]?.summaryLevel
            )
        }
        let employees = Set(plans.map { UserAccount.normalizedEmail($0.plan.employee) })
        let awards = try await AppraisalStore.awards(since: program.cycle.start, on: request.db)
            .filter { employees.contains(UserAccount.normalizedEmail($0.employee)) }
            .map { AppraisalAssessment.AwardEntry(summaryLevel: $0.proposal.ratingOfRecord.flatMap(SummaryLevel.init(number:)), amount: $0.proposal.amount ?? 0) }
        return AppraisalAssessment.make(
            pattern: program.rules.pattern, cycle: program.cycle, timing: program.timing, entries: entries, awards: awards, today: request.clock.today
        )
    }

    static func report(program: AppraisalProgram, request: Request) async throws -> AppraisalAssessmentReport {
        let assessment = try await assessment(program: program, request: request)
        return AppraisalAssessmentReport(
            program: program.id, programName: program.name,
            distribution: assessment.distribution.map { row in
                .init(orgUnit: row.orgUnit, counts: Dictionary(uniqueKeysWithValues: row.counts.map { (String($0.key), $0.value) }), notRated: row.notRated)
            },
            plans: assessment.plans, plansOnTime: assessment.plansOnTime, plansMissing: assessment.plansMissing, withProgressReview: assessment.withProgressReview,
            pay: assessment.pay.map { .init(level: $0.level.number, levelName: $0.level.name, employees: $0.employees, awards: $0.awards, cash: $0.cash) },
            advisories: assessment.advisories
        )
    }
}
