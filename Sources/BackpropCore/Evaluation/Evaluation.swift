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
  /// The work this example may still cost, shared by every question asked of it.
  public let budget: WorkBudget
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

  /// A forward and backward pass in one state, kept as its numbers only: every state
  /// shares the network's tape.
  public struct Pass: Sendable {
    /// Each node's value after the forward pass.
    public var values: [Double]
    /// Each node's adjoint ∂L/∂node after the backward pass from the loss.
    public var adjoints: [Double]
  }

  private var derivativeCache: [DerivativeKey: [Double]] = [:]
  private var localCache: [DerivativeKey: [String: Double]] = [:]

  private struct DerivativeKey: Hashable {
    var of: String
    var state: State
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
  public init(_ example: Example, budget: WorkBudget = WorkBudget()) throws {
    network = try Network(example)
    initialState = network.initialState
    self.budget = budget
    let graph = try run(initialState)
    try checkFinite(graph)
    initialPass = Pass(values: graph.values, adjoints: graph.adjoints)
  }

  /// The forward and backward pass in `state`, computed once and kept.
  ///
  /// - Throws: ``EvaluationError/notFiniteBecause(_:)`` when a quantity is not a finite
  ///   number in that state; ``EvaluationError/overBudget(_:)`` past the file's budget.
  public func pass(_ state: State) throws -> Pass {
    // The example's own state is asked for most: kept apart, compared without hashing.
    if let initialPass, state == initialState { return initialPass }
    if let pass = passes[state] { return pass }
    let graph = try run(state)
    for quantity in network.quantities where quantity.role == .equation {
      if let reason = Diagnosis.nonFinite(graph, in: quantity.range) {
        throw EvaluationError.notFiniteBecause("in that state, \(quantity.name.excerpt()) \(reason)")
      }
    }
    try budget.chargeState(bytes: 16 * graph.count)
    let pass = Pass(values: graph.values, adjoints: graph.adjoints)
    passes[state] = pass
    return pass
  }

  /// The network's graph in `state`, after the forward pass and the backward pass from
  /// the loss.
  public func graph(in state: State) throws -> Graph {
    let pass = try self.pass(state)
    return network.graph.with(values: pass.values, adjoints: pass.adjoints)
  }

  /// The network's graph in `state` without the check that every quantity is finite
  /// and without keeping it: to say which quantity went wrong, and why.
  public func uncheckedGraph(in state: State) throws -> Graph {
    try run(state)
  }

  /// Runs the forward and backward pass in `state`, counting the work.
  private func run(_ state: State) throws -> Graph {
    try budget.chargeNodes(2 * network.graph.count)
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
    try pass(state).values[network.require(name).node]
  }

  /// ∂of/∂withRespectTo in `state`, through every path.
  public func derivative(of: String, withRespectTo: String, in state: State) throws -> Double {
    let wrt = try network.require(withRespectTo).node
    if of == network.example.loss { return try pass(state).adjoints[wrt] }
    let key = DerivativeKey(of: of, state: state)
    if let adjoints = derivativeCache[key] { return adjoints[wrt] }
    var graph = try self.graph(in: state)
    try budget.chargeNodes(network.graph.count)
    try budget.chargeState(bytes: 8 * network.graph.count)
    graph.backward(from: try network.require(of).node)
    derivativeCache[key] = graph.adjoints
    return graph.adjoints[wrt]
  }

  /// The local derivatives of a quantity with respect to each quantity its formula
  /// reads, the others held fixed: ∂z_h1/∂w1 = x1.
  ///
  /// Computed once per quantity and state: a quantity read by many others is asked
  /// for again for each of them.
  public func localDerivatives(of name: String, in state: State) throws -> [String: Double] {
    let key = DerivativeKey(of: name, state: state)
    if let known = localCache[key] { return known }
    let quantity = try network.require(name)
    let graph = try self.graph(in: state)
    try budget.chargeNodes(quantity.range.count)
    var result: [String: Double] = [:]
    for (node, derivative) in graph.partials(of: quantity.node, within: quantity.range) {
      if let input = network.nameOfNode[node] { result[input, default: 0] += derivative }
    }
    localCache[key] = result
    return result
  }

  /// The state after one gradient-descent update of the trainable parameters:
  /// p' = p − rate · ∂L/∂p.
  public func updated(_ state: State) throws -> State {
    guard let rate = network.rate else { throw EvaluationError.noRate }
    let adjoints = try pass(state).adjoints
    var next = state
    for parameter in network.leaves where parameter.role == .leaf(.param) {
      guard let id = parameter.leaf else { continue }
      next[id] = state[id] - state[rate] * adjoints[parameter.node]
    }
    return next
  }

  /// The state after `training` from `state`, run on one reused graph.
  public func trained(_ state: State, _ training: DocumentTerm.Training) throws -> State {
    let key = TrainingKey(state: state, training: training)
    if let known = trained[key] { return known }
    let limit: Int
    switch training {
    case .steps(let count): limit = count
    case .converged: limit = Self.convergenceLimit
    }
    // The whole file's training shares one budget: a run may take what is left of it.
    let tape = max(1, network.graph.count)
    let affordable = budget.trainingNodeStepsLeft / tape
    if training != .converged, limit > affordable {
      throw EvaluationError.tooLong(steps: limit, budget: affordable)
    }
    let run = try train(from: state, steps: Swift.min(limit, affordable), every: max(1, limit), stopWhenSettled: training == .converged)
    if let step = run.divergedAt { throw EvaluationError.diverged(step: step) }
    if training == .converged, run.settledAt == nil {
      if affordable < limit { throw EvaluationError.tooLong(steps: limit, budget: affordable) }
      throw EvaluationError.didNotConverge(Self.convergenceLimit)
    }
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
  ///
  /// - Throws: ``EvaluationError/notFiniteBecause(_:)`` at the first operation whose
  ///   value is not a finite number (`1/(1/0)` is not 0).
  public func value(of expression: DocumentExpression, in state: State) throws -> Double {
    do {
      return try expression.finiteValue { term in try value(of: term, in: state) }
    } catch let problem as NonFiniteValue {
      throw EvaluationError.notFiniteBecause(Self.describe(problem))
    }
  }

  /// "1 / 0 divides by zero": the operation and what went wrong.
  static func describe(_ problem: NonFiniteValue) -> String {
    let op = problem.operator
    let operands = (op.arity == 2 ? [problem.x, problem.y] : [problem.x]).map { Readable.format($0) }
    let written: String =
      switch op.form {
      case .infix(_, let ascii, _, _, _): operands.joined(separator: ascii)
      case .power: operands.joined(separator: "^")
      case .prefix(_, let ascii): ascii + operands[0]
      case .function, .transparent: "\(op.name)(\(operands.joined(separator: ", ")))"
      }
    return "\(written) \(problem.reason { Readable.format($0) })"
  }

  /// The value of one leaf of a document expression in `state`.
  public func value(of term: DocumentTerm, in state: State) throws -> Double {
    switch term {
    case .name(let name):
      if network.quantity(name) != nil { return try value(of: name, in: state) }
      return try letValue(name, in: state)
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

  /// A `let` value in `state`. The `let`s above it are computed first, in file order,
  /// each once (a `let` reads only those above it), so that no evaluation nests one
  /// `let` inside another: a tower of them costs no stack.
  private func letValue(_ name: String, in state: State) throws -> Double {
    if let known = letValues[LetKey(name: name, state: state)] { return known }
    guard definitions[name] != nil else { throw EvaluationError.unknownName(name) }
    for definition in network.example.definitions {
      let key = LetKey(name: definition.name, state: state)
      if letValues[key] == nil { letValues[key] = try value(of: definition.expression, in: state) }
      if definition.name == name { break }
    }
    return letValues[LetKey(name: name, state: state)] ?? .nan
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
