import BackpropEngine

/// The derivations the handouts teach, in the tutor's own words, each with numeric
/// checks at a sample point: the engine's derivative, the formula, and a central
/// finite difference must agree.
public struct Topic: Sendable {
  /// The name `explain` takes: `chain-rule`, `sigmoid`.
  public var name: String
  /// The heading: "The chain rule".
  public var title: String
  /// Paragraphs, in Unicode mathematics.
  public var text: [String]
  /// The example the checks compute with.
  var example: String
  var specs: [CheckSpec]

  /// One numeric check: two ways to the same number.
  public struct Check: Sendable {
    /// What is compared, in words: "dz/dx = dz/dy · dy/dx".
    public var description: String
    /// One side's value at the sample point.
    public var left: Double
    /// The other side's value at the sample point.
    public var right: Double
    /// Agreement to 1e-6 relative: a central difference is accurate to about h².
    public var holds: Bool { Swift.abs(left - right) <= 1e-6 * Swift.max(1, Swift.abs(left), Swift.abs(right)) }
  }

  struct CheckSpec: Sendable {
    var description: String
    var left: String
    var right: String
  }

  /// Computes the checks with the engine.
  public func checks() throws -> [Check] {
    let parsed = try ExampleParser.parse(example, file: "explain-\(name).txt")
    let evaluation = try ValidatedExample(parsed).evaluation
    let scope = Set(parsed.leaves.map(\.name)).union(parsed.equations.map(\.name))
    func value(_ text: String) throws -> Double {
      let tokens = try Lexer.tokens(in: Substring(text), lineNumber: 1)
      let formula = try ExpressionParser.parse(
        tokens, scope: .init(quantities: scope, leaves: Set(parsed.leaves.map(\.name)), allowsStates: true),
        end: SourceLocation(line: 1, column: text.count + 1))
      return try evaluation.value(of: formula, in: evaluation.initialState)
    }
    return try specs.map { Check(description: $0.description, left: try value($0.left), right: try value($0.right)) }
  }
}

extension Topic {
  /// The topic that explains a line of a walk, if one does: the sigmoid's rule for
  /// ∂a/∂z with a = σ(z), the loss's for ∂L/∂ŷ (``lossTopic(of:)``), the chain rule for a product, the
  /// shared bias for a sum of paths, the update for p'.
  public static func name(for line: Walkthrough.Line, in example: Example) -> String? {
    switch line.kind {
    case .localDerivative:
      guard case .derivative(let of, _)? = line.quantity.leafValue else { return nil }
      if of == example.loss, example.leaves.contains(where: { $0.kind == .target }) { return lossTopic(of: example) }
      guard case .apply(let op, _)? = example.equations.first(where: { $0.name == of })?.formula else { return nil }
      return op.definition.topic
    case .chainRule:
      // A sum over the quantities that read a parameter: a shared bias or weight.
      if case .apply(.add, _)? = line.formula, case .derivative(_, let wrt)? = line.quantity.leafValue,
        example.leaves.contains(where: { $0.name == wrt && ($0.kind == .param || $0.kind == .const) })
      {
        return "shared-bias"
      }
      return "chain-rule"
    case .update:
      return "update"
    default:
      return nil
    }
  }

  /// Every topic, in the order a course meets them.
  public static let all: [Topic] = [
    derivative, partial, chainRule, loss, sigmoid, tanh, relu, binaryCrossEntropy, softmaxCrossEntropy, update, sharedBias,
  ]

  /// The topic `explain name` shows, if there is one.
  public static func named(_ name: String) -> Topic? {
    all.first { $0.name == name }
  }

  static let h = "0.000001"

  static let derivative = Topic(
    name: "derivative", title: "The derivative as a slope",
    text: [
      "The derivative f'(x) is the slope of the tangent to f at x: how fast f changes as x changes.",
      "Numerically it is the limit of (f(x + Δx) − f(x − Δx)) / 2Δx as Δx shrinks: the central difference.",
      "For f(x) = x³ − 3x² + 2x + 1, the power rule gives f'(x) = 3x² − 6x + 2, so f'(2) = 2.",
      "So a small change Δx changes f by about f'(x)·Δx: at x = 2, Δx = 0.1 predicts 0.2; the actual change is 0.231. The smaller Δx, the closer the two.",
    ],
    example: "input x = 2\nf = x^3 - 3*x^2 + 2*x + 1\nloss f",
    specs: [
      CheckSpec(description: "f'(2) by the engine = 3x² − 6x + 2", left: "df/dx", right: "3*x^2 - 6*x + 2"),
      CheckSpec(description: "f'(2) = central difference", left: "df/dx", right: "(f[x = x + \(h)] - f[x = x - \(h)]) / (2*\(h))"),
      CheckSpec(description: "f(2.1) − f(2) = 0.231", left: "f[x = 2.1] - f", right: "0.231"),
    ])

