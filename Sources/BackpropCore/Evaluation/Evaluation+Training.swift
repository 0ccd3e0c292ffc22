import BackpropEngine

extension Evaluation {
  /// Runs gradient descent from `state` for `steps` steps.
  ///
  /// - Parameters:
  ///   - rate: a learning rate instead of the file's.
  ///   - every: record every `every`-th step (the start and the last are always recorded).
  ///   - stopWhenSettled: stop early once no parameter changes any more.
  ///   - stopWhenDiverging: stop once the loss has grown for
  ///     ``TrainingRun/risingStepsForDivergence`` steps in a row, before it overflows.
  ///   - progress: called now and then with the step reached, for a progress display.
  /// - Throws: ``EvaluationError/noRate`` without a rate; ``EvaluationError/tooLong(steps:budget:)``
  ///   when the steps times the tape's length are more than the file's training budget has left.
  public func train(
    from state: State, steps: Int, rate: Double? = nil, every: Int = 1, stopWhenSettled: Bool = false,
    stopWhenDiverging: Bool = false, progress: ((Int) -> Void)? = nil
  ) throws -> TrainingRun {
    guard let rate = rate ?? network.rate.map({ state[$0] }) else { throw EvaluationError.noRate }
    let tape = Swift.max(1, network.graph.count)
    let affordable = budget.trainingNodeStepsLeft / tape
    guard steps <= affordable else { throw EvaluationError.tooLong(steps: steps, budget: affordable) }
    let trainable = network.leaves.filter { $0.role == .leaf(.param) }
    let lossNode = network.loss.node
    var graph = network.graph
    for leaf in network.leaves {
      if let id = leaf.leaf { graph.set(leaf.node, to: state[id]) }
    }
    var parameters = trainable.map { graph.values[$0.node] }
    func record(_ step: Int) -> TrainingRun.Record {
      TrainingRun.Record(step: step, loss: graph.values[lossNode], parameters: parameters)
    }
    graph.forward()
    var run = TrainingRun(
      parameterNames: trainable.map(\.name), parameterLeaves: trainable.compactMap(\.leaf), rate: rate, records: [record(0)],
      finalStep: 0)
    let every = max(1, every)
    var rising = 0
    defer { try? budget.chargeTraining(run.finalStep * tape) }
    for step in stride(from: 1, through: steps, by: 1) {
      let before = graph.values[lossNode]
      graph.backward(from: lossNode)
      var changed = false
      for (k, leaf) in trainable.enumerated() {
        let node = leaf.node
        let next = parameters[k] - rate * graph.adjoints[node]
        // Settled: no parameter moves by more than its last few bits.
        if Swift.abs(next - parameters[k]) > 1e-15 * Swift.max(1, Swift.abs(parameters[k])) { changed = true }
        parameters[k] = next
        graph.set(node, to: next)
      }
      graph.forward()
      run.finalStep = step
      let finite = parameters.allSatisfy(\.isFinite) && graph.values[lossNode].isFinite
      if !finite { run.divergedAt = step }
      if !changed, run.settledAt == nil { run.settledAt = step }
      rising = graph.values[lossNode] > before ? rising + 1 : 0
      if rising >= TrainingRun.risingStepsForDivergence, run.divergingAt == nil { run.divergingAt = step }
      let stop = !finite || (stopWhenSettled && !changed) || (stopWhenDiverging && run.divergingAt != nil)
      if step % every == 0 || step == steps || stop { run.records.append(record(step)) }
      if step % 4096 == 0 { progress?(step) }
      if stop { break }
    }
    return run
  }
}
