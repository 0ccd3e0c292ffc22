import Testing

@testable import BackpropCore

/// The loss topics' derivations worked by hand, and the walk's choice of topic from the loss's shape.
@Suite struct LossTopicTests {
  func example(_ text: String) throws -> Example {
    try ExampleParser.parse(text, file: "loss.txt")
  }

  @Test func binaryCrossEntropyGivesTheError() throws {
    // z = 0.4: e^(−0.4) = 0.6703200, p = 1/1.6703200 = 0.5986877; ∂L/∂z = p − 1 = −0.4013123.
    let checks = try #require(Topic.named("binary-cross-entropy")).checks()
    #expect(abs(checks[0].left - -0.4013123) < 1e-6)
    // For y = 0 the gradient is p itself.
    #expect(abs(checks[3].left - 0.5986877) < 1e-6)
  }

  @Test func softmaxCrossEntropyGivesTheError() throws {
    // e^1 = 2.7182818, e^2 = 7.3890561, e^0.5 = 1.6487213; s = 11.7560592;
    // p1 = 0.2312239, p2 = 0.6285317: ∂L/∂z1 = 0.2312239, ∂L/∂z2 = 0.6285317 − 1 = −0.3714683.
    let checks = try #require(Topic.named("softmax-cross-entropy")).checks()
    #expect(abs(checks[0].left - 0.2312239) < 1e-6)
    #expect(abs(checks[1].left - -0.3714683) < 1e-6)
  }

  @Test func theLossTopicFollowsTheLossShape() throws {
    let bce = try example(
      "input x = 0.5\nparam w = 0.8\ntarget y = 1\nz = w*x\np = sigmoid(z)\nL = -(y*log(p) + (1 - y)*log(1 - p))\nloss L\n")
    #expect(Topic.lossTopic(of: bce) == "binary-cross-entropy")
    // Through a per-sample loss and with only the log(1 − p) term.
    let nested = try example("input z = 0.5\ntarget y = 0\np = sigmoid(z)\nl = -log(1 - p)\nL = l\nloss L\n")
    #expect(Topic.lossTopic(of: nested) == "binary-cross-entropy")
    let softmax = try example(
      "input z1 = 1\ninput z2 = 2\ntarget y = 1\ns = exp(z1) + exp(z2)\np2 = exp(z2) / s\nL = -y*log(p2)\nloss L\n")
    #expect(Topic.lossTopic(of: softmax) == "softmax-cross-entropy")
    let squared = try example("input x = 2\nparam w = 1\ntarget y = 3\nyhat = w*x\nL = 1/2*(y - yhat)^2\nloss L\n")
    #expect(Topic.lossTopic(of: squared) == "loss")
    // A logarithm of something that is neither: no topic, rather than the squared error's.
    let other = try example("input x = 2\nparam w = 1\ntarget y = 3\nyhat = w*x\nL = log(1 + (y - yhat)^2)\nloss L\n")
    #expect(Topic.lossTopic(of: other) == nil)
  }
}

/// The digits a quiz answer carries.
@Suite struct SignificantDigitTests {
  @Test(arguments: [("0.00150", 3), ("108", 3), ("0", 0), ("0.0", 0), ("-0.32", 2), ("3.5102e-05", 5), (".5", 1)])
  func significantDigits(text: String, digits: Int) throws {
    let number = try #require(PrintedNumber(text))
    #expect(Quiz.significantDigits(number) == digits)
  }
}
