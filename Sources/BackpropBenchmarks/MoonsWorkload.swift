import BackpropCore
import Foundation

/// The "moons-mlp" workload of ../shared/bench/moons_micrograd.py: its data, its
/// starting parameters, and the training run on the engine and as a fused loop.
enum MoonsWorkload {
  /// The reference's data: N points, the first half class +1 on one arc, the rest −1 on the other.
  static func moons(_ n: Int) -> [(x: [Double], y: Double)] {
    let half = n / 2
    var points: [(x: [Double], y: Double)] = []
    for i in 0..<half {
      let t = Double.pi * Double(i) / Double(half - 1)
      points.append(([cos(t), sin(t)], 1))
    }
    for i in 0..<(n - half) {
      let t = Double.pi * Double(i) / Double(half - 1)
      points.append(([1 - cos(t), 0.5 - sin(t)], -1))
    }
    return points
  }

  /// The k-th starting parameter, the same in both runs and in the reference.
  static func initial(_ k: Int) -> Double { 0.5 * sin(Double(k + 1)) }

  /// The workload on the engine: returns the loss of each step and the seconds per step.
  static func engine(_ options: BenchmarkOptions, data: [(x: [Double], y: Double)]) -> (
    losses: [Double], secondsPerStep: Double, nodes: Int
  ) {
    var graph = Graph()
    let mlp = MLP(sizes: [2, options.hidden, options.hidden, 1], activations: [.relu, .relu, nil], in: &graph, initial: initial)
    let loss = GradientDescent.meanHalfSquaredError(of: { x, g in mlp(x, in: &g)[0] }, data: data, in: &graph)
    let start = GradientDescent(graph: graph, loss: loss, parameters: mlp.parameters)
    var losses: [Double] = []
    var times: [Double] = []
    for _ in 0..<options.repeats {
      var descent = start
      var run: [Double] = []
      let t0 = Clock.now()
      for _ in 0..<options.steps { run.append(descent.step(rate: 0.05)) }
      times.append((Clock.now() - t0) / Double(options.steps))
      losses = run
    }
    return (losses, Clock.median(times), graph.count)
  }

  /// The same arithmetic, hand-written: no graph, the floor for any engine. One flat
  /// array of parameters (layer by layer, neuron by neuron, weights then bias), worked
  /// through unsafe buffers, so it pays for no bounds checks and no copies.
  static func fused(_ options: BenchmarkOptions, data: [(x: [Double], y: Double)]) -> (losses: [Double], secondsPerStep: Double) {
    let sizes = [2, options.hidden, options.hidden, 1]
    var offsets = [0]  // where each layer's parameters start
    for l in 0..<3 { offsets.append(offsets[l] + sizes[l + 1] * (sizes[l] + 1)) }
    let start = (0..<offsets[3]).map(initial)
    var unitOffsets = [0]  // where each layer's units start in the activation arrays
    for l in 0..<4 { unitOffsets.append(unitOffsets[l] + sizes[l]) }
    let xs = data.flatMap(\.x)
    let ys = data.map(\.y)
    let n = Double(data.count)
    var losses: [Double] = []
    var times: [Double] = []
    for _ in 0..<options.repeats {
      var parameters = start
      var gradients = [Double](repeating: 0, count: start.count)
      var activations = [Double](repeating: 0, count: unitOffsets[4])
      var deltas = [Double](repeating: 0, count: unitOffsets[4])
      var run: [Double] = []
      let t0 = Clock.now()
      parameters.withUnsafeMutableBufferPointer { p in
        gradients.withUnsafeMutableBufferPointer { g in
          activations.withUnsafeMutableBufferPointer { a in
            deltas.withUnsafeMutableBufferPointer { d in
              for _ in 0..<options.steps {
                for i in 0..<g.count { g[i] = 0 }
                var total = 0.0
                for point in 0..<data.count {
                  a[0] = xs[2 * point]
                  a[1] = xs[2 * point + 1]
                  for l in 0..<3 {
                    let inputs = sizes[l]
                    let input = unitOffsets[l]
                    for j in 0..<sizes[l + 1] {
                      let base = offsets[l] + j * (inputs + 1)
                      var s = p[base + inputs]
                      for i in 0..<inputs { s += p[base + i] * a[input + i] }
                      a[unitOffsets[l + 1] + j] = l < 2 ? (s > 0 ? s : 0) : s
                    }
                  }
                  let e = a[unitOffsets[3]] - ys[point]
                  total += e * e * 0.5
                  d[unitOffsets[3]] = e / n
                  for l in stride(from: 2, through: 0, by: -1) {
                    let inputs = sizes[l]
                    let input = unitOffsets[l]
                    for i in 0..<inputs { d[input + i] = 0 }
                    for j in 0..<sizes[l + 1] {
                      let unit = unitOffsets[l + 1] + j
                      // ReLU passes the gradient only where its output is positive.
                      let delta = l < 2 && a[unit] <= 0 ? 0 : d[unit]
                      if delta == 0 { continue }
                      let base = offsets[l] + j * (inputs + 1)
                      g[base + inputs] += delta
                      for i in 0..<inputs {
                        g[base + i] += delta * a[input + i]
                        d[input + i] += delta * p[base + i]
                      }
                    }
                  }
                }
                run.append(total * (1 / n))
                for i in 0..<p.count { p[i] -= 0.05 * g[i] }
              }
            }
          }
        }
      }
      times.append((Clock.now() - t0) / Double(options.steps))
      losses = run
    }
    return (losses, Clock.median(times))
  }
}
