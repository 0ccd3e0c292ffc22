extension Operator {
  /// Everything about one operator, in one place: one entry of ``Operator/table``.
  public struct Definition: Sendable {
    /// The operator's name in the table and in messages.
    public let name: String
    /// How a formula writes it: the function's names (`sigmoid`, `sigma`), or the
    /// operator's symbols, the ASCII one first (`*`, `×`, `·`).
    public let spellings: [String]
    /// How many operands it takes: 1 or 2.
    public let arity: Int
    /// How it is printed.
    public let form: Form
    /// The value from the operands' values (the second is 0 for a unary operator).
    ///
    /// A plain function pointer, like the two local derivatives: the tape calls them once
    /// per node and pass, so they must cost no more than a call.
    public let value: @convention(c) (_ x: Double, _ y: Double) -> Double
    /// ∂value/∂x at the operands `x`, `y`, given the node's `value`.
    public let derivativeX: @convention(c) (_ x: Double, _ y: Double, _ value: Double) -> Double
    /// ∂value/∂y at the operands `x`, `y`, given the node's `value` (0 for a unary operator).
    public let derivativeY: @convention(c) (_ x: Double, _ y: Double, _ value: Double) -> Double
    /// The interval extension: a range containing the value for every x in the first
    /// range and y in the second.
    public let interval: @Sendable (_ x: Interval, _ y: Interval) -> Interval
    /// The symbolic derivative as the chain rule writes it, from the operands `u` and
    /// their derivatives `du` (an operand whose derivative is zero gets `0` exactly, so
    /// a rule can drop its term).
    public let differential: @Sendable (_ u: [Template], _ du: [Template]) -> Template
    /// The values a function can take, for a target no output can reach: σ's (0, 1).
    public let range: (low: Double, high: Double)?
    /// Why the value is not a finite number at `x`, `y`, in words ("divides by zero"),
    /// with `format` writing a number; `nil` when the operands explain nothing.
    public let domainProblem: @Sendable (_ x: Double, _ y: Double, _ format: (Double) -> String) -> String?
    /// The `explain` topic that derives the operator's local derivative, if any.
    public let topic: String?

    /// An entry of the table; each parameter is the property of the same name.
    public init(
      name: String, spellings: [String], arity: Int, form: Form,
      value: @convention(c) (_ x: Double, _ y: Double) -> Double,
      derivativeX: @convention(c) (_ x: Double, _ y: Double, _ value: Double) -> Double,
      derivativeY: @convention(c) (_ x: Double, _ y: Double, _ value: Double) -> Double = { _, _, _ in 0 },
      interval: @escaping @Sendable (_ x: Interval, _ y: Interval) -> Interval,
      differential: @escaping @Sendable (_ u: [Template], _ du: [Template]) -> Template,
      range: (low: Double, high: Double)? = nil,
      domainProblem: @escaping @Sendable (_ x: Double, _ y: Double, _ format: (Double) -> String) -> String? = { _, _, _ in nil },
      topic: String? = nil
    ) {
      self.name = name
      self.spellings = spellings
      self.arity = arity
      self.form = form
      self.value = value
      self.derivativeX = derivativeX
      self.derivativeY = derivativeY
      self.interval = interval
      self.differential = differential
      self.range = range
      self.domainProblem = domainProblem
      self.topic = topic
    }
  }

  /// How an operator is written.
  public enum Form: Sendable, Equatable {
    /// Between its operands, `a + b`: the Unicode and ASCII symbols with the spaces
    /// around them, how tightly it binds (higher binds tighter), whether `a − (b − c)`
    /// needs its brackets (not associative), and whether it is written without spaces
    /// between two numbers (`1/2`).
    case infix(unicode: String, ascii: String, precedence: Int, associative: Bool, compactBetweenNumbers: Bool)
    /// Before its operand: `−a`.
    case prefix(unicode: String, ascii: String)
    /// `a^b`, with a small whole exponent as superscript digits in Unicode (`a²`).
    case power
    /// A function call, `max(a, b)`; `unicode` where a lecture writes it otherwise (`σ`).
    case function(unicode: String?)
    /// Not written at all: the operand stands for itself (a quantity defined as another).
    case transparent
  }

  /// A slot of a symbolic rule: the n-th operand, or the derivative of the n-th operand.
  public enum Slot: Hashable, Sendable {
    /// The n-th operand, u[n].
    case operand(Int)
    /// The derivative of the n-th operand, du[n].
    case derivative(Int)
  }

  /// A symbolic derivative rule: an expression over operands and their derivatives.
  public typealias Template = Expression<Slot>
}

extension Operator.Definition {
  /// ∂value/∂x and ∂value/∂y at the operands `x`, `y`, given the node's `value`.
  @inline(__always)
  public func localDerivatives(_ x: Double, _ y: Double, _ value: Double) -> (Double, Double) {
    (derivativeX(x, y, value), derivativeY(x, y, value))
  }
}
