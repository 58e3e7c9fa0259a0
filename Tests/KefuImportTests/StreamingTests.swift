import Foundation
import KefuCore
import KefuSample
@testable import KefuImport
import XCTest

/// Files are read in chunks: whatever the chunk size, a file yields the same records and issues,
/// in the same order, as the same text parsed whole.
final class StreamingTests: XCTestCase {
    /// Collects what a streamed file hands on, in order.
    struct Collector: RowVisitor {
        var items: [ParsedItem] = []
        mutating func row(_ row: CSVRow) { decodeRow(row) }
        mutating func record(_ record: LineRecord) { items.append(.record(record)) }
        mutating func issue(_ issue: ImportIssue) { items.append(.issue(issue)) }
    }

    func scan(_ path: String, chunkSize: Int) throws -> (RecordFileFormat, [ParsedItem]) {
        var collector = Collector()
        let format = try RecordFileParser.scan(file: path, zone: .shanghai, chunkSize: chunkSize, &collector)
        return (format, collector.items)
    }

    func items(_ parsed: ParsedFile) -> [ParsedItem] {
        (parsed.records.map { ParsedItem.record($0) } + parsed.issues.map { ParsedItem.issue($0) })
            .sorted { line($0) < line($1) }
    }

    private func line(_ item: ParsedItem) -> Int {
        switch item {
        case .record(let r): return r.line
        case .issue(let i): return i.line
        }
    }

    /// Quoted fields over two lines, doubled quotes, CRLF, a blank line, Chinese text, text after
    /// a closing quote and a bad value: cut at every place by chunks of 1 to 9 bytes and 64.
    func testCSVChunksOfAnySizeGiveTheWholeFilesRows() throws {
        let text = "时间,买家,客服账号,发送方,自动回复,内容\r\n"
            + "2026-11-11 00:00:03,买家一,旗舰店:小美,买家,0,\"在吗，\"\"包邮\"\"吗\r\n第二行\"\r\n"
            + "\r\n"
            + "2026-11-11 00:00:09,买家一,旗舰店:小美,客服,否,\"亲,在的\"\r\n"
            + "2026-11-11 00:00:10,买家一,旗舰店:小美,客服,也许,\r\n"
            + "2026-11-11 00:00:11,\"买家\"二,旗舰店:小美,买家,,\r\n"
            + "2026-11-11 00:00:12,b3,a1,buyer,,\"末尾\""
        let dir = try TempDir()
        let path = try dir.write("messages.csv", text)
        let whole = RecordFileParser.parseCSV(utf8: Array(text.utf8), kind: .message, file: "messages.csv", zone: .shanghai)
        XCTAssertEqual(whole.records.map(\.line), [2, 5, 8])
        XCTAssertEqual(whole.issues.map(\.description), [
            "messages.csv:6: unknown auto \"也许\" (expected 1/0, true/false or 是/否)",
            "messages.csv:7: text after the closing quote of field 2",
        ])
        for size in Array(1...9) + [64] {
            let (format, streamed) = try scan(path, chunkSize: size)
            XCTAssertEqual(format, RecordFileFormat(file: "messages.csv", kind: .message, encoding: .utf8))
            XCTAssertEqual(streamed, items(whole), "chunks of \(size) bytes")
        }
    }

    func testJSONLinesChunksOfAnySizeGiveTheWholeFilesLines() throws {
        let text = [
            #"{"type":"agent","agent_id":"旗舰店:小美","role":"售前"}"#,
            "",
            #"{"type":"message","ts":"2026-11-11T00:00:03+08:00","buyer_id":"买家一","agent_id":"旗舰店:小美","sender":"buyer"}"#,
            #"{"type":"order","order_id":"o1"}"#,
            "  ",
            #"{"type":"qa","month":"2026-11","agent_id":"a1","points":80}"#,
        ].joined(separator: "\r\n")
        let dir = try TempDir()
        let path = try dir.write("feed.jsonl", text)
        let whole = RecordFileParser.parseJSONLines(utf8: Array(text.utf8), file: "feed.jsonl", zone: .shanghai)
        XCTAssertEqual(whole.records.map(\.line), [1, 3, 6])
        XCTAssertEqual(whole.issues.map(\.line), [4])
        for size in Array(1...9) + [64] {
            let (format, streamed) = try scan(path, chunkSize: size)
            XCTAssertEqual(format.encoding, .utf8)
            XCTAssertEqual(streamed, items(whole), "chunks of \(size) bytes")
        }
    }

