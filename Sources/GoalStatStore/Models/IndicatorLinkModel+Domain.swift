import GoalStatCore

extension IndicatorLinkModel {
    var domain: IndicatorLink {
        IndicatorLink(driver: driverCode, result: resultCode, expectedSign: LinkSign(rawValue: expectedSign) ?? .positive, lagPeriods: lagPeriods)
    }

    func apply(_ link: IndicatorLink) {
        driverCode = link.driver
        resultCode = link.result
        expectedSign = link.expectedSign.rawValue
        lagPeriods = link.lagPeriods
    }
}
