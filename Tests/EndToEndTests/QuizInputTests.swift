import Foundation
import Testing

/// The quiz's answers on stdin, whatever arrives there: bounded memory, a bounded echo,
/// and a clean stop on input that never ends.
@Suite struct QuizInputTests {
  /// Runs `quiz simple-chain` with stdin read from a file holding `bytes`.
  func quiz(stdin bytes: Data, timeout: Double = 30) throws -> Tool.Result {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("answers")
    try bytes.write(to: input)
    // `sh -c 'exec ... < FILE'` so that stdin is the file itself, as `quiz < FILE` is.
    return try Tool.run(
      ["-c", "exec \"$0\" quiz simple-chain < \"$1\"", Tool.executable.path, input.path],
      executable: URL(fileURLWithPath: "/bin/sh"), timeout: timeout)
  }

  @Test func tenMegabytesOfZerosStopAtOnce() throws {
    let started = Date()
    let result = try quiz(stdin: Data(count: 10_000_000))
    #expect(Date().timeIntervalSince(started) < 20)
    #expect(result.status == 65)
    #expect(result.stderr == "Error: standard input: a NUL byte, not a line of text; the quiz stops\n")
    #expect(result.stdout.utf8.count < 100_000)
    #expect(result.stdout.contains("Score: 0 of 15 right."))
  }

  /// simple-chain: h = x·w1 = 2·2 = 4, the first question.
  @Test func aOneMegabyteAnswerIsRefusedWithItsStartOnly() throws {
    let long = String(repeating: "7", count: 1_000_000)
    let result = try quiz(stdin: Data((long + "\n4\n").utf8))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.utf8.count < 100_000)
    #expect(result.stdout.contains("'\(String(repeating: "7", count: 60))…' is too long for an answer (at most 4096 bytes)."))
    #expect(!result.stdout.contains(String(repeating: "7", count: 61)))
    // The rest of the long line was dropped, not read as further answers: the next one is judged.
    #expect(result.stdout.contains("✓ right"))
    #expect(result.stdout.contains("Score: 1 of 15 right."))
  }

  @Test func aLineThatNeverEndsStopsTheQuiz() throws {
    let result = try quiz(stdin: Data(repeating: 0x35, count: 3 << 20))
    #expect(result.status == 65)
    #expect(result.stderr == "Error: standard input: a line of more than 1048576 bytes with no line break; the quiz stops\n")
    #expect(result.stdout.utf8.count < 100_000)
  }

  @Test(arguments: ["\n", "x\n", "f\n"])
  func aHundredNonAnswersInARowStopTheQuiz(line: String) throws {
    let result = try quiz(stdin: Data(String(repeating: line, count: 100_000).utf8))
    #expect(result.status == 65)
    #expect(result.stderr == "Error: standard input: 100 answers in a row were not numbers; the quiz stops\n")
    #expect(result.stdout.utf8.count < 100_000)
  }

  /// 99 blank lines, then h = 4: the count starts again after an answer.
  @Test func ninetyNineNonAnswersAreForgiven() throws {
    let result = try quiz(stdin: Data((String(repeating: "\n", count: 99) + "4\n").utf8))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Score: 1 of 15 right."))
  }

  @Test func theEchoOfAnUnreadableAnswerIsCut() throws {
    let word = String(repeating: "z", count: 2000)
    let result = try quiz(stdin: Data((word + "\n").utf8))
    #expect(result.stdout.contains("'\(String(repeating: "z", count: 60))…' is not a number I can read"))
    #expect(!result.stdout.contains(String(repeating: "z", count: 61)))
  }
}
