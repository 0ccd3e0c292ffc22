import BackpropCore

/// A walk as a handout: the worked solution, the same with the document's values and
/// verdicts, or a worksheet with boxes to fill in. Markdown and LaTeX lay it out
/// (``markdown()``, ``latex()``); it holds the walk's own texts and computes nothing.
///
/// The rows are the walk's, section by section. The solution and the worksheet show each
/// step once; with the document, a value the document printed again is a row of its own,
/// as in the walk (several printings in the same digits in a row are one row).
public struct Handout {
  /// Which handout.
  public enum Version: Sendable {
    /// Givens, then every step with its formula, substitution and value.
    case solution
    /// The solution with the document's value, the verdict and any cause at each step.
    case withDocument
    /// Givens, then every step with its formula and empty boxes for the working and the value.
    case blanks
  }

  /// One row: a given or a step, as texts. Mathematics is in the Unicode notation
  /// (``TeXMath`` sets it); prose is in the handout's notation.
  struct Row {
    /// Whether the row is a given (quantity, value, role) rather than a step.
    var isGiven: Bool
    /// The walk's texts for the row, in the Unicode notation.
    var math: LineText
    /// A given's role: input, target, trainable parameter, ...
    var role: String?
    /// Whether the document's value agrees, differs, or was not printed.
    var verdict: Verdict?
    /// Why the document's value differs, in prose.
    var cause: String?
    /// How many printings in a row the row stands for.
    var times = 1
  }

  /// A section of the walk and its rows.
  struct Section {
    /// `Forward pass`, `Backward pass`, ...
    var heading: String
    var rows: [Row]
  }

  /// The replayed example.
  public var walkthrough: Walkthrough
  /// What the user typed to name the example.
  public var name: String
  /// The solution, with the document, or the worksheet.
  public var version: Version
  /// ASCII prose (`--ascii`); the mathematics is TeX either way.
  public var ascii: Bool

  /// A handout of `walkthrough`, headed with `name`.
  public init(walkthrough: Walkthrough, name: String, version: Version, ascii: Bool) {
    self.walkthrough = walkthrough
    self.name = name
    self.version = version
    self.ascii = ascii
  }

  var example: Example { walkthrough.example }
  var terminal: Terminal { Terminal(ascii: ascii, colour: false) }
  var notation: Notation { terminal.notation }

  /// The heading: `simple-chain: The linear chain ...`.
  var title: String { prose("\(name): \(example.title ?? "untitled example")") }

  /// The file's own text in the handout's notation: with `--ascii`, ASCII too.
  func prose(_ text: String) -> String {
    ascii ? ASCIIText.transliterate(text) : text
  }

  /// The sentences under the heading: the source, the notes and the rounding, in prose.
  var preamble: [String] {
    var lines: [String] = []
    if let source = example.source { lines.append("Source: " + prose(source)) }
    for note in WalkNotes.sentences(walkthrough, notation: notation) { lines.append("Note: " + note) }
    if let rounding = walkthrough.rounding {
      let unit = rounding == 1 ? "decimal" : "decimals"
      lines.append("Every value rounded to \(rounding) \(unit) before it is used, as by hand.")
    }
    if version == .blanks { lines.append("Work out each step from its formula, and write the working and the value in the boxes.") }
    return lines
  }

  /// The walk's summary of the document's values, in prose; only with the document.
  var summary: String? {
    guard version == .withDocument else { return nil }
    return prose(WalkText(walkthrough: walkthrough, name: name, terminal: terminal).summary())
  }

  /// The sections in walk order, each with its rows.
  var sections: [Section] {
    let walkText = WalkText(walkthrough: walkthrough, name: name, terminal: terminal)
    var sections: [Section] = []
    // Without the document, each quantity once: the document's printings of it say nothing new.
    var shownQuantities: Set<String> = []
    for line in walkthrough.lines {
      if line.repeatsLine && version != .withDocument { continue }
      let math = line.text(in: .unicode)
      if version != .withDocument, !shownQuantities.insert(math.quantity).inserted { continue }
      if sections.last?.heading != walkText.heading(line.section) {
        sections.append(Section(heading: walkText.heading(line.section), rows: []))
      }
      let isDocument = version == .withDocument
      // Several printings in a row of one value in the same digits: one row.
      if isDocument, line.repeatsLine, let last = sections[sections.count - 1].rows.last,
        last.math.quantity == math.quantity, last.math.document == math.document
      {
        sections[sections.count - 1].rows[sections[sections.count - 1].rows.count - 1].times += 1
        continue
      }
      var shown = math
      if !isDocument {
        shown.document = nil
        shown.difference = nil
      }
      sections[sections.count - 1].rows.append(
        Row(
          isGiven: line.kind == .given, math: shown, role: role(of: line), verdict: isDocument ? line.verdict : nil,
          cause: isDocument ? line.explanation.map { prose($0.sentence(for: line, in: walkthrough, notation: notation)) } : nil))
    }
    return sections
  }

  /// For a given: what it is (input, trainable parameter, ...).
  /// With the file's comment on it, as the walk shows it: `input (not in the document, ...)`.
  private func role(of line: Walkthrough.Line) -> String? {
    guard line.kind == .given, case .name(let name)? = line.quantity.leafValue,
      let leaf = example.leaves.first(where: { $0.name == name }), let role = WalkText.roles[leaf.kind]
    else { return nil }
    guard let note = leaf.note, !note.isEmpty else { return role }
    return role + " (" + prose(note) + ")"
  }

  /// The verdict in words: `✓`, or `✗ off by +0.117` (the number in the Unicode notation).
  func verdictText(_ row: Row) -> (mark: String, difference: String?)? {
    switch row.verdict {
    case .agree: return (terminal.agreeMark, nil)
    case .differ: return (terminal.differMark + " off by", row.math.difference ?? "")
    case nil: return nil
    }
  }

  /// `(printed 3 times)`, or nothing.
  func timesText(_ row: Row) -> String? {
    row.times > 1 ? "(printed \(row.times) times)" : nil
  }
}
