import BackpropEngine

extension Evaluation {
  /// Changes the leaf `name` by `delta` from the example's own values.
  ///
  /// - Throws: ``EvaluationError/notALeaf(_:)`` for a computed quantity; an
  ///   ``ExampleError`` at the leaf's line when the change makes a quantity infinite or
  ///   not a number (`nudge … 1e308`).
  public func nudge(_ name: String, by delta: Double) throws -> Nudge {
    do {
      return try nudged(name, by: delta)
    } catch EvaluationError.notFiniteBecause(let reason) {
      let quantity = try network.require(name)
      throw ExampleError(
        file: network.example.file, location: quantity.location,
        message: "with \(name.excerpt()) changed by \(Readable.format(delta)), a value is not a finite number: \(reason)")
    }
  }

  private func nudged(_ name: String, by delta: Double) throws -> Nudge {
    let leaf = try network.leaf(name)
    let start = initialState
    let loss = network.example.loss
    func moved(_ by: Double) -> State {
      var state = start
      state[leaf] += by
      return state
    }
    // The quantities downstream of the leaf, in forward order.
    var downstream: Set<String> = [name]
    for quantity in network.quantities where quantity.inputs.contains(where: downstream.contains) {
      downstream.insert(quantity.name)
    }
    let after = moved(delta)
    var changes: [Nudge.Change] = []
    for quantity in network.quantities where downstream.contains(quantity.name) {
      changes.append(
        Nudge.Change(
          quantity: quantity.name, before: try value(of: quantity.name, in: start), after: try value(of: quantity.name, in: after)))
    }
    if !downstream.contains(loss) {
      changes.append(Nudge.Change(quantity: loss, before: try value(of: loss, in: start), after: try value(of: loss, in: after)))
    }
    let gradient = try derivative(of: loss, withRespectTo: name, in: start)
    let before = try value(of: loss, in: start)
    var trials: [Nudge.Trial] = []
    var size = delta
    for _ in 0..<4 {
      let actual = try value(of: loss, in: moved(size)) - before
      guard actual.isFinite else { throw EvaluationError.notFiniteBecause("the change of \(loss) overflows") }
      trials.append(Nudge.Trial(delta: size, actual: actual, predicted: gradient * size))
      size /= 10
    }
    return Nudge(name: name, delta: delta, gradient: gradient, changes: changes, trials: trials)
  }
}
