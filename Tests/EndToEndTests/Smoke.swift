import XCTest

final class EndToEndTestsSmoke: XCTestCase {}
