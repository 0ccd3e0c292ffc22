/// Gradient descent run for many steps: the loss and the parameters after each.
///
/// Each step is the walk's update, p' = p − rate · ∂L/∂p for every trainable
/// parameter, then the forward pass again. The run reuses one graph, so a long run
/// costs a forward and a backward pass per step and keeps only the steps recorded.
public struct TrainingRun: Sendable {
  /// The loss and the parameters at one step of the run.
  public struct Record: Sendable, Equatable {
    /// The number of updates made: 0 at the start.
    public var step: Int
    /// The loss L with the parameters after `step` updates.
    public var loss: Double
    /// The parameters after `step` updates, in the order of ``TrainingRun/parameterNames``.
    public var parameters: [Double]
  }

  /// The trainable parameters, in file order.
  public var parameterNames: [String]
  /// The parameters' leaves, in the order of ``parameterNames``.
  public var parameterLeaves: [LeafID]
  /// The learning rate α of every update.
  public var rate: Double
  /// Step 0 (the start) and every `every`-th step, and the last.
  public var records: [Record]
  /// The last step run: fewer than asked when the parameters stopped changing or diverged.
  public var finalStep: Int
  /// The step after which no parameter changed any more (by more than 1e-15 of
  /// itself), if that happened.
  public var settledAt: Int?
  /// The step at which a parameter or the loss stopped being a finite number, if it did.
  public var divergedAt: Int?
  /// The step at which the loss had grown for ``risingStepsForDivergence`` steps in a
  /// row, if it did: the descent diverging, seen before anything overflows.
  public var divergingAt: Int?

  /// How many steps in a row the loss must grow for the descent to count as diverging.
  public static let risingStepsForDivergence = 5

  /// The step at which the descent diverged, by either sign, if it did.
  public var divergence: Int? { divergedAt ?? divergingAt }

  /// The last record: the state the run ended in.
  public var last: Record { records[records.count - 1] }

  /// `start` with the parameters as `record` has them.
  public func state(at record: Record, from start: State) -> State {
    var state = start
    for (leaf, value) in zip(parameterLeaves, record.parameters) { state[leaf] = value }
    return state
  }

  /// Whether the loss has levelled off well above zero: over the last tenth of the
  /// run it fell by less than 0.1% of its value, and it is not near zero.
  public var plateau: Double? {
    guard records.count >= 3, divergedAt == nil else { return nil }
    let end = last
    let tenth = max(1, finalStep / 10)
    guard let earlier = records.last(where: { $0.step <= end.step - tenth }) else { return nil }
    let fall = earlier.loss - end.loss
    guard end.loss > 1e-6, fall >= 0, fall <= 1e-3 * end.loss else { return nil }
    return end.loss
  }
}
