import BackpropEngine

extension Walkthrough {
  /// What the explanation of one row needs to know of it.
  struct Work {
    var id: Row.ID
    var kind: Kind
    var isRepeat: Bool
    var quantity: DocumentExpression
    var formula: DocumentExpression?
    var substitutions: [DocumentExpression: Double]
    var value: Double
    var printed: PrintedNumber?
    /// The file line of the printing, for reading each input as printed closest before it.
    var location: Int?
    /// The file line the step's inputs are read at: its own printing's, or for a step
    /// it did not print, the next printed step's, which the student worked it out for.
    var readsAt: Int?

    var shownFormula: DocumentExpression? { formula ?? (kind == .documentValue ? quantity : nil) }
  }

  /// Explains every printed value that differs, in order, so that a carried error
  /// can point back to where it began.
  ///
  /// - Parameters:
  ///   - lines: the walk's rows, in order, with the values they are judged against.
  ///   - printed: the number printed for each row that has one: the document's, or a
  ///     student's answer.
  static func explain(_ lines: [Line], printed: [Row.ID: PrintedNumber], definitions: [Example.Definition]) -> [Row.ID: Explanation] {
    var work = lines.map { line in
      let printing = printed[line.id]
      let location = line.document.flatMap { $0.printed == printing ? $0.location.line : nil }
      return Work(
        id: line.id, kind: line.kind, isRepeat: line.repeatsLine, quantity: line.quantity, formula: line.formula,
        substitutions: line.substitutions, value: line.value, printed: printing, location: location)
    }
    var next: Int?
    for i in work.indices.reversed() {
      next = work[i].location ?? next
      work[i].readsAt = next
    }
    return explain(work, definitions: definitions)
  }

  private static func explain(_ lines: [Work], definitions: [Example.Definition]) -> [Row.ID: Explanation] {
    var explanations: [Row.ID: Explanation] = [:]
    let aliases = Dictionary(
      definitions.map { (DocumentExpression.name($0.name), $0.expression) }, uniquingKeysWith: { first, _ in first })
    let slots = Slots(lines)
    // A document value keyed by a step's formula is the document's value of that step:
    // `yhat - y` is its ∂L/∂ŷ, `a1 * (1 - a1)` its ∂a1/∂z1.
    // Compared with lets written out and local derivatives as their formulas, so that
    // `delta_o * w_h1` is the document's ∂L/∂a1 = ∂L/∂z_o · ∂z_o/∂a1.
    var localFormulas: [DocumentExpression: DocumentExpression] = [:]
    for line in lines where line.kind == .localDerivative && !line.isRepeat {
      localFormulas[line.quantity] = line.formula
    }
    func canonical(_ formula: DocumentExpression) -> DocumentExpression {
      formula.replacingLeaves { leaf in
        // One level of lets: enough for `delta_o * w_h1`, and linear however lets nest.
        if let expression = aliases[.leaf(leaf)] { return expression.replacingLeaves { localFormulas[.leaf($0)] } }
        return localFormulas[.leaf(leaf)]
      }
    }
    var stepByFormula: [DocumentExpression: (quantity: DocumentExpression, kind: Kind)] = [:]
    for line in lines where line.kind != .documentValue && line.kind != .given && !line.isRepeat {
      if let formula = line.formula, formula.hasOperator {
        for key in [formula, canonical(formula)] where stepByFormula[key] == nil {
          stepByFormula[key] = (line.quantity, line.kind)
        }
      }
    }
    // What the document's own numbers say of each leaf so far: what it printed, or
    // what a step it did not print gives from what it did print.
    var known = KnownValues()
    var steps: [DocumentExpression: Int] = [:]  // the latest line computing each quantity
    var firstPrinted: [PrintedKey: Row.ID] = [:]
    for (i, var line) in lines.enumerated() {
      // A `let` that names a step (δ_o = ∂L/∂z_o) is recomputed as that step, unless the
      // document printed the step: then the bare name reads what it printed (∂y/∂w2 = h).
      if let formula = line.formula, !formula.hasOperator, let step = steps[formula].map({ lines[$0] }),
        known.value(of: slots.read(formula, by: line), before: line.readsAt)?.isPrinted != true
      {
        line.formula = step.formula
        line.substitutions = step.substitutions
      }
      if lines[i].formula != nil, !line.isRepeat { steps[line.quantity] = i }
      let (derived, inputs) = derive(line, known: known, slots: slots)
      guard let printed = line.printed else {
        if !line.isRepeat, !derived.origins.isEmpty || !derived.range.isPoint {
          for slot in slots.written(line.quantity, kind: line.kind) { known.replace(slot, with: derived) }
        }
        continue
      }
      var origins: [Row.ID] = []
      if case .differ = Verdict(printed: printed, exact: line.value) {
        var explanation = explain(line, printed: printed, derived: derived)
        explanation.inputs = inputs
        explanations[line.id] = explanation
        // A value printed again in the same digits began where it was first printed.
        let key = PrintedKey(quantity: line.quantity, printed: printed)
        let first = firstPrinted[key] ?? line.id
        if firstPrinted[key] == nil { firstPrinted[key] = line.id }
        origins = explanation.cause == .carried ? explanation.origins : [first]
      }
      let meant = meant(by: printed, exact: line.value)
      let entry = Known(
        range: meant, point: printed.value, text: printed.text, origins: origins, location: line.location, coarsest: printed,
        isPrinted: true)
      var written = slots.written(line.quantity, kind: line.kind)
      if let alias = aliases[line.quantity] { written += slots.written(alias, kind: nil) }
      for key in [stepByFormula[line.quantity], stepByFormula[canonical(line.quantity)]] {
        if let key { written += slots.written(key.quantity, kind: key.kind) }
      }
      for slot in Set(written) { known.add(entry, to: slot) }
    }
    return explanations
  }

