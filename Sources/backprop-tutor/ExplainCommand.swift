import BackpropCore
import Foundation

/// `backprop-tutor explain [TOPIC]`: the derivations, each checked numerically.
struct ExplainCommand {
  var topic: String?
  var terminal: Terminal

  init(_ arguments: [String]) throws {
    let parsed = try Arguments(arguments, command: "explain", flags: ["ascii"])
    if parsed.positionals.count > 1 {
      throw Failure.usage("unexpected argument '\(parsed.positionals[1])'", command: "explain")
    }
    topic = parsed.positionals.first
    terminal = Terminal(ascii: parsed.flags.contains("ascii"))
  }

  func run() throws {
    var output = Output()
    guard let name = topic else {
      output.line(terminal.bold("Topics") + " (backprop-tutor explain TOPIC):")
      let width = Topic.all.map(\.name.count).max() ?? 0
      for topic in Topic.all {
        output.line("  " + topic.name + String(repeating: " ", count: width - topic.name.count + 2) + text(topic.title))
      }
      output.write()
      return
    }
    guard let topic = Topic.named(name) else {
      let names = Topic.all.map(\.name).joined(separator: ", ")
      throw Failure.usage("no topic '\(name)' (topics: \(names))", command: "explain")
    }
    output.line(terminal.bold(text(topic.title)))
    for paragraph in topic.text {
      output.line()
      wrapped(text(paragraph), width: 78).forEach { output.line($0) }
    }
    output.line()
    output.line(terminal.bold("Checked with the engine at a sample point:"))
    let checks: [Topic.Check]
    do {
      checks = try topic.checks()
    } catch {
      throw Failure.data(ExampleError(file: "explain", location: SourceLocation(line: 1, column: 1), message: "\(error)"))
    }
    for check in checks {
      let mark = check.holds ? terminal.green(terminal.agreeMark) : terminal.red(terminal.differMark)
      let values = "\(Readable.format(check.left, significantDigits: 8)) and \(Readable.format(check.right, significantDigits: 8))"
      output.line("  \(mark) \(text(check.description)): \(terminal.notation.number(values))")
    }
    output.write()
  }

  /// The text, transliterated to ASCII with --ascii.
  private func text(_ unicode: String) -> String {
    terminal.ascii ? ASCIIText.transliterate(unicode) : unicode
  }

  private func wrapped(_ paragraph: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in paragraph.split(separator: " ") {
      if !line.isEmpty, line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}

/// Mathematics written in Unicode, spelt in ASCII for terminals that want it.
enum ASCIIText {
  static let replacements: [(String, String)] = [
    ("∂", "d"), ("σ", "sigma"), ("ŷ", "yhat"), ("·", "*"), ("−", "-"), ("²", "^2"), ("³", "^3"), ("½", "1/2"),
    ("¼", "1/4"), ("Δ", "Delta "), ("∇", "grad "), ("α", "alpha"), ("←", "<-"), ("’", "'"), ("—", "-"), ("…", "..."),
    ("→", "->"), ("√", "sqrt"),
  ]

  static func transliterate(_ text: String) -> String {
    var result = text
    for (unicode, ascii) in replacements { result = result.replacingOccurrences(of: unicode, with: ascii) }
    return String(String.UnicodeScalarView(result.unicodeScalars.map { $0.isASCII ? $0 : "?" }))
  }
}
