import BackpropCore
import BackpropExamples
import Testing

@testable import BackpropPresentation

/// Layers, placeholders and barycentre ordering, on small graphs worked by hand and on
/// every built-in example.
@Suite struct LayeredGraphTests {
  /// The drawn cards and edges of a built-in example.
  static func graph(_ name: String) throws -> (cards: [GraphPicture.Card], edges: [(from: Int, to: Int)]) {
    let walkthrough = try Walkthrough(try #require(try BuiltinExamples.example(named: name)))
    return try GraphPicture.cards(walkthrough, options: GraphPicture.Options())
  }

  @Test func leavesSitOneColumnLeftOfTheirFirstReader() throws {
    // simple-chain: h = x·w1, ŷ = h·w2, L = ½(y − ŷ)². h in column 1, ŷ in 2, L in 3;
    // x and w1 left of h, w2 left of ŷ, y left of L.
    let (cards, edges) = try Self.graph("simple-chain")
    let graph = LayeredGraph(nodeCount: cards.count, edges: edges, last: cards.firstIndex { $0.kind == "loss" })
    let column = Dictionary(uniqueKeysWithValues: cards.enumerated().map { ($1.quantity, graph.layer[$0]) })
    #expect(column == ["x": 0, "w1": 0, "h": 1, "w2": 1, "yhat": 2, "y": 2, "L": 3])
    #expect(!cards.contains { $0.quantity == "alpha" }, "the learning rate is not part of the graph")
  }

  @Test func anEdgeAcrossColumnsPassesThroughAPlaceholderInEach() {
    // 0 → 1 → 2 → 3 and 0 → 3: the long edge crosses columns 1 and 2.
    let graph = LayeredGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3), (0, 3)])
    #expect(graph.layer == [0, 1, 2, 3])
    #expect(graph.routes[3] == [.node(0), .dummy(edge: 3, step: 1), .dummy(edge: 3, step: 2), .node(3)])
    #expect(graph.columns.map(\.count) == [1, 2, 2, 1])
  }

  @Test func sweepsUncrossTwoEdges() {
    // 2 reads 1 and 3 reads 0: in node order the two edges cross; ordered, they do not.
    let unordered = LayeredGraph(nodeCount: 4, edges: [(1, 2), (0, 3)], sweeps: 0)
    #expect(unordered.crossings == 1)
    let ordered = LayeredGraph(nodeCount: 4, edges: [(1, 2), (0, 3)])
    #expect(ordered.crossings == 0)
  }

  @Test func aLossNothingReadsIsInTheLastColumn() {
    // 0 → 1 → 2 and 0 → 3: 3 is the loss, moved from column 1 to the last.
    let graph = LayeredGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (0, 3)], last: 3)
    #expect(graph.layer == [0, 1, 2, 2])
  }

  @Test func poolingAdjacentViolatorsKeepsTheOrder() {
    #expect(GraphPicture.poolAdjacentViolators([1, 3, 2, 4]) == [1, 2.5, 2.5, 4])
    #expect(GraphPicture.poolAdjacentViolators([3, 2, 1]) == [2, 2, 2])
  }

  @Test(arguments: BuiltinExamples.names)
  func sweepsNeverAddCrossings(_ name: String) throws {
    let (cards, edges) = try Self.graph(name)
    let last = cards.firstIndex { $0.kind == "loss" }
    let unordered = LayeredGraph(nodeCount: cards.count, edges: edges, last: last, sweeps: 0)
    let ordered = LayeredGraph(nodeCount: cards.count, edges: edges, last: last)
    #expect(ordered.crossings <= unordered.crossings)
    #expect(Set(ordered.columns.flatMap { $0 }) == Set(unordered.columns.flatMap { $0 }), "the same vertices, reordered")
  }

  /// Every way of drawing: plain, edges labelled, document values, both.
  static let allOptions = [(false, false), (true, false), (false, true), (true, true)].map {
    GraphPicture.Options(edges: $0.0, document: $0.1)
  }

  @Test(arguments: BuiltinExamples.names)
  func noBoxOrLabelOverlapsAnother(_ name: String) throws {
    let walkthrough = try Walkthrough(try #require(try BuiltinExamples.example(named: name)))
    for options in Self.allOptions {
      let layout = try GraphPicture.layout(walkthrough, options: options)
      var rectangles = layout.boxes.enumerated().map { ("box \(layout.cards[$0].quantity)", $1) }
      if options.edges {
        rectangles += layout.wires.map { ("label \(layout.cards[$0.from].quantity)→\(layout.cards[$0.to].quantity)", $0.labelBox) }
      }
      for i in rectangles.indices {
        for j in rectangles.indices where j > i {
          #expect(
            !rectangles[i].1.overlaps(rectangles[j].1),
            "\(name) \(options.edges) \(options.document): \(rectangles[i].0) and \(rectangles[j].0)")
        }
      }
      // Every line of a box fits inside it.
      for (index, box) in layout.boxes.enumerated() {
        let lines = layout.lines[index]
        let widest = lines.map { $0.indent + GraphPicture.Metrics.width($0.text, size: $0.size, bold: $0.bold) }.max() ?? 0
        #expect(widest + 2 * GraphPicture.Metrics.padding <= box.width + 0.001)
        let height = lines.map { GraphPicture.Metrics.lineHeight($0.size) }.reduce(0, +)
        #expect(height <= box.height)
      }
    }
  }

  @Test(arguments: BuiltinExamples.names)
  func textIsAtLeastTwelvePixelsWhenDrawn1280Wide(_ name: String) throws {
    let walkthrough = try Walkthrough(try #require(try BuiltinExamples.example(named: name)))
    for options in Self.allOptions {
      let svg = try GraphPicture.svg(walkthrough, options: options)
      let viewBox = try #require(svg.firstMatch(of: #/viewBox="0 0 ([0-9.]+) /#))
      let width = try #require(Double(viewBox.1))
      let sizes = svg.matches(of: /font-size="([0-9.]+)"/).compactMap { Double($0.1) }
      let smallest = try #require(sizes.min())
      #expect(smallest * 1280 / width >= 12, "\(name) \(options.edges) \(options.document): \(smallest) px in \(width) px")
    }
  }
}
