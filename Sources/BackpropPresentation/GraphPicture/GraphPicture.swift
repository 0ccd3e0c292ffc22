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

    /// The options; by default a standalone picture without edge labels or document values.
    public init(edges: Bool = false, document: Bool = false, notation: Notation = .unicode, standalone: Bool = true) {
      self.edges = edges
      self.document = document
      self.notation = notation
      self.standalone = standalone
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
    return layout(cards: cards, edges: edges, labels: labels, last: last, top: 0)
  }
}
