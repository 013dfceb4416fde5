/// A recursive-descent parser for `Formula`: a grammar this small does not warrant a parser library.
struct FormulaParser {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func parseFormula() throws(FormulaError) -> Formula {
        let formula = try parseSum()
        skipSpaces()
        if index < characters.count { throw failure("unexpected '\(characters[index])'") }
        return formula
    }

    private mutating func parseSum() throws(FormulaError) -> Formula {
        var left = try parseProduct()
        while let op = peekOperator([.add, .subtract]) {
            index += 1
            left = .binary(left, op, try parseProduct())
        }
        return left
    }

    private mutating func parseProduct() throws(FormulaError) -> Formula {
        var left = try parseUnary()
        while let op = peekOperator([.multiply, .divide]) {
            index += 1
            left = .binary(left, op, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary() throws(FormulaError) -> Formula {
        skipSpaces()
        if index < characters.count, characters[index] == "-" {
            index += 1
            return .negate(try parseUnary())
        }
        return try parseAtom()
    }

    private mutating func parseAtom() throws(FormulaError) -> Formula {
        skipSpaces()
        guard index < characters.count else { throw failure("the formula ends too early") }
        let character = characters[index]
        if character == "(" {
            index += 1
            let inner = try parseSum()
            skipSpaces()
            guard index < characters.count, characters[index] == ")" else { throw failure("a ')' is missing") }
            index += 1
            return inner
        }
        if character == "[" {
            let start = index + 1
            guard let close = characters[start...].firstIndex(of: "]") else { throw failure("a ']' is missing") }
            let code = String(characters[start..<close])
            guard Codes.isValid(code) else { throw failure("'\(code)' is not a valid indicator code") }
            index = close + 1
            return .reference(code)
        }
        if character.isNumber || character == "." {
            let start = index
            while index < characters.count, characters[index].isNumber || characters[index] == "." { index += 1 }
            guard let value = Double(String(characters[start..<index])) else { throw failure("'\(String(characters[start..<index]))' is not a number") }
            return .number(value)
        }
        throw failure("unexpected '\(character)'")
    }

    private mutating func peekOperator(_ allowed: [FormulaOperator]) -> FormulaOperator? {
        skipSpaces()
        guard index < characters.count, let op = FormulaOperator(rawValue: characters[index]), allowed.contains(op) else { return nil }
        return op
    }

    private mutating func skipSpaces() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    private func failure(_ reason: String) -> FormulaError {
        FormulaError(message: "formula: \(reason) at character \(index + 1)")
    }
}
