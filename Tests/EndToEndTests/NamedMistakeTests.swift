import Foundation
import Testing

/// `check`, `walk --json` and `quiz` name the mistake that reproduces a student's number,
/// with the rule and the value it should have been.
@Suite struct NamedMistakeTests {
  /// A tanh neuron: z = w·x = 0.3, y = tanh(0.3) = 0.291313. The student's 0.2064 is
  /// y(1 − y) = 0.291313 · 0.708687 = 0.206449, the sigmoid's derivative; the tanh's is
  /// 1 − y² = 1 − 0.084863 = 0.915137.
  static let tanh = "input x = 1\nparam w = 0.3\ntarget t = 1\nz = w * x\ny = tanh(z)\nL = 1/2 * (t - y)^2\nloss L\n"

  static func file(_ text: String) throws -> String {
    let url = try Tool.temporaryDirectory().appendingPathComponent("homework.txt")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func checkNamesTheSigmoidDerivativeUsedForTanh() throws {
    let path = try Self.file(Self.tanh + "doc dy/dz = 0.2064\n")
    let result = try Tool.run(["check", path, "--ascii"])
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "mistake: 0.2064 is y(1 - y), the sigmoid's derivative; this neuron is tanh, so dy/dz = 1 - y^2 = 0.915137"),
      "\(result.stdout)")
  }

  @Test func jsonGivesTheMistakesKindTextAndValue() throws {
    let path = try Self.file(Self.tanh + "doc dy/dz = 0.2064\n")
    let result = try Tool.run(["walk", path, "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let steps = object?["steps"] as? [[String: Any]] ?? []
    let step = try #require(steps.first { $0["mistake"] != nil })
    let mistake = try #require(step["mistake"] as? [String: Any])
    #expect(mistake["kind"] as? String == "wrong-activation-derivative")
    #expect(abs((mistake["value"] as? Double ?? 0) - 0.915137) < 1e-6)
    #expect(step["cause"] as? String == "slip")
  }

  /// The handout's ∂L/∂w4 = −0.00150 for a gradient of +0.0014996: the sign flipped.
  @Test func theSharedBiasHandoutsSignIsNamed() throws {
    let result = try Tool.run(["check", "shared-bias", "--ascii"])
    #expect(result.stdout.contains("mistake: -0.00150 has the sign flipped"), "\(result.stdout)")
  }

  /// The quiz gives the named mistake as its hint.
  @Test func theQuizHintNamesTheMistake() throws {
    let path = try Self.file(Self.tanh)
    let result = try Tool.run(["quiz", path, "--part", "backward", "--ascii"], input: "s\n0.2064\ns\ns\ns\ns\n")
    #expect(result.stdout.contains("0.2064 is y(1 - y), the sigmoid's derivative; this neuron is tanh"), "\(result.stdout)")
  }

  /// The 2-2-2 net of Examples/handwritten-222.txt without its document values.
  static func twoTwoTwo() throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples/handwritten-222.txt")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    return lines.filter { !$0.hasPrefix("doc") }.joined(separator: "\n") + "\n"
  }

  /// The classic mistake with the 2-2-2 net. With δo1 = (out_o1 − t1)·out_o1(1 − out_o1) =
  /// 0.138499 and δo2 = −0.0380982, ∂E/∂out_h1 = δo1·w5 + δo2·w7 = 0.0553996 − 0.0190491 =
  /// 0.0363503. With the updated w5′ = 0.4 − 0.5·δo1·out_h1 = 0.358916 and w7′ = 0.511301 it
  /// is 0.138499·0.358916 − 0.0380982·0.511301 = 0.0302297, printed 0.0302.
  @Test func theUpdatedWeightsInTheBackwardPassAreNamed() throws {
    let path = try Self.file(try Self.twoTwoTwo() + "doc dE_total/dout_h1 = 0.0302\ndoc dE_total/dw1 = 0.000365\n")
    let result = try Tool.run(["check", path, "--ascii"])
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "mistake: 0.0302 uses the updated w5' = 0.358916 and w7' = 0.511301; the backward pass uses the weights of the forward pass, w5 = 0.4 and w7 = 0.5, which gives 0.0363503"
      ), "\(result.stdout)")
    // ∂E/∂w1 = ∂E/∂out_h1 · out_h1(1 − out_h1) · i1 follows from the printed 0.0302: carried.
    #expect(result.stdout.contains("carried from dE_total/dout_h1 (line"), "\(result.stdout)")
  }

  /// The neighbouring weight as the local derivative: ∂net_o1/∂out_h1 is w5 = 0.40, and
  /// 0.45 is w6, the weight on out_h2.
  @Test func theNeighbouringWeightAsALocalDerivativeIsNamed() throws {
    let path = try Self.file(try Self.twoTwoTwo() + "doc dnet_o1/dout_h1 = 0.45\n")
    let result = try Tool.run(["walk", path, "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let steps = object?["steps"] as? [[String: Any]] ?? []
    let step = try #require(steps.first { $0["mistake"] != nil })
    let mistake = try #require(step["mistake"] as? [String: Any])
    #expect(step["quantity"] as? String == "dnet_o1/dout_h1")
    #expect(mistake["kind"] as? String == "swapped-operands")
    #expect(mistake["value"] as? Double == 0.4)  // the value it should have been
  }

  /// simple-chain trained: w1 = 2 before training, 2 − 0.01 · (−18) = 2.18 after one step.
  @Test func theValueBeforeTrainingIsNamed() throws {
    let text =
      "input x = 2\ntarget y = 20\nparam w1 = 2\nparam w2 = 0.5\nrate alpha = 0.01\nh = x * w1\nyhat = h * w2\nL = 1/2 * (y - yhat)^2\nloss L\n"
    let path = try Self.file(text + "doc w1@1 = 2.00\n")
    let result = try Tool.run(["check", path, "--ascii"])
    #expect(result.stdout.contains("mistake: 2.00 is w1 before training; after 1 step it is 2.18"), "\(result.stdout)")
  }

  /// A coarse value fits many mistakes: at most two are named, the closest first. With
  /// ∂E/∂out_o2 and ∂out_o2/∂net_o2 both printed 0.1, ∂E/∂net_o2 from the document's
  /// inputs is 0.1 · 0.1 = 0.01; a printed 0.1 is then reproduced exactly by leaving out
  /// the activation's derivative, by leaving out the other factor, and by shifting the
  /// decimal point of 0.01: three fits, two named.
  @Test func aCoarseValueNamesAtMostTwoMistakes() throws {
    let doc = "doc dE_total/dout_o2 = 0.1\ndoc dout_o2/dnet_o2 = 0.1\ndoc dE_total/dnet_o2 = 0.1\n"
    let path = try Self.file(try Self.twoTwoTwo() + doc)
    let result = try Tool.run(["walk", path, "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let steps = object?["steps"] as? [[String: Any]] ?? []
    let step = try #require(steps.first { $0["quantity"] as? String == "dE_total/dnet_o2" && $0["document"] != nil })
    let kinds = (step["mistakes"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    #expect(kinds == ["activation-derivative-left-out", "factor-left-out"])
  }
}