  struct PrintedKey: Hashable {
    var quantity: DocumentExpression
    var printed: PrintedNumber
  }

  /// The range of numbers the document meant by a printed input: what rounds to it,
  /// or exactly it when it is the exact value with every digit printed (1.87 = 0.33 + 1.54).
  private static func meant(by document: PrintedNumber, exact: Double) -> Interval {
    Swift.abs(document.value - exact) <= 1e-12 * Swift.max(1, Swift.abs(exact)) ? Interval(document.value) : document.interval
  }

  /// The step recomputed from the document's own inputs.
  private static func derive(_ line: Work, known: KnownValues, slots: Slots) -> (Known, [DocumentExpression: String]) {
    guard let formula = line.shownFormula else {
      return (Known(range: Interval(line.value), point: line.value, text: Readable.format(line.value), origins: []), [:])
    }
    var origins: [Row.ID] = []
    var inputs: [DocumentExpression: String] = [:]
    var coarsest: PrintedNumber?
    func exact(_ leaf: DocumentExpression) -> Double { line.substitutions[leaf] ?? .nan }
    func entry(_ leaf: DocumentExpression) -> Known? { known.value(of: slots.read(leaf, by: line), before: line.readsAt) }
    var range = formula.interval { term in
      let leaf = DocumentExpression.leaf(term)
      if let entry = entry(leaf) {
        origins += entry.origins
        inputs[leaf] = entry.text
        if let input = entry.coarsest, input.significantDigits < coarsest?.significantDigits ?? .max { coarsest = input }
        return entry.range
      }
      if inputs[leaf] == nil { inputs[leaf] = Readable.format(exact(leaf)) }
      return Interval(exact(leaf))
    }
    if range.low.isNaN || range.high.isNaN { range = .everything }
    let point = formula.value { entry(.leaf($0))?.point ?? exact(.leaf($0)) }
    let known = Known(
      range: range, point: point, text: Readable.format(point), origins: Array(Set(origins)).sorted(), coarsest: coarsest)
    return (known, inputs)
  }

  /// The tightest cause that fits, and the other one that fits too.
  private static func explain(_ line: Work, printed document: PrintedNumber, derived: Known) -> Explanation {
    let follows = derived.range.overlaps(document.interval)
    let truncated = document.isTruncation(of: line.value)
    let fromInputs: Explanation.Cause = derived.origins.isEmpty ? .rounding : .carried
    // In units of the last printed digit: a truncation fits within one.
    let width = derived.range.high - derived.range.low
    let wide = !(width <= Explanation.tightRange * document.unit)
    var explanation = Explanation(
      cause: .slip, fromDocumentInputs: derived.range, fromDocumentValue: derived.point, formula: line.shownFormula,
      origins: fromInputs == .carried ? derived.origins : [])
    switch (follows, truncated) {
    case (true, true) where wide:
      explanation.cause = .truncated
      explanation.alsoFits = fromInputs
      explanation.coarsestInput = derived.coarsest?.text
    case (true, _):
      explanation.cause = fromInputs
      explanation.alsoFits = truncated && width > document.unit * (1 + 1e-6) ? .truncated : nil
    case (false, true):
      explanation.cause = .truncated
    case (false, false):
      explanation.cause = .slip
    }
    if explanation.cause != .carried && explanation.alsoFits != .carried { explanation.origins = [] }
    return explanation
  }
}
