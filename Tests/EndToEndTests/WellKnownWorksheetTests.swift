import Foundation
import Testing

/// `new --layers 2-2-2 --fixed-biases` on the command line writes the well-known 2-2-2
/// example's givens (Mazur's), and the tool's loss for them is its E = 0.298371109.
@Suite struct WellKnownWorksheetTests {
  @Test func theCommandWritesTheWellKnownNumbers() throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let made = try Tool.run(["new", "--layers", "2-2-2", "--fixed-biases", "--output", "sheet.txt"], directory: directory)
    #expect(made.status == 0, "\(made.stderr)")
    let lines = try String(contentsOf: directory.appendingPathComponent("sheet.txt"), encoding: .utf8).components(separatedBy: "\n")
    for line in [
      "input  x1 = 0.05", "input  x2 = 0.1", "target y1 = 0.01", "target y2 = 0.99",
      "param  w1 = 0.15", "param  w2 = 0.2", "param  w3 = 0.25", "param  w4 = 0.3",
      "param  w5 = 0.4", "param  w6 = 0.45", "param  w7 = 0.5", "param  w8 = 0.55",
      "const  b1 = 0.35", "const  b2 = 0.6", "rate   LR = 0.5",
    ] {
      #expect(lines.contains(line), "no '\(line)'")
    }
    let walk = try Tool.run(["walk", "sheet.txt", "--json"], directory: directory)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(walk.stdout.utf8)) as? [String: Any])
    let steps = try #require(object["steps"] as? [[String: Any]])
    let loss = try #require(steps.first { $0["quantity"] as? String == "L" && $0["section"] as? String == "loss" }?["value"] as? Double)
    // E_total = 0.298371109 in the well-known example (worked out in WorksheetDefaultsTests).
    #expect(abs(loss - 0.298371109) < 5e-10)
  }
}
