/// A quiz on an example: the values in the order a lecture derives them, each
/// answer judged at the precision the student typed, with the document verdict's rule,
/// as long as it carries enough digits (``requiredDigits(for:)``).
///
/// A wrong answer that is right given the student's own earlier answers is a
/// carried error, found with the reasoning of ``Explanation``.
public struct Quiz {
  /// The parts of the walk a quiz can practise.
  public enum Part: String, Sendable, CaseIterable {
    /// One section of the walk: the forward pass, the loss, the backward pass, the update,
    /// or the forward pass after the update.
    case forward, loss, backward, update, after
    /// Every section from the forward pass to the forward pass after the update.
    case all

    func contains(_ section: Walkthrough.Section) -> Bool {
      switch self {
      case .all: section != .setup && section != .experiments
      case .forward: section == .forward
      case .loss: section == .loss
      case .backward: section == .backward
      case .update: section == .update
      case .after: section == .afterUpdate
      }
    }
  }

  /// One value for the student to work out.
  public struct Question: Sendable {
    /// The walk's line: quantity, formula, exact value.
    public var line: Walkthrough.Line
    /// The line's row, which answers are keyed by.
    public var row: Row.ID { line.id }
  }

  /// How an answer was judged.
  public enum Judgement: Sendable, Equatable {
    /// The exact value, rounded to the digits the student typed, gives the answer.
    case right
    /// The exact value rounds to the answer, but the answer is too rough to count:
    /// it carries fewer than `required` significant digits and is not the exact value.
    case tooFewDigits(required: Int)
    /// Wrong, but right given the student's own earlier answer for `origin`.
    case carried(origin: String)
    /// Wrong, and not explained by the student's earlier answers.
    case wrong
  }

  /// The walk the questions come from.
  public let walkthrough: Walkthrough
  /// The values to work out, in walk order: no givens, no repeats, no other document values.
  public let questions: [Question]

  /// A quiz on `part` of `walkthrough`: every value a lecture works out there, once each.
  public init(_ walkthrough: Walkthrough, part: Part = .all) {
    self.walkthrough = walkthrough
    questions = walkthrough.lines.compactMap { line in
      guard part.contains(line.section), line.kind != .documentValue, line.kind != .given, !line.repeatsLine else { return nil }
      return Question(line: line)
    }
  }

  /// Judges `answer` to `question`, given the student's earlier answers (by row).
  ///
  /// - Returns: right when the exact value rounds to the answer at the digits typed;
  ///   carried when it does not, but the step from the student's own answers does.
  ///   An answer with fewer significant digits than ``requiredDigits(for:)`` is never right
  ///   or carried, unless it is the exact value (`4` for 4): `0` and `0.3` are not 0.32.
  public func judge(_ answer: PrintedNumber, to question: Question, earlier: [Row.ID: PrintedNumber]) -> Judgement {
    let exact = question.line.value
    let required = requiredDigits(for: question)
    let isExact = answer.value == exact || Swift.abs(answer.value - exact) <= 1e-9 * Swift.abs(exact)
    let precise = isExact || Self.significantDigits(answer) >= required
    if answer.agrees(with: exact) { return precise ? .right : .tooFewDigits(required: required) }
    guard precise else { return .wrong }
    // The walk up to this question, with the student's answers as the printed values.
    let lines = walkthrough.lines.filter { $0.id <= question.row }
    var printed = earlier.filter { $0.key < question.row }
    printed[question.row] = answer
    let explanation = Walkthrough.explain(lines, printed: printed, definitions: walkthrough.example.definitions)[question.row]
    if explanation?.cause == .carried, let origin = explanation?.origin {
      return .carried(origin: Notation.ascii.render(walkthrough.line(origin).quantity))
    }
    return .wrong
  }

  /// The significant digits an answer must carry: 3, or fewer when the example's document
  /// printed the value itself with fewer (`0.3` is enough where the document printed `0.3`).
  public func requiredDigits(for question: Question) -> Int {
    let printed = walkthrough.lines.first { $0.quantity == question.line.quantity && $0.document != nil }?.document?.printed
    return Swift.min(3, printed.map(Self.significantDigits) ?? 3)
  }

  /// The significant digits of a printed number: its digits from the first that is not 0
  /// (`0.00150` has 3, `108` has 3, `0` has none).
  public static func significantDigits(_ number: PrintedNumber) -> Int {
    let mantissa = number.text.prefix { $0 != "e" && $0 != "E" }
    return mantissa.filter(\.isASCIIDigit).drop { $0 == "0" }.count
  }

  /// The common mistakes that reproduce a wrong `answer` to `question`, recomputed from
  /// the student's own earlier answers where they gave them: the hint a tutor would give.
  public func mistakes(for answer: PrintedNumber, to question: Question, earlier: [Row.ID: PrintedNumber]) -> [Mistake] {
    var printed: [DocumentExpression: Double] = [:]
    for line in walkthrough.lines where line.id < question.row {
      if let given = earlier[line.id] { printed[line.quantity] = given.value }
    }
    return MistakeCatalogue.mistakes(for: question.line.step, printed: answer, inputs: { printed[$0] }, in: walkthrough.validated)
  }
}
