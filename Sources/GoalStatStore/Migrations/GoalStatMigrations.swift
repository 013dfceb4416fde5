import FluentKit

/// Every migration in order. Landed migrations are never edited: changes come as new ones at the end.
public enum GoalStatMigrations {
    public static var all: [any Migration] {
        [
            CreateOrgUnits(),
            CreatePeople(),
            CreatePlans(),
            CreateGoals(),
            CreateIndicators(),
            CreateIndicatorGoals(),
            CreateIndicatorLinks(),
            CreateTargets(),
            CreateMeasurements(),
            CreateMeasurementRevisions(),
            CreateMilestones(),
            CreateNarratives(),
            CreateImportBatches(),
            CreateRebases(),
            CreateUsers(),
            CreateRoleGrants(),
            CreateSessions(),
            CreateAPITokens(),
            CreateAuditEntries(),
            CreateLoginAttempts(),
            AddAuditEntryIndexes(),
            CreateReadModel(),
            CreateIntegrityFindings(),
            AddStateCounters(),
            AddIndicatorValidRange(),
            AddCorrectionReasons(),
            AddTargetDecisionDate(),
            RebuildReasonsWithNames(),
            CreateReviews(),
            CreatePendingUploads(),
            CreateOutboxMessages(),
            AddStewardAndLeaderIndexes(),
            CreateRisksAndCapacity(),
            AddNarrativeWorkflow(),
            CreateWinsAndFeedback(),
            CreateAppraisals(),
            CollateMeasurementKeysInByteOrder(),
        ]
    }
}
