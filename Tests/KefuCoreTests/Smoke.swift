import XCTest

final class KefuCoreTestsSmoke: XCTestCase {}