  static let partial = Topic(
    name: "partial", title: "Partial derivatives and the gradient",
    text: [
      "A function of several variables has a partial derivative for each: the slope in that variable's direction, the others held still.",
      "For f(x, y) = x² + y²: ∂f/∂x = 2x and ∂f/∂y = 2y. At (3, 4) they are 6 and 8.",
      "The gradient ∇f = (∂f/∂x, ∂f/∂y) collects them; it points uphill, the way f increases fastest.",
      "A small step (Δx, Δy) changes f by about ∂f/∂x·Δx + ∂f/∂y·Δy: for (0.1, 0.2), 6·0.1 + 8·0.2 = 2.2, against the actual 2.25.",
    ],
    example: "input x = 3\ninput y = 4\nf = x^2 + y^2\nloss f",
    specs: [
      CheckSpec(description: "∂f/∂x = 2x", left: "df/dx", right: "2*x"),
      CheckSpec(description: "∂f/∂y = central difference in y", left: "df/dy", right: "(f[y = y + \(h)] - f[y = y - \(h)]) / (2*\(h))"),
      CheckSpec(description: "predicted change 6·0.1 + 8·0.2 = 2.2", left: "df/dx * 0.1 + df/dy * 0.2", right: "2.2"),
    ])

  static let chainRule = Topic(
    name: "chain-rule", title: "The chain rule",
    text: [
      "If z depends on y and y on x, a change in x moves y, and that moves z: dz/dx = dz/dy · dy/dx.",
      "For y = 2x + 3 and z = y²: dy/dx = 2, dz/dy = 2y, so dz/dx = 2y · 2 = 4y = 8x + 12.",
      "Backpropagation is this rule applied from the loss back to every weight: each quantity's ∂L/∂quantity is the sum, over the quantities that read it, of ∂L/∂reader · ∂reader/∂quantity.",
    ],
    example: "input x = 1\ny = 2*x + 3\nz = y^2\nloss z",
    specs: [
      CheckSpec(description: "dz/dx = dz/dy · dy/dx", left: "dz/dx", right: "dz/dy * dy/dx"),
      CheckSpec(description: "dz/dx = 8x + 12", left: "dz/dx", right: "8*x + 12"),
      CheckSpec(description: "dz/dx = central difference", left: "dz/dx", right: "(z[x = x + \(h)] - z[x = x - \(h)]) / (2*\(h))"),
    ])

  static let sigmoid = Topic(
    name: "sigmoid", title: "The derivative of the sigmoid",
    text: [
      "σ(z) = 1 / (1 + e^(−z)) = (1 + e^(−z))^(−1).",
      "By the chain rule: σ'(z) = −(1 + e^(−z))^(−2) · (−e^(−z)) = e^(−z) / (1 + e^(−z))².",
      "Split it: 1/(1 + e^(−z)) · e^(−z)/(1 + e^(−z)) = σ(z) · (1 − σ(z)), since e^(−z)/(1 + e^(−z)) = 1 − 1/(1 + e^(−z)).",
      "So a neuron's local derivative is written with its own output a: ∂a/∂z = a·(1 − a). It is at most ¼, at z = 0.",
    ],
    example: "input z = 0.5\na = sigmoid(z)\nloss a",
    specs: [
      CheckSpec(description: "σ'(0.5) = σ(0.5)·(1 − σ(0.5))", left: "da/dz", right: "a * (1 - a)"),
      CheckSpec(description: "σ'(0.5) = e^(−z)/(1 + e^(−z))²", left: "da/dz", right: "exp(-z) / (1 + exp(-z))^2"),
      CheckSpec(description: "σ'(0.5) = central difference", left: "da/dz", right: "(a[z = z + \(h)] - a[z = z - \(h)]) / (2*\(h))"),
      CheckSpec(description: "σ'(0) = 1/4", left: "(da/dz)[z = 0]", right: "0.25"),
    ])

