import XCTest

final class KefuTUITestsSmoke: XCTestCase {}
