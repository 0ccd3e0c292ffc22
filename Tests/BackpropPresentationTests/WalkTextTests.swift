import BackpropCore
import BackpropExamples
import Testing

@testable import BackpropPresentation

/// The walk as text, for the handout's linear chain (Examples/simple-chain.txt):
/// x = 2, y = 20, w1 = 2, w2 = 0.5, alpha = 0.01, h = x·w1, ŷ = h·w2, L = ½(y − ŷ)².
@Suite struct WalkTextTests {
  static let plain = Terminal(ascii: true, colour: false)

  func walk(_ terminal: Terminal = plain, rounding: Int? = nil) throws -> WalkText {
    let example = try #require(try BuiltinExamples.example(named: "simple-chain"))
    return WalkText(walkthrough: try Walkthrough(example, rounding: rounding), name: "simple-chain", terminal: terminal)
  }

  func lines(_ walk: WalkText) -> [String] {
    var output = Output()
    walk.render(into: &output)
    return output.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The first line that starts with `prefix`.
  func line(_ prefix: String, in lines: [String]) throws -> String {
    try #require(lines.first { $0.hasPrefix(prefix) }, "no line starts with '\(prefix)'")
  }

  @Test func theHeaderNamesTheExampleAndItsSource() throws {
    let lines = lines(try walk())
    #expect(lines[0] == "simple-chain: The linear chain yhat = x * w1 * w2")
    #expect(lines[1].hasPrefix("Source: 000_d81a88c84da36a29.txt, part 1"))
  }

  @Test func theGivensCarryTheirRoles() throws {
    let lines = lines(try walk())
    #expect(try line("  x = 2 ", in: lines).hasSuffix("input"))
    #expect(try line("  y = 20 ", in: lines).hasSuffix("target"))
    #expect(try line("  w1 = 2 ", in: lines).hasSuffix("trainable parameter"))
    #expect(try line("  alpha = 0.01 ", in: lines).hasSuffix("learning rate"))
  }

  @Test func theForwardPassShowsFormulaArithmeticAndVerdict() throws {
    let lines = lines(try walk())
    // h = x·w1 = 2·2 = 4; the document prints 4 twice (lines 19 and 40).
    let h = try line("  h = x * w1 = 2 * 2 = 4 ", in: lines)
    #expect(h.contains("doc 4"))
    #expect(h.hasSuffix("ok (printed 2 times)"))
    // ŷ = h·w2 = 4·0.5 = 2.
    #expect(try line("  yhat = h * w2 = 4 * 0.5 = 2 ", in: lines).contains("doc 2"))
    // L = ½(20 − 2)² = ½·324 = 162.
    #expect(try line("  L = 1/2 * (y - yhat)^2 = 1/2 * (20 - 2)^2 = 162 ", in: lines).contains("doc 162"))
  }

  @Test func theBackwardPassMultipliesAlongTheChain() throws {
    let lines = lines(try walk())
    // ∂L/∂ŷ = ŷ − y = 2 − 20 = −18; ∂L/∂w2 = −18 · h = −18 · 4 = −72.
    #expect(try line("  dL/dyhat = yhat - y = 2 - 20 = -18 ", in: lines).contains("doc -18"))
    #expect(try line("  dL/dw2 = dL/dyhat * dyhat/dw2 = -18 * 4 = -72 ", in: lines).contains("doc -72"))
    // ∂L/∂h = −18 · w2 = −9 (not printed by the document), ∂L/∂w1 = −9 · x = −18.
    #expect(lines.contains("  dL/dh = dL/dyhat * dyhat/dh = -18 * 0.5 = -9"))
    #expect(try line("  dL/dw1 = dL/dh * dh/dw1 = -9 * 2 = -18 ", in: lines).contains("doc -18"))
    // The first use of the chain rule points to its derivation.
    let chain = try #require(lines.firstIndex { $0.hasPrefix("  dL/dw2 = dL/dyhat") })
    #expect(lines[chain + 1] == "      (why: backprop-tutor explain chain-rule)")
  }

  @Test func theUpdateStepsAgainstTheGradient() throws {
    let lines = lines(try walk())
    // w2' = 0.5 − 0.01·(−72) = 0.5 + 0.72 = 1.22; w1' = 2 − 0.01·(−18) = 2.18.
    #expect(try line("  w2' = w2 - alpha * dL/dw2 = 0.5 - 0.01 * (-72) = 1.22 ", in: lines).contains("doc 1.22"))
    #expect(try line("  w1' = w1 - alpha * dL/dw1 = 2 - 0.01 * (-18) = 2.18 ", in: lines).contains("doc 2.18"))
  }

  @Test func theSummaryCountsAndFindsTheFirstSlip() throws {
    let summary = try walk().summary()
    // 54 'doc' lines. Four differ: (y − ŷ')² = (20 − 5.3192)² = 14.6808² = 215.52588864, not
    // 215.76 (line 109); L' = ½ · 215.52588864 = 107.76294432, not 107.88 (lines 110 and 113);
    // and ŷ at convergence is 20, not 20.000118.
    #expect(summary.hasPrefix("Summary: 54 document values: 50 agree, 4 differ;"))
    #expect(summary.contains("First slip: (y - yhat')^2 at simple-chain.txt:109: slip:"))
    #expect(summary.contains("(20 - 5.3192)^2 = 215.526, not 215.76"))
  }

  @Test func checkShowsOnlyTheValuesThatDifferByLine() throws {
    var output = Output()
    try walk().renderDifferences(into: &output)
    let lines = output.text.split(separator: "\n").map(String.init)
    #expect(lines[0] == "simple-chain: The linear chain yhat = x * w1 * w2")
    // The four that differ, in the file's order, each with its line.
    let rows = lines.filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isNumber == true }
    #expect(rows.count == 4)
    #expect(rows[0].hasPrefix("  87: yhat@converged = "))
    #expect(rows[1].hasPrefix("  109: (y - yhat')^2 = (20 - 5.3192)^2 = 215.526"))
    // 215.76 − 215.526 = 0.234.
    #expect(rows[1].hasSuffix("X off by +0.234"))
    #expect(rows[2].hasPrefix("  110: L' ="))
    #expect(rows[3].hasPrefix("  113: L' ="))
  }

  @Test func roundingIsAnnounced() throws {
    let lines = lines(try walk(rounding: 3))
    #expect(lines.contains("Every value rounded to 3 decimals before it is used, as by hand."))
  }

  @Test func unicodeAndColour() throws {
    let unicode = lines(try walk(Terminal(ascii: false, colour: false)))
    #expect(try line("  ∂L/∂w2 = ", in: unicode).contains("✓"))
    let coloured = lines(try walk(Terminal(ascii: true, colour: true)))
    #expect(coloured[0] == "\u{1B}[1msimple-chain: The linear chain yhat = x * w1 * w2\u{1B}[0m")
    #expect(try line("  h = x * w1", in: coloured).contains("\u{1B}[32mok\u{1B}[0m"))
  }

  @Test func stepByStepPiecesAreTheSameText() throws {
    let walk = try walk()
    var output = Output()
    walk.render(into: &output)
    let pieces = walk.pieces()
    #expect(!pieces[0].pauses && !pieces[pieces.count - 1].pauses)
    #expect(pieces.map(\.text).joined(separator: "\n") + "\n" == output.text)
  }
}
