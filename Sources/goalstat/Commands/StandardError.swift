import Foundation

/// Progress and problems go to standard error so that standard output carries only results.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
