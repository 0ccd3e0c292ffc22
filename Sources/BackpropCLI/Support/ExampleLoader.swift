import BackpropCore
import BackpropExamples
import Foundation

/// Finds the example a user named, a built-in example's name or a file's path, and
/// passes it through the one validation gate.
enum ExampleLoader {
  /// Loads and validates `argument` for `command`: every command gets a
  /// ``ValidatedExample``, so a file one command rejects, every command rejects.
  ///
  /// A path that exists is read as a file; otherwise a built-in name; otherwise
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

  /// Reads and parses `argument`, without validating it.
  private static func parse(_ argument: String, command: String) throws -> Example {
    if argument.isEmpty { throw Failure.usage("the example's name is empty", command: command) }
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: argument, isDirectory: &isDirectory) {
      if isDirectory.boolValue {
        throw Failure.noInput("\(argument): is a directory, not an example file")
      }
      let attributes = try? manager.attributesOfItem(atPath: argument)
      if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
        throw Failure.noInput("\(argument): is not a regular file")
      }
      // Refused before it is read: a 2 GB file should not be loaded to be told it is too big.
      if let size = attributes?[.size] as? Int, size > ExampleParser.maximumBytes {
        throw Failure.data(
          ExampleError(
            file: argument, location: SourceLocation(line: 1, column: 1),
            message: "file is too large (\(size) bytes; an example file may have at most \(ExampleParser.maximumBytes))"))
      }
      guard manager.isReadableFile(atPath: argument), let data = manager.contents(atPath: argument) else {
        throw Failure.noInput("\(argument): cannot be read (permission denied)")
      }
      return try parse { try ExampleParser.parse(data, file: argument) }
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
