import Foundation

/// Writing to the terminal without trapping: a full disk or a closed pipe on stdout
/// ends the tool with one line on stderr and exit 74 (EX_IOERR), never a crash.
enum Console {
  static func out(_ text: String) {
    do {
      try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    } catch {
      err("Error: cannot write to standard output\n")
      exit(74)
    }
  }

  static func err(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
  }
}
