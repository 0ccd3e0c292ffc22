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
}
