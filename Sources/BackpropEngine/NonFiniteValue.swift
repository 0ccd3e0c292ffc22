/// An operation whose value is infinite or not a number: a division by zero, the log
/// of a negative number, an overflow.
public struct NonFiniteValue: Error, Sendable {
  /// The operation.
  public var `operator`: Operator
  /// The first operand's value.
  public var x: Double
  /// The second operand's value (0 for a unary operator).
  public var y: Double
  /// The value it gave.
  public var value: Double

  /// The operation `op` at `x`, `y`, which gave `value`.
  @inlinable
  public init(operator op: Operator, x: Double, y: Double, value: Double) {
    self.operator = op
    self.x = x
    self.y = y
    self.value = value
  }

  /// Why, in words, with `format` writing a number: "divides by zero", "takes the log of
  /// zero", or "overflows to infinity" / "is not a number (NaN)" when the operands say
  /// nothing more.
  public func reason(_ format: (Double) -> String) -> String {
    if let problem = `operator`.definition.domainProblem(x, y, format) { return problem }
    return value.isNaN ? "is not a number (NaN)" : "overflows to infinity"
  }
}
