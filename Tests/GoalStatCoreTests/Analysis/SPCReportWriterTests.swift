import Foundation
@testable import GoalStatCore
import Testing

@Suite("The spc document written as it goes")
struct SPCReportWriterTests {
    /// Two units, one with a rebase and a target (so one group has assurance and one has none), labels to escape.
    private var units: [SPCReport.Unit] {
        let values: [Double] = [10, 11, 9.5, 12, 30, 10, 11, 10.25, 1e-7, 13, 12, 11, 14, 15]
        let options = XmROptions(direction: .increase, target: 12)
        let a = XmRChart.compute(values: values, rebaseStarts: [7], options: options)
        let b = XmRChart.compute(values: Array(values.reversed()), rebaseStarts: [], options: options)
        let labels = values.indices.map { "2025-\(String(format: "%02d", $0 % 12 + 1))\($0 >= 12 ? "b" : "")" }
        return [("North \"A\", \\ and co", labels, a), (nil, labels, b)]
    }

    private func written(_ format: SPCReportWriter.Format) -> String {
        var bytes: [UInt8] = []
        var writer = SPCReportWriter(format: format) { bytes += $0 }
        writer.start()
        for unit in units {
            writer.write(groupsOf: unit)
            if !writer.groupsFirst { writer.write(pointsOf: unit) }
        }
        if writer.groupsFirst {
            writer.startPoints()
            for unit in units { writer.write(pointsOf: unit) }
        }
        writer.finish()
        return String(decoding: bytes, as: UTF8.self)
    }

    private func object(_ text: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }

    @Test("the compact JSON says exactly what the JSONEncoder document says, nulls included")
    func jsonMatchesTheEncoder() throws {
        let encoded = String(decoding: try JSONEncoder().encode(SPCReport.make(units: units)), as: UTF8.self)
        let streamed = written(.json)
        #expect(!streamed.contains("\n  "), "compact, not indented")
        #expect(try object(streamed) == object(encoded))
        #expect(streamed.contains("\"assurance\":null"))
        #expect(streamed.contains("\"orgUnit\":null"))
    }

    @Test("JSON Lines: a group or a point a line, each with its kind, the same objects as the document")
    func jsonLines() throws {
        let report = SPCReport.make(units: units)
        let lines = written(.jsonl).split(separator: "\n").map(String.init)
        #expect(lines.count == report.groups.count + report.points.count)
        let objects = try lines.map { try object($0) }
        #expect(objects.filter { $0["kind"] as? String == "group" }.count == report.groups.count)
        let document = try object(written(.json))
        let points = try #require(document["points"] as? [NSDictionary])
        let linedPoints = objects.filter { $0["kind"] as? String == "point" }.map { line -> NSDictionary in
            let copy = line.mutableCopy() as! NSMutableDictionary
            copy.removeObject(forKey: "kind")
            return copy
        }
        #expect(Set(linedPoints) == Set(points))
    }

    @Test("CSV: a header and a row per point, quoted where needed, numbers that read back exactly")
    func csv() throws {
        let rows = written(.csv).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(rows.first == "org_unit,period,value,group,mean,lower_limit,upper_limit,lower_near_limit,upper_near_limit,special_cause,point_type,trial_limits")
        #expect(rows.count == 1 + SPCReport.make(units: units).points.count)
        #expect(rows[1].hasPrefix("\"North \"\"A\"\", \\ and co\",2025-01,10,0,"))
        #expect(rows.contains { $0.contains(",1e-07,") })
        #expect(rows.contains { $0.contains(",aboveUpperLimit,") })
    }

    @Test("the sink gets chunks of about the chunk size, and the rest at the end")
    func chunks() {
        var chunks: [Int] = []
        var writer = SPCReportWriter(format: .jsonl, chunkSize: 512) { chunks.append($0.count) }
        writer.start()
        for unit in units {
            writer.write(groupsOf: unit)
            writer.write(pointsOf: unit)
        }
        writer.finish()
        #expect(chunks.count > 3)
        #expect(chunks.dropLast().allSatisfy { $0 >= 512 && $0 < 512 + 400 }, "\(chunks)")
        #expect(chunks.reduce(0, +) == written(.jsonl).utf8.count)
    }
}
