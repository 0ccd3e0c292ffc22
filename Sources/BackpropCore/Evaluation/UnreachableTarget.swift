import BackpropEngine

/// A target the network's output can never reach: the output activation's range
/// does not contain it (seed 004's target 3.3 for a sigmoid output, whose values lie
/// in (0, 1)), so the loss can only level off above zero.
public struct UnreachableTarget: Sendable, Equatable {
  /// The target's name.
  public var target: String
  /// The target's value, outside ``range``.
  public var targetValue: Double
  /// The output compared with the target, and the activation that bounds it.
  public var output: String
  /// The output's activation, whose range does not contain the target: σ.
  public var activation: Operator
  /// The output's formula, `σ(z_o)`.
  public var outputFormula: Formula
  /// The values the activation can take: σ's (0, 1).
  public var range: (low: Double, high: Double)
  /// The loss term's value at the nearest value the output can take: the floor the
  /// term can only approach.
  public var floor: Double?
  /// The loss term: the quantity whose formula compares the output with the target.
  public var term: String

  /// The same target, output and loss term.
  public static func == (a: Self, b: Self) -> Bool {
    a.target == b.target && a.output == b.output && a.term == b.term
  }

  /// Every target outside the range of the output it is compared with.
  public static func find(in evaluation: Evaluation) throws -> [UnreachableTarget] {
    let network = evaluation.network
    let state = evaluation.initialState
    var found: [UnreachableTarget] = []
    for target in network.example.leaves where target.kind == .target {
      for consumer in network.consumers(of: target.name) {
        let termName = consumer.name
        for output in consumer.inputs where output != target.name {
          guard let quantity = network.quantity(output), let formula = quantity.formula, let term = consumer.formula,
            case .apply(let f, _) = formula, let range = f.definition.range, target.value < range.low || target.value > range.high
          else { continue }
          let nearest = Swift.min(Swift.max(target.value, range.low), range.high)
          let floor = try term.value { name in
            if name == output { return nearest }
            return try evaluation.value(of: name, in: state)
          }
          found.append(
            UnreachableTarget(
              target: target.name, targetValue: target.value, output: output, activation: f, outputFormula: formula,
              range: range, floor: floor.isFinite ? floor : nil, term: termName))
        }
      }
    }
    return found
  }
}
