import BackpropCore

extension GraphPicture {
  /// What one node's box says: its name, its operation (the formula, or what a leaf
  /// is), its value, its gradient ∂L/∂node, and the document's values for it.
  struct Card {
    /// The node's position among the network's quantities: its id is `node-\(index)`.
    var index: Int
    /// The quantity's name in the file.
    var quantity: String
    /// input, target, param, const, equation or loss.
    var kind: String
    /// The name as the notation writes it (`ŷ`).
    var name: String
    /// The formula (`= x · w1`), or what a leaf is (`parameter`), in lines.
    var operation: [String]
    /// `value 4`.
    var value: String
    /// `grad −9`.
    var gradient: String
    /// The document's values for the node's value and gradient, each with its verdict.
    var documents: [DocumentNote]
    /// Other texts the box must have room for: what the walk's steps show in its value and
    /// gradient labels, with ``Options/roomForSteps``.
    var room: [String] = []
  }

  /// A value the document printed for a node, its verdict and, when it differs, its cause.
  struct DocumentNote {
    /// `value` or `gradient`: which of the node's numbers the document printed.
    var of: String
    /// Whether the printed value agrees.
    var agrees: Bool
    /// `doc 0.44 ✗`, shown under the value or the gradient it is a value of.
    var label: String
    /// The start of the cause (`carried from i1`), in lines; empty when it agrees.
    var cause: [String]
    /// The numbers of its notes under the graph: one for each line that printed it, when it differs.
    var footnotes: [Int]

    /// `doc 0.44 ✗ [1]`, or `[1, 3]` when printed twice.
    var text: String {
      footnotes.isEmpty ? label : label + " [" + footnotes.map(String.init).joined(separator: ", ") + "]"
    }
  }

  static let leafWords: [Example.LeafKind: (kind: String, word: String)] = [
    .input: ("input", "input"), .target: ("target", "target"), .param: ("param", "parameter"),
    .const: ("const", "constant"), .rate: ("const", "learning rate"),
  ]

  /// The quantities the forward pass reads or computes (the learning rate is not part of
  /// the graph), each as a card, and the edges between them by quantity index.
  static func cards(_ walkthrough: Walkthrough, options: Options) throws -> (cards: [Card], edges: [(from: Int, to: Int)]) {
    let notation = options.notation
    let evaluation = walkthrough.validated.evaluation
    let network = evaluation.network
    let graph = try evaluation.graph(in: evaluation.initialState)
    let loss = network.example.loss
    let read = Set(network.quantities.flatMap(\.inputs)).union([loss])
    let drawn = Set(network.quantities.filter { read.contains($0.name) || $0.role == .equation }.map(\.name))
    let documents = options.document ? documentNotes(walkthrough, drawn: drawn, notation: notation).notes : [:]
    // For a page, in the steps' format: with --round N, N decimals (its seed ∂L/∂L shows as 1.00).
    let decimals = options.roomForSteps ? walkthrough.rounding ?? 0 : 0
    let shown = options.roomForSteps ? stepTexts(walkthrough, notation: notation) : (values: [:], gradients: [:], locals: [:])
    var cards: [Card] = []
    for (index, quantity) in network.quantities.enumerated() where read.contains(quantity.name) || quantity.role == .equation {
      let kind: String
      var operation: [String]
      switch quantity.role {
      case .leaf(let leaf):
        kind = leafWords[leaf]!.kind
        operation = [leafWords[leaf]!.word]
      case .equation:
        kind = quantity.name == loss ? "loss" : "equation"
        operation = quantity.formula.map { wrapFormula("= " + notation.render($0), width: operationWidth) } ?? []
      }
      cards.append(
        Card(
          index: index, quantity: quantity.name, kind: kind, name: notation.name(quantity.name), operation: operation,
          value: "value " + notation.number(Readable.format(graph.values[quantity.node], decimals: decimals)),
          gradient: "grad " + notation.number(Readable.format(graph.adjoints[quantity.node], decimals: decimals)),
          documents: documents[quantity.name] ?? [],
          room: (shown.values[quantity.name] ?? []).map { "value " + $0 } + (shown.gradients[quantity.name] ?? []).map { "grad " + $0 }))
    }
    let position = Dictionary(uniqueKeysWithValues: cards.enumerated().map { ($1.quantity, $0) })
    var edges: [(from: Int, to: Int)] = []
    for card in cards {
      for input in network.quantities[card.index].inputs {
        if let from = position[input] { edges.append((from, position[card.quantity]!)) }
      }
    }
    return (cards, edges)
  }

