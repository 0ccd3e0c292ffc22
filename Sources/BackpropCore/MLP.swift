/// Building blocks for training small networks on the engine: a neuron, a layer,
/// a multi-layer perceptron, and a gradient-descent training step.
///
/// They build nodes on a ``Graph``: the parameters are leaves, a forward pass over
/// a data set is recorded once, and each training step re-runs the tape with the
/// parameters' new values (the data do not change, so neither does the tape).

/// A neuron: s = b + Σ wᵢ·xᵢ, then its activation (none for a linear output).
public struct Neuron: Sendable {
  public var weights: [Graph.Node]
  public var bias: Graph.Node
  public var activation: Function?

  /// Adds the neuron's parameters to `graph`: its weights in input order, then its bias.
  public init(inputs: Int, activation: Function?, in graph: inout Graph, initial: () -> Double) {
    weights = (0..<inputs).map { _ in graph.leaf(initial()) }
    bias = graph.leaf(initial())
    self.activation = activation
  }

  /// The neuron's output for inputs `x`, as new nodes on `graph`: one dot node for
  /// the weighted sum, one for the activation.
  ///
  /// The sum starts from the bias (times a constant 1) and adds each wᵢ·xᵢ in order,
  /// as micrograd's does, so that both compute the same floating-point numbers.
  public func callAsFunction(_ x: [Graph.Node], in graph: inout Graph) -> Graph.Node {
    precondition(x.count == weights.count, "a neuron takes as many inputs as it has weights")
    let one = graph.leaf(1)
    let sum = graph.dot([(bias, one)] + Array(zip(weights, x)))
    return activation.map { graph.apply(.function($0), sum) } ?? sum
  }

  public var parameters: [Graph.Node] { weights + [bias] }
}

/// A layer of neurons reading the same inputs.
public struct Layer: Sendable {
  public var neurons: [Neuron]

  public init(inputs: Int, outputs: Int, activation: Function?, in graph: inout Graph, initial: () -> Double) {
    neurons = (0..<outputs).map { _ in Neuron(inputs: inputs, activation: activation, in: &graph, initial: initial) }
  }

  public func callAsFunction(_ x: [Graph.Node], in graph: inout Graph) -> [Graph.Node] {
    neurons.map { $0(x, in: &graph) }
  }

  public var parameters: [Graph.Node] { neurons.flatMap(\.parameters) }
}

/// A multi-layer perceptron: layers of the given sizes, each with its activation.
public struct MLP: Sendable {
  public var layers: [Layer]

  /// - Parameters:
  ///   - sizes: inputs first, then each layer's neurons: [2, 16, 16, 1].
  ///   - activations: one per layer after the inputs (`nil` for linear).
  ///   - initial: the k-th parameter's starting value, k counting layer by layer,
  ///     neuron by neuron, weights in input order, then the neuron's bias.
  public init(sizes: [Int], activations: [Function?], in graph: inout Graph, initial: (Int) -> Double) {
    precondition(activations.count == sizes.count - 1, "one activation per layer after the inputs")
    var k = 0
    func next() -> Double {
      defer { k += 1 }
      return initial(k)
    }
    layers = zip(zip(sizes, sizes.dropFirst()), activations).map { pair, activation in
      Layer(inputs: pair.0, outputs: pair.1, activation: activation, in: &graph, initial: next)
    }
  }

  public func callAsFunction(_ x: [Graph.Node], in graph: inout Graph) -> [Graph.Node] {
    layers.reduce(x) { input, layer in layer(input, in: &graph) }
  }

  public var parameters: [Graph.Node] { layers.flatMap(\.parameters) }
}

/// Plain gradient descent on a recorded loss: forward, backward, p ← p − rate·∂L/∂p.
public struct GradientDescent: Sendable {
  public private(set) var graph: Graph
  public let loss: Graph.Node
  public let parameters: [Graph.Node]

  public init(graph: Graph, loss: Graph.Node, parameters: [Graph.Node]) {
    self.graph = graph
    self.loss = loss
    self.parameters = parameters
  }

  /// The mean over a data set of ½(f(x) − y)², recorded on `graph`.
  ///
  /// Summed from 0 in order, each term as d·d·½, then times 1/N: micrograd's order.
  public static func meanHalfSquaredError(
    of model: (_ x: [Graph.Node], _ graph: inout Graph) -> Graph.Node, data: [(x: [Double], y: Double)], in graph: inout Graph
  ) -> Graph.Node {
    let half = graph.leaf(0.5)
    var total = graph.leaf(0)
    for (x, y) in data {
      let inputs = x.map { graph.leaf($0) }
      let d = graph.apply(.subtract, model(inputs, &graph), graph.leaf(y))
      total = graph.apply(.add, total, graph.apply(.multiply, graph.apply(.multiply, d, d), half))
    }
    return graph.apply(.multiply, total, graph.leaf(1 / Double(max(1, data.count))))
  }

  /// One step: the loss at the current parameters, then the update. Returns that loss.
  ///
  /// - Complexity: O(n) in the number of nodes: one forward and one backward pass.
  @discardableResult
  public mutating func step(rate: Double) -> Double {
    graph.forward()
    let value = graph.values[loss]
    graph.backward(from: loss)
    for p in parameters {
      graph.set(p, to: graph.values[p] - rate * graph.adjoints[p])
    }
    return value
  }
}
