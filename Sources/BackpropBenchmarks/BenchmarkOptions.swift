/// The benchmark's command line: the workload's size, how often to repeat it, and what to print.
struct BenchmarkOptions {
  static let usage =
    "USAGE: backprop-bench [--points N] [--hidden H] [--steps S] [--repeats R] [--json] [--scale] [--walks TOOL] [--worst-case TOOL]"

  var points = 100
  var hidden = 16
  var steps = 20
  var repeats = 7
  var json = false
  var scale = false
  /// `--walks PATH`: time the tool at PATH instead of the engine.
  var tool: String?
  /// `--worst-case PATH`: run the tool at PATH on the worst-case files instead.
  var worstCaseTool: String?
  /// `-h`, `--help`: print the usage and stop.
  var help = false

  init(_ arguments: [String]) throws(BenchmarkFailure) {
    var rest = arguments[...]
    func number(_ name: String) throws(BenchmarkFailure) -> Int {
      guard let text = rest.popFirst(), let value = Int(text), value > 0 else {
        throw BenchmarkFailure(message: "\(name) takes a positive whole number", status: 64)
      }
      return value
    }
    while let argument = rest.popFirst() {
      switch argument {
      case "--points": points = max(4, try number(argument))
      case "--hidden": hidden = try number(argument)
      case "--steps": steps = try number(argument)
      case "--repeats": repeats = try number(argument)
      case "--json": json = true
      case "--scale": scale = true
      case "--walks":
        guard let path = rest.popFirst() else {
          throw BenchmarkFailure(message: "--walks takes the path of a release-built backprop-tutor", status: 64)
        }
        tool = path
      case "--worst-case":
        guard let path = rest.popFirst() else {
          throw BenchmarkFailure(message: "--worst-case takes the path of a release-built backprop-tutor", status: 64)
        }
        worstCaseTool = path
      case "-h", "--help":
        help = true
        return
      default:
        throw BenchmarkFailure(message: "unknown option '\(argument)'", status: 64)
      }
    }
  }
}
