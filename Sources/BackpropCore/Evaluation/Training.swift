/// Gradient descent run for many steps: the loss and the parameters after each.
///
/// Each step is the walk's update, p' = p − rate · ∂L/∂p for every trainable
/// parameter, then the forward pass again. The run reuses one graph, so a long run
/// costs a forward and a backward pass per step and keeps only the steps recorded.
public struct TrainingRun: Sendable {
  /// The loss and the parameters at one step of the run.
  public struct Record: Sendable, Equatable {
    /// The number of updates made: 0 at the start.
    public var step: Int
    /// The loss L with the parameters after `step` updates.
    public var loss: Double
    /// The parameters after `step` updates, in the order of ``TrainingRun/parameterNames``.
    public var parameters: [Double]
  }

  /// The trainable parameters, in file order.
  public var parameterNames: [String]
  /// The parameters' leaves, in the order of ``parameterNames``.
  public var parameterLeaves: [LeafID]
  /// The learning rate α of every update.
  public var rate: Double
  /// Step 0 (the start) and every `every`-th step, and the last.
  public var records: [Record]
  /// The last step run: fewer than asked when the parameters stopped changing or diverged.
  public var finalStep: Int
  /// The step after which no parameter changed any more (by more than 1e-15 of
  /// itself), if that happened.
  public var settledAt: Int?
  /// The step at which a parameter or the loss stopped being a finite number, if it did.
  public var divergedAt: Int?

  /// The last record: the state the run ended in.
  public var last: Record { records[records.count - 1] }

  /// `start` with the parameters as `record` has them.
  public func state(at record: Record, from start: State) -> State {
    var state = start
    for (leaf, value) in zip(parameterLeaves, record.parameters) { state[leaf] = value }
    return state
  }

  /// Whether the loss has levelled off well above zero: over the last tenth of the
  /// run it fell by less than 0.1% of its value, and it is not near zero.
  public var plateau: Double? {
    guard records.count >= 3, divergedAt == nil else { return nil }
    let end = last
    let tenth = max(1, finalStep / 10)
    guard let earlier = records.last(where: { $0.step <= end.step - tenth }) else { return nil }
    let fall = earlier.loss - end.loss
    guard end.loss > 1e-6, fall >= 0, fall <= 1e-3 * end.loss else { return nil }
    return end.loss
  }
}

extension Evaluation {
  /// Runs gradient descent from `state` for `steps` steps.
  ///
  /// - Parameters:
  ///   - rate: a learning rate instead of the file's.
  ///   - every: record every `every`-th step (the start and the last are always recorded).
  ///   - stopWhenSettled: stop early once no parameter changes any more.
  ///   - progress: called now and then with the step reached, for a progress display.
  /// - Throws: ``EvaluationError/noRate`` without a rate.
  public func train(
    from state: State, steps: Int, rate: Double? = nil, every: Int = 1, stopWhenSettled: Bool = false,
    progress: ((Int) -> Void)? = nil
  ) throws -> TrainingRun {
    guard let rate = rate ?? network.rate.map({ state[$0] }) else { throw EvaluationError.noRate }
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
    for step in stride(from: 1, through: steps, by: 1) {
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
      let stop = !finite || (stopWhenSettled && !changed)
      if step % every == 0 || step == steps || stop { run.records.append(record(step)) }
      if step % 4096 == 0 { progress?(step) }
      if stop { break }
    }
    return run
  }
}
