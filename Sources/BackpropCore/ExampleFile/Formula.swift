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
