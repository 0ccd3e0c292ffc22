import Foundation

/// The tool run on every worst case (``WorstCases``) with every subcommand, as a whole
/// process: each run must end within its bounds, 2 s and 300 MB, with a result (exit 0 or
/// 1) or a refusal (exit 65, one located line on stderr), never a crash or a hang.
enum WorstCaseBenchmark {
  /// The bounds a run must keep.
  static let secondsLimit = 2.0
  static let megabytesLimit = 300.0
  /// A run still going after this long is stopped and counted as a hang.
  static let killAfter = 20.0

  /// One subcommand as the benchmark runs it: its words after the file's path.
  static let commands: [(name: String, after: [String])] = [
    ("walk", []), ("check", []), ("quiz", []), ("graph", []), ("train", ["--steps", "1"]), ("nudge", ["w", "0.1"]),
    ("surface", []),
  ]

  /// What one run did.
  struct Run {
    var example: String
    var command: String
    var seconds: Double
    var megabytes: Double
    /// The exit status, or 128 + the signal that ended the run.
    var status: Int32
    /// The first line of stderr, cut.
    var message: String

    var withinBounds: Bool {
      seconds < WorstCaseBenchmark.secondsLimit && megabytes < WorstCaseBenchmark.megabytesLimit
        && [0, 1, 65].contains(status)
    }
  }

  /// Runs every case with every command, writing the files to a temporary folder.
  static func run(tool: String) throws(BenchmarkFailure) -> [Run] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("worst-cases-\(getpid())")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw BenchmarkFailure(message: "cannot create \(folder.path)", status: 73)
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    var runs: [Run] = []
    for (name, text) in WorstCases.all {
      let path = folder.appendingPathComponent(name + ".txt").path
      guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
        throw BenchmarkFailure(message: "cannot write \(path)", status: 73)
      }
      for command in commands {
        var run = try spawn(tool, [command.name, path] + command.after, stderr: folder.appendingPathComponent("stderr").path)
        run.example = name
        run.command = command.name
        runs.append(run)
      }
    }
    return runs
  }

  /// Runs the tool once with stdin empty and stdout discarded.
  private static func spawn(_ tool: String, _ words: [String], stderr: String) throws(BenchmarkFailure) -> Run {
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + words).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let start = Clock.now()
    guard posix_spawn(&pid, tool, &actions, nil, argv, environ) == 0 else {
      throw BenchmarkFailure(message: "cannot run \(tool)", status: 66)
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, WNOHANG, &usage) == 0 {
      if Clock.now() - start > killAfter { kill(pid, SIGKILL) }
      usleep(2_000)
    }
    let seconds = Clock.now() - start
    let signal = status & 0x7f
    let code: Int32 = signal == 0 ? (status >> 8) & 0xff : 128 + signal
    let message = (try? String(contentsOfFile: stderr, encoding: .utf8))?.split(separator: "\n").first.map { String($0.prefix(110)) }
    return Run(
      example: "", command: "", seconds: seconds, megabytes: Double(usage.ru_maxrss) / 1024, status: code, message: message ?? "")
  }
}
