import BackpropCore
import BackpropExamples
import Foundation

/// Loads a teacher's answer key (a built-in name or a file) and judges submissions by it.
enum AnswerKeyLoader {
  /// The key `argument` names: every problem with it as for any example (64 for an
  /// unknown name, 65 for an invalid file, 66 for one that cannot be read).
  static func load(_ argument: String, command: String) throws -> AnswerKey {
    _ = try ExampleLoader.load(argument, command: command)
    guard let data = try bytes(argument) else { throw Failure.noInput("\(argument): no such file") }
    do {
      return try AnswerKey(text: String(decoding: data, as: UTF8.self), file: argument)
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
  }

  /// `file` judged by `key`, rounded by hand to `rounding` decimals if given.
  static func judge(_ file: String, by key: AnswerKey, rounding: Int?) throws -> AnswerKey.Judgement {
    guard let data = try bytes(file) else {
      throw Failure.noInput("\(file): no such file")
    }
    do {
      return try key.judge(data, file: file, rounding: rounding)
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
  }

  /// The bytes of a file, else of a built-in example; `nil` when neither exists.
  private static func bytes(_ argument: String) throws -> Data? {
    switch try InputFile.read(argument, limit: ExampleParser.maximumBytes) {
    case .bytes(let data): return data
    case .tooLarge:
      throw Failure.data(
        ExampleError(
          file: argument, location: SourceLocation(line: 1, column: 1),
          message: "file is too large (an example file may have at most \(ExampleParser.maximumBytes) bytes)"))
    case nil: return BuiltinExamples.bytes(named: argument).map { Data($0) }
    }
  }
}
