import BackpropEngine

/// An example compiled into a ``Graph``: one node per quantity, its formula's
/// operations on the tape just before it.
public struct Network: Sendable {
  /// What a quantity is.
  public enum Role: Sendable, Equatable {
    /// A value set from outside: an input, target, parameter, constant or the learning rate.
    case leaf(Example.LeafKind)
    /// A value the forward pass computes from its formula.
    case equation
  }

  /// A named quantity of the network.
  public struct Quantity: Sendable {
    /// The quantity's name in the file.
    public var name: String
    /// Whether it is a leaf (and of which kind) or computed by an equation.
    public var role: Role
    /// The node holding the quantity's value.
    public var node: Graph.Node
    /// For a leaf: its identifier, which addresses its value in a ``State``.
    public var leaf: LeafID?
    /// The tape positions of the quantity's own formula (empty for a leaf).
    public var range: Range<Graph.Node>
    /// The formula, for equations.
    public var formula: Formula?
    /// The quantities the formula reads, in order of first appearance.
    public var inputs: [String]
    /// Where the file declares or defines it.
    public var location: SourceLocation
  }

  /// The example as the file declares it.
  public let example: Example
  /// The tape: the leaves in file order, then each equation's operations in forward order,
  /// the quantity's node last.
  public private(set) var graph = Graph()
  /// The leaves, in file order: ``LeafID`` indexes them.
  public private(set) var leaves: [Quantity] = []
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

  /// The most nodes a network's tape may have: every command then finishes within its
  /// budget of time and memory, whatever the file asks of it.
  public static let maximumNodes = 40_000

  /// Compiles `example`.
  ///
  /// - Throws: ``ExampleError`` for a cycle among the forward equations.
  public init(_ example: Example) throws {
    self.example = example
    defer { lossIndex = index[example.loss] ?? 0 }
    for leaf in example.leaves {
      let node = graph.leaf(leaf.value)
      let quantity = Quantity(
        name: leaf.name, role: .leaf(leaf.kind), node: node, leaf: LeafID(index: leaves.count), range: node..<node, inputs: [],
        location: leaf.location)
      leaves.append(quantity)
      add(quantity)
    }
    for equation in try Self.ordered(example) {
      let start = graph.count
      var node = try compile(equation.formula, at: equation.location)
      if node < start { node = graph.apply(.identity, node) }
      if graph.count > Self.maximumNodes {
        throw ExampleError(
          file: example.file, location: equation.location,
          message: "the network has more than \(Self.maximumNodes) operations in all: the tutor walks examples of a size worked by hand")
      }
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

  /// The quantity of a leaf.
  public func quantity(_ leaf: LeafID) -> Quantity {
    leaves[leaf.index]
  }

  /// The quantity called `name`, or an error naming it.
  ///
  /// - Throws: ``EvaluationError/unknownName(_:)``.
  public func require(_ name: String) throws -> Quantity {
    guard let quantity = quantity(name) else { throw EvaluationError.unknownName(name) }
    return quantity
  }

  /// The leaf called `name`, or an error: only inputs, targets, parameters,
  /// constants and the rate have one.
  ///
  /// - Throws: ``EvaluationError/notALeaf(_:)``.
  public func leaf(_ name: String) throws -> LeafID {
    guard let id = quantity(name)?.leaf else { throw EvaluationError.notALeaf(name) }
    return id
  }

  /// The loss quantity (the parser makes sure the file names one).
  public var loss: Quantity { quantities[lossIndex] }
  private var lossIndex = 0

  /// The values the example gives its leaves.
  public var initialState: State { State(values: example.leaves.map(\.value)) }

  /// The trainable parameters' leaves, in file order.
  public var parameters: [LeafID] { leaves.filter { $0.role == .leaf(.param) }.compactMap(\.leaf) }

  /// The learning rate's leaf, if the file declares one.
  public var rate: LeafID? { leaves.first { $0.role == .leaf(.rate) }?.leaf }

  /// The quantities whose formulas read `name`, in order.
  ///
  /// - Complexity: O(k) for k consumers.
  public func consumers(of name: String) -> [Quantity] {
    (readers[name] ?? []).map { quantities[$0] }
  }

  /// Puts a formula's operations on the tape, operands first, and returns its node.
  private mutating func compile(_ formula: Formula, at location: SourceLocation) throws -> Graph.Node {
    switch formula {
    case .number(let value, _):
      return graph.leaf(value)
    case .leaf(let name):
      guard let quantity = quantity(name) else {
        throw ExampleError(file: example.file, location: location, message: "unknown name '\(name.excerpt())'")
      }
      return quantity.node
    case .apply(let op, let operands):
      let nodes = try operands.map { try compile($0, at: location) }
      return graph.apply(op, nodes[0], nodes.count > 1 ? nodes[1] : -1)
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
