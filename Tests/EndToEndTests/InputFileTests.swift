import BackpropCore
import Foundation
import Testing

/// Example files are read up to the size limit and no further, whatever `stat` says, through
/// symbolic links; and `new --title` cannot write a worksheet the tool itself rejects.
@Suite struct InputFileTests {
  static let example = "input x = 2\nparam w = 3\ntarget y = 1\nz = w * x\nL = (z - y)^2\nloss L\ndoc L = 25\n"
  static let tooLarge = "file is too large (an example file may have at most \(ExampleParser.maximumBytes) bytes)"

  @Test func aSymbolicLinkToAnExampleIsFollowed() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("real.txt").path
    let link = folder.appendingPathComponent("link.txt").path
    try Self.example.write(toFile: file, atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.txt")
    for command in ["walk", "check"] {
      let direct = try Tool.run([command, file])
      let linked = try Tool.run([command, link])
      #expect(linked.status == 0, "\(command): \(linked.stderr)")
      #expect(linked.stdout == direct.stdout.replacingOccurrences(of: file, with: link))
    }
    // So is a link in a folder that `check` is given.
    let checked = try Tool.run(["check", folder.path])
    #expect(checked.status == 0, "\(checked.stderr)")
  }

  @Test func aSymbolicLinkLoopAndABrokenLinkSaySo() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let one = folder.appendingPathComponent("one.txt").path
    let two = folder.appendingPathComponent("two.txt").path
    let broken = folder.appendingPathComponent("broken.txt").path
    try FileManager.default.createSymbolicLink(atPath: one, withDestinationPath: "two.txt")
    try FileManager.default.createSymbolicLink(atPath: two, withDestinationPath: "one.txt")
    try FileManager.default.createSymbolicLink(atPath: broken, withDestinationPath: "missing.txt")
    for command in ["walk", "check", "graph"] {
      let loop = try Tool.run([command, one])
      #expect(loop.status == 66)
      #expect(loop.stderr == "Error: \(one): is a symbolic link loop\n")
      let dangling = try Tool.run([command, broken])
      #expect(dangling.status == 66)
      #expect(dangling.stderr == "Error: \(broken): is a symbolic link to a file that does not exist\n")
    }
  }

  /// A 2 MB file, and files that are endless or lie about their size, are refused after reading
  /// one byte past the limit: quickly, with the limit named.
  @Test(arguments: ["two-megabytes", "/dev/zero", "/proc/self/pagemap"])
  func aFileOverTheLimitIsRefusedQuickly(source: String) throws {
    guard FileManager.default.fileExists(atPath: source) || !source.hasPrefix("/") else { return }
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    var path = source
    if !source.hasPrefix("/") {
      path = folder.appendingPathComponent("big.txt").path
      let line = "# " + String(repeating: "x", count: 97) + "\n"
      try String(repeating: line, count: 2 << 20 / 100).write(toFile: path, atomically: false, encoding: .utf8)
    }
    for command in ["walk", "check", "graph", "quiz"] {
      let started = Date()
      let result = try Tool.run([command, path], timeout: 10)
      #expect(result.status == 65, "\(command) \(path): \(result.stderr)")
      #expect(result.stderr == "Error: \(path):1:1: \(Self.tooLarge)\n")
      #expect(Date().timeIntervalSince(started) < 5)
    }
  }

  @Test func aPipeIsReadAndAFIFOWithNoWriterIsRefusedAtOnce() throws {
    let piped = try Tool.run(["walk", "/dev/stdin"], input: Self.example, timeout: 20)
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdout.contains("25"))
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("fifo.txt").path
    #expect(mkfifo(fifo, 0o644) == 0)
    // A writer already waiting for a reader is read, as `cat` would.
    let source = folder.appendingPathComponent("example.txt").path
    try Self.example.write(toFile: source, atomically: false, encoding: .utf8)
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: "/bin/sh")
    writer.arguments = ["-c", "cat \"$0\" > \"$1\"", source, fifo]
    try writer.run()
    usleep(100_000)
    let written = try Tool.run(["walk", fifo], timeout: 20)
    writer.waitUntilExit()
    #expect(written.status == 0, "\(written.stderr)")
    // No writer: refused at once, never a wait, for every command that reads an example.
    for command in ["walk", "check", "graph"] {
      let result = try Tool.run([command, fifo], timeout: 10)
      #expect(result.status == 66)
      #expect(result.stderr == "Error: \(fifo): is a named pipe with nothing written to it\n")
    }
  }

  /// Every worksheet `new` writes passes `check` as written, whatever its title.
  @Test(arguments: [
    "Week 3 homework", "  padded  ", "doc L = 3", "title: again", "loss L", "σ(z) · tanh — Ünïcode", "1/2 (y - ŷ)²",
    String(repeating: "long ", count: 100),
  ])
  func worksheetsWithAnyOneLineTitlePass(title: String) throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("w.txt").path
    let made = try Tool.run(["new", "--title", title, "--output", file])
    #expect(made.status == 0, "\(made.stderr)")
    let checked = try Tool.run(["check", file])
    #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
    let walk = try Tool.run(["walk", file, "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(walk.stdout.utf8)) as? [String: Any])
    #expect(object["title"] as? String == title.trimmingCharacters(in: .whitespaces))
  }

  /// A title that would break the worksheet's one `title:` line is a usage error.
  @Test(arguments: [
    ("", "'--title' is blank; give a title, or leave the option out"),
    ("   ", "'--title' is blank; give a title, or leave the option out"),
    ("Homework\nparam w = 100", "'--title' is one line of text, without control characters (it has U+000A)"),
    ("a\rb", "'--title' is one line of text, without control characters (it has U+000D)"),
    ("red \u{1B}[31m", "'--title' is one line of text, without control characters (it has U+001B)"),
    ("tab\there", "'--title' is one line of text, without control characters (it has U+0009)"),
    ("next\u{85}line", "'--title' is one line of text, without control characters (it has U+0085)"),
    ("para\u{2029}graph", "'--title' is one line of text, without control characters (it has U+2029)"),
    ("abc\u{202E}fed", "'--title' is one line of text, without control characters (it has U+202E)"),
    ("#1 homework", "'--title' cannot hold '#': in a worksheet, '#' starts a comment"),
  ])
  func titlesThatBreakTheLineAreRefused(title: String, message: String) throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("w.txt").path
    let result = try Tool.run(["new", "--title", title, "--output", file])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("Error: \(message)\n"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: file))
  }
}
