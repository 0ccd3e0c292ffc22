import BackpropCore
import BackpropPresentation
import Foundation

/// `backprop-tutor nudge NAME|PATH PARAM DELTA`: change one value, watch the rest move.
struct NudgeCommand: Command {
  static let configuration = CommandConfiguration(
    name: "nudge",
    abstract: "Change one value and compare the loss's change with the gradient's prediction.",
    overview:
      "Change one input or parameter by <delta>: every quantity downstream before and after, the actual change of the "
      + "loss against the change the gradient predicts (∂L/∂p · Δ), and how the two compare as Δ shrinks.",
    arguments: [
      ArgumentDeclaration(name: "example", help: "A built-in example's name or an example file."),
      ArgumentDeclaration(name: "name", help: "An input or parameter of the example."),
      ArgumentDeclaration(name: "delta", help: "How much to change it by; a negative number such as -0.1 makes it smaller."),
    ],
    options: [SharedOptions.json(help: "Print the result as JSON."), SharedOptions.ascii()],
    examples: [
      "backprop-tutor nudge simple-chain w2 0.1", "backprop-tutor nudge simple-chain w1 -0.1", "backprop-tutor nudge calculus-slope x 0.1",
    ])

  var target: String
  var name: String
  var delta: Double
  var json: Bool
  var terminal: Terminal

  init(_ parsed: ParsedArguments) throws {
    target = parsed.positionals[0]
    name = parsed.positionals[1]
    guard let delta = Double(parsed.positionals[2]), delta.isFinite, delta != 0 else {
      throw Failure.usage("<delta> must be a non-zero number, not '\(Failure.quoted(parsed.positionals[2]))'", command: "nudge")
    }
    self.delta = delta
    json = parsed.shared.json
    terminal = parsed.shared.terminal
  }

  func run() throws -> Int32 {
    let evaluation = try ExampleLoader.load(target, command: "nudge").evaluation
    let example = evaluation.network.example
    guard example.leaves.contains(where: { $0.name == name }) else {
      let what =
        evaluation.network.quantity(name) == nil
        ? "has no quantity '\(Failure.quoted(name))'" : "computes '\(name)'; nudge an input or a parameter"
      throw Failure.usage(
        "\(Failure.quoted(target)) \(what) (its inputs and parameters: \(example.leaves.map(\.name).joined(separator: ", ")))",
        command: "nudge")
    }
    let start = example.leaves.first { $0.name == name }!.value
    if start + delta == start {
      throw Failure.usage(
        "a change of \(Readable.format(delta)) is too small to change \(name) = \(Readable.format(start)) at all", command: "nudge")
    }
    let nudge: Nudge
    do {
      nudge = try evaluation.nudge(name, by: delta)
    } catch let error as EvaluationError {
      throw Failure.usage("\(error)", command: "nudge")
    }
    let report = NudgeReport(name: target, example: example, nudge: nudge)
    var output = Output()
    if json {
      output.line(report.json().rendered())
    } else {
      report.render(terminal, into: &output)
    }
    output.write()
    return 0
  }
}
