import BackpropCore
import Foundation

/// `backprop-tutor walk NAME|PATH`: every value of an example next to the document's.
struct WalkCommand {
  var target: String
  var json: Bool
  var terminal: Terminal

  init(_ arguments: [String]) throws {
    let parsed = try Arguments(arguments, command: "walk", flags: ["json", "ascii"])
    guard parsed.positionals.count == 1 else {
      throw Failure.usage(
        parsed.positionals.isEmpty ? "missing expected argument '<example>'" : "unexpected argument '\(parsed.positionals[1])'",
        command: "walk")
    }
    target = parsed.positionals[0]
    json = parsed.flags.contains("json")
    terminal = Terminal(ascii: parsed.flags.contains("ascii"))
  }

  func run() throws {
    let example = try ExampleLoader.load(target, command: "walk")
    let walkthrough: Walkthrough
    do {
      walkthrough = try Walkthrough(example)
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
    var output = Output()
    if json {
      output.line(WalkJSON.render(walkthrough, name: target).rendered())
    } else {
      render(walkthrough, into: &output)
    }
    output.write()
  }

  static let headings: [Walkthrough.Section: String] = [
    .setup: "Given", .forward: "Forward pass", .loss: "Loss", .backward: "Backward pass",
    .update: "Update", .afterUpdate: "Forward pass after the update",
    .experiments: "Other values the document printed",
  ]

  private func render(_ walkthrough: Walkthrough, into output: inout Output) {
    let example = walkthrough.example
    output.line(terminal.bold("\(target): \(example.title ?? "untitled example")"))
    if let source = example.source { output.line("Source: \(source)") }
    let notation = terminal.notation
    var section: Walkthrough.Section?
    var block: [(Walkthrough.Line, LineText)] = []
    func flush() {
      guard let current = section, !block.isEmpty else { return }
      output.line()
      output.line(terminal.bold(heading(current, example)))
      let width = min(64, block.filter { $0.1.document != nil }.map { Terminal.width(left($0.1)) }.max() ?? 0)
      let givenWidth = block.filter { $0.0.kind == .given }.map { Terminal.width(left($0.1)) }.max() ?? 0
      for (line, text) in block {
        output.line(row(line, text, width: width, role: role(of: line, in: example), roleColumn: givenWidth + 2))
      }
      block.removeAll()
    }
    for line in walkthrough.lines {
      if line.section != section {
        flush()
        section = line.section
      }
      block.append((line, line.text(in: notation)))
    }
    flush()
    output.line()
    output.line(summary(walkthrough))
  }

  /// Without a target there is no loss to speak of: the warm-ups differentiate a function.
  private func heading(_ section: Walkthrough.Section, _ example: Example) -> String {
    if section == .loss, !example.leaves.contains(where: { $0.kind == .target }) {
      return "Output (the quantity differentiated)"
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

  static let roles: [Example.LeafKind: String] = [
    .input: "input", .target: "target", .param: "trainable parameter", .const: "constant (not trained)",
    .rate: "learning rate",
  ]

  /// For a given: what it is (input, trainable parameter, ...).
  private func role(of line: Walkthrough.Line, in example: Example) -> String? {
    guard line.kind == .given, case .name(let name) = line.quantity else { return nil }
    return example.leaves.first { $0.name == name }.flatMap { Self.roles[$0.kind] }
  }

  private func row(_ line: Walkthrough.Line, _ text: LineText, width: Int, role: String?, roleColumn: Int = 0) -> String {
    var body = left(text)
    if let role {
      body += String(repeating: " ", count: max(2, roleColumn - Terminal.width(body))) + terminal.dim(role)
    }
    guard let document = text.document else { return "  " + body }
    let padding = String(repeating: " ", count: max(2, width - Terminal.width(body) + 3))
    var verdict: String
    switch line.verdict {
    case .agree: verdict = terminal.green(terminal.agreeMark)
    case .differ: verdict = terminal.red("\(terminal.differMark) off by \(text.difference ?? "")")
    case nil: verdict = ""
    }
    var result = "  " + body + padding + "doc " + document + "   " + verdict
    if let note = line.document?.note, !note.isEmpty {
      result += "\n" + terminal.dim("      (\(note))")
    }
    return result
  }

  private func plural(_ count: Int, _ word: String) -> String {
    count == 1 ? word : word + "s"
  }

  private func summary(_ walkthrough: Walkthrough) -> String {
    let counts = walkthrough.summary
    var text = terminal.bold("Summary: ")
    if counts.documentValues == 0 {
      text += "the file has no document values; \(counts.notPrinted) \(plural(counts.notPrinted, "value")) computed."
      return text
    }
    text += "\(counts.documentValues) document \(plural(counts.documentValues, "value")): "
    text += terminal.green("\(counts.agree) agree") + ", "
    text += (counts.differ > 0 ? terminal.red("\(counts.differ) differ") : "0 differ")
    text += "; \(counts.notPrinted) more \(plural(counts.notPrinted, "value")) the document does not print."
    if let first = walkthrough.lines.first(where: { if case .differ = $0.verdict { true } else { false } }), let document = first.document {
      let line = first.text(in: terminal.notation)
      text +=
        "\nFirst difference: \(line.quantity) = \(line.value), document \(line.document ?? "") (off by \(line.difference ?? "")), \(walkthrough.example.file):\(document.location.line)"
    }
    return text
  }
}

/// The `--json` form of a walk.
enum WalkJSON {
  static func render(_ walkthrough: Walkthrough, name: String) -> JSON {
    let example = walkthrough.example
    let steps = walkthrough.lines.map { line -> JSON in
      let text = line.text(in: .ascii)
      var verdict = JSON.null
      var difference = JSON.null
      switch line.verdict {
      case .agree: verdict = .string("agree")
      case .differ(let by):
        verdict = .string("differ")
        difference = .number(by)
      case nil: break
      }
      return .object([
        ("section", .string(line.section.rawValue)),
        ("kind", .string(line.kind.rawValue)),
        ("quantity", .string(text.quantity)),
        ("formula", .optional(text.formula)),
        ("arithmetic", .optional(text.arithmetic)),
        ("value", .number(line.value)),
        ("document", .optional(line.document?.printed.text)),
        ("verdict", verdict),
        ("difference", difference),
        ("line", line.document.map { .integer($0.location.line) } ?? .null),
        ("note", .optional(line.document?.note)),
      ])
    }
    let summary = walkthrough.summary
    return .object([
      ("example", .string(name)),
      ("title", .optional(example.title)),
      ("source", .optional(example.source)),
      ("steps", .array(steps)),
      (
        "summary",
        .object([
          ("documentValues", .integer(summary.documentValues)),
          ("agree", .integer(summary.agree)),
          ("differ", .integer(summary.differ)),
          ("notPrinted", .integer(summary.notPrinted)),
        ])
      ),
    ])
  }
}
