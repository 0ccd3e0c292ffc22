import Foundation

/// The one-argument functions a formula may call, each with its local-derivative rule.
///
/// Every rule is given twice, next to each other: numerically (``derivative(at:value:)``)
/// and symbolically (``derivativeRule(of:)``), so the tutor can both compute and print it.
public enum Function: String, Hashable, Sendable, CaseIterable {
  /// σ(u) = 1 / (1 + e^(−u)); σ'(u) = σ(u)·(1 − σ(u)).
  case sigmoid
  /// tanh(u); tanh'(u) = 1 − tanh(u)².
  case tanh
  /// relu(u) = max(0, u); relu'(u) = 1 for u > 0, else 0 (0 at the kink, by convention).
  case relu
  /// exp(u) = e^u; exp'(u) = e^u.
  case exp
  /// log(u), the natural logarithm; log'(u) = 1/u.
  case log
  /// sqrt(u) = √u; sqrt'(u) = 1 / (2√u).
  case sqrt
  /// abs(u) = |u|; abs'(u) = sign(u) (0 at the kink).
  case abs
  /// step(u) = 1 for u > 0, else 0: the derivative of relu; step'(u) = 0.
  case step
  /// sign(u) = 1, 0 or −1: the derivative of abs; sign'(u) = 0.
  case sign

  /// The function's value at `u`.
  public func value(at u: Double) -> Double {
    switch self {
    case .sigmoid: Self.sigmoid(u)
    case .tanh: Foundation.tanh(u)
    case .relu: u > 0 ? u : 0
    case .exp: Foundation.exp(u)
    case .log: Foundation.log(u)
    case .sqrt: Foundation.sqrt(u)
    case .abs: Swift.abs(u)
    case .step: u > 0 ? 1 : 0
    case .sign: u > 0 ? 1 : (u < 0 ? -1 : 0)
    }
  }

  /// The local derivative at `u`, given the function's `value` there.
  public func derivative(at u: Double, value: Double) -> Double {
    switch self {
    case .sigmoid: value * (1 - value)
    case .tanh: 1 - value * value
    case .relu: u > 0 ? 1 : 0
    case .exp: value
    case .log: 1 / u
    case .sqrt: 1 / (2 * value)
    case .abs: u > 0 ? 1 : (u < 0 ? -1 : 0)
    case .step, .sign: 0
    }
  }

  /// The local derivative as a formula in `u`, the way a lecture writes it.
  public func derivativeRule(of u: Formula) -> Formula {
    let f = Formula.call(self, u)
    switch self {
    case .sigmoid: return f * (.one - f)
    case .tanh: return .one - (f ^ .two)
    case .relu: return .call(.step, u)
    case .exp: return f
    case .log: return .one / u
    case .sqrt: return .one / (.two * f)
    case .abs: return .call(.sign, u)
    case .step, .sign: return .number(0, text: "0")
    }
  }

  /// The numerically stable logistic function.
  static func sigmoid(_ u: Double) -> Double {
    if u >= 0 { return 1 / (1 + Foundation.exp(-u)) }
    let e = Foundation.exp(u)
    return e / (1 + e)
  }

  /// The function's name in a formula, by the other spellings it accepts too.
  static func named(_ name: String) -> Function? {
    switch name {
    case "sigmoid", "σ": .sigmoid
    case "ln": .log
    default: Function(rawValue: name)
    }
  }
}

extension Formula {
  static let one = Formula.number(1, text: "1")
  static let two = Formula.number(2, text: "2")

  static func + (lhs: Formula, rhs: Formula) -> Formula { .binary(.add, lhs, rhs) }
  static func - (lhs: Formula, rhs: Formula) -> Formula { .binary(.subtract, lhs, rhs) }
  static func * (lhs: Formula, rhs: Formula) -> Formula { .binary(.multiply, lhs, rhs) }
  static func / (lhs: Formula, rhs: Formula) -> Formula { .binary(.divide, lhs, rhs) }
  static func ^ (lhs: Formula, rhs: Formula) -> Formula { .binary(.power, lhs, rhs) }
}
