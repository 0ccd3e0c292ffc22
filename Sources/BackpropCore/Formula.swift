/// A formula over named quantities, as written in an example file.
///
/// Forward equations use numbers, names, the four operations, powers and the
/// functions of ``Function``. Document values may also name derivatives and the
/// states of the network after training or with changed values.
public indirect enum Formula: Hashable, Sendable {
  /// A number, with the text it was written as (`0.10` stays `0.10`).
  case number(Double, text: String)
  /// A quantity of the network, or a `let` value.
  case name(String)
  case negate(Formula)
  case binary(BinaryOperator, Formula, Formula)
  case call(Function, Formula)
  /// ∂of/∂withRespectTo, through every path of the network.
  case derivative(of: String, withRespectTo: String)
  /// The expression after one gradient-descent update: `E'`.
  case afterUpdate(Formula)
  /// The expression after some updates: `E@N`, `E@converged`.
  case afterTraining(Formula, Training)
  /// The expression with leaves set to other values: `E[w2 = 0.6]`.
  case substituting(Formula, [Assignment])

  /// A leaf set to another value inside `E[...]`.
  public struct Assignment: Hashable, Sendable {
    public var name: String
    public var value: Formula

    public init(name: String, value: Formula) {
      self.name = name
      self.value = value
    }
  }

  /// How far gradient descent runs in `E@...`.
  public enum Training: Hashable, Sendable {
    case steps(Int)
    case converged
  }

  /// A number written the shortest way that reads it back exactly.
  public static func literal(_ value: Double) -> Formula {
    .number(value, text: Readable.shortest(value))
  }
}

/// The binary operations of a formula.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case power = "^"

  /// How tightly the operator binds: higher binds tighter.
  var precedence: Int {
    switch self {
    case .add, .subtract: 1
    case .multiply, .divide: 2
    case .power: 4
    }
  }
}

extension Formula {
  /// The names the expression reads, in order of first appearance, each once.
  ///
  /// A derivative reads both of its quantities; a substitution reads the names
  /// of its assignments' values but not the names it assigns.
  public var names: [String] {
    var seen = Set<String>()
    var result: [String] = []
    visit { expression in
      let found: [String]
      switch expression {
      case .name(let name): found = [name]
      case .derivative(let of, let wrt): found = [of, wrt]
      default: found = []
      }
      for name in found where seen.insert(name).inserted {
        result.append(name)
      }
    }
    return result
  }

  /// The formula with each leaf (name, derivative, state) for which `replacement`
  /// gives a formula replaced by it.
  public func replacingLeaves(_ replacement: (Formula) -> Formula?) -> Formula {
    switch self {
    case .number: return self
    case .negate(let inner): return .negate(inner.replacingLeaves(replacement))
    case .binary(let op, let l, let r): return .binary(op, l.replacingLeaves(replacement), r.replacingLeaves(replacement))
    case .call(let f, let u): return .call(f, u.replacingLeaves(replacement))
    case .name, .derivative, .afterUpdate, .afterTraining, .substituting: return replacement(self) ?? self
    }
  }

  /// Whether `part` occurs in this expression (or is it).
  public func contains(_ part: Formula) -> Bool {
    var found = false
    visit { if $0 == part { found = true } }
    return found
  }

  /// Calls `body` on this expression and every subexpression, parents first.
  public func visit(_ body: (Formula) -> Void) {
    var stack: [Formula] = [self]
    while let expression = stack.popLast() {
      body(expression)
      switch expression {
      case .number, .name, .derivative: break
      case .negate(let inner), .call(_, let inner), .afterUpdate(let inner),
        .afterTraining(let inner, _):
        stack.append(inner)
      case .binary(_, let left, let right):
        stack.append(right)
        stack.append(left)
      case .substituting(let inner, let assignments):
        stack.append(contentsOf: assignments.reversed().map(\.value))
        stack.append(inner)
      }
    }
  }
}
