import FluentPostgresDriver

/// One-dimensional arrays without NULLs (`array_agg` of a series' values) read from PostgreSQL's binary array format
/// (`array_send`: dimensions, flags, element type, each dimension's size and lower bound, then each element's
/// length and bytes). PostgresNIO's `decode([String].self)` made Swift instantiate generic metadata for every
/// element, a fifth of a saved value's read-model work (`perf`, docs/benchmarks.md); these read the bytes in place.
enum PostgresArrays {
    static func texts(_ cell: PostgresCell) throws -> [String] {
        try elements(cell) { buffer, length in buffer.readString(length: length) }
    }

    static func doubles(_ cell: PostgresCell) throws -> [Double] {
        try elements(cell) { buffer, length in
            length == 8 ? buffer.readInteger(as: UInt64.self).map(Double.init(bitPattern:)) : nil
        }
    }

    static func integers(_ cell: PostgresCell) throws -> [Int] {
        try elements(cell) { buffer, length in
            switch length {
            case 8: buffer.readInteger(as: Int64.self).map(Int.init)
            case 4: buffer.readInteger(as: Int32.self).map(Int.init)
            default: nil
            }
        }
    }

    private static func elements<Element>(
        _ cell: PostgresCell, _ read: (inout ByteBuffer, Int) -> Element?
    ) throws -> [Element] {
        guard cell.format == .binary, var buffer = cell.bytes else { throw malformed(cell) }
        guard let dimensions = buffer.readInteger(as: Int32.self), let flags = buffer.readInteger(as: Int32.self),
              buffer.readInteger(as: UInt32.self) != nil, flags == 0 else { throw malformed(cell) }
        // An empty array has no dimensions.
        guard dimensions == 1 else {
            if dimensions == 0 { return [] }
            throw malformed(cell)
        }
        guard let count = buffer.readInteger(as: Int32.self), buffer.readInteger(as: Int32.self) != nil, count >= 0 else {
            throw malformed(cell)
        }
        var elements: [Element] = []
        elements.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let length = buffer.readInteger(as: Int32.self), length >= 0, buffer.readableBytes >= Int(length),
                  let element = read(&buffer, Int(length)) else { throw malformed(cell) }
            elements.append(element)
        }
        return elements
    }

    private static func malformed(_ cell: PostgresCell) -> StoreError {
        .unknown("column \(cell.columnName) is not a one-dimensional array without NULLs of the expected type")
    }
}
