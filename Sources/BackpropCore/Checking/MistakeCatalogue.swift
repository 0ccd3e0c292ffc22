import BackpropEngine

/// The catalogue of common mistakes, tried on a step whose printed value differs and
/// is not carried, rounding or truncation.
///
/// Each mistake recomputes the step from the document's own inputs the wrong way
/// (a factor left out, the sigmoid's derivative for tanh, the update added, …). A
/// mistake is named when its value, rounded to the printed digits, is the printed
/// number (``PrintedNumber/agrees(with:)``); where several are, each is named; where
/// none is, there is none and the caller says "slip".
public enum MistakeCatalogue {
  /// The mistakes that reproduce `printed` for `step`.
  ///
  /// - Parameters:
  ///   - step: the step the document's value differs at.
  ///   - printed: the number the document (or a student) printed for it.
  ///   - inputs: the document's own value of a leaf of the step's formula where it
  ///     printed one; `nil` to use the exact value from `step.substitutions`.
  ///   - validated: the example, for the network, its operators and its evaluation.
  public static func mistakes(
    for step: Step, printed: PrintedNumber, inputs: (DocumentExpression) -> Double?, in validated: ValidatedExample
  ) -> [Mistake] {
    withoutActuallyEscaping(inputs) { inputs in
      find(MistakeContext(step: step, printed: printed, inputs: inputs, validated: validated))
    }
  }

  /// At most this many mistakes are named for one value: where more fit, the closest.
  public static let maximumNamed = 2

  private static func find(_ context: MistakeContext) -> [Mistake] {
    let printed = context.printed
    let correct = context.correct
    guard correct.isFinite, !printed.agrees(with: correct) else { return [] }
    let candidates =
      context.ruleMistakes() + context.productMistakes() + context.updateMistakes() + context.copyingMistakes()
    var seen = Set<Mistake.Kind>()
    var fits: [(candidate: MistakeCandidate, distance: Double)] = []
    for candidate in candidates where candidate.value.isFinite && printed.agrees(with: candidate.value) {
      guard seen.insert(candidate.kind).inserted else { continue }
      fits.append((candidate, abs(candidate.value - printed.value)))
    }
    // A subtraction the wrong way round says more than "a sign": keep the rule.
    if seen.contains(.targetMinusOutput) {
      fits.removeAll { $0.candidate.kind == .signFlipped || $0.candidate.kind == .minusDropped }
    }
    // A coarse printed value (0.5) can fit many mistakes: name the two that come closest
    // to it, in that order (a stable sort keeps the catalogue's order between equals).
    let ranked = fits.enumerated().sorted { ($0.element.distance, $0.offset) < ($1.element.distance, $1.offset) }
    return ranked.prefix(maximumNamed).map { Mistake(kind: $0.element.candidate.kind, text: $0.element.candidate.text, value: correct) }
  }
}

/// A value the step gives under one mistake, and the sentence that names it.
struct MistakeCandidate {
  var kind: Mistake.Kind
  var value: Double
  var text: String
}

/// What the catalogue reads of a step: its formula, the document's inputs, the network.
struct MistakeContext {
  let step: Step
  let printed: PrintedNumber
  let inputs: (DocumentExpression) -> Double?
  let validated: ValidatedExample

  var network: Network { validated.network }
  var evaluation: Evaluation { validated.evaluation }
  var formula: DocumentExpression? { step.shownFormula }

  /// The step from the document's own inputs: what it should have been.
  var correct: Double {
    guard let formula, formula != step.quantity else { return step.value }
    return evaluate(formula)
  }

  /// A leaf as the document gives it, else exactly.
  func value(of term: DocumentTerm) -> Double {
    let leaf = DocumentExpression.leaf(term)
    if let printed = inputs(leaf) { return printed }
    if let exact = step.substitutions[leaf] { return exact }
    if case .name(let name) = term, let exact = try? evaluation.value(of: name, in: evaluation.initialState) { return exact }
    return (try? evaluation.value(of: leaf, in: evaluation.initialState)) ?? .nan
  }

  /// `expression` from the document's inputs, some leaves overridden.
  func evaluate(_ expression: DocumentExpression, override: (DocumentTerm) -> Double? = { _ in nil }) -> Double {
    expression.value { override($0) ?? value(of: $0) }
  }

  /// A number for a sentence: six significant digits at most.
  func show(_ value: Double) -> String { Readable.format(value) }

  /// The printed number as the document wrote it.
  var shown: String { printed.text }

  /// How a leaf reads in a sentence: `w5`, `∂L/∂ŷ`.
  func name(_ term: DocumentTerm) -> String {
    switch term {
    case .name(let name): name
    case .derivative(let of, let wrt): "∂\(of)/∂\(wrt)"
    case .afterUpdate(let inner): inner.leafValue.map { name($0) + "′" } ?? "the value after the update"
    case .afterTraining, .substituting: "this value"
    }
  }

  /// How an expression reads in a sentence.
  func name(_ expression: DocumentExpression) -> String {
    switch expression {
    case .leaf(let term): name(term)
    case .number(_, let text): text
    case .apply: expression.constantValue.map { Readable.format($0) } ?? "that factor"
    }
  }

  /// The role of a quantity the formula names.
  func role(_ name: String) -> Network.Role? { network.quantity(name)?.role }

  /// Whether a step is part of the backward pass: a derivative.
  var isDerivative: Bool {
    switch step.kind {
    case .localDerivative, .chainRule: true
    case .documentValue: if case .derivative = step.quantity.leafValue { true } else { false }
    case .given, .value, .update: false
    }
  }
}
