import Foundation
import Testing

@testable import BackpropCore

/// The answer key: its generator, its variants, the differences from its network, and
/// submissions judged by it.
@Suite struct AnswerKeyTests {
  static let key = """
    title: One sigmoid neuron
    input  x1 = 0.5
    input  x2 = 0.8
    target y = 1
    param  w1 = 0.4
    param  w2 = -0.6
    const  b = 0.1
    rate   LR = 0.5
    z = x1*w1 + x2*w2 + b
    yhat = sigmoid(z)
    L = 1/2 * (y - yhat)^2
    loss L
    doc z = -0.18
    doc yhat = 0.455121
    doc w1' = 0.433780
    """

  /// The published reference outputs of splitmix64.c for seed 1234567 (Rosetta Code,
  /// "Pseudo-random numbers/Splitmix64"), and the first output for seed 0.
  @Test func splitMix64MatchesTheReferenceOutputs() {
    var generator = SplitMix64(seed: 1_234_567)
    let expected: [UInt64] = [
      6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423, 4_593_380_528_125_082_431,
      16_408_922_859_458_223_821,
    ]
    #expect((0..<5).map { _ in generator.next() } == expected)
    var zero = SplitMix64(seed: 0)
    #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
  }

  @Test func drawsInARangeCoverItEvenly() {
    var generator = SplitMix64(seed: 7)
    var counts = [Int](repeating: 0, count: 5)
    for _ in 0..<5000 { counts[generator.next(in: -2...2) + 2] += 1 }
    // 1000 expected each; 4 standard deviations (about 113) either side.
    #expect(counts.allSatisfy { abs($0 - 1000) < 120 })
    #expect(generator.next(in: 3...3) == 3)
  }

  func givens(_ key: AnswerKey) -> [String: Double] {
    Dictionary(uniqueKeysWithValues: key.example.leaves.map { ($0.name, $0.value) })
  }

  @Test func aVariantDrawsGivensOnTheGridWithinHalfTheKeysValues() throws {
    let key = try AnswerKey(text: Self.key, file: "key.txt")
    let original = givens(key)
    var differing = 0
    for number in 0..<40 {
      let variant = try key.variant(number)
      #expect(variant.variant == number)
      let drawn = givens(variant)
      // Targets and the learning rate are the task: kept.
      #expect(drawn["y"] == 1)
      #expect(drawn["LR"] == 0.5)
      for name in ["x1", "x2", "w1", "w2", "b"] {
        let value = drawn[name]!
        let base = original[name]!
        #expect(abs(value * 100 - (value * 100).rounded()) < 1e-9, "\(name) = \(value) is not in hundredths")
        #expect(abs(value - base) <= abs(base) / 2 + 1e-12, "\(name) = \(value) is not within 50% of \(base)")
        if value != base { differing += 1 }
      }
      // The same number, the same variant.
      #expect(try key.variant(number).text == variant.text)
    }
    #expect(differing > 150)
  }

  /// w = 0.40 drawn within ±50% gives 0.20 ... 0.60 (41 values); 1/(w − 0.3) is undefined at
  /// 0.30, and log(w − 0.25) at or below 0.25: such draws are drawn again.
  @Test func aDrawThatMakesAStepUndefinedIsDrawnAgain() throws {
    let text = """
      input x = 1
      param w = 0.4
      z = x / (w - 0.3) + log(w - 0.25)
      loss z
      """
    let key = try AnswerKey(text: text, file: "key.txt")
    var values: Set<Double> = []
    for number in 0..<300 {
      let w = givens(try key.variant(number))["w"]!
      #expect(w > 0.25 && w != 0.3)
      values.insert(w)
    }
    // 0.26 ... 0.60 without 0.30: 34 values, most of them drawn.
    #expect(values.count > 25)
  }

