import BackpropCore
import Foundation
import Testing

/// The bad-input corpus: every malformed example file in `Tests/BadInput/` gets exactly one
/// line on stderr, `Error: FILE:LINE:COLUMN: what is wrong`, exit status 65 (66, and
/// `Error: PATH: ...` without a place, for a file that cannot be read), nothing on stdout,
/// and no crash, trap, hang or stack trace, from `walk` and from `check` alike.
///
/// Each `NN-description.txt` has its expected line in `NN-description.err`, with the path
/// written as `FILE`. Cases too big to commit (a 10 MB line, 100,000 nested parentheses)
/// and those that are not files (a folder, an unreadable file, a named pipe) are built at
/// test time, as are two large files the format allows, which must neither crash nor hang.
@Suite struct BadInputCorpusTests {
  /// `Tests/BadInput/`, next to this file's folder.
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("BadInput")

  /// A run longer than this is a hang. Generous: `swift test` runs a debug build, many at once.
  static let timeout: Double = 90

  /// The corpus's example files, in name order.
  static let files: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted()
  }()

  /// The expected stderr line of `file` (path written as `FILE`), without its newline.
  static func expectedLine(_ file: String) throws -> String {
    let url = corpus.appendingPathComponent(String(file.dropLast(".txt".count)) + ".err")
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.hasSuffix("\n") ? String(text.dropLast()) : text
  }

  /// 65 when the expected line names a place (`Error: FILE:LINE:COLUMN: ...`), else 66.
  static func expectedStatus(_ line: String) -> Int32 {
    line.range(of: #"^Error: FILE:[0-9]+:[0-9]+: "#, options: .regularExpression) != nil ? 65 : 66
  }

  /// The expected line with the real path in place of `FILE`.
  static func substituting(_ line: String, path: String) -> String {
    "Error: " + path + line.dropFirst("Error: FILE".count)
  }

  /// Runs `command path` and checks the one-line rule.
  static func expectOneLine(
    _ command: String, _ path: String, line expected: String, status: Int32, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let result = try Tool.run([command, path], timeout: timeout)
    let shown = result.stderr.count > 2_000 ? String(result.stderr.prefix(2_000)) + "…" : result.stderr
    #expect(result.status != -1, "\(command): did not finish within \(Int(timeout)) s", sourceLocation: sourceLocation)
    #expect(result.status == status, "\(command): exit status \(result.status), stderr: \(shown)", sourceLocation: sourceLocation)
    #expect(result.stderr == expected + "\n", "\(command): stderr \(shown)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "\(command): stdout \(result.stdout.prefix(500))", sourceLocation: sourceLocation)
  }

  // MARK: The committed corpus

  @Test func corpusIsWellFormed() throws {
    #expect(Self.files.count >= 45)
    var numbers = Set<Substring>()
    for file in Self.files {
      #expect(file.range(of: #"^[0-9]{2,3}-[a-z0-9-]+\.txt$"#, options: .regularExpression) != nil, "\(file): name NN-description.txt")
      #expect(numbers.insert(file.prefix { $0 != "-" }).inserted, "\(file): number used twice")
      let line = try Self.expectedLine(file)
      #expect(line.hasPrefix("Error: FILE"), "\(file): the .err line starts with 'Error: FILE'")
      #expect(!line.contains("\n"), "\(file): the .err file is one line")
    }
    // Every .err has its .txt.
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
    for err in names where err.hasSuffix(".err") {
      #expect(Self.files.contains(String(err.dropLast(".err".count)) + ".txt"), "\(err) has no .txt")
    }
  }

  @Test(arguments: BadInputCorpusTests.files) func walk(file: String) throws {
    let line = try Self.expectedLine(file)
    let path = Self.corpus.appendingPathComponent(file).path
    try Self.expectOneLine("walk", path, line: Self.substituting(line, path: path), status: Self.expectedStatus(line))
  }

  @Test(arguments: BadInputCorpusTests.files) func check(file: String) throws {
    let line = try Self.expectedLine(file)
    let path = Self.corpus.appendingPathComponent(file).path
    try Self.expectOneLine("check", path, line: Self.substituting(line, path: path), status: Self.expectedStatus(line))
  }

  /// `check` on the whole folder reports every bad file, one line each in name order, and
  /// goes on after each.
  @Test func checkTheFolder() throws {
    let result = try Tool.run(["check", Self.corpus.path], timeout: Self.timeout * 2)
    let expected = try Self.files.map { file in
      Self.substituting(try Self.expectedLine(file), path: Self.corpus.appendingPathComponent(file).path) + "\n"
    }
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    // First each file that is not an example (the expected `.err` files) named as skipped, then the errors.
    let others = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter {
      !$0.lowercased().hasSuffix(".txt") && !$0.hasPrefix(".")
    }.sorted()
    let skipped = others.map { "skipped \(Self.corpus.appendingPathComponent($0).path): not a .txt example file\n" }
    var lines: [String] = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { String($0) + "\n" }
    #expect(Array(lines.prefix(skipped.count)) == skipped)
    lines.removeFirst(min(skipped.count, lines.count))
    #expect(lines.count == expected.count, "\(lines.count) lines for \(expected.count) files")
    for (actual, wanted) in zip(lines, expected) where actual != wanted {
      Issue.record("check FOLDER: \(actual)expected \(wanted)")
    }
  }

  // MARK: Generated cases

  /// Writes `data` to `name` in a new temporary folder and checks `walk` and `check` on it.
  private func expectGenerated(
    _ name: String, _ data: Data, message: (String) -> String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent(name)
    try data.write(to: file)
    for command in ["walk", "check"] {
      try Self.expectOneLine(command, file.path, line: "Error: " + message(file.path), status: 65, sourceLocation: sourceLocation)
    }
  }

  /// A 10 MB line: refused once one byte past the limit has been read, before it is parsed.
  @Test func tenMegabyteLine() throws {
    let terms = (10 << 20) / 4
    let text = "input x = 2\nz = x" + String(repeating: " + x", count: terms) + "\nloss z\n"
    try expectGenerated("ten-megabyte-line.txt", Data(text.utf8)) {
      "\($0):1:1: file is too large (an example file may have at most \(ExampleParser.maximumBytes) bytes)"
    }
  }

  /// The longest line under the size limit: a flat sum of about 260,000 terms, stopped
  /// at the 2,001st operation (its right operand: column 4 · 2001 + 5), not freed into a
  /// stack overflow.
  @Test func longSumUnderTheSizeLimit() throws {
    let terms = (ExampleParser.maximumBytes - 100) / 4
    let text = "input x = 2\nz = x" + String(repeating: " + x", count: terms - 1) + "\nloss z\n"
    #expect(text.utf8.count <= ExampleParser.maximumBytes)
    try expectGenerated("long-sum.txt", Data(text.utf8)) {
      "\($0):2:8009: the expression is too long (more than 2000 operations)"
    }
  }

  /// 256 nested parentheses, the documented limit, are read; 257 are not.
  @Test func parenthesesNestTwoHundredFiftySixDeep() throws {
    for (depth, status) in [(256, Int32(0)), (257, Int32(65))] {
      let folder = try Tool.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: folder) }
      let file = folder.appendingPathComponent("deep.txt")
      let formula = String(repeating: "(", count: depth) + "x * w" + String(repeating: ")", count: depth)
      try "input x = 2\nparam w = 3\ny = \(formula)\nloss y\ndoc y = 6\n".write(to: file, atomically: true, encoding: .utf8)
      let result = try Tool.run(["check", file.path])
      #expect(result.status == status, "\(depth): \(result.stderr)")
    }
  }

  /// 100,000 nested parentheses: an error inside the 257th level (column 4 + 258), not a stack overflow.
  @Test func hundredThousandParentheses() throws {
    let depth = 100_000
    let text = "input x = 2\nz = " + String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth) + "\nloss z\n"
    try expectGenerated("deep-parentheses.txt", Data(text.utf8)) {
      "\($0):2:262: the expression is nested too deeply"
    }
  }

  @Test func emptyFile() throws {
    try expectGenerated("empty.txt", Data()) { "\($0):1:1: no loss: say which quantity is the loss with 'loss NAME'" }
  }

  @Test func missingFile() throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("no-such-file.txt").path
    for command in ["walk", "check"] {
      try Self.expectOneLine(command, path, line: "Error: \(path): no such file", status: 66)
    }
  }

  /// A folder given to `walk`; `check` takes a folder as its example files, and says so when it has none.
  @Test func directoryAsThePath() throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let folder = directory.appendingPathComponent("example.txt")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    try Self.expectOneLine("walk", folder.path, line: "Error: \(folder.path): is a directory, not an example file", status: 66)
    try Self.expectOneLine("check", folder.path, line: "Error: \(folder.path): has no .txt example files", status: 66)
  }

  /// Whether a file with mode 000 cannot be read here. Root (as in many CI containers)
  /// reads any file whatever its permissions, so the unreadable-file check cannot be made
  /// there and is skipped rather than passed or failed on a false premise.
  static let permissionsStopReads: Bool = {
    guard let directory = try? Tool.temporaryDirectory() else { return false }
    defer { try? FileManager.default.removeItem(at: directory) }
    let probe = directory.appendingPathComponent("probe.txt")
    guard FileManager.default.createFile(atPath: probe.path, contents: Data("x".utf8)), chmod(probe.path, 0) == 0 else {
      return false
    }
    let readable = FileHandle(forReadingAtPath: probe.path) != nil
    chmod(probe.path, 0o600)
    return !readable
  }()

  @Test(
    .enabled(
      if: BadInputCorpusTests.permissionsStopReads,
      "permissions do not stop reads here (running as root): there is no unreadable file to test"))
  func unreadableFile() throws {
    let directory = try Tool.temporaryDirectory()
    defer {
      chmod(directory.appendingPathComponent("unreadable.txt").path, 0o600)
      try? FileManager.default.removeItem(at: directory)
    }
    let file = directory.appendingPathComponent("unreadable.txt")
    try Data("input x = 2\nz = x\nloss z\n".utf8).write(to: file)
    #expect(chmod(file.path, 0) == 0)
    for command in ["walk", "check"] {
      try Self.expectOneLine(command, file.path, line: "Error: \(file.path): cannot be read (permission denied?)", status: 66)
    }
  }

  // MARK: Large files that are not wrong

  /// Runs `walk` on a large file the format allows: it must finish, without a crash, with
  /// a walk (0 or 1) or, should the tool set a limit, one line of error (65).
  private func expectNoCrashOrHang(_ name: String, _ text: String) throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    #expect(text.utf8.count <= ExampleParser.maximumBytes)
    let result = try Tool.run(["walk", file.path], timeout: Self.timeout)
    let shown = result.stderr.count > 2_000 ? String(result.stderr.prefix(2_000)) + "…" : result.stderr
    #expect(result.status != -1, "did not finish within \(Int(Self.timeout)) s")
    #expect([0, 1, 65].contains(result.status), "exit status \(result.status), stderr: \(shown)")
    if result.status == 65 {
      #expect(result.stdout.isEmpty)
      #expect(result.stderr.hasPrefix("Error: \(file.path):") && result.stderr.filter { $0 == "\n" }.count == 1, "\(shown)")
    } else if result.status >= 0 {
      #expect(result.stderr.isEmpty, "stderr: \(shown)")
    }
  }

  /// 5,000 `let` lines, each the one above: evaluating the last must not overflow the stack.
  @Test func longLetChain() throws {
    let count = 5_000
    var text = "input x = 2\nparam w = 3\nz = x * w\nloss z\nlet a0 = dz/dw\n"
    for i in 1..<count { text += "let a\(i) = a\(i - 1)\n" }
    text += "doc a\(count - 1) = 2\n"
    try expectNoCrashOrHang("let-chain.txt", text)
  }

  /// 5,000 forward equations in a chain (about 90 KB): replayed in seconds, not hours.
  @Test func longEquationChain() throws {
    let count = 5_000
    var text = "input x = 2\nparam w = 1\nh0 = x * w\n"
    for i in 1..<count { text += "h\(i) = h\(i - 1) + w\n" }
    text += "loss h\(count - 1)\ndoc h\(count - 1) = 5001\n"
    try expectNoCrashOrHang("equation-chain.txt", text)
  }

  /// A named pipe nobody writes to must not hang the tool: one line, exit 66.
  @Test func namedPipeDoesNotHang() throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let fifo = directory.appendingPathComponent("pipe.txt")
    try #require(mkfifo(fifo.path, 0o600) == 0)
    for command in ["walk", "check"] {
      let result = try Tool.run([command, fifo.path], timeout: 30)
      #expect(result.status == 66, "\(command): exit status \(result.status) (-1: it hung)")
      #expect(result.stdout.isEmpty)
      #expect(result.stderr.hasPrefix("Error: \(fifo.path): "), "\(command): \(result.stderr)")
      #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(command): \(result.stderr)")
    }
  }
}
