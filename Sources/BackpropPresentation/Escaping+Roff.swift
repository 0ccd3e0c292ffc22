/// Escapers for roff (man pages).
extension Escaping {
  /// `text` as roff input for the man macros: backslashes as `\e`, every hyphen-minus as
  /// `\-` (so `--round` and `simple-chain` stay ASCII minus signs that can be copied and
  /// typed), every character outside ASCII as `\[uXXXX]` (independent of the input
  /// encoding), controls shown as on a terminal, and `\&` before a `.` or `'` that starts
  /// a line, which roff would otherwise read as a request.
  public static func roff(_ text: String) -> String {
    var out = ""
    var atLineStart = true
    for scalar in terminal(text, keepingLineBreaks: true).unicodeScalars {
      if atLineStart && (scalar == "." || scalar == "'") { out += "\\&" }
      atLineStart = scalar == "\n"
      switch scalar {
      case "\\": out += "\\e"
      case "-": out += "\\-"
      case _ where scalar.value > 0x7E:
        out += "\\[u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "]"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
