import BackpropCore

/// A nudge as the user sees it: text for the terminal, or JSON.
public struct NudgeReport {
  /// The example's name as the user gave it.
  public var name: String
  /// The example nudged.
  public var example: Example
  /// The nudge computed: each downstream quantity before and after, and the loss's actual
  /// change against ∂L/∂p · Δ.
  public var nudge: Nudge

  /// The report of `nudge` on `example`, called `name`.
  public init(name: String, example: Example, nudge: Nudge) {
    self.name = name
    self.example = example
    self.nudge = nudge
  }

  /// The nudge as text: every quantity downstream before and after, the loss's change
  /// against the gradient's prediction, and the prediction's error as Δ shrinks.
  public func render(_ terminal: Terminal, into output: inout Output) {
    let n = terminal.notation
    let p = n.name(nudge.name)
    let delta = n.number(Readable.format(nudge.delta))
    output.line(terminal.bold("\(Escaping.terminal(name)): \(p) changed by \(delta)"))
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

  /// The nudge as JSON.
  public func json() -> JSON {
    .object([
      ("example", .string(name)),
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
