/// A quiz on an example: the values in the order a lecture derives them, each
/// answer judged at the precision the student typed, with the document verdict's rule.
///
/// A wrong answer that is right given the student's own earlier answers is a
/// carried error, found with the reasoning of ``Explanation``.
public struct Quiz: Sendable {
  /// The parts of the walk a quiz can practise.
  public enum Part: String, Sendable, CaseIterable {
    case forward, loss, backward, update, after
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

  public struct Question: Sendable {
    /// The walk's line: quantity, formula, exact value.
    public var line: Walkthrough.Line
    /// Its index in the walk, to judge carried errors.
    public var index: Int
  }

  /// How an answer was judged.
  public enum Judgement: Sendable, Equatable {
    case right
    /// Wrong, but right given the student's own earlier answer for `origin`.
    case carried(origin: String)
    case wrong
  }

  public let walkthrough: Walkthrough
  public let questions: [Question]

  public init(_ walkthrough: Walkthrough, part: Part = .all) {
    self.walkthrough = walkthrough
    questions = walkthrough.lines.enumerated().compactMap { index, line in
      guard part.contains(line.section), line.kind != .documentValue, line.kind != .given, !line.repeatsLine else { return nil }
      return Question(line: line, index: index)
    }
  }

  /// Judges `answer` to `question`, given the student's earlier answers (by walk index).
  ///
  /// - Returns: right when the exact value rounds to the answer at the digits typed;
  ///   carried when it does not, but the step from the student's own answers does.
  public func judge(_ answer: PrintedNumber, to question: Question, earlier: [Int: PrintedNumber]) -> Judgement {
    if answer.agrees(with: question.line.value) { return .right }
    // Replay the walk up to this question with the student's answers as the document's values.
    var lines = Array(walkthrough.lines[...question.index]).map { line -> Walkthrough.Line in
      var line = line
      line.document = nil
      line.explanation = nil
      return line
    }
    for (index, printed) in earlier where index < question.index {
      lines[index].document = Self.document(printed, for: lines[index], number: index)
    }
    lines[question.index].document = Self.document(answer, for: lines[question.index], number: question.index)
    let explanation = Walkthrough.explain(lines, definitions: walkthrough.example.definitions)[question.index]
    if explanation?.cause == .carried, let origin = explanation?.origin {
      return .carried(origin: Notation.ascii.render(walkthrough.lines[origin].quantity))
    }
    return .wrong
  }

  private static func document(_ printed: PrintedNumber, for line: Walkthrough.Line, number: Int) -> Example.DocumentValue {
    Example.DocumentValue(
      expression: line.quantity, expressionText: Notation.ascii.render(line.quantity), printed: printed, note: nil,
      location: SourceLocation(line: number + 1, column: 1))
  }
}
