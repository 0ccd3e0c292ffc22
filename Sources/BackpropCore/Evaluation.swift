/// Computes with a network: forward pass, backward pass, update, training, and the
/// value of any expression over them.
///
/// A *state* is the values of the network's leaves. The example's own values are
/// the initial state; `E'`, `E@N` and `E[...]` evaluate `E` in other states. Each
/// state's forward and backward pass is computed once and kept.
public final class Evaluation {
  public let network: Network
  /// The leaf values of the example as written.
  public let initialState: State
  private var passes: [State: Pass] = [:]
  private var letValues: [LetKey: Double] = [:]
  private lazy var definitions = Dictionary(
    network.example.definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

  private struct LetKey: Hashable {
    var name: String
    var state: State
  }
  private var trained: [TrainingKey: State] = [:]

  /// Values of the leaves, in the order of ``Example/leaves``.
  public typealias State = [Double]

  /// A forward and backward pass in one state.
  public struct Pass: Sendable {
    /// The graph after the forward pass and the backward pass from the loss.
    public var graph: Graph
  }

  private struct TrainingKey: Hashable {
    var state: State
    var training: Formula.Training
  }

  /// The most steps `E@converged` runs before it gives up.
  public static let convergenceLimit = 1_000_000

  /// Compiles `example` and checks its initial forward and backward pass.
  ///
  /// - Throws: ``ExampleError`` for a cycle, or for a quantity or derivative that is
  ///   not a finite number (a division by zero, the log of a negative number, an overflow).
  public init(_ example: Example) throws {
    network = try Network(example)
    initialState = example.leaves.map(\.value)
    let pass = try self.pass(initialState)
    try checkFinite(pass.graph)
  }

  /// The forward and backward pass in `state`.
  public func pass(_ state: State) throws -> Pass {
    // The example's own state is asked for most: know it by its storage, without hashing.
    if let initialPass, Self.sharesStorage(state, initialState) { return initialPass }
    if let pass = passes[state] { return pass }
    var graph = network.graph
    for (leaf, value) in zip(network.quantities, state) {
      graph.set(leaf.node, to: value)
    }
    graph.forward()
    graph.backward(from: network.loss.node)
    let pass = Pass(graph: graph)
    passes[state] = pass
    if Self.sharesStorage(state, initialState) { initialPass = pass }
    return pass
  }

  private var initialPass: Pass?

  /// Whether two arrays are one array's storage: then they are equal, at O(1) cost.
  private static func sharesStorage(_ a: State, _ b: State) -> Bool {
    a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress && x.count == y.count } }
  }

  /// The value of a quantity in a state.
  public func value(of name: String, in state: State) throws -> Double {
    try pass(state).graph.values[network.quantity(name)!.node]
  }

  /// ∂of/∂withRespectTo in `state`, through every path.
  public func derivative(of: String, withRespectTo: String, in state: State) throws -> Double {
    let wrt = network.quantity(withRespectTo)!.node
    var graph = try pass(state).graph
    if of != network.example.loss {
      graph.backward(from: network.quantity(of)!.node)
    }
    return graph.adjoints[wrt]
  }

  /// The local derivatives of a quantity with respect to each quantity its formula
  /// reads, the others held fixed: ∂z_h1/∂w1 = x1.
  public func localDerivatives(of name: String, in state: State) throws -> [String: Double] {
    let quantity = network.quantity(name)!
    let graph = try pass(state).graph
    var result: [String: Double] = [:]
    for (node, derivative) in graph.partials(of: quantity.node, within: quantity.range) {
      if let input = network.nameOfNode[node] { result[input, default: 0] += derivative }
    }
    return result
  }

  /// The state after one gradient-descent update of the trainable parameters:
  /// p' = p − rate · ∂L/∂p.
  public func updated(_ state: State) throws -> State {
    guard let rate = rateIndex else { throw EvaluationError.noRate }
    let graph = try pass(state).graph
    var next = state
    for (i, leaf) in network.example.leaves.enumerated() where leaf.kind.isTrainable {
      next[i] = state[i] - state[rate] * graph.adjoints[network.quantities[i].node]
    }
    return next
  }

  /// The most node-steps (steps × tape length) one training run may take: a few
  /// seconds at most, however large the network or the number of steps asked for.
  public static let trainingBudget = 200_000_000

  /// The state after `training` from `state`, run on one reused graph.
  public func trained(_ state: State, _ training: Formula.Training) throws -> State {
    let key = TrainingKey(state: state, training: training)
    if let known = trained[key] { return known }
    let limit: Int
    switch training {
    case .steps(let count): limit = count
    case .converged: limit = Self.convergenceLimit
    }
    let cost = limit.multipliedReportingOverflow(by: max(1, network.graph.count))
    if cost.overflow || cost.partialValue > Self.trainingBudget {
      throw EvaluationError.tooLong(steps: limit, budget: Self.trainingBudget / max(1, network.graph.count))
    }
    let run = try train(from: state, steps: limit, every: max(1, limit), stopWhenSettled: training == .converged)
    if let step = run.divergedAt { throw EvaluationError.diverged(step: step) }
    if training == .converged, run.settledAt == nil { throw EvaluationError.didNotConverge(Self.convergenceLimit) }
    var current = state
    let leaves = network.example.leaves
    for (name, value) in zip(run.parameterNames, run.last.parameters) {
      if let i = leaves.firstIndex(where: { $0.name == name }) { current[i] = value }
    }
    trained[key] = current
    return current
  }

  /// `state` with some leaves set to other values.
  public func substituting(_ assignments: [(name: String, value: Double)], in state: State) throws -> State {
    var next = state
    for (name, value) in assignments {
      guard let i = network.example.leaves.firstIndex(where: { $0.name == name }) else {
        throw EvaluationError.notALeaf(name)
      }
      next[i] = value
    }
    return next
  }

  /// The value of any expression of the file in `state`.
  public func value(of expression: Formula, in state: State) throws -> Double {
    let result = try Arithmetic.value(of: expression) { leaf in
      switch leaf {
      case .name(let name):
        if network.quantity(name) != nil { return try value(of: name, in: state) }
        guard let definition = definitions[name] else { throw EvaluationError.notALeaf(name) }
        // Kept: lets that read lets twice over would otherwise cost 2^n evaluations.
        let key = LetKey(name: name, state: state)
        if let known = letValues[key] { return known }
        let result = try value(of: definition.expression, in: state)
        letValues[key] = result
        return result
      case .derivative(let of, let wrt):
        return try derivative(of: of, withRespectTo: wrt, in: state)
      case .afterUpdate(let inner):
        return try value(of: inner, in: updated(state))
      case .afterTraining(let inner, let training):
        return try value(of: inner, in: trained(state, training))
      case .substituting(let inner, let assignments):
        let values = try assignments.map { ($0.name, try value(of: $0.value, in: state)) }
        return try value(of: inner, in: substituting(values, in: state))
      default:
        preconditionFailure("Arithmetic handles numbers, operators and calls")
      }
    }
    return result
  }

  private var rateIndex: Int? {
    network.example.leaves.firstIndex { $0.kind == .rate }
  }

  /// The first quantity, in dependency order, that is not a finite number, and why.
  private func checkFinite(_ graph: Graph) throws {
    for quantity in network.quantities where quantity.role == .equation {
      if let reason = Diagnosis.nonFinite(graph, in: quantity.range) {
        throw ExampleError(file: network.example.file, location: quantity.location, message: "\(quantity.name) \(reason)")
      }
    }
    for quantity in network.quantities where !graph.adjoints[quantity.node].isFinite {
      throw ExampleError(
        file: network.example.file, location: quantity.location,
        message:
          "the derivative of the loss with respect to \(quantity.name) is not a finite number (\(Readable.format(graph.adjoints[quantity.node])))"
      )
    }
  }
}

