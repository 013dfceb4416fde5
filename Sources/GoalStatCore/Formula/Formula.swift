/// An indicator formula over other indicators: numbers, `[CODE]` references, `+ - * /` and parentheses.
public indirect enum Formula: Sendable, Equatable {
    case number(Double)
    case reference(String)
    case negate(Formula)
    case binary(Formula, FormulaOperator, Formula)

    /// The indicator codes the formula reads, in order of first appearance.
    public var references: [String] {
        var seen: Set<String> = []
        var ordered: [String] = []
        func walk(_ node: Formula) {
            switch node {
            case .number: break
            case .reference(let code): if seen.insert(code).inserted { ordered.append(code) }
            case .negate(let inner): walk(inner)
            case .binary(let left, _, let right): walk(left); walk(right)
            }
        }
        walk(self)
        return ordered
    }

    /// The value for the given inputs; nil when an input is missing or a division by zero occurs.
    public func evaluate(_ values: [String: Double]) -> Double? {
        switch self {
        case .number(let value): return value
        case .reference(let code): return values[code]
        case .negate(let inner): return inner.evaluate(values).map { -$0 }
        case .binary(let left, let op, let right):
            guard let l = left.evaluate(values), let r = right.evaluate(values) else { return nil }
            switch op {
            case .add: return l + r
            case .subtract: return l - r
            case .multiply: return l * r
            case .divide: return r == 0 ? nil : l / r
            }
        }
    }

    public static func parse(_ text: String) -> Result<Formula, FormulaError> {
        var parser = FormulaParser(text)
        do {
            return .success(try parser.parseFormula())
        } catch {
            return .failure(error)
        }
    }
}

/// An arithmetic operator in a formula.
public enum FormulaOperator: Character, Sendable, Equatable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

/// Why a formula cannot be read, with the character position.
public struct FormulaError: Error, Sendable, Equatable {
    public var message: String
}
