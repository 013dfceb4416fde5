import Foundation
import GoalStatCore

/// `goalstat-bench analysis`: the full analysis of SPEC §8 (XmR, signals, assurance, status) of N indicators × P
/// monthly points, generated with a seeded generator, timed in process over several runs; prints the median.
/// `goalstat-bench analysis --write-csv FILE` also writes the same series for the Python peer (scripts/bench).
@main
struct AnalysisBenchmark {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.first == "analysis" else {
            FileHandle.standardError.write(Data("usage: goalstat-bench analysis [--indicators N] [--points P] [--runs R] [--write-csv FILE]\n".utf8))
            exit(64)
        }
        arguments.removeFirst()
        func option(_ name: String, _ fallback: Int) -> Int {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else { return fallback }
            return value
        }
        let count = option("--indicators", 10_000)
        let points = option("--points", 120)
        let runs = option("--runs", 7)
        let csvPath = arguments.firstIndex(of: "--write-csv").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }

        let workload = Workload(indicators: count, points: points)
        if let csvPath { try workload.csv().write(toFile: csvPath, atomically: true, encoding: .utf8) }
        var timings: [Double] = []
        var checksum = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            checksum = workload.analyzeAll()
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        timings.sort()
        let median = timings[timings.count / 2]
        print(String(format: "analysis of %d indicators x %d points: median %.3f s over %d runs (min %.3f, max %.3f); %d off track",
                     count, points, median, runs, timings.first!, timings.last!, checksum))
    }
}

/// The generated indicators, series and targets.
struct Workload {
    var indicators: [Indicator] = []
    var series: [[GoalStatCore.Measurement]] = []
    var targets: [TargetHistory] = []
    let asOf = CalendarDate(year: 2026, month: 11, day: 1)

    init(indicators count: Int, points: Int) {
        var generator = SeededGenerator(seed: 20_261_123)
        let source = MeasurementSource(kind: .import, label: "bench", enteredBy: nil, enteredAt: Date(timeIntervalSince1970: 0))
        // Monthly periods from November 2016 on: 120 of them end in October 2026.
        let periods = (0..<points).map { Period.month(year: 2016 + (10 + $0) / 12, month: (10 + $0) % 12 + 1) }
        for index in 0..<count {
            let code = "IND-\(index)"
            let direction: ImprovementDirection = index % 3 == 0 ? .decrease : .increase
            indicators.append(Indicator(code: code, name: code, direction: direction, frequency: .monthly, stage: .output, orgUnit: "ROOT"))
            let level = 50 + generator.nextUnit() * 450
            let shiftAt = Int(generator.nextUnit() * Double(points))
            series.append(periods.enumerated().map { offset, period in
                let shift = offset >= shiftAt && index % 4 == 0 ? level * 0.1 : 0
                return GoalStatCore.Measurement(indicator: code, period: period, value: level + shift + generator.nextGaussian() * level * 0.05, source: source)
            })
            let target = Target(indicator: code, period: "FY2027", value: level * (direction == .increase ? 1.05 : 0.95), setOn: "2026-09-01")
            targets.append(TargetHistory([TargetVersion(target, calendar: .federal)!]))
        }
    }

    func analyzeAll() -> Int {
        let analyzer = IndicatorAnalyzer().withLabels(for: series.first?.map(\.period) ?? [])
        var offTrack = 0
        for index in indicators.indices {
            let analysis = analyzer.analyze(indicator: indicators[index], series: series[index], targets: targets[index], asOf: asOf)
            if analysis.status == .offTrack { offTrack += 1 }
        }
        return offTrack
    }

    func csv() -> String {
        var lines = ["indicator,period,value,direction,target"]
        lines.reserveCapacity(indicators.count * (series.first?.count ?? 0) + 1)
        for (index, indicator) in indicators.enumerated() {
            let target = targets[index].versions.first?.target.value ?? 0
            for measurement in series[index] {
                lines.append("\(indicator.code),\(measurement.period),\(measurement.value!),\(indicator.direction.rawValue),\(target)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
