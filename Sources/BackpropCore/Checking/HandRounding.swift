import BackpropEngine
import Foundation

/// The calculation the way a person does it with a calculator: every value rounded
/// to N decimals before the next step uses it.
public enum HandRounding {
  /// A step's value and arithmetic as rounded by hand.
  public struct Rounded: Sendable, Equatable {
    /// The step's value from the rounded values before it, itself rounded to N decimals
    /// (a given keeps its value).
    public var value: Double
    /// The value of each leaf of the step's formula, as rounded by hand: the arithmetic a
    /// person writes down.
    public var substitutions: [DocumentExpression: Double]
  }

  /// Half away from zero, as a calculator rounds.
  static func round(_ value: Double, decimals: Int) -> Double {
    let scale = Foundation.pow(10, Double(decimals))
    let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    return rounded.isFinite ? rounded : value
  }

  /// Recomputes each step, in walk order, from the rounded values of the steps before
  /// it. The givens (inputs, parameters, the rate) are used as they are, also where a
  /// step only names one (∂z/∂w1 = x1): only what is computed is rounded.
  ///
  /// - Throws: ``ExampleError`` at the step's line when rounding makes a value infinite
  ///   or not a number (a denominator rounded to 0).
  static func round(_ validated: ValidatedExample, decimals: Int) throws -> [Step.ID: Rounded] {
    var known: [DocumentExpression: Double] = [:]
    let aliases = Dictionary(
      validated.example.definitions.map { (DocumentExpression.name($0.name), $0.expression) }, uniquingKeysWith: { first, _ in first })
    var result: [Step.ID: Rounded] = [:]
    for row in validated.rows where !row.isRepeat {
      let step = validated.step(row.step)
      var rounded = Rounded(value: step.value, substitutions: step.substitutions)
      if let shown = step.shownFormula {
        var substitutions: [DocumentExpression: Double] = [:]
        for (leaf, exact) in step.substitutions {
          substitutions[leaf] = known[leaf] ?? round(exact, decimals: decimals)
        }
        rounded.substitutions = substitutions
        let value = shown.value { substitutions[.leaf($0)] ?? .nan }
        // A step that only names a value (∂z/∂w1 = x1) copies it; nothing is computed to round.
        rounded.value = shown.hasOperator ? round(value.isNaN ? step.value : value, decimals: decimals) : value
      } else if step.kind != .given {
        rounded.value = round(step.value, decimals: decimals)
      }
      guard rounded.value.isFinite else {
        let text = Notation.ascii.render(step.quantity)
        throw ExampleError(
          file: validated.example.file, location: validated.location(of: row),
          message: "with every value rounded to \(decimals) decimals, \(text.excerpt()) is not a finite number "
            + "(\(Readable.format(rounded.value))); round to more decimals")
      }
      known[step.quantity] = rounded.value
      if let alias = aliases[step.quantity] { known[alias] = rounded.value }
      result[step.id] = rounded
    }
    return result
  }
}
