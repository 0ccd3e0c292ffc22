import BackpropEngine

extension Evaluation {
  /// Changes the leaf `name` by `delta` from the example's own values.
  ///
  /// - Throws: ``EvaluationError/notALeaf(_:)`` for a computed quantity.
  public func nudge(_ name: String, by delta: Double) throws -> Nudge {
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
      trials.append(Nudge.Trial(delta: size, actual: actual, predicted: gradient * size))
      size /= 10
    }
    return Nudge(name: name, delta: delta, gradient: gradient, changes: changes, trials: trials)
  }
}
