import BackpropEngine

/// What can go wrong evaluating a document value or a `let`.
public enum EvaluationError: Error, Equatable, CustomStringConvertible {
  /// An update or training was asked for, and the example declares no learning rate.
  case noRate
  /// `E@converged`: the parameters were still changing after this many steps.
  case didNotConverge(Int)
  /// The loss or a parameter stopped being a finite number after `step` steps of training.
  case diverged(step: Int)
  /// `E[name = ...]` or a nudge names a computed quantity; only leaves can be set.
  case notALeaf(String)
  /// A name that is neither a quantity of the network nor a `let` value.
  case unknownName(String)
  /// A value the walk shows is infinite or not a number.
  case notFinite(Double)
  /// A value is infinite or not a number on the way, for the reason given ("1/0 divides
  /// by zero", "in that state, z overflows to infinity").
  case notFiniteBecause(String)
  /// The file asks for more work than ``WorkBudget`` allows, as said.
  case overBudget(String)
  /// `E@N` asks for more training than the file's ``WorkBudget`` has left for this
  /// network: `steps` asked, at most `budget` possible.
  case tooLong(steps: Int, budget: Int)

  /// The problem in one line of words, for an ``ExampleError``'s message.
  public var description: String {
    switch self {
    case .noRate: "the example has no learning rate; declare one with 'rate NAME = VALUE'"
    case .didNotConverge(let limit): "gradient descent did not settle within \(limit) steps"
    case .diverged(let step): "gradient descent diverged: the loss or a parameter is no longer a finite number after step \(step)"
    case .notALeaf(let name):
      "'\(name.excerpt())' is computed by the network; only inputs, targets, parameters, constants and the rate can be set in [...]"
    case .unknownName(let name): "unknown name '\(name.excerpt())'"
    case .notFinite(let value): "the value is not a finite number (\(Readable.format(value)))"
    case .notFiniteBecause(let reason): "the value is not a finite number: \(reason)"
    case .overBudget(let what): "this asks for more work than the tutor does (\(what)); ask for fewer or smaller values"
    case .tooLong(let steps, let budget):
      "\(steps) steps of this network is more training than the file has left (at most \(budget) more steps; "
        + "training is budgeted for the whole file)"
    }
  }
}
