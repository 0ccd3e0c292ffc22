/// An example compiled into a ``Graph``: one node per quantity, its formula's
/// operations on the tape just before it.
public struct Network: Sendable {
  /// What a quantity is.
  public enum Role: Sendable, Equatable {
    case leaf(Example.LeafKind)
    case equation
  }

  /// A named quantity of the network.
  public struct Quantity: Sendable {
    public var name: String
    public var role: Role
    /// The node holding the quantity's value.
    public var node: Graph.Node
    /// The tape positions of the quantity's own formula (empty for a leaf).
    public var range: Range<Graph.Node>
    /// The formula, for equations.
    public var formula: Formula?
    /// The quantities the formula reads, in order of first appearance.
    public var inputs: [String]
    public var location: SourceLocation
  }

  public let example: Example
  public private(set) var graph = Graph()
  /// Every quantity: leaves in file order, then equations in an order where each
  /// comes after the quantities it reads (file order where there is a choice).
  public private(set) var quantities: [Quantity] = []
  private var index: [String: Int] = [:]
  /// For each quantity, the positions of the quantities whose formulas read it.
  private var readers: [String: [Int]] = [:]
  /// The quantity whose value a node holds.
  public private(set) var nameOfNode: [Graph.Node: String] = [:]
  /// Each formula that is more than a name or a number, and the quantity it defines.
  public private(set) var quantityOfFormula: [Formula: String] = [:]

  /// Compiles `example`.
  ///
  /// - Throws: ``ExampleError`` for a cycle among the forward equations.
  public init(_ example: Example) throws {
    self.example = example
    for leaf in example.leaves {
      let node = graph.leaf(leaf.value)
      add(Quantity(name: leaf.name, role: .leaf(leaf.kind), node: node, range: node..<node, inputs: [], location: leaf.location))
    }
    for equation in try Self.ordered(example) {
      let start = graph.count
      var node = compile(equation.formula)
      if node < start { node = graph.apply(.identity, node) }
      add(
        Quantity(
          name: equation.name, role: .equation, node: node, range: start..<graph.count, formula: equation.formula,
          inputs: equation.formula.names, location: equation.location))
    }
  }

  private mutating func add(_ quantity: Quantity) {
    if nameOfNode[quantity.node] == nil { nameOfNode[quantity.node] = quantity.name }
    if let formula = quantity.formula, formula.hasOperator, quantityOfFormula[formula] == nil {
      quantityOfFormula[formula] = quantity.name
    }
    for input in quantity.inputs { readers[input, default: []].append(quantities.count) }
    index[quantity.name] = quantities.count
    quantities.append(quantity)
  }

  /// The quantity called `name`.
  public func quantity(_ name: String) -> Quantity? {
    index[name].map { quantities[$0] }
  }

  /// The loss quantity.
  public var loss: Quantity { quantity(example.loss)! }

  /// The quantities whose formulas read `name`, in order.
  ///
  /// - Complexity: O(k) for k consumers.
  public func consumers(of name: String) -> [Quantity] {
    (readers[name] ?? []).map { quantities[$0] }
  }

  private mutating func compile(_ expression: Formula) -> Graph.Node {
    switch expression {
    case .number(let value, _):
      return graph.leaf(value)
    case .name(let name):
      return quantity(name)!.node
    case .negate(let inner):
      return graph.apply(.negate, compile(inner))
    case .binary(let op, let left, let right):
      let a = compile(left)
      let b = compile(right)
      let operation: Graph.Operation =
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .power: .power
        }
      return graph.apply(operation, a, b)
    case .call(let function, let argument):
      return graph.apply(.function(function), compile(argument))
    case .derivative, .afterUpdate, .afterTraining, .substituting:
      preconditionFailure("the parser keeps these out of forward equations")
    }
  }

  /// The equations in dependency order (Kahn's algorithm, ties in file order).
  private static func ordered(_ example: Example) throws -> [Example.Equation] {
    let equations = example.equations
    let position = Dictionary(uniqueKeysWithValues: equations.enumerated().map { ($1.name, $0) })
    var waitingOn = equations.map { equation in Set(equation.formula.names.compactMap { position[$0] }) }
    var readers = [[Int]](repeating: [], count: equations.count)
    for (i, inputs) in waitingOn.enumerated() {
      for input in inputs { readers[input].append(i) }
    }
    var ready = MinHeap(waitingOn.indices.filter { waitingOn[$0].isEmpty })
    var result: [Example.Equation] = []
    while let next = ready.pop() {
      result.append(equations[next])
      for reader in readers[next] {
        waitingOn[reader].remove(next)
        if waitingOn[reader].isEmpty { ready.push(reader) }
      }
    }
    if result.count < equations.count {
      throw cycleError(example, waitingOn: waitingOn, position: position)
    }
    return result
  }

  /// Names one cycle: follow unfinished inputs until a name repeats.
  private static func cycleError(_ example: Example, waitingOn: [Set<Int>], position: [String: Int]) -> ExampleError {
    let equations = example.equations
    var path: [Int] = []
    var current = waitingOn.indices.first { !waitingOn[$0].isEmpty }!
    while !path.contains(current) {
      path.append(current)
      let formula = equations[current].formula
      current = formula.names.compactMap { position[$0] }.first { !waitingOn[$0].isEmpty }!
    }
    let cycle = path[path.firstIndex(of: current)!...].map { equations[$0] }
    let start = cycle.min { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }!
    let startIndex = cycle.firstIndex { $0.name == start.name }!
    let names = (cycle[startIndex...] + cycle[..<startIndex]).map(\.name)
    return ExampleError(
      file: example.file, location: start.location,
      message: "cycle among the forward equations: " + (names + [start.name]).joined(separator: " -> "))
  }
}

/// A small binary min-heap of positions, for a stable topological order.
struct MinHeap {
  private var items: [Int] = []

  init(_ items: [Int]) {
    for item in items { push(item) }
  }

  mutating func push(_ item: Int) {
    items.append(item)
    var child = items.count - 1
    while child > 0, items[(child - 1) / 2] > items[child] {
      items.swapAt(child, (child - 1) / 2)
      child = (child - 1) / 2
    }
  }

  mutating func pop() -> Int? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let top = items.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < items.count, items[left] < items[smallest] { smallest = left }
      if right < items.count, items[right] < items[smallest] { smallest = right }
      if smallest == parent { return top }
      items.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
