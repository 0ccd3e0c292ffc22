import BackpropEngine

/// Placing the document's values on the walk's steps, or after them.
extension StepBuilder {
  /// The walk's steps and rows: each document value on the step it is the value of,
  /// or on a step of its own placed where it belongs.
  mutating func placeDocumentValues(_ state: State) throws -> (steps: [Step], rows: [Row]) {
    typealias Entry = (step: Int, document: Example.DocumentValue?, isRepeat: Bool)
    var drafts = lines
    var documents: [Int: Example.DocumentValue] = [:]
    var before: [Int: [Entry]] = [:]
    var after: [Int: [Entry]] = [:]
    var atEnd: [Entry] = []
    knownLetAnchors = letAnchors()
    for document in example.documentValues {
      if let key = key(for: document.expression), let i = index[key] {
        if documents[i] == nil {
          documents[i] = document
        } else {
          after[i, default: []].append((i, document, true))
        }
        continue
      }
      var line = try documentLine(document, state)
      let entry = (step: drafts.count, document: Optional(document), isRepeat: false)
      switch placement(of: document.expression) {
      case .after(let anchor):
        line.section = lines[anchor].section
        after[anchor, default: []].append(entry)
      case .before(let anchor):
        line.section = lines[anchor].section
        before[anchor, default: []].append(entry)
      case .atEnd:
        atEnd.append(entry)
      }
      drafts.append(line)
    }
    var order: [Entry] = []
    for i in lines.indices {
      order += before[i] ?? []
      order.append((i, documents[i], false))
      order += after[i] ?? []
    }
    order += atEnd
    var steps: [Step] = []
    var seen = Set<Int>()
    for entry in order where seen.insert(entry.step).inserted {
      steps.append(drafts[entry.step].step(Step.ID(value: entry.step)))
    }
    let rows = order.enumerated().map { position, entry in
      Row(id: Row.ID(value: position), step: Step.ID(value: entry.step), document: entry.document, isRepeat: entry.isRepeat)
    }
    return (steps, rows)
  }

  enum Placement {
    case before(Int), after(Int), atEnd
  }

  /// Where a document value that is not a line of its own goes: ∂L/∂L first in the
  /// backward pass; after the local
  /// derivative it spells out (`a1 * (1 - a1)`), before the first line whose formula
  /// contains it (`(y - yhat)^2` before `L`), or after the last line it depends on.
  mutating func placement(of expression: DocumentExpression) -> Placement {
    // ∂L/∂L = 1 is the seed of the backward pass: it goes first there.
    if expression == .derivative(of: example.loss, withRespectTo: example.loss),
      let first = lines.firstIndex(where: { $0.section == .backward })
    {
      return .before(first)
    }
    guard let last = anchor(of: expression), lines[last].section != .setup else { return .atEnd }
    if formulaIndex == nil { formulaIndex = FormulaIndex(lines) }
    if let local = formulaIndex!.localDerivative[expression] {
      return .after(max(local, last))
    }
    if let containing = formulaIndex!.firstContaining[expression], containing > last {
      return .before(containing)
    }
    return .after(last)
  }

  /// Where formulas stand among the lines, built once: the local derivative written as
  /// each formula, and the first other line whose formula contains each subexpression.
  struct FormulaIndex {
    var localDerivative: [DocumentExpression: Int] = [:]
    var firstContaining: [DocumentExpression: Int] = [:]

    init(_ lines: [Line]) {
      for (i, line) in lines.enumerated() {
        guard let formula = line.formula else { continue }
        if line.kind == .localDerivative {
          if localDerivative[formula] == nil { localDerivative[formula] = i }
          continue
        }
        formula.visit { part in
          if part != formula, firstContaining[part] == nil { firstContaining[part] = i }
        }
      }
    }
  }

  /// The line a document value belongs on, when it is the value of one.
  func key(for expression: DocumentExpression) -> Key? {
    switch expression.leafValue {
    case .name(let name) where network.quantity(name) != nil:
      return .value(name)
    case .derivative(let of, let wrt):
      if of == example.loss, index[.adjoint(wrt)] != nil { return .adjoint(wrt) }
      // dA/dB is through every path: it is the local derivative only when A reads B
      // in no other way.
      guard let i = index[.local(of, wrt)],
        let total = try? evaluation.derivative(of: of, withRespectTo: wrt, in: evaluation.initialState),
        Swift.abs(total - lines[i].value) <= 1e-12 * Swift.max(1, Swift.abs(total))
      else { return nil }
      return .local(of, wrt)
    case .afterUpdate(.leaf(.name(let name))):
      switch network.quantity(name)?.role {
      case .leaf(.param): return .update(name)
      case .equation: return .after(name)
      default: return nil
      }
    default:
      return nil
    }
  }

