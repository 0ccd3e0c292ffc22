import BackpropCore

/// The one escaper for each output language this module writes: the terminal, JSON,
/// Graphviz DOT and XML (SVG). Every string that goes into one of those goes through here.
public enum Escaping {
  /// `text` safe to print: every character ``isUnsafeOnTerminal(_:)`` shown as its code
  /// point, `\u{1B}`, so that a file cannot move the cursor, clear the screen, set the
  /// clipboard (OSC 52) or reverse the text after it. On a terminal and in a pipe alike:
  /// what is piped today is often shown on a terminal tomorrow.
  ///
  /// - Parameter keepingLineBreaks: leave `\n` alone (a message of several lines).
  public static func terminal(_ text: String, keepingLineBreaks: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: isUnsafeOnTerminal) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if isUnsafeOnTerminal(scalar) && !(keepingLineBreaks && scalar == "\n") {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether a terminal would act on `scalar` rather than show it: the C0 controls (ESC,
  /// the line break, ...), DEL, the C1 controls U+0080–U+009F (U+009B is a one-byte CSI),
  /// and the bidirectional controls that reorder what follows them (U+202A–U+202E,
  /// U+2066–U+2069, U+200E, U+200F, U+061C).
  public static func isUnsafeOnTerminal(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// `text` as the inside of a JSON string (RFC 8259): quotes and backslashes escaped,
  /// control characters (below U+0020) as `\n`, `\r`, `\t` or `\u00XX`, and DEL, the C1
  /// and the bidirectional controls (``isUnsafeOnTerminal(_:)``) as `\uXXXX` too, which
  /// JSON allows, so that a viewer of the JSON shows them rather than obeys them.
  public static func json(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where isUnsafeOnTerminal(scalar):
        out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` as the inside of a DOT quoted string: quotes escaped, line breaks as `\n`,
  /// other controls shown as on a terminal (``terminal(_:keepingLineBreaks:)``).
  ///
  /// - Parameter keepingEscapes: leave backslashes alone, so that a label's own `\n`
  ///   (Graphviz's centred line break) stays a line break; otherwise they are doubled.
  public static func dot(_ text: String, keepingEscapes: Bool = false) -> String {
    var out = ""
    for c in terminal(text, keepingLineBreaks: true) {
      switch c {
      case "\"": out += "\\\""
      case "\\" where !keepingEscapes: out += "\\\\"
      case "\n": out += "\\n"
      default: out.append(c)
      }
    }
    return out
  }

  /// `text` safe inside an XML element or a quoted attribute; characters XML does not
  /// allow, and the controls a viewer would obey (DEL, C1, bidirectional), become U+FFFD,
  /// and tabs and line breaks a space.
  public static func xml(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n", "\r": result += " "
      default:
        let v = scalar.value
        let allowed =
          ((0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000) && !isUnsafeOnTerminal(scalar)
        result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
      }
    }
    return result
  }
}
