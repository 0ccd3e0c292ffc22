import Foundation
import Testing

/// `walk`, `list` and `--json`, end to end through the built executable.
@Suite struct WalkCommandTests {
  @Test func walkSimpleChainShowsEveryStageWithVerdicts() throws {
    let result = try Tool.run(["walk", "simple-chain"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let out = result.stdout
    for heading in ["Given", "Forward pass", "Loss", "Backward pass", "Update", "Forward pass after the update", "Summary:"] {
      #expect(out.contains(heading), "\(heading)")
    }
    // The chain rule with the numbers substituted, and the document agreeing.
    #expect(out.contains("∂L/∂w2 = ∂L/∂ŷ · ∂ŷ/∂w2 = −18 · 4 = −72"))
    #expect(out.contains("∂L/∂ŷ = ŷ − y = 2 − 20 = −18"))
    #expect(out.contains("w1' = w1 − α · ∂L/∂w1 = 2 − 0.01 · (−18) = 2.18"))
    // L' = ½(20 − 5.3192)² = 107.76294432; the handout's 107.88 is off by +0.117.
    let loss = try #require(out.split(separator: "\n").first { $0.contains("L' = 1/2 · (y − ŷ')²") })
    #expect(loss.contains("= 1/2 · (20 − 5.3192)² = 107.763"))
    #expect(loss.contains("doc 107.88"))
    #expect(loss.contains("✗ off by +0.117"))
    #expect(out.contains("Summary: 54 document values: 50 agree, 4 differ"))
    #expect(!out.contains("\u{1B}["), "no colour on a pipe")
    #expect(!out.contains("0000000001"), "no floating-point noise")
  }

  @Test func asciiHasNoUnicode() throws {
    for name in ["simple-chain", "shared-bias", "sum-of-inputs"] {
      let result = try Tool.run(["walk", name, "--ascii"])
      #expect(result.status == 0)
      // The title and source lines are the file's own text; everything the tool writes is ASCII.
      let written = result.stdout.split(separator: "\n").dropFirst(2).joined(separator: "\n")
      let isASCII = written.unicodeScalars.allSatisfy { $0.isASCII }
      #expect(isASCII, "\(name)")
    }
    let chain = try Tool.run(["walk", "simple-chain", "--ascii"])
    #expect(chain.stdout.contains("dL/dw2 = dL/dyhat * dyhat/dw2 = -18 * 4 = -72"))
    #expect(chain.stdout.contains("X off by +0.117"))
  }

  @Test func everyBuiltInExampleWalks() throws {
    let list = try Tool.run(["list"])
    #expect(list.status == 0)
    let names = [
      "calculus-slope", "calculus-partials", "calculus-chain", "descent-direction", "simple-chain", "sigmoid-hidden", "shared-bias",
      "single-neuron", "handwritten-222", "sum-of-inputs", "cs231n-circuit", "cs231n-neuron", "tanh-neuron", "bce-neuron",
      "softmax-ce",
    ]
    for name in names {
      #expect(list.stdout.contains(name))
      let walk = try Tool.run(["walk", name])
      #expect(walk.status == 0, "\(name): \(walk.stderr)")
      #expect(walk.stdout.contains("Summary: "))
    }
    #expect(list.stdout.contains("from 000_d81a88c84da36a29.txt"))
  }

  @Test func jsonFollowsTheSchema() throws {
    let result = try Tool.run(["walk", "simple-chain", "--json"])
    #expect(result.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["example"] as? String == "simple-chain")
    let steps = try #require(object["steps"] as? [[String: Any]])
    // Every one of the 54 doc lines of Examples/simple-chain.txt is a step.
    #expect(steps.filter { !($0["document"] is NSNull) }.count == 54)
    for step in steps {
      #expect(step["quantity"] is String)
      #expect(step["formula"] is String || step["formula"] is NSNull)
      #expect(step["value"] is Double || step["value"] is Int || step["value"] is NSNumber)
      let verdict = step["verdict"]
      #expect(verdict is NSNull || ["agree", "differ"].contains(verdict as? String))
      #expect((step["document"] is NSNull) == (verdict is NSNull))
    }
    let loss = try #require(steps.first { $0["quantity"] as? String == "L'" && $0["document"] as? String == "107.88" })
    #expect(loss["verdict"] as? String == "differ")
    #expect(abs((loss["value"] as! NSNumber).doubleValue - 107.76294432) < 1e-9)
    #expect(loss["formula"] as? String == "1/2 * (y - yhat')^2")
    let gradient = try #require(steps.first { $0["quantity"] as? String == "dL/dw2" })
    #expect(gradient["verdict"] as? String == "agree")
    #expect(gradient["document"] as? String == "-72")
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["documentValues"] as? Int == 54)
    #expect(summary["agree"] as? Int == 50)
    #expect(summary["differ"] as? Int == 4)
    // The handout prints every value but ∂ŷ/∂h, ∂L/∂h and ∂h/∂w1; givens are not counted.
    #expect(summary["notPrinted"] as? Int == 3)
  }

  @Test func worksFromAnyDirectoryAndWhenCopied() throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let fromElsewhere = try Tool.run(["walk", "simple-chain"], directory: directory)
    #expect(fromElsewhere.status == 0)
    let copy = directory.appendingPathComponent("backprop-tutor")
    // Copied by `cp`, not in this process: a file this process had open for writing
    // could leak into a test running in parallel and make it "busy" to execute.
    let cp = Process()
    cp.executableURL = URL(fileURLWithPath: "/bin/cp")
    cp.arguments = [Tool.executable.path, copy.path]
    try cp.run()
    cp.waitUntilExit()
    let copied = try Tool.run(["walk", "simple-chain"], executable: copy, directory: directory)
    #expect(copied.status == 0)
    #expect(copied.stdout == fromElsewhere.stdout)
  }

  @Test func walksAUsersFile() throws {
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("homework.txt")
    try """
    title: My homework
    input x = 3
    target y = 1
    param w = 0.5
    rate eta = 0.1
    yhat = w * x
    L = 1/2 * (yhat - y)^2
    loss L
    doc yhat = 1.5
    doc dL/dw = 1.4     # should be (1.5 - 1) * 3 = 1.5
    doc w' = 0.35
    """.write(to: file, atomically: true, encoding: .utf8)
    let result = try Tool.run(["walk", file.path])
    #expect(result.status == 0)
    #expect(result.stdout.contains("∂L/∂w = ∂L/∂ŷ · ∂ŷ/∂w = 0.5 · 3 = 1.5"))
    let gradient = try #require(result.stdout.split(separator: "\n").first { $0.contains("∂L/∂w = ∂L/∂ŷ") })
    #expect(gradient.contains("doc 1.4") && gradient.contains("✗ off by −0.1"))
    #expect(result.stdout.contains("slip: from the document's own inputs, 0.5 · 3 = 1.5, not 1.4"))
    #expect(result.stdout.contains("w' = w − η · ∂L/∂w = 0.5 − 0.1 · 1.5 = 0.35"))
    #expect(result.stdout.contains("Summary: 3 document values: 2 agree, 1 differ"))
  }
}