  /// x = 0.004 and c = 0.0001 have no hundredth within ±50% of them: drawn on the grid of
  /// their 2 significant digits, 0.0020 ... 0.0060 and 0.000050 ... 0.000150, never 0.
  @Test func aSmallGivenIsDrawnOnTheGridOfItsSignificantDigits() throws {
    let text = "input x = 0.004\nconst c = 0.0001\nparam w = 0.5\ny = x * w + c\nloss y\ndoc y =\n"
    let key = try AnswerKey(text: text, file: "key.txt")
    var xs: Set<Double> = []
    var cs: Set<Double> = []
    for number in 0..<60 {
      let drawn = givens(try key.variant(number))
      let x = drawn["x"]!
      let c = drawn["c"]!
      #expect(x >= 0.002 - 1e-15 && x <= 0.006 + 1e-15, "x = \(x)")
      #expect(abs(x * 10_000 - (x * 10_000).rounded()) < 1e-9, "x = \(x) is not in units of 0.0001")
      #expect(c >= 0.00005 - 1e-15 && c <= 0.00015 + 1e-15, "c = \(c)")
      #expect(abs(c * 100_000 - (c * 100_000).rounded()) < 1e-9, "c = \(c) is not in units of 0.00001")
      xs.insert(x)
      cs.insert(c)
      #expect(try key.variant(number).text == (try key.variant(number)).text)
    }
    // 41 and 11 values on the grids.
    #expect(xs.count > 20 && cs.count > 6)
    // Written as decimals on the worksheet, which reads them back as the drawn values.
    let sheet = try key.worksheet(variant: 1)
    #expect(!sheet.contains("e-"))
    var generator = SplitMix64(seed: 0)
    #expect(AnswerKey.draw(near: 0, with: &generator) == nil)
  }

