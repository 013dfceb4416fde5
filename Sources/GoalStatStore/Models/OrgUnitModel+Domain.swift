import GoalStatCore

extension OrgUnitModel {
    var domain: OrgUnit {
        OrgUnit(code: code, name: name, kind: OrgUnitKind(rawValue: kind) ?? .office, parent: parentCode)
    }

    func apply(_ unit: OrgUnit) {
        code = unit.code
        name = unit.name
        kind = unit.kind.rawValue
        parentCode = unit.parent
    }
}
