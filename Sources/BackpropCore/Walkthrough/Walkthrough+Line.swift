import BackpropEngine

extension Walkthrough {
  /// One row of a walk read together: its step, the document's value, the value a
  /// person's rounding gives, and the cause of a difference. Built, never changed.
  public struct Line: Sendable {
    /// The row the line reads.
    public let id: Row.ID
    /// The row's step: quantity, formula, exact value.
    public let step: Step
    /// What the document printed for it, if it did.
    public let document: Example.DocumentValue?
    /// Whether the line repeats an earlier line's step for another place the document
    /// printed the same value.
    public let repeatsLine: Bool
    /// The value shown: exact, or as rounded by hand.
    public let value: Double
    /// The value of each leaf of the formula, exact or as rounded by hand.
    public let substitutions: [DocumentExpression: Double]
    /// Decimals to show at least (the hand-rounding mode's N).
    public let decimals: Int
    /// For a given: the value as the file writes it (`0.10`), when it is shown as such.
    public let writtenAs: String?
    /// Why the document's value differs, when it does.
    public let explanation: Explanation?

    init(row: Row, in validated: ValidatedExample, rounded: [Step.ID: HandRounding.Rounded], decimals: Int, explanation: Explanation?) {
      let step = validated.step(row.step)
      self.id = row.id
      self.step = step
      self.document = row.document
      self.repeatsLine = row.isRepeat
      let rounding = rounded[step.id]
      self.value = rounding?.value ?? step.value
      self.substitutions = rounding?.substitutions ?? step.substitutions
      self.decimals = decimals
      self.writtenAs = value == step.value ? step.writtenAs : nil
      // A value that agrees (see ``verdict``) needs no cause.
      let correct = rounding != nil && row.document?.printed.agrees(with: step.value) == true
      self.explanation = correct ? nil : explanation
    }

    /// The step's part of the walk.
    public var section: Section { step.section }
    /// What the step computes.
    public var kind: Kind { step.kind }
    /// What the step computes the value of.
    public var quantity: DocumentExpression { step.quantity }
    /// The step's formula in symbols, if it has one.
    public var formula: DocumentExpression? { step.formula }
    /// For an update or a value after it: the value before the update.
    public var previousValue: Double? { step.previousValue }
    /// For leaves of the formula that the update changed: their values before it.
    public var previousSubstitutions: [DocumentExpression: Double] { step.previousSubstitutions }

    /// `agree` when the value rounds to what the document printed. In hand-rounding mode
    /// the exact value counts too: a correct value is never wrong for carrying more digits
    /// than the rounding keeps (0.03635 for 0.0363503 with `--round 4`, where the hand's
    /// 0.0364 · ... gives 0.0364).
    public var verdict: Verdict? {
      document.map { document in
        if value != step.value, document.printed.agrees(with: step.value) { return .agree }
        return Verdict(printed: document.printed, exact: value)
      }
    }
  }
}
