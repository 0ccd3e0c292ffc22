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
  }

  /// A value the document printed for a node, its verdict and, when it differs, its cause.
  struct DocumentNote {
    /// `value` or `gradient`: which of the node's numbers the document printed.
    var of: String
    /// Whether the printed value agrees.
    var agrees: Bool
    /// `doc 0.44 ✗ [1]`, shown under the value or the gradient it is a value of.
    var text: String
    /// The start of the cause (`carried from i1 (line 42)`), in lines; empty when it agrees.
    var cause: [String]
    /// The whole cause, for the notes under the graph and a tooltip.
    var sentence: String?
    /// The note's number under the graph, when it differs.
    var footnote: Int?
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
    let documents = options.document ? documentNotes(walkthrough, notation: notation) : [:]
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
          value: "value " + notation.number(Readable.format(graph.values[quantity.node])),
          gradient: "grad " + notation.number(Readable.format(graph.adjoints[quantity.node])),
          documents: documents[quantity.name] ?? []))
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

  /// The document's values for each quantity's value (in the givens, the forward pass and
  /// the loss) and for its gradient ∂L/∂quantity, each printing once, numbered in walk
  /// order where it differs.
  static func documentNotes(_ walkthrough: Walkthrough, notation: Notation) -> [String: [DocumentNote]] {
    let loss = walkthrough.example.loss
    let agreeMark = notation.style == .ascii ? "ok" : "✓"
    let differMark = notation.style == .ascii ? "X" : "✗"
    var notes: [String: [DocumentNote]] = [:]
    var seen: Set<String> = []
    var footnote = 0
    for line in walkthrough.lines {
      guard let document = line.document, let verdict = line.verdict else { continue }
      let name: String
      let of: String
      switch line.quantity.leafValue {
      case .name(let quantity)? where [.setup, .forward, .loss].contains(line.section):
        (name, of) = (quantity, "value")
      case .derivative(let numerator, let quantity)? where numerator == loss && line.section != .experiments:
        (name, of) = (quantity, "gradient")
      default: continue
      }
      guard seen.insert("\(name)\u{0}\(of)\u{0}\(document.printed.text)").inserted else { continue }
      let printed = notation.number(document.printed.text)
      let label = "doc "
      var note = DocumentNote(of: of, agrees: verdict == .agree, text: label + printed + " " + agreeMark, cause: [], sentence: nil)
      if case .differ(let by) = verdict {
        footnote += 1
        let sentence = line.explanation.map { $0.sentence(for: line, in: walkthrough, notation: notation) }
        let off = "off by " + notation.number(Readable.difference(by))
        note.text = label + printed + " " + differMark + " [\(footnote)]"
        note.footnote = footnote
        // The cause's first words, up to its colon and without the line it points to: the
        // note under the graph says the rest.
        var short = sentence.map { String($0.prefix { $0 != ":" }) } ?? off
        if let line = short.range(of: " (line ") { short = String(short[..<line.lowerBound]) }
        note.cause = TextWrapping.lines(short, width: causeWidth)
        let quantity = of == "value" ? notation.name(name) : notation.derivative(of: loss, withRespectTo: name)
        note.sentence = "\(quantity): doc \(printed), \(off)" + (sentence.map { "; " + $0 } ?? "")
      }
      notes[name, default: []].append(note)
    }
    return notes
  }
}
