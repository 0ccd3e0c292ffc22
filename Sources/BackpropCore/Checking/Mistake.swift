/// A common mistake that reproduces a differing printed value: what the student did,
/// the rule, and the value the step should have been.
///
/// Found by ``MistakeCatalogue``: the step is recomputed from the document's own
/// inputs under each mistake, and a mistake is named when its value rounds to the
/// printed number at the printed precision.
public struct Mistake: Sendable, Equatable {
  /// Which mistake of the catalogue it is.
  public enum Kind: String, Sendable, CaseIterable {
    /// The sign flipped: −v where v belongs.
    case signFlipped = "sign-flipped"
    /// target − output where output − target belongs (or the reverse).
    case targetMinusOutput = "target-minus-output"
    /// One factor of a product left out: an input, a weight, a local derivative.
    case factorLeftOut = "factor-left-out"
    /// The activation's derivative left out of the chain.
    case activationDerivativeLeftOut = "activation-derivative-left-out"
    /// The ½ of the squared error left out (or the power rule's 2).
    case squaredErrorConstant = "squared-error-constant"
    /// The learning rate left out of the update: w − g.
    case learningRateLeftOut = "learning-rate-left-out"
    /// Another activation's derivative used: σ′ = a(1 − a) for tanh, 1 − a² for σ.
    case wrongActivationDerivative = "wrong-activation-derivative"
    /// The activation's derivative evaluated at z instead of at a: z(1 − z).
    case derivativeAtInput = "derivative-at-input"
    /// ReLU′ taken as the input z instead of 1 or 0.
    case reluDerivativeAsInput = "relu-derivative-as-input"
    /// Only one path summed where a quantity reaches the loss along several.
    case onePathOnly = "one-path-only"
    /// The updated weight w′ used in the backward pass where w belongs.
    case updatedWeightUsed = "updated-weight-used"
    /// The update added, w + η·g, instead of subtracted.
    case updateAdded = "update-added"
    /// Another learning rate used in the update.
    case wrongLearningRate = "wrong-learning-rate"
    /// The value after N − 1 or N + 1 steps where `@N` was asked.
    case offByOneStep = "off-by-one-step"
    /// Two operands or weights swapped (w5 for w6).
    case swappedOperands = "swapped-operands"
    /// A bias left out of a weighted sum.
    case biasLeftOut = "bias-left-out"
    /// The decimal point shifted one place when copying.
    case decimalShifted = "decimal-shifted"
    /// Two adjacent digits transposed when copying.
    case digitsTransposed = "digits-transposed"
    /// A minus sign dropped when copying.
    case minusDropped = "minus-dropped"
  }

  /// Which mistake it is.
  public var kind: Kind
  /// One sentence naming the rule, the right value and where the printed number came from.
  public var text: String
  /// The value the step should have been, from the document's own inputs.
  public var value: Double

  /// A mistake of `kind`, explained by `text`, where the step should have given `value`.
  public init(kind: Kind, text: String, value: Double) {
    self.kind = kind
    self.text = text
    self.value = value
  }
}
