import BackpropEngine

/// The losses' topics, and which of them a loss's formula is.
extension Topic {
  /// The topic that derives the loss's own derivative, recognised from the shape of its
  /// formula: a logarithm of a sigmoid's output (`log(p)` or `log(1 − p)`, p = σ(z)) is
  /// binary cross-entropy; a logarithm of an exponential divided by a sum (a softmax) is
  /// cross-entropy over a softmax; a loss with no logarithm is the squared error's topic.
  ///
  /// The loss's formula is read with the quantities it names, up to three levels down
  /// (a mean of per-sample losses of predictions), so `L = −(y·log(p) + ...)` with
  /// `p = sigmoid(z)` and `L = l` with `l = −log(p2)` and `p2 = exp(z2)/s` are both found.
  /// A logarithm of anything else names no topic: the squared error's would mislead.
  public static func lossTopic(of example: Example) -> String? {
    var definitions: [String: Formula] = [:]
    for equation in example.equations where definitions[equation.name] == nil {
      definitions[equation.name] = equation.formula
    }
    var logArguments: [Formula] = []
    var seen: Set<String> = [example.loss]
    var level = [definitions[example.loss]].compactMap { $0 }
    for _ in 0..<3 {
      var next: [Formula] = []
      for formula in level {
        formula.visit { part in
          if case .apply(let op, let operands) = part, op.name == "log", let argument = operands.first {
            logArguments.append(argument)
          }
          if case .leaf(let name) = part, seen.insert(name).inserted, let definition = definitions[name] {
            next.append(definition)
          }
        }
      }
      level = next
    }
    if logArguments.isEmpty { return "loss" }
    if logArguments.contains(where: { produces("sigmoid", $0, definitions) }) { return "binary-cross-entropy" }
    if logArguments.contains(where: { producesSoftmax($0, definitions) }) { return "softmax-cross-entropy" }
    return nil
  }

  /// Whether `formula` is, or names, or is 1 minus, an application of `function`.
  private static func produces(_ function: String, _ formula: Formula, _ definitions: [String: Formula]) -> Bool {
    switch formula {
    case .apply(let op, let operands) where op.name == "subtract" && operands.count == 2:
      return produces(function, operands[1], definitions)
    case .apply(let op, _):
      return op.name == function
    case .leaf(let name):
      if case .apply(let op, _)? = definitions[name] { return op.name == function }
      return false
    case .number:
      return false
    }
  }

  /// Whether `formula` is, or names, an exponential divided by something: a softmax's output.
  private static func producesSoftmax(_ formula: Formula, _ definitions: [String: Formula]) -> Bool {
    var formula = formula
    if case .leaf(let name) = formula, let definition = definitions[name] { formula = definition }
    guard case .apply(let op, let operands) = formula, op.name == "divide", operands.count == 2 else { return false }
    if case .apply(let numerator, _) = operands[0] { return numerator.name == "exp" }
    if case .leaf(let name) = operands[0], case .apply(let numerator, _)? = definitions[name] { return numerator.name == "exp" }
    return false
  }

  static let loss = Topic(
    name: "loss", title: "The derivative of the loss ½(y − ŷ)²",
    text: [
      "L = ½(y − ŷ)². By the chain rule, with u = y − ŷ: dL/du = u and du/dŷ = −1.",
      "So ∂L/∂ŷ = (y − ŷ)·(−1) = ŷ − y: the ½ is there to cancel the 2 of the square.",
      "Its sign says which way to move the prediction: at ŷ = 2 and y = 20 it is −18: raise ŷ to lower the loss.",
    ],
    example: "input yhat = 2\ntarget y = 20\nL = 1/2 * (y - yhat)^2\nloss L",
    specs: [
      CheckSpec(description: "∂L/∂ŷ = ŷ − y", left: "dL/dyhat", right: "yhat - y"),
      CheckSpec(
        description: "∂L/∂ŷ = central difference", left: "dL/dyhat", right: "(L[yhat = yhat + \(h)] - L[yhat = yhat - \(h)]) / (2*\(h))"),
    ])

