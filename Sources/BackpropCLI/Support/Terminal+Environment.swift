import BackpropPresentation
import Foundation

extension Terminal {
  /// The terminal the tool writes to: colour only when stdout is a terminal, `TERM` is
  /// not `dumb` and `NO_COLOR` is unset or empty (no-color.org).
  init(ascii: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
    let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
    self.init(ascii: ascii, colour: !noColour && isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb")
  }
}
