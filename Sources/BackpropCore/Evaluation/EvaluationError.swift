import BackpropEngine

/// What can go wrong evaluating a document value or a `let`.
public enum EvaluationError: Error, Equatable, CustomStringConvertible {
  case noRate
  case didNotConverge(Int)
  case diverged(step: Int)
  case notALeaf(String)
  case unknownName(String)
  case notFinite(Double)
  case tooLong(steps: Int, budget: Int)

  public var description: String {
    switch self {
    case .noRate: "the example has no learning rate; declare one with 'rate NAME = VALUE'"
    case .didNotConverge(let limit): "gradient descent did not settle within \(limit) steps"
    case .diverged(let step): "gradient descent diverged: the loss or a parameter is no longer a finite number after step \(step)"
    case .notALeaf(let name):
      "'\(name)' is computed by the network; only inputs, targets, parameters, constants and the rate can be set in [...]"
    case .unknownName(let name): "unknown name '\(name)'"
    case .notFinite(let value): "the value is not a finite number (\(Readable.format(value)))"
    case .tooLong(let steps, let budget):
      "\(steps) steps of this network is more than the tutor runs for one value (at most \(budget) steps here)"
    }
  }
}
