import BackpropEngine

/// Builds the steps of a walk once: first the steps every walk has, then the
/// document values placed on them or after them as rows.
///
/// Building checks that every value is a finite number: the validation gate runs it,
/// so an example that passes the gate has a walk.
struct StepBuilder {
  typealias Line = StepDraft

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
  /// Derivatives too long to write out within the budget: shown as numbers only.
  var numbersOnly = 0
  /// What each `let` depends on, worked out once before the document values are placed.
  var knownLetAnchors: [String: (last: Int?, isExperiment: Bool)] = [:]

  init(evaluation: Evaluation) {
    self.evaluation = evaluation
  }

  mutating func build() throws -> (steps: [Step], rows: [Row]) {
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
  private func checkDefinitions(_ state: State) throws {
    for definition in example.definitions {
      do {
        let value = try evaluation.value(of: DocumentTerm.name(definition.name), in: state)
        guard value.isFinite else { throw EvaluationError.notFinite(value) }
      } catch let error as EvaluationError {
        throw ExampleError(
          file: example.file, location: definition.location, message: "cannot compute '\(definition.name.excerpt())': \(error)")
      }
    }
  }

  /// A value of the walk that is not a finite number is an error at the line that
  /// defines what went wrong: a derivative infinite at a kink, an update too large.
  private func checkFinite() throws {
    for line in lines where !line.value.isFinite {
      let value = Readable.format(line.value)
      let text = Notation.ascii.render(line.quantity)
      switch line.quantity.leafValue {
      case .derivative(let of, let wrt):
        let at = try network.require(line.kind == .chainRule ? wrt : of).location
        let state = line.substitutions.map { "\(Notation.ascii.render($0.key)) = \(Readable.format($0.value))" }.sorted()
        let detail = state.isEmpty ? "" : " at " + state.joined(separator: ", ")
        throw ExampleError(file: example.file, location: at, message: "the derivative \(text) is not a finite number (\(value))\(detail)")
      case .afterUpdate(.leaf(.name(let name))):
        let quantity = try network.require(name)
        let next = try evaluation.updated(evaluation.initialState)
        let reason =
          quantity.role == .equation ? Diagnosis.nonFinite(try evaluation.uncheckedGraph(in: next), in: quantity.range) : nil
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

  /// Whether a given is shown as the file wrote it (`.35`, `0.10`): a plain number of at
  /// most 15 significant digits and 24 characters. Longer ones are shown as readable numbers,
  /// since digits past a double's precision only look like information.
  static func shownAsWritten(_ text: String) -> Bool {
    guard let printed = PrintedNumber(text) else { return false }
    return text.count <= 24 && printed.significantDigits <= PrintedNumber.reliableDigits
  }

  // MARK: The lines every walk has

  private mutating func addGivensAndForward(_ state: State) throws {
    for leaf in example.leaves {
      let line = Line(
        section: .setup, kind: .given, quantity: .name(leaf.name), substitutions: [:], value: leaf.value,
        writtenAs: Self.shownAsWritten(leaf.text) ? leaf.text : nil)
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
      guard let formula = quantity.formula?.asDocumentExpression else { continue }
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

  private mutating func addBackward(_ state: State) throws {
    let loss = example.loss
    let graph = try evaluation.graph(in: state)
    let upstream = ancestors(of: loss)
    let inScope = upstream.union([loss])
    let hasParameters = !example.parameters.isEmpty
    // An input or target's gradient belongs to the backward pass when there is nothing
    // else to differentiate, or when the document asks for it (∂f/∂x0 of a neuron).
    let asked = Set(example.documentValues.flatMap(\.expression.leaves) + example.blanks.flatMap(\.expression.leaves))
    for name in backwardOrder(upstream: upstream) where name != loss {
      let quantity = try network.require(name)
      switch quantity.role {
      case .leaf(.rate): continue
      case .leaf(.input), .leaf(.target):
        if hasParameters, !asked.contains(.derivative(of: loss, withRespectTo: name)) { continue }
      default: break
      }
      let consumers = network.consumers(of: name).filter { inScope.contains($0.name) }
      var terms: [DocumentExpression] = []
      var substitutions: [DocumentExpression: Double] = [:]
      for consumer in consumers {
        let local = try evaluation.localDerivatives(of: consumer.name, in: state)[name] ?? 0
        guard let consumerFormula = consumer.formula else { continue }
        let formula = Symbolic.derivative(of: consumerFormula, withRespectTo: name, in: network, budget: evaluation.budget)
        if formula == nil { numbersOnly += 1 }
        let key = Key.local(consumer.name, name)
        append(
          Line(
            section: .backward, kind: .localDerivative, quantity: .derivative(of: consumer.name, withRespectTo: name),
            formula: formula, substitutions: try formula.map { try values(of: $0, in: state) } ?? [:], value: local),
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

  private mutating func addUpdate(_ state: State) throws {
    guard let rateLeaf = example.rate else { return }
    let rate = rateLeaf.name
    let graph = try evaluation.graph(in: state)
    let next = try evaluation.updated(state)
    try checkFinite()
    // In the order the backward pass derived their gradients, as a lecture updates them.
    let derived = lines.compactMap { line -> String? in
      if line.kind == .chainRule || line.kind == .localDerivative, case .derivative(example.loss, let name)? = line.quantity.leafValue {
        return name
      }
      return nil
    }
    let parameters = example.parameters.sorted {
      (derived.firstIndex(of: $0.name) ?? Int.max, $0.location.line) < (derived.firstIndex(of: $1.name) ?? Int.max, $1.location.line)
    }
    try checkUpdate(next, parameters: parameters)
    for parameter in parameters {
      let gradient = DocumentExpression.derivative(of: example.loss, withRespectTo: parameter.name)
      let formula = DocumentExpression.name(parameter.name) - .name(rate) * gradient
      append(
        Line(
          section: .update, kind: .update, quantity: .afterUpdate(.name(parameter.name)), formula: formula,
          substitutions: [
            .name(parameter.name): parameter.value, .name(rate): rateLeaf.value,
            gradient: graph.adjoints[try network.require(parameter.name).node],
          ],
          value: try evaluation.value(of: parameter.name, in: next), previousValue: parameter.value),
        key: .update(parameter.name))
    }
    let changed = Set(example.parameters.map(\.name)).union(example.equations.map(\.name))
    for quantity in network.quantities where quantity.role == .equation {
      guard let equation = quantity.formula else { continue }
      let formula = primed(equation, changed)
      var before: [DocumentExpression: Double] = [:]
      for case .leaf(.afterUpdate(.leaf(.name(let name)))) in try values(of: formula, in: state).keys {
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

  /// Every parameter and quantity after the update is a finite number, or the error
  /// names the first that is not, in walk order, at its own line.
  private func checkUpdate(_ next: State, parameters: [Example.Leaf]) throws {
    let graph = try evaluation.uncheckedGraph(in: next)
    for parameter in parameters {
      let value = graph.values[try network.require(parameter.name).node]
      guard !value.isFinite else { continue }
      throw ExampleError(
        file: example.file, location: parameter.location,
        message:
          "after the update, \(parameter.name) is not a finite number (\(Readable.format(value))): the learning rate may be too large")
    }
    for quantity in network.quantities where quantity.role == .equation {
      guard let reason = Diagnosis.nonFinite(graph, in: quantity.range) else { continue }
      throw ExampleError(
        file: example.file, location: quantity.location,
        message: "after the update, \(quantity.name) \(reason): the learning rate may be too large")
    }
  }

  /// The formula with the names that the update changes written with a prime.
  private func primed(_ formula: Formula, _ changed: Set<String>) -> DocumentExpression {
    formula.mapLeaves { name in changed.contains(name) ? .afterUpdate(.name(name)) : .name(name) }
  }

  /// The quantities the loss reads, directly or not.
  private func ancestors(of name: String) -> Set<String> {
    var seen = Set<String>()
    var stack = [name]
    while let next = stack.popLast() {
      for input in network.quantity(next)?.inputs ?? [] where seen.insert(input).inserted {
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
      for input in network.quantity(name)?.inputs ?? [] where upstream.contains(input) {
        waiting[input, default: 0] -= 1
        if waiting[input] == 0 { ready.append(input) }
      }
      let isEquation = { (name: String) in network.quantity(name)?.role == .equation }
      let leavesFirst = ready.filter { !isEquation($0) } + ready.filter(isEquation)
      stack.append(contentsOf: leavesFirst.reversed())
    }
    return order
  }

  /// Built on first use by `placement(of:)`.
  var formulaIndex: FormulaIndex?
}
