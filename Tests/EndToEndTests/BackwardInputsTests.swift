import Foundation
import Testing

/// The backward pass reaches every input the document differentiates: ∂f/∂x0 of a neuron
/// with trainable weights comes by the chain rule, like the weights' gradients.
@Suite struct BackwardInputsTests {
  /// The CS231n neuron f = σ(w0·x0 + w1·x1 + w2) at w = (2, −3, −3), x = (−1, −2):
  /// z = −2 + 6 − 3 = 1, ∂f/∂z = σ(1)(1 − σ(1)) = 0.196612, ∂f/∂x0 = ∂f/∂z · w0 = 0.393224,
  /// ∂f/∂x1 = ∂f/∂z · w1 = −0.589836.
  static let neuron = """
    input x0 = -1
    input x1 = -2
    param w0 = 2
    param w1 = -3
    param w2 = -3
    rate alpha = 0.1
    z = w0*x0 + w1*x1 + w2
    f = sigmoid(z)
    loss f
    doc df/dx0 = 0.39
    doc df/dx1 = -0.59
    doc df/dw0 = -0.2

    """

  @Test func anInputsGradientComesByTheChainRule() throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("neuron.txt")
    try Self.neuron.write(to: file, atomically: true, encoding: .utf8)
    let result = try Tool.run(["walk", file.path, "--json"])
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let steps = object?["steps"] as? [[String: Any]] ?? []
    let sigma = 1 / (1 + exp(-1.0))
    for (input, weight) in [("x0", 2.0), ("x1", -3.0)] {
      let step = try #require(steps.first { $0["quantity"] as? String == "df/d\(input)" })
      #expect(step["section"] as? String == "backward")
      #expect(step["kind"] as? String == "chain rule")
      #expect(step["formula"] as? String == "df/dz * dz/d\(input)")
      #expect(abs((step["value"] as? Double ?? 0) - sigma * (1 - sigma) * weight) < 1e-12)
      #expect(step["verdict"] as? String == "agree")
      let local = try #require(steps.first { $0["quantity"] as? String == "dz/d\(input)" })
      #expect(local["value"] as? Double == weight)
    }
    // Not asked for, a target or an input stays out of the backward pass.
    let plain = Self.neuron.replacingOccurrences(of: "doc df/dx0 = 0.39\ndoc df/dx1 = -0.59\n", with: "")
    try plain.write(to: file, atomically: true, encoding: .utf8)
    let without = try Tool.run(["walk", file.path, "--json"])
    #expect(!without.stdout.contains("\"df/dx0\""))
  }
}
