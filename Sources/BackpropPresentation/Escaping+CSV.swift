import Foundation

extension Escaping {
  /// `text` as one CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
  /// break, quotes doubled. A cell a spreadsheet would read as a formula (starting with
  /// `=`, `+`, `-`, `@`, a tab or a carriage return) gets an apostrophe in front, so that
  /// opening the file runs nothing; a plain number such as `-0.5` is left as it is. The
  /// characters a terminal would act on (ESC, the other C0 and C1 controls, the
  /// bidirectional controls) are written `\u{1B}` as ``terminal(_:keepingLineBreaks:)``
  /// does, but for the line break, which a quoted field may hold.
  public static func csv(_ text: String) -> String {
    var cell = terminal(text, keepingLineBreaks: true)
    if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(cell) {
      cell = "'" + cell
    }
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// `-0.5`, `+3`, `-1e-05`: a sign, digits, at most one point, an optional exponent.
  private static func isPlainNumber(_ text: String) -> Bool {
    text.range(of: #"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
  }
}
