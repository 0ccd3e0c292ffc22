import Foundation
import FoundationXML
import Testing

/// `train`, `surface`, `nudge` and `graph`, end to end.
@Suite struct TrainingCommandTests {
  static let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }

  @Test func trainShowsTheRunAndChecksTheDocument() throws {
    let result = try Tool.run(["train", "simple-chain", "--steps", "30", "--every", "10"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Gradient descent: 30 steps at α = 0.01 (the file's), showing every 10 steps."))
    // The settled weights, worked out independently: w1 = 3.391017..., w2 = 2.948967...
    #expect(result.stdout.contains("w1 = 3.39102, w2 = 2.94897"))
    #expect(result.stdout.contains("gradient descent has converged"))
    #expect(result.stdout.contains("w1@converged = 3.39102   doc 3.391   ✓"))
    #expect(result.stdout.contains("step"))
  }

  @Test func trainJSONAndTheRateOverride() throws {
    let result = try Tool.run(["train", "handwritten-222", "--steps", "1", "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let trajectory = try #require(object["trajectory"] as? [[String: Any]])
    #expect(trajectory.count == 2)
    // E_total = 0.298371109 at the start and 0.29102777 after one step at rate 0.5.
    #expect(abs((trajectory[0]["loss"] as! Double) - 0.298371109) < 1e-9)
    #expect(abs((trajectory[1]["loss"] as! Double) - 0.29102777) < 1e-8)
    let faster = try Tool.run(["train", "handwritten-222", "--steps", "1", "--rate", "1", "--json"])
    let other = try #require(try JSONSerialization.jsonObject(with: Data(faster.stdout.utf8)) as? [String: Any])
    #expect(other["rate"] as? Double == 1)
  }

  @Test func theUnreachableTargetIsPointedOut() throws {
    let walk = try Tool.run(["walk", "sum-of-inputs"])
    #expect(walk.stdout.contains("Note: the target y = 3.3 lies outside the range (0, 1) of ypred = σ(z_o)"))
    let train = try Tool.run(["train", "sum-of-inputs", "--steps", "20000"])
    #expect(train.stdout.contains("can only level off towards 2.645"))
    #expect(train.stdout.contains("The loss has levelled off"))
  }

  @Test func picturesAreWellFormedSVG() throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let curve = directory.appendingPathComponent("loss.svg")
    let surface = directory.appendingPathComponent("surface.svg")
    #expect(try Tool.run(["train", "handwritten-222", "--steps", "2000", "--svg", curve.path]).status == 0)
    #expect(try Tool.run(["surface", "simple-chain", "--svg", surface.path]).status == 0)
    for file in [curve, surface] {
      let data = try Data(contentsOf: file)
      let parser = XMLParser(data: data)
      #expect(parser.parse(), "\(file.lastPathComponent) parses as XML")
      let text = String(decoding: data, as: UTF8.self)
      #expect(text.contains("<svg"))
      #expect(text.contains("</svg>"))
    }
    // The slice of a net with more than two parameters says so.
    let slice = try Tool.run(["surface", "handwritten-222", "--params", "w5,w6", "--steps", "200", "--ascii"])
    #expect(slice.status == 0)
    #expect(slice.stdout.contains("A slice: w1, w2, w3, w4, w7, w8 held at their starting values"))
    let ascii = slice.stdout.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(ascii)
  }

  @Test func nudgeComparesActualAndPredicted() throws {
    let result = try Tool.run(["nudge", "simple-chain", "w2", "0.1"])
    #expect(result.status == 0)
    // L(w2 = 0.6) = 154.88: 7.12 lower; the gradient predicted −72 · 0.1 = −7.2.
    #expect(result.stdout.contains("The loss changes by −7.12."))
    #expect(result.stdout.contains("∂L/∂w2 · Δw2 = −72 · 0.1 = −7.2"))
    let slope = try Tool.run(["nudge", "calculus-slope", "x", "0.1", "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(slope.stdout.utf8)) as? [String: Any])
    let trials = try #require(object["trials"] as? [[String: Double]])
    #expect(abs(trials[0]["actual"]! - 0.231) < 1e-12)
    #expect(abs(trials[0]["predicted"]! - 0.2) < 1e-12)
    #expect(try Tool.run(["nudge", "simple-chain", "h", "0.1"]).status == 64)
    #expect(try Tool.run(["nudge", "simple-chain", "w2", "zero"]).status == 64)
  }

  @Test(.enabled(if: dot != nil, "Graphviz is not installed (apt-get install graphviz): the DOT output was not run through dot"))
  func graphvizAcceptsTheGraph() throws {
    for name in ["simple-chain", "shared-bias", "handwritten-222"] {
      let graph = try Tool.run(["graph", name])
      #expect(graph.status == 0)
      let directory = try Tool.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: directory) }
      let file = directory.appendingPathComponent("g.dot")
      try graph.stdout.write(to: file, atomically: true, encoding: .utf8)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Self.dot!)
      process.arguments = ["-Tsvg", file.path, "-o", directory.appendingPathComponent("g.svg").path]
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "dot accepts the graph of \(name)")
    }
  }

  @Test func graphWritesAWholeFile() throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("chain.dot")
    let result = try Tool.run(["graph", "simple-chain", "--output", file.path])
    #expect(result.status == 0)
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.hasPrefix("digraph backprop {"))
    #expect(text.hasSuffix("}\n"))
    let unwritable = try Tool.run(["graph", "simple-chain", "--output", "/no/such/folder/g.dot"])
    #expect(unwritable.status == 73)
    #expect(unwritable.stderr == "Error: /no/such/folder/g.dot: the folder '/no/such/folder' does not exist\n")
  }
}
