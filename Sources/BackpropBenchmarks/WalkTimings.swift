import BackpropCore
import BackpropExamples
import Foundation

/// The tool itself, timed: `walk` of each built-in example as a whole process.
enum WalkTimings {
  /// Each built-in example walked by the tool as a whole process: the median wall time
  /// of `runs` runs and the peak resident memory, from wait4's rusage.
  static func run(tool: String, runs: Int = 15) throws(BenchmarkFailure) -> [(
    name: String, milliseconds: Double, peakMB: Double, inProcessMilliseconds: Double
  )] {
    try BuiltinExamples.names.map { name throws(BenchmarkFailure) in
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
        let t0 = Clock.now()
        guard posix_spawn(&pid, tool, &actions, nil, argv, environ) == 0 else {
          posix_spawn_file_actions_destroy(&actions)
          throw BenchmarkFailure(message: "cannot run \(tool)", status: 66)
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        times.append((Clock.now() - t0) * 1e3)
        peak = max(peak, Double(usage.ru_maxrss) / 1024)
        posix_spawn_file_actions_destroy(&actions)
      }
      // The same work inside this process: parse and walk, without starting a process.
      let t0 = Clock.now()
      for _ in 0..<runs {
        if let example = try? BuiltinExamples.example(named: name) { _ = try? Walkthrough(example) }
      }
      let inProcess = (Clock.now() - t0) * 1e3 / Double(runs)
      return (name, Clock.median(times), peak, inProcess)
    }
  }
}
