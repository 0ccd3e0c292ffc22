import BackpropEngine

extension MistakeContext {
  /// Mistakes of gradient descent: the update added, another rate, the updated weight
  /// in the backward pass, a value after N ± 1 steps.
  func updateMistakes() -> [MistakeCandidate] {
    addedOrOtherRate() + updatedWeightUsed() + offByOneStep()
  }

  /// w + η·g for w − η·g, or w − η̃·g with another common rate η̃.
  private func addedOrOtherRate() -> [MistakeCandidate] {
    guard step.kind == .update, let formula, case .apply(let op, let operands) = formula, op == .subtract,
      operands.count == 2, let rate = network.rate.map({ network.quantity($0).name })
    else { return [] }
    var result = [
      MistakeCandidate(
        kind: .updateAdded, value: evaluate(.apply(.add, operands)),
        text: "\(shown) adds the step; gradient descent subtracts it, w − η·∂L/∂w = \(show(correct))")
    ]
    let eta = value(of: .name(rate))
    for other in [2 * eta, eta / 2, 10 * eta, eta / 10, 0.5, 0.1, 0.05, 0.01, 0.001] where other != eta && other != 1 {
      result.append(
        MistakeCandidate(
          kind: .wrongLearningRate, value: evaluate(formula) { $0 == .name(rate) ? other : nil },
          text: "\(shown) uses the rate \(show(other)); the example's \(rate) is \(show(eta)), which gives \(show(correct))"))
    }
    return result
  }

  /// The backward pass worked with the updated parameters w′ where w belongs.
  private func updatedWeightUsed() -> [MistakeCandidate] {
    guard isDerivative, let formula, formula != step.quantity, network.rate != nil,
      let after = try? evaluation.updated(evaluation.initialState)
    else { return [] }
    var updated: [String: Double] = [:]
    for parameter in network.parameters { updated[network.quantity(parameter).name] = after[parameter] }
    let locals = Dictionary(
      validated.steps.filter { $0.kind == .localDerivative }.compactMap { step in step.formula.map { (step.quantity, $0) } },
      uniquingKeysWith: { first, _ in first })
    var used: [String] = []
    func override(_ term: DocumentTerm) -> Double? {
      if case .name(let name) = term, let value = updated[name] {
        used.append(name)
        return value
      }
      if case .derivative = term, let local = locals[.leaf(term)], local.names.contains(where: { updated[$0] != nil }) {
        return evaluate(local, override: override)
      }
      return nil
    }
    let value = evaluate(formula, override: override)
    guard let first = used.first else { return [] }
    return [
      MistakeCandidate(
        kind: .updatedWeightUsed, value: value,
        text:
          "\(shown) uses the updated \(first)′ = \(show(updated[first]!)); the backward pass uses the weights of the forward pass, \(first) = \(show(self.value(of: .name(first)))), which gives \(show(correct))"
      )
    ]
  }

  /// `E@N` printed as the value after N − 1 or N + 1 steps.
  private func offByOneStep() -> [MistakeCandidate] {
    var asked: Int?
    for term in step.quantity.leaves {
      if case .afterTraining(_, .steps(let n)) = term { asked = n }
    }
    guard let n = asked else { return [] }
    return [n - 1, n + 1].filter { $0 >= 1 }.compactMap { other in
      let expression = step.quantity.replacingLeaves { term in
        guard case .afterTraining(let inner, .steps(n)) = term else { return nil }
        return .leaf(.afterTraining(inner, .steps(other)))
      }
      guard let value = try? evaluation.value(of: expression, in: evaluation.initialState) else { return nil }
      return MistakeCandidate(
        kind: .offByOneStep, value: value,
        text: "\(shown) is the value after \(other) steps; after \(n) it is \(show(step.value))")
    }
  }
}
