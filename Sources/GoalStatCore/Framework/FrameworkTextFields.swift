/// Which kind of text (`TextKind`) each free-text field of a framework record is: the field-by-field half of the
/// limits table. Keys and references (codes, emails, periods, dates) are checked where they are validated.
public protocol FrameworkTextFields {
    /// (field path within the record, text, kind) for every text field that is present.
    var textFields: [(field: String, text: String, kind: TextKind)] { get }
}

extension FrameworkTextFields {
    static func fields(_ list: [(String, String?, TextKind)]) -> [(field: String, text: String, kind: TextKind)] {
        list.compactMap { name, text, kind in text.map { (name, $0, kind) } }
    }

    static func each(_ name: String, _ texts: [String]?, _ kind: TextKind) -> [(String, String?, TextKind)] {
        (texts ?? []).enumerated().map { ("\(name)[\($0.offset)]", $0.element, kind) }
    }
}

extension OrgUnit: FrameworkTextFields {
    public var textFields: [(field: String, text: String, kind: TextKind)] { Self.fields([("name", name, .name)]) }
}

extension Person: FrameworkTextFields {
    public var textFields: [(field: String, text: String, kind: TextKind)] {
        Self.fields([("email", email, .email), ("name", name, .name), ("title", title, .name)])
    }
}

extension Plan: FrameworkTextFields {
    public var textFields: [(field: String, text: String, kind: TextKind)] {
        var list: [(String, String?, TextKind)] = [("name", name, .name), ("mission", mission, .longText), ("vision", vision, .longText)]
        for (index, value) in values.enumerated() {
            list += [("values[\(index)].name", value.name, .name), ("values[\(index)].description", value.description, .longText)]
        }
        return Self.fields(list + Self.each("perspectives", perspectives, .name))
    }
}

extension Goal: FrameworkTextFields {
    public var textFields: [(field: String, text: String, kind: TextKind)] {
        Self.fields([("name", name, .name), ("statement", statement, .longText), ("perspective", perspective, .name)])
    }
}

extension Indicator: FrameworkTextFields {
    public var textFields: [(field: String, text: String, kind: TextKind)] {
        var list: [(String, String?, TextKind)] = [
            ("name", name, .name), ("definition", definition, .longText), ("methodology", methodology, .longText),
            ("source", source, .line), ("unit", unit.text, .name), ("formula", formula, .line),
        ]
        list += Self.each("levels", levels, .name)
        if let quality = dataQuality {
            list += [
                ("dataQuality.verification", quality.verification, .longText), ("dataQuality.validation", quality.validation, .longText),
                ("dataQuality.source", quality.source, .longText), ("dataQuality.accuracy", quality.accuracy, .longText),
                ("dataQuality.limitations", quality.limitations, .longText), ("dataQuality.compensation", quality.compensation, .longText),
            ]
        }
        return Self.fields(list)
    }
}

extension Target: FrameworkTextFields {
    public var textFields: [(field: String, text: String, kind: TextKind)] {
        Self.fields([("rationale", rationale, .longText), ("benchmark.source", benchmark?.source, .line)])
    }
}

extension Milestone: FrameworkTextFields {
    public var textFields: [(field: String, text: String, kind: TextKind)] { Self.fields([("name", name, .name)]) }
}

extension Narrative: FrameworkTextFields {
    public var textFields: [(field: String, text: String, kind: TextKind)] {
        Self.fields([
            ("accomplishments", accomplishments, .longText), ("challenges", challenges, .longText),
            ("nextSteps", nextSteps, .longText), ("author", author, .name),
        ])
    }
}

extension Rebase: FrameworkTextFields {
    public var textFields: [(field: String, text: String, kind: TextKind)] { Self.fields([("reason", reason, .longText)]) }
}
