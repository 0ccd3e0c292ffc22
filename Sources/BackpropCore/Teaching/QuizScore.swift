/// A quiz's score, question by question: what the quiz ends with, and what `quiz --json` exports.
public struct QuizScore: Sendable {
  /// How a question ended.
  public enum Verdict: String, Sendable, CaseIterable {
    /// Right at the first answer, with no hint.
    case right
    /// Right after a hint, the formula, or a wrong try.
    case rightAfterHints = "right-after-hints"
    /// Right given the student's own earlier wrong answer: a carried error.
    case carried
    /// Skipped, or given up after three tries or hints.
    case missed
    /// Not reached: the quiz ended first.
    case unanswered
  }

  /// One question and how it went.
  public struct Entry: Sendable {
    /// The quantity asked for, as the quiz wrote it.
    public var quantity: String
    /// The exact value.
    public var value: Double
    /// The last answer the student typed, if any, as typed.
    public var answer: String?
    /// How the question ended.
    public var verdict: Verdict

    /// A question and how it ended.
    public init(quantity: String, value: Double, answer: String?, verdict: Verdict) {
      self.quantity = quantity
      self.value = value
      self.answer = answer
      self.verdict = verdict
    }
  }

  /// The name the example was given by: a built-in name or a file's path.
  public var example: String
  /// Every question, in the quiz's order.
  public var entries: [Entry]

  /// A score for `example`'s questions so far.
  public init(example: String, entries: [Entry] = []) {
    self.example = example
    self.entries = entries
  }

  /// How many questions ended with `verdict`.
  public func count(_ verdict: Verdict) -> Int {
    entries.filter { $0.verdict == verdict }.count
  }

  /// The quantities of the questions that ended with `verdict`.
  public func quantities(_ verdict: Verdict) -> [String] {
    entries.filter { $0.verdict == verdict }.map(\.quantity)
  }
}
