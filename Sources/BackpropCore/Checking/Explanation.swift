import BackpropEngine

/// Why a document value differs from the exact value.
///
/// The tutor recomputes the step from the document's own printed inputs, each taken
/// as the range of numbers that round to what was printed (``Interval``). Then:
/// - **carried**: the step follows from the document's inputs and at least one of
///   them differs; ``origin`` is the line where that error began;
/// - **rounding**: the step follows from the document's inputs and they all agree:
///   the difference is drift from rounding earlier values;
/// - **truncated**: the step does not follow, but the exact value cut (not rounded)
///   to the printed digits gives the document's value;
/// - **slip**: the step does not follow from the document's own inputs: the
///   mistake is at this step.
///
/// Where the document printed none of a step's inputs, their exact values are used.
/// The inputs of a step are the leaves its formula reads: quantities, and for a
/// chain-rule product its factors.
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
  /// For carried: the row where the error began.
  public var origin: Row.ID?
}
