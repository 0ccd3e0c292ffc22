import BackpropCore

/// Why the tool stopped, and the exit status that says so (sysexits.h).
enum Failure: Error {
  /// Bad arguments: exit 64 (EX_USAGE), with a hint where to look.
  case usage(String, command: String?)
  /// A bad example: exit 65 (EX_DATAERR).
  case data(ExampleError)
  /// A file that cannot be read: exit 66 (EX_NOINPUT).
  case noInput(String)
  /// A file that cannot be written: exit 73 (EX_CANTCREAT).
  case cannotWrite(String)

  var status: Int32 {
    switch self {
    case .usage: 64
    case .data: 65
    case .noInput: 66
    case .cannotWrite: 73
    }
  }

  /// The lines for stderr: `Error: ...`, and for usage errors where to get help.
  var message: String {
    switch self {
    case .usage(let text, let command):
      let help = command.map { "backprop-tutor help \($0)" } ?? "backprop-tutor --help"
      return "Error: \(text)\nUsage: see '\(help)'."
    case .data(let error): return "Error: \(error)"
    case .noInput(let text), .cannotWrite(let text): return "Error: \(text)"
    }
  }
}
