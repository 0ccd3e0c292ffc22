import Foundation
import Testing

/// What the class summary counts: only the key's `doc` lines, each once, a row per line
/// of the key, and a first mistake with its own named mistake; worked out from what each
/// test plants in the files of ``AnswerKeyCommandTests``'s one-neuron key.
@Suite struct ClassSummaryCountingTests {
  typealias Key = AnswerKeyCommandTests

  /// `doc NAME = value` to 6 decimals.
  static func doc(_ name: String, _ value: Double) -> String { "doc \(name) = \(String(format: "%.6f", value))\n" }

  static func summary(_ arguments: [String]) throws -> (status: Int32, document: [String: Any], stderr: String) {
    let result = try Tool.run(["check"] + arguments + ["--summary", "--json"])
    let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    return (result.status, document, result.stderr)
  }

  /// 50 printings of z (right) and 10 of x1 earn one right value, not 60: the key prints
  /// z once and x1 never. The same file named twice, and again through its folder, is one student.
  @Test func extraPrintingsDoNotCountAndAFileIsOneStudent() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("key.txt").path
    try Key.key.write(toFile: key, atomically: true, encoding: .utf8)
    let cls = folder.appendingPathComponent("cls")
    try FileManager.default.createDirectory(at: cls, withIntermediateDirectories: true)
    let student = cls.appendingPathComponent("s.txt").path
    let z = Key.Givens().values()[0]
    let text = String(repeating: Self.doc("z", z), count: 50) + String(repeating: Self.doc("x1", 0.5), count: 10)
    try text.write(toFile: student, atomically: true, encoding: .utf8)
    let (status, document, _) = try Self.summary(["--key", key, student, student, cls.path, cls.path + "/./s.txt"])
    #expect(status == 0)
    let students = document["students"] as! [[String: Any]]
    #expect(students.count == 1)
    #expect(students.first?["file"] as? String == student)
    let counts = ["right", "slips", "carried", "rounding", "blank", "extra"].map { students.first?[$0] as? Int }
    // The key's 8 lines: z right, the other 7 not printed; 49 more z and 10 x1 answer no line.
    #expect(counts == [1, 0, 0, 0, 7, 59])
    let lines = document["lines"] as! [[String: Any]]
    #expect(lines.map { $0["right"] as! Int } == [1, 0, 0, 0, 0, 0, 0, 0])
  }

  /// The key printing z twice (lines 13 and 21) has two rows. The student's first z is
  /// 0.1 off (a slip with no named mistake), the second right; ∂L/∂ŷ is written y − ŷ
  /// (a named slip) and ∂L/∂z, ∂L/∂w1, w1′ follow from it (carried).
  @Test func aRowPerLineOfTheKeyAndTheFirstMistakesOwnName() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("key.txt").path
    var values = Key.Givens().values()
    try (Key.key + Self.doc("z", values[0])).write(toFile: key, atomically: true, encoding: .utf8)
    values[3] = -values[3]
    values[5] = values[3] * values[4]
    values[6] = values[5] * Key.Givens().x1
    values[7] = Key.Givens().w1 - Key.Givens().rate * values[6]
    let student = folder.appendingPathComponent("s.txt").path
    let text =
      Self.doc("z", values[0] + 0.1) + zip(Key.names, values).dropFirst().map { Self.doc($0, $1) }.joined() + Self.doc("z", values[0])
    try text.write(toFile: student, atomically: true, encoding: .utf8)

    let (status, document, _) = try Self.summary(["--key", key, student])
    #expect(status == 1)
    let lines = document["lines"] as! [[String: Any]]
    #expect(lines.map { $0["value"] as! String } == Key.names + ["z"])
    #expect(lines.map { $0["line"] as! Int } == Array(13...21))
    #expect(
      lines.map { line in ["right", "slipped", "otherwiseWrong", "blank"].map { line[$0] as! Int } } == [
        [0, 1, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 1, 0], [0, 0, 1, 0], [1, 0, 0, 0],
      ])
    let row = (document["students"] as! [[String: Any]])[0]
    #expect(["right", "slips", "carried", "blank", "extra"].map { row[$0] as? Int } == [4, 2, 3, 0, 0])
    let first = row["firstMistake"] as? [String: Any]
    #expect(first?["line"] as? Int == 1)
    #expect(first?["what"] as? String == "z")
    #expect(first?["mistake"] is NSNull)

    let text1 = try Tool.run(["check", "--key", key, student, "--summary"])
    #expect(text1.stdout.contains("Lines of the key: 9\n"))
    let studentRow = text1.stdout.split(separator: "\n").first { $0.contains("s.txt") }.map(String.init) ?? ""
    #expect(studentRow.hasSuffix("  line 1: z"))

    // What check --key prints for the file agrees: 9 values, 4 agree, 5 differ, slips at 1 and 4.
    let check = try Tool.run(["check", "--key", key, student])
    #expect(check.status == 1)
    #expect(check.stdout.contains("Summary: 9 document values: 4 agree, 5 differ"))
    #expect(check.stdout.contains("Slips (2), by line: 1 (z), 4 ("))

    // The other way round, the second printing of z wrong: still a slip of its own, in the list too.
    let second =
      Self.doc("z", values[0]) + zip(Key.names, values).dropFirst().map { Self.doc($0, $1) }.joined() + Self.doc("z", values[0] + 0.1)
    try second.write(toFile: student, atomically: true, encoding: .utf8)
    let again = try Tool.run(["check", "--key", key, student])
    #expect(again.stdout.contains("Summary: 9 document values: 4 agree, 5 differ"))
    #expect(again.stdout.contains("Slips (2), by line: 4 (") && again.stdout.contains("), 9 (z)\n"))
    let (_, secondDocument, _) = try Self.summary(["--key", key, student])
    #expect(((secondDocument["students"] as! [[String: Any]])[0]["slips"] as? Int) == 2)

    // Both printings of z with the same wrong number: one mistake, copied; the copy is carried.
    let same =
      Self.doc("z", values[0] + 0.1) + zip(Key.names, values).dropFirst().map { Self.doc($0, $1) }.joined() + Self.doc("z", values[0] + 0.1)
    try same.write(toFile: student, atomically: true, encoding: .utf8)
    let copied = try Tool.run(["check", "--key", key, student])
    #expect(copied.stdout.contains("Summary: 9 document values: 3 agree, 6 differ"))
    #expect(copied.stdout.contains("Slips (2), by line: 1 (z), 4 ("))
    let (_, sameDocument, _) = try Self.summary(["--key", key, student])
    let sameRow = (sameDocument["students"] as! [[String: Any]])[0]
    #expect(["right", "slips", "carried"].map { sameRow[$0] as? Int } == [3, 2, 4])
    let last = (sameDocument["lines"] as! [[String: Any]])[8]
    #expect(["slipped", "otherwiseWrong"].map { last[$0] as? Int } == [0, 1])
  }

  /// handwritten-222 prints i1 on its lines 42 and 45: two rows, the first two.
  @Test func aBuiltInKeyPrintingAValueTwice() throws {
    let (_, document, _) = try Self.summary(["--key", "handwritten-222", "handwritten-222"])
    let lines = document["lines"] as! [[String: Any]]
    #expect(lines.prefix(2).map { $0["value"] as! String } == ["i1", "i1"])
    #expect(lines.prefix(2).map { $0["line"] as! Int } == [42, 45])
  }

  /// A file name holding ESC and U+202E reaches the CSV as `\u{1B}` and `\u{202E}`, not as
  /// what the terminal would act on; a name starting `=` still gets its apostrophe.
  @Test func controlCharactersInTheCSVAreShownNotObeyed() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("key.txt").path
    try Key.key.write(toFile: key, atomically: true, encoding: .utf8)
    for name in ["a\u{1B}[2J\u{202E}.txt", "=b.txt"] {
      try Key.key.write(toFile: folder.appendingPathComponent(name).path, atomically: true, encoding: .utf8)
    }
    let result = try Tool.run(
      ["check", "--key", "key.txt", "a\u{1B}[2J\u{202E}.txt", "=b.txt", "--summary", "--format", "csv"], directory: folder)
    #expect(result.status == 0)
    #expect(!result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
    let rows = result.stdout.components(separatedBy: "\r\n")
    #expect(rows[1].hasPrefix("a\\u{1B}[2J\\u{202E}.txt,,8,"))
    #expect(rows[2].hasPrefix("'=b.txt,,8,"))
  }

  /// A worksheet is one variant: a second `# variant:` line (line 2 here) is an error there.
  @Test func twoVariantLinesAreAnError() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Key.key.write(toFile: folder.appendingPathComponent("key.txt").path, atomically: true, encoding: .utf8)
    try ("# variant: 3\n# variant: 4\n" + Self.doc("z", 0.1)).write(
      toFile: folder.appendingPathComponent("s.txt").path, atomically: true, encoding: .utf8)
    let message = "Error: s.txt:2:1: a second '# variant:' line; the first is line 1, and a worksheet is one variant\n"
    for extra in [[], ["--summary"]] {
      let result = try Tool.run(["check", "--key", "key.txt", "s.txt"] + extra, directory: folder)
      #expect(result.status == 65)
      #expect(result.stderr == message)
    }
  }
}
