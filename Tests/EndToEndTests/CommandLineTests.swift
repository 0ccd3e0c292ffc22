import Foundation
import Testing

/// Help, version, usage errors and bad input: one line on stderr, the right exit status.
@Suite struct CommandLineTests {
  @Test func helpHasTheUsualSections() throws {
    let overview = try Tool.run(["--help"])
    #expect(overview.status == 0)
    for section in ["OVERVIEW:", "USAGE:", "OPTIONS:", "SUBCOMMANDS:"] { #expect(overview.stdout.contains(section)) }
    for arguments in [["help", "walk"], ["walk", "--help"], ["walk", "-h"]] {
      let walk = try Tool.run(arguments)
      #expect(walk.status == 0)
      for section in ["USAGE: backprop-tutor walk", "ARGUMENTS:", "OPTIONS:", "--json", "--ascii"] {
        #expect(walk.stdout.contains(section))
      }
    }
    for command in ["walk", "check", "new", "train", "surface", "nudge", "graph", "quiz", "explain", "list", "help"] {
      let help = try Tool.run(["help", command])
      #expect(help.status == 0, "help \(command)")
      #expect(help.stdout.contains("USAGE: backprop-tutor \(command)"), "help \(command)")
      #expect(overview.stdout.contains("  \(command) "), "\(command) is listed")
    }
    let version = try Tool.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
  }

  @Test(arguments: [
    (["frobnicate"], "Error: unknown subcommand 'frobnicate'"),
    (["walk"], "Error: missing expected argument '<example>'"),
    (["walk", "simple-chain", "--frob"], "Error: unknown option '--frob'"),
    (["walk", "a", "b"], "Error: unexpected argument 'b'"),
    (["walk", "simple-chian"], "Error: no example named 'simple-chian'"),
    (["help", "frob"], "Error: unknown subcommand 'frob'"),
    (["list", "extra"], "Error: unexpected argument 'extra'"),
  ])
  func usageErrorsExit64(arguments: [String], message: String) throws {
    let result = try Tool.run(arguments)
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
  }

  @Test func unknownNameSuggestsTheList() throws {
    let result = try Tool.run(["walk", "simple"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("did you mean 'simple-chain'?"))
    #expect(result.stderr.contains("backprop-tutor list"))
  }

  @Test func missingFileExits66() throws {
    let result = try Tool.run(["walk", "no/such/file.txt"])
    #expect(result.status == 66)
    #expect(result.stderr == "Error: no/such/file.txt: no such file\n")
    let directory = try Tool.run(["walk", NSTemporaryDirectory()])
    #expect(directory.status == 66)
    #expect(directory.stderr.contains("is a directory"))
  }

  /// Bad example files: exit 65 and exactly `Error: FILE:LINE:COLUMN: message` on stderr.
  @Test(arguments: [
    ("syntax", "input x = 2\nz = x * (1 +\nloss z\n", "2:13: expected a number, a name or '(', found the end of the line"),
    ("unknown", "input x = 2\nz = x * w\nloss z\n", "2:9: unknown name 'w'"),
    ("twice", "input x = 2\nparam x = 3\nz = x\nloss z\n", "2:7: 'x' is defined twice (first at line 1)"),
    ("cycle", "input x = 1\na = b * x\nb = c + 1\nc = a\nloss a\n", "2:1: cycle among the forward equations: a -> b -> c -> a"),
    ("noloss", "input x = 2\nz = x * x\n", "3:1: no loss: say which quantity is the loss with 'loss NAME'"),
    (
      "notnumber", "input x = 2\nz = x\nloss z\ndoc z = two\n",
      "4:9: the document value 'two' is not a number (write it as printed, e.g. -0.00150 or 3.5e-05)"
    ),
    ("divide", "input x = 0\nz = 1 / x\nloss z\n", "2:1: z divides by zero"),
    ("nan", "input x = -1\nz = sqrt(x)\nloss z\n", "2:1: z takes the square root of a negative number (-1)"),
    ("empty", "", "1:1: no loss: say which quantity is the loss with 'loss NAME'"),
  ])
  func badFilesExit65(name: String, text: String, message: String) throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("\(name).txt")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let result = try Tool.run(["walk", file.path])
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "Error: \(file.path):\(message)\n")
  }
}
