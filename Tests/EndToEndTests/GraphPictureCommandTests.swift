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
