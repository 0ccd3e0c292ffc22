import BackpropCore

extension GraphPicture {
  /// The narrowest the picture is drawn, so that the title and the key have room.
  static let minimumWidth = 720.0

  /// The colours, as classes a page can restyle: high contrast for a projector.
  static let styleSheet = """
    .bt-graph text { fill: #111111; }
    .bt-graph .background { fill: #ffffff; }
    .bt-graph .title { font-weight: bold; }
    .bt-graph .key, .bt-graph .note { fill: #222222; }
    .bt-graph .node rect { fill: #ffffff; stroke: #222222; stroke-width: 2; }
    .bt-graph .node[data-kind="input"] rect, .bt-graph .node[data-kind="target"] rect, .bt-graph .swatch.input { fill: #dbeafe; stroke: #1d4ed8; }
    .bt-graph .node[data-kind="param"] rect, .bt-graph .swatch.param { fill: #fde9c9; stroke: #b45309; }
    .bt-graph .node[data-kind="const"] rect, .bt-graph .swatch.const { fill: #e5e5e5; stroke: #525252; }
    .bt-graph .node[data-kind="equation"] rect, .bt-graph .swatch.equation { fill: #ffffff; stroke: #222222; }
    .bt-graph .node[data-kind="loss"] rect, .bt-graph .swatch.loss { fill: #fecaca; stroke: #b91c1c; stroke-width: 4; }
    .bt-graph .swatch { stroke-width: 2; }
    .bt-graph .name { font-weight: bold; }
    .bt-graph .operation { fill: #333333; }
    .bt-graph .gradient { fill: #7c2d12; }
    .bt-graph .doc[data-verdict="agrees"] text { fill: #166534; }
    .bt-graph .doc[data-verdict="differs"] text { fill: #b91c1c; }
    .bt-graph .edge .wire { fill: none; stroke: #444444; stroke-width: 2; }
    .bt-graph .arrowhead { fill: #444444; }
    .bt-graph .edge .local { fill: #5b21b6; paint-order: stroke; stroke: #ffffff; stroke-width: 5; stroke-linejoin: round; }
    """

