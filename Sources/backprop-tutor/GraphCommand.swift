import BackpropCore
import Foundation

/// `backprop-tutor graph NAME|PATH`: the computation graph as Graphviz DOT.
struct GraphCommand {
  var target: String
  var output: String?
  var ascii: Bool

  init(_ arguments: [String]) throws {
    let parsed = try Arguments(arguments, command: "graph", flags: ["ascii"], options: ["output"])
    target = try parsed.example(command: "graph")
    output = parsed.options["output"]
    ascii = parsed.flags.contains("ascii")
  }

  func run() throws {
    let evaluation = try Evaluated.load(target, command: "graph")
    let dot: String
    do {
      dot = try GraphvizExport.dot(evaluation, notation: ascii ? .ascii : .unicode)
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
    if let output {
      try FileOutput.write(dot, to: output)
      Console.err("Wrote \(output): render it with 'dot -Tsvg \(output) -o graph.svg'.\n")
    } else {
      Console.out(dot)
    }
  }
}

/// An example loaded and compiled, or the failure that stops the command.
enum Evaluated {
  static func load(_ target: String, command: String) throws -> Evaluation {
    let example = try ExampleLoader.load(target, command: command)
    do {
      return try Evaluation(example)
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
  }
}
