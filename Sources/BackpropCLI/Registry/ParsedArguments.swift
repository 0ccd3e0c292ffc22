/// The arguments of one subcommand, read against its declarations the way
/// swift-argument-parser reads them: flags (`--json`), options with a value
/// (`--round 4`, `--round=4`), positionals, and `--` ending the options. An argument
/// that reads as a number (`-0.1`, `-3`, `-1e-3`, `-.5`) is never an option: it is a
/// positional, or the value of the option before it.
///
/// Reading checks everything the declarations say, in this order: unknown options and
/// missing values, then the number of positionals, then each option's value in the
/// order declared. A value that passes can be read as its kind without failing. An
/// option with a value given twice is a usage error (no option is repeatable).
struct ParsedArguments {
  /// The declarations read against.
  let configuration: CommandConfiguration
  /// The flags given (long names, no dashes).
  private(set) var flags: Set<String> = []
  /// The options given, with their values as typed.
  private(set) var values: [String: String] = [:]
  /// The positional arguments, in order.
  private(set) var positionals: [String] = []
  /// `--ascii` and `--json`, read once.
  private(set) var shared = SharedOptions()

  /// Reads `arguments` (everything after the subcommand's name) for `configuration`.
  init(_ arguments: [String], for configuration: CommandConfiguration) throws {
    self.configuration = configuration
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      if argument == "--" {
        positionals.append(contentsOf: rest)
        break
      }
      if Self.isNumber(argument) {
        positionals.append(argument)
      } else if argument.hasPrefix("--") {
        let body = argument.dropFirst(2)
        let (name, inline) =
          body.firstIndex(of: "=").map { (String(body[..<$0]), String(body[body.index(after: $0)...])) } ?? (String(body), nil)
        let declaration = configuration.option(named: name)
        if let declaration, !declaration.takesValue, inline == nil {
          flags.insert(name)
        } else if let declaration, declaration.takesValue {
          guard let value = inline ?? rest.popFirst() else { throw usage("missing value for '--\(Failure.quoted(name))'") }
          // Not the last one silently winning: `--key a.txt --key b.txt` is a mistake to point out.
          guard values[name] == nil else { throw usage("'--\(Failure.quoted(name))' is given twice") }
          values[name] = value
        } else {
          throw usage("unknown option '\(Failure.quoted(argument))'")
        }
      } else if argument.hasPrefix("-"), argument.count > 1 {
        throw usage("unknown option '\(Failure.quoted(argument))'")
      } else {
        positionals.append(argument)
      }
    }
    try checkPositionals()
    for declaration in configuration.options {
      for name in declaration.names {
        if let value = values[name], let problem = declaration.problem(with: value, name: name) { throw usage(problem) }
      }
    }
    shared = SharedOptions(ascii: flags.contains("ascii"), json: flags.contains("json"))
  }

  /// Whether `argument` reads as a number: `-0.1`, `-3`, `-1e-3`, `-.5` (then it is a
  /// value, not an option, however it starts).
  static func isNumber(_ argument: String) -> Bool {
    Double(argument) != nil
  }

  /// As many positionals as the arguments declared take, or the error that says which is missing or extra.
  private func checkPositionals() throws {
    var index = 0
    for argument in configuration.arguments {
      switch argument.arity {
      case .one:
        guard index < positionals.count else { throw usage("missing expected argument '\(argument.usage)'") }
        index += 1
      case .optional:
        if index < positionals.count { index += 1 }
      case .oneOrMore:
        guard index < positionals.count else { throw usage("missing expected argument '\(argument.usage)'") }
        index = positionals.count
      }
    }
    if index < positionals.count { throw usage("unexpected argument '\(Failure.quoted(positionals[index]))'") }
  }

  /// A usage error (exit 64) pointing to this command's help.
  func usage(_ message: String) -> Failure {
    .usage(message, command: configuration.name)
  }

  /// Whether the flag `name` was given.
  func flag(_ name: String) -> Bool {
    flags.contains(name)
  }

  /// The value of the option `name`, or its declared default.
  func text(_ name: String) -> String? {
    guard let declaration = configuration.option(named: name) else {
      preconditionFailure("'\(configuration.name)' declares no option '--\(name)'")
    }
    return values[name] ?? declaration.defaultValue
  }

  /// The option `name` as a whole number (declared `.wholeNumber` or `.decimals`).
  func integer(_ name: String) -> Int? {
    text(name).map { Int($0)! }
  }

  /// The option `name` as a number (declared `.number` or `.positiveNumber`).
  func number(_ name: String) -> Double? {
    text(name).map { Double($0)! }
  }

  /// The positional argument at `index`, if given.
  func positional(_ index: Int) -> String? {
    positionals.indices.contains(index) ? positionals[index] : nil
  }
}
