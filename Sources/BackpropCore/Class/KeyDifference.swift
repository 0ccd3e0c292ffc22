/// Where a submission's network differs from the key's: a given copied wrongly, an
/// equation written another way, another loss. One located line each.
public struct KeyDifference: Sendable, Equatable {
  /// The place in the submission.
  public var location: SourceLocation
  /// What differs, in the form `w5 = 0.45, the key has 0.40`.
  public var message: String

  /// Each difference between `submission`'s givens, equations and loss and `key`'s, in
  /// the submission's line order. Values are compared as numbers (`.4` is `0.40`), and
  /// formulas by what they compute: `x * w1 + b` is `b + w1 * x`, `0.5 * (y - yhat)^2` is
  /// `1/2 * (yhat - y)^2`, but `y - yhat` is not `yhat - y` (``sameFunction(_:_:)``).
  static func between(_ submission: Example, key: Example) -> [KeyDifference] {
    var differences: [KeyDifference] = []
    let top = submission.leaves.first?.location ?? SourceLocation(line: 1, column: 1)
    let keyLeaves = Dictionary(key.leaves.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    let leaves = Set(submission.leaves.map(\.name))
    for leaf in submission.leaves {
      guard let keyLeaf = keyLeaves[leaf.name] else {
        differences.append(KeyDifference(location: leaf.location, message: "\(leaf.name) = \(leaf.text), the key has no \(leaf.name)"))
        continue
      }
      if leaf.kind != keyLeaf.kind {
        differences.append(
          KeyDifference(
            location: leaf.location,
            message: "\(leaf.name) is declared '\(leaf.kind.rawValue)', the key has '\(keyLeaf.kind.rawValue) \(leaf.name)'"))
      }
      if leaf.value != keyLeaf.value {
        differences.append(KeyDifference(location: leaf.location, message: "\(leaf.name) = \(leaf.text), the key has \(keyLeaf.text)"))
      }
    }
    for keyLeaf in key.leaves where !leaves.contains(keyLeaf.name) {
      differences.append(
        KeyDifference(
          location: top, message: "no \(keyLeaf.name), the key has '\(keyLeaf.kind.rawValue) \(keyLeaf.name) = \(keyLeaf.text)'"))
    }
    let keyEquations = Dictionary(key.equations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    let equations = Set(submission.equations.map(\.name))
    let notation = Notation.ascii
    for equation in submission.equations {
      guard let keyEquation = keyEquations[equation.name] else {
        differences.append(
          KeyDifference(
            location: equation.location,
            message: "\(equation.name) = \(notation.render(equation.formula)), the key has no \(equation.name)"))
        continue
      }
      if !Self.sameFunction(equation.formula, keyEquation.formula) {
        differences.append(
          KeyDifference(
            location: equation.location,
            message: "\(equation.name) = \(notation.render(equation.formula)), the key has \(notation.render(keyEquation.formula))"))
      }
    }
    for keyEquation in key.equations where !equations.contains(keyEquation.name) {
      differences.append(
        KeyDifference(
          location: submission.lossLocation,
          message: "no equation for \(keyEquation.name), the key has \(keyEquation.name) = \(notation.render(keyEquation.formula))"))
    }
    if submission.loss != key.loss {
      differences.append(KeyDifference(location: submission.lossLocation, message: "loss \(submission.loss), the key has loss \(key.loss)"))
    }
    return differences.enumerated().sorted { ($0.element.location.line, $0.offset) < ($1.element.location.line, $1.offset) }.map(\.element)
  }

  /// A formula's text with sums and products flattened and their terms sorted, and numbers
  /// by value: two formulas with the same text compute the same thing the same way, but for
  /// the order of the terms of a sum or the factors of a product.
  static func canonical(_ formula: Formula) -> String {
    switch formula {
    case .number(let value, _): return "#\(value)"
    case .leaf(let name): return "$" + name
    case .apply(let op, let operands):
      guard op == .add || op == .multiply else {
        return op.name + "(" + operands.map(canonical).joined(separator: ",") + ")"
      }
      var terms: [String] = []
      var pending = operands
      while let operand = pending.popLast() {
        if case .apply(let inner, let innerOperands) = operand, inner == op {
          pending += innerOperands
        } else {
          terms.append(canonical(operand))
        }
      }
      return op.name + "(" + terms.sorted().joined(separator: ",") + ")"
    }
  }

  /// Whether two formulas compute the same function of the names they read: the same
  /// text up to the order of sums and products, or the same value at each of 8 points
  /// drawn for their names (4 in 0.1…0.9, where logarithms and roots are defined, and 4 in
  /// −1.5…1.5, where signs show), to a relative 1e-9. Two different formulas agree at
  /// random points with probability next to nothing; a point where either is undefined is
  /// skipped, and at least 4 must be left.
  static func sameFunction(_ a: Formula, _ b: Formula) -> Bool {
    if canonical(a) == canonical(b) { return true }
    let names = Array(Set(a.leaves + b.leaves)).sorted()
    var random = SplitMix64(seed: 0x6261_636B_7072_6F70)
    var compared = 0
    for point in 0..<8 {
      var values: [String: Double] = [:]
      for name in names {
        let unit = Double(random.next() >> 11) / Double(1 << 53)
        values[name] = point < 4 ? 0.1 + 0.8 * unit : -1.5 + 3 * unit
      }
      guard let x = try? a.finiteValue(leaf: { values[$0] ?? 0 }),
        let y = try? b.finiteValue(leaf: { values[$0] ?? 0 })
      else { continue }
      guard Swift.abs(x - y) <= 1e-9 * Swift.max(1, Swift.abs(x), Swift.abs(y)) else { return false }
      compared += 1
    }
    return compared >= 4
  }
}