  /// The power of ten of a value's first digit, exact at the powers of ten themselves.
  @Test func theDecimalExponentOfAValue() {
    let cases: [(Double, Int)] = [(0.001, -3), (0.0099, -3), (0.01, -2), (-0.004, -3), (1, 0), (999, 2), (1000, 3), (0.0001, -4)]
    for (value, exponent) in cases { #expect(AnswerKey.decimalExponent(of: value) == exponent, "\(value)") }
  }

  /// A given written as a formula (1/4) is kept as its value, 0.250, not as the formula.
  @Test func aGivenWrittenAsAFormulaIsKeptAsItsValue() throws {
    let key = try AnswerKey(text: "input x = 1/4\nparam w = 2\ny = x * w\nloss y\ndoc x = 0.3\n", file: "key.txt")
    #expect(try key.worksheet(keeping: ["x"]).contains("\ndoc x = 0.250\n"))
  }

  /// a = log(0.000001 − (x − 1)²) is defined only at x = 1, which a draw on 0.50 ... 1.50 seldom
  /// gives, and b and c likewise: no variant; the error points at a's line and names it.
  @Test func noVariantPointsAtTheStepThatWasUndefined() throws {
    let text = """
      input x = 1
      param w = 0.4
      input v = 2
      a = log(0.000001 - (x - 1)^2)
      b = log(0.000001 - (w - 0.4)^2)
      c = log(0.000001 - (v - 2)^2)
      z = a + b + c + x * w
      loss z
      """
    let key = try AnswerKey(text: text, file: "key.txt")
    do {
      _ = try key.variant(1)
      Issue.record("a variant was drawn")
    } catch let error as ExampleError {
      #expect(error.location.line == 4)
      #expect(error.message.hasPrefix("no variant 1: 1000 draws of the givens all made a step undefined"))
      #expect(error.message.contains(": a takes the log of a negative number"))
    }
  }

  @Test func theWorksheetBlanksEveryValueAndKeepsTheNamedOnes() throws {
    let key = try AnswerKey(text: Self.key, file: "key.txt")
    let sheet = try key.worksheet(keeping: ["yhat"])
    #expect(sheet.contains("\ndoc z =\n"))
    #expect(sheet.contains("\ndoc yhat = 0.455121\n"))
    #expect(sheet.contains("\ndoc w1' =\n"))
    #expect(!sheet.contains("variant"))
    // For a variant, a kept value is the variant's, to the key's decimals: σ(z) of its givens.
    let variant = try key.variant(5)
    let g = givens(variant)
    let z = g["x1"]! * g["w1"]! + g["x2"]! * g["w2"]! + g["b"]!
    let yhat = 1 / (1 + exp(-z))
    let sheet5 = try key.worksheet(variant: 5, keeping: ["yhat"])
    #expect(sheet5.hasPrefix("# variant: 5\n"))
    #expect(sheet5.contains("\ndoc yhat = \(String(format: "%.6f", yhat))\n"))
    #expect(throws: AnswerKey.UnknownDocumentLine.self) { try key.worksheet(keeping: ["q"]) }
  }

  /// A key made from a document prints the document's slips (x1 = 5, z = -0.8): a kept
  /// value is the right one for the worksheet's givens, so that the worksheet checks clean.
  @Test func aKeptValueIsTheRightOneNotTheKeysSlip() throws {
    let slipped = Self.key.replacingOccurrences(of: "doc z = -0.18", with: "doc x1 = 5\ndoc z = -0.8")
    let key = try AnswerKey(text: slipped, file: "key.txt")
    let sheet = try key.worksheet(keeping: ["x1", "z"])
    // A given as declared; z = 0.5·0.4 + 0.8·(−0.6) + 0.1 = −0.18, to 3 significant digits.
    #expect(sheet.contains("\ndoc x1 = 0.5\n"))
    #expect(sheet.contains("\ndoc z = -0.180\n"))
    let checked = try key.judge(sheet, file: "sheet.txt")
    #expect(checked.differences.isEmpty)
    #expect(checked.walkthrough.summary.differ == 0 && checked.walkthrough.summary.agree == 2)
    // For a variant, the variant's own given, exactly as its worksheet declares it.
    let variant = try key.variant(3)
    let x1 = variant.example.leaves.first { $0.name == "x1" }!.text
    let sheet3 = try key.worksheet(variant: 3, keeping: ["x1"])
    #expect(sheet3.contains("\ninput  x1 = \(x1)\n") || sheet3.contains("\ninput x1 = \(x1)\n"))
    #expect(sheet3.contains("\ndoc x1 = \(x1)\n"))
  }

  /// x = 0.06, w = 0.15: y = 0.009, which the key's 2 decimals would print as 0.01; kept
  /// to 3 significant digits, 0.00900. A value the key prints with more decimals keeps them.
  @Test func aKeptValueHasAtLeastThreeSignificantDigits() throws {
    let text = "input x = 0.06\nparam w = 0.15\ny = x * w\nz = y + 10\nloss z\ndoc y = 0.01\ndoc z = 10.00900\n"
    let key = try AnswerKey(text: text, file: "key.txt")
    let sheet = try key.worksheet(keeping: ["y", "z"])
    #expect(sheet.contains("\ndoc y = 0.00900\n"))
    #expect(sheet.contains("\ndoc z = 10.00900\n"))
    #expect(AnswerKey.kept(0.4551208, decimals: 2) == "0.455")
    #expect(AnswerKey.kept(154.876, decimals: 2) == "154.88")
    #expect(AnswerKey.kept(0, decimals: 2) == "0.00")
  }

  @Test func differencesFromTheKeysNetworkAreLocated() throws {
    let key = try AnswerKey(text: Self.key, file: "key.txt")
    let submission = Self.key.replacingOccurrences(of: "param  w1 = 0.4", with: "param  w1 = 0.45")
      .replacingOccurrences(of: "const  b = 0.1", with: "param  b = .1")
      .replacingOccurrences(of: "z = x1*w1 + x2*w2 + b", with: "z = x1*w1 + x2*w1 + b")
    let judgement = try key.judge(submission, file: "hw.txt")
    #expect(
      judgement.differences.map { "\($0.location.line): \($0.message)" } == [
        "5: w1 = 0.45, the key has 0.4",
        "7: b is declared 'param', the key has 'const b'",
        "9: z = x1 * w1 + x2 * w1 + b, the key has x1 * w1 + x2 * w2 + b",
      ])
    #expect(!judgement.agrees)
  }

