import BackpropEngine

/// Why a document value differs from the exact value.
///
/// The tutor recomputes the step from the document's own printed inputs, each taken
/// as the range of numbers that round to what was printed (``Interval``). Then:
/// - **carried**: the step follows from the document's inputs and at least one of
///   them differs; ``origins`` are the lines where those errors began;
/// - **rounding**: the step follows from the document's inputs and they all agree:
///   the difference is drift from rounding earlier values;
/// - **truncated**: the step does not follow, but the exact value cut (not rounded)
///   to the printed digits gives the document's value;
/// - **slip**: the step does not follow from the document's own inputs: the
///   mistake is at this step.
///
/// Where more than one cause fits, the tightest is chosen and the other kept in
/// ``alsoFits``: a truncation, which fits within one unit of the last printed digit,
/// beats a fit through a range of the inputs wider than ``Explanation/tightRange`` units.
///
/// Where the document printed none of a step's inputs, their exact values are used.
/// The inputs of a step are the leaves its formula reads, bare names included:
/// quantities, and for a chain-rule product its factors. A factor ∂g/∂b of a chain
/// rule is the local derivative and never takes a printed total dg/db, nor the reverse.
/// A quantity printed several times is read as the printing closest before the step's
/// own in the file, else the first.
public struct Explanation: Sendable, Equatable {
  /// Where a differing document value's error comes from (see ``Explanation``).
  public enum Cause: String, Sendable {
    /// `slip`: the mistake is at this step; `carried`: an earlier document value was wrong;
    /// `rounding`: drift from rounding earlier values; `truncated`: the exact value cut, not
    /// rounded, to the printed digits.
    case slip, carried, rounding, truncated
  }

  /// Where the difference comes from.
  public var cause: Cause
  /// The range the step gives from the document's own inputs.
  public var fromDocumentInputs: Interval
  /// The step computed with each document input at its printed value.
  public var fromDocumentValue: Double
  /// For the arithmetic: each leaf of the formula, as the document's numbers give it.
  public var inputs: [DocumentExpression: String] = [:]
  /// The formula the step was recomputed from, or `nil` for a given.
  public var formula: DocumentExpression?
  /// For carried: the rows where the errors it inherits began, in walk order.
  public var origins: [Row.ID] = []
  /// Another cause that fits less tightly (carried or rounding beside a truncation, or the reverse).
  public var alsoFits: Cause?
  /// For a fit through a wide range: the least precise printed number it descends from (`0.75`).
  public var coarsestInput: String?

  /// For carried: the first row where an error it inherits began.
  public var origin: Row.ID? { origins.first }

  /// How many units of the last printed digit the inputs' range may span before an
  /// exact truncation is the tighter reading.
  public static let tightRange = 4.0
}
