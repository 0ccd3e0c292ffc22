import BackpropCore
import Foundation
import Testing

@testable import BackpropPresentation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Nice ticks: 1, 2, 2.5 or 5 times a power of ten, covering the range.
@Suite struct TicksTests {

  @Test func linearTicksAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
    // (1 − 0) / 5 = 0.2, itself nice.
    #expect(Ticks.linear(0, 1) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    // 162 / 5 = 32.4, up to 50; the ticks cover 0...162.
    #expect(Ticks.linear(0, 162) == [0, 50, 100, 150, 200])
    // 10 / 4 = 2.5.
    #expect(Ticks.linear(0, 10, count: 4) == [0, 2.5, 5, 7.5, 10])
    // 6 / 5 = 1.2, up to 2; from the tick below −3 to the one above 3.
    #expect(Ticks.linear(-3, 3) == [-4, -2, 0, 2, 4])
    // 0.014 / 5 = 0.0028, up to 0.005: 0.01 ≤ 0.013 and 0.03 ≥ 0.027.
    #expect(Ticks.linear(0.013, 0.027) == [0.01, 0.015, 0.02, 0.025, 0.03])
    // The doubles nearest the decimals, not 3 × 0.1 = 0.30000000000000004.
    #expect(Ticks.linear(0, 0.3, count: 3) == [0, 0.1, 0.2, 0.3])
    #expect(Ticks.linear(1, 0) == Ticks.linear(0, 1))
  }

  @Test func aRangeOfOneNumberIsWidened() {
    // 5 ± 0.5, step 1 / 5 = 0.2, from 4.4 ≤ 4.5 to 5.6 ≥ 5.5.
    #expect(Ticks.linear(5, 5) == [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6])
    // 0 ± 1, step 2 / 5 = 0.4, up to 0.5.
    #expect(Ticks.linear(0, 0) == [-1, -0.5, 0, 0.5, 1])
  }

  @Test func rangesWithoutTicks() {
    #expect(Ticks.linear(.nan, 1).isEmpty)
    #expect(Ticks.linear(0, .infinity).isEmpty)
    #expect(Ticks.logarithmic(0, 10).isEmpty)
    #expect(Ticks.logarithmic(-1, 10).isEmpty)
    #expect(Ticks.logarithmic(1, .infinity).isEmpty)
  }

  @Test func hugeRangesStayFinite() {
    let ticks = Ticks.linear(-1e308, 1e308)
    // 2e308 / 5 = 4e307, up to 5e307: −1e308, −5e307, 0, 5e307, 1e308.
    #expect(ticks.count == 5)
    #expect(ticks.allSatisfy { $0.isFinite })
    #expect(ticks.contains(0))
    #expect(Ticks.logarithmic(1e-300, 1e300).allSatisfy { $0 > 0 && $0.isFinite })
  }

  @Test func logarithmicTicksArePowersOfTenCoveringTheRange() {
    #expect(Ticks.logarithmic(0.5, 162) == [0.1, 1, 10, 100, 1000])
    #expect(Ticks.logarithmic(1, 1000) == [1, 10, 100, 1000])
    #expect(Ticks.logarithmic(0.001, 0.01) == [0.001, 0.01])
    // At least two.
    #expect(Ticks.logarithmic(10, 10) == [10, 100])
    #expect(Ticks.logarithmic(3, 4) == [1, 10])
  }
}
