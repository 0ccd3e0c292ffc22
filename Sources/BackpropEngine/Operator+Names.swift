/// The operators the tutor's own code builds formulas and graphs with.
extension Operator {
  /// a + b; ∂(a + b)/∂a = 1, ∂(a + b)/∂b = 1.
  public static let add = named("add")!
  /// a − b; ∂(a − b)/∂a = 1, ∂(a − b)/∂b = −1.
  public static let subtract = named("subtract")!
  /// a · b; ∂(a·b)/∂a = b, ∂(a·b)/∂b = a.
  public static let multiply = named("multiply")!
  /// a / b; ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b².
  public static let divide = named("divide")!
  /// a^b; ∂(a^b)/∂a = b·a^(b−1), ∂(a^b)/∂b = a^b·ln a.
  public static let power = named("power")!
  /// −a; ∂(−a)/∂a = −1.
  public static let negate = named("negate")!
  /// a itself, written as nothing: a quantity defined as another. Its local derivative is 1.
  public static let identity = named("identity")!
  /// σ(u) = 1 / (1 + e^(−u)); σ'(u) = σ(u)·(1 − σ(u)).
  public static let sigmoid = named("sigmoid")!
  /// tanh(u); tanh'(u) = 1 − tanh(u)².
  public static let tanh = named("tanh")!
  /// relu(u) = max(0, u); relu'(u) = 1 for u > 0, else 0.
  public static let relu = named("relu")!
  /// The natural logarithm ln u; ln'(u) = 1/u.
  public static let log = named("log")!
  /// step(u) = 1 for u > 0, else 0: relu's derivative; step'(u) = 0.
  public static let step = named("step")!
  /// sign(u) = 1, 0 or −1: the derivative of |u|; sign'(u) = 0.
  public static let sign = named("sign")!
}
