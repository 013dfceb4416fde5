import Testing
@testable import GoalStatCore

@Suite("CSV tokenizer")
struct CSVTokenizerTests {
    /// The records of `text` as (line, fields, problem), fields unescaped.
    private func records(_ text: String) -> [(line: Int, fields: [String], problem: CSVRecordProblem?)] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer)
            var fields: [CSVField] = []
            var result: [(Int, [String], CSVRecordProblem?)] = []
            while let record = tokenizer.nextRecord(into: &fields) {
                let strings = fields.map {
                    String(decoding: CSVTokenizer.unescapedBytes(of: $0, in: buffer), as: UTF8.self)
                }
                result.append((record.line, strings, record.problem))
            }
            return result
        }
    }

    @Test func splitsRecordsAtLineFeedsAndFieldsAtCommas() {
        let read = records("a,b,c\n1,2,3\n")
        #expect(read.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(read.map(\.line) == [1, 2])
    }

    @Test func theLastRecordNeedNotEndWithALineBreak() {
        #expect(records("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func emptyFieldsAreKeptIncludingATrailingOne() {
        #expect(records("a,,c,\n").map(\.fields) == [["a", "", "c", ""]])
        #expect(records(",").map(\.fields) == [["", ""]])
    }

    @Test func crlfLineEndingsAreAccepted() {
        let read = records("a,b\r\n1,\"2\"\r\n3,4\r\n")
        #expect(read.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(read.map(\.line) == [1, 2, 3])
        #expect(read.allSatisfy { $0.problem == nil })
    }

    @Test func aByteOrderMarkIsSkipped() {
        #expect(records("\u{FEFF}indicator,value\n").map(\.fields) == [["indicator", "value"]])
    }

    @Test func quotedFieldsMayHoldCommasDoubledQuotesAndLineBreaks() {
        let read = records("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n")
        #expect(read.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
    }

    @Test func linesAreCountedPhysicallySoARowAfterAMultiLineFieldStartsOnItsOwnLine() {
        let read = records("h1,h2\n\"one\ntwo\nthree\",x\nnext,y\n\"a\r\nb\",z\nlast,w\n")
        #expect(read.map(\.line) == [1, 2, 5, 6, 8])
    }

    @Test func anEmptyQuotedFieldIsEmptyButQuoted() {
        let bytes = Array("\"\",x".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer)
            var fields: [CSVField] = []
            _ = tokenizer.nextRecord(into: &fields)
            #expect(fields.count == 2)
            #expect(fields[0].isEmpty && fields[0].quoted)
        }
    }

    @Test func anUnterminatedQuoteSwallowsTheRestOfTheFileAndSaysWhereItOpened() {
        let read = records("a,b\n1,\"open\n2,3\n4,5\n")
        #expect(read.count == 2)
        #expect(read[1].line == 2)
        #expect(read[1].problem == .unterminatedQuote(field: 1, line: 2))
    }

    @Test func aQuoteInsideAnUnquotedFieldIsAProblemAndReadingGoesOn() {
        let read = records("a,b\n1,ab\"c\n2,3\n")
        #expect(read[1].problem == .quoteInUnquotedField(field: 1))
        #expect(read[2].fields == ["2", "3"])
        #expect(read[2].problem == nil)
    }

    @Test func textAfterAClosingQuoteIsAProblemAndTheTokenizerRecoversAtTheNextComma() {
        let read = records("\"a\"b,c\nd,e\n")
        #expect(read[0].problem == .textAfterClosingQuote(field: 0))
        #expect(read[0].fields.count == 2)
        #expect(read[1].fields == ["d", "e"])
    }

    @Test func aFileOfOnlyALineBreakHasOneEmptyRecord() {
        #expect(records("\n").map(\.fields) == [[""]])
        #expect(records("").isEmpty)
    }
}
