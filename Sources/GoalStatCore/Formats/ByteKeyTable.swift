/// A hash table from short byte strings to dense indices (0, 1, 2, … in insertion order).
///
/// The CSV reader looks up every row's indicator, org unit and period text here straight from the
/// input bytes; a `[String: …]` dictionary would need a `String` made for every field of every row.
struct ByteKeyTable {
    /// Entry index + 1 per slot; 0 marks an empty slot. The slot count is a power of two.
    private var slots: [Int32]
    private var entryHashes: [UInt64] = []
    /// Entry `i`'s bytes are `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private var keyStarts: [Int] = [0]
    private var keyBytes: [UInt8] = []

    /// The number of keys.
    var count: Int { entryHashes.count }

    /// An empty table sized for about `expectedCount` keys.
    init(expectedCount: Int = 16) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
    }

    /// The index of `key`, or nil when it is not in the table.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        return slots.withUnsafeBufferPointer { slots in
            entryHashes.withUnsafeBufferPointer { entryHashes in
                keyStarts.withUnsafeBufferPointer { keyStarts in
                    keyBytes.withUnsafeBufferPointer { keyBytes in
                        let mask = slots.count - 1
                        var slot = Int(truncatingIfNeeded: hash) & mask
                        while true {
                            let stored = Int(slots[slot])
                            if stored == 0 { return nil }
                            let entry = stored - 1
                            if entryHashes[entry] == hash {
                                let start = keyStarts[entry]
                                let stored = UnsafeBufferPointer(rebasing: keyBytes[start..<keyStarts[entry + 1]])
                                if Self.equal(stored, key) { return entry }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// Whether entry `index` is `key`: a cheaper test than `index(of:)` when the caller can guess the entry.
    func entry(_ index: Int, is key: UnsafeBufferPointer<UInt8>) -> Bool {
        keyBytes.withUnsafeBufferPointer { keyBytes in
            Self.equal(UnsafeBufferPointer(rebasing: keyBytes[keyStarts[index]..<keyStarts[index + 1]]), key)
        }
    }

    /// Adds `key`, which must not be in the table yet, and returns its index.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        if (count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        let entry = count
        entryHashes.append(hash)
        keyBytes.append(contentsOf: key)
        keyStarts.append(keyBytes.count)
        place(entry: entry, hash: hash)
        return entry
    }

    /// Adds the UTF-8 bytes of `key`, which must not be in the table yet, and returns its index.
    @discardableResult
    mutating func insert(_ key: String) -> Int {
        var copy = key
        return copy.withUTF8 { insert($0) }
    }

    private mutating func place(entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in 0..<count { place(entry: entry, hash: entryHashes[entry]) }
    }

    /// Whether two byte strings are equal, compared eight bytes at a time.
    @inline(__always)
    static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = left.count
        guard right.count == count else { return false }
        guard count > 0, let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
        let leftRaw = UnsafeRawPointer(leftBase), rightRaw = UnsafeRawPointer(rightBase)
        var offset = 0
        while offset + 8 <= count {
            if leftRaw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != rightRaw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if leftBase[offset] != rightBase[offset] { return false }
            offset += 1
        }
        return true
    }

    /// A hash over eight bytes at a time, finished with a multiply-xorshift so that the low bits are well mixed.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = key.count
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(count)
        guard let base = key.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(base[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        }
        hash ^= hash >> 29
        hash &*= 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        return hash
    }
}
