import BackpropCore

/// The one escaper for each output language this module writes: JSON, Graphviz DOT and
/// XML (SVG). Every string that goes into one of those goes through here.
public enum Escaping {
  /// `text` as the inside of a JSON string (RFC 8259): quotes and backslashes escaped,
  /// control characters (below U+0020) as `\n`, `\r`, `\t` or `\u00XX`.
  public static func json(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` as the inside of a DOT quoted string: quotes escaped, line breaks as `\n`.
  ///
  /// - Parameter keepingEscapes: leave backslashes alone, so that a label's own `\n`
  ///   (Graphviz's centred line break) stays a line break; otherwise they are doubled.
  public static func dot(_ text: String, keepingEscapes: Bool = false) -> String {
    var out = ""
    for c in text {
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
  /// allow become U+FFFD, and tabs and line breaks a space.
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
        let allowed = (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
        result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
      }
    }
    return result
  }
}
