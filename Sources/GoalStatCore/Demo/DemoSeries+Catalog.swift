extension DemoSeries {
    /// Every demo indicator's series, grouped by strategic goal; one entry per indicator of the framework file.
    static let catalog: [DemoSeries] = service + safety + records + stewardship + workforce
}