  /// The widest a formula's line is, in characters, before it wraps.
  static let operationWidth = 18
  /// A formula in lines of at most `width` characters where it can be (a name longer than
  /// that stays whole), each break at a space, preferring the outermost parentheses and,
  /// there, a break before + or − to one before · or /, and the latest such break; never
  /// in the first third of a line.
  static func wrapFormula(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var rest = Array(text)
    var depth = 0
    while rest.count > width {
      var best: (score: Int, index: Int, depth: Int)?
      var level = depth
      for (index, character) in rest.enumerated() where index <= width {
        if character == "(" { level += 1 }
        if character == ")" { level -= 1 }
        guard character == " ", index >= width / 3, index + 1 < rest.count else { continue }
        let next = rest[index + 1]
        let kind = "+−-".contains(next) ? 0 : "·*/".contains(next) ? 1 : 2
        let score = max(level, 0) * 3 + kind
        if best == nil || score <= best!.score { best = (score, index, level) }
      }
      guard let best else { break }
      lines.append(String(rest[..<best.index]))
      rest = Array(rest[(best.index + 1)...])
      depth = best.depth
    }
    lines.append(String(rest))
    return lines
  }

  /// The widest a cause's line is, in characters, before it wraps.
  static let causeWidth = 18

  /// A document value that differs, numbered in the notes under the graph.
  struct Footnote {
    /// Its number, `[n]` on its node and in the notes.
    var number: Int
    /// The line of the document it printed on.
    var line: Int
    /// `line 12 ✗ i1: doc 0.5, off by +0.45; mistake: ...`.
    var sentence: String
  }

  /// The document's values for each quantity: its value (in the givens, the forward pass
  /// and the loss) and its gradient ∂L/∂quantity under those numbers, each printing once;
  /// any other values that differ (a value after the update, a local derivative, a value
  /// after training) as one mark at the end of the node they are about. Every value that differs is
  /// numbered, in walk order, and has a footnote, on a node or not.
  static func documentNotes(_ walkthrough: Walkthrough, drawn: Set<String>, notation: Notation) -> (
    notes: [String: [DocumentNote]], footnotes: [Footnote]
  ) {
    let loss = walkthrough.example.loss
    let agreeMark = notation.style == .ascii ? "ok" : "✓"
    let differMark = notation.style == .ascii ? "X" : "✗"
    var notes: [String: [DocumentNote]] = [:]
    var footnotes: [Footnote] = []
    var seen: [String: Int] = [:]
    for line in walkthrough.lines {
      guard let document = line.document, let verdict = line.verdict else { continue }
      let differs = verdict != .agree
      var name: String?
      var of = "other"
      switch line.quantity.leafValue {
      case .name(let quantity)? where [.setup, .forward, .loss].contains(line.section):
        (name, of) = (quantity, "value")
      case .derivative(let numerator, let quantity)? where numerator == loss && line.section != .experiments:
        (name, of) = (quantity, "gradient")
      default:
        // Another value: on the node it is about when it differs, else only counted.
        guard differs else { continue }
        name = StepFocus(line, loss: loss).node
      }
      let text = line.text(in: notation)
      let printed = notation.number(document.printed.text)
      var footnote: Int?
      var cause: [String] = []
      if case .differ(let by) = verdict {
        footnote = footnotes.count + 1
        let sentence = line.explanation.map { $0.sentence(for: line, in: walkthrough, notation: notation) }
        let off = "off by " + notation.number(Readable.difference(by))
        footnotes.append(
          Footnote(
            number: footnote!, line: document.location.line,
            sentence: "line \(document.location.line) \(differMark) \(text.quantity): doc \(printed), \(off)"
              + (sentence.map { "; " + $0 } ?? "")))
        // The cause's first words, up to its colon and without the line it points to: the
        // note under the graph says the rest.
        var short = sentence.map { String($0.prefix { $0 != ":" }) } ?? off
        if let line = short.range(of: " (line ") { short = String(short[..<line.lowerBound]) }
        cause = of == "other" ? [] : TextWrapping.lines(short, width: causeWidth)
      }
      guard let name, drawn.contains(name) else { continue }
      // The node's other values that differ share one mark, `doc ✗ [2, 3]`: the notes say which.
      let key = of == "other" ? "\(name)\u{0}other" : "\(name)\u{0}\(of)\u{0}\(document.printed.text)"
      if let earlier = seen[key] {
        // The same value printed again: its number joins the first printing's.
        if let footnote { notes[name]![earlier].footnotes.append(footnote) }
        continue
      }
      seen[key] = notes[name, default: []].count
      let label = of == "other" ? "doc " + differMark : "doc " + printed + " " + (differs ? differMark : agreeMark)
      notes[name, default: []].append(
        DocumentNote(
          of: of, agrees: !differs, label: label, cause: cause,
          footnotes: footnote.map { [$0] } ?? []))
    }
    return (notes, footnotes)
  }
}
