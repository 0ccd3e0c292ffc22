/// Plain gradient descent on a recorded loss: forward, backward, p ← p − rate·∂L/∂p.
public struct GradientDescent: Sendable {
  /// The tape holding the data's forward pass, whose parameter leaves each step updates.
  public private(set) var graph: Graph
  /// The node whose value is the loss L.
  public let loss: Graph.Node
  /// The leaves that training changes: p ← p − rate·∂L/∂p.
  public let parameters: [Graph.Node]

  /// Gradient descent on `loss`, recorded on `graph`, over `parameters`.
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
