/// A layer of neurons reading the same inputs.
public struct Layer: Sendable {
  /// The layer's neurons, one per output.
  public var neurons: [Neuron]

  /// Adds `outputs` neurons of `inputs` weights each to `graph`, neuron by neuron.
  ///
  /// - Parameters:
  ///   - activation: applied by every neuron (`nil` for a linear layer).
  ///   - initial: each parameter's starting value, called in the order the parameters are added.
  public init(inputs: Int, outputs: Int, activation: Operator?, in graph: inout Graph, initial: () -> Double) {
    neurons = (0..<outputs).map { _ in Neuron(inputs: inputs, activation: activation, in: &graph, initial: initial) }
  }

  /// The layer's outputs for inputs `x`, one per neuron, as new nodes on `graph`.
  public func callAsFunction(_ x: [Graph.Node], in graph: inout Graph) -> [Graph.Node] {
    neurons.map { $0(x, in: &graph) }
  }

  /// Every neuron's parameters, neuron by neuron.
  public var parameters: [Graph.Node] { neurons.flatMap(\.parameters) }
}
