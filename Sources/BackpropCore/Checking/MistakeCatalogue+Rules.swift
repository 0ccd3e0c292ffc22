import BackpropEngine

extension MistakeContext {
  /// Mistakes of a rule: the wrong activation derivative, the derivative at z, ReLU′
  /// as the input, the squared error's ½ or 2, a subtraction the wrong way round.
  func ruleMistakes() -> [MistakeCandidate] {
    activationMistakes() + squaredErrorMistakes() + subtractionMistakes()
  }

  /// ∂a/∂z for a = σ(z), tanh(z) or relu(z), worked with another rule.
  private func activationMistakes() -> [MistakeCandidate] {
    guard step.kind == .localDerivative, case .derivative(let of, _)? = step.quantity.leafValue,
      case .apply(let op, let operands)? = network.quantity(of)?.formula, operands.count == 1
    else { return [] }
    let a = value(of: .name(of))
    let z = evaluate(operands[0].asDocumentExpression)
    let right = correct
    switch op.name {
    case "sigmoid":
      return [
        MistakeCandidate(
          kind: .wrongActivationDerivative, value: 1 - a * a,
          text: "\(shown) is 1 − \(of)², tanh's derivative; this neuron is a sigmoid, so ∂\(of)/∂z = \(of)(1 − \(of)) = \(show(right))"),
        MistakeCandidate(
          kind: .derivativeAtInput, value: z * (1 - z),
          text:
            "\(shown) is z(1 − z) with z = \(show(z)); the sigmoid's derivative is taken at its output, \(of)(1 − \(of)) = \(show(right))"),
      ]
    case "tanh":
      return [
        MistakeCandidate(
          kind: .wrongActivationDerivative, value: a * (1 - a),
          text: "\(shown) is \(of)(1 − \(of)), the sigmoid's derivative; this neuron is tanh, so ∂\(of)/∂z = 1 − \(of)² = \(show(right))"),
        MistakeCandidate(
          kind: .derivativeAtInput, value: 1 - z * z,
          text: "\(shown) is 1 − z² with z = \(show(z)); tanh's derivative is taken at its output, 1 − \(of)² = \(show(right))"),
      ]
    case "relu":
      return [
        MistakeCandidate(
          kind: .reluDerivativeAsInput, value: z,
          text: "\(shown) is the input z itself; ReLU′ is 1 where z > 0 and 0 elsewhere, so ∂\(of)/∂z = \(show(right))")
      ]
    default:
      return []
    }
  }

  /// ∂E/∂y for E = ½(t − y)² worked without the ½ (2(y − t)) or without the power
  /// rule's 2 (½(y − t)).
  private func squaredErrorMistakes() -> [MistakeCandidate] {
    guard step.kind == .localDerivative || step.kind == .documentValue, isDerivative,
      case .derivative(let of, _)? = step.quantity.leafValue, let formula = network.quantity(of)?.formula,
      formula.containsSquare
    else { return [] }
    let right = correct
    return [
      MistakeCandidate(
        kind: .squaredErrorConstant, value: 2 * right,
        text: "\(shown) is twice the derivative: the ½ of the squared error cancels the power rule's 2, so it is \(show(right))"),
      MistakeCandidate(
        kind: .squaredErrorConstant, value: right / 2,
        text: "\(shown) is half the derivative: the power rule's 2 was left out; the 2 cancels the ½, so it is \(show(right))"),
    ]
  }

  /// a − b worked as b − a: target − output where output − target belongs.
  private func subtractionMistakes() -> [MistakeCandidate] {
    guard let formula, formula != step.quantity else { return [] }
    var result: [MistakeCandidate] = []
    formula.visit { node in
      guard case .apply(let op, let operands) = node, op == .subtract, operands.count == 2 else { return }
      let swapped = formula.replacing { $0 == node ? .apply(.subtract, [operands[1], operands[0]]) : nil }
      let value = evaluate(swapped)
      let names = (operands[0].leaves + operands[1].leaves).compactMap { term -> String? in
        if case .name(let name) = term { name } else { nil }
      }
      if names.contains(where: { role($0) == .leaf(.target) }) {
        result.append(
          MistakeCandidate(
            kind: .targetMinusOutput, value: value,
            text:
              "\(shown) has the subtraction the wrong way round: here it is \(name(operands[0])) − \(name(operands[1])), which gives \(show(correct))"
          ))
      } else {
        result.append(
          MistakeCandidate(
            kind: .swappedOperands, value: value,
            text:
              "\(shown) is \(name(operands[1])) − \(name(operands[0])); the formula subtracts the other way, \(name(operands[0])) − \(name(operands[1])) = \(show(correct))"
          ))
      }
    }
    return result
  }
}

extension Formula {
  /// Whether the formula squares something: `(t − y)^2`.
  var containsSquare: Bool {
    var found = false
    visit { node in
      if case .apply(let op, let operands) = node, op == .power, operands.count == 2, operands[1].constantValue == 2 {
        found = true
      }
    }
    return found
  }
}
