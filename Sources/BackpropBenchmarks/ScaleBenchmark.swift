import BackpropCore
import Foundation

/// How the engine scales: a million-node chain, and the memory it takes.
enum ScaleBenchmark {
  /// A million-node chain, forward and backward, with the memory it takes per node.
  static func run() -> (nodes: Int, seconds: Double, bytesPerNode: Double, peakResidentMB: Double) {
    let n = 1_000_000
    var graph = Graph()
    let x = graph.leaf(1.0000001)
    var node = x
    for i in 0..<n { node = graph.apply(i % 2 == 0 ? .multiply : .add, node, x) }
    let t0 = Clock.now()
    graph.forward()
    graph.backward(from: node)
    let seconds = Clock.now() - t0
    return (graph.count, seconds, Double(graph.bytesUsed) / Double(graph.count), peakResidentMegabytes())
  }

  static func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return .nan }
    let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") ?? .nan
    return kilobytes / 1024
  }
}
