import BackpropEngine

extension MistakeContext {
  /// Mistakes in the shape of a formula: a factor or a bias left out, one path of a
  /// sum of paths, two weights swapped.
  func productMistakes() -> [MistakeCandidate] {
    guard let formula, formula != step.quantity else { return [] }
    return factorsLeftOut(formula) + biasesLeftOut(formula) + onePath(formula) + swaps(formula)
  }

  /// Each factor of each product left out in turn.
  private func factorsLeftOut(_ formula: DocumentExpression) -> [MistakeCandidate] {
    var result: [MistakeCandidate] = []
    formula.visit { node in
      guard case .apply(let op, let operands) = node, op == .multiply, operands.count == 2 else { return }
      for (kept, dropped) in [(operands[0], operands[1]), (operands[1], operands[0])] {
        let value = evaluate(formula.replacing { $0 == node ? kept : nil })
        result.append(MistakeCandidate(kind: kind(ofLeftOut: dropped), value: value, text: leftOutText(dropped)))
      }
    }
    return result
  }

  private func kind(ofLeftOut factor: DocumentExpression) -> Mistake.Kind {
    if let constant = factor.constantValue, constant == 0.5 || constant == 2 { return .squaredErrorConstant }
    switch factor.leafValue {
    case .name(let name)? where role(name) == .leaf(.rate): return .learningRateLeftOut
    case .derivative(let of, _)? where isActivation(of): return .activationDerivativeLeftOut
    default: return .factorLeftOut
    }
  }

  private func leftOutText(_ factor: DocumentExpression) -> String {
    let right = show(correct)
    switch kind(ofLeftOut: factor) {
    case .squaredErrorConstant:
      let constant = factor.constantValue == 0.5 ? "½" : "factor 2"
      let of = isDerivative ? "the squared error's derivative" : "the squared error"
      return "\(shown) leaves out the \(constant) of \(of); with it the value is \(right)"
    case .learningRateLeftOut:
      return "\(shown) subtracts the whole gradient; the update is w − \(name(factor))·∂L/∂w = \(right)"
    case .activationDerivativeLeftOut:
      return "\(shown) leaves out the activation's derivative \(name(factor)); the chain rule multiplies by it: \(right)"
    default:
      return "\(shown) leaves out the factor \(name(factor)); the product with it is \(right)"
    }
  }

  /// Whether a quantity is an activation applied to one value: σ(z), tanh(z), relu(z).
  func isActivation(_ name: String) -> Bool {
    guard case .apply(let op, let operands)? = network.quantity(name)?.formula, operands.count == 1 else { return false }
    return ["sigmoid", "tanh", "relu"].contains(op.name)
  }

  /// A sum `… + b` whose bare-name term is a parameter or constant: the bias left out.
  private func biasesLeftOut(_ formula: DocumentExpression) -> [MistakeCandidate] {
    guard step.kind == .value else { return [] }
    var result: [MistakeCandidate] = []
    formula.visit { node in
      guard case .apply(let op, let operands) = node, op == .add, operands.count == 2 else { return }
      for (kept, bias) in [(operands[0], operands[1]), (operands[1], operands[0])] {
        guard case .name(let name)? = bias.leafValue, role(name) == .leaf(.param) || role(name) == .leaf(.const),
          kept.hasOperator
        else { continue }
        result.append(
          MistakeCandidate(
            kind: .biasLeftOut, value: evaluate(formula.replacing { $0 == node ? kept : nil }),
            text: "\(shown) leaves out the bias \(name); with it the sum is \(show(correct))"))
      }
    }
    return result
  }

  /// A chain-rule sum over several consumers with only one of its paths.
  private func onePath(_ formula: DocumentExpression) -> [MistakeCandidate] {
    guard step.kind == .chainRule || step.kind == .documentValue else { return [] }
    let terms = formula.sumTerms
    guard terms.count > 1 else { return [] }
    return terms.map { term in
      MistakeCandidate(
        kind: .onePathOnly, value: evaluate(term),
        text:
          "\(shown) follows one path only; the quantity reaches the loss along \(terms.count), and the chain rule sums them: \(show(correct))"
      )
    }
  }

  /// Two weights swapped (w5 for w6) in a forward value, or another weight of the same
  /// consumer read as a local derivative.
  private func swaps(_ formula: DocumentExpression) -> [MistakeCandidate] {
    let parameters = formula.names.filter { role($0) == .leaf(.param) }
    var result: [MistakeCandidate] = []
    if step.kind == .value {
      for (i, first) in parameters.enumerated() {
        for second in parameters[(i + 1)...] {
          let swap: (DocumentTerm) -> Double? = { term in
            if term == .name(first) { return value(of: .name(second)) }
            if term == .name(second) { return value(of: .name(first)) }
            return nil
          }
          result.append(
            MistakeCandidate(
              kind: .swappedOperands, value: evaluate(formula, override: swap),
              text: "\(shown) swaps \(first) and \(second); with each weight in its place the value is \(show(correct))"))
        }
      }
    }
    if step.kind == .localDerivative, case .name(let own)? = formula.leafValue, role(own) == .leaf(.param),
      case .derivative(let of, _)? = step.quantity.leafValue, let consumer = network.quantity(of)
    {
      for other in consumer.inputs where other != own && role(other) == .leaf(.param) {
        result.append(
          MistakeCandidate(
            kind: .swappedOperands, value: value(of: .name(other)),
            text: "\(shown) is \(other); the weight on this input is \(own) = \(show(correct))"))
      }
    }
    return result
  }
}

extension DocumentExpression {
  /// The terms of a sum, however it nests: `a + b + c` gives a, b, c.
  var sumTerms: [DocumentExpression] {
    guard case .apply(let op, let operands) = self, op == .add else { return [self] }
    return operands.flatMap(\.sumTerms)
  }
}
