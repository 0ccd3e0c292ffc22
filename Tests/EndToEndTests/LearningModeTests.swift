import Foundation
import Testing

/// `quiz` with answers piped in, `walk --step` on a pipe, and `explain`.
@Suite struct LearningModeTests {
  /// simple-chain worked by hand, in the quiz's order: h, ŷ, L, ∂L/∂ŷ, ∂ŷ/∂w2, ∂L/∂w2,
  /// ∂ŷ/∂h, ∂L/∂h, ∂h/∂w1, ∂L/∂w1, w2', w1', h', ŷ', L'.
  static let answers = ["4", "2", "162", "-18", "4", "-72", "0.5", "-9", "2", "-18", "1.22", "2.18", "4.36", "5.3192", "107.763"]

  func quiz(_ input: String, _ arguments: [String] = ["quiz", "simple-chain"]) throws -> Tool.Result {
    try Tool.run(arguments, input: input)
  }

  @Test func allRight() throws {
    let result = try quiz(Self.answers.joined(separator: "\n") + "\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("Score: 15 of 15 right."))
    #expect(!result.stdout.contains("Missed"))
  }

  @Test func judgedAtThePrecisionTyped() throws {
    // 107.8 is L' = 107.76294432 to one decimal: right. 108 is right to no decimals; 107.7 is not.
    let prefix = Self.answers.dropLast().joined(separator: "\n") + "\n"
    #expect(try quiz(prefix + "107.8\n").stdout.contains("Score: 15 of 15 right."))
    #expect(try quiz(prefix + "108\n").stdout.contains("Score: 15 of 15 right."))
    #expect(try quiz(prefix + "107.7\n").stdout.contains("not 107.7"))
  }

  @Test func wrongAnswersGetNarrowingHints() throws {
    let result = try quiz("5\n6\n7\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("✗ not 5. Hint: h = x · w1. Try again."))
    #expect(result.stdout.contains("✗ not 6. Hint: h = x · w1 = 2 · 2. Try again."))
    #expect(result.stdout.contains("✗ not 7. The answer: h = 4."))
    #expect(result.stdout.contains("Missed: h."))
    // The end of input ends the quiz cleanly, with the score so far.
    #expect(result.stdout.contains("(end of input)"))
    #expect(result.stdout.contains("Score: 0 of 15 right."))
  }

  @Test func hintsSkipsAndQuit() throws {
    let result = try quiz("f\nh\n4\ns\nq\n")
    #expect(result.stdout.contains("Hint: h = x · w1."))
    #expect(result.stdout.contains("Hint: h = x · w1 = 2 · 2."))
    #expect(result.stdout.contains("The answer: ŷ = 2."))
    #expect(result.stdout.contains("Score: 1 of 15 right (1 after a hint or a retry)."))
    #expect(result.stdout.contains("Missed: ŷ."))
    #expect(result.stdout.contains("[3/15]"))
    #expect(!result.stdout.contains("[4/15]"))
  }

  @Test func aCarriedErrorIsRecognised() throws {
    // z = 0.35 (the handout's slip) three times, then ŷ = σ(0.35) = 0.5866: right given that z.
    let result = try quiz("0.35\n0.35\n0.35\n0.5866\n", ["quiz", "single-neuron"])
    #expect(result.stdout.contains("right given your z: a carried error, not a new one. The exact ŷ is 0.579324."))
    #expect(result.stdout.contains("1 right given your earlier answers (ŷ)"))
  }

  @Test func malformedAnswers() throws {
    let result = try quiz("abc\n\n1e999\n--4\n4\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("'abc' is not a number I can read"))
    #expect(result.stdout.contains("Type a number, or 'f', 'h', 's' or 'q'."))
    #expect(result.stdout.contains("'1e999' is not a number I can read"))
    #expect(result.stdout.contains("'--4' is not a number I can read"))
    #expect(result.stdout.contains("Score: 1 of 15 right."))
  }

  @Test(arguments: 0...15)
  func endOfInputAtEveryStage(answered: Int) throws {
    let input = Self.answers.prefix(answered).map { $0 + "\n" }.joined()
    let result = try quiz(input)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("Score: \(answered) of 15 right."))
  }

  @Test func partsToPractise() throws {
    let result = try quiz("-18\n", ["quiz", "simple-chain", "--part", "backward"])
    #expect(result.stdout.contains("7 questions."))
    #expect(result.stdout.contains("[1/7] ∂L/∂ŷ = ?"))
    let bad = try quiz("", ["quiz", "simple-chain", "--part", "middle"])
    #expect(bad.status == 64)
  }

  @Test func stepDoesNotWaitOnAPipe() throws {
    // stdin is a pipe nobody writes to: a walk that waited for Enter would never end.
    let result = try Tool.run(["walk", "simple-chain", "--step"], input: nil, keepInputOpen: true, timeout: 20)
    #expect(result.status == 0)
    #expect(result.stdout == (try Tool.run(["walk", "simple-chain"])).stdout)
  }

  @Test func explainListsTopicsAndChecksThem() throws {
    let list = try Tool.run(["explain"])
    #expect(list.status == 0)
    for topic in ["derivative", "partial", "chain-rule", "loss", "sigmoid", "tanh", "relu", "update", "shared-bias"] {
      #expect(list.stdout.contains(topic))
      let result = try Tool.run(["explain", topic, "--ascii"])
      #expect(result.status == 0)
      #expect(result.stdout.contains("Checked with the engine"))
      #expect(!result.stdout.contains(" X "), "\(topic): every check holds")
      let isASCII = result.stdout.unicodeScalars.allSatisfy { $0.isASCII }
      #expect(isASCII)
    }
    #expect(try Tool.run(["explain", "calculus"]).status == 64)
    // walk points to the topic a line uses.
    #expect(try Tool.run(["walk", "shared-bias"]).stdout.contains("(why: backprop-tutor explain shared-bias)"))
  }
}
