// backprop-bench: the "moons-mlp" workload of ../shared/bench/moons_micrograd.py,
// built with the library's MLP on the graph engine and again as a hand-written
// fused loop (no graph: the floor), timed per training step.
//
// Usage: swift run -c release backprop-bench [--points N] [--hidden H] [--steps S]
//                                            [--repeats R] [--json] [--scale]
import BackpropCore
import BackpropExamples
import Foundation

struct Options {
  var points = 100
  var hidden = 16
  var steps = 20
  var repeats = 7
  var json = false
  var scale = false
  var tool: String?

  init(_ arguments: [String]) {
    var rest = arguments[...]
    func number(_ name: String) -> Int {
      guard let text = rest.popFirst(), let value = Int(text), value > 0 else {
        FileHandle.standardError.write(Data("Error: \(name) takes a positive whole number\n".utf8))
        exit(64)
      }
      return value
    }
    while let argument = rest.popFirst() {
      switch argument {
      case "--points": points = max(4, number(argument))
      case "--hidden": hidden = number(argument)
      case "--steps": steps = number(argument)
      case "--repeats": repeats = number(argument)
      case "--json": json = true
      case "--scale": scale = true
      case "--walks":
        guard let path = rest.popFirst() else {
          FileHandle.standardError.write(Data("Error: --walks takes the path of a release-built backprop-tutor\n".utf8))
          exit(64)
        }
        tool = path
      case "-h", "--help":
        print("USAGE: backprop-bench [--points N] [--hidden H] [--steps S] [--repeats R] [--json] [--scale]")
        exit(0)
      default:
        FileHandle.standardError.write(Data("Error: unknown option '\(argument)'\n".utf8))
        exit(64)
      }
    }
  }
}

/// The reference's data: N points, the first half class +1 on one arc, the rest −1 on the other.
func moons(_ n: Int) -> [(x: [Double], y: Double)] {
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

func initial(_ k: Int) -> Double { 0.5 * sin(Double(k + 1)) }

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// The workload on the engine: returns the loss of each step and the seconds per step.
func engine(_ options: Options, data: [(x: [Double], y: Double)]) -> (losses: [Double], secondsPerStep: Double, nodes: Int) {
  var graph = Graph()
  let mlp = MLP(sizes: [2, options.hidden, options.hidden, 1], activations: [.relu, .relu, nil], in: &graph, initial: initial)
  let loss = GradientDescent.meanHalfSquaredError(of: { x, g in mlp(x, in: &g)[0] }, data: data, in: &graph)
  let start = GradientDescent(graph: graph, loss: loss, parameters: mlp.parameters)
  var losses: [Double] = []
  var times: [Double] = []
  for _ in 0..<options.repeats {
    var descent = start
    var run: [Double] = []
    let t0 = now()
    for _ in 0..<options.steps { run.append(descent.step(rate: 0.05)) }
    times.append((now() - t0) / Double(options.steps))
    losses = run
  }
  return (losses, median(times), graph.count)
}

/// The same arithmetic, hand-written: no graph, the floor for any engine. One flat
/// array of parameters (layer by layer, neuron by neuron, weights then bias), worked
/// through unsafe buffers, so it pays for no bounds checks and no copies.
func fused(_ options: Options, data: [(x: [Double], y: Double)]) -> (losses: [Double], secondsPerStep: Double) {
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
    let t0 = now()
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
    times.append((now() - t0) / Double(options.steps))
    losses = run
  }
  return (losses, median(times))
}

/// A million-node chain, forward and backward, with the memory it takes per node.
func scale() -> (nodes: Int, seconds: Double, bytesPerNode: Double, peakResidentMB: Double) {
  let n = 1_000_000
  var graph = Graph()
  let x = graph.leaf(1.0000001)
  var node = x
  for i in 0..<n { node = graph.apply(i % 2 == 0 ? .multiply : .add, node, x) }
  let t0 = now()
  graph.forward()
  graph.backward(from: node)
  let seconds = now() - t0
  return (graph.count, seconds, Double(graph.bytesUsed) / Double(graph.count), peakResidentMegabytes())
}

func peakResidentMegabytes() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
  else { return .nan }
  let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") ?? .nan
  return kilobytes / 1024
}

