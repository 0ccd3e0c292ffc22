/// An experiment: change one input or parameter by Δ and watch every quantity
/// downstream move, and the loss change against the change the gradient predicts,
/// ∂L/∂p · Δ (seed 000: 0.231 actual against 0.2 predicted; 7.12 against 7.2).
public struct Nudge: Sendable {
  /// How one quantity moves when the leaf is nudged by Δ.
  public struct Change: Sendable {
    /// The quantity's name.
    public var quantity: String
    /// Its value at the example's own values.
    public var before: Double
    /// Its value with the leaf changed by Δ.
    public var after: Double
    /// after − before.
    public var change: Double { after - before }
  }

  /// One size of nudge: the actual change of the loss and the predicted one.
  public struct Trial: Sendable {
    /// This trial's Δ.
    public var delta: Double
    /// The loss's actual change: L(p + Δ) − L(p).
    public var actual: Double
    /// The change the gradient predicts: ∂L/∂p · Δ.
    public var predicted: Double
    /// (actual − predicted) / Δ: it shrinks in proportion to Δ, which is what
    /// "the derivative is the slope" means.
    public var errorPerUnit: Double { (actual - predicted) / delta }
  }

  /// The leaf p that is nudged: an input or a parameter (any leaf of the network).
  public var name: String
  /// Δ, the change made to the leaf for ``changes`` and the first trial.
  public var delta: Double
  /// ∂L/∂p at the example's own values.
  public var gradient: Double
  /// The quantity and the quantities that depend on it, in forward order, the loss last.
  public var changes: [Change]
  /// Δ, Δ/10, Δ/100, Δ/1000.
  public var trials: [Trial]
}
