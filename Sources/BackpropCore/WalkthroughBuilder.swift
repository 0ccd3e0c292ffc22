/// Builds the lines of a ``Walkthrough``: first the lines every walk has, then the
/// document values placed on them or after them.
struct WalkthroughBuilder {
  typealias Line = Walkthrough.Line

  /// What a line of the walk is, to place document values on it.
  enum Key: Hashable {
    case value(String)
    case local(String, String)
    case adjoint(String)
    case update(String)
    case after(String)
  }

  let evaluation: Evaluation
  var network: Network { evaluation.network }
  var example: Example { network.example }
  var lines: [Line] = []
  var index: [Key: Int] = [:]

  init(evaluation: Evaluation) {
    self.evaluation = evaluation
  }

  mutating func build() throws -> [Line] {
    let start = evaluation.initialState
    try checkDefinitions(start)
    try addGivensAndForward(start)
    try addBackward(start)
    if example.rate != nil, !example.parameters.isEmpty {
      try addUpdate(start)
    }
    try checkFinite()
    return try placeDocumentValues(start)
  }

  /// Every `let` computes, or the error names its own line (not a line that uses it).
  private func checkDefinitions(_ state: Evaluation.State) throws {
    for definition in example.definitions {
      do {
        let value = try evaluation.value(of: .name(definition.name), in: state)
        guard value.isFinite else { throw EvaluationError.notFinite(value) }
      } catch let error as EvaluationError {
        throw ExampleError(file: example.file, location: definition.location, message: "cannot compute '\(definition.name)': \(error)")
      }
    }
  }

  /// A value of the walk that is not a finite number is an error at the line that
  /// defines what went wrong: a derivative infinite at a kink, an update too large.
  private func checkFinite() throws {
    for line in lines where !line.value.isFinite {
      let value = Readable.format(line.value)
      let text = Notation.ascii.render(line.quantity)
      switch line.quantity {
      case .derivative(let of, let wrt):
        let at = network.quantity(line.kind == .chainRule ? wrt : of)!.location
        let state = line.substitutions.map { "\(Notation.ascii.render($0.key)) = \(Readable.format($0.value))" }.sorted()
        let detail = state.isEmpty ? "" : " at " + state.joined(separator: ", ")
        throw ExampleError(file: example.file, location: at, message: "the derivative \(text) is not a finite number (\(value))\(detail)")
      case .afterUpdate(.name(let name)):
        let quantity = network.quantity(name)!
        let next = try evaluation.updated(evaluation.initialState)
        let reason =
          quantity.role == .equation ? Diagnosis.nonFinite(try evaluation.pass(next).graph, in: quantity.range) : nil
        throw ExampleError(
          file: example.file, location: quantity.location,
          message: "after the update, \(name) \(reason ?? "is not a finite number (\(value))"): the learning rate may be too large")
      default:
        let at = line.quantity.names.first.flatMap { network.quantity($0)?.location } ?? example.lossLocation
        throw ExampleError(file: example.file, location: at, message: "\(text) is not a finite number (\(value))")
      }
    }
  }

  private mutating func append(_ line: Line, key: Key?) {
    if let key { index[key] = lines.count }
    lines.append(line)
  }

  // MARK: The lines every walk has

  private mutating func addGivensAndForward(_ state: Evaluation.State) throws {
    for leaf in example.leaves {
      var line = Line(section: .setup, kind: .given, quantity: .name(leaf.name), substitutions: [:], value: leaf.value)
      line.writtenAs = PrintedNumber(leaf.text) != nil ? leaf.text : nil
      append(line, key: .value(leaf.name))
    }
    // Quantities that read a target (directly or not) make up the loss.
    // The forward pass comes first, the loss after it: a quantity the loss does not
    // need still belongs to the forward pass, whatever its place in the file.
    var readsTarget = Set(example.leaves.filter { $0.kind == .target }.map(\.name))
    var lossLines: [(Line, Key)] = []
    for quantity in network.quantities where quantity.role == .equation {
      let isLoss = readsTarget.isEmpty ? quantity.name == example.loss : quantity.inputs.contains(where: readsTarget.contains)
      if isLoss { readsTarget.insert(quantity.name) }
      let formula = quantity.formula!
      let line = Line(
        section: isLoss ? .loss : .forward, kind: .value, quantity: .name(quantity.name), formula: formula,
        substitutions: try values(of: formula, in: state), value: try evaluation.value(of: quantity.name, in: state))
      if isLoss {
        lossLines.append((line, .value(quantity.name)))
      } else {
        append(line, key: .value(quantity.name))
      }
    }
    for (line, key) in lossLines { append(line, key: key) }
  }

  private mutating func addBackward(_ state: Evaluation.State) throws {
    let loss = example.loss
    let graph = try evaluation.pass(state).graph
    let upstream = ancestors(of: loss)
    let inScope = upstream.union([loss])
    let hasParameters = !example.parameters.isEmpty
    for name in backwardOrder(upstream: upstream) where name != loss {
      let quantity = network.quantity(name)!
      switch quantity.role {
      case .leaf(.rate): continue
      case .leaf(.input), .leaf(.target): if hasParameters { continue }
      default: break
      }
      let consumers = network.consumers(of: name).filter { inScope.contains($0.name) }
      var terms: [Formula] = []
      var substitutions: [Formula: Double] = [:]
      for consumer in consumers {
        let local = try evaluation.localDerivatives(of: consumer.name, in: state)[name] ?? 0
        let formula = Symbolic.derivative(of: consumer.formula!, withRespectTo: name, in: network)
        let key = Key.local(consumer.name, name)
        append(
          Line(
            section: .backward, kind: .localDerivative, quantity: .derivative(of: consumer.name, withRespectTo: name),
            formula: formula, substitutions: try values(of: formula, in: state), value: local),
          key: key)
        if consumer.name == loss {
          terms.append(.derivative(of: loss, withRespectTo: name))
        } else {
          terms.append(.derivative(of: loss, withRespectTo: consumer.name) * .derivative(of: consumer.name, withRespectTo: name))
          substitutions[.derivative(of: loss, withRespectTo: consumer.name)] = graph.adjoints[consumer.node]
        }
        substitutions[.derivative(of: consumer.name, withRespectTo: name)] = local
      }
      if consumers.count == 1, consumers[0].name == loss {
        index[.adjoint(name)] = lines.count - 1
        continue
      }
      let formula = terms.dropFirst().reduce(terms[0]) { $0 + $1 }
      append(
        Line(
          section: .backward, kind: .chainRule, quantity: .derivative(of: loss, withRespectTo: name), formula: formula,
          substitutions: substitutions, value: graph.adjoints[quantity.node]),
        key: .adjoint(name))
    }
  }

