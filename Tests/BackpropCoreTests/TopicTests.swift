import Testing

@testable import BackpropCore

/// Every derivation `explain` shows is checked numerically, and the checks hold.
@Suite struct TopicTests {
  @Test(arguments: Topic.all.map(\.name))
  func everyCheckHolds(name: String) throws {
    let topic = try #require(Topic.named(name))
    let checks = try topic.checks()
    #expect(checks.count >= 2)
    for check in checks {
      #expect(check.holds, "\(name): \(check.description): \(check.left) vs \(check.right)")
    }
  }

  @Test func aCheckThatShouldNotHoldDoesNot() {
    // The rule itself decides: σ'(0.5) ≈ 0.235 is not 0.25.
    #expect(!Topic.Check(description: "wrong", left: 0.2350037, right: 0.25).holds)
  }

  @Test func theSigmoidTopicMatchesTheRule() throws {
    // σ(0.5) = 0.6224593; σ'(0.5) = 0.6224593 · 0.3775407 = 0.2350037, worked by hand.
    let checks = try #require(Topic.named("sigmoid")).checks()
    #expect(abs(checks[0].left - 0.2350037) < 1e-7)
  }
}
