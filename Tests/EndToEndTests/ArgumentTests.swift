import Foundation
import Testing

/// Arguments as a user types them, and stdout that cannot be written: negative numbers,
/// usage errors of two lines, help to a full disk, and a reader that goes away.
@Suite struct ArgumentTests {
  /// simple-chain: x = 2, w1 = 2, w2 = 0.5, y = 20; ŷ = x·w1·w2 = 2, L = ½(y − ŷ)² = 162.
  /// w1 − 0.1 = 1.9 gives ŷ = 1.9 and L = ½(18.1)² = 163.805.
  @Test func aNegativeDeltaNeedsNoDoubleDash() throws {
    let result = try Tool.run(["nudge", "simple-chain", "w1", "-0.1", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let withDash = try Tool.run(["nudge", "simple-chain", "w1", "--json", "--", "-0.1"])
    #expect(withDash.status == 0)
    #expect(withDash.stdout == result.stdout)
    #expect(result.stdout.contains("163.805"), "\(result.stdout)")
  }

  @Test(arguments: ["-3", "-1e-3", "-.5"])
  func otherNegativeNumbersAreDeltasToo(delta: String) throws {
    let result = try Tool.run(["nudge", "simple-chain", "w2", delta])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test(arguments: [["nudge", "simple-chain", "w1", "-x"], ["nudge", "simple-chain", "w1", "0.1", "--bogus"]])
  func unknownOptionsAreStillUsageErrors(arguments: [String]) throws {
    let result = try Tool.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderr == "Error: unknown option '\(arguments.last!)'\nUsage: see 'backprop-tutor help nudge'.\n")
  }

  /// Every usage error: `Error: ...` on one line, then `Usage: see '...'.`, nothing else.
  @Test(arguments: [
    ["frobnicate"], ["walk"], ["walk", "simple-chain", "--frob"], ["walk", "a", "b"], ["walk", "simple-chian"],
    ["walk", "a\nb"], ["walk", ""], ["walk", "simple-chain", "--round", "1\n2"], ["walk", "simple-chain", "--round"],
    ["help", "frob\nx"], ["list", "extra"], ["nudge", "simple-chain", "w1", "0"], ["nudge", "simple-chain", "zz", "0.1"],
    ["nudge", "simple-chain", "yhat", "0.1"], ["train", "simple-chain", "--steps", "0"], ["train", "simple-chain", "--rate", "-1"],
    ["surface", "simple-chain", "--params", "w1"], ["quiz", "simple-chain", "--part", "mid\ndle"], ["explain", "nope"],
    ["new", "--layers", "x"], ["new", "--activation", "soft\nmax"], ["check"], ["graph", "simple-chain", "extra"],
    ["walk", "LONG"], ["--LONG"], ["walk", "simple-chain", "--LONG"], ["nudge", "simple-chain", "w1", "LONG"],
  ])
  func aUsageErrorIsOneLineAndAHint(arguments: [String]) throws {
    // LONG stands for 100,000 characters (one argument may hold at most 128 KB).
    let long = String(repeating: "n", count: 100_000)
    let result = try Tool.run(arguments.map { $0.replacingOccurrences(of: "LONG", with: long) })
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 3, "\(result.stderr.prefix(500))")
    #expect(lines.first?.hasPrefix("Error: ") == true)
    if lines.count == 3 {
      #expect(lines[1].hasPrefix("Usage: see 'backprop-tutor "))
      #expect(lines[2].isEmpty)
    }
    // A quoted name is cut: no message carries a 300 KB argument back.
    #expect(result.stderr.utf8.count < 400)
  }

  /// Runs the tool with stdout on `/dev/full`, where every write fails with ENOSPC.
  func runToFullDisk(_ arguments: [String]) throws -> Tool.Result {
    let process = Process()
    process.executableURL = Tool.executable
    process.arguments = arguments
    guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw CocoaError(.fileNoSuchFile) }
    process.standardOutput = full
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Tool.Result(status: process.terminationStatus, stdout: "", stderr: String(decoding: stderr, as: UTF8.self))
  }

  @Test(arguments: [[], ["--help"], ["-h"], ["--version"], ["help"], ["help", "walk"], ["walk", "--help"], ["list"], ["list", "--json"]])
  func helpAndVersionToAFullDiskExit74(arguments: [String]) throws {
    let result = try runToFullDisk(arguments)
    #expect(result.status == 74)
    #expect(result.stderr == "Error: cannot write to standard output\n")
  }

  /// Runs the tool with stdout a pipe that is closed after one line is read (or, with
  /// `readFirst` false, before the tool writes anything), and waits for it.
  func runToClosedPipe(_ arguments: [String], readFirst: Bool, ignoringSIGPIPE: Bool = false) throws -> Process {
    let process = Process()
    if ignoringSIGPIPE {
      // A parent that ignores SIGPIPE passes that on; the tool must still end quietly.
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "trap '' PIPE; exec \"$0\" \"$@\"", Tool.executable.path] + arguments
    } else {
      process.executableURL = Tool.executable
      process.arguments = arguments
    }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    if !readFirst { try output.fileHandleForReading.close() }
    try process.run()
    if readFirst {
      var read = Data()
      while !read.contains(0x0A) {
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        read += chunk
      }
      #expect(read.contains(0x0A), "one line was read")
      try output.fileHandleForReading.close()
    }
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(stderr.isEmpty, "\(String(decoding: stderr, as: UTF8.self))")
    return process
  }

  /// `train --every 1` prints over 500 KB, far more than a pipe holds, so the tool is
  /// still writing when the reader goes away, as under `| head -1`.
  @Test(arguments: [false, true])
  func aReaderThatGoesAwayEndsTheToolBySIGPIPE(ignoringSIGPIPE: Bool) throws {
    let process = try runToClosedPipe(
      ["train", "handwritten-222", "--steps", "5000", "--every", "1"], readFirst: true, ignoringSIGPIPE: ignoringSIGPIPE)
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == SIGPIPE)
  }

  @Test(arguments: [["walk", "handwritten-222"], ["--help"], ["list"]])
  func aReaderGoneBeforeTheFirstWriteEndsTheToolBySIGPIPE(arguments: [String]) throws {
    let process = try runToClosedPipe(arguments, readFirst: false, ignoringSIGPIPE: true)
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == SIGPIPE)
  }
}
