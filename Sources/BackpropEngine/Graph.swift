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
    /// An operator of the table applied to one or two operands.
    case apply(Operator)
    /// Σ aᵢ·bᵢ over pairs of operands: a neuron's weighted sum in one node.
    /// ∂/∂aᵢ = bᵢ and ∂/∂bᵢ = aᵢ: its local derivatives are its operands' values.
    case dot
  }

  /// What each node computes, in tape order.
  public private(set) var operations: [Operation] = []
  /// Operand indices; `-1` where the node has fewer operands. For a ``Operation/dot``
  /// node: where its operand pairs start in ``pairs``, and how many there are.
  public private(set) var operands: [(Int32, Int32)] = []
  /// The operands of dot nodes, two by two: a₀, b₀, a₁, b₁, ...
  public private(set) var pairs: [Int32] = []
  /// Each node's value from the last forward pass (or from when it was added).
  public internal(set) var values: [Double] = []
  /// ∂node/∂first operand and ∂node/∂second operand, set by ``backward(from:)`` for
  /// operator nodes; a dot node's are its operands' values (see ``contributions(of:)``),
  /// so it keeps (0, 0) here.
  public private(set) var localDerivatives: [(Double, Double)] = []
  /// ∂root/∂node for the root of the last ``backward(from:)``.
  public private(set) var adjoints: [Double] = []

  /// An empty tape.
  public init() {}

  /// The number of nodes on the tape.
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
  public mutating func apply(_ op: Operator, _ a: Node, _ b: Node = -1) -> Node {
    precondition(a >= 0 && a < count && b < count, "operands must already be on the tape")
    precondition((b >= 0 ? 2 : 1) == op.arity, "an operator takes as many operands as its arity")
    let node = append(.apply(op), Int32(a), Int32(b), 0)
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

  /// The same tape with the values and adjoints of another pass over it: a state kept as
  /// its numbers only, so that many states share one tape's structure.
  public func with(values: [Double], adjoints: [Double]) -> Graph {
    precondition(values.count == count && adjoints.count == count, "a pass over this tape")
    var graph = self
    graph.values = values
    graph.adjoints = adjoints
    return graph
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
    Operator.valueFunctions.withUnsafeBufferPointer { value in
      operations.withUnsafeBufferPointer { operations in
        operands.withUnsafeBufferPointer { operands in
          values.withUnsafeMutableBufferPointer { v in
            for node in 0..<count {
              let (a, b) = operands[node]
              switch operations[node] {
              case .leaf: continue
              case .dot:
                var sum = 0.0
                for i in Int(a)..<Int(a + b) { sum += v[Int(pairs[2 * i])] * v[Int(pairs[2 * i + 1])] }
                v[node] = sum
              case .apply(let op):
                v[node] = value[Int(op.index)](v[Int(a)], b >= 0 ? v[Int(b)] : 0)
              }
            }
          }
        }
      }
    }
  }

  private func evaluate(_ node: Node) -> Double {
    let (a, b) = operands[node]
    switch operations[node] {
    case .leaf: return values[node]
    case .dot:
      var sum = 0.0
      for i in Int(a)..<Int(a + b) { sum += values[Int(pairs[2 * i])] * values[Int(pairs[2 * i + 1])] }
      return sum
    case .apply(let op): return op.definition.value(values[Int(a)], b >= 0 ? values[Int(b)] : 0)
    }
  }

  /// ∂node/∂operand for both operands, from the current values (not for a dot node:
  /// see ``contributions(of:)``).
  func localDerivative(of node: Node) -> (Double, Double) {
    guard case .apply(let op) = operations[node] else { return (0, 0) }
    let (a, b) = operands[node]
    return op.definition.localDerivatives(values[Int(a)], b >= 0 ? values[Int(b)] : 0, values[node])
  }

  /// Reverse-mode differentiation of `root`: every node's adjoint ∂root/∂node.
  ///
  /// - Complexity: O(n) in the number of nodes up to `root`.
  public mutating func backward(from root: Node) {
    precondition(root >= 0 && root < count, "the root must be on the tape")
    let count = self.count
    Operator.derivativeFunctions.withUnsafeBufferPointer { derivative in
      operations.withUnsafeBufferPointer { operations in
        operands.withUnsafeBufferPointer { operands in
          values.withUnsafeBufferPointer { v in
            localDerivatives.withUnsafeMutableBufferPointer { locals in
              adjoints.withUnsafeMutableBufferPointer { adjoints in
                for node in 0..<count { adjoints[node] = 0 }
                adjoints[root] = 1
                for node in stride(from: root, through: 0, by: -1) {
                  let (a, b) = operands[node]
                  switch operations[node] {
                  case .leaf: continue
                  case .dot:
                    let adjoint = adjoints[node]
                    if adjoint == 0 { continue }
                    for i in Int(a)..<Int(a + b) {
                      let p = Int(pairs[2 * i])
                      let q = Int(pairs[2 * i + 1])
                      adjoints[p] += adjoint * v[q]
                      adjoints[q] += adjoint * v[p]
                    }
                  case .apply(let op):
                    let (dx, dy) = derivative[Int(op.index)]
                    let x = v[Int(a)]
                    let y = b >= 0 ? v[Int(b)] : 0
                    let local = (dx(x, y, v[node]), b >= 0 ? dy(x, y, v[node]) : 0)
                    locals[node] = local
                    let adjoint = adjoints[node]
                    if adjoint == 0 { continue }
                    adjoints[Int(a)] += adjoint * local.0
                    if b >= 0 { adjoints[Int(b)] += adjoint * local.1 }
                  }
                }
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
