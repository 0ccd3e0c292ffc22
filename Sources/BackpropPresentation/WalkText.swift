import BackpropCore

/// A walk as text: sections, aligned columns, verdicts and their causes.
///
/// The text `walk` prints (`render`), a piece at a time for `walk --step` (`pieces`),
/// and only the values that differ for `check` (`renderDifferences`).
public struct WalkText {
  /// The replayed example.
  public var walkthrough: Walkthrough
  /// What the user typed to name the example: shown in the heading.
  public var name: String
  /// Unicode or ASCII, colour or not.
  public var terminal: Terminal

  /// A renderer for `walkthrough`, headed with `name`.
  public init(walkthrough: Walkthrough, name: String, terminal: Terminal) {
    self.walkthrough = walkthrough
    self.name = name
    self.terminal = terminal
  }

  var example: Example { walkthrough.example }

  static let headings: [Walkthrough.Section: String] = [
    .setup: "Given", .forward: "Forward pass", .loss: "Loss", .backward: "Backward pass",
    .update: "Update", .afterUpdate: "Forward pass after the update",
    .experiments: "Other values the document printed",
  ]

  static let roles: [Example.LeafKind: String] = [
    .input: "input", .target: "target", .param: "trainable parameter", .const: "constant (not trained)",
    .rate: "learning rate",
  ]

  /// The whole walk.
  public func render(into output: inout Output) {
    for piece in pieces() { output.line(piece.text) }
  }

  /// The walk as pieces: headings and blank lines, and one piece per row of the walk
  /// (a value with its cause), where `walk --step` pauses.
  public func pieces() -> [(text: String, pauses: Bool)] {
    var pieces: [(text: String, pauses: Bool)] = []
    var headerLines = Output()
    header(into: &headerLines)
    pieces.append((String(headerLines.text.dropLast()), false))
    let rows = collapsed(walkthrough.lines)
    // One column for the document's values and one for the verdicts, across the walk.
    let width = min(64, rows.filter { $0.text.document != nil }.map { Terminal.width(left($0.text)) }.max() ?? 0)
    let documentWidth = rows.compactMap { $0.text.document.map(Terminal.width) }.max() ?? 0
    let givenWidth = rows.filter { $0.line.kind == .given }.map { Terminal.width(left($0.text)) }.max() ?? 0
    var section: Walkthrough.Section?
    var topicsShown: Set<String> = []
    for row in rows {
      if row.line.section != section {
        section = row.line.section
        pieces.append(("\n" + terminal.bold(heading(row.line.section)), false))
      }
      var text = self.row(row.line, row.text, width: width, documentWidth: documentWidth, roleColumn: givenWidth + 2, times: row.times)
      // The first line that uses a rule points to where it is derived.
      if let topic = Topic.name(for: row.line, in: example), topicsShown.insert(topic).inserted {
        text += "\n" + terminal.dim("      (why: backprop-tutor explain \(topic))")
      }
      pieces.append((text, true))
    }
    pieces.append(("\n" + summary(), false))
    return pieces
  }

  /// A value the document printed several times in the same digits is one line, "(printed N times)".
  private func collapsed(_ lines: [Walkthrough.Line]) -> [(line: Walkthrough.Line, text: LineText, times: Int)] {
    var rows: [(line: Walkthrough.Line, text: LineText, times: Int)] = []
    for line in lines {
      let text = line.text(in: terminal.notation)
      if line.repeatsLine, let last = rows.last, last.line.quantity == line.quantity, last.text.document == text.document {
        rows[rows.count - 1].times += 1
        continue
      }
      rows.append((line, text, 1))
    }
    return rows
  }

  /// Only the values that differ, each with its cause, and the summary: for `check`.
  public func renderDifferences(into output: inout Output) {
    // In the order of the file, for whoever fixes it.
    let differing = walkthrough.lines.filter { $0.explanation != nil }
      .sorted { ($0.document?.location.line ?? 0) < ($1.document?.location.line ?? 0) }
    output.line(terminal.bold("\(Escaping.terminal(name)): ") + Escaping.terminal(example.title ?? "untitled example"))
    if let rounding = walkthrough.rounding { output.line(roundingNote(rounding)) }
    let texts = differing.map { ($0, $0.text(in: terminal.notation)) }
    let width = min(64, texts.map { Terminal.width(left($0.1)) }.max() ?? 0)
    // As in the walk: the first differing line of each kind points to where its rule is derived.
    var topicsShown: Set<String> = []
    for (line, text) in texts {
      var text = row(line, text, width: width, location: true)
      if let topic = Topic.name(for: line, in: example), topicsShown.insert(topic).inserted {
        text += "\n" + terminal.dim("      (why: backprop-tutor explain \(topic))")
      }
      output.line(text)
    }
    output.line(summary())
  }

  private func header(into output: inout Output) {
    output.line(terminal.bold("\(Escaping.terminal(name)): \(Escaping.terminal(example.title ?? "untitled example"))"))
    if let source = example.source { output.line("Source: \(Escaping.terminal(source))") }
    for note in WalkNotes.sentences(walkthrough, notation: terminal.notation) { output.line("Note: " + note) }
    if let rounding = walkthrough.rounding { output.line(roundingNote(rounding)) }
  }

