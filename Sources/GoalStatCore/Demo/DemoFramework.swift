import Foundation

/// The demo agency's framework file (SPEC §3.2), shipped as a resource of this module.
public enum DemoFramework: Sendable {
    /// The resource's file name.
    public static let fileName = "demo-framework.yaml"

    /// Where the file is in this module's resource bundle.
    public static var url: URL? {
        Bundle.module.url(forResource: "demo-framework", withExtension: "yaml", subdirectory: "Resources")
    }

    /// The file's text, to be decoded into a `FrameworkDocument` by a YAML decoder.
    public static func yamlText() throws -> String {
        guard let url else { throw CocoaError(.fileNoSuchFile) }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
