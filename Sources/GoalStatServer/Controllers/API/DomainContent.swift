import GoalStatCore
import GoalStatStore
import Vapor

// The domain's Codable value types travel as API bodies unchanged: their field names are the framework file's (SPEC §3.2).
extension OrgUnit: Content {}
extension Person: Content {}
extension Plan: Content {}
extension Goal: Content {}
extension Indicator: Content {}
extension IndicatorLink: Content {}
extension Target: Content {}
extension Milestone: Content {}
extension Narrative: Content {}
extension Rebase: Content {}
extension MeasurementEntry: Content {}
extension MeasurementImportSummary: Content {}
extension ImportReport: Content {}
extension AuditEntry: Content {}
extension Win: Content {}
extension CitizenFeedback: Content {}
extension NarrativeTransition: Content {}
