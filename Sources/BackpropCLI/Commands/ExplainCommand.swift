import BackpropCore
import BackpropPresentation
import Foundation

/// `backprop-tutor explain [TOPIC]`: the derivations, each checked numerically.
struct ExplainCommand: Command {
  static let configuration = CommandConfiguration(
    name: "explain",
    abstract: "The derivations behind the rules, checked numerically.",
    overview:
      "The derivations the handouts teach, each step checked numerically at a sample point (the engine's derivative, the "
      + "formula and a central difference). Without a topic, lists the topics.",
    arguments: [
      ArgumentDeclaration(
        name: "topic", arity: .optional, help: "derivative, partial, chain-rule, loss, sigmoid, tanh, relu, update or shared-bias.")
    ],
    options: [SharedOptions.ascii()])

  var topic: String?
  var terminal: Terminal

  init(_ parsed: ParsedArguments) throws {
    topic = parsed.positional(0)
    terminal = parsed.shared.terminal
  }

  func run() throws -> Int32 {
    var output = Output()
    guard let name = topic else {
      output.line(terminal.bold("Topics") + " (backprop-tutor explain TOPIC):")
      let width = Topic.all.map(\.name.count).max() ?? 0
      for topic in Topic.all {
        output.line("  " + topic.name + String(repeating: " ", count: width - topic.name.count + 2) + text(topic.title))
      }
      output.write()
      return 0
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
    return 0
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
