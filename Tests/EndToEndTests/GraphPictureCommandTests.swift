import Foundation
import Testing

/// `graph EXAMPLE --svg FILE`: the computation graph drawn without Graphviz.
@Suite struct GraphPictureCommandTests {
  static let builtins = [
    "calculus-slope", "calculus-partials", "calculus-chain", "descent-direction", "simple-chain",
    "sigmoid-hidden", "shared-bias", "single-neuron", "handwritten-222", "sum-of-inputs", "cs231n-circuit",
    "cs231n-neuron", "tanh-neuron", "bce-neuron", "softmax-ce",
  ]

  @Test func writesAPictureWithTheMarkAndSaysHowToOpenIt() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("graph.svg").path
    let result = try Tool.run(["graph", "simple-chain", "--svg", file, "--edges", "--document"], timeout: 30)
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "Wrote \(file): open it in a web browser, or convert it with 'rsvg-convert -w 1280 \(file) -o graph.png'.\n")
    let svg = try String(contentsOfFile: file, encoding: .utf8)
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Written by backprop-tutor. -->\n<svg "))
    #expect(svg.contains(#"<g class="node" id="node-0" data-quantity="x" data-kind="input">"#))
    // A second run replaces the picture it wrote; a file it did not write needs --force.
    #expect(try Tool.run(["graph", "simple-chain", "--svg", file], timeout: 30).status == 0)
    try "<svg>a logo</svg>".write(toFile: file, atomically: false, encoding: .utf8)
    #expect(try Tool.run(["graph", "simple-chain", "--svg", file], timeout: 30).status == 73)
    #expect(try Tool.run(["graph", "simple-chain", "--svg", file, "--force"], timeout: 30).status == 0)
  }

  @Test(arguments: [
    ["graph", "simple-chain", "--edges"], ["graph", "simple-chain", "--document"],
    ["graph", "simple-chain", "--svg", "a.svg", "--output", "a.dot"],
  ])
  func misusedOptionsAreUsageErrors(_ arguments: [String]) throws {
    let result = try Tool.run(arguments, timeout: 30)
    #expect(result.status == 64, "\(arguments)")
    #expect(result.stderr.hasPrefix("Error: "))
    #expect(result.stdout.isEmpty)
  }

  @Test func theListedExamplesAreTheOnesRendered() throws {
    let list = try Tool.run(["list"], timeout: 30)
    let names = list.stdout.split(separator: "\n").filter { $0.first?.isLetter == true }.map { String($0.split(separator: " ")[0]) }
    #expect(names == Self.builtins)
  }

  @Test(arguments: builtins)
  func everyBuiltInExampleRendersToPNG(_ name: String) throws {
    guard let converter = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert"].first(where: FileManager.default.isExecutableFile) else {
      FileHandle.standardError.write(Data("SKIPPED: rsvg-convert is not installed; the graph pictures are not rendered.\n".utf8))
      return
    }
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (index, options) in [[], ["--edges", "--document"]].enumerated() {
      let svg = folder.appendingPathComponent("\(index).svg").path
      let png = folder.appendingPathComponent("\(index).png").path
      let result = try Tool.run(["graph", name, "--svg", svg] + options, timeout: 30)
      #expect(result.status == 0, "\(name) \(options): \(result.stderr)")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: converter)
      process.arguments = ["-w", "1280", svg, "-o", png]
      let errors = Pipe()
      process.standardError = errors
      try process.run()
      process.waitUntilExit()
      let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      #expect(process.terminationStatus == 0, "\(name) \(options): \(message)")
      #expect(message.isEmpty, "\(name) \(options): \(message)")
      let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
      #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
  }
}

extension GraphPictureCommandTests {
  /// Every document value that differs has a note under the picture, whether or not it has
  /// a place on a node (a value after the update, after training, a local derivative): as
  /// many notes as `walk --json` has lines that differ, the same lines, and the count said.
  @Test(arguments: builtins)
  func everyValueThatDiffersHasANote(_ name: String) throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("graph.svg").path
    #expect(try Tool.run(["graph", name, "--svg", file, "--document"], timeout: 30).status == 0)
    let svg = try String(contentsOfFile: file, encoding: .utf8)
    let walk = try Tool.run(["walk", name, "--json"], timeout: 30)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(walk.stdout.utf8)) as? [String: Any])
    let steps = try #require(json["steps"] as? [[String: Any]])
    let printed = steps.filter { $0["verdict"] is String }
    let differing = Set(printed.filter { $0["verdict"] as? String == "differ" }.compactMap { $0["line"] as? Int })
    let notes = svg.matches(of: /<g class="footnote" data-number="(\d+)" data-line="(\d+)">/)
    #expect(notes.count == differing.count, "\(name)")
    #expect(Set(notes.compactMap { Int($0.2) }) == differing, "\(name)")
    #expect(notes.map { Int($0.1) ?? 0 } == Array(0..<notes.count).map { $0 + 1 }, "numbered in order: \(name)")
    let agree = printed.count - steps.filter { $0["verdict"] as? String == "differ" }.count
    let summary = "\(printed.count) document value\(printed.count == 1 ? "" : "s"): \(agree) agree, "
    #expect(svg.contains(">" + summary), "\(name)")
  }
}
