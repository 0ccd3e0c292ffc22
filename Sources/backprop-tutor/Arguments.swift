/// The arguments of one subcommand, read by hand the way swift-argument-parser
/// reads them: flags (`--json`), options with a value (`--round 4`, `--round=4`),
/// positionals, and `--` ending the options.
struct Arguments {
  var flags: Set<String> = []
  var options: [String: String] = [:]
  var positionals: [String] = []

  /// Reads `arguments` for `command`, which knows `flags` and `options` (long names, no dashes).
  init(_ arguments: [String], command: String, flags known: Set<String>, options knownOptions: Set<String> = []) throws {
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      if argument == "--" {
        positionals.append(contentsOf: rest)
        break
      }
      if argument.hasPrefix("--") {
        let body = argument.dropFirst(2)
        let (name, inline) =
          body.firstIndex(of: "=").map { (String(body[..<$0]), String(body[body.index(after: $0)...])) } ?? (String(body), nil)
        if known.contains(name), inline == nil {
          flags.insert(name)
        } else if knownOptions.contains(name) {
          guard let value = inline ?? rest.popFirst() else {
            throw Failure.usage("missing value for '--\(name)'", command: command)
          }
          options[name] = value
        } else {
          throw Failure.usage("unknown option '\(argument)'", command: command)
        }
      } else if argument.hasPrefix("-"), argument.count > 1 {
        throw Failure.usage("unknown option '\(argument)'", command: command)
      } else {
        positionals.append(argument)
      }
    }
  }
  /// The one `<example>` argument a command takes.
  func example(command: String) throws -> String {
    guard positionals.count == 1 else {
      throw Failure.usage(
        positionals.isEmpty ? "missing expected argument '<example>'" : "unexpected argument '\(positionals[1])'", command: command)
    }
    return positionals[0]
  }
}
