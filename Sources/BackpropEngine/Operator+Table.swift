import Foundation

/// The operator table: every operator a formula may use, each defined once.
///
/// An entry gives the operator's name and spellings, arity, value, local derivatives
/// (the rule a lecture writes next to the operation, in the comment), interval
/// extension, symbolic derivative and printed form. Adding a function to the tutor
/// is adding an entry here.
extension Operator {
  /// Every operator's definition: the arithmetic operators, then the functions.
  ///
  /// An operator's handle is its position here.
  public static let table: [Definition] = arithmetic + functions

  private typealias T = Template

  /// A unary function's entry: `value(u, _)` and `derivative(u, _, value)`; the second
  /// operand of each is unused.
  private static func function(
    _ name: String, spellings: [String]? = nil, unicode: String? = nil,
    value: @convention(c) (_ u: Double, _ unused: Double) -> Double,
    derivative: @convention(c) (_ u: Double, _ unused: Double, _ value: Double) -> Double,
    interval: (@Sendable (Interval) -> Interval)? = nil,
    rule: @escaping @Sendable (_ u: T, _ f: T) -> T,
    range: (low: Double, high: Double)? = nil,
    domainProblem: @escaping @Sendable (Double, (Double) -> String) -> String? = { _, _ in nil },
    topic: String? = nil
  ) -> Definition {
    Definition(
      name: name, spellings: spellings ?? [name], arity: 1, form: .function(unicode: unicode),
      value: value, derivativeX: derivative,
      interval: { x, _ in interval?(x) ?? x.increasing { value($0, 0) } },
      differential: { u, du in rule(u[0], .apply(Operator.named(name)!, [u[0]])) * du[0] },
      range: range, domainProblem: { x, _, format in domainProblem(x, format) }, topic: topic)
  }

  private static let arithmetic: [Definition] = [
    Definition(
      name: "add", spellings: ["+"], arity: 2,
      form: .infix(unicode: " + ", ascii: " + ", precedence: 1, associative: true, compactBetweenNumbers: false),
      value: { x, y in x + y },
      // ∂(a + b)/∂a = 1, ∂(a + b)/∂b = 1
      derivativeX: { _, _, _ in 1 }, derivativeY: { _, _, _ in 1 },
      interval: { x, y in x + y },
      differential: { _, du in du[0] + du[1] }),
    Definition(
      name: "subtract", spellings: ["-", "−", "–"], arity: 2,
      form: .infix(unicode: " − ", ascii: " - ", precedence: 1, associative: false, compactBetweenNumbers: false),
      value: { x, y in x - y },
      // ∂(a − b)/∂a = 1, ∂(a − b)/∂b = −1
      derivativeX: { _, _, _ in 1 }, derivativeY: { _, _, _ in -1 },
      interval: { x, y in x - y },
      differential: { _, du in du[0] - du[1] }),
    Definition(
      name: "multiply", spellings: ["*", "×", "·", "⋅"], arity: 2,
      form: .infix(unicode: " · ", ascii: " * ", precedence: 2, associative: true, compactBetweenNumbers: false),
      value: { x, y in x * y },
      // ∂(a·b)/∂a = b, ∂(a·b)/∂b = a
      derivativeX: { _, y, _ in y }, derivativeY: { x, _, _ in x },
      interval: { x, y in x * y },
      differential: { u, du in du[0] * u[1] + u[0] * du[1] }),
    Definition(
      name: "divide", spellings: ["/", "÷"], arity: 2,
      form: .infix(unicode: " / ", ascii: " / ", precedence: 2, associative: false, compactBetweenNumbers: true),
      value: { x, y in x / y },
      // ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²
      derivativeX: { _, y, _ in 1 / y }, derivativeY: { x, y, _ in -x / (y * y) },
      interval: { x, y in x / y },
      differential: { u, du in du[1] == .zero ? du[0] / u[1] : (du[0] * u[1] - u[0] * du[1]) / (u[1] ^ .two) },
      domainProblem: { _, y, _ in y == 0 ? "divides by zero" : nil }),
    Definition(
      name: "power", spellings: ["^"], arity: 2, form: .power,
      value: { a, b in power(a, b) },
      // ∂(a^b)/∂a = b·a^(b−1); ∂(a^b)/∂b = a^b·ln a, whose limit at a = 0 is 0 (b > 0), none for a < 0.
      derivativeX: { a, b, _ in b == 0 ? 0 : (b == 2 ? 2 * a : b * power(a, b - 1)) },
      derivativeY: { a, b, value in a > 0 ? value * Foundation.log(a) : (a == 0 && b > 0 ? 0 : .nan) },
      interval: { x, y in x.power(y) },
      // d(u^c) = c·u^(c−1)·du; d(u^w) = u^w·(dw·ln u + w·du/u).
      differential: { u, du in
        du[1] == .zero
          ? u[1] * (u[0] ^ (u[1] - .one)) * du[0] : (u[0] ^ u[1]) * (du[1] * .apply(.log, [u[0]]) + u[1] * du[0] / u[0])
      },
      domainProblem: { x, y, _ in
        if x < 0 && y != y.rounded() { return "raises a negative number to a fractional power" }
        if x == 0 && y < 0 { return "raises zero to a negative power (a division by zero)" }
        return nil
      }),
    Definition(
      name: "negate", spellings: ["-", "−", "–"], arity: 1, form: .prefix(unicode: "−", ascii: "-"),
      value: { x, _ in -x },
      derivativeX: { _, _, _ in -1 },  // ∂(−a)/∂a = −1
      interval: { x, _ in -x },
      differential: { _, du in -du[0] }),
    Definition(
      name: "identity", spellings: [], arity: 1, form: .transparent,
      value: { x, _ in x },
      derivativeX: { _, _, _ in 1 },
      interval: { x, _ in x },
      differential: { _, du in du[0] }),
  ]

