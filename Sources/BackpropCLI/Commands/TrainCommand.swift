import BackpropCore
import BackpropPresentation
import Foundation

/// `backprop-tutor train NAME|PATH --steps N`: gradient descent, step by step.
struct TrainCommand: Command {
  static let configuration = CommandConfiguration(
    name: "train",
    abstract: "Run gradient descent: the loss and parameters, step by step.",
    overview:
      "Run gradient descent from the example's start: a table of the step, the loss and the parameters, the final values, "
      + "and a plot of the loss.",
    discussion: [
      "Document values about training ('w1@1000', 'w1@converged') are checked with the same verdicts as 'walk'. A target "
        + "the output can never reach (outside its activation's range) is pointed out, and so is a loss that has levelled off."
    ],
    arguments: [ArgumentDeclaration(name: "example", help: "A built-in example's name or an example file.")],
    options: [
      .option("steps", value: "n", kind: .wholeNumber(1...10_000_000), help: "How many steps.", default: "100"),
      .option(
        "every", value: "k", kind: .wholeNumber(1...10_000_000), help: "Show every k-th step.",
        defaultDescription: "a tenth of the steps"),
      .option("rate", value: "rate", kind: .positiveNumber, help: "A learning rate instead of the file's."),
      .option("svg", value: "file", help: "Also write the loss curve as an SVG picture."),
      SharedOptions.json(help: "The trajectory as JSON."),
      SharedOptions.ascii(),
    ],
    examples: ["backprop-tutor train simple-chain --steps 30", "backprop-tutor train handwritten-222 --steps 10000 --svg loss.svg"])

  var target: String
  var steps: Int
  var every: Int?
  var rate: Double?
  var json: Bool
  var svg: String?
  var terminal: Terminal

  init(_ parsed: ParsedArguments) throws {
    target = parsed.positionals[0]
    steps = parsed.integer("steps")!
    every = parsed.integer("every")
    rate = parsed.number("rate")
    json = parsed.shared.json
    svg = parsed.text("svg")
    terminal = parsed.shared.terminal
  }

  func run() throws -> Int32 {
    let validated = try ExampleLoader.load(target, command: "train")
    let evaluation = validated.evaluation
    let example = evaluation.network.example
    guard rate != nil || example.rate != nil else {
      throw Failure.usage("\(target) has no learning rate: add 'rate NAME = VALUE' to the file or pass --rate", command: "train")
    }
    guard !example.parameters.isEmpty else {
      throw Failure.usage("\(target) has no trainable parameters ('param' lines) to train", command: "train")
    }
    let every = self.every ?? max(1, steps / 10)
    // Record finely enough for a smooth curve, and on every step the table shows.
    let recordEvery = Self.gcd(every, max(1, steps / 1000))
    let progress = Progress(total: steps, enabled: !json && isatty(STDERR_FILENO) == 1 && steps >= 100_000)
    let run: TrainingRun
    do {
      run = try evaluation.train(from: evaluation.initialState, steps: steps, rate: rate, every: recordEvery) { progress.show($0) }
    } catch let error as EvaluationError {
      throw Failure.usage("\(error)", command: "train")
    }
    progress.clear()
    let notes = (try? UnreachableTarget.find(in: evaluation)) ?? []
    let checked = validated.documentLines { $0.isAfterTraining(steps: run.finalStep) }
    let chart = LineChart(
      title: "\(example.loss) during training (\(target))", xLabel: "step", yLabel: example.loss,
      points: run.records.map { (Double($0.step), $0.loss) })
    if let svg {
      try FileOutput.write(chart.svg(), to: svg)
    }
    var output = Output()
    if json {
      output.line(self.json(run, example: example, notes: notes, checked: checked).rendered())
    } else {
      render(run, every: every, example: example, notes: notes, checked: checked, chart: chart, into: &output)
    }
    output.write()
    if let svg { Console.err("Wrote \(svg).\n") }
    return 0
  }

  static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

  private func render(
    _ run: TrainingRun, every: Int, example: Example, notes: [UnreachableTarget], checked: [Walkthrough.Line], chart: LineChart,
    into output: inout Output
  ) {
    let n = terminal.notation
    output.line(terminal.bold("\(target): \(example.title ?? "untitled example")"))
    for note in notes { output.line("Note: " + note.sentence(n)) }
    let rateName = n.name(example.rate?.name ?? "rate")
    let source = rate == nil ? "the file's" : "given"
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
    if let diverged = run.divergedAt {
      output.line("Gradient descent diverged at step \(diverged): the learning rate is too large for this example.")
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

  private func json(_ run: TrainingRun, example: Example, notes: [UnreachableTarget], checked: [Walkthrough.Line]) -> JSON {
    .object([
      ("example", .string(target)),
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
      ("divergedAt", run.divergedAt.map { .integer($0) } ?? .null),
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
