import BackpropEngine

extension Symbolic {
  /// Removes zeros and ones, folds numbers, collects a product's numeric factors
  /// into one coefficient, and writes −(a − b) as b − a.
  public static func simplify<Leaf>(_ e: Expression<Leaf>) -> Expression<Leaf> {
    (try? simplify(e, work: SymbolicWork(steps: .max, budget: nil))) ?? e
  }

  /// The same, counting each step against `work`.
  static func simplify<Leaf>(_ e: Expression<Leaf>, work: SymbolicWork) throws -> Expression<Leaf> {
    try work.step()
    guard case .apply(let op, let operands) = e else { return e }
    switch op {
    case .negate:
      return negate(try simplify(operands[0], work: work))
    case .add:
      let a = try simplify(operands[0], work: work)
      let b = try simplify(operands[1], work: work)
      if a == .zero { return b }
      if b == .zero { return a }
      if case .number(let x, _) = a, case .number(let y, _) = b { return .literal(x + y) }
      if case .apply(.negate, let inner) = b { return a - inner[0] }
      return a + b
    case .subtract:
      let a = try simplify(operands[0], work: work)
      let b = try simplify(operands[1], work: work)
      if b == .zero { return a }
      if a == .zero { return negate(b) }
      if case .number(let x, _) = a, case .number(let y, _) = b { return .literal(x - y) }
      if case .apply(.negate, let inner) = b { return a + inner[0] }
      return a - b
    case .multiply:
      return try product(e, work: work)
    case .divide:
      let a = try simplify(operands[0], work: work)
      let b = try simplify(operands[1], work: work)
      if a == .zero { return .zero }
      if b == .one { return a }
      return a / b
    case .power:
      let a = try simplify(operands[0], work: work)
      let b = try simplify(operands[1], work: work)
      if b == .one { return a }
      if b == .zero { return .one }
      return a ^ b
    default:
      return .apply(op, try operands.map { try simplify($0, work: work) })
    }
  }

  private static func negate<Leaf>(_ e: Expression<Leaf>) -> Expression<Leaf> {
    switch e {
    case .apply(.negate, let inner): return inner[0]
    case .number(let x, _): return .literal(-x)
    case .apply(.subtract, let operands): return operands[1] - operands[0]
    default: return -e
    }
  }

  /// A product as coefficient · factors, in the order they were written.
  private static func product<Leaf>(_ e: Expression<Leaf>, work: SymbolicWork) throws -> Expression<Leaf> {
    var coefficient = 1.0
    var factors: [Expression<Leaf>] = []
    var stack: [Expression<Leaf>] = [e]
    while let next = stack.popLast() {
      if case .apply(.multiply, let operands) = next {
        stack.append(operands[1])
        stack.append(operands[0])
        continue
      }
      let s = try simplify(next, work: work)
      switch s {
      case .number(let x, _): coefficient *= x
      case .apply(.divide, let operands):
        if case .number(let x, _) = operands[0], case .number(let y, _) = operands[1], y != 0 {
          coefficient *= x / y
        } else {
          factors.append(s)
        }
      case .apply(.negate, let inner):
        coefficient = -coefficient
        stack.append(inner[0])
      case .apply(.multiply, _): stack.append(s)
      default: factors.append(s)
      }
    }
    if coefficient == 0 { return .zero }
    guard var result = factors.first else { return .literal(coefficient) }
    for factor in factors.dropFirst() { result = result * factor }
    if coefficient == 1 { return result }
    if coefficient == -1 { return negate(result) }
    return .number(coefficient, text: Readable.format(coefficient)) * result
  }
}