  /// a^b, exactly a·a for b = 2 (the squared error's power).
  private static func power(_ a: Double, _ b: Double) -> Double {
    if b == 2 { return a * a }
    if b == 1 { return a }
    if b == 0 { return 1 }
    return Foundation.pow(a, b)
  }

  private static let functions: [Definition] = [
    // σ(u) = 1 / (1 + e^(−u)), computed stably; σ'(u) = σ(u)·(1 − σ(u)).
    function(
      "sigmoid", spellings: ["sigmoid", "sigma", "σ"], unicode: "σ",
      value: { u, _ in u >= 0 ? 1 / (1 + Foundation.exp(-u)) : Foundation.exp(u) / (1 + Foundation.exp(u)) },
      derivative: { _, _, value in value * (1 - value) },
      rule: { _, f in f * (.one - f) }, range: (0, 1), topic: "sigmoid"),
    // tanh'(u) = 1 − tanh(u)².
    function(
      "tanh", value: { u, _ in Foundation.tanh(u) }, derivative: { _, _, value in 1 - value * value },
      rule: { _, f in .one - (f ^ .two) }, range: (-1, 1), topic: "tanh"),
    // relu(u) = max(0, u); relu'(u) = 1 for u > 0, else 0 (0 at the kink, by convention).
    function(
      "relu", value: { u, _ in u > 0 ? u : 0 }, derivative: { u, _, _ in u > 0 ? 1 : 0 },
      rule: { u, _ in .apply(.step, [u]) }, range: (0, .infinity), topic: "relu"),
    // exp'(u) = e^u.
    function(
      "exp", value: { u, _ in Foundation.exp(u) }, derivative: { _, _, value in value },
      rule: { _, f in f }, range: (0, .infinity)),
    // log(u), the natural logarithm; log'(u) = 1/u.
    function(
      "log", spellings: ["log", "ln"], value: { u, _ in Foundation.log(u) }, derivative: { u, _, _ in 1 / u },
      interval: { x in x.low >= 0 ? x.increasing { Foundation.log($0) } : .everything },
      rule: { u, _ in .one / u },
      domainProblem: { u, format in
        u < 0 ? "takes the log of a negative number (\(format(u)))" : (u == 0 ? "takes the log of zero" : nil)
      }),
    // sqrt(u) = √u; sqrt'(u) = 1 / (2√u).
    function(
      "sqrt", value: { u, _ in Foundation.sqrt(u) }, derivative: { _, _, value in 1 / (2 * value) },
      interval: { x in x.low >= 0 ? x.increasing { Foundation.sqrt($0) } : .everything },
      rule: { _, f in .one / (.two * f) }, range: (0, .infinity),
      domainProblem: { u, format in u < 0 ? "takes the square root of a negative number (\(format(u)))" : nil }),
    // abs(u) = |u|; abs'(u) = sign(u) (0 at the kink).
    function(
      "abs", value: { u, _ in Swift.abs(u) }, derivative: { u, _, _ in u > 0 ? 1 : (u < 0 ? -1 : 0) },
      interval: { x in
        x.low >= 0 ? x : (x.high <= 0 ? Interval(-x.high, -x.low) : Interval(0, Swift.max(-x.low, x.high)))
      },
      rule: { u, _ in .apply(.sign, [u]) }, range: (0, .infinity)),
    // step(u) = 1 for u > 0, else 0: the derivative of relu; step'(u) = 0.
    function("step", value: { u, _ in u > 0 ? 1 : 0 }, derivative: { _, _, _ in 0 }, rule: { _, _ in .zero }),
    // sign(u) = 1, 0 or −1: the derivative of abs; sign'(u) = 0.
    function("sign", value: { u, _ in u > 0 ? 1 : (u < 0 ? -1 : 0) }, derivative: { _, _, _ in 0 }, rule: { _, _ in .zero }),
    // softplus(u) = ln(1 + e^u), computed as max(u, 0) + ln(1 + e^(−|u|)) so that it never
    // overflows; softplus'(u) = σ(u).
    function(
      "softplus", value: { u, _ in Swift.max(u, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(u))) },
      derivative: { u, _, _ in u >= 0 ? 1 / (1 + Foundation.exp(-u)) : Foundation.exp(u) / (1 + Foundation.exp(u)) },
      rule: { u, _ in .apply(.named("sigmoid")!, [u]) }, range: (0, .infinity)),
    // max(a, b); ∂/∂a = 1 where a > b, else 0, and ∂/∂b = 1 − ∂/∂a (a tie goes to b).
    Definition(
      name: "max", spellings: ["max"], arity: 2, form: .function(unicode: nil),
      value: { a, b in Swift.max(a, b) },
      derivativeX: { a, b, _ in a > b ? 1 : 0 }, derivativeY: { a, b, _ in a > b ? 0 : 1 },
      interval: { a, b in Interval(Swift.max(a.low, b.low), Swift.max(a.high, b.high)) },
      differential: { u, du in
        let a = T.apply(.named("step")!, [u[0] - u[1]])
        return a * du[0] + (.one - a) * du[1]
      }),
    // min(a, b); ∂/∂a = 1 where a < b, else 0, and ∂/∂b = 1 − ∂/∂a (a tie goes to b).
    Definition(
      name: "min", spellings: ["min"], arity: 2, form: .function(unicode: nil),
      value: { a, b in Swift.min(a, b) },
      derivativeX: { a, b, _ in a < b ? 1 : 0 }, derivativeY: { a, b, _ in a < b ? 0 : 1 },
      interval: { a, b in Interval(Swift.min(a.low, b.low), Swift.min(a.high, b.high)) },
      differential: { u, du in
        let a = T.apply(.named("step")!, [u[1] - u[0]])
        return a * du[0] + (.one - a) * du[1]
      }),
  ]
}
