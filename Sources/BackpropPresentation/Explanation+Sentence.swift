import BackpropCore

/// A cause in words.
extension Explanation {
  /// "which matches 0.36", or, when only the inputs' rounding ranges reach the printed
  /// value, the range they allow.
  private func matches(_ line: Walkthrough.Line, _ printed: String, _ notation: Notation) -> String {
    if line.document?.printed.agrees(with: fromDocumentValue) ?? true { return "which matches \(printed)" }
    let low = notation.number(Readable.format(fromDocumentInputs.low))
    let high = notation.number(Readable.format(fromDocumentInputs.high))
    return "and anything from \(low) to \(high) with the inputs' rounding, which allows \(printed)"
  }

  /// One sentence a student can act on, for the line `line` of `walkthrough`.
  public func sentence(for line: Walkthrough.Line, in walkthrough: Walkthrough, notation: Notation) -> String {
    let printed = notation.number(line.document?.printed.text ?? "")
    var fromInputs: String
    if let formula, !formula.hasOperator {
      fromInputs = Self.what(formula, inputs: inputs, notation: notation)
    } else if let formula {
      let arithmetic = notation.render(formula) { inputs[$0] }
      let value = notation.number(Readable.format(fromDocumentValue, decimals: max(0, -(line.document?.printed.unitExponent ?? 0))))
      fromInputs = "from the document's own inputs, \(arithmetic) = \(value)"
    } else {
      fromInputs = "the example gives \(notation.number(Readable.format(line.value)))"
    }
    switch cause {
    case .slip:
      return "slip: \(fromInputs), not \(printed)"
    case .carried:
      let source = origin.map { walkthrough.line($0) }
      let name = source.map { notation.render($0.quantity) } ?? "an earlier value"
      let place = source?.document.map { " (line \($0.location.line))" } ?? ""
      return "carried from \(name)\(place): \(fromInputs), \(matches(line, printed, notation))"
    case .rounding:
      return "rounding: \(fromInputs), \(matches(line, printed, notation)): drift from rounding earlier values"
    case .truncated:
      let digits = max(0, -(line.document?.printed.unitExponent ?? 0))
      let exact = notation.number(Readable.format(line.value, significantDigits: 8))
      return "truncated: \(exact) cut (not rounded) to \(digits) \(digits == 1 ? "decimal" : "decimals") is \(printed)"
    }
  }

  /// A step whose formula is one name or number, said as what it is rather than as the
  /// empty sum "x = x": "it is h, 0.7000 in the document", "it is the number 1".
  private static func what(
    _ formula: DocumentExpression, inputs: [DocumentExpression: String], notation: Notation
  ) -> String {
    let name = notation.render(formula)
    if formula.isNumber { return "it is the number \(notation.number(name))" }
    guard let printed = inputs[formula], printed != name else { return "it is \(name)" }
    return "it is \(name), \(notation.number(printed)) in the document"
  }
}
