/// Something a signed-in person (or a machine with an API token) may want to do; `AccessPolicy` decides whether they may.
public enum Action: String, Codable, Sendable, CaseIterable {
    /// Read what is published on the public portal; everyone may, signed in or not.
    case readPublished
    /// Read goals, indicators, values and reviews that are not published.
    case readPrivate
    /// Define or change plans, goals, indicators and links.
    case editFramework
    /// Add a new target version (a revision never overwrites).
    case reviseTarget
    /// Enter or correct measurements in the grid or through the API.
    case enterData
    /// Import measurement or framework files.
    case importFiles
    /// Download data and reports that are not published.
    case exportData
    /// Add, deactivate and grant roles to users; manage API tokens of others.
    case manageUsers
    /// Browse and export the audit log.
    case readAudit
    /// Prepare and record quarterly reviews, decisions and action items.
    case runReviews
    /// Publish on the public portal (narratives, small wins) and moderate citizen feedback: the PIO's part (SPEC §1).
    case publish
    /// Read employee performance plans, progress reviews and ratings (personal data).
    case readAppraisals
    /// Write employee performance plans, progress reviews, ratings and awards.
    case editAppraisals
}
