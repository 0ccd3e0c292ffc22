extension Expression {
  /// The value, with each leaf's value from `leaf`.
  ///
  /// Recursion is bounded by the depth limit of whoever built the expression (the
  /// example parser allows 256 levels).
  @inlinable public func value(leaf: (Leaf) throws -> Double) rethrows -> Double {
    switch self {
    case .number(let value, _): return value
    case .leaf(let name): return try leaf(name)
    case .apply(let op, let operands):
      let x = try operands[0].value(leaf: leaf)
      let y = operands.count > 1 ? try operands[1].value(leaf: leaf) : 0
      return op.definition.value(x, y)
    }
  }

  /// The value, with each leaf's value from `leaf`, every intermediate value a finite
  /// number: `1/(1/0)` is not 0 but an error at `1/0`.
  ///
  /// - Throws: ``NonFiniteValue`` at the first operation whose value is not finite, or
  ///   what `leaf` throws.
  @inlinable public func finiteValue(leaf: (Leaf) throws -> Double) throws -> Double {
    switch self {
    case .number(let value, _): return value
    case .leaf(let name): return try leaf(name)
    case .apply(let op, let operands):
      let x = try operands[0].finiteValue(leaf: leaf)
      let y = operands.count > 1 ? try operands[1].finiteValue(leaf: leaf) : 0
      let value = op.definition.value(x, y)
      guard value.isFinite else { throw NonFiniteValue(operator: op, x: x, y: y, value: value) }
      return value
    }
  }

  /// The value of an expression of numbers alone, or `nil` if it has a leaf.
  public var constantValue: Double? {
    try? value { _ in throw NotConstantError() }
  }

  /// A range containing the value for every choice of each leaf within its range.
  @inlinable public func interval(leaf: (Leaf) throws -> Interval) rethrows -> Interval {
    switch self {
    case .number(let value, _): return Interval(value)
    case .leaf(let name): return try leaf(name)
    case .apply(let op, let operands):
      let x = try operands[0].interval(leaf: leaf)
      let y = operands.count > 1 ? try operands[1].interval(leaf: leaf) : Interval(0)
      return op.definition.interval(x, y)
    }
  }
}

/// Thrown inside ``Expression/constantValue`` at the first leaf.
struct NotConstantError: Error {}
