import BackpropCore

/// A JSON value, written by hand so numbers keep full precision and keys their order.
public indirect enum JSON: Sendable {
  /// A string, escaped when written.
  case string(String)
  /// A number, written in the fewest digits that read back as the same double; `null` when not finite.
  case number(Double)
  /// A whole number.
  case integer(Int)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null
  /// An array.
  case array([JSON])
  /// An object, its keys in the order given.
  case object([(String, JSON)])

  /// A string, or `null` for none.
  public static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

  /// The JSON text, objects one key a line, indented by two spaces.
  public func rendered(indent: String = "") -> String {
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

  /// `text` as a JSON string literal, quotes included (see `Escaping.json`).
  public static func quoted(_ text: String) -> String {
    "\"" + Escaping.json(text) + "\""
  }
}
