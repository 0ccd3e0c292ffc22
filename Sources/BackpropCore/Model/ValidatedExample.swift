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
  private let stepIndex: [Step.ID: Int]

  /// Validates `example`.
  ///
  /// - Throws: ``ExampleError`` naming the line and column of the first problem.
  public init(_ example: Example) throws {
    self.example = example
    evaluation = try Evaluation(example)
    unreachableTargets = try UnreachableTarget.find(in: evaluation)
    var builder = StepBuilder(evaluation: evaluation)
    (steps, rows) = try builder.build()
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
}
