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
      ArgumentDeclaration(name: "delta", help: "How much to change it by."),
    ],
    options: [SharedOptions.json(help: "Print the result as JSON."), SharedOptions.ascii()],
    examples: ["backprop-tutor nudge simple-chain w2 0.1", "backprop-tutor nudge calculus-slope x 0.1"])

  var target: String
  var name: String
  var delta: Double
  var json: Bool
  var terminal: Terminal

  init(_ parsed: ParsedArguments) throws {
    target = parsed.positionals[0]
    name = parsed.positionals[1]
    guard let delta = Double(parsed.positionals[2]), delta.isFinite, delta != 0 else {
      throw Failure.usage("<delta> must be a non-zero number, not '\(parsed.positionals[2])'", command: "nudge")
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
        evaluation.network.quantity(name) == nil ? "has no quantity '\(name)'" : "computes '\(name)'; nudge an input or a parameter"
      throw Failure.usage(
        "\(target) \(what) (its inputs and parameters: \(example.leaves.map(\.name).joined(separator: ", ")))", command: "nudge")
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
    var output = Output()
    if json {
      output.line(json(nudge).rendered())
    } else {
      render(nudge, example: example, into: &output)
    }
    output.write()
    return 0
  }

  private func render(_ nudge: Nudge, example: Example, into output: inout Output) {
    let n = terminal.notation
    let p = n.name(nudge.name)
    let delta = n.number(Readable.format(nudge.delta))
    output.line(terminal.bold("\(target): \(p) changed by \(delta)"))
    output.line()
    var changes = Table(header: ["quantity", "before", "after", "change"])
    for change in nudge.changes {
      let after = Readable.format(change.after, distinctFrom: change.before)
      changes.rows.append([
        n.name(change.quantity), n.number(Readable.format(change.before)), n.number(after),
        n.number(Readable.difference(change.change)),
      ])
    }
    changes.lines().forEach { output.line($0) }
    output.line()
    let gradient = n.derivative(of: example.loss, withRespectTo: nudge.name)
    let first = nudge.trials[0]
    let slope = n.number(Readable.format(nudge.gradient))
    output.line("The loss changes by \(n.number(Readable.difference(first.actual))).")
    output.line("The gradient predicts \(gradient) · Δ\(p) = \(slope) · \(delta) = \(n.number(Readable.difference(first.predicted))).")
    output.line()
    output.line("As Δ\(p) shrinks, the error per unit of Δ\(p) shrinks with it: the derivative is the slope.")
    var trials = Table(header: ["Δ" + p, "actual", "predicted", "(actual − predicted) / Δ" + p])
    // A Δ too small to move the value (after many halvings) says nothing about slopes.
    for trial in nudge.trials
    where example.leaves.first(where: { $0.name == nudge.name }).map({ $0.value + trial.delta != $0.value }) ?? true {
      trials.rows.append([
        n.number(Readable.format(trial.delta)), n.number(Readable.signed(trial.actual)),
        n.number(Readable.signed(trial.predicted)), n.number(Readable.difference(trial.errorPerUnit)),
      ])
    }
    trials.lines().forEach { output.line($0) }
  }

  private func json(_ nudge: Nudge) -> JSON {
    .object([
      ("example", .string(target)),
      ("name", .string(nudge.name)),
      ("delta", .number(nudge.delta)),
      ("gradient", .number(nudge.gradient)),
      (
        "changes",
        .array(
          nudge.changes.map { .object([("quantity", .string($0.quantity)), ("before", .number($0.before)), ("after", .number($0.after))]) })
      ),
      (
        "trials",
        .array(
          nudge.trials.map {
            .object([("delta", .number($0.delta)), ("actual", .number($0.actual)), ("predicted", .number($0.predicted))])
          })
      ),
    ])
  }
}
