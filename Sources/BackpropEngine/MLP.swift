/// A multi-layer perceptron: layers of the given sizes, each with its activation.
public struct MLP: Sendable {
  /// The layers, from the first hidden layer to the output layer.
  public var layers: [Layer]

  /// Adds the network's parameters to `graph`, layer by layer.
  ///
  /// - Parameters:
  ///   - sizes: inputs first, then each layer's neurons: [2, 16, 16, 1].
  ///   - activations: one per layer after the inputs (`nil` for linear).
  ///   - initial: the k-th parameter's starting value, k counting layer by layer,
  ///     neuron by neuron, weights in input order, then the neuron's bias.
  public init(sizes: [Int], activations: [Operator?], in graph: inout Graph, initial: (Int) -> Double) {
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

  /// The forward pass: the network's outputs for inputs `x`, as new nodes on `graph`.
  ///
  /// Each layer reads the previous layer's outputs.
  public func callAsFunction(_ x: [Graph.Node], in graph: inout Graph) -> [Graph.Node] {
    layers.reduce(x) { input, layer in layer(input, in: &graph) }
  }

  /// Every trainable parameter, in the order `initial` was called for them.
  public var parameters: [Graph.Node] { layers.flatMap(\.parameters) }
}
