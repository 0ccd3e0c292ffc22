import BackpropEngine

/// A leaf of a ``DocumentExpression``.
public indirect enum DocumentTerm: Hashable, Sendable {
  /// A quantity of the network, or a `let` value.
  case name(String)
  /// ∂of/∂withRespectTo, through every path of the network.
  case derivative(of: String, withRespectTo: String)
  /// The expression after one gradient-descent update: `E'`.
  case afterUpdate(DocumentExpression)
  /// The expression after some updates: `E@N`, `E@converged`.
  case afterTraining(DocumentExpression, Training)
  /// The expression with leaves set to other values: `E[w2 = 0.6]`.
  case substituting(DocumentExpression, [Assignment])

  /// A leaf set to another value inside `E[...]`.
  public struct Assignment: Hashable, Sendable {
    /// The leaf's name.
    public var name: String
    /// The value it takes instead: a number or an expression of numbers.
    public var value: DocumentExpression

    /// `name = value`, inside `E[...]`.
    public init(name: String, value: DocumentExpression) {
      self.name = name
      self.value = value
    }
  }

  /// How far gradient descent runs in `E@...`.
  public enum Training: Hashable, Sendable {
    /// `E@N`: N updates.
    case steps(Int)
    /// `E@converged`: until gradient descent has settled and the parameters stop changing.
    case converged
  }

  /// The names the term reads: both quantities of a derivative, the names inside a
  /// state (a substitution's values, not the names it sets).
  public var names: [String] {
    switch self {
    case .name(let name): [name]
    case .derivative(let of, let wrt): [of, wrt]
    case .afterUpdate(let inner), .afterTraining(let inner, _): inner.names
    case .substituting(let inner, let assignments): inner.names + assignments.flatMap(\.value.names)
    }
  }
}
