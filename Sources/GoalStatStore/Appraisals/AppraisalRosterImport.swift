import FluentKit
import Foundation
import GoalStatCore

extension AppraisalStore {
    /// Imports HR's export of employees and supervisors (`EmployeeRosterCSV`) all or nothing: every bad line is
    /// reported (`EmployeeRosterCSV.Problems`) and nothing is stored unless the whole file is good. Employees
    /// already known keep their program unless `program` is given. Returns how many records were added or changed.
    public static func importRoster(_ data: Data, program: UUID?, audit: AuditContext, on db: any Database) async throws -> Int {
        let employees: [AppraisalEmployee]
        switch EmployeeRosterCSV.parse(data) {
        case .success(let parsed): employees = parsed
        case .failure(let problems): throw problems
        }
        if let program, try await self.program(program, on: db) == nil {
            throw EmployeeRosterCSV.Problems(issues: [ImportIssue(line: 1, column: nil, reason: "no appraisal program \(program)")])
        }
        let units = Set(try await FrameworkStore.orgUnits(on: db).map(\.code))
        let known = try await allEmployees(on: db)
        let knownByEmail = Dictionary(known.map { ($0.email, $0) }, uniquingKeysWith: { first, _ in first })
        let issues = EmployeeRosterCSV.problems(
            in: employees, lines: EmployeeRosterCSV.lines(data), knownUnits: units,
            knownEmployees: Dictionary(known.map { ($0.email, $0.supervisor) }, uniquingKeysWith: { first, _ in first })
        )
        guard issues.isEmpty else { throw EmployeeRosterCSV.Problems(issues: issues) }
        let records = employees.map { employee in
            var record = employee
            record.program = program ?? knownByEmail[employee.email]?.program
            return record
        }
        return try await Transactions.run(on: db) { tx in
            var changed = 0
            for record in records where knownByEmail[record.email] != record {
                try await saveEmployee(record, audit: audit, on: tx)
                changed += 1
            }
            return changed
        }
    }
}
