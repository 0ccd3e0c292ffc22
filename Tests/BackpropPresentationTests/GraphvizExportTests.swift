import BackpropCore
import BackpropExamples
import Testing

@testable import BackpropPresentation

/// The computation graph as DOT, for the linear chain: h = x·w1 = 4, ∂L/∂h = (ŷ − y)·w2 = −18·0.5 = −9.
@Suite struct GraphvizExportTests {
  @Test func dotNamesEveryQuantity() throws {
    let evaluation = try Evaluation(try #require(try BuiltinExamples.example(named: "simple-chain")))
    let dot = try GraphvizExport.dot(evaluation, notation: .ascii)
    #expect(dot.hasPrefix("digraph backprop {"))
    #expect(dot.contains("\"h\" [label=\"h = x * w1\\nvalue 4\\ndL/dh = -9\""))
    #expect(dot.contains("\"w1\" -> \"h\";"))
    #expect(!dot.contains("alpha"), "the learning rate is not part of the graph")
  }

  @Test func theTitleIsEscaped() {
    #expect(GraphvizExport.quoted("a \"title\"") == #""a \"title\"""#)
  }
}
