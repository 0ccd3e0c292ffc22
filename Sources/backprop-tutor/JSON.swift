import BackpropCore

/// A JSON value, written by hand so numbers keep full precision and keys their order.
indirect enum JSON {
  case string(String)
  case number(Double)
  case integer(Int)
  case bool(Bool)
  case null
  case array([JSON])
  case object([(String, JSON)])

  static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

  /// The JSON text, objects one key a line, indented by two spaces.
  func rendered(indent: String = "") -> String {
    switch self {
    case .string(let s): return Self.quoted(s)
    case .number(let x): return x.isFinite ? Readable.shortest(x) : "null"  // JSON has no NaN or infinity
    case .integer(let n): return String(n)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array(let items):
      if items.isEmpty { return "[]" }
      let inner = indent + "  "
      return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
    case .object(let pairs):
      if pairs.isEmpty { return "{}" }
      let inner = indent + "  "
      return "{\n" + pairs.map { inner + Self.quoted($0.0) + ": " + $0.1.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent
        + "}"
    }
  }

  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
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
    return out + "\""
  }
}