  private func roundingNote(_ rounding: Int) -> String {
    "Every value rounded to \(rounding) \(plural(rounding, "decimal")) before it is used, as by hand."
  }

  /// Without a target there is no loss to speak of: the warm-ups differentiate a function.
  func heading(_ section: Walkthrough.Section) -> String {
    if !example.leaves.contains(where: { $0.kind == .target }) {
      switch section {
      case .forward: return "Values"
      case .loss: return "The function"
      case .backward: return "Derivatives"
      default: break
      }
    }
    return Self.headings[section]!
  }

  private func left(_ text: LineText) -> String {
    var parts = [text.quantity]
    if let formula = text.formula { parts.append(formula) }
    if let arithmetic = text.arithmetic { parts.append(arithmetic) }
    parts.append(text.value)
    return parts.joined(separator: " = ")
  }

  /// The file's comment on a given or an equation, shown under its first line.
  private func declarationNote(_ line: Walkthrough.Line) -> String {
    guard !line.repeatsLine, line.kind == .given || (line.kind == .value && line.section != .afterUpdate),
      case .name(let name)? = line.quantity.leafValue
    else { return "" }
    let note = example.leaves.first { $0.name == name }?.note ?? example.equations.first { $0.name == name }?.note
    guard let note, !note.isEmpty else { return "" }
    return "\n" + terminal.dim("      (\(Escaping.terminal(note)))")
  }

  /// For a given: what it is (input, trainable parameter, ...).
  private func role(of line: Walkthrough.Line) -> String? {
    guard line.kind == .given, case .name(let name)? = line.quantity.leafValue else { return nil }
    return example.leaves.first { $0.name == name }.flatMap { Self.roles[$0.kind] }
  }

  private func row(
    _ line: Walkthrough.Line, _ text: LineText, width: Int, documentWidth: Int = 0, roleColumn: Int = 0, location: Bool = false,
    times: Int = 1
  ) -> String {
    var body = left(text)
    if location, let document = line.document {
      body = "\(document.location.line): " + body
    }
    if let role = role(of: line) {
      body += String(repeating: " ", count: max(2, roleColumn - Terminal.width(body))) + terminal.dim(role)
    }
    guard let document = text.document else { return "  " + body + declarationNote(line) }
    let padding = String(repeating: " ", count: max(2, width - Terminal.width(body) + 3))
    var verdict: String
    switch line.verdict {
    case .agree: verdict = terminal.green(terminal.agreeMark)
    case .differ: verdict = terminal.red("\(terminal.differMark) off by \(text.difference ?? "")")
    case nil: verdict = ""
    }
    let documentPadding = String(repeating: " ", count: max(0, documentWidth - Terminal.width(document)))
    var result = "  " + body + padding + "doc " + document + documentPadding + "   " + verdict
    if times > 1 { result += terminal.dim(" (printed \(times) times)") }
    if let explanation = line.explanation {
      result += "\n" + terminal.dim("      " + explanation.sentence(for: line, in: walkthrough, notation: terminal.notation))
    }
    if let note = line.document?.note, !note.isEmpty {
      result += "\n" + terminal.dim("      (\(Escaping.terminal(note)))")
    }
    return result + declarationNote(line)
  }

  private func plural(_ count: Int, _ word: String) -> String {
    count == 1 ? word : word + "s"
  }

  /// One line of counts, then the first slip: where the calculation first went wrong.
  public func summary() -> String {
    let counts = walkthrough.summary
    var text = terminal.bold("Summary: ")
    let blanks = example.blanks.count
    let blankNote = blanks == 0 ? "" : "; \(blanks) \(plural(blanks, "blank")) still to fill in"
    if counts.documentValues == 0 {
      text += "the file has no document values yet; \(counts.notPrinted) \(plural(counts.notPrinted, "value")) computed\(blankNote)."
      return text
    }
    text += "\(counts.documentValues) document \(plural(counts.documentValues, "value")): "
    text += terminal.green("\(counts.agree) agree") + ", "
    text += (counts.differ > 0 ? terminal.red("\(counts.differ) differ") : "0 differ")
    text += "; \(counts.notPrinted) more \(plural(counts.notPrinted, "value")) the document does not print\(blankNote)."
    if let slip = walkthrough.firstSlip, let document = slip.document {
      let line = slip.text(in: terminal.notation)
      text += "\nFirst slip: \(line.quantity) at \(Escaping.terminal(example.file)):\(document.location.line): "
      text += slip.explanation!.sentence(for: slip, in: walkthrough, notation: terminal.notation)
      // Every step where a new mistake was made: what a handout's author has to fix.
      let slips = walkthrough.newSlips
      if slips.count > 1 {
        let places = slips.compactMap { line in
          line.document.map { "\($0.location.line) (\(line.text(in: terminal.notation).quantity))" }
        }
        text += "\nSlips (\(slips.count)), by line: " + places.joined(separator: ", ")
      }
    }
    return text
  }
}
