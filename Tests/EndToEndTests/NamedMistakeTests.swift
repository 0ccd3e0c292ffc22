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
}
