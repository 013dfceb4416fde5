import Foundation

/// Prints a report's HTML to PDF with headless Chromium (`--print-to-pdf` on a temporary file).
///
/// The command line rather than the DevTools protocol: the report carries everything print needs in its own CSS
/// (page size, margins, page numbers in `@page` margin boxes, which Chromium draws since version 131), so one
/// process per PDF with a file in and a file out is enough, and it needs no WebSocket client. Chromium's own
/// header and footer (date, file URL) are turned off. The temporary directory holds the HTML, the PDF and a
/// throwaway profile, so that two prints at once do not share a profile; it is removed afterwards.
public enum PDFPrinter {
    public struct Unavailable: Error, Sendable, Equatable {
        public var message: String
    }

    /// How long a print may take before it is stopped.
    public static let timeout: TimeInterval = 120

    /// The Chromium to use: `GOALSTAT_CHROMIUM` when set (a path), else the first of the usual names on the PATH.
    public static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["GOALSTAT_CHROMIUM"] {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for directory in directories where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
                return directory + "/" + name
            }
        }
        return nil
    }

    public static let notInstalled = "PDF needs Chromium, which is not installed here (apt-get install chromium, or set GOALSTAT_CHROMIUM to its path). The HTML version of the report works without it."

    public static func pdf(html: String) async throws -> Data {
        guard let chromium = chromium() else { throw Unavailable(message: notInstalled) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("goalstat-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("report.html")
        let output = directory.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--user-data-dir=" + directory.appendingPathComponent("profile").path,
            "--no-pdf-header-footer", "--generate-pdf-document-outline",
            "--print-to-pdf=" + output.path, input.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: Unavailable(message: "Chromium (\(chromium)) could not be started: \(error.localizedDescription)"))
                return
            }
            let running = RunningProcess(process: process)
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                // Only this print's own process is stopped.
                if running.process.isRunning { running.process.terminate() }
            }
        }
        // As root without --no-sandbox Chromium exits 0 and writes nothing: the file is what counts.
        guard let data = try? Data(contentsOf: output), data.starts(with: Data("%PDF".utf8)) else {
            throw Unavailable(message: "Chromium (\(chromium)) did not write a PDF (exit status \(process.terminationStatus)).")
        }
        return data
    }
}

/// The print's process, handed to the timer that stops it: `Process` is thread-safe for `isRunning` and `terminate`.
private struct RunningProcess: @unchecked Sendable {
    let process: Process
}
