import BackpropCore

extension GraphPicture {
  /// Type sizes, in pixels of the drawing, and the spacing around them: large enough to
  /// read on a projector, and the drawing narrow enough that a 1280-pixel-wide rendering
  /// keeps every text at 12 pixels or more for the built-in examples.
  enum Metrics {
    static let titleSize = 24.0
    static let nameSize = 20.0
    static let textSize = 17.0
    static let padding = 9.0
    static let margin = 24.0
    static let columnGap = 40.0
    static let rowGap = 24.0
    static let dummyHeight = 8.0
    static let portSpacing = 24.0
    static let indent = 14.0

    /// About how wide `text` is at `size` pixels: DejaVu Sans's advance widths (the widest
    /// face of the font list), a little rounded up, bold a tenth wider.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
      let ems = text.reduce(0.0) { $0 + advance($1) }
      return ems * size * (bold ? 1.1 : 1.0) * 1.03
    }

    /// A character's advance width in DejaVu Sans, in ems.
    static func advance(_ character: Character) -> Double {
      switch character {
      case " ", ".", ",", "·", "i", "l", "j", "'": 0.32
      case ":", ";", "/", "|", "f", "-": 0.37
      case "(", ")", "[", "]", "t", "r", "²", "³": 0.41
      case "m": 0.98
      case "w", "W", "M": 0.99
      case "+", "−", "=", "<", ">", "×", "✓", "✗", "≈", "∑": 0.84
      case "_", "s", "z", "c", "∂": 0.56
      case _ where character.isNumber: 0.64
      case _ where character.isUppercase: 0.76
      default: 0.64
      }
    }

    /// `text` broken at spaces into lines at most `width` pixels wide at `size` (a word
    /// wider than that on a line of its own).
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
      var lines: [String] = []
      var line = ""
      for word in text.split(separator: " ") {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        if !line.isEmpty, Self.width(candidate, size: size, bold: bold) > width {
          lines.append(line)
          line = String(word)
        } else {
          line = candidate
        }
      }
      if !line.isEmpty { lines.append(line) }
      return lines
    }

    /// The distance from one baseline to the next.
    static func lineHeight(_ size: Double) -> Double { (size * 1.3).rounded() }
  }

  /// One line of text in a box: what it says, its class in the style sheet, its size.
  struct TextLine {
    var text: String
    var style: String
    var size: Double = Metrics.textSize
    var bold = false
    /// How far right of the box's text the line starts (a document value under its number).
    var indent = 0.0
    /// The `<g class="doc">` the line belongs to, if any (an index into the card's documents).
    var document: Int?
  }

  /// A rectangle in the drawing's coordinates.
  struct Box: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var right: Double { x + width }
    var bottom: Double { y + height }
    var centreY: Double { y + height / 2 }

    /// Whether the two rectangles share any area.
    func overlaps(_ other: Box) -> Bool {
      x < other.right && other.x < right && y < other.bottom && other.y < bottom
    }
  }

  /// An edge drawn: the points it passes through (source, placeholders, target port) and
  /// where its local derivative's label sits.
  struct Wire {
    var from: Int
    var to: Int
    var points: [(x: Double, y: Double)]
    var label: String
    var labelBox: Box
  }

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
      let widest = lines.map { $0.indent + Metrics.width($0.text, size: $0.size, bold: $0.bold) }.max() ?? 0
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
      // The gap before each column holds the labels of the edges that end there; a label
      // may reach into the column before where no box there is level with it.
      let provisional = Self.wires(
        graph, boxes: placed.boxes, dummyY: placed.dummyY, columnX: placed.columnX, columnWidths: columnWidths, labels: labels)
      for wire in provisional {
        let column = graph.layer[wire.to]
        guard column > 0 else { continue }
        let slack = (columnWidths[column] - sizes[wire.to].width) / 2
        let level = Box(x: 0, y: wire.labelBox.y - 4, width: 1, height: wire.labelBox.height + 8)
        let free =
          graph.columns[column - 1].compactMap { vertex -> Double? in
            guard case .node(let node) = vertex else { return nil }
            let box = Box(x: 0, y: placed.boxes[node].y, width: 1, height: placed.boxes[node].height)
            return box.overlaps(level) ? (columnWidths[column - 1] - sizes[node].width) / 2 : nil
          }.min() ?? columnWidths[column - 1]
        gaps[column] = max(gaps[column], wire.labelBox.width + 18 - slack - free)
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
      for (rank, index) in ordered.enumerated() {
        let portY = box.y + box.height * Double(rank + 1) / Double(ordered.count + 1)
        let label = labels?[index] ?? ""
        let labelWidth = Metrics.width(label, size: Metrics.textSize)
        let labelBox = Box(x: box.x - 10 - labelWidth, y: portY - 5 - Metrics.textSize, width: labelWidth, height: Metrics.textSize + 2)
        wires.append(
          Wire(from: graph.edges[index].from, to: target, points: points[index] + [(box.x, portY)], label: label, labelBox: labelBox))
      }
    }
    return wires.sorted { ($0.to, $0.from) < ($1.to, $1.from) }
  }
}
