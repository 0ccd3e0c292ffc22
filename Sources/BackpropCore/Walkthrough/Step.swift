import BackpropEngine

/// One value of a worked example, computed once: a given, a forward value, a local
/// derivative, a chain-rule product, an update, or another value the document printed.
///
/// Steps never change once built. What the document printed for a step, how a
/// person's rounding changes it and why a printed value differs are separate values
/// that refer to the step by its ``ID``.
public struct Step: Sendable, Identifiable {
  /// Identifies a step within its walk.
  public struct ID: Hashable, Sendable {
    let value: Int
  }

  /// The parts of a walk, in the order a lecture derives them.
  public enum Section: String, CaseIterable, Sendable {
    /// The givens, the forward pass, the loss, the backward pass, the update.
    case setup, forward, loss, backward, update
    /// The forward pass after the update: `w1'`, `L'`.
    case afterUpdate = "after update"
    /// Nudges and training runs: `L[w2 = 0.6]`, `w1@converged`.
    case experiments
  }

  /// What a step computes.
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

  /// The step's identifier within its walk.
  public let id: ID
  /// The part of the walk the step belongs to.
  public let section: Section
  /// What the step computes.
  public let kind: Kind
  /// What the step computes: a name, a derivative, a name after the update, or the
  /// document's own expression.
  public let quantity: DocumentExpression
  /// Its formula in symbols, if it has one.
  public let formula: DocumentExpression?
  /// The value of each leaf of the formula, to print the arithmetic.
  public let substitutions: [DocumentExpression: Double]
  /// The exact value.
  public let value: Double
  /// For an update or a value after it: the value before, which the value shown must
  /// be told apart from (0.15 − 0.0001 · 0.00067 is 0.14999993, not 0.15).
  public let previousValue: Double?
  /// For leaves of the formula that an update changed: their values before it.
  public let previousSubstitutions: [DocumentExpression: Double]
  /// For a given: the value as the file writes it (`0.10`).
  public let writtenAs: String?

  /// The formula the step's arithmetic is shown with: its formula, or for a value
  /// the document printed without one, its own expression.
  public var shownFormula: DocumentExpression? {
    formula ?? (kind == .documentValue ? quantity : nil)
  }
}
