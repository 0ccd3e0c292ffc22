import BackpropCore
import BackpropPresentation
import Foundation

// BackpropBenchmarks: the engine benchmark behind backprop-bench. The "moons-mlp"
// workload of ../shared/bench/moons_micrograd.py, built with the library's MLP on the
// graph engine and again as a hand-written fused loop (no graph: the floor), timed per
// training step; a million-node chain for scale; and `walk` of every built-in example
// timed as a whole process. Reports are text, or JSON through BackpropPresentation's
// JSON writer.
//
// Usage: swift run -c release backprop-bench [--points N] [--hidden H] [--steps S]
//                                            [--repeats R] [--json] [--scale]

/// The benchmark, as one function the executable calls.
public enum Benchmarks {
  /// Runs the benchmark with `arguments` (without the program's name) and returns the
  /// exit status: 0, 64 for bad arguments, 66 when `--walks` names a tool that cannot run.
  public static func main(_ arguments: [String]) -> Int32 {
    do {
      let options = try BenchmarkOptions(arguments)
      if options.help {
        print(BenchmarkOptions.usage)
      } else if let tool = options.worstCaseTool {
        return try worstCases(tool: tool, json: options.json)
      } else if let tool = options.tool {
        try walks(tool: tool, json: options.json)
      } else {
        engine(options)
      }
      return 0
    } catch {
      FileHandle.standardError.write(Data("Error: \(error.message)\n".utf8))
      return error.status
    }
  }

  /// Every worst case with every subcommand; exit status 1 when a run breaks its bounds.
  private static func worstCases(tool: String, json: Bool) throws(BenchmarkFailure) -> Int32 {
    let runs = try WorstCaseBenchmark.run(tool: tool)
    if json {
      let items = runs.map {
        JSON.object([
          ("example", .string($0.example)), ("command", .string($0.command)), ("seconds", .number($0.seconds)),
          ("peakMB", .number($0.megabytes)), ("status", .integer(Int($0.status))), ("withinBounds", .bool($0.withinBounds)),
        ])
      }
      print(JSON.array(items).rendered())
    } else {
      print("worst cases, each subcommand as a whole process (bounds: under 2 s and 300 MB, exit 0, 1 or 65):")
      for run in runs {
        let mark = run.withinBounds ? "ok " : "BAD"
        print(
          String(
            format: "  %@ %-20@ %-8@ %6.2f s %7.1f MB  exit %3d  %@", mark, run.example as NSString, run.command as NSString,
            run.seconds, run.megabytes, run.status, run.message as NSString))
      }
      let bad = runs.filter { !$0.withinBounds }.count
      print(bad == 0 ? "All \(runs.count) runs within bounds." : "\(bad) of \(runs.count) runs out of bounds.")
    }
    return runs.allSatisfy(\.withinBounds) ? 0 : 1
  }

  private static func walks(tool: String, json: Bool) throws(BenchmarkFailure) {
    let results = try WalkTimings.run(tool: tool)
    if json {
      let items = results.map {
        JSON.object([
          ("example", .string($0.name)), ("milliseconds", .number($0.milliseconds)), ("peakMB", .number($0.peakMB)),
          ("inProcessMilliseconds", .number($0.inProcessMilliseconds)),
        ])
      }
      print(JSON.array(items).rendered())
      return
    }
    print("walk of each built-in example as a whole process (median of 15 runs; target: under 20 ms, under 30 MB):")
    for result in results {
      print(
        String(
          format: "  %-18@ %6.1f ms  %5.1f MB peak  (%.2f ms of it parsing and walking)", result.name as NSString, result.milliseconds,
          result.peakMB, result.inProcessMilliseconds))
    }
  }

  private static func engine(_ options: BenchmarkOptions) {
    let data = MoonsWorkload.moons(options.points)
    let graphRun = MoonsWorkload.engine(options, data: data)
    let loopRun = MoonsWorkload.fused(options, data: data)
    let agreement = zip(graphRun.losses, loopRun.losses).map { abs($0 - $1) / max(abs($1), 1e-300) }.max() ?? 0
    let scaled = options.scale ? ScaleBenchmark.run() : nil
    if options.json {
      var fields: [(String, JSON)] = [
        ("workload", .string("moons-mlp")),
        ("points", .integer(options.points)), ("hidden", .integer(options.hidden)), ("steps", .integer(options.steps)),
        ("losses", .array(graphRun.losses.map(JSON.number))),
        ("engineSecondsPerStep", .number(graphRun.secondsPerStep)),
        ("fusedSecondsPerStep", .number(loopRun.secondsPerStep)),
        ("engineNodes", .integer(graphRun.nodes)),
        ("maxRelativeDifferenceFromFused", .number(agreement)),
      ]
      if let scaled {
        fields.append(
          (
            "scale",
            .object([
              ("nodes", .integer(scaled.nodes)), ("forwardBackwardSeconds", .number(scaled.seconds)),
              ("bytesPerNode", .number(scaled.bytesPerNode)), ("peakResidentMB", .number(scaled.peakResidentMB)),
            ])
          ))
      }
      print(JSON.object(fields).rendered())
      return
    }
    print("moons-mlp: \(options.points) points, MLP 2-\(options.hidden)-\(options.hidden)-1 (ReLU), SGD at 0.05, \(options.steps) steps")
    for (i, loss) in graphRun.losses.enumerated() where i < 3 || i == graphRun.losses.count - 1 {
      print(String(format: "  step %d loss %.12g", i + 1, loss))
    }
    print(
      String(
        format: "engine: %.4f ms per step (median of %d runs, %d nodes)", graphRun.secondsPerStep * 1e3, options.repeats, graphRun.nodes)
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
}
