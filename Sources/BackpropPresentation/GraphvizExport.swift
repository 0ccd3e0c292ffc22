import BackpropCore

/// The computation graph as Graphviz DOT, after the backward pass: one node per
/// quantity with its formula, value and gradient ∂L/∂quantity; an edge from each
/// quantity to each quantity that reads it. Ready for `dot -Tsvg`.
public enum GraphvizExport {
  /// The DOT text for `evaluation`'s graph, names and formulas written in `notation`.
  public static func dot(_ evaluation: Evaluation, notation: Notation = .unicode) throws -> String {
    let network = evaluation.network
    let graph = try evaluation.graph(in: evaluation.initialState)
    let loss = network.example.loss
    var lines = [
      WriterMark.dot,
      "  rankdir=LR;",
      "  labelloc=t;",
      "  fontname=\"Helvetica\";",
      "  label=\(quoted(network.example.title ?? "computation graph"));",
      "  node [fontname=\"Helvetica\", fontsize=12];",
      "  edge [color=\"#555555\"];",
    ]
    // Only what the forward pass reads: the learning rate is not part of the graph.
    let read = Set(network.quantities.flatMap(\.inputs)).union([loss])
    for quantity in network.quantities where read.contains(quantity.name) || quantity.role == .equation {
      var label = notation.name(quantity.name)
      if let formula = quantity.formula { label += " = " + notation.render(formula) }
      label += "\\nvalue " + notation.number(Readable.format(graph.values[quantity.node]))
      let gradient = notation.derivative(of: loss, withRespectTo: quantity.name)
      label += "\\n" + gradient + " = " + notation.number(Readable.format(graph.adjoints[quantity.node]))
      let style: String
      switch quantity.role {
      case .leaf(.param): style = "shape=box, style=\"rounded,filled\", fillcolor=\"#fde9c9\""
      case .leaf(.const), .leaf(.rate): style = "shape=box, style=filled, fillcolor=\"#eeeeee\""
      case .leaf: style = "shape=ellipse, style=filled, fillcolor=\"#dbeafe\""
      case .equation: style = quantity.name == loss ? "shape=box, style=\"bold,filled\", fillcolor=\"#fecaca\"" : "shape=box"
      }
      lines.append("  \(quoted(quantity.name)) [label=\(quoted(label, escapeNewlines: false)), \(style)];")
    }
    for quantity in network.quantities {
      for input in quantity.inputs {
        lines.append("  \(quoted(input)) -> \(quoted(quantity.name));")
      }
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A DOT quoted string (see `Escaping.dot`).
  static func quoted(_ text: String, escapeNewlines: Bool = true) -> String {
    "\"" + Escaping.dot(text, keepingEscapes: !escapeNewlines) + "\""
  }
}
