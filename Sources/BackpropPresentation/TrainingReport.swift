import BackpropCore

/// A training run as the user sees it: text for the terminal, or JSON.
public struct TrainingReport {
  /// The example's name as the user gave it.
  public var name: String
  /// The example trained.
  public var example: Example
  /// The run: the loss and the parameters at the recorded steps, and how the descent ended.
  public var run: TrainingRun
  /// Show every `every`-th step in the table.
  public var every: Int
  /// Whether the learning rate came from the command line rather than the file.
  public var rateGiven: Bool
  /// Targets the output can never reach, which explain a loss that levels off above zero.
  public var notes: [UnreachableTarget]
  /// The document's values about training, checked.
  public var checked: [Walkthrough.Line]
  /// The loss curve: L against the step.

  /// The report of `run` on `example`, called `name`.
  ///
  /// Each parameter is the property of the same name.
  public init(
    name: String, example: Example, run: TrainingRun, every: Int, rateGiven: Bool, notes: [UnreachableTarget],
    checked: [Walkthrough.Line]
  ) {
    self.name = name
    self.example = example
    self.run = run
    self.every = every
    self.rateGiven = rateGiven
    self.notes = notes
    self.checked = checked
  }

  /// "The descent diverged at step 12 (loss 1.2e+308); try a smaller rate.", when it did.
  public static func divergence(_ step: Int?, loss: Double, notation: Notation) -> String? {
    step.map { "The descent diverged at step \($0) (loss \(notation.number(Readable.format(loss)))); try a smaller rate." }
  }

  /// The loss curve of `run`, for the terminal or an SVG file.
  public static func chart(_ run: TrainingRun, example: Example, name: String) -> LineChart {
    LineChart(
      title: "\(example.loss) during training (\(name))", xLabel: "step", yLabel: example.loss,
      points: run.records.map { (Double($0.step), $0.loss) })
  }

  /// The loss curve.
  public var chart: LineChart { Self.chart(run, example: example, name: name) }

  /// The table's default: a tenth of the steps.
  public static func defaultInterval(steps: Int) -> Int {
    max(1, steps / 10)
  }

  /// How often to record a step: finely enough for a smooth curve (about a thousand
  /// points), and on every step the table shows (every `every`-th).
  public static func recordingInterval(steps: Int, every: Int) -> Int {
    gcd(every, max(1, steps / 1000))
  }

  private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

  /// The run as text: the table of steps, the final values, what became of the descent,
  /// the loss curve, and the document's values about training with their verdicts.
  public func render(_ terminal: Terminal, into output: inout Output) {
    let n = terminal.notation
    output.line(terminal.bold("\(Escaping.terminal(name)): \(Escaping.terminal(example.title ?? "untitled example"))"))
    for note in notes { output.line("Note: " + note.sentence(n)) }
    let rateName = n.name(example.rate?.name ?? "rate")
    let source = rateGiven ? "given" : "the file's"
    output.line(
      "Gradient descent: \(run.finalStep) steps at \(rateName) = \(n.number(Readable.format(run.rate))) (\(source)), showing every \(every) steps."
    )
    output.line()
    let shown = run.parameterNames.count <= 8 ? run.parameterNames : []
    var table = Table(header: ["step", n.name(example.loss)] + shown.map(n.name))
    for record in run.records where record.step % every == 0 || record.step == run.finalStep {
      table.rows.append(
        [String(record.step), n.number(Readable.format(record.loss))]
          + record.parameters.prefix(shown.count).map { n.number(Readable.format($0)) })
    }
    table.lines().forEach { output.line($0) }
    output.line()
    let last = run.last
    var final = "After \(last.step) steps: \(n.name(example.loss)) = \(n.number(Readable.format(last.loss)))"
    let values = zip(run.parameterNames, last.parameters).map { "\(n.name($0)) = \(n.number(Readable.format($1)))" }
    final += values.count <= 12 ? "; " + values.joined(separator: ", ") : " (\(values.count) parameters)"
    output.line(final + ".")
    if let settled = run.settledAt { output.line("The parameters stopped changing at step \(settled): gradient descent has converged.") }
    if let sentence = Self.divergence(run.divergence, loss: run.last.loss, notation: n) {
      output.line(sentence)
    }
    if let plateau = run.plateau, run.settledAt == nil {
      output.line("The loss has levelled off at about \(n.number(Readable.format(plateau))): more steps will not lower it much.")
    }
    output.line()
    chart.terminal(width: 60, height: 14, ascii: terminal.ascii).forEach { output.line($0) }
    if !checked.isEmpty {
      output.line()
      output.line(terminal.bold("Document values about training"))
      for line in checked {
        let text = line.text(in: n)
        var row = "  \(text.quantity) = \(text.value)   doc \(text.document ?? "")   "
        switch line.verdict {
        case .agree: row += terminal.green(terminal.agreeMark)
        case .differ: row += terminal.red("\(terminal.differMark) off by \(text.difference ?? "")")
        case nil: break
        }
        output.line(row)
      }
    }
  }

  /// The run as JSON: the trajectory, where it settled, diverged or levelled off, and the
  /// document's values about training.
  public func json() -> JSON {
    .object([
      ("example", .string(name)),
      ("rate", .number(run.rate)),
      ("steps", .integer(run.finalStep)),
      ("parameters", .array(run.parameterNames.map(JSON.string))),
      (
        "trajectory",
        .array(
          run.records.map { record in
            .object([
              ("step", .integer(record.step)), ("loss", .number(record.loss)),
              ("parameters", .object(zip(run.parameterNames, record.parameters).map { ($0, .number($1)) })),
            ])
          })
      ),
      ("settledAt", run.settledAt.map { .integer($0) } ?? .null),
      ("divergedAt", run.divergence.map { .integer($0) } ?? .null),
      ("plateau", run.plateau.map { .number($0) } ?? .null),
      ("notes", .array(notes.map { .string($0.sentence(.ascii)) })),
      (
        "documentValues",
        .array(
          checked.map { line in
            .object([
              ("quantity", .string(Notation.ascii.render(line.quantity))), ("value", .number(line.value)),
              ("document", .optional(line.document?.printed.text)), ("verdict", .optional(line.verdict?.name)),
            ])
          })
      ),
    ])
  }
}
