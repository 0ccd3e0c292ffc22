import Foundation
import Testing

/// Files within the documented limits that once crashed, hung or printed a number that
/// is not one: each now ends within its budget with a result or a located error.
@Suite struct BudgetTests {
  /// Writes `text` to a new file and returns its path.
  static func file(_ text: String) throws -> String {
    let url = try Tool.temporaryDirectory().appendingPathComponent("example.txt")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  static let head = "input x = 0.5\nparam w = 1.0001\nparam v = 0.5\nrate r = 0.000001\ntarget y = 1\n"

  /// Sixteen `let`s, each a 1,000-term sum of the one before, overflowed the stack.
  @Test func aTowerOfLetSumsEndsWithoutCrashing() throws {
    var lines = [Self.head + "yhat = w * x + v\nL = (y - yhat)^2\nloss L"]
    var previous = "w"
    for k in 1...16 {
      lines.append("let l\(k) = " + Array(repeating: previous, count: 1000).joined(separator: " + "))
      previous = "l\(k)"
    }
    lines.append("doc l16 = 1")
    let path = try Self.file(lines.joined(separator: "\n") + "\n")
    // l16 = 1000^16 · w = 1.0001e+48, which the document's 1 misses: check exits 1.
    for (command, status) in [("walk", 0), ("check", 1), ("quiz", 0), ("graph", 0)] as [(String, Int32)] {
      let result = try Tool.run([command, path], input: "", timeout: 120)
      #expect(result.status == status, "\(command): \(result.status) \(result.stderr.prefix(300))")
      #expect(result.stderr.isEmpty, "\(command): \(result.stderr.prefix(300))")
    }
    let walk = try Tool.run(["walk", path, "--ascii"], timeout: 120)
    #expect(walk.stdout.contains(" = 1.0001e+48  doc 1"), "\(walk.stdout.suffix(600))")
  }

  /// A product of 1,000 factors took 46 s to differentiate symbolically and printed 5 MB.
  @Test func aLongProductIsShownAsNumbers() throws {
    let product = Array(repeating: "w", count: 1000).joined(separator: " * ")
    let path = try Self.file(Self.head + "yhat = \(product) + v\nL = (y - yhat)^2\nloss L\n")
    let result = try Tool.run(["walk", path, "--ascii"], timeout: 120)
    #expect(result.status == 0, "\(result.stderr)")
    // ∂ŷ/∂w, and ∂ŷ/∂v through the same product, are too long to write out.
    #expect(result.stdout.contains("Note: 2 local derivatives are too long to write out as formulas; they are shown as numbers only"))
    // d(w^1000 + v)/dw = 1000 · w^999 = 1000 · 1.0001^999 = 1105.05 (to six digits).
    #expect(result.stdout.contains("dyhat/dw = 1105.05"))
    #expect(result.stdout.utf8.count < 200_000)
  }

  /// A flat sum of 1,024 terms was refused as "nested too deeply" under a documented
  /// limit of 2,000 operations.
  @Test func aFlatSumOfFifteenHundredTermsIsAccepted() throws {
    let sum = Array(repeating: "w", count: 1500).joined(separator: " + ")
    let path = try Self.file(Self.head + "yhat = (\(sum)) / 1500 + v\nL = (y - yhat)^2\nloss L\ndoc yhat = 1.5001\n")
    let result = try Tool.run(["check", path], timeout: 120)
    // yhat = 1500 · 1.0001 / 1500 + 0.5 = 1.5001 exactly as printed.
    #expect(result.status == 0, "\(result.stderr.prefix(300))")
  }

  /// `train simple-chain --rate 0.1` printed a loss of 4.6e145 without a word.
  @Test func aDivergingDescentIsSaidAndFails() throws {
    let result = try Tool.run(["train", "simple-chain", "--rate", "0.1", "--ascii"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("The descent diverged at step"), "\(result.stdout.suffix(400))")
    #expect(result.stdout.contains("try a smaller rate"))
    let surface = try Tool.run(["surface", "simple-chain", "--rate", "0.1", "--ascii"])
    #expect(surface.status == 1)
    #expect(surface.stdout.contains("The descent diverged at step"))
  }

  /// `train --steps 10000000` had no budget: now it is refused before it starts.
  @Test func trainingPastTheBudgetIsRefusedAtOnce() throws {
    let result = try Tool.run(["train", "simple-chain", "--steps", "10000000"], timeout: 60)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("Error: 10000000 steps of this network is more training than the file has left"))
    #expect(result.stdout.isEmpty)
  }

  /// Every input the fuzzer once found (a trap, or a run over its 2 s limit) ends with a
  /// result or a located refusal.
  @Test func everyFuzzFindingEndsCleanly() throws {
    let folder = Tool.repository.appendingPathComponent("Fuzz/regressions")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names.count >= 4)
    for name in names {
      let result = try Tool.run(["walk", folder.appendingPathComponent(name).path], timeout: 60)
      #expect([0, 1, 65].contains(result.status), "\(name): \(result.status) \(result.stderr.prefix(300))")
    }
  }

  /// `--round 2` printed `inf` with exit 0.
  @Test func roundingToAnInfiniteValueIsAnError() throws {
    let path = try Self.file("input x = 0.001\ntarget y = 1\nparam w = 1\nh = x * w\nyhat = 1 / h\nL = (y - yhat)^2\nloss L\n")
    let result = try Tool.run(["walk", path, "--round", "2"])
    // h = 0.001 rounds to 0.00, so 1 / h is infinite: an error at yhat's line (5).
    #expect(result.status == 65)
    #expect(
      result.stderr
        == "Error: \(path):5:1: with every value rounded to 2 decimals, yhat is not a finite number (inf); round to more decimals\n")
    #expect(result.stdout.isEmpty)
  }

  /// `nudge … 1e308` printed a table of `inf`.
  @Test func aNudgeThatOverflowsIsAnError() throws {
    let result = try Tool.run(["nudge", "simple-chain", "w1", "1e308"])
    #expect(result.status == 65)
    #expect(result.stderr.hasPrefix("Error: simple-chain.txt:"), "\(result.stderr)")
    #expect(result.stderr.contains("with w1 changed by 1e+308, a value is not a finite number"), "\(result.stderr)")
    #expect(!result.stdout.contains("inf"))
  }

  /// Chained training `w@N@N` hung; within the budget it now finishes.
  @Test func chainedTrainingFinishes() throws {
    let path = try Self.file(
      "input x = 1\nparam w = 0.5\nrate r = 0.1\ntarget y = 2\nyhat = w * x\nL = (y - yhat)^2\nloss L\ndoc w@300000@300000 = 2\n")
    let result = try Tool.run(["check", path], timeout: 120)
    // Gradient descent on (2 − w)² at rate 0.1 settles at w = 2.
    #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
  }
}
