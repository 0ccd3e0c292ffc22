import BackpropCore
import BackpropPresentation
import Foundation

/// `backprop-tutor graph NAME|PATH`: the computation graph as Graphviz DOT.
struct GraphCommand: Command {
  static let configuration = CommandConfiguration(
    name: "graph",
    abstract: "Write the computation graph as Graphviz DOT.",
    overview:
      "Write the computation graph as Graphviz DOT: each quantity with its formula, value and gradient, after the backward pass.",
    arguments: [ArgumentDeclaration(name: "example", help: "A built-in example's name or an example file.")],
    options: [
      .option("output", value: "file", help: "Write to a file (whole or not at all) instead of stdout."),
      .flag("force", help: "With --output: replace a file that is not a graph backprop-tutor wrote, or is read-only."),
      SharedOptions.ascii(),
    ],
    examples: ["backprop-tutor graph shared-bias | dot -Tsvg -o graph.svg"])

  var target: String
  var output: String?
  var force: Bool
  var ascii: Bool

  init(_ arguments: ParsedArguments) throws {
    target = arguments.positionals[0]
    output = arguments.text("output")
    force = arguments.flag("force")
    ascii = arguments.shared.ascii
  }

  func run() throws -> Int32 {
    let evaluation = try ExampleLoader.load(target, command: "graph").evaluation
    if let output { try FileOutput.check(output, kind: .dot, force: force) }
    let dot: String
    do {
      dot = try GraphvizExport.dot(evaluation, notation: ascii ? .ascii : .unicode)
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
    if let output {
      try FileOutput.write(dot, to: output, kind: .dot, force: force)
      Console.err("Wrote \(output): render it with 'dot -Tsvg \(output) -o graph.svg'.\n")
    } else {
      Console.out(dot)
    }
    return 0
  }
}
