import Foundation
import Testing

@testable import BackpropCore

/// The operator table in formulas: every entry's symbolic derivative against its
/// local derivatives, and the newer functions read from example files and walked.
@Suite struct OperatorFormulaTests {
  /// Sample operands away from every kink (no 0, no first operand equal to a second);
  /// the same points as the engine's OperatorTableTests.
  static let firstOperands = [-2.3, -0.7, 0.4, 1.3, 2.9]
  static let secondOperands = [-1.6, 0.55, 1.9, 3.1]

  /// The sample points where `op`'s value is a finite number and it reports no
  /// domain problem. The second operand is 0 for a unary operator.
  static func samplePoints(_ op: Operator) -> [(x: Double, y: Double)] {
    let candidates: [(x: Double, y: Double)] =
      op.arity == 1
      ? (firstOperands + [-4.1, 4.6]).map { ($0, 0) }
      : firstOperands.flatMap { x in secondOperands.map { (x, $0) } }
    return candidates.filter { x, y in
      op.definition.value(x, y).isFinite && op.definition.domainProblem(x, y, { "\($0)" }) == nil
    }
  }

  static func agree(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
  }

  @Test(arguments: Operator.all)
  func symbolicDerivativeAgreesWithTheLocalDerivatives(op: Operator) throws {
    let operands: [Formula] = op.arity == 1 ? [.leaf("a")] : [.leaf("a"), .leaf("b")]
    let formula = Formula.apply(op, operands)
    let byA = Symbolic.derivative(of: formula, withRespectTo: "a")
    let byB = Symbolic.derivative(of: formula, withRespectTo: "b")
    let points = Self.samplePoints(op)
    #expect(points.count >= 3, "\(op): too few sample points inside the domain")
    for (x, y) in points {
      let leaves = ["a": x, "b": y]
      let value = op.definition.value(x, y)
      #expect(try formula.value { try #require(leaves[$0]) } == value)
      let (dx, dy) = op.definition.localDerivatives(x, y, value)
      let symbolicA = try byA.value { try #require(leaves[$0]) }
      let symbolicB = try byB.value { try #require(leaves[$0]) }
      let rendered = Notation.ascii.render(byA)
      #expect(Self.agree(symbolicA, dx, 1e-9), "∂\(op)/∂a = \(rendered) at (\(x), \(y)): \(symbolicA) vs \(dx)")
      // Against the value itself, by a central difference, independently of the table's rule.
      let h = 1e-5 * max(1, abs(x))
      let numeric = (op.definition.value(x + h, y) - op.definition.value(x - h, y)) / (2 * h)
      if numeric.isFinite {
        #expect(Self.agree(symbolicA, numeric, 1e-6), "∂\(op)/∂a = \(rendered) at (\(x), \(y)): \(symbolicA) vs \(numeric)")
      }
      if op.arity == 1 {
        #expect(byB == .zero, "\(op)(a) does not read b")
      } else {
        #expect(Self.agree(symbolicB, dy, 1e-9), "∂\(op)/∂b = \(Notation.ascii.render(byB)) at (\(x), \(y)): \(symbolicB) vs \(dy)")
      }
    }
  }

  static let maxExample = "input x = 2\nparam w = 3\ntarget y = 1\nh = max(x, w)\nL = (y - h)^2\nloss L\n"

  @Test func maxInAnExample() throws {
    // h = max(2, 3) = 3, L = (1 − 3)² = 4. ∂L/∂h = −2·(y − h) = 2·(h − y) = 4; w is the
    // larger operand, so ∂h/∂w = 1 and ∂h/∂x = 0: ∂L/∂w = 4·1 = 4, ∂L/∂x = 4·0 = 0.
    let example = try ExampleParser.parse(Self.maxExample, file: "t.txt")
    let walkthrough = try Walkthrough(example)
    func value(_ quantity: DocumentExpression) -> Double? {
      walkthrough.lines.first { $0.quantity == quantity && !$0.repeatsLine }?.value
    }
    #expect(value(.name("h")) == 3)
    #expect(value(.name("L")) == 4)
    #expect(value(.derivative(of: "L", withRespectTo: "h")) == 4)
    #expect(value(.derivative(of: "L", withRespectTo: "w")) == 4)
    let evaluation = walkthrough.validated.evaluation
    let start = evaluation.initialState
    #expect(try evaluation.derivative(of: "L", withRespectTo: "w", in: start) == 4)
    #expect(try evaluation.derivative(of: "L", withRespectTo: "x", in: start) == 0)
    #expect(try evaluation.localDerivatives(of: "h", in: start) == ["x": 0, "w": 1])
  }

  @Test func minAndSoftplusInAnExample() throws {
    // m = min(2, 3) = 2, so ∂m/∂x = 1, ∂m/∂w = 0; s = softplus(m − x) = softplus(0) = ln 2,
    // ∂s/∂m = σ(0) = 1/2. L = s: ∂L/∂w = 1/2 · 0 = 0 and ∂L/∂x = 1/2 · (1 − 1) = 0 (x
    // appears twice); ∂L/∂m = 1/2.
    let example = try ExampleParser.parse(
      "input x = 2\nparam w = 3\nm = min(x, w)\ns = softplus(m - x)\nloss s\n", file: "t.txt")
    let evaluation = try ValidatedExample(example).evaluation
    let start = evaluation.initialState
    #expect(try evaluation.value(of: "m", in: start) == 2)
    #expect(abs(try evaluation.value(of: "s", in: start) - 0.6931471805599453) <= 1e-16)
    #expect(try evaluation.localDerivatives(of: "m", in: start) == ["x": 1, "w": 0])
    #expect(try evaluation.derivative(of: "s", withRespectTo: "m", in: start) == 0.5)
    #expect(try evaluation.derivative(of: "s", withRespectTo: "w", in: start) == 0)
    #expect(try evaluation.derivative(of: "s", withRespectTo: "x", in: start) == 0)
  }

  /// `h = max(x)` stops at the `)` where a second operand should follow (column 10);
  /// `h = max(x, w, y)` at the second `,` where the `)` should be (column 13).
  @Test(arguments: [
    ("h = max(x)", 10, "expected ','"),
    ("h = max(x, w, y)", 13, "expected ')'"),
  ])
  func maxWithTheWrongNumberOfOperands(equation: String, column: Int, message: String) throws {
    let text = Self.maxExample.replacingOccurrences(of: "h = max(x, w)", with: equation)
    do {
      let example = try ExampleParser.parse(text, file: "t.txt")
      _ = try Walkthrough(example)
      Issue.record("no error for \(equation)")
    } catch let error as ExampleError {
      #expect(error.location == SourceLocation(line: 4, column: column), "\(error)")
      #expect(error.description.hasPrefix("t.txt:4:\(column): "), "\(error)")
      #expect(error.description.contains(message), "\(error)")
      #expect(error.description.contains("max"), "\(error)")
    }
  }
}
