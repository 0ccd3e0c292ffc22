import BackpropCore

extension GraphPicture {
  /// The picture's title and key: what each colour is, what the numbers in a box mean.
  struct Heading {
    /// The example's title.
    var title: String
    /// The kinds of node, each a swatch and a word.
    var swatches: [(kind: String, word: String)]
    /// Sentences saying what the numbers are.
    var key: [String]

    /// The heading of `walkthrough`'s picture; `notes` when values that differ are
    /// numbered in notes under the graph.
    init(_ walkthrough: Walkthrough, options: Options, notes: Bool) {
      let notation = options.notation
      let example = walkthrough.example
      title = example.title ?? "computation graph"
      let kinds = Set(example.leaves.map(\.kind))
      swatches = []
      if kinds.contains(.input) || kinds.contains(.target) {
        swatches.append(("input", kinds.contains(.target) ? "input or target" : "input"))
      }
      if kinds.contains(.param) { swatches.append(("param", "parameter")) }
      if kinds.contains(.const) { swatches.append(("const", "constant")) }
      swatches += [("equation", "computed"), ("loss", notation.name(example.loss))]
      let gradient = notation.derivative(of: example.loss, withRespectTo: "node")
      key = ["value: from the forward pass; grad: \(gradient), from the backward pass."]
      if options.edges {
        key.append("On each edge: the local derivative " + notation.derivative(of: "reader", withRespectTo: "input") + ".")
      }
      if options.document {
        let (agree, differ) = notation.style == .ascii ? ("ok", "X") : ("✓", "✗")
        key.append("doc: the document's value, \(agree) agrees, \(differ) differs" + (notes ? " ([n]: see the notes below)." : "."))
        // Not every document value has a place on a node: the count says how many there are.
        let summary = walkthrough.summary
        let values = summary.documentValues == 1 ? "document value" : "document values"
        key.append(
          "\(summary.documentValues) \(values): \(summary.agree) agree, \(summary.differ) differ"
            + (summary.differ > 0 ? " (notes below)." : "."))
      }
    }

    private var titleLineHeight: Double { Metrics.lineHeight(Metrics.titleSize) }
    private var keyLineHeight: Double { Metrics.lineHeight(Metrics.textSize) }

    private func titleLines(width: Double) -> [String] {
      Metrics.wrap(title, width: width - 2 * Metrics.margin, size: Metrics.titleSize, bold: true)
    }

    private func keyLines(width: Double) -> [String] {
      key.flatMap { Metrics.wrap($0, width: width - 2 * Metrics.margin, size: Metrics.textSize) }
    }

    /// The swatches in rows that fit `width`: each with its x position.
    private func swatchRows(width: Double) -> [[(x: Double, kind: String, word: String)]] {
      var rows: [[(x: Double, kind: String, word: String)]] = [[]]
      var x = Metrics.margin
      for (kind, word) in swatches {
        let itemWidth = 34 + Metrics.width(word, size: Metrics.textSize) + 24
        if x + itemWidth > width - Metrics.margin, !rows[rows.count - 1].isEmpty {
          rows.append([])
          x = Metrics.margin
        }
        rows[rows.count - 1].append((x, kind, word))
        x += itemWidth
      }
      return rows
    }

    /// How tall the heading is at `width` pixels, with the space below it.
    func height(width: Double) -> Double {
      Metrics.margin + Double(titleLines(width: width).count) * titleLineHeight + 8
        + Double(swatchRows(width: width).count) * (keyLineHeight + 6) + Double(keyLines(width: width).count) * keyLineHeight
        + Metrics.margin
    }

    /// The heading's elements at `width` pixels.
    func render(width: Double) -> [String] {
      var out = [#"<g class="heading">"#]
      var y = Metrics.margin
      for line in titleLines(width: width) {
        y += titleLineHeight
        out.append(GraphPicture.text(line, x: Metrics.margin, y: y - 6, size: Metrics.titleSize, style: "title"))
      }
      y += 8
      for row in swatchRows(width: width) {
        y += keyLineHeight + 6
        for item in row {
          out.append(
            ChartSVG.rect(item.x, y - keyLineHeight + 2, 26, keyLineHeight - 4, #"class="swatch \#(item.kind)" rx="4""#))
          out.append(GraphPicture.text(item.word, x: item.x + 34, y: y - 6, size: Metrics.textSize, style: "key"))
        }
      }
      for line in keyLines(width: width) {
        y += keyLineHeight
        out.append(GraphPicture.text(line, x: Metrics.margin, y: y - 6, size: Metrics.textSize, style: "key"))
      }
      out.append("</g>")
      return out
    }
  }
}
