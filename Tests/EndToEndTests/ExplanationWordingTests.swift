import Foundation
import Testing

/// Explanations say something: never "x = x, not y" or "0.5 = 0.5, which matches 0.5".
@Suite struct ExplanationWordingTests {
  /// "A = A," with the same A on both sides of the equals sign.
  static func saysNothing(_ text: String) -> Bool {
    text.split(separator: "\n").contains { line in
      guard let range = line.range(of: "inputs, ") else { return false }
      let rest = line[range.upperBound...]
      guard let equals = rest.range(of: " = ") else { return false }
      let left = rest[..<equals.lowerBound]
      let right = rest[equals.upperBound...].prefix { $0 != "," }
      return left == right
    }
  }

  @Test func aBareNameSaysWhatItIs() throws {
    // ∂ŷ/∂w2·h: ∂ŷ/∂h = w2 = 0.3 (given), printed 0.35.
    let text = """
      input x = 2
      param w1 = 0.5
      param w2 = 0.3
      target y = 1
      rate eta = 0.1
      h = sigmoid(w1*x)
      yhat = w2*h
      L = 1/2*(yhat - y)^2
      loss L
      doc dyhat/dh = 0.35
      """
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("bare.txt")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let result = try Tool.run(["check", file.path])
    #expect(result.stdout.contains("slip: it is w2, 0.3 in the document, not 0.35"))
    #expect(!Self.saysNothing(result.stdout))
  }

  @Test(arguments: ["shared-bias", "single-neuron", "handwritten-222", "sum-of-inputs", "sigmoid-hidden"])
  func noBuiltInExplanationSaysNothing(name: String) throws {
    for arguments in [["check", name], ["check", name, "--round", "0"], ["check", name, "--round", "4"]] {
      let result = try Tool.run(arguments)
      #expect(!Self.saysNothing(result.stdout), "\(arguments)")
    }
  }

  /// A value after training is said as what it is. w1 after 1, 2, 3 steps of simple-chain
  /// (x = 2, y = 20, w1 = 2, w2 = 0.5, α = 0.01): 2.18, 2.53821, 2.93097 (worked out by
  /// hand-coding the three updates w ← w − α·∂L/∂w).
  @Test func aValueAfterTrainingSaysHowManySteps() throws {
    let text =
      "input x = 2\ntarget y = 20\nparam w1 = 2\nparam w2 = 0.5\nrate alpha = 0.01\nh = x * w1\nyhat = h * w2\nL = 1/2 * (y - yhat)^2\nloss L\n"
      + "doc w1@3 = 3.1\ndoc w2@3 = 1.8601\n"
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("trained.txt")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let result = try Tool.run(["check", file.path])
    #expect(result.stdout.contains("slip: w1 after 3 steps of gradient descent is 2.93097, not 3.1"), "\(result.stdout)")
    // w2 after 2 steps is 0.5 → 1.22 → 1.86008: the value one step early, named.
    #expect(result.stdout.contains("mistake: 1.8601 is w2 after 2 steps; after 3 steps it is"), "\(result.stdout)")
    #expect(!Self.saysNothing(result.stdout))
  }
}
