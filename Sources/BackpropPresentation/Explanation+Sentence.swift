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
    if let formula, case .leaf(.afterTraining(let inner, let training)) = formula {
      fromInputs = Self.afterTraining(inner, training, value: line.value, notation: notation)
    } else if let formula, !formula.hasOperator {
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
      if let found = walkthrough.mistakes[line.id], !found.isEmpty {
        let texts = found.map { notation.style == .ascii ? ASCIIText.transliterate($0.text) : Self.minusSigns($0.text) }
        return "mistake: " + texts.joined(separator: "; or ")
      }
      return "slip: \(fromInputs), not \(printed)"
    case .carried:
      return
        "carried from \(sources(walkthrough, notation)): \(fromInputs), \(matches(line, printed, notation))\(orTruncated(line, notation))"
    case .rounding:
      return
        "rounding: \(fromInputs), \(matches(line, printed, notation)): drift from rounding earlier values\(orTruncated(line, notation))"
    case .truncated:
      return "truncated: \(truncation(line, notation))\(orFromInputs(line, walkthrough, notation))"
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

  /// The minus signs of the numbers in a sentence written with ASCII hyphens, as the
  /// walk prints them: "−0.2", not "-0.2" (a hyphen inside a word or after a digit stays).
  static func minusSigns(_ text: String) -> String {
    var result = ""
    var previous: Character = " "
    var characters = text.makeIterator()
    var next = characters.next()
    while let character = next {
      next = characters.next()
      let startsNumber = next.map { $0.isNumber || $0 == "." } ?? false
      result.append(character == "-" && startsNumber && !previous.isLetter && !previous.isNumber ? "−" : character)
      previous = character
    }
    return result
  }

  /// A value after training, said as what it is: "w1 after 3 steps of gradient descent is
  /// 2.93097", "w1 where gradient descent settles is 3.39094".
  private static func afterTraining(
    _ inner: DocumentExpression, _ training: DocumentTerm.Training, value: Double, notation: Notation
  ) -> String {
    let name = notation.render(inner)
    let exact = notation.number(Readable.format(value))
    switch training {
    case .steps(let n):
      return "\(name) after \(n) \(n == 1 ? "step" : "steps") of gradient descent is \(exact)"
    case .converged:
      return "\(name) where gradient descent settles is \(exact)"
    }
  }

  /// "i1 (line 42)", or for several, "i1 (line 42) and w2 (line 50)".
  private func sources(_ walkthrough: Walkthrough, _ notation: Notation) -> String {
    let names = origins.map { origin -> String in
      let source = walkthrough.line(origin)
      let place = source.document.map { " (line \($0.location.line))" } ?? ""
      return notation.render(source.quantity) + place
    }
    guard let last = names.last else { return "an earlier value" }
    return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
  }

  /// "0.082167 cut (not rounded) to 4 decimals is 0.0821".
  private func truncation(_ line: Walkthrough.Line, _ notation: Notation) -> String {
    let printed = notation.number(line.document?.printed.text ?? "")
    let digits = max(0, -(line.document?.printed.unitExponent ?? 0))
    let exact = notation.number(Readable.format(line.value, significantDigits: 8))
    return "\(exact) cut (not rounded) to \(digits) \(digits == 1 ? "decimal" : "decimals") is \(printed)"
  }

  /// Beside a fit from the inputs, the truncation that fits too.
  private func orTruncated(_ line: Walkthrough.Line, _ notation: Notation) -> String {
    alsoFits == .truncated ? "; or truncated: \(truncation(line, notation))" : ""
  }

  /// Beside a truncation, the wider fit from the inputs: "or carried from i1, within the
  /// range that the two-digit 0.75 allows".
  private func orFromInputs(_ line: Walkthrough.Line, _ walkthrough: Walkthrough, _ notation: Notation) -> String {
    let reading: String
    switch alsoFits {
    case .carried: reading = "or carried from \(sources(walkthrough, notation))"
    case .rounding: reading = "or drift from rounding earlier values"
    default: return ""
    }
    let low = notation.number(Readable.format(fromDocumentInputs.low))
    let high = notation.number(Readable.format(fromDocumentInputs.high))
    guard let coarsest = coarsestInput.flatMap(PrintedNumber.init) else {
      return "; \(reading), within the range \(low) to \(high) that the inputs' rounding allows"
    }
    let digits = coarsest.significantDigits
    let words = ["one", "two", "three", "four", "five"]
    let count = digits <= words.count ? words[digits - 1] : "\(digits)"
    return "; \(reading), within the range \(low) to \(high) that the \(count)-digit \(notation.number(coarsest.text)) allows"
  }
}
