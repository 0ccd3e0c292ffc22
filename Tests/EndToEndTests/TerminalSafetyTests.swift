import Foundation
import Testing

/// A submission cannot take over the teacher's terminal: every piece of user text the tool
/// prints (title, source, comments, the file's name, quiz answers) reaches stdout and
/// stderr with its control characters shown as `\u{1B}` (or `\u001b` in JSON), never raw,
/// so it cannot clear the screen, set the clipboard (OSC 52) or reverse the text after it.
@Suite struct TerminalSafetyTests {
  /// Clear the screen, set the clipboard, a right-to-left override, DEL, a C1 CSI, a bell.
  static let hostile = "\u{1B}[2J\u{1B}]52;c;aGk=\u{7}\u{202E}\u{7F}\u{9B}\u{1}"

  /// A valid example, one slip in it, with the hostile text in its title, source and comments.
  static let text = """
    title: T\(hostile)itle
    source: S\(hostile)ource
    input x = 2   # in\(hostile)put
    target y = 1
    param w = 3   # p\(hostile)aram
    param b = 0
    rate alpha = 0.01
    yhat = x * w + b   # eq\(hostile)uation
    L = (y - yhat)^2
    loss L
    doc yhat = 5   # d\(hostile)oc\r
    doc L = 25

    """

  /// The bytes a terminal acts on: below 0x20 except the line break, ESC and DEL.
  static func controlBytes(_ text: String) -> [UInt8] {
    text.utf8.filter { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }
  }

  /// The C1 and bidirectional controls, which are not single bytes in UTF-8.
  static func wideControls(_ text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { (0x80...0x9F).contains($0.value) || [0x202E, 0x2066, 0x200E, 0x200F, 0x61C].contains($0.value) }
  }

  func expectClean(_ result: Tool.Result, _ command: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(Self.controlBytes(result.stdout).isEmpty, "\(command): stdout has control bytes", sourceLocation: sourceLocation)
    #expect(Self.controlBytes(result.stderr).isEmpty, "\(command): stderr has control bytes", sourceLocation: sourceLocation)
    #expect(Self.wideControls(result.stdout + result.stderr).isEmpty, "\(command): C1 or bidi controls", sourceLocation: sourceLocation)
  }

  @Test func aHostileFileReachesNoTerminalRaw() throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // The file's name carries ESC and a carriage return too.
    let file = directory.appendingPathComponent("e\u{1B}v\ril.txt")
    try Self.text.write(to: file, atomically: true, encoding: .utf8)
    let escapedName = #"e\u{1B}v\u{D}il.txt"#
    let escapedText = #"\u{1B}[2J\u{1B}]52;c;aGk=\u{7}\u{202E}\u{7F}\u{9B}\u{1}"#

    let walk = try Tool.run(["walk", file.path])
    #expect(walk.status == 0, "\(walk.stderr)")
    expectClean(walk, "walk")
    #expect(walk.stdout.contains(escapedName + ": T" + escapedText + "itle"))
    #expect(walk.stdout.contains("Source: S" + escapedText + "ource"))
    #expect(walk.stdout.contains("(in" + escapedText + "put)"))
    #expect(walk.stdout.contains("(eq" + escapedText + "uation)"))
    #expect(walk.stdout.contains("(d" + escapedText + "oc)"))

    let check = try Tool.run(["check", file.path])
    #expect(check.status == 1, "\(check.stderr)")
    expectClean(check, "check")
    #expect(check.stdout.contains(escapedName + ": T" + escapedText + "itle"))
    #expect(check.stdout.contains("First slip: ŷ at " + directory.path + "/" + escapedName + ":11:"))

    let json = try Tool.run(["check", "--json", file.path])
    #expect(json.status == 1, "\(json.stderr)")
    expectClean(json, "check --json")
    #expect(json.stdout.contains(#""title": "T\u001b[2J\u001b]52;c;aGk=\u0007\u202e\u007f\u009b\u0001itle""#))
    #expect(json.stdout.contains(#"e\u001bv\ril.txt""#))

    for arguments in [["train", file.path, "--steps", "1"], ["nudge", file.path, "w", "0.1"], ["surface", file.path, "--steps", "10"]] {
      let result = try Tool.run(arguments)
      #expect(result.status == 0, "\(arguments[0]): \(result.stderr)")
      expectClean(result, arguments[0])
      #expect(result.stdout.contains(escapedName + ":"), "\(arguments[0]): \(result.stdout.prefix(300))")
    }

    let graph = try Tool.run(["graph", file.path])
    #expect(graph.status == 0, "\(graph.stderr)")
    expectClean(graph, "graph")
    #expect(graph.stdout.contains(#"u{1B}[2J"#))

    // Answers with control characters are echoed escaped.
    let quiz = try Tool.run(["quiz", file.path], input: "\u{1B}[2J7\u{7F}\n\u{1B}]52;c;aGk=\u{7}\rx\n1\n")
    #expect(quiz.status == 0, "\(quiz.stderr)")
    expectClean(quiz, "quiz")
    #expect(
      quiz.stdout.contains(
        "Quiz: " + file.path.replacingOccurrences(of: "\u{1B}", with: #"\u{1B}"#).replacingOccurrences(of: "\r", with: #"\u{D}"#)))
    #expect(quiz.stdout.contains(#"'\u{1B}[2J7\u{7F}' is not a number"#))
    #expect(quiz.stdout.contains(#"'\u{1B}]52;c;aGk=\u{7}\u{D}x' is not a number"#))
  }

  @Test func errorMessagesShowControlsInFileNamesEscaped() throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("bro\u{1B}[2Jken\u{9B}.txt")
    try "input x = 2\nz = x * q\nloss z\n".write(to: file, atomically: true, encoding: .utf8)
    for command in ["walk", "check", "graph", "quiz"] {
      let result = try Tool.run([command, file.path])
      #expect(result.status == 65)
      expectClean(result, command)
      #expect(result.stderr == "Error: " + directory.path + #"/bro\u{1B}[2Jken\u{9B}.txt:2:9: unknown name 'q'"# + "\n")
    }
    // A name given on the command line: a usage error, its text escaped too.
    let missing = try Tool.run(["walk", "no-such-\u{1B}[2J"])
    expectClean(missing, "walk of a missing example")
    #expect(missing.stderr.contains(#"no-such-\u{1B}[2J"#))
  }
}
