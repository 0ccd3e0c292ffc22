import BackpropEngine

/// A step as the builder drafts it, before it gets its identifier.
struct StepDraft {
  var section: Step.Section
  var kind: Step.Kind
  var quantity: DocumentExpression
  var formula: DocumentExpression? = nil
  var substitutions: [DocumentExpression: Double]
  var value: Double
  var previousValue: Double? = nil
  var previousSubstitutions: [DocumentExpression: Double] = [:]
  var writtenAs: String? = nil

  func step(_ id: Step.ID) -> Step {
    Step(
      id: id, section: section, kind: kind, quantity: quantity, formula: formula, substitutions: substitutions,
      value: Self.withoutCancellationNoise(value, formula: formula ?? quantity, substitutions: substitutions),
      previousValue: previousValue, previousSubstitutions: previousSubstitutions, writtenAs: writtenAs)
  }

  /// A sum that cancels leaves the rounding of its terms behind: 0.70538451 + 0.035119027 +
  /// (−0.74050354) comes out as 1.1e−16 in floating point. A value of a formula that adds or
  /// subtracts (a step's formula, or a document's expression), smaller than 1e−13 of its
  /// largest term, is that noise: it is 0.
  static func withoutCancellationNoise(
    _ value: Double, formula: DocumentExpression?, substitutions: [DocumentExpression: Double]
  ) -> Double {
    guard value != 0, value.isFinite, let formula else { return value }
    var adds = false
    formula.visit { part in
      if case .apply(let op, _) = part, op == .add || op == .subtract { adds = true }
    }
    let largest = substitutions.values.lazy.filter(\.isFinite).map(Swift.abs).max() ?? 0
    return adds && Swift.abs(value) < 1e-13 * largest ? 0 : value
  }
}
