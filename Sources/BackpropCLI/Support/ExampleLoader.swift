import BackpropCore
import BackpropExamples
import Foundation

/// Finds the example a user named, a built-in example's name or a file's path, and
/// passes it through the one validation gate.
enum ExampleLoader {
  /// Loads and validates `argument` for `command`: every command gets a
  /// ``ValidatedExample``, so a file one command rejects, every command rejects.
  ///
  /// A path that exists is read as a file (through symbolic links, and at most
  /// `ExampleParser.maximumBytes` of it); otherwise a built-in name; otherwise
  /// a usage error (64) for a name, or "cannot read" (66) for something that looks
  /// like a path. An invalid example is a data error (65) naming its line and column.
  static func load(_ argument: String, command: String) throws -> ValidatedExample {
    let example = try parse(argument, command: command)
    do {
      return try ValidatedExample(example)
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
  }

  /// Loads and validates `argument`, then replays it, rounded by hand to `rounding`
  /// decimals if given.
  static func walk(_ argument: String, command: String, rounding: Int? = nil) throws -> Walkthrough {
    let validated = try load(argument, command: command)
    do {
      return try Walkthrough(validated, rounding: rounding)
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
  }

  /// Reads and parses `argument`, without validating it.
  private static func parse(_ argument: String, command: String) throws -> Example {
    if argument.isEmpty { throw Failure.usage("the example's name is empty", command: command) }
    switch try InputFile.read(argument, limit: ExampleParser.maximumBytes) {
    case .bytes(let data):
      return try parse { try ExampleParser.parse(data, file: argument) }
    case .tooLarge:
      // Said without a size: reading stopped at the limit, and `stat` is not believed.
      throw Failure.data(
        ExampleError(
          file: argument, location: SourceLocation(line: 1, column: 1),
          message: "file is too large (an example file may have at most \(ExampleParser.maximumBytes) bytes)"))
    case nil:
      break
    }
    if let example = try parse({ try BuiltinExamples.example(named: argument) }) {
      return example
    }
    if argument.contains("/") || argument.hasSuffix(".txt") {
      throw Failure.noInput("\(argument): no such file")
    }
    var message = "no example named '\(Failure.quoted(argument))'"
    if let suggestion = suggestion(for: argument) { message += "; did you mean '\(suggestion)'?" }
    message += " ('backprop-tutor list' shows the built-in examples)"
    throw Failure.usage(message, command: command)
  }

  private static func parse<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
  }

  private static func suggestion(for name: String) -> String? {
    BuiltinExamples.names.first { $0.hasPrefix(name) || name.hasPrefix($0) || $0.contains(name) }
  }
}
