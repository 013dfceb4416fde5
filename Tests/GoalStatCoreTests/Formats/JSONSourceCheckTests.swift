import Testing
@testable import GoalStatCore

@Suite("JSON source check")
struct JSONSourceCheckTests {
    private func problem(_ text: String) -> JSONSourceProblem? {
        Array(text.utf8).withUnsafeBufferPointer { JSONSourceCheck.problem(in: $0) }
    }

    @Test(arguments: [
        #"{}"#, #"[]"#, #"{"a": [1, -2.5e3, true, false, null, "x\n\u00e9\ud83d\ude00"]}"#, "\u{FEFF}{\"a\": 1}", " 0 ",
        #"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}"#, #"{"note": "tab\tescaped \u0000 is valid JSON"}"#,
    ])
    func wellFormedJSONPasses(text: String) {
        #expect(problem(text) == nil)
    }

    @Test func aSyntaxErrorNamesItsLineAndColumn() {
        let found = problem("{\n  \"a\": 1,\n  \"b\": tru\n}")
        #expect(found?.kind == .syntax)
        #expect(found?.position == SourcePosition(line: 3, column: 8))
        #expect(found?.path == [.key("b")])
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9), ("[1, 2", 1, 6), ("{\"a\" 1}", 1, 6), ("\"open", 1, 1), ("[01]", 1, 2), ("", 1, 1),
        ("{\"a\": 1} x", 1, 10), ("[\"a\u{1}\"]", 1, 4), ("{\"é\": x}", 1, 7),
    ])
    func eachKindOfSyntaxErrorIsPlaced(text: String, line: Int, column: Int) {
        let found = problem(text)
        #expect(found?.kind == .syntax)
        #expect(found?.position == SourcePosition(line: line, column: column))
    }

    @Test func aDuplicateKeyNamesBothPlaces() {
        let found = problem("{\n  \"code\": \"A\",\n  \"name\": \"x\",\n  \"code\": \"B\"\n}")
        #expect(found?.kind == .duplicateKey)
        #expect(found?.position == SourcePosition(line: 4, column: 3))
        #expect(found?.reason == "the key \"code\" appears twice in this object, first at line 2, column 3; keep one")
    }

    @Test func theSameKeyInDifferentObjectsIsNoDuplicate() {
        #expect(problem(#"[{"a": 1}, {"a": 2, "b": {"a": 3}}]"#) == nil)
    }

    @Test func keysAreComparedAfterUnescaping() {
        #expect(problem(#"{"a": 1, "\u0061": 2}"#)?.kind == .duplicateKey)
    }

    @Test func numbersThatUnderflowOrOverflowAreRefusedWithTheirPath() {
        let small = problem(#"[{"value": 1}, {"value": 1e-400}]"#)
        #expect(small?.kind == .numberOutOfRange)
        #expect(small?.path == [.index(1), .key("value")])
        #expect(small?.position == SourcePosition(line: 1, column: 26))
        #expect(problem(#"{"value": 1e400}"#)?.kind == .numberOutOfRange)
        #expect(problem(#"{"value": 0e-400}"#) == nil)
    }

    @Test func deepNestingIsRefusedNotACrash() {
        #expect(problem(String(repeating: "[", count: 100_000))?.reason.contains("nested more than 512") == true)
    }

    @Test func invalidUTF8IsPlaced() {
        let bytes: [UInt8] = Array("{\"a\": \"caf".utf8) + [0xE9, 0x22, 0x7D]
        let found = bytes.withUnsafeBufferPointer { JSONSourceCheck.problem(in: $0) }
        #expect(found?.reason == "the text is not valid UTF-8")
        #expect(found?.position == SourcePosition(line: 1, column: 11))
    }

    @Test func positionsOfPathsAreFoundInOnePass() {
        let text = "{\n  \"goals\": [\n    {\"code\": \"G1\"},\n    {\"code\": \"G2\", \"name\": 5}\n  ]\n}"
        let paths: Set<[DocumentPathComponent]> = [[.key("goals"), .index(1), .key("name")], [.key("goals"), .index(0)]]
        let found = Array(text.utf8).withUnsafeBufferPointer { JSONSourceCheck.positions(of: paths, in: $0) }
        #expect(found[[.key("goals"), .index(1), .key("name")]] == SourcePosition(line: 4, column: 28))
        #expect(found[[.key("goals"), .index(0)]] == SourcePosition(line: 3, column: 5))
    }

    @Test func fieldPathsReadBackAndRender() {
        let path = DocumentPathComponent.parse("indicators[3].dataQuality.source")
        #expect(path == [.key("indicators"), .index(3), .key("dataQuality"), .key("source")])
        #expect(DocumentPathComponent.render(path) == "indicators[3].dataQuality.source")
        #expect(DocumentPathComponent.render([.index(1), .key("value")], root: "items") == "items[1].value")
    }
}
