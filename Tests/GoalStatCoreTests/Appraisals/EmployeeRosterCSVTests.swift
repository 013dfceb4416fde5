import Foundation
import Testing
@testable import GoalStatCore

@Suite("HR's CSV of employees and supervisors")
struct EmployeeRosterCSVTests {
    @Test("a good file gives every employee with their supervisor, flags and pay, columns in any order")
    func goodFile() throws {
        let csv = "name,email,org_unit,supervisor,basic_pay,senior_executive\nAna Ruiz,A.Ruiz@example.gov,DMV-FO,b.lee@example.gov,\"81,000\",no\nBo Lee,b.lee@example.gov,DMV-FO,,,yes\n"
        let employees = try EmployeeRosterCSV.parse(Data(csv.utf8)).get()
        #expect(employees.map(\.email) == ["a.ruiz@example.gov", "b.lee@example.gov"])
        #expect(employees[0].supervisor == "b.lee@example.gov")
        #expect(employees[0].basicPay == 81_000)
        #expect(employees[1].seniorExecutive)
        #expect(EmployeeRosterCSV.problems(in: employees, lines: EmployeeRosterCSV.lines(Data(csv.utf8)), knownUnits: ["DMV-FO"], knownEmployees: [:]).isEmpty)
    }

    @Test("every bad line is named with its line and column, and an unknown column is refused")
    func badLinesNamed() {
        let csv = "email,name,org_unit,supervisor,basic_pay\nx,Ann,DMV-FO,,\nb@example.gov,,DMV-FO,b@example.gov,-5\nc@example.gov,Cy,DMV-FO,,\nc@example.gov,Cy,DMV-FO,,\n"
        guard case .failure(let problems) = EmployeeRosterCSV.parse(Data(csv.utf8)) else {
            Issue.record("expected a refusal")
            return
        }
        let described = problems.issues.map(\.description)
        #expect(described.contains("line 2, column email: an email address is required"))
        #expect(described.contains("line 3, column name: the name is required"))
        #expect(described.contains("line 3, column supervisor: an employee cannot be their own supervisor"))
        #expect(described.contains { $0.hasPrefix("line 3, column basic_pay:") })
        #expect(described.contains("line 5, column email: c@example.gov is already on line 4"))
        guard case .failure(let header) = EmployeeRosterCSV.parse(Data("email,name,org_unit,supervisor,grade\n".utf8)) else { return }
        #expect(header.issues.first?.column == "grade")
    }

    @Test("unknown units, supervisors nobody knows, and supervision loops are refused by line")
    func references() throws {
        let csv = "email,name,org_unit,supervisor\na@example.gov,A,NOPE,b@example.gov\nb@example.gov,B,DMV-FO,a@example.gov\nc@example.gov,C,DMV-FO,z@example.gov\n"
        let employees = try EmployeeRosterCSV.parse(Data(csv.utf8)).get()
        let issues = EmployeeRosterCSV.problems(in: employees, lines: EmployeeRosterCSV.lines(Data(csv.utf8)), knownUnits: ["DMV-FO"], knownEmployees: [:])
        let described = issues.map(\.description)
        #expect(described.contains("line 2, column org_unit: no org unit 'NOPE'"))
        #expect(described.contains { $0.hasPrefix("line 2, column supervisor: the supervisors form a loop") })
        #expect(described.contains("line 4, column supervisor: z@example.gov is not in the file nor a known employee"))
    }
}
