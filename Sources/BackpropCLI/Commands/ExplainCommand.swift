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
        name: "topic", arity: .optional,
        help: Topic.all.map(\.name).dropLast().joined(separator: ", ") + " or " + Topic.all.last!.name + ".")
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
      TopicText.index(terminal, into: &output)
      output.write()
      return 0
    }
    guard let topic = Topic.named(name) else {
      let names = Topic.all.map(\.name).joined(separator: ", ")
      throw Failure.usage("no topic '\(name)' (topics: \(names))", command: "explain")
    }
    let checks: [Topic.Check]
    do {
      checks = try topic.checks()
    } catch {
      throw Failure.data(ExampleError(file: "explain", location: SourceLocation(line: 1, column: 1), message: "\(error)"))
    }
    TopicText(topic: topic, checks: checks).render(terminal, into: &output)
    output.write()
    return 0
  }
}
