// Building blocks for training small networks on the engine: a neuron, a layer,
// a multi-layer perceptron, and a gradient-descent training step.
//
// They build nodes on a ``Graph``: the parameters are leaves, a forward pass over
// a data set is recorded once, and each training step re-runs the tape with the
// parameters' new values (the data do not change, so neither does the tape).

/// A neuron: s = b + Σ wᵢ·xᵢ, then its activation (none for a linear output).
public struct Neuron: Sendable {
  /// The weights wᵢ, leaves of the graph, one per input.
  public var weights: [Graph.Node]
  /// The bias b, a leaf of the graph.
  public var bias: Graph.Node
  /// The function applied to the weighted sum s (σ, tanh, relu); `nil` for a linear neuron.
  public var activation: Operator?

  /// Adds the neuron's parameters to `graph`: its weights in input order, then its bias.
  public init(inputs: Int, activation: Operator?, in graph: inout Graph, initial: () -> Double) {
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
    return activation.map { graph.apply($0, sum) } ?? sum
  }

  /// The trainable parameters: the weights in input order, then the bias.
  public var parameters: [Graph.Node] { weights + [bias] }
}