  private mutating func addUpdate(_ state: Evaluation.State) throws {
    let rate = example.rate!.name
    let graph = try evaluation.pass(state).graph
    let next = try evaluation.updated(state)
    // In the order the backward pass derived their gradients, as a lecture updates them.
    let derived = lines.compactMap { line -> String? in
      if line.kind == .chainRule || line.kind == .localDerivative, case .derivative(example.loss, let name) = line.quantity { return name }
      return nil
    }
    let parameters = example.parameters.sorted {
      (derived.firstIndex(of: $0.name) ?? Int.max, $0.location.line) < (derived.firstIndex(of: $1.name) ?? Int.max, $1.location.line)
    }
    for parameter in parameters {
      let gradient = Formula.derivative(of: example.loss, withRespectTo: parameter.name)
      let formula = Formula.name(parameter.name) - .name(rate) * gradient
      append(
        Line(
          section: .update, kind: .update, quantity: .afterUpdate(.name(parameter.name)), formula: formula,
          substitutions: [
            .name(parameter.name): parameter.value, .name(rate): example.rate!.value,
            gradient: graph.adjoints[network.quantity(parameter.name)!.node],
          ],
          value: try evaluation.value(of: parameter.name, in: next), previousValue: parameter.value),
        key: .update(parameter.name))
    }
    let changed = Set(example.parameters.map(\.name)).union(example.equations.map(\.name))
    for quantity in network.quantities where quantity.role == .equation {
      let formula = primed(quantity.formula!, changed)
      var before: [Formula: Double] = [:]
      for case .afterUpdate(.name(let name)) in try values(of: formula, in: state).keys {
        before[.afterUpdate(.name(name))] = try evaluation.value(of: name, in: state)
      }
      append(
        Line(
          section: .afterUpdate, kind: .value, quantity: .afterUpdate(.name(quantity.name)), formula: formula,
          substitutions: try values(of: formula, in: state), value: try evaluation.value(of: quantity.name, in: next),
          previousValue: try evaluation.value(of: quantity.name, in: state), previousSubstitutions: before),
        key: .after(quantity.name))
    }
  }

  /// The formula with the names that the update changes written with a prime.
  private func primed(_ formula: Formula, _ changed: Set<String>) -> Formula {
    switch formula {
    case .name(let name): changed.contains(name) ? .afterUpdate(formula) : formula
    case .negate(let inner): .negate(primed(inner, changed))
    case .binary(let op, let l, let r): .binary(op, primed(l, changed), primed(r, changed))
    case .call(let f, let u): .call(f, primed(u, changed))
    default: formula
    }
  }

  /// The quantities the loss reads, directly or not.
  private func ancestors(of name: String) -> Set<String> {
    var seen = Set<String>()
    var stack = [name]
    while let next = stack.popLast() {
      for input in network.quantity(next)!.inputs where seen.insert(input).inserted {
        stack.append(input)
      }
    }
    return seen
  }

  /// From the loss back, depth first: a quantity comes once every quantity reading it
  /// has come; among those ready together, parameters and constants first, then the
  /// rest in the order the formula reads them. This is the order of a lecture: ŷ,
  /// w2, h, w1 for ŷ = h·w2, h = x·w1.
  private func backwardOrder(upstream: Set<String>) -> [String] {
    let inScope = upstream.union([example.loss])
    var waiting: [String: Int] = [:]
    for name in upstream {
      waiting[name] = network.consumers(of: name).filter { inScope.contains($0.name) }.count
    }
    var order: [String] = []
    var stack = [example.loss]
    while let name = stack.popLast() {
      order.append(name)
      var ready: [String] = []
      for input in network.quantity(name)!.inputs where upstream.contains(input) {
        waiting[input]! -= 1
        if waiting[input] == 0 { ready.append(input) }
      }
      let leavesFirst = ready.filter { network.quantity($0)!.role != .equation } + ready.filter { network.quantity($0)!.role == .equation }
      stack.append(contentsOf: leavesFirst.reversed())
    }
    return order
  }

  // MARK: Document values

  private mutating func placeDocumentValues(_ state: Evaluation.State) throws -> [Line] {
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
  private mutating func placement(of expression: Formula) -> Placement {
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

  private var formulaIndex: FormulaIndex?

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
  private func key(for expression: Formula) -> Key? {
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

  private func documentLine(_ document: Example.DocumentValue, _ state: Evaluation.State) throws -> Line {
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
  private func inline(_ name: String, leaf: (String) -> Formula) -> Formula? {
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
  private func anchor(of expression: Formula) -> Int? {
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
  private func values(of expression: Formula, in state: Evaluation.State) throws -> [Formula: Double] {
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
