import BackpropCore

/// Mathematics written in Unicode, spelt in ASCII for terminals that want it.
public enum ASCIIText {
  /// Each Unicode symbol and its ASCII spelling, in the order they are applied.
  /// Greek letters are spelt as the example files spell them (``GreekLetters``); `Δ`
  /// before a quantity reads "Delta w".
  public static let replacements: [(String, String)] =
    [
      ("∂", "d"), ("′", "'"), ("·", "*"), ("−", "-"), ("²", "^2"), ("³", "^3"), ("½", "1/2"), ("¼", "1/4"), ("Δ", "Delta "), ("∇", "grad "),
      ("←", "<-"), ("’", "'"), ("—", "-"), ("…", "..."), ("→", "->"), ("√", "sqrt"),
    ] + GreekLetters.table.map { (String($0.letter), $0.name) }

  /// `text` with every symbol spelt in ASCII; any other non-ASCII character becomes `?`.
  public static func transliterate(_ text: String) -> String {
    var result = text
    for (unicode, ascii) in replacements { result = result.replacingOccurrences(of: unicode, with: ascii) }
    return String(String.UnicodeScalarView(result.unicodeScalars.map { $0.isASCII ? $0 : "?" }))
  }
}
