import Foundation
import GoalStatCore
import Vapor

/// The query string, read strictly: a value the OpenAPI document rules out (not a number, a date, a UUID, one of
/// the listed words) is refused with 400 `invalidQuery` naming the parameter, rather than ignored or taken for
/// "any". An empty value means the parameter was not given.
extension Request {
    /// The trimmed text of a parameter; nil when it is absent or empty (a filter form's empty field means "any").
    func queryText(_ name: String) throws -> String? {
        guard let text = try queryValue(name), !text.isEmpty else { return nil }
        return text
    }

    /// The trimmed text of a parameter, empty included: for parameters no form leaves empty (numbers, formats).
    private func queryValue(_ name: String) throws -> String? {
        do {
            return try query.get(String?.self, at: name)?.trimmingCharacters(in: .whitespaces)
        } catch {
            throw APIError.invalidQuery(name, "\(name) must be given once, as text")
        }
    }

    func queryInt(_ name: String) throws -> Int? {
        guard let text = try queryValue(name) else { return nil }
        guard let value = Int(text) else { throw APIError.invalidQuery(name, "\(name) must be a whole number, not '\(text)'") }
        return value
    }

    func queryBool(_ name: String) throws -> Bool? {
        guard let text = try queryText(name) else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw APIError.invalidQuery(name, "\(name) must be true or false, not '\(text)'")
        }
    }

    func queryDate(_ name: String) throws -> CalendarDate? {
        guard let text = try queryText(name) else { return nil }
        do {
            return try CalendarDate.parse(text)
        } catch {
            throw APIError.invalidQuery(name, "\(name): \(error.message)")
        }
    }

    func queryUUID(_ name: String) throws -> UUID? {
        guard let text = try queryText(name) else { return nil }
        guard let id = UUID(uuidString: text) else { throw APIError.invalidQuery(name, "\(name) must be a UUID, not '\(text)'") }
        return id
    }

    /// One of the words `Choice` lists.
    func queryChoice<Choice: RawRepresentable & CaseIterable>(_ name: String, _: Choice.Type) throws -> Choice?
    where Choice.RawValue == String {
        guard let text = try queryText(name) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            throw APIError.invalidQuery(name, "'\(text)' is not one of: \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }

    /// One of `words` (empty is not one of them).
    func queryChoice(_ name: String, _ words: [String]) throws -> String? {
        guard let text = try queryValue(name) else { return nil }
        guard words.contains(text) else { throw APIError.invalidQuery(name, "'\(text)' is not one of: \(words.joined(separator: ", "))") }
        return text
    }
}

extension APIError {
    static func invalidQuery(_ name: String, _ message: String) -> APIError {
        APIError(status: .badRequest, code: "invalidQuery", message: message, field: name)
    }
}
