import Testing

@testable import BackpropCore

/// Printed numbers, verdicts and readable formatting.
@Suite struct NumberTests {
  @Test(arguments: [
    ("0.10", 0.1, -2),
    ("0.1", 0.1, -1),
    (".00150", 0.0015, -5),
    ("-0.00150", -0.0015, -5),
    ("+2.0", 2.0, -1),
    ("162", 162.0, 0),
    ("3.5102e-05", 3.5102e-05, -9),
    ("1.2E3", 1200.0, 2),
  ])
  func printedNumbersKeepTheirDigits(text: String, value: Double, unitExponent: Int) throws {
    let printed = try #require(PrintedNumber(text))
    #expect(printed.text == text)
    #expect(printed.value == value)
    #expect(printed.unitExponent == unitExponent)
  }

  @Test(arguments: ["", "abc", "1.2.3", "--1", "1e", ".", "1,5", "0x10", "1e999", "nan", "inf"])
  func notNumbers(text: String) {
    #expect(PrintedNumber(text) == nil)
  }

  @Test func verdictIsHalfAUnitInTheLastPrintedDigit() throws {
    // 0.5933 printed; σ(0.3775) = 0.593269992...: rounds to 0.5933.
    #expect(PrintedNumber("0.5933")!.agrees(with: 0.593269992))
    // 107.88 printed, exact 107.76294432: differs.
    #expect(!PrintedNumber("107.88")!.agrees(with: 107.76294432))
    // "0.10" claims 0.095 ≤ x ≤ 0.105; "0.1" claims 0.05 ≤ x ≤ 0.15.
    #expect(!PrintedNumber("0.10")!.agrees(with: 0.12))
    #expect(PrintedNumber("0.1")!.agrees(with: 0.12))
    // Exactly on the boundary counts as agreeing, despite binary fractions.
    #expect(PrintedNumber("0.2")!.agrees(with: 0.25))
    #expect(PrintedNumber("0.2")!.agrees(with: 0.15))
    // The wrong sign differs.
    #expect(!PrintedNumber("-0.00150")!.agrees(with: 0.00149961))
    #expect(Verdict(printed: PrintedNumber("0.35")!, exact: 0.32) == .differ(by: 0.35 - 0.32))
  }

  /// Digits past the 15th significant one claim nothing a double can check: 0.1 + 0.2 is
  /// 0.30000000000000004 in binary, and a document printing 0.30000000000000000 agrees.
  @Test func digitsPastADoublesPrecisionClaimNothing() throws {
    let printed = try #require(PrintedNumber("0.30000000000000000"))
    #expect(printed.unitExponent == -15)
    #expect(printed.agrees(with: 0.1 + 0.2))
    #expect(!printed.agrees(with: 0.300000000000002))
    #expect(try #require(PrintedNumber("123.456789012345678")).unitExponent == -12)
    // Within 15 digits nothing changes.
    #expect(try #require(PrintedNumber("0.0821")).unitExponent == -4)
    #expect(try #require(PrintedNumber("3.5102e-05")).unitExponent == -9)
  }

  @Test func aGivenWrittenPastADoublesPrecisionIsShownReadably() throws {
    let walk = try Walkthrough(
      ExampleParser.parse("input x = 0.10000000000000001\nparam w = .2\ny = x + w\nloss y\n", file: "g.txt"))
    let givens = walk.lines.filter { $0.section == .setup }
    #expect(givens.map(\.writtenAs) == [nil, ".2"])
  }

  @Test func truncation() {
    // 0.0821 is 0.082167 cut, not rounded.
    #expect(PrintedNumber("0.0821")!.isTruncation(of: 0.082167))
    #expect(!PrintedNumber("0.0822")!.isTruncation(of: 0.082167))
  }

  @Test(arguments: [
    (0.1 + 0.2, "0.3"),
    (107.76294432, "107.763"),
    (-18.0, "-18"),
    (0.0000082167, "0.0000082167"),
    (2.0, "2"),
    (1e-9, "0.000000001"),
    (2.5e-10, "2.5e-10"),
    (123_456_789.0, "123456789"),
    (0.593269992, "0.59327"),
    (-0.0, "0"),
  ])
  func readable(value: Double, text: String) {
    #expect(Readable.format(value) == text)
  }

  @Test func readableShowsTheDocumentsDecimals() {
    // The document printed 8 decimals: show at least that many.
    #expect(Readable.format(0.0000082167, decimals: 8) == "0.0000082167")
    #expect(Readable.format(20.000000001, decimals: 6) == "20.000000")
    #expect(Readable.format(0.1, decimals: 2) == "0.10")
    #expect(Readable.format(0.15 - 0.0001 * 0.000668396, distinctFrom: 0.15) == "0.1499999")
    #expect(Readable.difference(0.11705568) == "+0.117")
    #expect(Readable.difference(-0.0000203) == "-0.0000203")
  }
}
