/// The work one example file may cost, for the whole file, whatever asks for it: the
/// tape nodes evaluated in forward and backward passes, the training steps summed over
/// every state, the memory of the states kept, and the steps of writing derivatives out
/// as formulas.
///
/// A hand-worked example uses a tiny part of each. Every command stays within about
/// 2 seconds and 300 MB, because the work is counted as it runs: past a limit, the value
/// that asked for it is a located error (`cannot compute 'w@99999': ...`), or, for
/// formulas, the walk shows numbers only.
public final class WorkBudget {
  /// What the budget allows.
  public struct Limits: Sendable {
    /// Tape nodes visited by forward and backward passes (outside training).
    public var nodeVisits = 60_000_000
    /// Training steps times tape length, over every training run of the file.
    public var trainingNodeSteps = 10_000_000
    /// Bytes of the states kept (each state keeps a value and an adjoint per node).
    public var stateBytes = 96 << 20
    /// Steps of symbolic differentiation and simplification.
    public var symbolicSteps = 2_000_000

    /// The limits every command works within.
    public static let standard = Limits()
  }

  /// What the budget allows.
  public let limits: Limits
  /// Tape nodes visited so far.
  public private(set) var nodeVisits = 0
  /// Training node-steps run so far.
  public private(set) var trainingNodeSteps = 0
  /// Bytes of states kept so far.
  public private(set) var stateBytes = 0
  /// Symbolic steps taken so far.
  public private(set) var symbolicSteps = 0

  /// A budget with `limits`.
  public init(_ limits: Limits = .standard) {
    self.limits = limits
  }

  /// Counts `count` node visits.
  ///
  /// - Throws: ``EvaluationError/overBudget(_:)`` past the limit.
  func chargeNodes(_ count: Int) throws {
    nodeVisits += count
    if nodeVisits > limits.nodeVisits {
      throw EvaluationError.overBudget("more than \(limits.nodeVisits) tape nodes evaluated for one file")
    }
  }

  /// The node visits still allowed.
  var nodeVisitsLeft: Int { max(0, limits.nodeVisits - nodeVisits) }

  /// The training node-steps still allowed.
  var trainingNodeStepsLeft: Int { max(0, limits.trainingNodeSteps - trainingNodeSteps) }

  /// Counts `count` training node-steps.
  ///
  /// - Throws: ``EvaluationError/overBudget(_:)`` past the limit.
  func chargeTraining(_ count: Int) throws {
    trainingNodeSteps += count
    if trainingNodeSteps > limits.trainingNodeSteps {
      throw EvaluationError.overBudget("more than \(limits.trainingNodeSteps) training steps × tape nodes for one file")
    }
  }

  /// Counts `bytes` of states kept.
  ///
  /// - Throws: ``EvaluationError/overBudget(_:)`` past the limit.
  func chargeState(bytes: Int) throws {
    stateBytes += bytes
    if stateBytes > limits.stateBytes {
      throw EvaluationError.overBudget("more than \(limits.stateBytes >> 20) MB of states of the network for one file")
    }
  }

  /// Counts one symbolic step; `false` once the limit is reached.
  func chargeSymbolic() -> Bool {
    symbolicSteps += 1
    return symbolicSteps <= limits.symbolicSteps
  }
}
