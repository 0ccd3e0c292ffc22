/// Every value of a worked example in the order a lecture derives it, each next to
/// what the document printed for it and a verdict.
///
/// Order: the givens; the forward pass; the loss; the backward pass (for each
/// quantity, from the loss back to the inputs, the local derivative ∂consumer/∂quantity
/// of each quantity that reads it, then the chain-rule product ∂L/∂quantity); the
/// update of each trainable parameter; the forward pass after the update; and the
/// experiments (nudges, training runs). A document value that is not one of these
/// lines (a partial product, a derivative through several quantities) gets a line
/// of its own right after the last line it depends on.
public struct Walkthrough: Sendable {
  public enum Section: String, CaseIterable, Sendable {
    case setup, forward, loss, backward, update
    case afterUpdate = "after update"
    case experiments
  }

  public enum Kind: String, Sendable {
    /// A given: input, target, parameter, constant, rate.
    case given
    /// A quantity's value from its formula.
    case value
    /// ∂consumer/∂input from the consumer's formula, the other inputs held fixed.
    case localDerivative = "local derivative"
    /// ∂L/∂quantity as the sum over the quantity's consumers of ∂L/∂consumer · ∂consumer/∂quantity.
    case chainRule = "chain rule"
    /// p' = p − rate · ∂L/∂p.
    case update
    /// Any other value the document printed.
    case documentValue = "document value"
  }

  /// One line of the walk.
  public struct Line: Sendable {
    public var section: Section
    public var kind: Kind
    /// What the line computes: a name, a derivative, a name after the update, or
    /// the document's own expression.
    public var quantity: Formula
    /// Its formula in symbols, if it has one.
    public var formula: Formula?
    /// The value of each leaf of the formula, to print the arithmetic.
    public var substitutions: [Formula: Double]
    /// The exact value.
    public var value: Double
    /// What the document printed for it, if it did.
    public var document: Example.DocumentValue?
    /// Whether the line repeats the one before it for another place the document
    /// printed the same value.
    public var repeatsLine = false
    /// Why the document's value differs, when it does.
    public var explanation: Explanation?
    /// Decimals to show at least (the hand-rounding mode's N).
    public var decimals = 0
    /// For an update or a value after it: the value before, which the value shown must
    /// be told apart from (0.15 − 0.0001 · 0.00067 is 0.14999993, not 0.15).
    public var previousValue: Double?
    /// For leaves of the formula that an update changed: their values before it.
    public var previousSubstitutions: [Formula: Double] = [:]
    /// For a given: the value as the file writes it (`0.10`).
    public var writtenAs: String?

    /// `agree` when the exact value rounds to what the document printed.
    public var verdict: Verdict? {
      document.map { Verdict(printed: $0.printed, exact: value) }
    }
  }

  public let example: Example
  public let lines: [Line]
  /// The decimals every intermediate value was rounded to, in hand-rounding mode.
  public let rounding: Int?
  /// Targets the output can never reach (outside its activation's range).
  public let unreachableTargets: [UnreachableTarget]

  /// Replays `example`.
  ///
  /// - Parameters:
  ///   - rounding: if given, replay the calculation the way a person does with a
  ///     calculator: every value rounded to this many decimals before it is used.
  /// - Throws: ``ExampleError`` when the example cannot be computed (a cycle, a
  ///   division by zero) or a document value cannot be evaluated.
  public init(_ example: Example, rounding: Int? = nil) throws {
    self.example = example
    self.rounding = rounding
    let evaluation = try Evaluation(example)
    unreachableTargets = try UnreachableTarget.find(in: evaluation)
    var builder = WalkthroughBuilder(evaluation: evaluation)
    var lines = try builder.build()
    if let rounding {
      lines = HandRounding.apply(to: lines, decimals: rounding, definitions: example.definitions)
    }
    for (i, explanation) in Self.explain(lines, definitions: example.definitions) {
      lines[i].explanation = explanation
    }
    self.lines = lines
  }

  /// The first line whose document value is a slip: the headline of a check.
  public var firstSlip: Line? {
    lines.first { $0.explanation?.cause == .slip }
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

  public struct Summary: Equatable, Sendable {
    public var agree = 0
    public var differ = 0
    /// Values the walk computes that the document does not print (givens not counted).
    public var notPrinted = 0
    public var documentValues: Int { agree + differ }
  }
}

/// The verdict on one document value.
public enum Verdict: Equatable, Sendable {
  case agree
  /// The document's value minus the exact value.
  case differ(by: Double)

  /// Agree when |printed − exact| ≤ half a unit in the printed last digit.
  public init(printed: PrintedNumber, exact: Double) {
    self = printed.agrees(with: exact) ? .agree : .differ(by: printed.value - exact)
  }

  public var name: String {
    switch self {
    case .agree: "agree"
    case .differ: "differ"
    }
  }
}
