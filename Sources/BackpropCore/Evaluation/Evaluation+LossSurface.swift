import BackpropEngine

extension Evaluation {
  /// The loss over parameters `x` and `y` around the path of `steps` steps of
  /// gradient descent, on a `resolution` × `resolution` grid (2 to 200 points a side, and
  /// fewer when the file's budget cannot pay for so many forward passes).
  public func lossSurface(x: String, y: String, steps: Int, resolution: Int, rate: Double? = nil) throws -> LossSurface {
    let xi = try network.leaf(x)
    let yi = try network.leaf(y)
    let tape = Swift.max(1, network.graph.count)
    let affordable = Int(Double(budget.nodeVisitsLeft / tape).squareRoot())
    let n = Swift.min(Swift.max(2, Swift.min(resolution, 200)), affordable)
    guard n >= 2 else { throw EvaluationError.overBudget("a map of the loss over this network") }
    try budget.chargeNodes(n * n * tape)
    let run = try train(
      from: initialState, steps: steps, rate: rate, every: max(1, steps / 2000), stopWhenSettled: true, stopWhenDiverging: true)
    var path: [(x: Double, y: Double)] = []
    for record in run.records {
      let state = run.state(at: record, from: initialState)
      if state[xi].isFinite, state[yi].isFinite { path.append((state[xi], state[yi])) }
    }
    func span(_ values: [Double]) -> ClosedRange<Double> {
      let low = values.min() ?? 0
      let high = values.max() ?? 1
      let width = Swift.max(high - low, Swift.max(Swift.abs(low), Swift.abs(high), 1) * 0.5)
      return (low - width * 0.25)...(high + width * 0.25)
    }
    let xRange = span(path.map(\.x))
    let yRange = span(path.map(\.y))
    var graph = network.graph
    for leaf in network.leaves {
      if let id = leaf.leaf { graph.set(leaf.node, to: initialState[id]) }
    }
    var values: [[Double]] = []
    for row in 0..<n {
      let b = yRange.lowerBound + (yRange.upperBound - yRange.lowerBound) * Double(row) / Double(n - 1)
      var line: [Double] = []
      for column in 0..<n {
        let a = xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Double(column) / Double(n - 1)
        graph.set(network.quantity(xi).node, to: a)
        graph.set(network.quantity(yi).node, to: b)
        graph.forward()
        line.append(graph.values[network.loss.node])
      }
      values.append(line)
    }
    let held = run.parameterNames.filter { $0 != x && $0 != y }
    return LossSurface(
      x: x, y: y, xRange: xRange, yRange: yRange, values: values, path: path, heldFixed: held, divergedAt: run.divergence,
      lossAtDivergence: run.divergence.map { _ in run.last.loss })
  }
}
