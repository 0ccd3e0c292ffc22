import BackpropEngine

/// Writes expressions the way a lecture does (`∂L/∂ŷ = ŷ − y`), or in plain ASCII
/// (`dL/dyhat = yhat - y`) for terminals and scripts that want it.
public struct Notation: Sendable {
  /// The lecture's symbols (`∂`, `ŷ`, `·`, `−`) or their ASCII spellings (`d`, `yhat`, `*`, `-`).
  public enum Style: Sendable { case unicode, ascii }

  /// Which symbols the notation writes.
  public var style: Style

  /// The notation writing `style`'s symbols.
  public init(_ style: Style) { self.style = style }

  /// The lecture's notation: `∂L/∂ŷ = ŷ − y`.
  public static let unicode = Notation(.unicode)
  /// Plain ASCII: `dL/dyhat = yhat - y`.
  public static let ascii = Notation(.ascii)

  /// A quantity's name: `yhat` as `ŷ`, `delta_o` as `δ_o`, `alpha` as `α`.
  public func name(_ name: String) -> String {
    guard style == .unicode else { return name }
    for (letter, ascii) in GreekLetters.table where name.hasPrefix(ascii) {
      let rest = name.dropFirst(ascii.count)
      if rest.isEmpty || rest.first == "_" || rest.first!.isASCIIDigit { return String(letter) + rest }
    }
    return name
  }

  var minus: String { style == .unicode ? "−" : "-" }
  var times: String { style == .unicode ? " · " : " * " }
  var partial: String { style == .unicode ? "∂" : "d" }

  /// `∂L/∂w1`.
  public func derivative(of: String, withRespectTo: String) -> String {
    "\(partial)\(name(of))/\(partial)\(name(withRespectTo))"
  }

  /// A number as printed or computed, with a Unicode minus where the style has one.
  public func number(_ text: String) -> String {
    guard style == .unicode, text.contains("-") else { return text }
    return String(text.map { $0 == "-" ? "−" : $0 })
  }

  /// A forward formula as text.
  public func render(_ formula: Formula) -> String {
    render(formula.asDocumentExpression)
  }

  /// The expression as text. Where `substitute` gives text for a leaf (a name, a
  /// derivative or a state), that text stands in its place: the arithmetic with
  /// numbers substituted.
  public func render(_ expression: DocumentExpression, substitute: ((DocumentExpression) -> String?)? = nil) -> String {
    Renderer(notation: self, substitute: substitute).render(expression, leading: true).text
  }

  /// A whole number of one or two digits as superscript digits: `2` as `²`.
  static func superscript(_ text: String) -> String? {
    let digits: [Character: Character] = [
      "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
    ]
    guard !text.isEmpty, text.count <= 2 else { return nil }
    let mapped = text.compactMap { digits[$0] }
    return mapped.count == text.count ? String(mapped) : nil
  }
}
