import BackpropEngine

/// Symbolic differentiation of a formula, to print a local derivative the way a
/// lecture writes it: ∂z_h1/∂w1 = x1, ∂ŷ/∂z = ŷ·(1 − ŷ), ∂L/∂ŷ = ŷ − y.
///
/// The tutor's numbers never come from here: the engine computes them. These
/// formulas are what is printed beside them, and the tests check that both agree.
/// Each operator's rule is its table entry's ``Operator/Definition/differential``.
public enum Symbolic {
  /// ∂formula/∂name, the formula's other names held fixed, simplified.
  public static func derivative(of formula: Formula, withRespectTo name: String) -> Formula {
    simplify(differentiate(formula) { $0 == name })
  }

  /// The same, as a document expression, with each subexpression that is another
  /// quantity's whole formula written as that quantity's name (σ(z_out) becomes ŷ).
  public static func derivative(of formula: Formula, withRespectTo name: String, in network: Network) -> DocumentExpression {
    derivative(of: formula, withRespectTo: name).replacing { network.quantityOfFormula[$0].map(Formula.leaf) }.asDocumentExpression
  }

  /// The derivative of `expression` where `isVariable` says which leaves vary (their
  /// derivative is 1; every other leaf's is 0). Not simplified.
  static func differentiate<Leaf>(_ expression: Expression<Leaf>, isVariable: (Leaf) -> Bool) -> Expression<Leaf> {
    switch expression {
    case .number: return .zero
    case .leaf(let leaf): return isVariable(leaf) ? .one : .zero
    case .apply(let op, let operands):
      let derivatives = operands.map { operand -> Expression<Leaf> in
        let d = differentiate(operand, isVariable: isVariable)
        return simplify(d) == .zero ? .zero : d
      }
      let slots = (0..<operands.count).map { Operator.Template.leaf(.operand($0)) }
      let slotDerivatives = derivatives.indices.map { derivatives[$0] == .zero ? Operator.Template.zero : .leaf(.derivative($0)) }
      return op.definition.differential(slots, slotDerivatives).instantiated(operands: operands, derivatives: derivatives)
    }
  }
}
