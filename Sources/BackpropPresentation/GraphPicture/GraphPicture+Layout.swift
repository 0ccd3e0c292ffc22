import BackpropCore

extension GraphPicture {
  /// Where everything goes: the cards' boxes and lines, the wires, the picture's size.
  struct Layout {
    var cards: [Card]
    var lines: [[TextLine]]
    var boxes: [Box]
    var wires: [Wire]
    var graph: LayeredGraph
    var width: Double
    var height: Double
    var top: Double
    var bottom: Double
  }

  /// The lines a card's box shows, top to bottom.
  static func lines(_ card: Card) -> [TextLine] {
    var lines = [TextLine(text: card.name, style: "name", size: Metrics.nameSize, bold: true)]
    lines += card.operation.map { TextLine(text: $0, style: "operation") }
    // Each document value right under the number it is a value of.
    for (of, line) in [("value", card.value), ("gradient", card.gradient)] {
      lines.append(TextLine(text: line, style: of))
      for (index, note) in card.documents.enumerated() where note.of == of {
        lines.append(TextLine(text: note.text, style: "doc-value", indent: Metrics.indent, document: index))
        lines += note.cause.map { TextLine(text: $0, style: "cause", indent: Metrics.indent, document: index) }
      }
    }
    // Any other value of the node's that differs (after the update, a local derivative) last.
    for (index, note) in card.documents.enumerated() where note.of == "other" {
      lines.append(TextLine(text: note.text, style: "doc-value", document: index))
    }
    return lines
  }

  /// Lays out the cards in layers, left to right, below `top` pixels of title and legend.
  ///
  /// - Parameter labels: each edge's local-derivative label, when edges are labelled.
  static func layout(cards: [Card], edges: [(from: Int, to: Int)], labels: [String]?, last: Int?, top: Double) -> Layout {
    let graph = LayeredGraph(nodeCount: cards.count, edges: edges, last: last)
    let lines = cards.map(Self.lines)
    var inputCount = Array(repeating: 0, count: cards.count)
    for edge in edges { inputCount[edge.to] += 1 }
    let sizes = lines.enumerated().map { index, lines in
      let widest =
        (lines.map { $0.indent + Metrics.width($0.text, size: $0.size, bold: $0.bold) }
        + cards[index].room.map { Metrics.width($0, size: Metrics.textSize) }).max() ?? 0
      let textHeight = lines.map { Metrics.lineHeight($0.size) }.reduce(0, +) + Metrics.padding * 1.4
      let portHeight = labels == nil ? 0 : Double(inputCount[index] + 1) * Metrics.portSpacing
      return (width: max(widest + 2 * Metrics.padding, 96), height: max(textHeight, portHeight))
    }
    func height(_ vertex: LayeredGraph.Vertex) -> Double {
      if case .node(let node) = vertex { return sizes[node].height }
      return Metrics.dummyHeight
    }
    let columnWidths = graph.columns.map { column in
      column.compactMap { if case .node(let node) = $0 { sizes[node].width } else { nil } }.max() ?? 0
    }
    let centres = verticalCentres(graph, height: height)
    let lowest = graph.columns.flatMap { $0 }.map { centres[$0]! - height($0) / 2 }.min() ?? 0
    func place(gaps: [Double]) -> (boxes: [Box], dummyY: [LayeredGraph.Vertex: Double], columnX: [Double], right: Double) {
      var columnX: [Double] = []
      var x = Metrics.margin
      for (column, width) in columnWidths.enumerated() {
        if column > 0 { x += gaps[column] }
        columnX.append(x)
        x += width
      }
      var boxes = Array(repeating: Box(x: 0, y: 0, width: 0, height: 0), count: cards.count)
      var dummyY: [LayeredGraph.Vertex: Double] = [:]
      for (column, vertices) in graph.columns.enumerated() {
        for vertex in vertices {
          let y = centres[vertex]! - lowest + top
          if case .node(let node) = vertex {
            let size = sizes[node]
            boxes[node] = Box(
              x: columnX[column] + (columnWidths[column] - size.width) / 2, y: y - size.height / 2, width: size.width,
              height: size.height)
          } else {
            dummyY[vertex] = y
          }
        }
      }
      return (boxes, dummyY, columnX, x)
    }
    var gaps = Array(repeating: Metrics.columnGap, count: graph.columns.count)
    var placed = place(gaps: gaps)
    if labels != nil {
      // The gap before each column holds the level run under each label into a box of
      // it, and room for the wires to curve from the boxes of the column before.
      var run = Array(repeating: 0.0, count: cards.count)
      for (index, edge) in edges.enumerated() {
        run[edge.to] = max(run[edge.to], Metrics.width(labels![index], size: Metrics.textSize) + 12)
      }
      func slack(_ node: Int) -> Double { (columnWidths[graph.layer[node]] - sizes[node].width) / 2 }
      // A wire that arrives level with where it leaves needs no room to curve.
      let provisional = Self.wires(
        graph, boxes: placed.boxes, dummyY: placed.dummyY, columnX: placed.columnX, columnWidths: columnWidths, labels: labels)
      for (index, edge) in edges.enumerated() {
        let column = graph.layer[edge.to]
        guard column > 0 else { continue }
        let points = provisional[index].points
        let bends = abs(points[points.count - 1].y - points[points.count - 3].y) > 0.5
        let target = placed.boxes[edge.to]
        let level = Box(x: 0, y: target.y, width: 1, height: target.height)
        var besides: [Double] = graph.columns[column - 1].compactMap { vertex in
          guard case .node(let node) = vertex else { return nil }
          let box = Box(x: 0, y: placed.boxes[node].y, width: 1, height: placed.boxes[node].height)
          return box.overlaps(level) ? slack(node) : nil
        }
        let route = graph.routes[index]
        if case .node(let source) = route[route.count - 2] { besides.append(slack(source)) } else { besides.append(0) }
        gaps[column] = max(gaps[column], run[edge.to] + (bends ? Metrics.curve : 0) - slack(edge.to) - (besides.min() ?? 0))
      }
      placed = place(gaps: gaps)
    }
    let (boxes, dummyY) = (placed.boxes, placed.dummyY)
    let wires = Self.wires(
      graph, boxes: boxes, dummyY: dummyY, columnX: placed.columnX, columnWidths: columnWidths, labels: labels)
    let bottom = (boxes.map(\.bottom) + dummyY.values.map { $0 + Metrics.dummyHeight / 2 }).max() ?? top
    return Layout(
      cards: cards, lines: lines, boxes: boxes, wires: wires, graph: graph, width: placed.right + Metrics.margin,
      height: bottom + Metrics.margin, top: top, bottom: bottom)
  }

