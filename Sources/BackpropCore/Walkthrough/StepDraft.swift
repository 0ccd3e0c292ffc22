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
      id: id, section: section, kind: kind, quantity: quantity, formula: formula, substitutions: substitutions, value: value,
      previousValue: previousValue, previousSubstitutions: previousSubstitutions, writtenAs: writtenAs)
  }
}
