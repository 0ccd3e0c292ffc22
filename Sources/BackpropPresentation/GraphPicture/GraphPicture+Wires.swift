extension GraphPicture {
  /// An edge drawn: the points it passes through (source, placeholders, target port) and
  /// where its local derivative's label sits.
  struct Wire {
    /// The edge's position in the graph's edges.
    var edge: Int
    var from: Int
    var to: Int
    var points: [(x: Double, y: Double)]
    var label: String
    var labelBox: Box
  }

  /// The edges' points: out of the right side of the source, through each placeholder,
  /// into a port on the left side of the target (its inputs spread top to bottom in the
  /// order they arrive from, so they do not cross at the box).
  static func wires(
    _ graph: LayeredGraph, boxes: [Box], dummyY: [LayeredGraph.Vertex: Double], columnX: [Double], columnWidths: [Double],
    labels: [String]?
  ) -> [Wire] {
    var points: [[(x: Double, y: Double)]] = []
    for route in graph.routes {
      guard case .node(let source) = route.first! else { continue }
      var wire = [(x: boxes[source].right, y: boxes[source].centreY)]
      for vertex in route.dropFirst().dropLast() {
        let column = graph.column(of: vertex)
        wire.append((columnX[column], dummyY[vertex]!))
        wire.append((columnX[column] + columnWidths[column], dummyY[vertex]!))
      }
      points.append(wire)
    }
    var incoming = Array(repeating: [Int](), count: boxes.count)
    for (index, edge) in graph.edges.enumerated() { incoming[edge.to].append(index) }
    var wires: [Wire] = []
    for (target, edgeIndices) in incoming.enumerated() {
      let box = boxes[target]
      let ordered = edgeIndices.sorted { (points[$0].last!.y, $0) < (points[$1].last!.y, $1) }
      // With labels, each wire arrives level for the width of the widest label, its own
      // label above it, so that no wire into the box crosses a label of the box.
      let run = labels.map { labels in edgeIndices.map { Metrics.width(labels[$0], size: Metrics.textSize) }.max() ?? 0 }.map { $0 + 12 }
      for (rank, index) in ordered.enumerated() {
        let portY = box.y + box.height * Double(rank + 1) / Double(ordered.count + 1)
        let label = labels?[index] ?? ""
        let labelWidth = Metrics.width(label, size: Metrics.textSize)
        let labelBox = Box(x: box.x - 9 - labelWidth, y: portY - 5 - Metrics.textSize, width: labelWidth, height: Metrics.textSize + 2)
        var arrival = [(x: box.x, y: portY)]
        if let run {
          let bends = abs(points[index].last!.y - portY) > 0.5
          arrival.insert((max(box.x - run, points[index].last!.x + (bends ? Metrics.curve : 0)), portY), at: 0)
        }
        wires.append(
          Wire(edge: index, from: graph.edges[index].from, to: target, points: points[index] + arrival, label: label, labelBox: labelBox))
      }
    }
    return wires.sorted { $0.edge < $1.edge }
  }
}
