import BackpropCore
import Foundation

/// `backprop-tutor train NAME|PATH --steps N`: gradient descent, step by step.
struct TrainCommand {
  var target: String
  var steps: Int
  var every: Int?
  var rate: Double?
  var json: Bool
  var svg: String?
  var terminal: Terminal

  init(_ arguments: [String]) throws {
    let parsed = try Arguments(arguments, command: "train", flags: ["json", "ascii"], options: ["steps", "every", "rate", "svg"])
    target = try parsed.example(command: "train")
    steps = try parsed.count("steps", command: "train", default: 100, range: 1...10_000_000)
    every = parsed.options["every"] == nil ? nil : try parsed.count("every", command: "train", default: 1, range: 1...10_000_000)
    rate = try parsed.positiveNumber("rate", command: "train")
    json = parsed.flags.contains("json")
    svg = parsed.options["svg"]
    terminal = Terminal(ascii: parsed.flags.contains("ascii"))
  }

  func run() throws {
    let evaluation = try Evaluated.load(target, command: "train")
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
    let checked = try documentValues(example, steps: run.finalStep)
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
  }

  /// The file's document values about training (`E@N` for this run's N, `E@converged`), checked.
  private func documentValues(_ example: Example, steps: Int) throws -> [Walkthrough.Line] {
    let walkthrough = try WalkCommand.replay(example, rounding: nil)
    return walkthrough.lines.filter { line in
      guard line.document != nil, !line.repeatsLine else { return false }
      var about = false
      line.quantity.visit { part in
        if case .leaf(.afterTraining(_, let training)) = part, training == .converged || training == .steps(steps) { about = true }
      }
      return about
    }
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

/// "step 40000 of 100000" on a terminal's stderr, rewritten in place; never on a pipe.
final class Progress {
  let total: Int
  let enabled: Bool

  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled
  }

  func show(_ step: Int) {
    guard enabled else { return }
    Console.err("\rstep \(step) of \(total)")
  }

  func clear() {
    guard enabled else { return }
    Console.err("\r\u{1B}[K")
  }
}

extension Arguments {
  /// A whole number option within `range`.
  func count(_ name: String, command: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
    guard let text = options[name] else { return value }
    guard let number = Int(text), range.contains(number) else {
      throw Failure.usage(
        "'--\(name)' takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'", command: command)
    }
    return number
  }

  /// A positive number option, if given.
  func positiveNumber(_ name: String, command: String) throws -> Double? {
    guard let text = options[name] else { return nil }
    guard let number = Double(text), number.isFinite, number > 0 else {
      throw Failure.usage("'--\(name)' takes a positive number, not '\(text)'", command: command)
    }
    return number
  }
}
