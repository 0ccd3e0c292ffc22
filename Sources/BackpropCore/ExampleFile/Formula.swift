import BackpropEngine

/// A forward equation's formula: numbers and the network's quantities, by name,
/// combined with the operators of the table (`z_h1 = x1 * w1 + b1`).
///
/// It cannot name a derivative or a state of the network: those belong to
/// ``DocumentExpression``, and the compiler keeps them apart.
public typealias Formula = Expression<String>

/// What a document printed a number for, or a walk's step computes: a formula over
/// quantities, derivatives (`dL/dw1`) and states of the network (`E'`, `E@100`,
/// `E[w2 = 0.6]`).
public typealias DocumentExpression = Expression<DocumentTerm>

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

extension DocumentExpression {
  /// A quantity or `let` value.
  public static func name(_ name: String) -> Self { .leaf(.name(name)) }

  /// ∂of/∂withRespectTo.
  public static func derivative(of: String, withRespectTo: String) -> Self {
    .leaf(.derivative(of: of, withRespectTo: withRespectTo))
  }

  /// The expression after one update: `E'`.
  public static func afterUpdate(_ inner: Self) -> Self { .leaf(.afterUpdate(inner)) }

  /// The names the expression reads, in order of first appearance, each once.
  ///
  /// A derivative reads both of its quantities; a substitution reads the names of its
  /// assignments' values but not the names it assigns.
  public var names: [String] {
    var seen = Set<String>()
    var result: [String] = []
    for leaf in leaves {
      for name in leaf.names where seen.insert(name).inserted { result.append(name) }
    }
    return result
  }

  /// Whether the expression asks for a state after training: `E@converged`, or `E@N`
  /// for the given number of steps.
  public func isAfterTraining(steps: Int) -> Bool {
    leaves.contains { term in
      switch term {
      case .name, .derivative: false
      case .afterTraining(let inner, let training):
        training == .converged || training == .steps(steps) || inner.isAfterTraining(steps: steps)
      case .afterUpdate(let inner): inner.isAfterTraining(steps: steps)
      case .substituting(let inner, let assignments):
        inner.isAfterTraining(steps: steps) || assignments.contains { $0.value.isAfterTraining(steps: steps) }
      }
    }
  }

  /// The forward formula this expression is, when it names only quantities.
  public var forwardFormula: Formula? {
    try? mapLeaves { term -> Formula in
      guard case .name(let name) = term else { throw NotAForwardFormula() }
      return .leaf(name)
    }
  }
}

extension Formula {
  /// The quantities the formula reads, in order of first appearance, each once.
  public var names: [String] { leaves }

  /// The formula as a document expression: each quantity a name.
  public var asDocumentExpression: DocumentExpression {
    mapLeaves { .name($0) }
  }
}

/// Thrown inside ``DocumentExpression/forwardFormula`` at a derivative or a state.
private struct NotAForwardFormula: Error {}
