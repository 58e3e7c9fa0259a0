@testable import KefuImport
import XCTest

final class TextDecodingTests: XCTestCase {
    func testEncodingsAreDetected() throws {
        // 客服 is BF CD B7 FE in GBK/GB18030; 😀 (U+1F600, outside GBK) is the 4-byte 94 39 FC 36.
        let gb = try TextDecoding.utf8(from: [0xBF, 0xCD, 0xB7, 0xFE, 0x2C, 0x94, 0x39, 0xFC, 0x36])
        XCTAssertEqual(gb.encoding, .gb18030)
        XCTAssertEqual(String(decoding: gb.bytes, as: UTF8.self), "客服,😀")
        let bom = try TextDecoding.utf8(from: [0xEF, 0xBB, 0xBF] + Array("客服".utf8))
        XCTAssertEqual(bom.encoding, .utf8BOM)
        XCTAssertEqual(bom.bytes, Array("客服".utf8))
        XCTAssertEqual(try TextDecoding.utf8(from: Array("a,b".utf8)).encoding, .utf8)
    }

    func testUTF8ValidationRejectsMalformedSequences() {
        XCTAssertTrue(TextDecoding.isValidUTF8(Array("ok 客服 😀".utf8)))
        XCTAssertFalse(TextDecoding.isValidUTF8([0xC0, 0x80]))             // overlong NUL
        XCTAssertFalse(TextDecoding.isValidUTF8([0xED, 0xA0, 0x80]))       // a UTF-16 surrogate
        XCTAssertFalse(TextDecoding.isValidUTF8([0xE5, 0xAE]))             // truncated
        XCTAssertFalse(TextDecoding.isValidUTF8([0xF4, 0x90, 0x80, 0x80])) // above U+10FFFF
    }

    func testUndecodableBytesAreAnErrorNamingTheOffset() {
        XCTAssertThrowsError(try TextDecoding.utf8(from: [0x61, 0xFF, 0xFF])) { error in
            XCTAssertEqual("\(error)", "is neither UTF-8 nor GB18030 text (undecodable byte at offset 1)")
        }
    }

    func testGB18030FileWithChineseHeadersAndValues() throws {
        // The header 客服账号,姓名,岗位 and the row a1,甲,售前 written in GB18030.
        let dir = try TempDir()
        let text = "客服账号,姓名,岗位\na1,秦子轩,售前\n"
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.isASCII { bytes.append(UInt8(scalar.value)); continue }
            bytes += Self.gbk[scalar]!
        }
        FileManager.default.createFile(atPath: dir.path("agents.csv"), contents: Data(bytes))
        let parsed = try DataSetLoader.parse(file: dir.path("agents.csv"), zone: .shanghai)
        XCTAssertEqual(parsed.encoding, .gb18030)
        XCTAssertEqual(parsed.records, [LineRecord(record: .agent(.init(id: "a1", name: "秦子轩", role: .presale)), line: 2)])
    }

    /// GBK codes of the characters above (from Python's `encode("gb18030")`).
    static let gbk: [Unicode.Scalar: [UInt8]] = [
        "客": [0xBF, 0xCD], "服": [0xB7, 0xFE], "账": [0xD5, 0xCB], "号": [0xBA, 0xC5], "姓": [0xD0, 0xD5],
        "名": [0xC3, 0xFB], "岗": [0xB8, 0xDA], "位": [0xCE, 0xBB], "秦": [0xC7, 0xD8], "子": [0xD7, 0xD3],
        "轩": [0xD0, 0xF9], "售": [0xCA, 0xDB], "前": [0xC7, 0xB0],
    ]
}
