/// Remembers the line of each (indicator, period, org unit) seen in a file, to report duplicates.
///
/// A million rows go through this table, and with keys scattered at random over a table of tens of
/// megabytes nearly every insert is a cache and TLB miss (most of the reader's time, measured). Files
/// list a series' periods one after another, so a key's slot is chosen per block of 8 consecutive
/// periods of one series, and the periods of a block lie side by side: about one miss per 8 rows.
/// Open addressing with linear probing; a slot is 16 bytes, four to a cache line.
struct MeasurementKeyTable {
    private struct Slot {
        /// The indicator and org unit indices.
        var series: UInt64
        /// The period's first day (days since 1970-01-01) in the high half, the line in the low half;
        /// line 0 marks an empty slot (line 1 is the header, so no row has line 0).
        var startAndLine: UInt64
    }

    private var slots: [Slot]
    private var count = 0

    /// An empty table sized for about `expectedCount` keys.
    init(expectedCount: Int) {
        var capacity = 64
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = Array(repeating: Slot(series: 0, startAndLine: 0), count: capacity)
    }

    /// The word that names a series: an indicator and org unit (nil: the indicator's own unit) by their catalog
    /// indices, and the granularity of the indicator's periods.
    static func series(indicator: Int, orgUnit: Int?, granularity: Period.Granularity) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: indicator)) << 32
            | UInt64(UInt32(truncatingIfNeeded: (orgUnit ?? -1) + 1)) << 3
            | UInt64(Period.Granularity.allCases.firstIndex(of: granularity)!)
    }

    /// The position of the period starting on day `start` among the periods of its granularity:
    /// consecutive periods have consecutive ordinals.
    static func ordinal(start: Int, granularity: Period.Granularity) -> Int {
        switch granularity {
        case .day: return start
        case .week: return (start + 3 - ((start + 3) % 7 + 7) % 7) / 7 // weeks counted from a Monday
        case .month, .quarter, .year:
            let date = CalendarDate(daysSinceEpoch: start)
            let month = date.year * 12 + date.month - 1
            let length = granularity == .month ? 1 : granularity == .quarter ? 3 : 12
            return month >= 0 ? month / length : (month - length + 1) / length
        }
    }

    /// Records the period that starts on day `start` (days since 1970-01-01), whose `ordinal` is
    /// `Self.ordinal(start:granularity:)`, for `series` at `line`; or returns the line where it was
    /// recorded before, and records nothing.
    ///
    /// Within one series every period has the same granularity, so its first day names it.
    mutating func insert(series: UInt64, start: Int, ordinal: Int, line: Int) -> Int? {
        if (count + 1) * 2 > slots.count { grow() }
        let startWord = UInt64(UInt32(truncatingIfNeeded: start)) << 32
        let mask = slots.count - 1
        var index = Self.home(series: series, ordinal: ordinal, mask: mask)
        return slots.withUnsafeMutableBufferPointer { slots in
            while true {
                let slot = slots[index]
                if slot.startAndLine == 0 { break }
                if slot.series == series && slot.startAndLine & 0xFFFF_FFFF_0000_0000 == startWord {
                    return Int(slot.startAndLine & 0xFFFF_FFFF)
                }
                index = (index + 1) & mask
            }
            slots[index] = Slot(series: series, startAndLine: startWord | UInt64(UInt32(truncatingIfNeeded: line)))
            count += 1
            return nil
        }
    }

    private static func home(series: UInt64, ordinal: Int, mask: Int) -> Int {
        var hash = series &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(ordinal >> 3))
        hash ^= hash >> 31
        hash &*= 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 29
        return (Int(truncatingIfNeeded: hash) << 3 | ordinal & 7) & mask
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(series: 0, startAndLine: 0), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.startAndLine != 0 {
            let start = Int(Int32(truncatingIfNeeded: slot.startAndLine >> 32))
            let granularity = Period.Granularity.allCases[Int(slot.series & 7)]
            let ordinal = Self.ordinal(start: start, granularity: granularity)
            var index = Self.home(series: slot.series, ordinal: ordinal, mask: mask)
            while slots[index].startAndLine != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
