import BackpropCore
import Foundation

/// How output looks: Unicode or ASCII, colour or not.
///
/// Colour only when stdout is a terminal and `NO_COLOR` is unset or empty
/// (no-color.org); `--ascii` swaps every Unicode symbol for ASCII.
struct Terminal {
  var ascii: Bool
  var colour: Bool

  init(ascii: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.ascii = ascii
    let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
    colour = !noColour && isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb"
  }

  var notation: Notation { ascii ? .ascii : .unicode }

  var agreeMark: String { ascii ? "ok" : "✓" }
  var differMark: String { ascii ? "X" : "✗" }
  var dash: String { ascii ? "-" : "—" }

  func green(_ text: String) -> String { paint(text, "32") }
  func red(_ text: String) -> String { paint(text, "31") }
  func bold(_ text: String) -> String { paint(text, "1") }
  func dim(_ text: String) -> String { paint(text, "2") }

  private func paint(_ text: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// Characters a terminal shows, for lining up columns (no escape codes).
  static func width(_ text: String) -> Int {
    text.count
  }
}

/// Buffered output, written at once: printing many short lines one by one is slow.
struct Output {
  private(set) var text = ""

  mutating func line(_ line: String = "") {
    text += line
    text += "\n"
  }

  func write() {
    Console.out(text)
  }
}
