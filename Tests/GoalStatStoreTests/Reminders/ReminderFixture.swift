import FluentKit
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport

/// The standard fixture plus a steward of her own (Dana Lee), an indicator of no goal, a `missing` period and a
/// performance officer, as of the fixture's day (23 November 2026).
enum ReminderFixture {
    static let yaml = """
        people:
          - { email: d.lee@example.gov, name: Dana Lee, orgUnit: DMV-FO-NORTH }
        indicators:
          - { code: FO-CALLS, name: Calls answered, unit: count, direction: increase, frequency: monthly, stage: output, orgUnit: DMV-FO, goals: [G1.1], steward: d.lee@example.gov }
          - { code: FO-FORMS, name: Forms filed, unit: count, direction: increase, frequency: monthly, stage: output, orgUnit: DMV-FO-NORTH, steward: d.lee@example.gov }
        """

    static let values = """
        indicator,period,value,status,note
        FO-CALLS,2026-09,,missing,phone system outage all month
        FO-FORMS,2026-10,12,provisional,

        """

    static let pioEmail = "pio@example.gov"
    static var today: CalendarDate { CalendarDate(utc: Fixtures.now) }

    static func load(on db: any Database) async throws {
        _ = try await ImportService.importFiles(
            [
                ImportFile(name: "plan.yaml", data: Data(Fixtures.frameworkYAML.utf8)),
                ImportFile(name: "values.csv", data: Data(Fixtures.measurementsCSV.utf8)),
                ImportFile(name: "more.yaml", data: Data(yaml.utf8)),
                ImportFile(name: "more.csv", data: Data(values.utf8)),
            ],
            dryRun: false, audit: Fixtures.audit(), on: db
        )
        _ = try await UserStore.create(
            email: pioEmail, name: "Pat Officer", password: "correct horse battery 42", grants: [RoleGrant(role: .pio, orgUnit: "DMV")],
            hasher: TestPasswordHasher(), context: .cli(Fixtures.now), on: db
        )
    }
}
