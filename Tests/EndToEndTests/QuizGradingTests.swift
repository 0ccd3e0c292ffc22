import Foundation
import Testing

/// The quiz grades like a teacher: enough digits, carried answers, and a score to export.
@Suite struct QuizGradingTests {
  @Test func anAnswerNeedsThreeSignificantDigits() throws {
    // single-neuron, backward part: ∂L/∂ŷ = ŷ − y = 0.579324 − 1 = −0.420676, then
    // ∂ŷ/∂z = ŷ(1 − ŷ) = 0.579324 · 0.420676 = 0.243708, which the document printed as 0.2425.
    // Nine backward questions: ∂L/∂ŷ, ∂ŷ/∂z, ∂L/∂z, and ∂z/∂p, ∂L/∂p for p = w1, w2, b.
    // 0 and 0.2 are within half a unit of their last digit, but too rough to count.
    let result = try Tool.run(["quiz", "single-neuron", "--part", "backward"], input: "-0.421\n0\n0.2\n0.244\n")
    #expect(result.stdout.contains("✓ right (∂L/∂ŷ = −0.420676)"))
    #expect(result.stdout.contains("✗ 0 is too rough: give at least 3 significant digits."))
    #expect(result.stdout.contains("✗ 0.2 is too rough: give at least 3 significant digits."))
    #expect(result.stdout.contains("Score: 2 of 9 right (1 after a hint or a retry)."))
  }

  @Test func asFewDigitsAsTheDocumentPrintedAreEnough() throws {
    // z = 0.2·0.5 + 0.4·0.3 + 0.1 = 0.32; the document printed z with two digits (0.35),
    // so 0.32 is enough, and 0.3 is not.
    let rough = try Tool.run(["quiz", "single-neuron"], input: "0.3\n0.32\n")
    #expect(rough.stdout.contains("✗ 0.3 is too rough: give at least 2 significant digits."))
    #expect(rough.stdout.contains("Score: 1 of 18 right (1 after a hint or a retry)."))
  }

  @Test func anExactAnswerNeedsNoMoreDigits() throws {
    // simple-chain: h = x·w1 = 2·2 = 4 exactly; one digit is the whole value.
    let result = try Tool.run(["quiz", "simple-chain"], input: "4\n")
    #expect(result.stdout.contains("Score: 1 of 15 right."))
  }

  @Test func theScoreAsAJSONRecord() throws {
    // simple-chain: h = 4 right; ŷ = h·w2 = 4·0.5 = 2, answered 3 (wrong) then 2; L skipped; then the input ends.
    let result = try Tool.run(["quiz", "simple-chain", "--json"], input: "4\n3\n2\ns\n")
    #expect(result.status == 0)
    #expect(result.stderr.contains("[1/15] h = ?"))
    let record = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(record["example"] as? String == "simple-chain")
    #expect(record["questions"] as? Int == 15)
    #expect(record["right"] as? Int == 1)
    #expect(record["rightAfterHints"] as? Int == 1)
    #expect(record["carried"] as? Int == 0)
    #expect(record["missed"] as? Int == 1)
    #expect(record["unanswered"] as? Int == 12)
    let answers = try #require(record["answers"] as? [[String: Any]])
    #expect(answers.count == 15)
    #expect(answers[0]["quantity"] as? String == "h")
    #expect(answers[0]["value"] as? Double == 4)
    #expect(answers[0]["answer"] as? String == "4")
    #expect(answers[0]["verdict"] as? String == "right")
    #expect(answers[1]["answer"] as? String == "2")
    #expect(answers[1]["verdict"] as? String == "right-after-hints")
    #expect(answers[2]["verdict"] as? String == "missed")
    #expect(answers[3]["answer"] is NSNull)
    #expect(answers[3]["verdict"] as? String == "unanswered")
  }

  @Test func aCarriedAnswerIsInTheRecord() throws {
    // z = 0.35 three times (missed), then ŷ = σ(0.35) = 0.5866: right given that z.
    let result = try Tool.run(["quiz", "single-neuron", "--json"], input: "0.35\n0.35\n0.35\n0.5866\n")
    #expect(result.stderr.contains("right given your z: a carried error"))
    let record = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(record["carried"] as? Int == 1)
    let answers = try #require(record["answers"] as? [[String: Any]])
    #expect(answers[1]["quantity"] as? String == "yhat")
    #expect(answers[1]["verdict"] as? String == "carried")
  }
}
