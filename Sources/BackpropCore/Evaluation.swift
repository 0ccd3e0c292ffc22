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
    if let pass = passes[state] { return pass }
    var graph = network.graph
    for (leaf, value) in zip(network.quantities, state) {
      graph.set(leaf.node, to: value)
    }
    graph.forward()
    graph.backward(from: network.loss.node)
    let pass = Pass(graph: graph)
    passes[state] = pass
    return pass
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
    let byNode = Dictionary(network.quantities.map { ($0.node, $0.name) }, uniquingKeysWith: { first, _ in first })
    for (node, derivative) in graph.partials(of: quantity.node, within: quantity.range) {
      if let input = byNode[node] { result[input, default: 0] += derivative }
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

  /// The state after `training` from `state`.
  public func trained(_ state: State, _ training: Formula.Training) throws -> State {
    let key = TrainingKey(state: state, training: training)
    if let known = trained[key] { return known }
    var current = state
    switch training {
    case .steps(let count):
      for step in 0..<count {
        current = try checkedUpdate(current, step: step + 1)
      }
    case .converged:
      var step = 0
      while true {
        step += 1
        guard step <= Self.convergenceLimit else { throw EvaluationError.didNotConverge(Self.convergenceLimit) }
        let next = try checkedUpdate(current, step: step)
        let settled = zip(next, current).allSatisfy { abs($0 - $1) <= 1e-15 * max(1, abs($1)) }
        current = next
        if settled { break }
      }
    }
    // Keep only the finished state: a long run must not keep every pass.
    passes = passes.filter { $0.key == state || $0.key == current }
    trained[key] = current
    return current
  }

  private func checkedUpdate(_ state: State, step: Int) throws -> State {
    let next = try updated(state)
    guard next.allSatisfy(\.isFinite) else { throw EvaluationError.diverged(step: step) }
    passes[state] = nil
    return next
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
        guard let definition = network.example.definitions.first(where: { $0.name == name }) else {
          throw EvaluationError.notALeaf(name)
        }
        return try value(of: definition.expression, in: state)
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

  public var description: String {
    switch self {
    case .noRate: "the example has no learning rate; declare one with 'rate NAME = VALUE'"
    case .didNotConverge(let limit): "gradient descent did not settle within \(limit) steps"
    case .diverged(let step): "gradient descent diverged: a parameter is not a finite number after step \(step)"
    case .notALeaf(let name):
      "'\(name)' is computed by the network; only inputs, targets, parameters, constants and the rate can be set in [...]"
    case .notFinite(let value): "the value is not a finite number (\(Readable.format(value)))"
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
