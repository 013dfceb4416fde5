extension Principal {
    /// Whether this principal may store a value or target of an indicator owned by `indicatorUnit` for the unit
    /// `valueUnit` (nil or the indicator's own unit: the total). They need the right in both units: in the
    /// indicator's, and in the unit the value is about. A value may be about a unit outside the indicator's own
    /// subtree (road tests of a testing programme broken down by field-office region), so the value's unit is
    /// checked on its own rather than required to sit below the indicator's.
    public func mayRecord(_ action: Action, forIndicatorOf indicatorUnit: String, about valueUnit: String?, tree: OrgTree) -> Bool {
        may(action, in: indicatorUnit, tree: tree) && may(action, in: valueUnit ?? indicatorUnit, tree: tree)
    }
}
