import XCTest

final class KefuImportTestsSmoke: XCTestCase {}
