import XCTest

final class KefuStoreTestsSmoke: XCTestCase {}
