import BackpropEngine
import Foundation

/// An example that passed the one validation gate: it parses, its network has no
/// cycle, and every value the tutor can show for it (each quantity, `let`, local
/// derivative, gradient, update, value after the update and document value) is a
/// finite number that can be computed.
///
/// Every command takes this type and nothing less, so a file one command rejects,
/// every command rejects, with the same `file:line:column` message. The gate builds
/// the walk's steps once; later passes (rounding, causes) refer to them by identifier.
public final class ValidatedExample {
  /// The example as the file declares it.
  public let example: Example
  /// The evaluation the gate computed with; its caches serve every later question.
  public let evaluation: Evaluation
  /// Every step, in the order a lecture derives them.
  public let steps: [Step]
  /// The steps with the document's values placed on them, in walk order.
  public let rows: [Row]
  /// Targets the output can never reach (outside its activation's range).
  public let unreachableTargets: [UnreachableTarget]
  /// How many local derivatives were too long to write out as formulas within the
  /// budget: the walk shows them as numbers only.
  public let derivativesShownAsNumbers: Int
  private let stepIndex: [Step.ID: Int]

  /// Validates `example`.
  ///
  /// - Throws: ``ExampleError`` naming the line and column of the first problem.
  public init(_ example: Example) throws {
    self.example = example
    evaluation = try Evaluation(example)
    do {
      unreachableTargets = try UnreachableTarget.find(in: evaluation)
      var builder = StepBuilder(evaluation: evaluation)
      (steps, rows) = try builder.build()
      derivativesShownAsNumbers = builder.numbersOnly
    } catch let error as EvaluationError {
      // What no line of its own asked for (the work of the walk as a whole) is the loss's.
      throw ExampleError(file: example.file, location: example.lossLocation, message: "\(error)")
    }
    stepIndex = Dictionary(uniqueKeysWithValues: steps.enumerated().map { ($1.id, $0) })
  }

  /// Parses and validates the bytes of an example file.
  ///
  /// - Throws: ``ExampleError`` naming the line and column of the first problem.
  public static func load(_ data: Data, file: String) throws -> ValidatedExample {
    try ValidatedExample(ExampleParser.parse(data, file: file))
  }

  /// The network the example compiles to.
  public var network: Network { evaluation.network }

  /// The step with identifier `id`.
  public func step(_ id: Step.ID) -> Step {
    guard let index = stepIndex[id] else { preconditionFailure("a step of another walk") }
    return steps[index]
  }

  /// The document's values whose expressions satisfy `isWanted`, each once, as lines
  /// of the walk with their verdicts (no rounding, no causes): what `train` checks.
  public func documentLines(where isWanted: (DocumentExpression) -> Bool) -> [Walkthrough.Line] {
    rows.filter { row in !row.isRepeat && row.document.map { isWanted($0.expression) } == true }
      .map { Walkthrough.Line(row: $0, in: self, rounded: [:], decimals: 0, explanation: nil) }
  }

  /// The line a row's value belongs to: the document's line, else the line of the
  /// quantity it is about, else the loss's.
  public func location(of row: Row) -> SourceLocation {
    if let document = row.document { return document.location }
    let quantity: String? =
      switch step(row.step).quantity.leafValue {
      case .name(let name): name
      case .derivative(let of, _): of
      case .afterUpdate(.leaf(.name(let name))): name
      default: nil
      }
    return quantity.flatMap { network.quantity($0)?.location } ?? example.lossLocation
  }
}
