import Foundation
import GoalStatCore
import Vapor

extension Request {
    /// Whether this request may import `data`, checked before its rows are validated (SPEC §5a), for the API and
    /// the import page alike. A framework file can change anything, the plan included: it needs `editFramework`
    /// everywhere. A measurements file needs `importFiles` in the unit of every indicator it names, and in every
    /// unit its values are about; rows naming unknown indicators are left for the import to report.
    func authorizeImport(_ data: Data, measurements: Bool) async throws {
        guard measurements else {
            guard principal.mayEverywhere(.editFramework) else {
                throw AccessDenied.forbidden("A framework file can change any record and the plan: importing one needs the editFramework action everywhere (pio or admin).")
            }
            return
        }
        let document = try await framework()
        let owners = Dictionary(document.indicators.map { ($0.code, $0.orgUnit) }, uniquingKeysWith: { first, _ in first })
        let pairs = MeasurementsCSV.indicatorUnits(in: data).sorted { ($0.indicator, $0.orgUnit ?? "") < ($1.indicator, $1.orgUnit ?? "") }
        for pair in pairs {
            guard let unit = owners[pair.indicator] else { continue }
            try await authorizeValues(.importFiles, of: pair.indicator, ownedBy: unit, about: pair.orgUnit)
        }
    }
}
