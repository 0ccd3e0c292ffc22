import BackpropExamples
import Testing

@testable import BackpropCore

/// Slips planted at known steps: the cause of every value must be the one planted.
///
/// The network: x = 1.5, y = 1, z = w·x + b with w = 0.8, b = −0.2, a = σ(z), L = ½(a − y)²,
/// rate 0.5. Worked by hand: z = 1; a = σ(1) = 0.731059; L = 0.036145;
/// ∂L/∂a = a − y = −0.268941; ∂a/∂z = a(1 − a) = 0.196612; ∂L/∂z = −0.052877;
/// ∂L/∂w = ∂L/∂z · x = −0.079315; ∂L/∂b = −0.052877; w' = 0.8 + 0.5·0.079315 = 0.839658.
@Suite struct CauseTests {
  static let network = """
    input  x = 1.5
    target y = 1
    param  w = 0.8
    param  b = -0.2
    rate   eta = 0.5
    z = w * x + b
    a = sigmoid(z)
    L = 1/2 * (a - y)^2
    loss L

    """

  /// The causes of the differing values, by the quantity (ASCII) of their doc lines.
  func causes(_ documentLines: String, rounding: Int? = nil) throws -> [String: (Explanation.Cause, String?)] {
    let example = try ExampleParser.parse(Self.network + documentLines, file: "planted.txt")
    let walkthrough = try Walkthrough(example, rounding: rounding)
    var result: [String: (Explanation.Cause, String?)] = [:]
    for line in walkthrough.lines {
      guard let explanation = line.explanation else { continue }
      let origin = explanation.origin.map { Notation.ascii.render(walkthrough.line($0).quantity) }
      result[Notation.ascii.render(line.quantity)] = (explanation.cause, origin)
    }
    return result
  }

  @Test func correctWorkHasNoCauses() throws {
    let found = try causes(
      """
      doc z = 1
      doc a = 0.7311
      doc dL/da = -0.2689
      doc da/dz = 0.1966
      doc dL/dz = -0.05288
      doc dL/dw = -0.07932
      doc w' = 0.8397
      """)
    #expect(found.isEmpty)
  }

  @Test func aWrongProduct() throws {
    // −0.05288 · 1.5 = −0.07932, written as −0.07832; the update uses it and follows.
    let found = try causes(
      """
      doc dL/dz = -0.05288
      doc dL/dw = -0.07832
      doc w' = 0.8392
      """)
    #expect(found["dL/dw"]?.0 == .slip)
    #expect(found["w'"]?.0 == .carried)
    #expect(found["w'"]?.1 == "dL/dw")
  }

  @Test func aWrongSign() throws {
    let found = try causes("doc dL/da = 0.2689\n")
    #expect(found["dL/da"]?.0 == .slip)
  }

  @Test func aWrongSigmoid() throws {
    // σ(1) written as 0.7213; the sigmoid's derivative from it follows: 0.7213 · 0.2787 = 0.2010.
    let found = try causes(
      """
      doc z = 1
      doc a = 0.7213
      doc da/dz = 0.2010
      """)
    #expect(found["a"]?.0 == .slip)
    #expect(found["da/dz"]?.0 == .carried)
    #expect(found["da/dz"]?.1 == "a")
  }

  @Test func aWrongUpdate() throws {
    // The gradient is right, the step added instead of subtracting: 0.8 − 0.5·0.07932 = 0.7603.
    let found = try causes(
      """
      doc dL/dw = -0.07932
      doc w' = 0.7603
      """)
    #expect(found["w'"]?.0 == .slip)
    #expect(found["dL/dw"] == nil)
  }

  @Test func anErrorCarriedThroughThreeSteps() throws {
    // z = 1.5·0.8 − 0.2 written as 1.4 (the bias forgotten... and a wrong sum); then each
    // later step is right given the one before: σ(1.4) = 0.8022, a − y = −0.1978,
    // a(1 − a) = 0.1587, ∂L/∂z = −0.1978 · 0.1587 = −0.03139.
    let found = try causes(
      """
      doc z = 1.4
      doc a = 0.8022
      doc dL/da = -0.1978
      doc da/dz = 0.1587
      doc dL/dz = -0.03139
      """)
    #expect(found["z"]?.0 == .slip)
    for name in ["a", "dL/da", "da/dz", "dL/dz"] {
      #expect(found[name]?.0 == .carried, "\(name)")
      #expect(found[name]?.1 == "z", "\(name)")
    }
  }

