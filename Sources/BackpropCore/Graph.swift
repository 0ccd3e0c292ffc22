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
    /// Σ aᵢ·bᵢ over pairs of operands: a neuron's weighted sum in one node.
    /// ∂/∂aᵢ = bᵢ and ∂/∂bᵢ = aᵢ: its local derivatives are its operands' values.
    case dot
  }

  public private(set) var operations: [Operation] = []
  /// Operand indices; `-1` where the node has fewer operands. For a ``Operation/dot``
  /// node: where its operand pairs start in ``pairs``, and how many there are.
  public private(set) var operands: [(Int32, Int32)] = []
  /// The operands of dot nodes, two by two: a₀, b₀, a₁, b₁, ...
  public private(set) var pairs: [Int32] = []
  public internal(set) var values: [Double] = []
  /// ∂node/∂first operand and ∂node/∂second operand, set by ``backward(from:)``.
  public private(set) var localDerivatives: [(Double, Double)] = []
  /// ∂root/∂node for the root of the last ``backward(from:)``.
  public private(set) var adjoints: [Double] = []

  public init() {}

  public var count: Int { operations.count }

  /// The bytes the tape's arrays hold: what a node costs in memory.
  public var bytesUsed: Int {
    operations.capacity * MemoryLayout<Operation>.stride + operands.capacity * MemoryLayout<(Int32, Int32)>.stride
      + pairs.capacity * MemoryLayout<Int32>.stride
      + (values.capacity + adjoints.capacity) * MemoryLayout<Double>.stride
      + localDerivatives.capacity * MemoryLayout<(Double, Double)>.stride
  }

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

  /// Adds a node computing Σ aᵢ·bᵢ, summed in order.
  @discardableResult
  public mutating func dot(_ terms: [(Node, Node)]) -> Node {
    precondition(terms.allSatisfy { $0.0 >= 0 && $0.0 < count && $0.1 >= 0 && $0.1 < count }, "operands must already be on the tape")
    let start = Int32(pairs.count / 2)  // in pairs: operands 2·start and 2·start + 1 are the first pair
    for (a, b) in terms {
      pairs.append(Int32(a))
      pairs.append(Int32(b))
    }
    let node = append(.dot, start, Int32(terms.count), 0)
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
    let count = self.count
    operations.withUnsafeBufferPointer { operations in
      operands.withUnsafeBufferPointer { operands in
        values.withUnsafeMutableBufferPointer { v in
          for node in 0..<count {
            let operation = operations[node]
            if operation == .leaf { continue }
            let (a, b) = operands[node]
            if operation == .dot {
              var sum = 0.0
              for i in Int(a)..<Int(a + b) { sum += v[Int(pairs[2 * i])] * v[Int(pairs[2 * i + 1])] }
              v[node] = sum
              continue
            }
            v[node] = Self.value(operation, a >= 0 ? v[Int(a)] : 0, b >= 0 ? v[Int(b)] : 0)
          }
        }
      }
    }
  }

  private func evaluate(_ node: Node) -> Double {
    let (a, b) = operands[node]
    if operations[node] == .leaf { return values[node] }
    if operations[node] == .dot {
      var sum = 0.0
      for i in Int(a)..<Int(a + b) { sum += values[Int(pairs[2 * i])] * values[Int(pairs[2 * i + 1])] }
      return sum
    }
    return Self.value(operations[node], a >= 0 ? values[Int(a)] : 0, b >= 0 ? values[Int(b)] : 0)
  }

  /// ∂node/∂operand for both operands, from the current values (not for a dot node:
  /// see ``contributions(of:)``).
  func localDerivative(of node: Node) -> (Double, Double) {
    let (a, b) = operands[node]
    if operations[node] == .leaf || operations[node] == .dot { return (0, 0) }
    return Self.localDerivatives(operations[node], a >= 0 ? values[Int(a)] : 0, b >= 0 ? values[Int(b)] : 0, value: values[node])
  }

  /// An operation's value from its operands' values `x` and `y`.
  @inline(__always)
  static func value(_ operation: Operation, _ x: Double, _ y: Double) -> Double {
    switch operation {
    case .leaf: .nan
    case .add: x + y
    case .subtract: x - y
    case .multiply: x * y
    case .divide: x / y
    case .power: Power.value(x, y)
    case .negate: -x
    case .identity: x
    case .function(let f): f.value(at: x)
    case .dot: .nan
    }
  }

  /// An operation's local derivatives ∂node/∂x and ∂node/∂y, given its `value`:
  /// the rule of each operation, next to it.
  @inline(__always)
  static func localDerivatives(_ operation: Operation, _ x: Double, _ y: Double, value: Double) -> (Double, Double) {
    switch operation {
    case .leaf: (0, 0)
    case .add: (1, 1)  // ∂(a + b)/∂a = 1, ∂(a + b)/∂b = 1
    case .subtract: (1, -1)  // ∂(a − b)/∂a = 1, ∂(a − b)/∂b = −1
    case .multiply: (y, x)  // ∂(a·b)/∂a = b, ∂(a·b)/∂b = a
    case .divide: (1 / y, -x / (y * y))  // ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²
    case .power: Power.derivatives(x, y, value: value)  // b·a^(b−1), a^b·ln a
    case .negate: (-1, 0)  // ∂(−a)/∂a = −1
    case .identity: (1, 0)
    case .function(let f): (f.derivative(at: x, value: value), 0)  // the function's own rule
    case .dot: (0, 0)  // per pair: ∂/∂aᵢ = bᵢ, ∂/∂bᵢ = aᵢ (see `contributions(of:)`)
    }
  }

  /// Reverse-mode differentiation of `root`: every node's adjoint ∂root/∂node.
  ///
  /// - Complexity: O(n) in the number of nodes up to `root`.
  public mutating func backward(from root: Node) {
    precondition(root >= 0 && root < count, "the root must be on the tape")
    let count = self.count
    operations.withUnsafeBufferPointer { operations in
      operands.withUnsafeBufferPointer { operands in
        values.withUnsafeBufferPointer { v in
          localDerivatives.withUnsafeMutableBufferPointer { locals in
            adjoints.withUnsafeMutableBufferPointer { adjoints in
              for node in 0..<count { adjoints[node] = 0 }
              adjoints[root] = 1
              for node in stride(from: root, through: 0, by: -1) {
                let operation = operations[node]
                if operation == .leaf { continue }
                let (a, b) = operands[node]
                if operation == .dot {
                  let adjoint = adjoints[node]
                  if adjoint == 0 { continue }
                  for i in Int(a)..<Int(a + b) {
                    let p = Int(pairs[2 * i])
                    let q = Int(pairs[2 * i + 1])
                    adjoints[p] += adjoint * v[q]
                    adjoints[q] += adjoint * v[p]
                  }
                  continue
                }
                let local = Self.localDerivatives(operation, a >= 0 ? v[Int(a)] : 0, b >= 0 ? v[Int(b)] : 0, value: v[node])
                locals[node] = local
                let adjoint = adjoints[node]
                if adjoint == 0 { continue }
                if a >= 0 { adjoints[Int(a)] += adjoint * local.0 }
                if b >= 0 { adjoints[Int(b)] += adjoint * local.1 }
              }
            }
          }
        }
      }
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
      for (operand, derivative) in contributions(of: node) {
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

  /// Each operand of `node` with ∂node/∂operand (an operand used twice appears twice).
  public func contributions(of node: Node) -> [(operand: Node, derivative: Double)] {
    let (a, b) = operands[node]
    switch operations[node] {
    case .leaf: return []
    case .dot:
      return (Int(a)..<Int(a + b)).flatMap { i -> [(operand: Node, derivative: Double)] in
        let p = Int(pairs[2 * i])
        let q = Int(pairs[2 * i + 1])
        return [(p, values[q]), (q, values[p])]
      }
    default:
      let local = localDerivative(of: node)
      return [(Int(a), local.0), (Int(b), local.1)].filter { $0.0 >= 0 }
    }
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

  /// ∂(a^b)/∂a = b·a^(b−1); ∂(a^b)/∂b = a^b·ln a, not defined for a < 0.
  static func derivatives(_ a: Double, _ b: Double, value: Double) -> (Double, Double) {
    let da = b == 0 ? 0 : (b == 2 ? 2 * a : b * Power.value(a, b - 1))
    // a^b·ln a; at a = 0 the limit 0 (for b > 0); for a < 0 there is none.
    let db = a > 0 ? value * Foundation.log(a) : (a == 0 && b > 0 ? 0 : .nan)
    return (da, db)
  }
}
