/// Why a document value differs from the exact value.
///
/// The tutor recomputes the step from the document's own printed inputs, each taken
/// as the range of numbers that round to what was printed (``Interval``). Then:
/// - **carried**: the step follows from the document's inputs and at least one of
///   them differs; ``origin`` is the line where that error began;
/// - **rounding**: the step follows from the document's inputs and they all agree:
///   the difference is drift from rounding earlier values;
/// - **truncated**: the step does not follow, but the exact value cut (not rounded)
///   to the printed digits gives the document's value;
/// - **slip**: the step does not follow from the document's own inputs: the
///   mistake is at this step.
///
/// Where the document printed none of a step's inputs, their exact values are used.
/// The inputs of a step are the leaves its formula reads: quantities, and for a
/// chain-rule product its factors.
public struct Explanation: Sendable, Equatable {
  public enum Cause: String, Sendable {
    case slip, carried, rounding, truncated
  }

  public var cause: Cause
  /// The range the step gives from the document's own inputs.
  public var fromDocumentInputs: Interval
  /// The step computed with each document input at its printed value.
  public var fromDocumentValue: Double
  /// For the arithmetic: each leaf of the formula, as the document's numbers give it.
  public var inputs: [Formula: String] = [:]
  /// The formula the step was recomputed from, or `nil` for a given.
  public var formula: Formula?
  /// For carried: the index in ``Walkthrough/lines`` of the line where the error began.
  public var origin: Int?
}

extension Walkthrough {
  /// Explains every document value that differs, in order, so that a carried error
  /// can point back to where it began.
  static func explain(_ lines: [Line], definitions: [Example.Definition]) -> [Int: Explanation] {
    var explanations: [Int: Explanation] = [:]
    let aliases = Dictionary(definitions.map { (Formula.name($0.name), $0.expression) }, uniquingKeysWith: { first, _ in first })
    // A document value keyed by a step's formula is the document's value of that step:
    // `yhat - y` is its ∂L/∂ŷ, `a1 * (1 - a1)` its ∂a1/∂z1.
    // Compared with lets written out and local derivatives as their formulas, so that
    // `delta_o * w_h1` is the document's ∂L/∂a1 = ∂L/∂z_o · ∂z_o/∂a1.
    var localFormulas: [Formula: Formula] = [:]
    for line in lines where line.kind == .localDerivative && !line.repeatsLine {
      localFormulas[line.quantity] = line.formula
    }
    func canonical(_ formula: Formula) -> Formula {
      formula.replacingLeaves { leaf in
        // One level of lets: enough for `delta_o * w_h1`, and linear however lets nest.
        if let expression = aliases[leaf] { return expression.replacingLeaves { localFormulas[$0] } }
        return localFormulas[leaf]
      }
    }
    var stepByFormula: [Formula: Formula] = [:]
    for line in lines where line.kind != .documentValue && line.kind != .given && !line.repeatsLine {
      if let formula = line.formula, formula.hasOperator {
        for key in [formula, canonical(formula)] where stepByFormula[key] == nil {
          stepByFormula[key] = line.quantity
        }
      }
    }
    // What the document's own numbers say of each leaf so far: what it printed, or
    // what a step it did not print gives from what it did print.
    var known: [Formula: Known] = [:]
    var steps: [Formula: Int] = [:]  // the latest line computing each quantity
    var firstPrinted: [PrintedKey: Int] = [:]
    for (i, var line) in lines.enumerated() {
      // A `let` that names a step (δ_o = ∂L/∂z_o) is recomputed as that step.
      if let formula = line.formula, !formula.hasOperator, let step = steps[formula].map({ lines[$0] }) {
        line.formula = step.formula
        line.substitutions = step.substitutions
      }
      if lines[i].formula != nil, !line.repeatsLine { steps[line.quantity] = i }
      let (derived, inputs) = derive(line, known: known)
      guard let document = line.document else {
        if !line.repeatsLine, !derived.origins.isEmpty || !derived.range.isPoint {
          known[line.quantity] = derived
        }
        continue
      }
      var origins: [Int] = []
      if case .differ = Verdict(printed: document.printed, exact: line.value) {
        var explanation = explain(line, derived: derived)
        explanation.inputs = inputs
        explanations[i] = explanation
        // A value printed again in the same digits began where it was first printed.
        let key = PrintedKey(quantity: line.quantity, printed: document.printed)
        let first = firstPrinted[key] ?? i
        if firstPrinted[key] == nil { firstPrinted[key] = i }
        origins = [explanation.origin ?? first]
      }
      let meant = meant(by: document.printed, exact: line.value)
      let entry = Known(range: meant, point: document.printed.value, text: document.printed.text, origins: origins)
      for key in [line.quantity, aliases[line.quantity], stepByFormula[line.quantity], stepByFormula[canonical(line.quantity)]] {
        if let key { known[key] = entry }
      }
    }
    return explanations
  }

  struct PrintedKey: Hashable {
    var quantity: Formula
    var printed: PrintedNumber
  }

  /// A leaf as the document's numbers give it: a range, a value to show, and the
  /// lines where any error in it began.
  struct Known {
    var range: Interval
    var point: Double
    var text: String
    var origins: [Int]
  }

  /// The range of numbers the document meant by a printed input: what rounds to it,
  /// or exactly it when it is the exact value with every digit printed (1.87 = 0.33 + 1.54).
  private static func meant(by document: PrintedNumber, exact: Double) -> Interval {
    Swift.abs(document.value - exact) <= 1e-12 * Swift.max(1, Swift.abs(exact)) ? Interval(document.value) : Interval(printed: document)
  }

  /// The step recomputed from the document's own inputs.
  private static func derive(_ line: Line, known: [Formula: Known]) -> (Known, [Formula: String]) {
    let formula = line.formula ?? (line.kind == .documentValue ? line.quantity : nil)
    guard let formula else {
      return (Known(range: Interval(line.value), point: line.value, text: Readable.format(line.value), origins: []), [:])
    }
    var origins: [Int] = []
    var inputs: [Formula: String] = [:]
    func exact(_ leaf: Formula) -> Double { line.substitutions[leaf] ?? .nan }
    var range = Interval.evaluate(formula) { leaf in
      if let entry = known[leaf] {
        origins += entry.origins
        inputs[leaf] = entry.text
        return entry.range
      }
      inputs[leaf] = Readable.format(exact(leaf))
      return Interval(exact(leaf))
    }
    if range.low.isNaN || range.high.isNaN { range = .everything }
    let point = Arithmetic.value(of: formula) { known[$0]?.point ?? exact($0) }
    let known = Known(range: range, point: point, text: Readable.format(point), origins: Array(Set(origins)).sorted())
    return (known, inputs)
  }

  private static func explain(_ line: Line, derived: Known) -> Explanation {
    let document = line.document!.printed
    let formula = line.formula ?? (line.kind == .documentValue ? line.quantity : nil)
    let follows = derived.range.overlaps(Interval(printed: document))
    var cause: Explanation.Cause
    var origin: Int?
    if follows, let first = derived.origins.first {
      cause = .carried
      origin = first
    } else if follows {
      cause = .rounding
    } else if document.isTruncation(of: line.value) {
      cause = .truncated
    } else {
      cause = .slip
    }
    return Explanation(cause: cause, fromDocumentInputs: derived.range, fromDocumentValue: derived.point, formula: formula, origin: origin)
  }
}

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
    let fromInputs: String
    if let formula {
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
      let source = origin.map { walkthrough.lines[$0] }
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
}
