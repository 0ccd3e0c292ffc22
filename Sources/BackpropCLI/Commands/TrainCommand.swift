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
      .flag("force", help: "With --svg: replace a file that is not a picture backprop-tutor wrote, or is read-only."),
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
  var force: Bool
  var terminal: Terminal

  init(_ parsed: ParsedArguments) throws {
    target = parsed.positionals[0]
    steps = parsed.integer("steps")!
    every = parsed.integer("every")
    rate = parsed.number("rate")
    json = parsed.shared.json
    svg = parsed.text("svg")
    force = parsed.flag("force")
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
    if let svg { try FileOutput.check(svg, kind: .svg, force: force) }
    let every = self.every ?? TrainingReport.defaultInterval(steps: steps)
    let recordEvery = TrainingReport.recordingInterval(steps: steps, every: every)
    let progress = Progress(total: steps, enabled: !json && isatty(STDERR_FILENO) == 1 && steps >= 100_000)
    let run: TrainingRun
    do {
      run = try evaluation.train(
        from: evaluation.initialState, steps: steps, rate: rate, every: recordEvery, stopWhenDiverging: true
      ) { progress.show($0) }
    } catch let error as EvaluationError {
      throw Failure.usage("\(error)", command: "train")
    }
    progress.clear()
    let notes = validated.unreachableTargets
    let checked = validated.documentLines { $0.isAfterTraining(steps: run.finalStep) }
    let report = TrainingReport(
      name: target, example: example, run: run, every: every, rateGiven: rate != nil, notes: notes, checked: checked)
    if let svg {
      try FileOutput.write(report.chart.svg(), to: svg, kind: .svg, force: force)
    }
    var output = Output()
    if json {
      output.line(report.json().rendered())
    } else {
      report.render(terminal, into: &output)
    }
    output.write()
    if let svg { Console.err("Wrote \(svg).\n") }
    // A run that diverged is not a result: the table shows how, the status says so.
    return run.divergence == nil ? 0 : 1
  }

}
