import Foundation
import Testing

@testable import BackpropEngine

/// The library's building blocks on the benchmark's workload, against micrograd.
@Suite struct MLPTests {
  /// ../shared/bench/moons_micrograd.py with micrograd 0.1.0 (defaults: 100 points,
  /// hidden 16, 20 steps) printed these losses, to 12 significant digits.
  static let micrograd: [Int: Double] = [1: 0.558002862584, 2: 0.50878241391, 3: 0.47523306605, 20: 0.297874067882]

  static func moons(_ n: Int) -> [(x: [Double], y: Double)] {
    let half = n / 2
    let first = (0..<half).map { i -> (x: [Double], y: Double) in
      let t = Double.pi * Double(i) / Double(half - 1)
      return ([cos(t), sin(t)], 1)
    }
    let second = (0..<(n - half)).map { i -> (x: [Double], y: Double) in
      let t = Double.pi * Double(i) / Double(half - 1)
      return ([1 - cos(t), 0.5 - sin(t)], -1)
    }
    return first + second
  }

  @Test func theMoonsWorkloadMatchesMicrograd() {
    var graph = Graph()
    let mlp = MLP(sizes: [2, 16, 16, 1], activations: [.relu, .relu, nil], in: &graph) { 0.5 * sin(Double($0 + 1)) }
    #expect(mlp.parameters.count == 337)
    let loss = GradientDescent.meanHalfSquaredError(of: { x, g in mlp(x, in: &g)[0] }, data: Self.moons(100), in: &graph)
    var descent = GradientDescent(graph: graph, loss: loss, parameters: mlp.parameters)
    for step in 1...20 {
      let value = descent.step(rate: 0.05)
      if let expected = Self.micrograd[step] {
        #expect(abs(value - expected) <= 1e-9 * expected, "step \(step): \(value) vs micrograd's \(expected)")
      }
    }
  }

  @Test func dotNodesDifferentiateLikeTheirProducts() {
    // d = a·b + c·a with a = 2, b = 3, c = −1: ∂d/∂a = b + c = 2, ∂d/∂b = a = 2, ∂d/∂c = a = 2.
    var graph = Graph()
    let a = graph.leaf(2)
    let b = graph.leaf(3)
    let c = graph.leaf(-1)
    let d = graph.dot([(a, b), (c, a)])
    let square = graph.apply(.multiply, d, d)
    #expect(graph.values[d] == 4)
    graph.backward(from: square)
    // ∂(d²)/∂x = 2d · ∂d/∂x = 8 · ∂d/∂x.
    #expect(graph.adjoints[a] == 16)
    #expect(graph.adjoints[b] == 16)
    #expect(graph.adjoints[c] == 16)
    let contributions = graph.contributions(of: d)
    #expect(contributions.map(\.operand) == [a, b, c, a])
    #expect(contributions.map(\.derivative) == [3, 2, 2, -1])
  }
}
