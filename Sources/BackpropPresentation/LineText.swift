import BackpropCore

/// The text of a walk's line, ready to lay out: the terminal and JSON print these
/// and compute nothing themselves.
public struct LineText: Sendable, Equatable {
  /// `∂L/∂w2`, `ŷ'`, `(y − ŷ)²`.
  public var quantity: String
  /// `∂L/∂ŷ · ∂ŷ/∂w2`, or `nil` for a given or a value with no formula.
  public var formula: String?
  /// `−18 · 4`: the formula with numbers substituted, when that says more than the value.
  public var arithmetic: String?
  /// The exact value, readable: six significant digits, or the document's decimals.
  public var value: String
  /// What the document printed, as printed.
  public var document: String?
  /// The document's value minus the exact value, for a value that differs: `+0.117`.
  public var difference: String?
}

extension Walkthrough.Line {
  /// The line's text in `notation`.
  public func text(in notation: Notation) -> LineText {
    let decimals = max(self.decimals, document.map { max(0, -$0.printed.unitExponent) } ?? 0)
    let value =
      writtenAs ?? previousValue.map { Readable.format(self.value, distinctFrom: $0, decimals: decimals) }
      ?? Readable.format(self.value, decimals: decimals)
    // As many digits in the arithmetic as the value needs (an update by 7e-8).
    let digits = max(Readable.significantDigits, value.filter(\.isNumber).drop { $0 == "0" }.count)
    var formulaText = repeatsLine ? nil : formula.map { notation.render($0) }
    // A formula that is only a number says no more than the value.
    if formulaText == notation.number(value) || formula.map({ if case .number = $0 { true } else { false } }) == true { formulaText = nil }
    var arithmetic: String?
    let shown = formula ?? (kind == .documentValue ? quantity : nil)
    if let shown, shown.hasOperator, !repeatsLine {
      // Each leaf's number written once, however often the formula reads it.
      var written: [DocumentExpression: String] = [:]
      let substituted = notation.render(shown) { leaf in
        if let text = written[leaf] { return text }
        let text = substitutions[leaf].map { value in
          previousSubstitutions[leaf].map { Readable.format(value, distinctFrom: $0, decimals: self.decimals) }
            ?? Readable.format(value, significantDigits: digits, decimals: self.decimals)
        }
        written[leaf] = text
        return text
      }
      if substituted != formulaText, substituted != notation.render(quantity) {
        arithmetic = substituted
      }
    }
    var difference: String?
    if case .differ(let by) = verdict { difference = notation.number(Readable.difference(by)) }
    return LineText(
      quantity: notation.render(quantity), formula: formulaText, arithmetic: arithmetic, value: notation.number(value),
      document: document.map { notation.number($0.printed.text) }, difference: difference)
  }
}
