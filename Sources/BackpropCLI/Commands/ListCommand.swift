import BackpropCore
import BackpropExamples
import BackpropPresentation
import Foundation

/// `backprop-tutor list`: the built-in examples.
struct ListCommand: Command {
  static let configuration = CommandConfiguration(
    name: "list",
    abstract: "List the built-in examples.",
    overview: "List the built-in examples: name, title and source document.",
    options: [SharedOptions.json(help: "Print a JSON array of {name, title, source}.")])

  var json: Bool

  init(_ arguments: ParsedArguments) throws {
    json = arguments.shared.json
  }

  func run() throws -> Int32 {
    var rows: [(name: String, title: String, source: String)] = []
    for name in BuiltinExamples.names {
      do {
        let example = try BuiltinExamples.example(named: name)!
        rows.append((name, example.title ?? "", example.source ?? ""))
      } catch let error as ExampleError {
        throw Failure.data(error)
      }
    }
    var output = Output()
    if json {
      output.line(
        JSON.array(rows.map { .object([("name", .string($0.name)), ("title", .string($0.title)), ("source", .string($0.source))]) })
          .rendered())
    } else {
      let width = rows.map(\.name.count).max() ?? 0
      for row in rows {
        let padding = String(repeating: " ", count: width - row.name.count + 2)
        output.line(row.name + padding + row.title)
        output.line(String(repeating: " ", count: width + 2) + "from " + row.source)
      }
    }
    output.write()
    return 0
  }
}
