import Foundation
import Testing

/// `--round N`: a correct value is never marked wrong, and the givens are used as given.
@Suite struct RoundOptionTests {
  func run(_ arguments: [String], _ text: String) throws -> Tool.Result {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("round.txt")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return try Tool.run([arguments[0], file.path] + arguments.dropFirst())
  }

  @Test func aCorrectValueWithMoreDigitsThanTheRoundingAgrees() throws {
    // z = 0.072701 · 0.5 = 0.0363505, printed 0.03635: correct. By hand to 4 decimals it is
    // 0.0364, but a value carrying more digits than the rounding is not wrong for it.
    let text = """
      input x = 0.5
      param w = 0.072701
      target y = 0
      rate eta = 0.1
      z = w * x
      L = 1/2 * (z - y)^2
      loss L
      doc z = 0.03635
      doc dL/dz = 0.03635
      """
    let result = try run(["check", "--round", "4"], text)
    #expect(result.status == 0)
    #expect(result.stdout.contains("2 document values: 2 agree, 0 differ"))
    #expect(!result.stdout.contains("✗"))
    // A value wrong both ways is still wrong: 0.0370 is neither 0.0363505 nor 0.0364.
    let wrong = try run(["check", "--round", "4"], text.replacingOccurrences(of: "doc z = 0.03635", with: "doc z = 0.0370"))
    #expect(wrong.status == 1)
  }

  @Test func roundZeroKeepsTheGivens() throws {
    // x = 0.4 and w = 2.6 stay as given; only the computed z = 2.6 · 0.4 = 1.04 is rounded, to 1.
    let text = "input x = 0.4\nparam w = 2.6\ntarget y = 1\nrate eta = 1\nz = w * x\nL = 1/2 * (z - y)^2\nloss L\ndoc z = 1\n"
    let walk = try run(["walk", "--round", "0"], text)
    #expect(walk.stdout.contains("  x = 0.4  input"))
    #expect(walk.stdout.contains("  w = 2.6  trainable parameter"))
    #expect(walk.stdout.contains("z = w · x = 2.6 · 0.4 = 1 "))
    #expect(try run(["check", "--round", "0"], text).status == 0)
  }

  @Test func roundZeroKeepsAGivenThatAStepOnlyNames() throws {
    // ∂z/∂w = x names the given x = 0.4: copying it computes nothing, so it stays 0.4
    // (rounded to 0 decimals it would be 0). ∂L/∂w = ∂L/∂z · ∂z/∂w is computed: with
    // z rounded to 1, ∂L/∂z = z − y = 1 − 1 = 0.
    let text = "input x = 0.4\nparam w = 2.6\ntarget y = 1\nrate eta = 1\nz = w * x\nL = 1/2 * (z - y)^2\nloss L\n"
    let walk = try run(["walk", "--round", "0", "--ascii"], text)
    #expect(walk.stdout.contains("dz/dw = x = 0.4\n"), "\(walk.stdout)")
  }
}