    func testABOMIsSkippedWhateverTheChunks() throws {
        let dir = try TempDir()
        let path = dir.path("agents.csv")
        FileManager.default.createFile(atPath: path, contents: Data([0xEF, 0xBB, 0xBF] + Array("客服账号,姓名,岗位\na1,甲,售前\n".utf8)))
        for size in [1, 2, 3, 4, 5, 1024] {
            let (format, streamed) = try scan(path, chunkSize: size)
            XCTAssertEqual(format.encoding, .utf8BOM, "chunks of \(size) bytes")
            XCTAssertEqual(streamed, [.record(LineRecord(record: .agent(Agent(id: "a1", name: "甲", role: .presale)), line: 2))])
        }
    }

    /// The encoding is judged on the whole file: a GB18030 byte far past the first chunk still
    /// makes it GB18030, and a character cut by a chunk boundary does not make UTF-8 invalid.
    func testEncodingIsJudgedOnTheWholeFile() throws {
        let dir = try TempDir()
        let rows = String(repeating: "a1,甲,presale\n", count: 50)
        // 乙 in GBK is D2 D2: invalid as UTF-8, at the very end of the file.
        let gbPath = dir.path("agents.csv")
        FileManager.default.createFile(atPath: gbPath, contents: Data(Array("agent_id,name,role\n\(rows)".utf8)
            .filter { $0 < 0x80 } + Array("a2,".utf8) + [0xD2, 0xD2] + Array(",presale\n".utf8)))
        let (gb, gbItems) = try scan(gbPath, chunkSize: 16)
        XCTAssertEqual(gb.encoding, .gb18030)
        XCTAssertEqual(gbItems.last, .record(LineRecord(record: .agent(Agent(id: "a2", name: "乙", role: .presale)), line: 52)))

        let utf8Path = try dir.write("qa.csv", "month,agent_id,points\n" + String(repeating: "2026-11,旗舰店:小美,80\n", count: 20))
        for size in [1, 2, 3, 5, 7] {
            let (format, streamed) = try scan(utf8Path, chunkSize: size)
            XCTAssertEqual(format.encoding, .utf8, "chunks of \(size) bytes")
            XCTAssertEqual(streamed.count, 20)
        }
    }

    func testStreamHandsOnRecordsAndIssuesInFileOrder() throws {
        let dir = try TempDir()
        let path = try dir.write("qa.csv", "month,agent_id,points\n2026-11,a1,80\n2026-11,a2,x\n2026-11,a3,90\n")
        var seen: [String] = []
        let format = try RecordFileParser.stream(file: path, zone: .shanghai) { item in
            switch item {
            case .record(let r): seen.append("record \(r.line)")
            case .issue(let i): seen.append("issue \(i.description)")
            }
        }
        XCTAssertEqual(format.kind, .qa)
        XCTAssertEqual(seen, ["record 2", "issue qa.csv:3: points \"x\" is not a number", "record 4"])
    }

    func testAnUnclosedQuoteEndsAStreamedFileAtItsLine() throws {
        let dir = try TempDir()
        let path = try dir.write("qa.csv", "month,agent_id,points\n2026-11,a1,1\n2026-11,\"a2,2\n2026-11,a3,3\n")
        let (_, streamed) = try scan(path, chunkSize: 4)
        XCTAssertEqual(streamed.count, 2)
        XCTAssertEqual(streamed.last, .issue(ImportIssue(file: "qa.csv", line: 3, reason: "a quoted field is never closed")))
    }

    func testAFileThatCannotBeOpenedIsAFileLevelIssue() {
        XCTAssertThrowsError(try RecordFileParser.stream(file: "/nonexistent/orders.csv", zone: .shanghai) { _ in }) { error in
            XCTAssertEqual("\(error)", "orders.csv: cannot be read")
        }
    }
}

