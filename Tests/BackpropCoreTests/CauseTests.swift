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

  @Test func everyDifferingInputIsNamed() throws {
    // a − y = −0.2689 written −0.2789, a(1 − a) = 0.1966 written 0.1866: two slips;
    // −0.2789 · 0.1866 = −0.052043 follows from both.
    let found = try causes(
      """
      doc dL/da = -0.2789
      doc da/dz = 0.1866
      doc dL/dz = -0.05204
      """)
    let example = try ExampleParser.parse(Self.network + "doc dL/da = -0.2789\ndoc da/dz = 0.1866\ndoc dL/dz = -0.05204\n", file: "t")
    let walkthrough = try Walkthrough(example)
    let line = try #require(walkthrough.lines.first { Notation.ascii.render($0.quantity) == "dL/dz" })
    let origins = line.explanation?.origins.map { Notation.ascii.render(walkthrough.line($0).quantity) }
    #expect(found["dL/dz"]?.0 == .carried)
    #expect(Set(origins ?? []) == ["dL/da", "da/dz"])
  }

  /// x = 1, w1 = 0.5, h = σ(0.5) = 0.622459, w2 = 2, y = w2·h = 1.244919, t = 0,
  /// L = ½(y − t)²: ∂L/∂y = 1.244919, ∂y/∂w2 = h, ∂L/∂w2 = 1.244919 · 0.622459 = 0.774907.
  static let bareName = """
    input  x = 1
    target t = 0
    param  w1 = 0.5
    param  w2 = 2
    h = sigmoid(w1 * x)
    y = w2 * h
    L = 1/2 * (y - t)^2
    loss L

    """

  func causes(in network: String, _ documentLines: String) throws -> [String: Explanation] {
    let walkthrough = try Walkthrough(try ExampleParser.parse(network + documentLines, file: "reduced.txt"))
    var result: [String: Explanation] = [:]
    for line in walkthrough.lines {
      if let explanation = line.explanation { result[Notation.ascii.render(line.quantity)] = explanation }
    }
    return result
  }

  @Test func aBareNameReadsThePrintedValue() throws {
    // h written 0.7000 (a slip); ∂L/∂w2 = 1.2449 · 0.7000 = 0.87143 follows from it.
    let slip = try causes(in: Self.bareName, "doc h = 0.7000\ndoc dL/dy = 1.2449\ndoc dL/dw2 = 0.8714\n")
    #expect(slip["h"]?.cause == .slip)
    #expect(slip["dL/dw2"]?.cause == .carried)
    // Consistent rounding: 1.2449 · 0.6225 = 0.774950, written 0.7750 (exact rounds to 0.7749).
    let rounding = try causes(in: Self.bareName, "doc h = 0.6225\ndoc dL/dy = 1.2449\ndoc dL/dw2 = 0.7750\n")
    #expect(rounding["dL/dw2"]?.cause == .rounding)
    #expect(rounding.count == 1)
  }

  @Test func aValuePrintedTwiceIsReadAsPrintedClosestBefore() throws {
    // h = 0.7000 is the printing before ∂L/∂w2; the later 0.6225 does not explain 0.8714.
    let twice = try causes(in: Self.bareName, "doc h = 0.7000\ndoc dL/dy = 1.2449\ndoc dL/dw2 = 0.8714\ndoc h = 0.6225\n")
    #expect(twice["dL/dw2"]?.cause == .carried)
    // With no printing before it, any printing: the later 0.7000.
    let after = try causes(in: Self.bareName, "doc dL/dy = 1.2449\ndoc dL/dw2 = 0.8714\ndoc h = 0.7000\n")
    #expect(after["dL/dw2"]?.cause == .carried)
  }

  @Test func aTotalDerivativeIsNotTheLocalOne() throws {
    // g = h + b, h = x·b, x = 2, b = 1, t = 0: g = 3, dg/db = x + 1 = 3 (total), ∂g/∂b = 1 (local).
    // ∂L/∂g = g − t = 3 written 3.5 (a slip); ∂L/∂h = 3.5 · 1; ∂L/∂b = 3.5 · 2 + 3.5 · 1 = 10.5.
    let network = "input x = 2\ntarget t = 0\nparam b = 1\nh = x * b\ng = h + b\nL = 1/2 * (g - t)^2\nloss L\n"
    let found = try causes(in: network, "doc dg/db = 3\ndoc dL/dg = 3.5\ndoc dL/db = 10.5\n")
    #expect(found["dg/db"] == nil)
    #expect(found["dL/dg"]?.cause == .slip)
    #expect(found["dL/db"]?.cause == .carried)
  }

  @Test func theSeedsTruncationBeatsAWideCarry() throws {
    // ∂E/∂w5 = 0.082167 cut to 4 decimals is 0.0821; from the two-digit out_o1 = 0.75 the
    // inputs allow about 0.0814 to 0.0874, sixty units of the last digit wide.
    let walkthrough = try Walkthrough(try #require(try BuiltinExamplesAccess.example(named: "handwritten-222")))
    let line = try #require(walkthrough.lines.first { Notation.ascii.render($0.quantity) == "dE_total/dw5" && $0.document != nil })
    #expect(line.explanation?.cause == .truncated)
    #expect(line.explanation?.alsoFits == .carried)
    #expect(line.explanation?.origins.map { Notation.ascii.render(walkthrough.line($0).quantity) } == ["i1"])
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
