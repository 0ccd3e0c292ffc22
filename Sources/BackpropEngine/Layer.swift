/// A layer of neurons reading the same inputs.
public struct Layer: Sendable {
  public var neurons: [Neuron]

  public init(inputs: Int, outputs: Int, activation: Operator?, in graph: inout Graph, initial: () -> Double) {
    neurons = (0..<outputs).map { _ in Neuron(inputs: inputs, activation: activation, in: &graph, initial: initial) }
  }

  public func callAsFunction(_ x: [Graph.Node], in graph: inout Graph) -> [Graph.Node] {
    neurons.map { $0(x, in: &graph) }
  }

  public var parameters: [Graph.Node] { neurons.flatMap(\.parameters) }
}