/// Each built-in example walked by the tool as a whole process: the median wall time
/// of `runs` runs and the peak resident memory, from wait4's rusage.
func walks(tool: String, runs: Int = 15) -> [(name: String, milliseconds: Double, peakMB: Double, inProcessMilliseconds: Double)] {
  BuiltinExamples.names.map { name in
    var times: [Double] = []
    var peak = 0.0
    for _ in 0..<runs {
      var pid: pid_t = 0
      let words: [String] = [tool, "walk", name]
      let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
      defer { argv.forEach { free($0) } }
      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
      let t0 = now()
      guard posix_spawn(&pid, tool, &actions, nil, argv, environ) == 0 else {
        FileHandle.standardError.write(Data("Error: cannot run \(tool)\n".utf8))
        exit(66)
      }
      var status: Int32 = 0
      var usage = rusage()
      wait4(pid, &status, 0, &usage)
      times.append((now() - t0) * 1e3)
      peak = max(peak, Double(usage.ru_maxrss) / 1024)
      posix_spawn_file_actions_destroy(&actions)
    }
    // The same work inside this process: parse and walk, without starting a process.
    let t0 = now()
    for _ in 0..<runs {
      if let example = try? BuiltinExamples.example(named: name) { _ = try? Walkthrough(example) }
    }
    let inProcess = (now() - t0) * 1e3 / Double(runs)
    return (name, median(times), peak, inProcess)
  }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
if let tool = options.tool {
  let results = walks(tool: tool)
  if options.json {
    let items = results.map {
      "{\"example\": \"\($0.name)\", \"milliseconds\": \($0.milliseconds), \"peakMB\": \($0.peakMB), \"inProcessMilliseconds\": \($0.inProcessMilliseconds)}"
    }
    print("[\n  " + items.joined(separator: ",\n  ") + "\n]")
  } else {
    print("walk of each built-in example as a whole process (median of 15 runs; target: under 20 ms, under 30 MB):")
    for result in results {
      print(
        String(
          format: "  %-18@ %6.1f ms  %5.1f MB peak  (%.2f ms of it parsing and walking)", result.name as NSString, result.milliseconds,
          result.peakMB, result.inProcessMilliseconds))
    }
  }
  exit(0)
}
let data = moons(options.points)
let graphRun = engine(options, data: data)
let loopRun = fused(options, data: data)
let agreement = zip(graphRun.losses, loopRun.losses).map { abs($0 - $1) / max(abs($1), 1e-300) }.max() ?? 0
let scaled = options.scale ? scale() : nil

if options.json {
  var fields = [
    "\"workload\": \"moons-mlp\"",
    "\"points\": \(options.points)", "\"hidden\": \(options.hidden)", "\"steps\": \(options.steps)",
    "\"losses\": [\(graphRun.losses.map { "\($0)" }.joined(separator: ", "))]",
    "\"engineSecondsPerStep\": \(graphRun.secondsPerStep)",
    "\"fusedSecondsPerStep\": \(loopRun.secondsPerStep)",
    "\"engineNodes\": \(graphRun.nodes)",
    "\"maxRelativeDifferenceFromFused\": \(agreement)",
  ]
  if let scaled {
    fields.append(
      "\"scale\": {\"nodes\": \(scaled.nodes), \"forwardBackwardSeconds\": \(scaled.seconds), \"bytesPerNode\": \(scaled.bytesPerNode), \"peakResidentMB\": \(scaled.peakResidentMB)}"
    )
  }
  print("{\n  " + fields.joined(separator: ",\n  ") + "\n}")
} else {
  print("moons-mlp: \(options.points) points, MLP 2-\(options.hidden)-\(options.hidden)-1 (ReLU), SGD at 0.05, \(options.steps) steps")
  for (i, loss) in graphRun.losses.enumerated() where i < 3 || i == graphRun.losses.count - 1 {
    print(String(format: "  step %d loss %.12g", i + 1, loss))
  }
  print(
    String(format: "engine: %.4f ms per step (median of %d runs, %d nodes)", graphRun.secondsPerStep * 1e3, options.repeats, graphRun.nodes)
  )
  print(
    String(
      format: "fused:  %.4f ms per step; the engine takes %.2fx as long", loopRun.secondsPerStep * 1e3,
      graphRun.secondsPerStep / loopRun.secondsPerStep))
  print(String(format: "engine and fused losses agree to %.1e relative", agreement))
  if let scaled {
    print(
      String(
        format: "scale: %d nodes, forward + backward %.3f s, %.1f bytes per node, peak resident %.0f MB", scaled.nodes, scaled.seconds,
        scaled.bytesPerNode, scaled.peakResidentMB))
  }
}