  static let tanh = Topic(
    name: "tanh", title: "The derivative of tanh",
    text: [
      "tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)), with values in (−1, 1).",
      "By the quotient rule its derivative is 1 − tanh(z)²: like the sigmoid, written with the neuron's own output a: ∂a/∂z = 1 − a².",
      "tanh(z) = 2σ(2z) − 1, so it is a stretched sigmoid, centred on 0.",
    ],
    example: "input z = 0.5\na = tanh(z)\nloss a",
    specs: [
      CheckSpec(description: "tanh'(0.5) = 1 − tanh(0.5)²", left: "da/dz", right: "1 - a^2"),
      CheckSpec(description: "tanh'(0.5) = central difference", left: "da/dz", right: "(a[z = z + \(h)] - a[z = z - \(h)]) / (2*\(h))"),
      CheckSpec(description: "tanh(z) = 2σ(2z) − 1", left: "a", right: "2 * sigmoid(2*z) - 1"),
    ])

  static let relu = Topic(
    name: "relu", title: "The derivative of ReLU",
    text: [
      "relu(z) = max(0, z). Its derivative is 1 where z > 0 and 0 where z < 0: a neuron passes the gradient through or blocks it.",
      "At z = 0 it has a kink and no derivative; by convention the tutor, like most libraries, uses 0 there.",
    ],
    example: "input z = 1.5\na = relu(z)\nloss a",
    specs: [
      CheckSpec(description: "relu'(1.5) = 1", left: "da/dz", right: "1"),
      CheckSpec(description: "relu'(−0.5) = 0", left: "(da/dz)[z = -0.5]", right: "0"),
      CheckSpec(description: "relu'(1.5) = central difference", left: "da/dz", right: "(a[z = z + \(h)] - a[z = z - \(h)]) / (2*\(h))"),
    ])

  static let update = Topic(
    name: "update", title: "Why the update subtracts the gradient",
    text: [
      "The gradient ∂L/∂w points the way the loss increases. To lower the loss, step the other way: w ← w − α·∂L/∂w.",
      "A positive gradient makes the weight smaller; a negative one makes it larger. α, the learning rate, sets the step's size.",
      "For L = (w − 3)² at w = 1: ∂L/∂w = −4, so with α = 0.1 the update gives w' = 1.4 and the loss falls from 4 to 2.56. Adding the gradient instead would give 0.6 and a loss of 5.76.",
      "Too large an α overshoots the minimum and can make the loss grow.",
    ],
    example: "param w = 1\nrate alpha = 0.1\nL = (w - 3)^2\nloss L",
    specs: [
      CheckSpec(description: "w' = w − α·∂L/∂w = 1.4", left: "w'", right: "1.4"),
      CheckSpec(description: "the loss after the update, 2.56", left: "L'", right: "2.56"),
      CheckSpec(description: "adding the gradient instead: loss 5.76", left: "L[w = w + alpha * dL/dw]", right: "5.76"),
    ])

  static let sharedBias = Topic(
    name: "shared-bias", title: "Why a shared bias sums its paths",
    text: [
      "When one bias b feeds two neurons, z1 = w1·x + b and z2 = w2·x + b, a change in b moves both.",
      "The chain rule adds the two effects: ∂L/∂b = ∂L/∂z1 · ∂z1/∂b + ∂L/∂z2 · ∂z2/∂b = ∂L/∂z1 + ∂L/∂z2.",
      "In general a quantity read by several others collects one term per reader. Backpropagation sums them before passing the gradient further back.",
    ],
    example: "input x = 1\nparam w1 = 0.5\nparam w2 = -0.3\nparam b = 0.2\nz1 = w1*x + b\nz2 = w2*x + b\nL = z1^2 + 3*z2^2\nloss L",
    specs: [
      CheckSpec(description: "∂L/∂b = ∂L/∂z1 + ∂L/∂z2", left: "dL/db", right: "dL/dz1 * dz1/db + dL/dz2 * dz2/db"),
      CheckSpec(description: "∂L/∂b = 2·z1 + 6·z2", left: "dL/db", right: "2*z1 + 6*z2"),
      CheckSpec(description: "∂L/∂b = central difference", left: "dL/db", right: "(L[b = b + \(h)] - L[b = b - \(h)]) / (2*\(h))"),
    ])
}
