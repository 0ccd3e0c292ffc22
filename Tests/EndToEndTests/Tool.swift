import Foundation

/// Runs the built `backprop-tutor` executable, as a user would.
enum Tool {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The executable next to the test bundle (`swift test` builds both into one folder).
  static let executable: URL = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      bundle.appendingPathComponent("backprop-tutor"),
      bundle.deletingLastPathComponent().appendingPathComponent("backprop-tutor"),
      repository.appendingPathComponent(".build/debug/backprop-tutor"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
  }()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs the tool; `input` is written to its stdin, which is then closed (or, with
  /// `keepInputOpen`, left open and empty, as a pipe nobody writes to). A run longer
  /// than `timeout` seconds is stopped and reported as status -1.
  static func run(
    _ arguments: [String], executable: URL = executable, directory: URL? = nil, environment: [String: String] = [:],
    input: String? = nil, keepInputOpen: Bool = false, timeout: Double = 120
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    // Files rather than pipes: nothing can block however much either stream holds.
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let outURL = directory.appendingPathComponent("stdout")
    let errURL = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    let stdin = Pipe()
    process.standardInput = input == nil && !keepInputOpen ? FileHandle.nullDevice : stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    if !keepInputOpen { try? stdin.fileHandleForWriting.close() }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    var timedOut = false
    if process.isRunning {
      process.terminate()
      timedOut = true
    }
    process.waitUntilExit()
    if keepInputOpen { try? stdin.fileHandleForWriting.close() }
    try out.close()
    try err.close()
    return Result(
      status: timedOut ? -1 : process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }

  /// A new temporary folder.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-tutor-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
