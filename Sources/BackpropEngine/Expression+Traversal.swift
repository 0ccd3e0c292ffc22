extension Expression {
  /// Calls `body` on this expression and every subexpression, parents first, operands
  /// left to right, with no recursion.
  @inlinable public func visit(_ body: (Expression) -> Void) {
    var stack: [Expression] = [self]
    while let expression = stack.popLast() {
      body(expression)
      if case .apply(_, let operands) = expression { stack.append(contentsOf: operands.reversed()) }
    }
  }

  /// The leaves, in order of first appearance, each once.
  @inlinable public var leaves: [Leaf] {
    var seen = Set<Leaf>()
    var result: [Leaf] = []
    visit { if case .leaf(let leaf) = $0, seen.insert(leaf).inserted { result.append(leaf) } }
    return result
  }

  /// Whether `part` occurs in this expression (or is it).
  @inlinable public func contains(_ part: Expression) -> Bool {
    var found = false
    visit { if !found, $0 == part { found = true } }
    return found
  }

  /// The expression with each leaf replaced by what `transform` makes of it.
  @inlinable public func mapLeaves<Other>(_ transform: (Leaf) throws -> Expression<Other>) rethrows -> Expression<Other> {
    switch self {
    case .number(let value, let text): return .number(value, text: text)
    case .leaf(let leaf): return try transform(leaf)
    case .apply(let op, let operands): return .apply(op, try operands.map { try $0.mapLeaves(transform) })
    }
  }

  /// The expression with each leaf for which `replacement` gives an expression
  /// replaced by it.
  @inlinable public func replacingLeaves(_ replacement: (Leaf) -> Expression?) -> Expression {
    mapLeaves { leaf in replacement(leaf) ?? .leaf(leaf) }
  }

  /// The expression with each subexpression for which `replacement` gives one replaced
  /// by it, outermost first.
  @inlinable public func replacing(_ replacement: (Expression) -> Expression?) -> Expression {
    if let replaced = replacement(self) { return replaced }
    guard case .apply(let op, let operands) = self else { return self }
    return .apply(op, operands.map { $0.replacing(replacement) })
  }

  /// How deeply operators nest: 0 for a number or a leaf.
  @inlinable public var depth: Int {
    var deepest = 0
    var stack: [(Expression, Int)] = [(self, 0)]
    while let (expression, level) = stack.popLast() {
      deepest = Swift.max(deepest, level)
      if case .apply(_, let operands) = expression { stack.append(contentsOf: operands.map { ($0, level + 1) }) }
    }
    return deepest
  }
}

extension Expression where Leaf == Operator.Slot {
  /// The rule with its slots filled: operand n by `operands[n]`, its derivative by
  /// `derivatives[n]`.
  @inlinable public func instantiated<Other>(operands: [Expression<Other>], derivatives: [Expression<Other>]) -> Expression<Other> {
    mapLeaves { slot in
      switch slot {
      case .operand(let n): operands[n]
      case .derivative(let n): derivatives[n]
      }
    }
  }
}
