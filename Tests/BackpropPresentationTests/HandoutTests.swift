import BackpropCore
import BackpropExamples
import BackpropPresentation
import Foundation
import Testing

/// Handouts of the linear chain (Examples/simple-chain.txt), worked by hand:
/// x = 2, y = 20, w1 = 2, w2 = 0.5, α = 0.01; h = x·w1 = 4, ŷ = h·w2 = 2,
/// L = ½(y − ŷ)² = ½·18² = 162; ∂L/∂ŷ = ŷ − y = −18, ∂L/∂w2 = −18·h = −72,
/// ∂L/∂w1 = −18·x·w2 = −18; w2' = 0.5 − 0.01·(−72) = 1.22, w1' = 2 − 0.01·(−18) = 2.18;
/// ŷ' = 2·2.18·1.22 = 5.3192, L' = ½(20 − 5.3192)² = ½·215.52588864 = 107.763 (the
/// document prints 107.88, +0.117 off, twice).
@Suite struct HandoutTests {
  func handout(_ version: Handout.Version, ascii: Bool = false) throws -> Handout {
    let example = try #require(try BuiltinExamples.example(named: "simple-chain"))
    return Handout(walkthrough: try Walkthrough(example), name: "simple-chain", version: version, ascii: ascii)
  }

  func lines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func theMarkdownSolutionShowsEachStepOnce() throws {
    let lines = lines(try handout(.solution).markdown())
    #expect(lines[0] == "<!-- Written by backprop-tutor. -->")
    #expect(lines[1] == #"# simple-chain: The linear chain yhat = x \* w1 \* w2"#)
    for expected in [
      "## Given", "| Quantity | Value | Role |", "| --- | --- | --- |", "| $x$ | $2$ | input |", "| $w_{1}$ | $2$ | trainable parameter |",
      #"| $\alpha$ | $0.01$ | learning rate |"#, "## Forward pass", "| Step | Formula | Substitution | Value |",
      #"| $h$ | $x \cdot w_{1}$ | $2 \cdot 2$ | $4$ |"#, #"| $\hat{y}$ | $h \cdot w_{2}$ | $4 \cdot 0.5$ | $2$ |"#,
      #"| $L$ | $1/2 \cdot (y - \hat{y})^{2}$ | $1/2 \cdot (20 - 2)^{2}$ | $162$ |"#,
      #"| $\partial L/\partial \hat{y}$ | $\hat{y} - y$ | $2 - 20$ | $-18$ |"#,
      #"| $\partial L/\partial w_{2}$ | $\partial L/\partial \hat{y} \cdot \partial \hat{y}/\partial w_{2}$ | $-18 \cdot 4$ | $-72$ |"#,
      #"| $w_{2}'$ | $w_{2} - \alpha \cdot \partial L/\partial w_{2}$ | $0.5 - 0.01 \cdot (-72)$ | $1.22$ |"#,
      #"| $w_{1}'$ | $w_{1} - \alpha \cdot \partial L/\partial w_{1}$ | $2 - 0.01 \cdot (-18)$ | $2.18$ |"#,
      #"| $L'$ | $1/2 \cdot (y - \hat{y}')^{2}$ | $1/2 \cdot (20 - 5.3192)^{2}$ | $107.763$ |"#,
    ] {
      #expect(lines.contains(expected), "\(expected)")
    }
    // The document printed L = 162 four times and ŷ = 2 five: the solution shows each once.
    #expect(lines.filter { $0.hasPrefix("| $L$ |") }.count == 1)
    #expect(lines.filter { $0.hasPrefix(#"| $\hat{y}$ |"#) }.count == 1)
    #expect(!lines.contains { $0.contains("107.88") || $0.contains("Document") })
  }

  @Test func withTheDocumentEachStepHasItsValueAndVerdict() throws {
    let lines = lines(try handout(.withDocument).markdown())
    #expect(lines.contains("| Step | Formula | Substitution | Value | Document | Verdict |"))
    #expect(
      lines.contains(#"| $w_{2}'$ | $w_{2} - \alpha \cdot \partial L/\partial w_{2}$ | $0.5 - 0.01 \cdot (-72)$ | $1.22$ | $1.22$ | ✓ |"#))
    #expect(
      lines.contains(
        #"| $L'$ | $1/2 \cdot (y - \hat{y}')^{2}$ | $1/2 \cdot (20 - 5.3192)^{2}$ | $107.763$ | $107.88$ | ✗ off by $+0.117$ (printed 2 times)"#
          + "<br>slip: from the document's own inputs, 1/2 · (20 − 5.3192)² = 107.763, not 107.88 |"))
    #expect(lines.contains { $0.hasPrefix("Summary: 54 document values: 50 agree, 4 differ") })
  }

