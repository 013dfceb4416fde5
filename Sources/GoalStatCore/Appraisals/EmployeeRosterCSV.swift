import Foundation

/// The HR export of employees and their supervisors, as CSV (RFC 4180, header required, columns in any order,
/// unknown columns refused like the measurements CSV): `email,name,org_unit,supervisor` required, and optionally
/// `senior_executive`, `career_appointee`, `awards_frozen` (true/false) and `basic_pay`. Every bad line is named
/// with its line and column; the file is taken whole or not at all.
public enum EmployeeRosterCSV {
    public static let requiredColumns = ["email", "name", "org_unit", "supervisor"]
    public static let optionalColumns = ["senior_executive", "career_appointee", "awards_frozen", "basic_pay"]

    /// Every problem of a refused file.
    public struct Problems: Error, Equatable, Sendable {
        public var issues: [ImportIssue]

        public init(issues: [ImportIssue]) {
            self.issues = issues
        }
    }

    /// The employees of the file (with `program` left to the caller), or every problem found.
    public static func parse(_ data: Data) -> Result<[AppraisalEmployee], Problems> {
        var rows: [(line: Int, fields: [String])] = []
        var issues: [ImportIssue] = []
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var tokenizer = CSVTokenizer(bytes: bytes)
            var fields: [CSVField] = []
            while let (line, problem) = tokenizer.nextRecord(into: &fields) {
                if let problem {
                    issues.append(ImportIssue(line: line, column: nil, reason: "a quoting mistake in field \(problem.field + 1)"))
                    continue
                }
                let texts = fields.map { String(decoding: CSVTokenizer.unescapedBytes(of: $0, in: bytes), as: UTF8.self) }
                if texts.count == 1, texts[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
                rows.append((line, texts))
            }
        }
        guard let header = rows.first else { return .failure(Problems(issues: issues + [ImportIssue(line: 1, column: nil, reason: "the file is empty; it needs a header row")])) }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for name in names where !(requiredColumns + optionalColumns).contains(name) {
            issues.append(ImportIssue(line: header.line, column: name, reason: "unknown column; the columns are \((requiredColumns + optionalColumns).joined(separator: ", "))"))
        }
        for name in requiredColumns where !names.contains(name) {
            issues.append(ImportIssue(line: header.line, column: name, reason: "the column is missing"))
        }
        guard issues.isEmpty else { return .failure(Problems(issues: issues)) }
        var employees: [AppraisalEmployee] = []
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                issues.append(ImportIssue(line: row.line, column: nil, reason: "\(row.fields.count) fields where the header has \(names.count)"))
                continue
            }
            var value: [String: String] = [:]
            for (name, text) in zip(names, row.fields) { value[name] = text.trimmingCharacters(in: .whitespaces) }
            let email = UserAccount.normalizedEmail(value["email"] ?? "")
            if email.isEmpty || !email.contains("@") { issues.append(ImportIssue(line: row.line, column: "email", reason: "an email address is required")) }
            if let first = seen[email], !email.isEmpty { issues.append(ImportIssue(line: row.line, column: "email", reason: "\(email) is already on line \(first)")) }
            seen[email] = seen[email] ?? row.line
            let name = value["name"] ?? ""
            if name.isEmpty { issues.append(ImportIssue(line: row.line, column: "name", reason: "the name is required")) }
            let unit = value["org_unit"] ?? ""
            if unit.isEmpty { issues.append(ImportIssue(line: row.line, column: "org_unit", reason: "the org unit code is required")) }
            let supervisor = (value["supervisor"] ?? "").isEmpty ? nil : UserAccount.normalizedEmail(value["supervisor"]!)
            if let supervisor, supervisor == email { issues.append(ImportIssue(line: row.line, column: "supervisor", reason: "an employee cannot be their own supervisor")) }
            if let supervisor, !supervisor.contains("@") { issues.append(ImportIssue(line: row.line, column: "supervisor", reason: "the supervisor is named by email address")) }
            var flags: [String: Bool] = [:]
            for column in ["senior_executive", "career_appointee", "awards_frozen"] {
                let text = (value[column] ?? "").lowercased()
                switch text {
                case "": break
                case "true", "yes", "1": flags[column] = true
                case "false", "no", "0": flags[column] = false
                default: issues.append(ImportIssue(line: row.line, column: column, reason: "'\(value[column]!)' is not true or false"))
                }
            }
            var pay: Double?
            if let text = value["basic_pay"], !text.isEmpty {
                if let number = Double(text.replacingOccurrences(of: ",", with: "")), number.isFinite, number > 0 { pay = number } else {
                    issues.append(ImportIssue(line: row.line, column: "basic_pay", reason: "'\(text)' is not an annual amount above zero"))
                }
            }
            employees.append(AppraisalEmployee(
                email: email, name: name, orgUnit: unit, supervisor: supervisor, seniorExecutive: flags["senior_executive"] ?? false,
                careerAppointee: flags["career_appointee"] ?? true, awardsFrozen: flags["awards_frozen"] ?? false, basicPay: pay
            ))
        }
        return issues.isEmpty ? .success(employees) : .failure(Problems(issues: issues))
    }

    /// Checks the file's employees against the org units and the people already known: every unit must exist,
    /// and every supervisor must be in the file or already an employee; nobody may end up supervising themselves
    /// through a loop. `lines` gives each employee's line for the messages.
    public static func problems(
        in employees: [AppraisalEmployee], lines: [String: Int], knownUnits: Set<String>, knownEmployees: [String: String?]
    ) -> [ImportIssue] {
        var issues: [ImportIssue] = []
        var supervisorOf: [String: String] = [:]
        for (email, supervisor) in knownEmployees { if let supervisor { supervisorOf[email] = supervisor } }
        for employee in employees { supervisorOf[employee.email] = employee.supervisor }
        let everyone = Set(knownEmployees.keys).union(employees.map(\.email))
        for employee in employees {
            let line = lines[employee.email] ?? 0
            if !knownUnits.contains(employee.orgUnit) { issues.append(ImportIssue(line: line, column: "org_unit", reason: "no org unit '\(employee.orgUnit)'")) }
            if let supervisor = employee.supervisor, !everyone.contains(supervisor) {
                issues.append(ImportIssue(line: line, column: "supervisor", reason: "\(supervisor) is not in the file nor a known employee"))
            }
            var seen: Set<String> = [employee.email]
            var current = employee.supervisor
            while let next = current {
                if !seen.insert(next).inserted {
                    if next == employee.email { issues.append(ImportIssue(line: line, column: "supervisor", reason: "the supervisors form a loop back to \(employee.email)")) }
                    break
                }
                current = supervisorOf[next]
            }
        }
        return issues.sorted { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
    }

    /// The line of each employee in the file (for `problems`).
    public static func lines(_ data: Data) -> [String: Int] {
        var result: [String: Int] = [:]
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var tokenizer = CSVTokenizer(bytes: bytes)
            var fields: [CSVField] = []
            var emailColumn: Int?
            while let (line, _) = tokenizer.nextRecord(into: &fields) {
                let texts = fields.map { String(decoding: CSVTokenizer.unescapedBytes(of: $0, in: bytes), as: UTF8.self).trimmingCharacters(in: .whitespaces) }
                guard let column = emailColumn else {
                    emailColumn = texts.firstIndex { $0.lowercased() == "email" }
                    continue
                }
                if texts.indices.contains(column) { result[UserAccount.normalizedEmail(texts[column])] = result[UserAccount.normalizedEmail(texts[column])] ?? line }
            }
        }
        return result
    }
}
