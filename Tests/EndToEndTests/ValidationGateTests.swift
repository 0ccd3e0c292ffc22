import Foundation
import Testing

/// One validation gate: a file that one subcommand rejects, every subcommand rejects, with
/// the same one line on stderr and the same exit status. Each file of the bad-input corpus
/// goes through every subcommand that takes an example.
@Suite struct ValidationGateTests {
  /// Each subcommand that takes an example, with the least it needs besides the file.
  static let commands: [(name: String, after: [String])] = [
    ("walk", []), ("check", []), ("graph", []), ("quiz", []), ("train", ["--steps", "1"]), ("nudge", ["x", "0.1"]),
    ("surface", ["--steps", "5"]),
  ]

  @Test(arguments: BadInputCorpusTests.files) func everySubcommandRejectsAlike(file: String) throws {
    let line = try BadInputCorpusTests.expectedLine(file)
    let path = BadInputCorpusTests.corpus.appendingPathComponent(file).path
    let expected = BadInputCorpusTests.substituting(line, path: path) + "\n"
    let status = BadInputCorpusTests.expectedStatus(line)
    for command in Self.commands {
      let result = try Tool.run([command.name, path] + command.after, input: "", timeout: BadInputCorpusTests.timeout)
      #expect(result.status == status, "\(command.name) \(file): exit status \(result.status), stderr: \(result.stderr.prefix(300))")
      #expect(result.stderr == expected, "\(command.name) \(file): stderr \(result.stderr.prefix(300))")
      #expect(result.stdout.isEmpty, "\(command.name) \(file): stdout \(result.stdout.prefix(300))")
    }
  }

  /// The file that showed the problem: a `let` that divides by zero made `walk` and
  /// `train` exit 65 but `graph` and `nudge` exit 0.
  @Test func aLetThatDividesByZeroIsRejectedByEveryCommand() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("let.txt")
    let text = "input x = 0\nparam w = 2\nrate r = 0.1\ntarget y = 1\nyhat = x * w\nL = (y - yhat)^2\nloss L\nlet bad = 1/x\n"
    try text.write(to: file, atomically: true, encoding: .utf8)
    let expected = "Error: \(file.path):8:5: cannot compute 'bad': the value is not a finite number: 1 / 0 divides by zero\n"
    for command in Self.commands {
      let result = try Tool.run([command.name, file.path] + command.after, input: "", timeout: BadInputCorpusTests.timeout)
      #expect(result.status == 65, "\(command.name): exit status \(result.status)")
      #expect(result.stderr == expected, "\(command.name): stderr \(result.stderr)")
    }
  }
}