  @Test func theWorksheetHasBoxesAndNoAnswers() throws {
    let text = try handout(.blanks).markdown()
    let lines = lines(text)
    #expect(lines.contains("| $x$ | $2$ | input |"), "the givens keep their values")
    #expect(lines.contains(#"| $h$ | $x \cdot w_{1}$ |  | $\boxed{\phantom{0.000000}}$ |"#))
    for answer in ["$4$", "$162$", "$-72$", "$1.22$", "$107.763$", "2 \\cdot 2"] {
      #expect(!text.contains(answer), "\(answer)")
    }
  }

  /// calculus-chain: x = 1, y = 2x + 3 = 5, z = y² = 25, ∂z/∂x = 2y · 2 = 20; the file says why x is 1.
  @Test func aGivenKeepsTheFilesCommentAndTheRoundingIsSaid() throws {
    let example = try #require(try BuiltinExamples.example(named: "calculus-chain"))
    let plain = Handout(walkthrough: try Walkthrough(example), name: "calculus-chain", version: .solution, ascii: false)
    let text = lines(plain.markdown())
    #expect(text.contains("| $x$ | $1$ | input (not in the document, which gives no x: any x gives the same dy/dx = 2) |"))
    #expect(text.contains(#"| $\partial z/\partial x$ | $\partial z/\partial y \cdot \partial y/\partial x$ | $10 \cdot 2$ | $20$ |"#))
    let rounded = Handout(walkthrough: try Walkthrough(example, rounding: 2), name: "calculus-chain", version: .solution, ascii: false)
    #expect(lines(rounded.markdown()).contains("Every value rounded to 2 decimals before it is used, as by hand."))
  }

  @Test func asciiProseIsASCII() throws {
    let text = try handout(.withDocument, ascii: true).markdown()
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(
      text.contains(
        "| $107.88$ | X off by $+0.117$ (printed 2 times)<br>slip: from the document's own inputs, 1/2 \\* (20 - 5.3192)\\^2 = 107.763"))
  }

  @Test func theLaTeXSolutionIsACompleteDocument() throws {
    let text = try handout(.solution).latex()
    let lines = lines(text)
    #expect(lines[0] == "% Written by backprop-tutor.")
    #expect(lines[1] == #"\documentclass[10pt]{article}"#)
    #expect(lines.contains(#"\section*{simple-chain: The linear chain yhat = x * w1 * w2}"#))
    for expected in [
      #"x & 2 & input \\"#, #"h = x \cdot w_{1} & 2 \cdot 2 & 4 \\"#,
      #"\partial L/\partial w_{2} = \partial L/\partial \hat{y} \cdot \partial \hat{y}/\partial w_{2} & -18 \cdot 4 & -72 \\"#,
      // The last row of its section: no page break before the table's end.
      #"L' = 1/2 \cdot (y - \hat{y}')^{2} & 1/2 \cdot (20 - 5.3192)^{2} & 107.763 \\*"#,
    ] {
      #expect(lines.contains(expected), "\(expected)")
    }
    #expect(lines.last { !$0.isEmpty } == #"\end{document}"#)
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
  }

  @Test func theLaTeXWithTheDocumentSaysWhyBelowTheStep() throws {
    let lines = lines(try handout(.withDocument).latex())
    let index = try #require(
      lines.firstIndex(of: #"L' = 1/2 \cdot (y - \hat{y}')^{2} & 1/2 \cdot (20 - 5.3192)^{2} & 107.763 & $107.88$ $\times$ \\*"#))
    #expect(lines[index + 1].contains("off by $+0.117$; (printed 2 times); slip: from the document's own inputs"))
  }

  @Test func theLaTeXWorksheetHasBoxes() throws {
    let text = try handout(.blanks).latex()
    #expect(text.contains(#"h = x \cdot w_{1} & \answerbox{0.34\textwidth} & \answerbox{0.13\textwidth} \\"#))
    #expect(!text.contains("107.763"))
  }
}
