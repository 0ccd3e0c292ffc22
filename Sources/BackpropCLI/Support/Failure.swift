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

  /// The lines for stderr: `Error: ...` on one line, and for usage errors one more
  /// line saying where to get help. A line break inside the message (from an argument
  /// or a file's name) is shown escaped, so the message never takes more lines.
  var message: String {
    switch self {
    case .usage(let text, let command):
      let help = command.map { "backprop-tutor help \($0)" } ?? "backprop-tutor --help"
      return "Error: \(Self.oneLine(text))\nUsage: see '\(help)'."
    case .data(let error): return "Error: \(Self.oneLine("\(error)"))"
    case .noInput(let text), .cannotWrite(let text): return "Error: \(Self.oneLine(text))"
    }
  }

  /// The most characters of a user's text a message quotes.
  static let quotedLength = 60

  /// `text` as a message quotes it: at most ``quotedLength`` characters, cut with `…`,
  /// so a 300 KB argument does not become a 300 KB message.
  static func quoted(_ text: String) -> String {
    text.count <= quotedLength ? text : String(text.prefix(quotedLength)) + "…"
  }

  /// `text` with every line break shown as `\u{A}`, so it stays one line.
  static func oneLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isLineBreak) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if isLineBreak(scalar) {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// LF, VT, FF, CR, NEL, and the Unicode line and paragraph separators.
  private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
  }
}
