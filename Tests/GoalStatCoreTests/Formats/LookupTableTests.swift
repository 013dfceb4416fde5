import Testing
@testable import GoalStatCore

@Suite("Reader lookup tables")
struct LookupTableTests {
    private func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test func aByteKeyTableFindsEveryKeyItWasGivenAfterGrowingAndNoOther() {
        var table = ByteKeyTable(expectedCount: 1)
        let keys = (0..<5_000).map { "KEY-\($0)" } + ["", "a", "exactly8", "longer than sixteen bytes, with ünïcødé"]
        for (index, key) in keys.enumerated() { #expect(table.insert(key) == index) }
        #expect(table.count == keys.count)
        let misplaced = keys.enumerated().filter { index, key in withBytes(key) { table.index(of: $0) } != index }
        #expect(misplaced.isEmpty)
        #expect(withBytes("KEY-5000") { table.index(of: $0) } == nil)
        #expect(withBytes("exactly9") { table.index(of: $0) } == nil)
    }

    @Test func byteEqualityComparesLengthAndEveryByte() {
        let equal = withBytes("2025-07-15") { left in withBytes("2025-07-15") { ByteKeyTable.equal(left, $0) } }
        let differentLast = withBytes("2025-07-15") { left in withBytes("2025-07-16") { ByteKeyTable.equal(left, $0) } }
        let prefix = withBytes("2025-07") { left in withBytes("2025-07-15") { ByteKeyTable.equal(left, $0) } }
        #expect(equal && !differentLast && !prefix)
    }

    @Test func theDuplicateTableReturnsTheFirstLineOfAKeyAfterGrowing() {
        var table = MeasurementKeyTable(expectedCount: 0)
        let granularity = Period.Granularity.month
        var firstLines: [Int] = []
        for index in 0..<10_000 {
            let series = MeasurementKeyTable.series(indicator: index % 37, orgUnit: index % 3 == 0 ? nil : index % 5, granularity: granularity)
            let start = Period.month(year: 2000 + index / 12 % 50, month: index % 12 + 1).start.daysSinceEpoch
            let ordinal = MeasurementKeyTable.ordinal(start: start, granularity: granularity)
            if let first = table.insert(series: series, start: start, ordinal: ordinal, line: index + 2) {
                firstLines.append(first)
            }
        }
        // Keys repeat with period lcm(37, 15, 600) > 10,000 rows apart, so none is a duplicate …
        #expect(firstLines.isEmpty)
        // … and inserting the first key again names its line.
        let series = MeasurementKeyTable.series(indicator: 0, orgUnit: nil, granularity: granularity)
        let start = Period.month(year: 2000, month: 1).start.daysSinceEpoch
        let ordinal = MeasurementKeyTable.ordinal(start: start, granularity: granularity)
        #expect(table.insert(series: series, start: start, ordinal: ordinal, line: 99_999) == 2)
    }

    @Test func consecutivePeriodsHaveConsecutiveOrdinals() {
        for granularity in Period.Granularity.allCases {
            var period: Period = switch granularity {
            case .year: .calendarYear(1969)
            case .quarter: .calendarQuarter(year: 1969, quarter: 1)
            case .month: .month(year: 1969, month: 1)
            case .week: .isoWeek(year: 1969, week: 1)
            case .day: .day(CalendarDate(year: 1969, month: 1, day: 1))
            }
            var previous = MeasurementKeyTable.ordinal(start: period.start.daysSinceEpoch, granularity: granularity)
            for _ in 0..<200 {
                period = period.next()
                let ordinal = MeasurementKeyTable.ordinal(start: period.start.daysSinceEpoch, granularity: granularity)
                #expect(ordinal == previous + 1, "\(granularity) at \(period.start)")
                previous = ordinal
            }
        }
    }

    @Test func aNonASCIICodeMatchesItsCanonicallyEquivalentSpelling() {
        let catalog = MeasurementCatalog(
            indicators: ["CAF\u{C9}": CatalogIndicator(frequency: .monthly)], orgUnits: ["R\u{C9}GION"]
        )
        let decomposed = "indicator,period,value,org_unit\nCAFE\u{301},2025-07,1,RE\u{301}GION\n"
        let result = MeasurementsCSV.read(decomposed, catalog: catalog)
        #expect(result.isValid)
        #expect(result.rows.first?.indicator.unicodeScalars.count == 4)
        #expect(result.rows.first?.orgUnit == "R\u{C9}GION")
    }
}
