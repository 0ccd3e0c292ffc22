import BackpropCore
import Foundation

/// `backprop-tutor surface NAME|PATH`: the loss over two parameters, with the path
/// gradient descent takes down it.
struct SurfaceCommand {
  var target: String
  var parameters: [String]?
  var steps: Int
  var rate: Double?
  var resolution: Int
  var svg: String?
  var terminal: Terminal

  init(_ arguments: [String]) throws {
    let parsed = try Arguments(arguments, command: "surface", flags: ["ascii"], options: ["params", "steps", "rate", "grid", "svg"])
    target = try parsed.example(command: "surface")
    parameters = parsed.options["params"].map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
    if let parameters, parameters.count != 2 || parameters[0] == parameters[1] {
      throw Failure.usage("'--params' takes two different names separated by a comma, such as w1,w2", command: "surface")
    }
    steps = try parsed.count("steps", command: "surface", default: 1000, range: 1...1_000_000)
    rate = try parsed.positiveNumber("rate", command: "surface")
    resolution = try parsed.count("grid", command: "surface", default: 60, range: 2...200)
    svg = parsed.options["svg"]
    terminal = Terminal(ascii: parsed.flags.contains("ascii"))
  }

  func run() throws {
    let evaluation = try Evaluated.load(target, command: "surface")
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
    let surface: LossSurface
    do {
      surface = try evaluation.lossSurface(x: chosen[0], y: chosen[1], steps: steps, resolution: resolution, rate: rate)
    } catch let error as EvaluationError {
      throw Failure.usage("\(error)", command: "surface")
    }
    let n = terminal.notation
    var title = "\(example.loss) over (\(chosen[0]), \(chosen[1])) with the descent's path (\(target))"
    if !surface.heldFixed.isEmpty { title += ", the others held" }
    let chart = ContourChart(
      title: title, xLabel: chosen[0], yLabel: chosen[1], xRange: surface.xRange, yRange: surface.yRange,
      values: surface.values, path: surface.path)
    if let svg { try FileOutput.write(chart.svg(), to: svg) }
    var output = Output()
    output.line(terminal.bold("\(target): \(n.name(example.loss)) over \(n.name(chosen[0])) and \(n.name(chosen[1]))"))
    if !surface.heldFixed.isEmpty {
      let held = surface.heldFixed.map(n.name).joined(separator: ", ")
      let their = surface.heldFixed.count == 1 ? "its starting value" : "their starting values"
      output.line("A slice: \(held) held at \(their); the path is the full run's.")
    }
    let start = surface.path.first.map { "(\(n.number(Readable.format($0.x))), \(n.number(Readable.format($0.y))))" } ?? "?"
    let end = surface.path.last.map { "(\(n.number(Readable.format($0.x))), \(n.number(Readable.format($0.y))))" } ?? "?"
    output.line("The path: gradient descent from \(start) to \(end).")
    output.line()
    chart.terminal(width: 64, height: 24, ascii: terminal.ascii).forEach { output.line($0) }
    output.write()
    if let svg { Console.err("Wrote \(svg).\n") }
  }
}
