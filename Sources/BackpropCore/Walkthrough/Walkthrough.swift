import BackpropEngine

/// Every value of a worked example in the order a lecture derives it, each next to
/// what the document printed for it and a verdict.
///
/// Order: the givens; the forward pass; the loss; the backward pass (for each
/// quantity, from the loss back to the inputs, the local derivative ∂consumer/∂quantity
/// of each quantity that reads it, then the chain-rule product ∂L/∂quantity); the
/// update of each trainable parameter; the forward pass after the update; and the
/// experiments (nudges, training runs). A document value that is not one of these
/// steps (a partial product, a derivative through several quantities) gets a step
/// of its own right after the last step it depends on.
///
/// The steps are the validated example's, built once. A walk adds separate values
/// that refer to them: the values a person's rounding gives (``rounded``) and why
/// each differing document value differs (``explanations``). ``lines`` reads them
/// together, row by row, for whoever presents the walk.
public struct Walkthrough {
  /// The parts of a walk: givens, forward pass, loss, backward pass, update, after the
  /// update, experiments.
  public typealias Section = Step.Section
  /// What a step computes: a given, a value, a local derivative, a chain-rule product, an
  /// update, a document value.
  public typealias Kind = Step.Kind

  /// The example the walk replays, with its steps and rows.
  public let validated: ValidatedExample
  /// The decimals every intermediate value was rounded to, in hand-rounding mode.
  public let rounding: Int?
  /// In hand-rounding mode: each step's value and arithmetic as rounded by hand.
  public let rounded: [Step.ID: HandRounding.Rounded]
  /// Why each differing document value differs, by row.
  public let explanations: [Row.ID: Explanation]
  /// The rows of the walk, each with its step, document value, rounding and cause.
  public let lines: [Line]
  /// The common mistakes that reproduce each slip's printed value, by row: a slip with
  /// none stays a slip.
  public let mistakes: [Row.ID: [Mistake]]

  /// The example as the file declares it.
  public var example: Example { validated.example }
  /// Targets the output can never reach (outside its activation's range).
  public var unreachableTargets: [UnreachableTarget] { validated.unreachableTargets }

  /// Replays a validated example.
  ///
  /// - Parameter rounding: if given, replay the calculation the way a person does with
  ///   a calculator: every value rounded to this many decimals before it is used.
  /// - Throws: ``ExampleError`` when rounding makes a value infinite or not a number.
  public init(_ validated: ValidatedExample, rounding: Int? = nil) throws {
    self.validated = validated
    self.rounding = rounding
    let rounded = try rounding.map { try HandRounding.round(validated, decimals: $0) } ?? [:]
    self.rounded = rounded
    let plain = validated.rows.map { Line(row: $0, in: validated, rounded: rounded, decimals: rounding ?? 0, explanation: nil) }
    let printed = Dictionary(uniqueKeysWithValues: validated.rows.compactMap { row in row.document.map { (row.id, $0.printed) } })
    let explanations = Self.explain(plain, printed: printed, definitions: validated.example.definitions)
    self.explanations = explanations
    lines = validated.rows.map { row in
      Line(row: row, in: validated, rounded: rounded, decimals: rounding ?? 0, explanation: explanations[row.id])
    }
    mistakes = Self.mistakes(lines, in: validated)
  }

  /// Validates and replays `example`.
  ///
  /// - Throws: ``ExampleError`` when the example does not pass the validation gate.
  public init(_ example: Example, rounding: Int? = nil) throws {
    try self.init(try ValidatedExample(example), rounding: rounding)
  }

  /// The line of row `id`.
  public func line(_ id: Row.ID) -> Line {
    lines[id.value]
  }

  /// The first line whose document value is a slip: the headline of a check.
  public var firstSlip: Line? {
    lines.first { $0.explanation?.cause == .slip }
  }

  /// The slips that are new mistakes, in the document's line order: a value printed again
  /// with the same number as an earlier printing of it that was a slip is that mistake
  /// copied, not a new one; printed again with another wrong number, it is a slip of its own.
  public var newSlips: [Line] {
    struct Printing: Hashable {
      var expression: DocumentExpression
      var value: Double
    }
    var seen: Set<Printing> = []
    return lines.filter { $0.explanation?.cause == .slip }
      .sorted { ($0.document?.location.line ?? 0) < ($1.document?.location.line ?? 0) }
      .filter { line in
        guard let document = line.document else { return true }
        return seen.insert(Printing(expression: document.expression, value: document.printed.value)).inserted
      }
  }

  /// How many document values agree and differ, and how many lines the document
  /// printed nothing for.
  public var summary: Summary {
    var summary = Summary()
    for line in lines {
      switch line.verdict {
      case .agree: summary.agree += 1
      case .differ: summary.differ += 1
      case nil: if line.kind != .given { summary.notPrinted += 1 }
      }
    }
    return summary
  }

  /// Counts of a walk's document values.
  public struct Summary: Equatable, Sendable {
    /// Document values that agree with the exact value.
    public var agree = 0
    /// Document values that differ from it.
    public var differ = 0
    /// Values the walk computes that the document does not print (givens not counted).
    public var notPrinted = 0
    /// Every document value: agree + differ.
    public var documentValues: Int { agree + differ }
  }
}
