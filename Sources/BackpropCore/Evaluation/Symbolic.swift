import BackpropEngine

/// Symbolic differentiation of a formula, to print a local derivative the way a
/// lecture writes it: ∂z_h1/∂w1 = x1, ∂ŷ/∂z = ŷ·(1 − ŷ), ∂L/∂ŷ = ŷ − y.
///
/// The tutor's numbers never come from here: the engine computes them. These
/// formulas are what is printed beside them, and the tests check that both agree.
/// Each operator's rule is its table entry's ``Operator/Definition/differential``.
public enum Symbolic {
  /// The most steps one derivative may take to write out: a formula whose derivative
  /// is longer than this (a product of 1,000 factors) is shown as a number only.
  public static let stepsPerDerivative = 100_000

  /// ∂formula/∂name, the formula's other names held fixed, simplified.
  public static func derivative(of formula: Formula, withRespectTo name: String) -> Formula {
    let work = SymbolicWork(steps: .max, budget: nil)
    return (try? simplify(differentiate(formula, work: work) { $0 == name }, work: work)) ?? formula
  }

  /// The same, as a document expression, with each subexpression that is another
  /// quantity's whole formula written as that quantity's name (σ(z_out) becomes ŷ);
  /// `nil` when writing it out would take more than ``stepsPerDerivative`` steps or
  /// more than the file's budget has left.
  public static func derivative(
    of formula: Formula, withRespectTo name: String, in network: Network, budget: WorkBudget? = nil
  ) -> DocumentExpression? {
    let work = SymbolicWork(steps: stepsPerDerivative, budget: budget)
    guard let derivative = try? simplify(differentiate(formula, work: work) { $0 == name }, work: work) else { return nil }
    return derivative.replacing { network.quantityOfFormula[$0].map(Formula.leaf) }.asDocumentExpression
  }

  /// The derivative of `expression` where `isVariable` says which leaves vary (their
  /// derivative is 1; every other leaf's is 0). Not simplified.
  static func differentiate<Leaf>(
    _ expression: Expression<Leaf>, work: SymbolicWork, isVariable: (Leaf) -> Bool
  ) throws -> Expression<Leaf> {
    try work.step()
    switch expression {
    case .number: return .zero
    case .leaf(let leaf): return isVariable(leaf) ? .one : .zero
    case .apply(let op, let operands):
      let derivatives = try operands.map { operand -> Expression<Leaf> in
        let d = try differentiate(operand, work: work, isVariable: isVariable)
        return try simplify(d, work: work) == .zero ? .zero : d
      }
      let slots = (0..<operands.count).map { Operator.Template.leaf(.operand($0)) }
      let slotDerivatives = derivatives.indices.map { derivatives[$0] == .zero ? Operator.Template.zero : .leaf(.derivative($0)) }
      return op.definition.differential(slots, slotDerivatives).instantiated(operands: operands, derivatives: derivatives)
    }
  }
}

/// The steps a symbolic derivative may still take, and the file's budget behind them.
final class SymbolicWork {
  private var left: Int
  private let budget: WorkBudget?

  init(steps: Int, budget: WorkBudget?) {
    left = steps
    self.budget = budget
  }

  /// One more step.
  ///
  /// - Throws: ``EvaluationError/overBudget(_:)`` when no step is left.
  func step() throws {
    left -= 1
    if left < 0 || budget?.chargeSymbolic() == false {
      throw EvaluationError.overBudget("a derivative too long to write out")
    }
  }
}
