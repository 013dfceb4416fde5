import Foundation
import GoalStatCore
import GoalStatStore

/// The import page at each step: choosing a file, its preview (with the commit form when it can be imported), and
/// what the commit stored.
struct ImportPageModel: Sendable {
    enum Step: Sendable {
        case upload
        /// `token` finds the kept file for the commit; nil when the file cannot be imported as it is.
        case preview(ImportPreview, token: UUID?)
        case done(Outcome)
    }

    /// What a commit stored, with where to look at it.
    struct Outcome: Sendable {
        var fileName: String
        var report: ImportReport
        var batch: UUID
        /// The indicators a measurements file named (at most `ImportPreview.listLimit`), for links to their pages.
        var indicators: [String]
    }

    var step: Step
    /// Errors by field (`file`, `reason`), shown beside it.
    var errors: [String: String] = [:]
    var reason = ""
    /// Whether the person may import a framework file (editFramework everywhere), to say which files they can send.
    var mayImportFramework: Bool
}
