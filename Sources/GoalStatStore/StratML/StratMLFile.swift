import Foundation
import GoalStatCore

/// A StratML file (`.xml`) read as a framework document: parsed here (FoundationXML), mapped by GoalStatCore's rules.
public enum StratMLFile {
    public static func read(_ data: Data, file: String, today: CalendarDate) throws(ImportProblem) -> StratMLPlan {
        let tree: XMLTree
        do {
            tree = try XMLTreeParser.parse(data)
        } catch {
            throw ImportProblem(file: file, line: error.line, column: String(error.column), reason: error.reason)
        }
        do {
            return try StratML.read(tree, today: today)
        } catch {
            throw ImportProblem(file: file, line: error.line, reason: error.reason)
        }
    }
}