  /// The SVG text of a laid-out picture.
  static func render(_ layout: Layout, walkthrough: Walkthrough, options: Options) -> String {
    let footnotes =
      options.document ? documentNotes(walkthrough, drawn: Set(layout.cards.map(\.quantity)), notation: options.notation).footnotes : []
    let heading = Heading(walkthrough, options: options, notes: !footnotes.isEmpty)
    let width = max(layout.width, minimumWidth)
    let top = heading.height(width: width)
    let notes = footnotes.map { note in
      (note, Metrics.wrap("[\(note.number)] \(note.sentence)", width: width - 2 * Metrics.margin, size: Metrics.textSize))
    }
    let noteLineCount = notes.map(\.1.count).reduce(0, +)
    let noteHeight = noteLineCount == 0 ? 0 : Double(noteLineCount) * Metrics.lineHeight(Metrics.textSize) + Metrics.margin
    let height = top + layout.height + noteHeight
    let (w, h) = (ChartSVG.number(width), ChartSVG.number(height))
    let size = options.standalone ? #" width="\#(w)" height="\#(h)""# : ""
    var out: [String] = []
    if options.standalone { out.append(WriterMark.svg) }
    out.append(
      #"<svg xmlns="http://www.w3.org/2000/svg" class="bt-graph" viewBox="0 0 \#(w) \#(h)"\#(size) font-family="\#(ChartSVG.font)">"#)
    out.append("<title>\(Escaping.xml(walkthrough.example.title ?? "computation graph"))</title>")
    out.append("<style>\n\(styleSheet)\n</style>")
    out.append(
      #"<defs><marker id="bt-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path class="arrowhead" d="M0 0L10 5L0 10z"/></marker></defs>"#
    )
    out.append(#"<rect class="background" x="0" y="0" width="\#(w)" height="\#(h)"/>"#)
    out += heading.render(width: width)
    let dx = (width - layout.width) / 2
    out.append(#"<g class="graph" transform="translate(\#(ChartSVG.number(dx)) \#(ChartSVG.number(top)))">"#)
    out += edges(layout, options: options)
    out += nodes(layout, footnotes: footnotes)
    out.append("</g>")
    if !notes.isEmpty {
      out.append(#"<g class="notes">"#)
      var y = top + layout.height + Metrics.textSize
      for (note, lines) in notes {
        out.append(#"<g class="footnote" data-number="\#(note.number)" data-line="\#(note.line)">"#)
        for line in lines {
          out.append(text(line, x: Metrics.margin, y: y, size: Metrics.textSize, style: "note"))
          y += Metrics.lineHeight(Metrics.textSize)
        }
        out.append("</g>")
      }
      out.append("</g>")
    }
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  /// A `<text>` element, its content escaped.
  static func text(_ content: String, x: Double, y: Double, size: Double, style: String, anchor: String? = nil) -> String {
    let anchorAttribute = anchor.map { #" text-anchor="\#($0)""# } ?? ""
    return
      #"<text class="\#(style)" x="\#(ChartSVG.number(x))" y="\#(ChartSVG.number(y))" font-size="\#(ChartSVG.number(size))"\#(anchorAttribute)>"#
      + Escaping.xml(content) + "</text>"
  }

  private static func nodes(_ layout: Layout, footnotes: [Footnote]) -> [String] {
    var out: [String] = [#"<g class="nodes">"#]
    for (index, card) in layout.cards.enumerated() {
      let box = layout.boxes[index]
      out.append(
        #"<g class="node" id="node-\#(card.index)" data-quantity="\#(Escaping.xml(card.quantity))" data-kind="\#(card.kind)">"#)
      let radius = ["input", "target"].contains(card.kind) ? 18.0 : card.kind == "const" ? 0 : 6
      out.append(
        ChartSVG.rect(box.x, box.y, box.width, box.height, #"rx="\#(ChartSVG.number(radius))""#))
      var y = box.y + Metrics.padding * 0.7
      var openDocument: Int?
      for line in layout.lines[index] {
        if line.document != openDocument {
          if openDocument != nil { out.append("</g>") }
          if let document = line.document {
            let note = card.documents[document]
            let verdict = note.agrees ? "agrees" : "differs"
            out.append(#"<g class="doc" data-verdict="\#(verdict)" data-of="\#(note.of)">"#)
            let sentences = note.footnotes.map { "[\($0)] " + footnotes[$0 - 1].sentence }
            if !sentences.isEmpty { out.append("<title>\(Escaping.xml(sentences.joined(separator: "\n")))</title>") }
          }
          openDocument = line.document
        }
        let lineHeight = Metrics.lineHeight(line.size)
        y += lineHeight
        out.append(text(line.text, x: box.x + Metrics.padding + line.indent, y: y - lineHeight * 0.27, size: line.size, style: line.style))
      }
      if openDocument != nil { out.append("</g>") }
      out.append("</g>")
    }
    out.append("</g>")
    return out
  }

  private static func edges(_ layout: Layout, options: Options) -> [String] {
    var out: [String] = [#"<g class="edges">"#]
    for wire in layout.wires {
      let from = layout.cards[wire.from]
      let to = layout.cards[wire.to]
      out.append(#"<g class="edge" data-from="\#(Escaping.xml(from.quantity))" data-to="\#(Escaping.xml(to.quantity))">"#)
      let local = options.notation.derivative(of: to.quantity, withRespectTo: from.quantity)
      out.append("<title>\(Escaping.xml(options.edges ? "\(local) = \(wire.label)" : local))</title>")
      out.append(#"<path class="wire" d="\#(path(wire.points))" marker-end="url(#bt-arrow)"/>"#)
      if options.edges {
        let box = wire.labelBox
        out.append(text(wire.label, x: box.right, y: box.bottom - 4, size: Metrics.textSize, style: "local", anchor: "end"))
      }
      out.append("</g>")
    }
    out.append("</g>")
    return out
  }

  /// Path data through `points`: a curve across each gap between columns (leaving and
  /// arriving level), a straight line across each column a placeholder crosses.
  static func path(_ points: [(x: Double, y: Double)]) -> String {
    var d = "M\(ChartSVG.number(points[0].x)) \(ChartSVG.number(points[0].y))"
    for (index, (a, b)) in zip(points, points.dropFirst()).enumerated() {
      if index % 2 == 1 {
        d += "L\(ChartSVG.number(b.x)) \(ChartSVG.number(b.y))"
      } else {
        let middle = ChartSVG.number((a.x + b.x) / 2)
        d += "C\(middle) \(ChartSVG.number(a.y)) \(middle) \(ChartSVG.number(b.y)) \(ChartSVG.number(b.x)) \(ChartSVG.number(b.y))"
      }
    }
    return d
  }
}
