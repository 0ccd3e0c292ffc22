/// Writes expressions the way a lecture does (`∂L/∂ŷ = ŷ − y`), or in plain ASCII
/// (`dL/dyhat = yhat - y`) for terminals and scripts that want it.
public struct Notation: Sendable {
  public enum Style: Sendable { case unicode, ascii }

  public var style: Style

  public init(_ style: Style) { self.style = style }

  public static let unicode = Notation(.unicode)
  public static let ascii = Notation(.ascii)

  static let greek: [(String, String)] = [
    ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ε"),
    ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("kappa", "κ"), ("lambda", "λ"),
    ("mu", "μ"), ("nu", "ν"), ("xi", "ξ"), ("pi", "π"), ("rho", "ρ"), ("sigma", "σ"),
    ("tau", "τ"), ("phi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"),
    ("Delta", "Δ"), ("Sigma", "Σ"), ("yhat", "ŷ"),
  ]

  /// A quantity's name: `yhat` as `ŷ`, `delta_o` as `δ_o`, `alpha` as `α`.
  public func name(_ name: String) -> String {
    guard style == .unicode else { return name }
    for (ascii, symbol) in Self.greek where name.hasPrefix(ascii) {
      let rest = name.dropFirst(ascii.count)
      if rest.isEmpty || rest.first == "_" || rest.first!.isASCIIDigit { return symbol + rest }
    }
    return name
  }

  var minus: String { style == .unicode ? "−" : "-" }
  var times: String { style == .unicode ? " · " : " * " }
  var partial: String { style == .unicode ? "∂" : "d" }

  /// `∂L/∂w1`.
  public func derivative(of: String, withRespectTo: String) -> String {
    "\(partial)\(name(of))/\(partial)\(name(withRespectTo))"
  }

  /// A number as printed or computed, with a Unicode minus where the style has one.
  public func number(_ text: String) -> String {
    guard style == .unicode, text.contains("-") else { return text }
    return String(text.map { $0 == "-" ? "−" : $0 })
  }

  /// The expression as text. Where `substitute` gives text for a leaf (a name, a
  /// derivative or a state), that text stands in its place: the arithmetic with
  /// numbers substituted.
  public func render(_ expression: Formula, substitute: ((Formula) -> String?)? = nil) -> String {
    render(expression, substitute, leading: true).text
  }

  /// Text and the precedence of its outermost operation (5 for an atom). A negative
  /// number is bracketed unless it starts the whole expression: `2 − 0.01 · (−18)`.
  private func render(_ expression: Formula, _ substitute: ((Formula) -> String?)?, leading: Bool = false) -> (
    text: String, precedence: Int
  ) {
    if let substitute, let text = substitute(expression) {
      return negative(number(text), leading: leading)
    }
    switch expression {
    case .number(_, let text):
      return negative(number(text), leading: leading)
    case .name(let n):
      return (name(n), 5)
    case .derivative(let of, let wrt):
      return (derivative(of: of, withRespectTo: wrt), 5)
    case .negate(let inner):
      let innerPrecedence = precedence(inner, substitute, leading: true)
      let bracketed = innerPrecedence <= 3
      let text = render(inner, substitute, leading: bracketed).text
      return (minus + (bracketed ? "(\(text))" : text), 3)
    case .call(let function, let argument):
      return ("\(functionName(function))(\(render(argument, substitute, leading: true).text))", 5)
    case .afterUpdate(let inner):
      return (atom(inner, substitute) + "'", 5)
    case .afterTraining(let inner, let training):
      let suffix: String =
        switch training {
        case .steps(let n): "@\(n)"
        case .converged: "@converged"
        }
      return (atom(inner, substitute) + suffix, 5)
    case .substituting(let inner, let assignments):
      let list = assignments.map { "\(name($0.name)) = \(render($0.value, substitute, leading: true).text)" }
      return (atom(inner, substitute) + "[" + list.joined(separator: ", ") + "]", 5)
    case .binary(let op, let left, let right):
      return binary(op, left, right, substitute, leading: leading)
    }
  }

  private func atom(_ expression: Formula, _ substitute: ((Formula) -> String?)?) -> String {
    let rendered = render(expression, substitute)
    return rendered.precedence < 5 ? "(\(rendered.text))" : rendered.text
  }

  private func negative(_ text: String, leading: Bool) -> (text: String, precedence: Int) {
    guard text.hasPrefix(minus) else { return (text, 5) }
    return leading ? (text, 3) : ("(\(text))", 5)
  }

  /// The precedence of a formula's outermost operation as it will be written, without
  /// writing it: a negative number counts as an atom unless it leads (it gets brackets).
  private func precedence(_ formula: Formula, _ substitute: ((Formula) -> String?)?, leading: Bool) -> Int {
    if let substitute, let text = substitute(formula) { return text.hasPrefix("-") && leading ? 3 : 5 }
    switch formula {
    case .number(_, let text): return (text.hasPrefix("-") || text.hasPrefix(minus)) && leading ? 3 : 5
    case .negate: return 3
    case .binary(let op, _, _): return op.precedence
    default: return 5
    }
  }

  /// Each operand is written once: whether it needs brackets is known beforehand, so a
  /// deeply nested formula costs time in proportion to its size.
  private func binary(
    _ op: BinaryOperator, _ left: Formula, _ right: Formula, _ substitute: ((Formula) -> String?)?, leading: Bool
  ) -> (text: String, precedence: Int) {
    let precedence = op.precedence
    let leftLeads = leading && op != .power
    let leftPrecedence = self.precedence(left, substitute, leading: leftLeads)
    let leftBracketed = op == .power ? leftPrecedence < 5 : leftPrecedence < precedence
    let leftText =
      leftBracketed ? "(\(render(left, substitute, leading: true).text))" : render(left, substitute, leading: leftLeads).text
    if op == .power {
      if style == .unicode, case .number(_, let text) = right, let superscript = Self.superscript(text), substitute?(right) == nil {
        return (leftText + superscript, 4)
      }
      let exponent =
        self.precedence(right, substitute, leading: false) < 5
        ? "(\(render(right, substitute, leading: true).text))" : render(right, substitute).text
      return (leftText + "^" + exponent, 4)
    }
    let rightPrecedence = self.precedence(right, substitute, leading: false)
    let rightIsNegation: Bool = if case .negate = right { true } else { false }
    let rightBracketed =
      rightPrecedence < precedence || (rightPrecedence == precedence && (op == .subtract || op == .divide)) || rightIsNegation
    let rightText = rightBracketed ? "(\(render(right, substitute, leading: true).text))" : render(right, substitute).text
    let symbol: String =
      switch op {
      case .add: " + "
      case .subtract: " \(minus) "
      case .multiply: times
      case .divide: isNumber(left) && isNumber(right) && !leftBracketed && !rightBracketed ? "/" : " / "
      case .power: "^"
      }
    return (leftText + symbol + rightText, precedence)
  }

  private func isNumber(_ expression: Formula) -> Bool {
    if case .number = expression { return true }
    return false
  }

  private func functionName(_ function: Function) -> String {
    style == .unicode && function == .sigmoid ? "σ" : function.rawValue
  }

  private static func superscript(_ text: String) -> String? {
    let digits: [Character: Character] = [
      "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
    ]
    guard !text.isEmpty, text.count <= 2 else { return nil }
    let mapped = text.compactMap { digits[$0] }
    return mapped.count == text.count ? String(mapped) : nil
  }
}
