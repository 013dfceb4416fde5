import Foundation
import GoalStatCore

/// The input of `goalstat spc`, read once per pass of `SPCStream`: a file is read again from its start; standard
/// input, which cannot be, is copied to an unlinked temporary file as the first pass reads it, and later passes read
/// the copy.
struct SPCInputSource: SPCByteSource {
    private var handle: FileHandle
    private let copy: FileHandle?
    private var passes = 0

    /// The file at `path`, or nil when it cannot be opened.
    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
        copy = nil
    }

    /// Standard input, with its copy in the temporary directory.
    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("goalstat-spc-\(UUID().uuidString).csv")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let copy = try FileHandle(forUpdating: url)
        // Open files outlive their name: the copy goes when the process does, however it ends.
        try? FileManager.default.removeItem(at: url)
        self.copy = copy
        handle = FileHandle.standardInput
    }

    mutating func rewind() throws {
        passes += 1
        guard passes > 1 else { return }
        if let copy { handle = copy }
        try handle.seek(toOffset: 0)
    }

    mutating func read(into buffer: inout [UInt8], upTo count: Int) throws -> Int {
        guard let data = try handle.read(upToCount: count), !data.isEmpty else { return 0 }
        if passes == 1, let copy { try copy.write(contentsOf: data) }
        buffer.append(contentsOf: data)
        return data.count
    }
}