  static let binaryCrossEntropy = Topic(
    name: "binary-cross-entropy", title: "Binary cross-entropy through a sigmoid: ∂L/∂z = p − y",
    text: [
      "For a target y of 0 or 1 and a prediction p = σ(z), the binary cross-entropy is L = −(y ln p + (1 − y) ln(1 − p)).",
      "Its derivative in p: ∂L/∂p = −y/p + (1 − y)/(1 − p) = (p − y) / (p(1 − p)).",
      "The sigmoid's derivative is ∂p/∂z = p(1 − p), so by the chain rule ∂L/∂z = (p − y)/(p(1 − p)) · p(1 − p) = p − y.",
      "The sigmoid's derivative cancels: the gradient is the error p − y itself. With ½(y − p)² instead, ∂L/∂z = (p − y)·p(1 − p), which all but vanishes when p is near 0 or 1, even when p is wrong.",
    ],
    example: "input z = 0.4\ntarget y = 1\np = sigmoid(z)\nL = -(y*log(p) + (1 - y)*log(1 - p))\nloss L",
    specs: [
      CheckSpec(description: "∂L/∂z by the engine = p − y", left: "dL/dz", right: "p - y"),
      CheckSpec(description: "∂L/∂p = (p − y)/(p(1 − p))", left: "dL/dp", right: "(p - y) / (p * (1 - p))"),
      CheckSpec(description: "∂L/∂z = central difference", left: "dL/dz", right: "(L[z = z + \(h)] - L[z = z - \(h)]) / (2*\(h))"),
      CheckSpec(description: "for y = 0: ∂L/∂z = p", left: "(dL/dz)[y = 0]", right: "p"),
    ])

  static let softmaxCrossEntropy = Topic(
    name: "softmax-cross-entropy", title: "Softmax with cross-entropy: ∂L/∂z_i = p_i − y_i",
    text: [
      "A softmax turns scores z_1, ..., z_n into probabilities p_i = e^(z_i) / s, with s = e^(z_1) + ... + e^(z_n). The cross-entropy with a one-hot target y is L = −(y_1 ln p_1 + ... + y_n ln p_n).",
      "Each p_i depends on every score: ∂p_i/∂z_i = p_i(1 − p_i), and ∂p_i/∂z_k = −p_i·p_k for k ≠ i.",
      "So ∂L/∂z_k = −y_k(1 − p_k) + (the sum of y_i·p_k over i ≠ k) = p_k·(y_1 + ... + y_n) − y_k = p_k − y_k, since the y_i sum to 1.",
      "The gradients ∂L/∂z_k sum to 0: adding the same amount to every score changes no probability.",
    ],
    example: """
      input z1 = 1
      input z2 = 2
      input z3 = 0.5
      target y1 = 0
      target y2 = 1
      target y3 = 0
      s = exp(z1) + exp(z2) + exp(z3)
      p1 = exp(z1) / s
      p2 = exp(z2) / s
      p3 = exp(z3) / s
      L = -(y1*log(p1) + y2*log(p2) + y3*log(p3))
      loss L
      """,
    specs: [
      CheckSpec(description: "∂L/∂z1 by the engine = p1 − y1", left: "dL/dz1", right: "p1 - y1"),
      CheckSpec(description: "∂L/∂z2 by the engine = p2 − y2", left: "dL/dz2", right: "p2 - y2"),
      CheckSpec(description: "∂L/∂z2 = central difference", left: "dL/dz2", right: "(L[z2 = z2 + \(h)] - L[z2 = z2 - \(h)]) / (2*\(h))"),
      CheckSpec(description: "∂p1/∂z1 = p1(1 − p1)", left: "dp1/dz1", right: "p1 * (1 - p1)"),
      CheckSpec(description: "the gradients sum to 0", left: "dL/dz1 + dL/dz2 + dL/dz3", right: "0"),
    ])
}
