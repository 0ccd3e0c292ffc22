/// Placing the document's values on the walk's lines, or after them.
extension WalkthroughBuilder {
  mutating func placeDocumentValues(_ state: Evaluation.State) throws -> [Line] {
    var before: [Int: [Line]] = [:]
    var after: [Int: [Line]] = [:]
    var atEnd: [Line] = []
    for document in example.documentValues {
      if let key = key(for: document.expression), let i = index[key] {
        if lines[i].document == nil {
          lines[i].document = document
        } else {
          var repeated = lines[i]
          repeated.document = document
          repeated.repeatsLine = true
          after[i, default: []].append(repeated)
        }
        continue
      }
      var line = try documentLine(document, state)
      switch placement(of: document.expression) {
      case .after(let anchor):
        line.section = lines[anchor].section
        after[anchor, default: []].append(line)
      case .before(let anchor):
        line.section = lines[anchor].section
        before[anchor, default: []].append(line)
      case .atEnd:
        atEnd.append(line)
      }
    }
    var result: [Line] = []
    for (i, line) in lines.enumerated() {
      result.append(contentsOf: before[i] ?? [])
      result.append(line)
      result.append(contentsOf: after[i] ?? [])
    }
    return result + atEnd
  }

  enum Placement {
    case before(Int), after(Int), atEnd
  }

  /// Where a document value that is not a line of its own goes: after the local
  /// derivative it spells out (`a1 * (1 - a1)`), before the first line whose formula
  /// contains it (`(y - yhat)^2` before `L`), or after the last line it depends on.
  mutating func placement(of expression: Formula) -> Placement {
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
    var localDerivative: [Formula: Int] = [:]
    var firstContaining: [Formula: Int] = [:]

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
  func key(for expression: Formula) -> Key? {
    switch expression {
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
    case .afterUpdate(.name(let name)):
      switch network.quantity(name)?.role {
      case .leaf(.param): return .update(name)
      case .equation: return .after(name)
      default: return nil
      }
    default:
      return nil
    }
  }

  func documentLine(_ document: Example.DocumentValue, _ state: Evaluation.State) throws -> Line {
    do {
      let value = try evaluation.value(of: document.expression, in: state)
      guard value.isFinite else { throw EvaluationError.notFinite(value) }
      var formula: Formula?
      if case .name(let name) = document.expression,
        let definition = example.definitions.first(where: { $0.name == name })
      {
        formula = definition.expression
      }
      // ∂ŷ/∂w1 through h is x · w2: the derivative of ŷ written out down to the leaves.
      if case .derivative(let of, let wrt) = document.expression, network.quantity(of)?.role == .equation,
        let inlined = inline(of, leaf: { .name($0) }), inlined.names.count <= 12, inlined.names.contains(wrt)
      {
        formula = Symbolic.derivative(of: inlined, withRespectTo: wrt, in: network)
      }
      // ŷ@converged is x · w1@converged · w2@converged: the forward pass in that state.
      if case .afterTraining(.name(let name), let training) = document.expression, network.quantity(name)?.role == .equation {
        let trainable = Set(example.parameters.map(\.name))
        let inlined = inline(name) { trainable.contains($0) ? .afterTraining(.name($0), training) : .name($0) }
        if let inlined, inlined.names.count <= 12 { formula = inlined }
      }
      let shown = formula ?? document.expression
      return Line(
        section: .experiments, kind: .documentValue, quantity: document.expression, formula: formula,
        substitutions: try values(of: shown, in: state), value: value, document: document)
    } catch let error as EvaluationError {
      throw ExampleError(file: example.file, location: document.location, message: "cannot compute '\(document.expressionText)': \(error)")
    }
  }

  /// A quantity's formula with every equation it reads written out, down to the
  /// leaves, each leaf as `leaf` gives it; `nil` past a few hundred nodes.
  func inline(_ name: String, leaf: (String) -> Formula) -> Formula? {
    var budget = 400
    func expand(_ formula: Formula) -> Formula? {
      budget -= 1
      guard budget > 0 else { return nil }
      switch formula {
      case .name(let n):
        if let quantity = network.quantity(n), quantity.role == .equation { return expand(quantity.formula!) }
        return leaf(n)
      case .number: return formula
      case .negate(let inner): return expand(inner).map { .negate($0) }
      case .binary(let op, let l, let r):
        guard let a = expand(l), let b = expand(r) else { return nil }
        return .binary(op, a, b)
      case .call(let f, let u): return expand(u).map { .call(f, $0) }
      default: return formula
      }
    }
    return expand(.name(name))
  }

  /// The last line a document value depends on, or `nil` for an experiment
  /// (a training run, a nudge) or a value of numbers alone, which go at the end.
  func anchor(of expression: Formula) -> Int? {
    var positions: [Int] = []
    var isExperiment = false
    var visitedLets: Set<String> = []  // each let once: lets reading lets twice would cost 2^n
    func visit(_ e: Formula) {
      switch e {
      case .name(let name):
        if let i = index[.value(name)] {
          positions.append(i)
        } else if let definition = example.definitions.first(where: { $0.name == name }), visitedLets.insert(name).inserted {
          visit(definition.expression)
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
      case .negate(let inner), .call(_, let inner):
        visit(inner)
      case .binary(_, let l, let r):
        visit(l)
        visit(r)
      case .number:
        break
      }
    }
    visit(expression)
    return isExperiment ? nil : positions.max()
  }

  /// The value of every leaf of `expression` (names, derivatives, states), in `state`.
  func values(of expression: Formula, in state: Evaluation.State) throws -> [Formula: Double] {
    var result: [Formula: Double] = [:]
    var stack = [expression]
    while let e = stack.popLast() {
      switch e {
      case .number: break
      case .negate(let inner), .call(_, let inner): stack.append(inner)
      case .binary(_, let l, let r): stack.append(contentsOf: [l, r])
      case .name, .derivative, .afterUpdate, .afterTraining, .substituting:
        result[e] = try evaluation.value(of: e, in: state)
      }
    }
    return result
  }
}
