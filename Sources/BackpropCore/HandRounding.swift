import Foundation

/// The calculation the way a person does it with a calculator: every value rounded
/// to N decimals before the next step uses it.
enum HandRounding {
  /// Half away from zero, as a calculator rounds.
  static func round(_ value: Double, decimals: Int) -> Double {
    let scale = Foundation.pow(10, Double(decimals))
    let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    return rounded.isFinite ? rounded : value
  }

  /// Recomputes each line, in order, from the rounded values of the lines before it.
  /// The givens (inputs, parameters, the rate) are used as they are: only what is
  /// computed is rounded.
  static func apply(to lines: [Walkthrough.Line], decimals: Int, definitions: [Example.Definition]) -> [Walkthrough.Line] {
    var known: [Formula: Double] = [:]
    let aliases = Dictionary(definitions.map { (Formula.name($0.name), $0.expression) }, uniquingKeysWith: { first, _ in first })
    var result = lines
    for i in result.indices {
      var line = result[i]
      line.decimals = decimals
      let shown = line.formula ?? (line.kind == .documentValue ? line.quantity : nil)
      if let shown {
        var substitutions: [Formula: Double] = [:]
        for (leaf, exact) in line.substitutions {
          substitutions[leaf] = known[leaf] ?? round(exact, decimals: decimals)
        }
        line.substitutions = substitutions
        line.value = round(Arithmetic.value(of: shown) { substitutions[$0] ?? .nan }, decimals: decimals)
        if line.value.isNaN { line.value = round(lines[i].value, decimals: decimals) }
      } else if line.kind != .given {
        line.value = round(line.value, decimals: decimals)
      }
      if line.value != lines[i].value { line.writtenAs = nil }
      if !line.repeatsLine {
        known[line.quantity] = line.value
        if let alias = aliases[line.quantity] { known[alias] = line.value }
      }
      result[i] = line
    }
    return result
  }
}
