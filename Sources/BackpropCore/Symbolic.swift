/// Symbolic differentiation of a formula, to print a local derivative the way a
/// lecture writes it: ∂z_h1/∂w1 = x1, ∂ŷ/∂z = ŷ·(1 − ŷ), ∂L/∂ŷ = ŷ − y.
///
/// The tutor's numbers never come from here: the engine computes them. These
/// formulas are what is printed beside them, and the tests check that both agree.
public enum Symbolic {
  /// ∂formula/∂name, the formula's other names held fixed, simplified.
  public static func derivative(of formula: Formula, withRespectTo name: String) -> Formula {
    simplify(differentiate(formula, name))
  }

  /// The same, with each subexpression that is another quantity's whole formula
  /// written as that quantity's name (σ(z_out) becomes ŷ).
  public static func derivative(of formula: Formula, withRespectTo name: String, in network: Network) -> Formula {
    rename(derivative(of: formula, withRespectTo: name), network.quantityOfFormula)
  }

  private static func rename(_ expression: Formula, _ lookup: [Formula: String]) -> Formula {
    if let name = lookup[expression] { return .name(name) }
    switch expression {
    case .negate(let inner): return .negate(rename(inner, lookup))
    case .binary(let op, let l, let r): return .binary(op, rename(l, lookup), rename(r, lookup))
    case .call(let f, let u): return .call(f, rename(u, lookup))
    default: return expression
    }
  }

  private static let zero = Formula.number(0, text: "0")

  private static func differentiate(_ e: Formula, _ v: String) -> Formula {
    switch e {
    case .number: return zero
    case .name(let n): return n == v ? .one : zero
    case .negate(let u): return .negate(differentiate(u, v))
    case .binary(.add, let u, let w): return differentiate(u, v) + differentiate(w, v)
    case .binary(.subtract, let u, let w): return differentiate(u, v) - differentiate(w, v)
    case .binary(.multiply, let u, let w):
      return differentiate(u, v) * w + u * differentiate(w, v)
    case .binary(.divide, let u, let w):
      let du = differentiate(u, v)
      let dw = simplify(differentiate(w, v))
      if dw == zero { return du / w }
      return (du * w - u * dw) / (w ^ .two)
    case .binary(.power, let u, let w):
      let dw = simplify(differentiate(w, v))
      let du = differentiate(u, v)
      if dw == zero {
        // d(u^c) = c·u^(c−1)·du
        let lowered: Formula =
          if case .number(let c, _) = w { .literal(c - 1) } else { w - .one }
        return w * (u ^ lowered) * du
      }
      // d(u^w) = u^w·(dw·ln u + w·du/u)
      return (u ^ w) * (dw * .call(.log, u) + w * du / u)
    case .call(let f, let u):
      return f.derivativeRule(of: u) * differentiate(u, v)
    case .derivative, .afterUpdate, .afterTraining, .substituting:
      return zero
    }
  }

  /// Removes zeros and ones, folds numbers, collects a product's numeric factors
  /// into one coefficient, and writes −(a − b) as b − a.
  public static func simplify(_ e: Formula) -> Formula {
    switch e {
    case .negate(let u):
      let s = simplify(u)
      return negate(s)
    case .binary(.add, let u, let w):
      let a = simplify(u)
      let b = simplify(w)
      if a == zero { return b }
      if b == zero { return a }
      if case .number(let x, _) = a, case .number(let y, _) = b { return .literal(x + y) }
      if case .negate(let inner) = b { return a - inner }
      return a + b
    case .binary(.subtract, let u, let w):
      let a = simplify(u)
      let b = simplify(w)
      if b == zero { return a }
      if a == zero { return negate(b) }
      if case .number(let x, _) = a, case .number(let y, _) = b { return .literal(x - y) }
      if case .negate(let inner) = b { return a + inner }
      return a - b
    case .binary(.multiply, _, _):
      return product(e)
    case .binary(.divide, let u, let w):
      let a = simplify(u)
      let b = simplify(w)
      if a == zero { return zero }
      if b == .one { return a }
      return a / b
    case .binary(.power, let u, let w):
      let a = simplify(u)
      let b = simplify(w)
      if b == .one { return a }
      if b == zero { return .one }
      return a ^ b
    case .call(let f, let u):
      return .call(f, simplify(u))
    default:
      return e
    }
  }

  private static func negate(_ e: Formula) -> Formula {
    switch e {
    case .negate(let inner): return inner
    case .number(let x, _): return .literal(-x)
    case .binary(.subtract, let a, let b): return b - a
    default: return .negate(e)
    }
  }

  /// A product as coefficient · factors, in the order they were written.
  private static func product(_ e: Formula) -> Formula {
    var coefficient = 1.0
    var factors: [Formula] = []
    var stack: [Formula] = [e]
    while let next = stack.popLast() {
      if case .binary(.multiply, let u, let w) = next {
        stack.append(w)
        stack.append(u)
        continue
      }
      let s = simplify(next)
      switch s {
      case .number(let x, _): coefficient *= x
      case .binary(.divide, .number(let x, _), .number(let y, _)) where y != 0: coefficient *= x / y
      case .negate(let inner):
        coefficient = -coefficient
        stack.append(inner)
      case .binary(.multiply, _, _): stack.append(s)
      default: factors.append(s)
      }
    }
    if coefficient == 0 { return zero }
    guard var result = factors.first else { return .literal(coefficient) }
    for factor in factors.dropFirst() { result = result * factor }
    if coefficient == 1 { return result }
    if coefficient == -1 { return negate(result) }
    return .number(coefficient, text: Readable.format(coefficient)) * result
  }
}