/// Loading queues messages and stores them together; rows in the usual spellings are read
/// straight from their bytes. Whatever the path, the book and each file's counts are those of
/// adding the parsed records one by one.
final class BulkLoadTests: XCTestCase {
    func testLoadingEqualsAddingTheParsedRecordsOneByOne() throws {
        let dir = try TempDir()
        try dir.write("agents.csv", "agent_id,name,role\n旗舰店:小美,小美,presale\n")
        try dir.write("messages.csv", """
        ts,buyer_id,agent_id,sender,auto,text
        2026-11-11 00:00:03,买家一,旗舰店:小美,buyer,,在吗
        2026-11-11 00:00:09,买家一,旗舰店:小美,agent,1,您好
        2026-11-11 00:00:09,买家一,旗舰店:小美,agent,1,您好（重复）
        2026-11-11 00:00:10, 买家一 ,旗舰店:小美,客服,TRUE,
        2026-11-11 00:00:11,"买家""二",旗舰店:小美,买家,,
        2026-11-11T00:00:12+08:00,tb3,旗舰店:小美,agent,否,
        2026-11-11 00:00:13,tb3,旗舰店:小美,agent,是,
        2026-11-11 00:00:14,tb3,旗舰店:小美,agent,,
        2026-11-11 00:00:02,tb3,旗舰店:小美,buyer,也许,
        2026-11-11 00:00:12,tb3,旗舰店:小美,agent,0,
        """)
        try dir.write("messages-2.csv", """
        时间,买家,客服账号,发送方,自动回复
        2026-11-11 00:00:03,买家一,旗舰店:小美,买家,
        2026-11-11 00:00:15,买家一,旗舰店:小美,买家,
        2026-11-11 00:00:13,tb3,旗舰店:小美,客服,1
        """)
        let result = try DataSetLoader.load(directory: dir.root, options: LoadOptions())

        var book = RecordBook()
        var summaries: [FileSummary] = []
        for name in ["agents.csv", "messages-2.csv", "messages.csv"] {
            let parsed = try DataSetLoader.parse(file: dir.path(name), zone: .shanghai)
            XCTAssertEqual(parsed.issues, [])
            var s = FileSummary(file: name)
            for r in parsed.records {
                switch book.add(r.record) {
                case .stored: s.stored += 1
                case .updated: s.updated += 1
                case .duplicate: s.duplicates += 1
                }
            }
            summaries.append(s)
        }
        XCTAssertEqual(result.files, summaries)
        // messages-2.csv (loaded first, by name): 3 stored. messages.csv: 00:00:03 buyer (line 2)
        // and 00:00:13 auto (line 8) repeat it, 00:00:09 (line 4) repeats line 3, and 00:00:12
        // agent non-auto (line 11) repeats line 7, written with an offset.
        XCTAssertEqual(result.files.map(\.stored), [1, 3, 6])
        XCTAssertEqual(result.files.map(\.duplicates), [0, 0, 4])
        XCTAssertEqual(result.book.allMessages, book.allMessages)
        XCTAssertEqual(result.book.messages(ofBuyer: "买家\"二").count, 1)
        // 买家一: 00:03 and 00:15 (messages-2.csv), then 00:09 auto and 00:10 auto (" 买家一 ", TRUE).
        XCTAssertEqual(result.book.messages(ofBuyer: "买家一").map(\.message.auto), [false, false, true, true])
    }
}

final class DelimiterScanTests: XCTestCase {
    /// Eight bytes at a time finds the same first comma, LF or CR as one at a time, in text
    /// with Chinese (bytes above 0x80), quotes and the delimiters' neighbours (0x2B, 0x2D, 0x0B).
    func testWordScanFindsTheFirstDelimiter() {
        var rng = SampleRandom(seed: 3)
        let alphabet: [UInt8] = Array("ab,\n\r\"+-\u{0B}0".utf8) + Array("客服".utf8)
        for _ in 0..<3_000 {
            let bytes = (0..<rng.below(40)).map { _ in alphabet[rng.below(alphabet.count)] }
            let from = bytes.isEmpty ? 0 : rng.below(bytes.count)
            let expected = bytes[from...].firstIndex { $0 == 0x2C || $0 == 0x0A || $0 == 0x0D } ?? bytes.count
            bytes.withUnsafeBufferPointer { XCTAssertEqual(CSVReader.delimiter(in: $0, from: from), expected, "\(bytes) from \(from)") }
        }
    }
}
