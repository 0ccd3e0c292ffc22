import BackpropEngine

/// Computes with a network: forward pass, backward pass, update, training, and the
/// value of any expression over them.
///
/// A *state* is the values of the network's leaves. The example's own values are
/// the initial state; `E'`, `E@N` and `E[...]` evaluate `E` in other states. Each
/// state's forward and backward pass is computed once and kept.
public final class Evaluation {
  /// The example compiled into a graph: the tape every pass runs on.
  public let network: Network
  /// The leaf values of the example as written.
  public let initialState: State
  private var initialPass: Pass?
  private var passes: [State: Pass] = [:]
  private var letValues: [LetKey: Double] = [:]
  private lazy var definitions = Dictionary(
    network.example.definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

  private struct LetKey: Hashable {
    var name: String
    var state: State
  }
  private var trained: [TrainingKey: State] = [:]

  /// A forward and backward pass in one state.
  public struct Pass: Sendable {
    /// The graph after the forward pass and the backward pass from the loss.
    public var graph: Graph
  }

  private struct TrainingKey: Hashable {
    var state: State
    var training: DocumentTerm.Training
  }

  /// The most steps `E@converged` runs before it gives up.
  public static let convergenceLimit = 1_000_000

  /// Compiles `example` and checks its initial forward and backward pass.
  ///
  /// - Throws: ``ExampleError`` for a cycle, or for a quantity or derivative that is
  ///   not a finite number (a division by zero, the log of a negative number, an overflow).
  public init(_ example: Example) throws {
    network = try Network(example)
    initialState = network.initialState
    let pass = try self.pass(initialState)
    try checkFinite(pass.graph)
  }

  /// The forward and backward pass in `state`.
  public func pass(_ state: State) throws -> Pass {
    // The example's own state is asked for most: kept apart, compared without hashing.
    if let initialPass, state == initialState { return initialPass }
    if let pass = passes[state] { return pass }
    let pass = Pass(graph: graph(in: state))
    if state == initialState { initialPass = pass } else { passes[state] = pass }
    return pass
  }

  /// The network's graph with `state`'s leaf values, after the forward pass and the
  /// backward pass from the loss.
  public func graph(in state: State) -> Graph {
    var graph = network.graph
    for leaf in network.leaves {
      if let id = leaf.leaf { graph.set(leaf.node, to: state[id]) }
    }
    graph.forward()
    graph.backward(from: network.loss.node)
    return graph
  }

  /// The value of a quantity in a state.
  public func value(of name: String, in state: State) throws -> Double {
    try pass(state).graph.values[network.require(name).node]
  }

  /// ∂of/∂withRespectTo in `state`, through every path.
  public func derivative(of: String, withRespectTo: String, in state: State) throws -> Double {
    let wrt = try network.require(withRespectTo).node
    var graph = try pass(state).graph
    if of != network.example.loss {
      graph.backward(from: try network.require(of).node)
    }
    return graph.adjoints[wrt]
  }

  /// The local derivatives of a quantity with respect to each quantity its formula
  /// reads, the others held fixed: ∂z_h1/∂w1 = x1.
  public func localDerivatives(of name: String, in state: State) throws -> [String: Double] {
    let quantity = try network.require(name)
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
    guard let rate = network.rate else { throw EvaluationError.noRate }
    let graph = try pass(state).graph
    var next = state
    for parameter in network.leaves where parameter.role == .leaf(.param) {
      guard let id = parameter.leaf else { continue }
      next[id] = state[id] - state[rate] * graph.adjoints[parameter.node]
    }
    return next
  }

  /// The most node-steps (steps × tape length) one training run may take: a few
  /// seconds at most, however large the network or the number of steps asked for.
  public static let trainingBudget = 200_000_000

  /// The state after `training` from `state`, run on one reused graph.
  public func trained(_ state: State, _ training: DocumentTerm.Training) throws -> State {
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
    let current = run.state(at: run.last, from: state)
    trained[key] = current
    return current
  }

  /// `state` with some leaves set to other values.
  public func substituting(_ assignments: [(name: String, value: Double)], in state: State) throws -> State {
    var next = state
    for (name, value) in assignments { next[try network.leaf(name)] = value }
    return next
  }

  /// The value of any expression of the file in `state`.
  public func value(of expression: DocumentExpression, in state: State) throws -> Double {
    try expression.value { term in try value(of: term, in: state) }
  }

  /// The value of one leaf of a document expression in `state`.
  public func value(of term: DocumentTerm, in state: State) throws -> Double {
    switch term {
    case .name(let name):
      if network.quantity(name) != nil { return try value(of: name, in: state) }
      guard let definition = definitions[name] else { throw EvaluationError.unknownName(name) }
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
    }
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