  /// Each vertex's vertical centre: columns stacked in their order, then moved towards the
  /// mean height of their neighbours, sweeping right and left, never reordering a column
  /// or bringing two vertices closer than the row gap.
  static func verticalCentres(_ graph: LayeredGraph, height: (LayeredGraph.Vertex) -> Double) -> [LayeredGraph.Vertex: Double] {
    var centre: [LayeredGraph.Vertex: Double] = [:]
    for column in graph.columns {
      var y = 0.0
      for vertex in column {
        centre[vertex] = y + height(vertex) / 2
        y += height(vertex) + Metrics.rowGap
      }
    }
    var before: [LayeredGraph.Vertex: [LayeredGraph.Vertex]] = [:]
    var after: [LayeredGraph.Vertex: [LayeredGraph.Vertex]] = [:]
    for route in graph.routes {
      for (left, right) in zip(route, route.dropFirst()) {
        before[right, default: []].append(left)
        after[left, default: []].append(right)
      }
    }
    func separation(_ a: LayeredGraph.Vertex, _ b: LayeredGraph.Vertex) -> Double {
      let isDummy = { (v: LayeredGraph.Vertex) in if case .dummy = v { true } else { false } }
      let gap = isDummy(a) || isDummy(b) ? Metrics.rowGap / 2 : Metrics.rowGap
      return height(a) / 2 + gap + height(b) / 2
    }
    for sweep in 0..<8 {
      let rightward = sweep % 2 == 0
      let order = rightward ? Array(graph.columns.indices) : Array(graph.columns.indices.reversed())
      for column in order {
        let vertices = graph.columns[column]
        guard !vertices.isEmpty else { continue }
        let desired = vertices.map { vertex in
          let neighbours = (rightward ? before[vertex] : after[vertex]) ?? []
          return neighbours.isEmpty ? centre[vertex]! : neighbours.map { centre[$0]! }.reduce(0, +) / Double(neighbours.count)
        }
        // y_i = z_i + offset_i keeps the gaps when z never decreases: fit z to the
        // desired heights by pooling adjacent violators (least squares, in order).
        var offsets = [0.0]
        for i in vertices.indices.dropFirst() { offsets.append(offsets[i - 1] + separation(vertices[i - 1], vertices[i])) }
        let fitted = poolAdjacentViolators(zip(desired, offsets).map { $0 - $1 })
        for (i, vertex) in vertices.enumerated() { centre[vertex] = fitted[i] + offsets[i] }
      }
    }
    return centre
  }

  /// The nondecreasing sequence closest to `values` in least squares.
  static func poolAdjacentViolators(_ values: [Double]) -> [Double] {
    var blocks: [(sum: Double, count: Double)] = []
    for value in values {
      blocks.append((value, 1))
      while blocks.count > 1, blocks[blocks.count - 2].sum / blocks[blocks.count - 2].count > blocks.last!.sum / blocks.last!.count {
        let last = blocks.removeLast()
        blocks[blocks.count - 1].sum += last.sum
        blocks[blocks.count - 1].count += last.count
      }
    }
    return blocks.flatMap { Array(repeating: $0.sum / $0.count, count: Int($0.count)) }
  }
}
