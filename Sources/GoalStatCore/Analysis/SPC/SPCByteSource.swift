/// The input of a streamed `goalstat spc` run, read from its start once per pass.
public protocol SPCByteSource {
    /// Starts a pass: the reads that follow return the input from its first byte.
    mutating func rewind() throws
    /// Appends up to `count` of the next bytes to `buffer` and returns how many; 0 at the end of the input.
    mutating func read(into buffer: inout [UInt8], upTo count: Int) throws -> Int
}

/// An input held in memory, handed out as a file would be.
public struct SPCBytes: SPCByteSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public mutating func rewind() {
        position = 0
    }

    public mutating func read(into buffer: inout [UInt8], upTo count: Int) -> Int {
        let end = min(bytes.count, position + count)
        buffer.append(contentsOf: bytes[position..<end])
        defer { position = end }
        return end - position
    }
}
