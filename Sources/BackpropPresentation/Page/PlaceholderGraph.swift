import BackpropCore

/// A plain drawing of the computation graph for the walk page, until the graph picture
/// takes its place: one column per depth (a quantity one step after the deepest it
/// reads), a box per quantity, a line per edge.
///
/// Follows the picture's contract, which the page's script relies on: each node a
/// `<g class="node" id="node-N" data-quantity="NAME" data-kind="...">` holding
/// `<text class="name">`, `<text class="value">` and `<text class="gradient">`, each
/// edge a `<g class="edge" data-from="A" data-to="B">` with a `<text class="local">`.
enum PlaceholderGraph {
  static let boxWidth = 190.0
  static let boxHeight = 84.0
  static let columnGap = 90.0
  static let rowGap = 26.0

  /// The bare `<svg>` element for `walkthrough`'s network, names written in `notation`.
  static func svg(_ walkthrough: Walkthrough, notation: Notation) -> String {
    let network = walkthrough.validated.network
    let loss = walkthrough.example.loss
    // Only what the forward pass reads, as in `graph`: the learning rate is not part of it.
    let read = Set(network.quantities.flatMap(\.inputs)).union([loss])
    let drawn = network.quantities.enumerated().filter { read.contains($0.element.name) || $0.element.role == .equation }
    var depth: [String: Int] = [:]
    for (_, quantity) in drawn {
      depth[quantity.name] = (quantity.inputs.compactMap { depth[$0] }.max() ?? -1) + 1
    }
    let columns = (depth.values.max() ?? 0) + 1
    var rows = [Int](repeating: 0, count: columns)
    var position: [String: (x: Double, y: Double)] = [:]
    for (_, quantity) in drawn {
      let column = depth[quantity.name]!
      position[quantity.name] = (Double(column) * (boxWidth + columnGap) + 10, Double(rows[column]) * (boxHeight + rowGap) + 10)
      rows[column] += 1
    }
    let width = Double(columns) * (boxWidth + columnGap) - columnGap + 20
    let height = Double(rows.max() ?? 1) * (boxHeight + rowGap) - rowGap + 20
    var values: [String: String] = [:]
    var gradients: [String: String] = [:]
    for line in walkthrough.lines {
      let focus = StepFocus(line, loss: loss)
      guard let node = focus.node else { continue }
      if focus.shows == .value, values[node] == nil { values[node] = line.text(in: notation).value }
      if focus.isGradient, gradients[node] == nil { gradients[node] = line.text(in: notation).value }
    }
    var out = [
      #"<svg xmlns="http://www.w3.org/2000/svg" class="graph-picture" viewBox="0 0 \#(width) \#(height)" role="img" aria-label="The computation graph">"#,
      "<style>",
      ".node rect { fill: #ffffff; stroke: #333333; stroke-width: 2; }",
      ".node[data-kind=param] rect { fill: #fde9c9; } .node[data-kind=loss] rect { fill: #fecaca; }",
      ".node[data-kind=input] rect, .node[data-kind=target] rect { fill: #dbeafe; }",
      ".node text { font: 18px sans-serif; fill: #111111; text-anchor: middle; } .node .name { font-weight: bold; }",
      ".edge line { stroke: #555555; stroke-width: 2; } .edge text { font: 15px sans-serif; fill: #333333; text-anchor: middle; }",
      "</style>",
    ]
    for (_, quantity) in drawn {
      for input in quantity.inputs {
        guard let from = position[input], let to = position[quantity.name] else { continue }
        let (x1, y1, x2, y2) = (from.x + boxWidth, from.y + boxHeight / 2, to.x, to.y + boxHeight / 2)
        out.append(
          #"<g class="edge" data-from="\#(Escaping.xml(input))" data-to="\#(Escaping.xml(quantity.name))">"#
            + #"<line x1="\#(x1)" y1="\#(y1)" x2="\#(x2)" y2="\#(y2)"/>"#
            + #"<text class="local" x="\#((x1 + x2) / 2)" y="\#((y1 + y2) / 2 - 6)"></text></g>"#)
      }
    }
    for (index, quantity) in drawn {
      let (x, y) = position[quantity.name]!
      let kind: String
      switch quantity.role {
      case .leaf(let leaf): kind = leaf.rawValue
      case .equation: kind = quantity.name == loss ? "loss" : "equation"
      }
      let centre = x + boxWidth / 2
      let gradient = gradients[quantity.name].map { notation.derivative(of: loss, withRespectTo: quantity.name) + " = " + $0 } ?? ""
      out.append(
        #"<g class="node" id="node-\#(index)" data-quantity="\#(Escaping.xml(quantity.name))" data-kind="\#(kind)">"#
          + #"<rect x="\#(x)" y="\#(y)" width="\#(boxWidth)" height="\#(boxHeight)" rx="10"/>"#
          + #"<text class="name" x="\#(centre)" y="\#(y + 24)">\#(Escaping.xml(notation.name(quantity.name)))</text>"#
          + #"<text class="value" x="\#(centre)" y="\#(y + 50)">\#(Escaping.xml(values[quantity.name] ?? ""))</text>"#
          + #"<text class="gradient" x="\#(centre)" y="\#(y + 74)">\#(Escaping.xml(gradient))</text></g>"#)
    }
    out.append("</svg>")
    return out.joined(separator: "\n")
  }
}
