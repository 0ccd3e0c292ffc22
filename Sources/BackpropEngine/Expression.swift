/// A formula over the operators of the table: numbers, leaves and operators applied
/// to operands.
///
/// `Leaf` is what a formula may name: a forward equation names quantities, a
/// document expression also derivatives and states of the network, a symbolic rule
/// the operands of an operator. Each language is its own leaf type, so the compiler
/// keeps a derivative out of a forward equation.
public indirect enum Expression<Leaf: Hashable & Sendable>: Hashable, Sendable {
  /// A number, with the text it was written as (`0.10` stays `0.10`).
  case number(Double, text: String)
  /// A named value.
  case leaf(Leaf)
  /// An operator applied to as many operands as its arity.
  case apply(Operator, [Expression])

  /// A number written the shortest way that reads back exactly: `2`, `0.5`, `-1`.
  public static func literal(_ value: Double) -> Expression {
    .number(value, text: shortestText(value))
  }

  /// The number 0.
  @inlinable public static var zero: Expression { .number(0, text: "0") }
  /// The number 1.
  @inlinable public static var one: Expression { .number(1, text: "1") }
  /// The number 2, the exponent of a square.
  @inlinable public static var two: Expression { .number(2, text: "2") }

  /// The operator applied to `operands`.
  @inlinable public static func apply(_ op: Operator, _ operands: Expression...) -> Expression {
    .apply(op, operands)
  }

  /// lhs + rhs.
  @inlinable public static func + (lhs: Expression, rhs: Expression) -> Expression { .apply(.add, [lhs, rhs]) }
  /// lhs − rhs.
  @inlinable public static func - (lhs: Expression, rhs: Expression) -> Expression { .apply(.subtract, [lhs, rhs]) }
  /// lhs · rhs.
  @inlinable public static func * (lhs: Expression, rhs: Expression) -> Expression { .apply(.multiply, [lhs, rhs]) }
  /// lhs / rhs.
  @inlinable public static func / (lhs: Expression, rhs: Expression) -> Expression { .apply(.divide, [lhs, rhs]) }
  /// lhs raised to the power rhs.
  @inlinable public static func ^ (lhs: Expression, rhs: Expression) -> Expression { .apply(.power, [lhs, rhs]) }
  /// −operand.
  @inlinable public static prefix func - (operand: Expression) -> Expression { .apply(.negate, [operand]) }

  /// Whether the expression computes something, rather than naming one value.
  @inlinable public var hasOperator: Bool {
    if case .apply = self { return true }
    return false
  }

  /// Whether the expression is a number.
  @inlinable public var isNumber: Bool {
    if case .number = self { return true }
    return false
  }

  /// The leaf, when the expression is one.
  @inlinable public var leafValue: Leaf? {
    if case .leaf(let leaf) = self { return leaf }
    return nil
  }

  /// The shortest decimal text that reads back as exactly `value`.
  static func shortestText(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
