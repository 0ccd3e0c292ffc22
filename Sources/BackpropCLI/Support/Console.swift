import BackpropPresentation
import Foundation

/// Writing to the terminal without trapping: a full disk or a closed pipe on stdout
/// ends the tool with one line on stderr and exit 74 (EX_IOERR), never a crash.
///
/// What goes to stderr is a message that may quote a file's name or a name from the
/// file: its control characters are shown escaped (`\u{1B}`), its line breaks kept.
enum Console {
  /// The exit status when stdout cannot be written: 74 (EX_IOERR).
  static let outputErrorStatus: Int32 = 74

  static func out(_ text: String) {
    do {
      try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    } catch {
      err("Error: cannot write to standard output\n")
      exit(outputErrorStatus)
    }
  }

  /// The tool's own terminal codes on stderr (the progress line's `\r` and erase), unescaped.
  static func errControl(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
  }

  static func err(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data(Escaping.terminal(text, keepingLineBreaks: true).utf8))
  }
}
