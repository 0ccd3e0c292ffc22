import BackpropCore
import BackpropPresentation
import Foundation

/// `backprop-tutor surface NAME|PATH`: the loss over two parameters, with the path
/// gradient descent takes down it.
struct SurfaceCommand: Command {
  static let configuration = CommandConfiguration(
    name: "surface",
    abstract: "Map the loss over two parameters, with the descent's path.",
    overview:
      "Map the loss over two trainable parameters as contours, with the path gradient descent takes down it. With more "
      + "than two parameters it is a slice: the others are held at their starting values.",
    arguments: [ArgumentDeclaration(name: "example", help: "A built-in example's name or an example file.")],
    options: [
      .option("params", value: "a,b", help: "The two parameters.", defaultDescription: "the first two"),
      .option(
        "steps", value: "n", kind: .wholeNumber(1...1_000_000), help: "Steps of gradient descent for the path.", default: "1000"),
      .option("rate", value: "rate", kind: .positiveNumber, help: "A learning rate instead of the file's."),
      .option("grid", value: "n", kind: .wholeNumber(2...200), help: "Grid points per side for the SVG.", default: "60"),
      .option("svg", value: "file", help: "Also write the map as an SVG picture."),
      .flag("force", help: "With --svg: replace a file that is not a picture backprop-tutor wrote, or is read-only."),
      SharedOptions.ascii(),
    ])

  var target: String
  var parameters: [String]?
  var steps: Int
  var rate: Double?
  var resolution: Int
  var svg: String?
  var force: Bool
  var terminal: Terminal

  init(_ parsed: ParsedArguments) throws {
    target = parsed.positionals[0]
    parameters = parsed.text("params").map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
    if let parameters, parameters.count != 2 || parameters[0] == parameters[1] {
      throw Failure.usage("'--params' takes two different names separated by a comma, such as w1,w2", command: "surface")
    }
    steps = parsed.integer("steps")!
    rate = parsed.number("rate")
    resolution = parsed.integer("grid")!
    svg = parsed.text("svg")
    force = parsed.flag("force")
    terminal = parsed.shared.terminal
  }

  func run() throws -> Int32 {
    let evaluation = try ExampleLoader.load(target, command: "surface").evaluation
    let example = evaluation.network.example
    let trainable = example.parameters.map(\.name)
    let chosen = parameters ?? Array(trainable.prefix(2))
    guard chosen.count == 2 else {
      throw Failure.usage("\(target) has fewer than two trainable parameters to map", command: "surface")
    }
    for name in chosen where !trainable.contains(name) {
      throw Failure.usage("'\(name)' is not a trainable parameter of \(target) (\(trainable.joined(separator: ", ")))", command: "surface")
    }
    guard rate != nil || example.rate != nil else {
      throw Failure.usage("\(target) has no learning rate: add 'rate NAME = VALUE' to the file or pass --rate", command: "surface")
    }
    if let svg { try FileOutput.check(svg, kind: .svg, force: force) }
    let surface: LossSurface
    do {
      surface = try evaluation.lossSurface(x: chosen[0], y: chosen[1], steps: steps, resolution: resolution, rate: rate)
    } catch let error as EvaluationError {
      throw Failure.usage("\(error)", command: "surface")
    }
    let report = SurfaceReport(name: target, example: example, x: chosen[0], y: chosen[1], surface: surface)
    if let svg { try FileOutput.write(report.chart.svg(), to: svg, kind: .svg, force: force) }
    var output = Output()
    report.render(terminal, into: &output)
    output.write()
    if let svg { Console.err("Wrote \(svg).\n") }
    return surface.divergedAt == nil ? 0 : 1
  }
}
