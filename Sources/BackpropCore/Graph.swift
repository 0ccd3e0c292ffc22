import Foundation

/// A scalar computation graph, stored as a tape: every node comes after its inputs.
///
/// Because nodes are appended after their operands, the tape is already in
/// topological order: ``forward()`` walks it front to back and ``backward(from:)``
/// back to front, with no recursion and no sort, so a chain of a million nodes
/// needs no more stack than a chain of three.
///
/// Mathematical properties: ``backward(from:)`` is reverse-mode differentiation.
/// It keeps, for every node, the local derivatives ∂node/∂operand
/// (``localDerivatives``) and the adjoint ∂root/∂node (``adjoints``); a node
/// used by several others receives the sum of the contributions of every path.
public struct Graph: Sendable {
  /// A node's position on the tape.
  public typealias Node = Int

  /// What a node computes from its operands.
  public enum Operation: Hashable, Sendable {
    /// A value set from outside: an input, a parameter or a constant.
    case leaf
    case add, subtract, multiply, divide
    /// `a^b` for any real `b`.
    case power
    case negate
    /// The operand's value unchanged, so that a quantity defined as another has a node.
    case identity
    case function(Function)
  }

  public private(set) var operations: [Operation] = []
  /// Operand indices; `-1` where the node has fewer operands.
  public private(set) var operands: [(Int32, Int32)] = []
  public internal(set) var values: [Double] = []
  /// ∂node/∂first operand and ∂node/∂second operand, set by ``backward(from:)``.
  public private(set) var localDerivatives: [(Double, Double)] = []
  /// ∂root/∂node for the root of the last ``backward(from:)``.
  public private(set) var adjoints: [Double] = []

  public init() {}

  /// - Complexity: O(1) amortised.
  public var count: Int { operations.count }

  /// Adds a leaf with the given value.
  @discardableResult
  public mutating func leaf(_ value: Double) -> Node {
    append(.leaf, -1, -1, value)
  }

  /// Adds a node computing `operation` of `a` (and `b` for binary operations).
  ///
  /// Its value is computed at once, so a graph built node by node needs no ``forward()``.
  @discardableResult
  public mutating func apply(_ operation: Operation, _ a: Node, _ b: Node = -1) -> Node {
    precondition(a >= 0 && a < count && b < count, "operands must already be on the tape")
    let node = append(operation, Int32(a), Int32(b), 0)
    values[node] = evaluate(node)
    return node
  }

  private mutating func append(_ operation: Operation, _ a: Int32, _ b: Int32, _ value: Double) -> Node {
    operations.append(operation)
    operands.append((a, b))
    values.append(value)
    localDerivatives.append((0, 0))
    adjoints.append(0)
    return operations.count - 1
  }

  /// Sets a leaf's value; call ``forward()`` afterwards.
  public mutating func set(_ node: Node, to value: Double) {
    precondition(operations[node] == .leaf, "only leaves are set from outside")
    values[node] = value
  }

  /// Recomputes every node from the leaves, front to back.
  ///
  /// - Complexity: O(n) in the number of nodes.
  public mutating func forward() {
    for node in 0..<count where operations[node] != .leaf {
      values[node] = evaluate(node)
    }
  }

  /// Recomputes only the nodes in `range` (a quantity's own formula).
  mutating func forward(_ range: Range<Node>) {
    for node in range where operations[node] != .leaf {
      values[node] = evaluate(node)
    }
  }

  @inline(__always)
  private func evaluate(_ node: Node) -> Double {
    let (a, b) = operands[node]
    let x = a >= 0 ? values[Int(a)] : 0
    let y = b >= 0 ? values[Int(b)] : 0
    switch operations[node] {
    case .leaf: return values[node]
    case .add: return x + y
    case .subtract: return x - y
    case .multiply: return x * y
    case .divide: return x / y
    case .power: return Power.value(x, y)
    case .negate: return -x
    case .identity: return x
    case .function(let f): return f.value(at: x)
    }
  }

  /// ∂node/∂operand for both operands, from the current values.
  @inline(__always)
  func localDerivative(of node: Node) -> (Double, Double) {
    let (a, b) = operands[node]
    let x = a >= 0 ? values[Int(a)] : 0
    let y = b >= 0 ? values[Int(b)] : 0
    switch operations[node] {
    case .leaf: return (0, 0)
    case .add: return (1, 1)  // ∂(a + b)/∂a = 1, ∂(a + b)/∂b = 1
    case .subtract: return (1, -1)  // ∂(a − b)/∂a = 1, ∂(a − b)/∂b = −1
    case .multiply: return (y, x)  // ∂(a·b)/∂a = b, ∂(a·b)/∂b = a
    case .divide: return (1 / y, -x / (y * y))  // ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²
    case .power: return Power.derivatives(x, y, value: values[node])
    case .negate: return (-1, 0)  // ∂(−a)/∂a = −1
    case .identity: return (1, 0)
    case .function(let f): return (f.derivative(at: x, value: values[node]), 0)
    }
  }

  /// Reverse-mode differentiation of `root`: every node's adjoint ∂root/∂node.
  ///
  /// - Complexity: O(n) in the number of nodes up to `root`.
  public mutating func backward(from root: Node) {
    for node in 0..<count {
      adjoints[node] = 0
    }
    adjoints[root] = 1
    for node in stride(from: root, through: 0, by: -1) {
      let adjoint = adjoints[node]
      let local = localDerivative(of: node)
      localDerivatives[node] = local
      guard adjoint != 0 else { continue }
      let (a, b) = operands[node]
      if a >= 0 { adjoints[Int(a)] += adjoint * local.0 }
      if b >= 0 { adjoints[Int(b)] += adjoint * local.1 }
    }
  }

  /// The partial derivatives of `root` with respect to the nodes it reads from outside
  /// `range`, treating those nodes as independent: the local derivatives of a
  /// quantity whose formula occupies `range`, with `root` its last node.
  ///
  /// - Returns: each outside node with ∂root/∂node, in order of first use.
  public func partials(of root: Node, within range: Range<Node>) -> [(node: Node, derivative: Double)] {
    var adjoint = [Double](repeating: 0, count: range.count)
    var outside: [Node: Double] = [:]
    var order: [Node] = []
    adjoint[root - range.lowerBound] = 1
    for node in stride(from: root, through: range.lowerBound, by: -1) {
      let seed = adjoint[node - range.lowerBound]
      let local = localDerivative(of: node)
      let (a, b) = operands[node]
      for (operand, derivative) in [(a, local.0), (b, local.1)] where operand >= 0 {
        let operand = Int(operand)
        if range.contains(operand) {
          adjoint[operand - range.lowerBound] += seed * derivative
        } else {
          if outside[operand] == nil { order.append(operand) }
          outside[operand, default: 0] += seed * derivative
        }
      }
    }
    return order.reversed().map { ($0, outside[$0]!) }
  }
}

/// `a^b` and its partial derivatives, the one operation whose rule depends on its operands.
enum Power {
  static func value(_ a: Double, _ b: Double) -> Double {
    if b == 2 { return a * a }
    if b == 1 { return a }
    if b == 0 { return 1 }
    return Foundation.pow(a, b)
  }

  /// ∂(a^b)/∂a = b·a^(b−1); ∂(a^b)/∂b = a^b·ln a (0 where a^b does not depend on b).
  static func derivatives(_ a: Double, _ b: Double, value: Double) -> (Double, Double) {
    let da = b == 0 ? 0 : (b == 2 ? 2 * a : b * Power.value(a, b - 1))
    let db = a > 0 ? value * Foundation.log(a) : 0
    return (da, db)
  }
}
