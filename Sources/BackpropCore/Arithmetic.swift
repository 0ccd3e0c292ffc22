/// Evaluation of an expression tree, given the values of its leaves.
enum Arithmetic {
  /// The value of `expression`, asking `leaf` for names, derivatives and states.
  ///
  /// `leaf` is called for every node that is not a number, an operator or a
  /// function call; the recursion is bounded by the parser's depth limit.
  static func value(of expression: Formula, leaf: (Formula) throws -> Double) rethrows -> Double {
    switch expression {
    case .number(let value, _): return value
    case .negate(let inner): return -(try value(of: inner, leaf: leaf))
    case .binary(let op, let left, let right):
      let a = try value(of: left, leaf: leaf)
      let b = try value(of: right, leaf: leaf)
      return apply(op, a, b)
    case .call(let function, let argument):
      return function.value(at: try value(of: argument, leaf: leaf))
    case .name, .derivative, .afterUpdate, .afterTraining, .substituting:
      return try leaf(expression)
    }
  }

  static func apply(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double {
    switch op {
    case .add: a + b
    case .subtract: a - b
    case .multiply: a * b
    case .divide: a / b
    case .power: Power.value(a, b)
    }
  }

  /// The value of an expression of numbers alone, or `nil` if it names anything.
  static func constantValue(of expression: Formula) -> Double? {
    struct NotConstant: Error {}
    return try? value(of: expression) { _ in throw NotConstant() }
  }
}
