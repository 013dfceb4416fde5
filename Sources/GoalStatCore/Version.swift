public enum GoalStatCoreVersion { public static let value = "0.1.0" }