  /// x = 2, w = 0.3, b = 0.1, y = 1, rate 1: z = 0.7, a = σ(0.7) = 0.668188,
  /// ∂a/∂z = 0.221713, ∂L/∂z = −0.331812 · 0.221713 = −0.073567, ∂L/∂w = −0.147134,
  /// w' = 0.447134. Worked at 2 decimals: a = 0.67, a − y = −0.33, a(1 − a) = 0.2211 → 0.22,
  /// ∂L/∂z = −0.0726 → −0.07, ∂L/∂w = −0.14, w' = 0.3 + 0.14 = 0.44.
  static let roundingNetwork = """
    input  x = 2
    target y = 1
    param  w = 0.3
    param  b = 0.1
    rate   eta = 1
    z = w * x + b
    a = sigmoid(z)
    L = 1/2 * (a - y)^2
    loss L
    doc a = 0.67
    doc dL/da = -0.33
    doc da/dz = 0.22
    doc dL/dz = -0.07
    doc dL/dw = -0.14
    doc w' = 0.44

    """

  @Test func pureRoundingDrift() throws {
    let example = try ExampleParser.parse(Self.roundingNetwork, file: "rounding.txt")
    let walkthrough = try Walkthrough(example)
    let causes = Dictionary(
      walkthrough.lines.compactMap { line in line.explanation.map { (Notation.ascii.render(line.quantity), $0) } },
      uniquingKeysWith: { first, _ in first })
    // −0.07 · 2 = −0.14 from the student's own (agreeing) −0.07: drift, not a slip.
    #expect(causes["dL/dw"]?.cause == .rounding)
    // 0.3 + 1 · 0.14 = 0.44 from the student's −0.14, which differs: carried.
    #expect(causes["w'"]?.cause == .carried)
    #expect(causes["w'"]?.origin.map { Notation.ascii.render(walkthrough.line($0).quantity) } == "dL/dw")
    #expect(causes.count == 2)
  }

  @Test func handRoundingExplainsRoundingDifferences() throws {
    // With --round 2 the tutor works to 2 decimals too: every one of the student's values agrees.
    let example = try ExampleParser.parse(Self.roundingNetwork, file: "rounding.txt")
    #expect(try Walkthrough(example).summary.differ == 2)
    let byHand = try Walkthrough(example, rounding: 2)
    #expect(byHand.summary.differ == 0)
    #expect(byHand.summary.agree == 6)
    let update = try #require(byHand.lines.first { $0.quantity == .afterUpdate(.name("w")) })
    #expect(update.value == 0.44)
  }

  @Test func truncation() throws {
    // σ(1) = 0.7310586 cut to 4 decimals: 0.7310 (rounded it is 0.7311).
    let found = try causes("doc a = 0.7310\n")
    #expect(found["a"]?.0 == .truncated)
  }

  /// The seeds' own slips are found where they happen.
  @Test(arguments: [
    ("simple-chain", "(y - yhat')^2", 109),
    ("single-neuron", "z", 22),
    ("sum-of-inputs", "a2", 42),
    ("sigmoid-hidden", "dyhat/dz2", 44),
    ("shared-bias", "dL/dw4", 100),
    ("handwritten-222", "i1", 42),
  ])
  func firstSlipOfEachSeed(name: String, quantity: String, line: Int) throws {
    let example = try #require(try BuiltinExamplesAccess.example(named: name))
    let slip = try #require(try Walkthrough(example).firstSlip)
    #expect(Notation.ascii.render(slip.quantity) == quantity)
    #expect(slip.document?.location.line == line)
  }
}

enum BuiltinExamplesAccess {
  static func example(named name: String) throws -> Example? { try BuiltinExamples.example(named: name) }
}
