import GoalStatCore
import GoalStatStore
import Vapor

// The domain's Codable value types travel as API bodies unchanged: their field names are the framework file's (SPEC §3.2).
extension OrgUnit: @retroactive Content {}
extension Person: @retroactive Content {}
extension Plan: @retroactive Content {}
extension Goal: @retroactive Content {}
extension Indicator: @retroactive Content {}
extension IndicatorLink: @retroactive Content {}
extension Target: @retroactive Content {}
extension Milestone: @retroactive Content {}
extension Narrative: @retroactive Content {}
extension MeasurementEntry: @retroactive Content {}
extension MeasurementImportSummary: @retroactive Content {}
extension ImportReport: @retroactive Content {}
