import BackpropCore

/// The computation graph drawn as SVG, without Graphviz: layered left to right, the
/// inputs and parameters on the left, the loss on the right, each node with its name,
/// operation, value and gradient ∂L/∂node after the backward pass.
///
/// The SVG is made to be restyled and animated by a page that embeds it: each node is a
/// `<g class="node" id="node-N" data-quantity="NAME" data-kind="KIND">` (N its position
/// among the network's quantities; KIND input, target, param, const, equation or loss)
/// holding `<text class="name">`, `<text class="value">`, `<text class="gradient">` and,
/// with the document, one `<g class="doc" data-verdict="agrees|differs">` per printed
/// value; each edge is a `<g class="edge" data-from="A" data-to="B">` holding its path
/// and, with edges labelled, `<text class="local">`. Colours are CSS classes in an
/// embedded `<style>`.
public enum GraphPicture {
  /// What the picture shows, and whether it is a file of its own.
  public struct Options: Sendable {
    /// Label each edge with its local derivative ∂reader/∂input.
    public var edges: Bool
    /// Show the document's values, each with its verdict's colour and mark and the cause.
    public var document: Bool
    /// Names and numbers in Unicode (`ŷ`, `−`) or ASCII.
    public var notation: Notation
    /// A file of its own (XML declaration, ``WriterMark/svg``, a fixed size), or only
    /// the `<svg>` element, to embed in an HTML page, which scales it to its width.
    public var standalone: Bool
    /// Make each value, gradient and edge label wide enough for every text a step of the
    /// walk shows there (`value 162.00` with `--round 2`, a value after the update): a page
    /// that puts the steps' texts into the picture's labels needs it.
    public var roomForSteps: Bool

    /// The options; by default a standalone picture without edge labels or document values.
    public init(
      edges: Bool = false, document: Bool = false, notation: Notation = .unicode, standalone: Bool = true, roomForSteps: Bool = false
    ) {
      self.edges = edges
      self.document = document
      self.notation = notation
      self.standalone = standalone
      self.roomForSteps = roomForSteps
    }
  }

  /// The SVG picture of `walkthrough`'s computation graph.
  ///
  /// - Throws: ``ExampleError`` when the graph cannot be evaluated.
  public static func svg(_ walkthrough: Walkthrough, options: Options = Options()) throws -> String {
    let layout = try self.layout(walkthrough, options: options)
    return render(layout, walkthrough: walkthrough, options: options)
  }

  /// The picture's geometry, before it is written.
  static func layout(_ walkthrough: Walkthrough, options: Options) throws -> Layout {
    let (cards, edges) = try cards(walkthrough, options: options)
    var labels: [String]?
    if options.edges {
      let evaluation = walkthrough.validated.evaluation
      var locals: [String: [String: Double]] = [:]
      labels = try edges.map { edge in
        let reader = cards[edge.to].quantity
        if locals[reader] == nil { locals[reader] = try evaluation.localDerivatives(of: reader, in: evaluation.initialState) }
        return options.notation.number(Readable.format(locals[reader]![cards[edge.from].quantity] ?? 0))
      }
    }
    let last = cards.firstIndex { $0.kind == "loss" }
    guard options.roomForSteps, let printed = labels else {
      return layout(cards: cards, edges: edges, labels: labels, last: last, top: 0)
    }
    // Laid out for the widest text each edge will show, then labelled with the picture's own.
    let shown = stepTexts(walkthrough, notation: options.notation).locals
    let widest = edges.indices.map { index in
      let key = cards[edges[index].from].quantity + "\u{0}" + cards[edges[index].to].quantity
      return ([printed[index]] + (shown[key] ?? [])).max {
        Metrics.width($0, size: Metrics.textSize) < Metrics.width($1, size: Metrics.textSize)
      }!
    }
    var laidOut = layout(cards: cards, edges: edges, labels: widest, last: last, top: 0)
    for index in laidOut.wires.indices { laidOut.wires[index].label = printed[laidOut.wires[index].edge] }
    return laidOut
  }

  /// The texts the walk's steps show on the picture, as a page puts them there: each node's
  /// values (forward, and after the update) and gradients, and each edge's local
  /// derivatives, keyed `from\u{0}to`.
  static func stepTexts(_ walkthrough: Walkthrough, notation: Notation) -> (
    values: [String: [String]], gradients: [String: [String]], locals: [String: [String]]
  ) {
    var values: [String: [String]] = [:]
    var gradients: [String: [String]] = [:]
    var locals: [String: [String]] = [:]
    for line in walkthrough.lines {
      let focus = StepFocus(line, loss: walkthrough.example.loss)
      guard let node = focus.node else { continue }
      let text = line.text(in: notation).value
      if focus.shows == .value || focus.shows == .updated { values[node, default: []].append(text) }
      if focus.isGradient { gradients[node, default: []].append(text) }
      if focus.shows == .local, let edge = focus.edge { locals[edge.from + "\u{0}" + edge.to, default: []].append(text) }
    }
    return (values, gradients, locals)
  }
}
