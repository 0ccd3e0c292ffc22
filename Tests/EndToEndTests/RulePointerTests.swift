import Foundation
import Testing

/// `check` points to the rule of each kind of step, like `walk`; the loss's topic follows its shape.
@Suite struct RulePointerTests {
  /// A sigmoid neuron with binary cross-entropy: z = 0.8 · 0.5 = 0.4, p = σ(0.4) = 0.598688,
  /// ∂L/∂p = −1/p = −1.67032, ∂p/∂z = p(1 − p) = 0.240261, ∂L/∂z = p − y = −0.401312.
  static let neuron = """
    input x = 0.5
    param w = 0.8
    target y = 1
    rate eta = 0.1
    z = w*x
    p = sigmoid(z)
    L = -(y*log(p) + (1 - y)*log(1 - p))
    loss L
    doc z = 0.4
    doc p = 0.5987
    doc dL/dp = -1.5
    doc dp/dz = 0.25
    doc dL/dz = -0.5
    doc dL/dw = -0.25
    """

  func run(_ arguments: [String], _ text: String) throws -> Tool.Result {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("neuron.txt")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return try Tool.run([arguments[0], file.path] + arguments.dropFirst())
  }

  @Test func checkPointsOncePerKindOfStep() throws {
    let result = try run(["check"], Self.neuron)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    // ∂L/∂p (the loss's derivative), ∂p/∂z (the sigmoid's) and ∂L/∂z (the chain rule) each get
    // their pointer under their own line; ∂L/∂w, a second chain-rule step, gets none.
    for (quantity, topic) in [("∂L/∂p =", "binary-cross-entropy"), ("∂p/∂z =", "sigmoid"), ("∂L/∂z =", "chain-rule")] {
      let index = try #require(lines.firstIndex { $0.contains(quantity) })
      #expect(lines[index + 2] == "      (why: backprop-tutor explain \(topic))", "\(quantity)")
    }
    #expect(result.stdout.components(separatedBy: "explain chain-rule").count == 2)
    #expect(!result.stdout.contains("explain loss)"))
  }

  @Test func walkPointsToTheCrossEntropyTopic() throws {
    let result = try run(["walk"], Self.neuron)
    #expect(result.stdout.contains("(why: backprop-tutor explain binary-cross-entropy)"))
    #expect(!result.stdout.contains("(why: backprop-tutor explain loss)"))
    // A squared error still points to its own topic.
    let squared = Self.neuron.replacingOccurrences(of: "-(y*log(p) + (1 - y)*log(1 - p))", with: "1/2*(y - p)^2")
      .replacingOccurrences(of: "doc dL/dp = -1.5\n", with: "")
    #expect(try run(["walk"], squared).stdout.contains("(why: backprop-tutor explain loss)"))
  }

  @Test func theNewTopicsAreListedAndHold() throws {
    let list = try Tool.run(["explain"])
    for topic in ["binary-cross-entropy", "softmax-cross-entropy", "tanh", "relu"] {
      #expect(list.stdout.contains("  \(topic) "))
      let shown = try Tool.run(["explain", topic, "--ascii"])
      #expect(shown.status == 0)
      #expect(!shown.stdout.contains("  X "))
    }
  }
}
