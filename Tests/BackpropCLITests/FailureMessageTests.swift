import Testing

@testable import BackpropCLI

/// A usage error is one `Error:` line and one hint line; the user's text in it is cut
/// and kept on its line.
@Suite struct FailureMessageTests {
  @Test func aUsageErrorIsTwoLinesEvenWithLineBreaksInTheText() {
    let message = Failure.usage("no example named 'a\nb\r\u{2028}c'", command: "walk").message
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2)
    #expect(lines[0] == "Error: no example named 'a\\u{A}b\\u{D}\\u{2028}c'")
    #expect(lines[1] == "Usage: see 'backprop-tutor help walk'.")
  }

  @Test func otherErrorsAreOneLine() {
    #expect(Failure.noInput("a\nb: no such file").message == "Error: a\\u{A}b: no such file")
    #expect(Failure.cannotWrite("x\u{0B}y").message == "Error: x\\u{B}y")
  }

  @Test func quotedTextIsCutAtSixtyCharacters() {
    let sixty = String(repeating: "w", count: 60)
    #expect(Failure.quoted(sixty) == sixty)
    #expect(Failure.quoted(sixty + "x") == sixty + "…")
    #expect(Failure.quoted(String(repeating: "é", count: 300_000)) == String(repeating: "é", count: 60) + "…")
  }

  @Test func aLongUnknownOptionIsCutInTheMessage() throws {
    let option = "--" + String(repeating: "z", count: 300_000)
    do {
      _ = try ParsedArguments(["simple-chain", option], for: WalkCommand.configuration)
      Issue.record("accepted")
    } catch let failure as Failure {
      #expect(failure.message == "Error: unknown option '--\(String(repeating: "z", count: 58))…'\nUsage: see 'backprop-tutor help walk'.")
    }
  }
}
