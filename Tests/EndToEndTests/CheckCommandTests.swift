import Foundation
import Testing

/// `check`, `new` and `--round`, end to end.
@Suite struct CheckCommandTests {
  static let good = """
    input x = 3
    target y = 1
    param w = 0.5
    rate eta = 0.1
    yhat = w * x
    L = 1/2 * (yhat - y)^2
    loss L
    doc yhat = 1.5
    doc dL/dw = 1.5
    doc w' = 0.35
    """

  func folder(_ files: [String: String]) throws -> URL {
    let directory = try Tool.temporaryDirectory()
    for (name, text) in files {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return directory
  }

  @Test func aFoldersFilesAreNamedAsTheFolderWasTyped() throws {
    let directory = try folder(["a.txt": Self.good, "b.txt": Self.good])
    defer { try? FileManager.default.removeItem(at: directory) }
    for (typed, prefix) in [(".", "./"), ("./", "./")] {
      let result = try Tool.run(["check", typed], directory: directory)
      #expect(result.status == 0)
      #expect(result.stdout.hasPrefix(prefix + "a.txt: "))
      #expect(result.stdout.contains("\n" + prefix + "b.txt: "))
    }
  }

  @Test func allAgreeExitsZero() throws {
    let directory = try folder(["good.txt": Self.good])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try Tool.run(["check", directory.appendingPathComponent("good.txt").path])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Summary: 3 document values: 3 agree, 0 differ"))
    #expect(result.stderr.isEmpty)
  }

  @Test func aFolderOfSubmissions() throws {
    let slipped = Self.good.replacingOccurrences(of: "doc dL/dw = 1.5", with: "doc dL/dw = 1.4")
      .replacingOccurrences(of: "doc w' = 0.35", with: "doc w' = 0.36")
    let directory = try folder(["a.txt": Self.good, "b.txt": slipped, "c.txt": "input x = 1\nz = x *\nloss z\n", "notes.md": "ignored"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try Tool.run(["check", directory.path])
    // A bad file is reported and the others are still checked; the worst status wins.
    #expect(result.status == 65)
    #expect(
      result.stderr
        == "skipped \(directory.appendingPathComponent("notes.md").path): not a .txt example file\n"
        + "Error: \(directory.appendingPathComponent("c.txt").path):2:8: expected a number, a name or '(', found the end of the line\n")
    #expect(result.stdout.contains("a.txt"))
    #expect(result.stdout.contains("b.txt"))
    // Only what differs is printed, with its cause; agreeing values are not listed.
    #expect(!result.stdout.contains("doc 1.5"))
    #expect(result.stdout.contains("9: ∂L/∂w = ∂L/∂ŷ · ∂ŷ/∂w = 0.5 · 3 = 1.5"))
    #expect(result.stdout.contains("slip: from the document's own inputs, 0.5 · 3 = 1.5, not 1.4"))
    // 0.5 − 0.1 · 1.4 = 0.36: right, given the student's own gradient.
    #expect(
      result.stdout.contains("carried from ∂L/∂w (line 9): from the document's own inputs, 0.5 − 0.1 · 1.4 = 0.36, which matches 0.36"))
    let withoutBad = try Tool.run(["check", directory.appendingPathComponent("a.txt").path, directory.appendingPathComponent("b.txt").path])
    #expect(withoutBad.status == 1)
  }

  @Test func builtInExamplesAndJSONCauses() throws {
    let result = try Tool.run(["check", "simple-chain", "--json"])
    #expect(result.status == 1)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let steps = try #require(object["steps"] as? [[String: Any]])
    let slip = try #require(steps.first { $0["quantity"] as? String == "L'" && $0["cause"] != nil })
    #expect(slip["cause"] as? String == "slip")
    let range = try #require(slip["fromDocumentInputs"] as? [String: Double])
    // ½ · (20 − 5.3192)² = 107.76294432 from the handout's own 5.3192.
    #expect(abs(range["value"]! - 107.76294432) < 1e-9)
    let converged = try #require(steps.first { $0["quantity"] as? String == "yhat@converged" })
    #expect(converged["cause"] as? String == "rounding")
    let summary = try #require(object["summary"] as? [String: Any])
    #expect((summary["firstSlip"] as? [String: Any])?["line"] as? Int == 109)
    let two = try Tool.run(["check", "simple-chain", "calculus-slope", "--json"])
    let array = try #require(try JSONSerialization.jsonObject(with: Data(two.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 2)
  }

  @Test func carriedErrorsNameTheirOrigin() throws {
    let result = try Tool.run(["check", "single-neuron", "--ascii"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("22: z = w1 * x1 + w2 * x2 + b = 0.2 * 0.5 + 0.4 * 0.3 + 0.1 = 0.32"))
    #expect(
      result.stdout.contains("carried from z (line 22): from the document's own inputs, sigmoid(0.35) = 0.586618, which matches 0.5866"))
    #expect(result.stdout.contains("First slip: z at single-neuron.txt:22"))
  }

  @Test func roundingByHand() throws {
    let exact = try Tool.run(["walk", "simple-chain"])
    let byHand = try Tool.run(["walk", "simple-chain", "--round", "2"])
    #expect(byHand.status == 0)
    #expect(byHand.stdout.contains("Every value rounded to 2 decimals before it is used"))
    // ŷ' = 2.18 · 2 · 1.22 = 5.3192, rounded to 5.32 before the loss uses it: ½(20 − 5.32)² = 107.7512 → 107.75.
    #expect(byHand.stdout.contains("L' = 1/2 · (y − ŷ')² = 1/2 · (20.00 − 5.32)² = 107.75"))
    #expect(exact.stdout != byHand.stdout)
    let bad = try Tool.run(["walk", "simple-chain", "--round", "x"])
    #expect(bad.status == 64)
    #expect(bad.stderr.hasPrefix("Error: '--round' takes a whole number of decimals from 0 to 12, not 'x'"))
  }

  /// Worksheets for several shapes parse and pass `check` as written.
  @Test(arguments: [
    ["--layers", "2-2-1"],
    ["--layers", "2-2-2", "--fixed-biases", "--rate", "0.5"],
    ["--layers", "3-2-1", "--activation", "tanh,sigmoid", "--biases", "per-neuron"],
    ["--layers", "1-1", "--activation", "none", "--biases", "none", "--loss", "squared"],
    ["--layers", "2-3-2-1", "--activation", "relu,relu,none"],
  ])
  func worksheets(options: [String]) throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("worksheet.txt")
    let made = try Tool.run(["new"] + options + ["--output", file.path])
    #expect(made.status == 0, "\(made.stderr)")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("doc dL/dw1 = \n"))
    #expect(text.contains("doc w1' = \n"))
    #expect(text.contains("doc L' = \n"))
    let checked = try Tool.run(["check", file.path])
    #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
    #expect(checked.stdout.contains("blanks still to fill in"))
    // Filled in with the right numbers, it still passes; with a wrong one, it does not.
    let walk = try Tool.run(["walk", file.path, "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(walk.stdout.utf8)) as? [String: Any])
    let steps = try #require(object["steps"] as? [[String: Any]])
    let loss = try #require(steps.first { $0["quantity"] as? String == "L" }?["value"] as? Double)
    try text.replacingOccurrences(of: "doc L = \n", with: "doc L = \(String(format: "%.4f", loss))\n")
      .replacingOccurrences(of: "doc L' = \n", with: "doc L' = 12345\n")
      .write(to: file, atomically: true, encoding: .utf8)
    let filled = try Tool.run(["check", file.path])
    #expect(filled.status == 1)
    #expect(filled.stdout.contains("2 document values: 1 agree, 1 differ"))
  }

  @Test func worksheetUsageErrors() throws {
    for (options, message) in [
      (["--layers", "2"], "such as 2-2-1, not '2'"),
      (["--layers", "2-40-1"], "each layer has from 1 to 16 neurons"),
      (["--layers", "2-x-1"], "'--layers' takes sizes joined by '-'"),
      (["--activation", "softmax"], "unknown activation 'softmax'"),
      (["--inputs", "1,2,3"], "--inputs needs 2 values, not 3"),
      (["--biases", "many"], "'--biases' is none, shared or per-neuron"),
    ] {
      let result = try Tool.run(["new"] + options)
      #expect(result.status == 64, "\(options)")
      #expect(result.stderr.contains(message), "\(result.stderr)")
    }
  }
}
