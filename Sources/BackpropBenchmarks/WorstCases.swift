/// Example files made to cost as much as the format's documented limits allow: big,
/// deep, wide, with many states and long training. Each stays within the limits (1 MB,
/// 2,000 names, 10,000 `doc` lines, 2,000 operations a formula, 64 nested `let`s), so the
/// tool must finish every command on it within its budget or refuse it with a located
/// error; it must never crash, hang or run out of memory.
enum WorstCases {
  /// Each case: a name and the file's text.
  static let all: [(name: String, text: String)] = [
    ("let-sum-tower", letSumTower()),
    ("product-chain", chain("*", factors: 1000)),
    ("division-chain", chain("/", factors: 1000)),
    ("many-states", manyStates()),
    ("training-per-value", trainingPerValue()),
    (
      "chained-training",
      "input x = 1\nparam w = 0.5\nparam v = 0.1\nrate r = 0.1\ntarget y = 2\nyhat = w * x + v\nL = (y - yhat)^2\nloss L\n"
        + "doc w@999999@999999@999999 = 1\ndoc L@999999@999999 = 1\n"
    ),
    ("wide", wide()),
    ("deep-graph", deepGraph()),
    ("big-formulas", bigFormulas()),
    ("many-derivatives", manyDerivatives()),
    ("nested-parentheses", nestedParentheses()),
    ("let-chain", letChain()),
  ]

  /// The head every case shares: an input, a parameter, a rate and a target.
  private static let head = "input x = 0.5\nparam w = 1.0001\nparam v = 0.5\nrate r = 0.000001\ntarget y = 1\n"

  /// Sixteen `let`s, each a 1,000-term sum of the one before.
  private static func letSumTower() -> String {
    var lines = [head + "yhat = w * x + v\nL = (y - yhat)^2\nloss L"]
    var previous = "w"
    for k in 1...16 {
      lines.append("let l\(k) = " + Array(repeating: previous, count: 1000).joined(separator: " + "))
      previous = "l\(k)"
    }
    lines.append("doc l16 = 1")
    lines.append("doc l16' = 1")
    return lines.joined(separator: "\n") + "\n"
  }

  /// `yhat = w op w op ... op w`, a chain of `factors` operands.
  private static func chain(_ op: String, factors: Int) -> String {
    head + "yhat = " + Array(repeating: "w", count: factors).joined(separator: " \(op) ") + " + v\nL = (y - yhat)^2\nloss L\n"
      + "doc dL/dw = 1\ndoc dyhat/dw = 1\n"
  }

  /// A graph of about 36,000 nodes and 500 `doc` lines, each in a state of its own.
  private static func manyStates() -> String {
    var lines = [head]
    var previous = "x"
    for k in 1...18 {
      lines.append("q\(k) = (" + (0..<1000).map { $0 % 2 == 0 ? previous : "w" }.joined(separator: " + ") + ") / 1000 + v")
      previous = "q\(k)"
    }
    lines.append("L = (y - \(previous))^2 / 1000000 + v * v\nloss L")
    for k in 0..<500 { lines.append("doc L[x = \(k)] = 1") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Thirty values after 99,999 steps of training, each from a state of its own.
  private static func trainingPerValue() -> String {
    head + "yhat = w * x + v\nL = (y - yhat)^2\nloss L\n"
      + (0..<30).map { "doc (w@12000)[x = 0.\($0 + 1)] = 1" }.joined(separator: "\n") + "\n"
  }

  /// One quantity reading 1,990 others.
  private static func wide() -> String {
    var lines = [head]
    for k in 1...1990 { lines.append("h\(k) = w * x + v * \(k)") }
    lines.append("s = " + (1...1990).map { "h\($0)" }.joined(separator: " + "))
    lines.append("L = (y - s / 1000000)^2 + v * v\nloss L")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A chain of 1,990 quantities, each reading the one before.
  private static func deepGraph() -> String {
    var lines = [head, "h1 = w * x + v"]
    for k in 2...1990 { lines.append("h\(k) = h\(k - 1) * 1.0001 + w") }
    lines.append("L = (y - h1990 / 1000)^2 + v * v\nloss L")
    return lines.joined(separator: "\n") + "\n"
  }

  /// 120 quantities, each a formula of 1,999 operations, near the 1 MB limit: more
  /// operations than a network may have, so refused at once.
  private static func bigFormulas() -> String {
    var lines = [head]
    for k in 1...120 { lines.append("q\(k) = " + Array(repeating: "w * x", count: 1000).joined(separator: " + ")) }
    lines.append("L = (y - v - " + (1...120).map { "q\($0)" }.joined(separator: " - ") + ")^2\nloss L")
    return lines.joined(separator: "\n") + "\n"
  }

  /// 9,900 derivative `doc` lines over a graph of 38,000 nodes, asking for 38 backward
  /// passes of their own.
  private static func manyDerivatives() -> String {
    var lines = [head]
    for k in 1...38 { lines.append("q\(k) = " + Array(repeating: "w * x", count: 500).joined(separator: " + ")) }
    lines.append("L = (y - v - " + (1...38).map { "q\($0)" }.joined(separator: " - ") + ")^2\nloss L")
    for k in 0..<9_900 { lines.append("doc dq\(k % 38 + 1)/dw = \(k)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// 250 parentheses deep, in an equation and in a `doc` line.
  private static func nestedParentheses() -> String {
    let deep = String(repeating: "(", count: 250) + "w" + String(repeating: " * x)", count: 250)
    return head + "yhat = \(deep) + v\nL = (y - yhat)^2\nloss L\ndoc \(deep) = 1\n"
  }

  /// 64 `let`s, each reading the one before twice.
  private static func letChain() -> String {
    var lines = [head + "yhat = w * x + v\nL = (y - yhat)^2\nloss L", "let a1 = w + w"]
    for k in 2...64 { lines.append("let a\(k) = a\(k - 1) * 0.5 + a\(k - 1) * 0.5") }
    lines.append("doc a64 = 1\ndoc a64[x = 2] = 1\ndoc a64' = 1")
    return lines.joined(separator: "\n") + "\n"
  }
}
