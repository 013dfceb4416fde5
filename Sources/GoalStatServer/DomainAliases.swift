import GoalStatCore

/// Foundation also has a `Measurement`; in this module the word means the domain's.
typealias Measurement = GoalStatCore.Measurement