  func documentLine(_ document: Example.DocumentValue, _ state: State) throws -> Line {
    do {
      let value = try evaluation.value(of: document.expression, in: state)
      guard value.isFinite else { throw EvaluationError.notFinite(value) }
      var formula: DocumentExpression?
      if case .name(let name)? = document.expression.leafValue,
        let definition = example.definitions.first(where: { $0.name == name })
      {
        formula = definition.expression
      }
      // ∂ŷ/∂w1 through h is x · w2: the derivative of ŷ written out down to the leaves.
      if case .derivative(let of, let wrt)? = document.expression.leafValue, network.quantity(of)?.role == .equation,
        let inlined = inline(of, leaf: { .leaf($0) }), inlined.names.count <= 12, inlined.names.contains(wrt)
      {
        formula = Symbolic.derivative(of: inlined, withRespectTo: wrt, in: network, budget: evaluation.budget)
      }
      // ŷ@converged is x · w1@converged · w2@converged: the forward pass in that state.
      if case .afterTraining(.leaf(.name(let name)), let training)? = document.expression.leafValue,
        network.quantity(name)?.role == .equation
      {
        let trainable = Set(example.parameters.map(\.name))
        let inlined = inline(name) { trainable.contains($0) ? .leaf(.afterTraining(.name($0), training)) : .name($0) }
        if let inlined, inlined.names.count <= 12 { formula = inlined }
      }
      let shown = formula ?? document.expression
      return Line(
        section: .experiments, kind: .documentValue, quantity: document.expression, formula: formula,
        substitutions: try values(of: shown, in: state), value: value)
    } catch let error as EvaluationError {
      throw ExampleError(
        file: example.file, location: document.location, message: "cannot compute '\(document.expressionText.excerpt())': \(error)")
    }
  }

  /// A quantity's formula with every equation it reads written out, down to the
  /// leaves, each leaf as `leaf` gives it; `nil` past a few hundred nodes.
  func inline<Leaf>(_ name: String, leaf: (String) -> Expression<Leaf>) -> Expression<Leaf>? {
    var budget = 400
    func expand(_ formula: Formula) -> Expression<Leaf>? {
      budget -= 1
      guard budget > 0 else { return nil }
      switch formula {
      case .leaf(let n):
        if let quantity = network.quantity(n), quantity.role == .equation, let inner = quantity.formula { return expand(inner) }
        return leaf(n)
      case .number(let value, let text): return .number(value, text: text)
      case .apply(let op, let operands):
        var expanded: [Expression<Leaf>] = []
        for operand in operands {
          guard let e = expand(operand) else { return nil }
          expanded.append(e)
        }
        return .apply(op, expanded)
      }
    }
    return expand(.leaf(name))
  }

  /// The last line a document value depends on, or `nil` for an experiment
  /// (a training run, a nudge) or a value of numbers alone, which go at the end.
  ///
  /// A `let` it reads counts as what that `let` depends on, worked out once per `let`
  /// in file order (``letAnchors``), so no `let` is ever followed into another.
  func anchor(of expression: DocumentExpression) -> Int? {
    let found = dependencies(of: expression)
    return found.isExperiment ? nil : found.last
  }

  /// What each `let` depends on, in file order: each reads only those above it.
  func letAnchors() -> [String: (last: Int?, isExperiment: Bool)] {
    var result: [String: (last: Int?, isExperiment: Bool)] = [:]
    for definition in example.definitions where result[definition.name] == nil {
      result[definition.name] = dependencies(of: definition.expression, lets: result)
    }
    return result
  }

  /// The last line `expression` depends on, and whether it is an experiment.
  private func dependencies(
    of expression: DocumentExpression, lets: [String: (last: Int?, isExperiment: Bool)]? = nil
  ) -> (last: Int?, isExperiment: Bool) {
    let lets = lets ?? knownLetAnchors
    var positions: [Int] = []
    var isExperiment = false
    for term in expression.leaves {
      switch term {
      case .name(let name):
        if let i = index[.value(name)] {
          positions.append(i)
        } else if let known = lets[name] {
          if let last = known.last { positions.append(last) }
          if known.isExperiment { isExperiment = true }
        }
      case .derivative(let of, let wrt):
        if let i = index[.local(of, wrt)] ?? index[.adjoint(wrt)] { positions.append(i) }
        if let i = index[.value(of)] { positions.append(i) }
        if of == example.loss, expression.names.contains(example.rate?.name ?? ""), let i = index[.update(wrt)] {
          positions.append(i)
        }
      case .afterUpdate(let inner):
        let names = inner.names.filter { network.quantity($0) != nil }
        let found = names.compactMap { index[.after($0)] ?? index[.update($0)] }
        positions.append(contentsOf: found)
        if found.isEmpty { isExperiment = true }
      case .afterTraining, .substituting:
        isExperiment = true
      }
    }
    return (positions.max(), isExperiment)
  }

  /// The value of every leaf of `expression` (names, derivatives, states), in `state`.
  func values(of expression: DocumentExpression, in state: State) throws -> [DocumentExpression: Double] {
    var result: [DocumentExpression: Double] = [:]
    for term in expression.leaves {
      result[.leaf(term)] = try evaluation.value(of: term, in: state)
    }
    return result
  }
}
