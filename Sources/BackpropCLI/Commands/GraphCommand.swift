import BackpropCore
import BackpropPresentation
import Foundation

/// `backprop-tutor graph NAME|PATH`: the computation graph as Graphviz DOT, or drawn as SVG
/// (`--svg FILE`) without Graphviz.
struct GraphCommand: Command {
  static let configuration = CommandConfiguration(
    name: "graph",
    abstract: "Write the computation graph as Graphviz DOT, or draw it as SVG.",
    overview:
      "Write the computation graph as Graphviz DOT, or draw it as an SVG picture without Graphviz (--svg): each quantity with its formula, value and gradient, after the backward pass.",
    arguments: [ArgumentDeclaration(name: "example", help: "A built-in example's name or an example file.")],
    options: [
      .option("output", value: "file", help: "Write to a file (whole or not at all) instead of stdout."),
      .flag("force", help: "With --output or --svg: replace a file that is not one backprop-tutor wrote, or is read-only."),
      .option("svg", value: "file", help: "Draw the graph as an SVG picture in this file, without Graphviz."),
      .flag("edges", help: "With --svg: label each edge with its local derivative."),
      .flag("document", help: "With --svg: show the document's values with their verdicts and causes."),
      SharedOptions.ascii(),
    ],
    examples: [
      "backprop-tutor graph shared-bias | dot -Tsvg -o graph.svg", "backprop-tutor graph handwritten-222 --svg graph.svg --document",
    ])

  var target: String
  var output: String?
  var force: Bool
  var ascii: Bool
  var svg: String?
  var edges: Bool
  var document: Bool

  init(_ arguments: ParsedArguments) throws {
    target = arguments.positionals[0]
    output = arguments.text("output")
    force = arguments.flag("force")
    ascii = arguments.shared.ascii
    svg = arguments.text("svg")
    edges = arguments.flag("edges")
    document = arguments.flag("document")
    if svg == nil, edges || document {
      throw arguments.usage("'--\(edges ? "edges" : "document")' needs '--svg FILE'")
    }
    if svg != nil, output != nil { throw arguments.usage("'--svg' and '--output' cannot be used together") }
  }

  func run() throws -> Int32 {
    if let svg { return try drawPicture(svg) }
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

  /// `--svg FILE`: the graph drawn by ``GraphPicture``.
  private func drawPicture(_ file: String) throws -> Int32 {
    let walkthrough = try ExampleLoader.walk(target, command: "graph")
    try FileOutput.check(file, kind: .svg, force: force)
    let picture: String
    do {
      picture = try GraphPicture.svg(
        walkthrough, options: GraphPicture.Options(edges: edges, document: document, notation: ascii ? .ascii : .unicode))
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
    try FileOutput.write(picture, to: file, kind: .svg, force: force)
    Console.err("Wrote \(file): open it in a web browser, or convert it with 'rsvg-convert -w 1280 \(file) -o graph.png'.\n")
    return 0
  }
}