  /// An equation that computes the same function is the key's, however it is written: the
  /// terms of a sum or the factors of a product in another order, ½ as 0.5 or 1/2, a square
  /// of the difference either way round. A difference in what it computes is reported.
  @Test func anEquationThatComputesTheSameIsTheKeys() throws {
    let key = try AnswerKey(text: Self.key, file: "key.txt")
    let keyLoss = "L = 1/2 * (y - yhat)^2"
    for same in [
      "z = b + w2*x2 + w1*x1", "z = (w1*x1 + b) + x2*w2",
    ] {
      let submission = Self.key.replacingOccurrences(of: "z = x1*w1 + x2*w2 + b", with: same)
      #expect(try key.judge(submission, file: "hw.txt").differences.isEmpty, "\(same)")
    }
    for same in ["L = 0.5 * (y - yhat)^2", "L = (yhat - y)^2 / 2", "L = 1/2 * (yhat - y)*(yhat - y)"] {
      let submission = Self.key.replacingOccurrences(of: keyLoss, with: same)
      #expect(try key.judge(submission, file: "hw.txt").differences.isEmpty, "\(same)")
    }
    for other in [
      "L = 1/2 * (yhat - y)", "L = 1/2 * (y - yhat)^3", "L = (y - yhat)^2", "L = 1/2 + (y - yhat)^2",
    ] {
      let submission = Self.key.replacingOccurrences(of: keyLoss, with: other)
      let judgement = try key.judge(submission, file: "hw.txt")
      #expect(judgement.differences.map(\.location.line) == [11], "\(other)")
    }
    let abs = Self.key.replacingOccurrences(of: "z = x1*w1 + x2*w2 + b", with: "z = abs(x1*w1 + x2*w2 + b)")
    #expect(try key.judge(abs, file: "hw.txt").differences.map(\.location.line) == [9])
  }

  /// A student who renamed z to s: the renamed equations and the `doc` line that reads s are
  /// differences from the key, located in the student's file, and the other values are
  /// still judged. A file of `doc` lines alone has no network to rename: there it is an error.
  @Test func aRenamedQuantityIsADifferenceAndTheRestIsJudged() throws {
    let key = try AnswerKey(text: Self.key, file: "key.txt")
    let submission = Self.key.replacingOccurrences(of: "z = x1*w1", with: "s = x1*w1")
      .replacingOccurrences(of: "sigmoid(z)", with: "sigmoid(s)").replacingOccurrences(of: "doc z =", with: "doc s =")
    let judgement = try key.judge(submission, file: "hw.txt")
    let lines = judgement.differences.map(\.location.line)
    #expect(lines == lines.sorted())
    #expect(judgement.differences.contains { $0.location.line == 13 && $0.message.hasPrefix("'doc s = -0.18' is not judged") })
    // ŷ = σ(0.5·0.4 + 0.8·(−0.6) + 0.1) = σ(−0.18) = 0.455121 agrees; w1′ is judged too (the
    // key prints 0.433780 where 0.4 − 0.5·(−0.0675611) = 0.4337806 rounds to 0.433781).
    #expect(judgement.walkthrough.summary.agree == 1)
    #expect(judgement.walkthrough.summary.differ == 1)
    #expect(throws: ExampleError.self) { try key.judge("doc s = -0.18\ndoc yhat = 0.455121\n", file: "sheet.txt") }
  }

  /// Only `doc` lines: the key supplies the network, and the lines keep their numbers.
  @Test func aFileOfDocLinesIsJudgedByTheKeysNetwork() throws {
    let key = try AnswerKey(text: Self.key, file: "key.txt")
    // z = 0.5·0.4 + 0.8·(−0.6) + 0.1 = −0.18; σ(−0.18) = 0.4551208..., not 0.47
    let judgement = try key.judge("# my homework\ndoc z = -0.18\n\ndoc yhat = 0.47\n", file: "hw.txt")
    #expect(judgement.differences.isEmpty)
    #expect(judgement.walkthrough.summary == Walkthrough.Summary(agree: 1, differ: 1, notPrinted: judgement.walkthrough.summary.notPrinted))
    let differing = judgement.walkthrough.lines.first { $0.verdict != .agree && $0.document != nil }
    #expect(differing?.document?.location.line == 4)
    #expect(throws: ExampleError.self) { try key.judge("doc q = 1\n", file: "hw.txt") }
    #expect(throws: ExampleError.self) { try key.judge("# variant: x\ndoc z = 1\n", file: "hw.txt") }
  }
}