/// What can go wrong evaluating a document value or a `let`.
public enum EvaluationError: Error, Equatable, CustomStringConvertible {
  case noRate
  case didNotConverge(Int)
  case diverged(step: Int)
  case notALeaf(String)
  case notFinite(Double)
  case tooLong(steps: Int, budget: Int)

  public var description: String {
    switch self {
    case .noRate: "the example has no learning rate; declare one with 'rate NAME = VALUE'"
    case .didNotConverge(let limit): "gradient descent did not settle within \(limit) steps"
    case .diverged(let step): "gradient descent diverged: the loss or a parameter is no longer a finite number after step \(step)"
    case .notALeaf(let name):
      "'\(name)' is computed by the network; only inputs, targets, parameters, constants and the rate can be set in [...]"
    case .notFinite(let value): "the value is not a finite number (\(Readable.format(value)))"
    case .tooLong(let steps, let budget):
      "\(steps) steps of this network is more than the tutor runs for one value (at most \(budget) steps here)"
    }
  }
}

/// Why a formula's value is not a finite number.
enum Diagnosis {
  static func nonFinite(_ graph: Graph, in range: Range<Graph.Node>) -> String? {
    for node in range where !graph.values[node].isFinite {
      let (a, b) = graph.operands[node]
      let x = a >= 0 ? graph.values[Int(a)] : 0
      let y = b >= 0 ? graph.values[Int(b)] : 0
      switch graph.operations[node] {
      case .divide where y == 0: return "divides by zero"
      case .function(.log) where x < 0: return "takes the log of a negative number (\(Readable.format(x)))"
      case .function(.log) where x == 0: return "takes the log of zero"
      case .function(.sqrt) where x < 0: return "takes the square root of a negative number (\(Readable.format(x)))"
      case .power where x < 0 && y != y.rounded(): return "raises a negative number to a fractional power"
      case .power where x == 0 && y < 0: return "raises zero to a negative power (a division by zero)"
      default:
        if (a >= 0 && !x.isFinite) || (b >= 0 && !y.isFinite) { continue }
        return graph.values[node].isNaN ? "is not a number (NaN)" : "overflows to infinity"
      }
    }
    return nil
  }
}
