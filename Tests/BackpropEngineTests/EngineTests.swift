import Foundation
import Testing

@testable import BackpropEngine

/// The engine against values worked out by hand from the mathematics.
@Suite struct EngineTests {
  @Test func chainRuleOnTheLinearChain() throws {
    // ŷ = x·w1·w2 with x = 2, w1 = 2, w2 = 0.5, y = 20, L = ½(y − ŷ)².
    // ŷ = 2; ∂L/∂ŷ = ŷ − y = −18; ∂L/∂w2 = −18·(x·w1) = −72; ∂L/∂w1 = −18·(x·w2) = −18.
    var graph = Graph()
    let x = graph.leaf(2)
    let w1 = graph.leaf(2)
    let w2 = graph.leaf(0.5)
    let y = graph.leaf(20)
    let h = graph.apply(.multiply, x, w1)
    let yhat = graph.apply(.multiply, h, w2)
    let half = graph.leaf(0.5)
    let difference = graph.apply(.subtract, y, yhat)
    let two = graph.leaf(2)
    let square = graph.apply(.power, difference, two)
    let loss = graph.apply(.multiply, half, square)
    graph.backward(from: loss)
    #expect(graph.values[loss] == 162)
    #expect(graph.adjoints[yhat] == -18)
    #expect(graph.adjoints[w2] == -72)
    #expect(graph.adjoints[w1] == -18)
    #expect(graph.adjoints[h] == -9)
    // Local derivatives are kept: ∂ŷ/∂h = w2, ∂ŷ/∂w2 = h.
    #expect(graph.localDerivatives[yhat].0 == 0.5)
    #expect(graph.localDerivatives[yhat].1 == 4)
  }

  @Test func sharedNodeSumsItsPaths() {
    // b feeds u = 3b and v = b²; L = u + v. ∂L/∂b = 3 + 2b = 3 + 2·5 = 13.
    var graph = Graph()
    let b = graph.leaf(5)
    let three = graph.leaf(3)
    let u = graph.apply(.multiply, three, b)
    let v = graph.apply(.multiply, b, b)
    let loss = graph.apply(.add, u, v)
    graph.backward(from: loss)
    #expect(graph.adjoints[b] == 13)
  }

  @Test(arguments: [
    // (function, u, value, derivative) worked out by hand.
    ("sigmoid", 0.0, 0.5, 0.25),
    ("tanh", 0.0, 0.0, 1.0),
    ("relu", -1.5, 0.0, 0.0),
    ("relu", 2.5, 2.5, 1.0),
    ("exp", 0.0, 1.0, 1.0),
    ("log", 1.0, 0.0, 1.0),
    ("sqrt", 4.0, 2.0, 0.25),
    ("abs", -3.0, 3.0, -1.0),
  ])
  func functionRules(name: String, u: Double, value: Double, derivative: Double) throws {
    let function = try #require(Operator.named(name))
    let computed = function.definition.value(u, 0)
    #expect(computed == value)
    #expect(function.definition.localDerivatives(u, 0, computed).0 == derivative)
  }

  @Test func sigmoidIsStableForLargeArguments() {
    #expect(Operator.sigmoid.definition.value(-800, 0) == 0)
    #expect(Operator.sigmoid.definition.value(800, 0) == 1)
    #expect(Operator.sigmoid.definition.value(-800, 0).isFinite)
  }

  @Test func millionNodeChainNeedsNoDeepStack() {
    // y_{k+1} = y_k + x, a million times: y = x·(10⁶ + 1)... ∂y/∂x = 10⁶ + 1 counting y₀ = x.
    var graph = Graph()
    let x = graph.leaf(1)
    var node = x
    for _ in 0..<1_000_000 {
      node = graph.apply(.add, node, x)
    }
    graph.backward(from: node)
    #expect(graph.values[node] == 1_000_001)
    #expect(graph.adjoints[x] == 1_000_001)
  }
}
