import Foundation
import Testing

/// `walk --html` and `check --html` opened in headless Chromium: the page loads without an
/// error, draws one node per quantity, steps with the keyboard to the last step, and at
/// each step marks the node and shows the value the walk's JSON has for that step.
///
/// The expected node is read from the JSON's own quantity (`dL/dw1` is about w1,
/// `dyhat/dw2` about the edge w2 → yhat, `w1'` about w1), and the expected quantities from
/// the example file's declarations, not from the page's code.
@Suite struct WalkPageBrowserTests {
  static let examples = ["simple-chain", "handwritten-222"]

  /// Screenshots are kept here for a person to look at (`.build` is not committed).
  static let screenshots = Tool.repository.appendingPathComponent(".build/walk-page-screenshots")

  /// Whether a browser is installed; if not, says so loudly.
  static func browserMissing(_ what: String) -> Bool {
    guard Browser.executable == nil else { return false }
    FileHandle.standardError.write(Data("SKIPPED: chromium is not installed; \(what) is not tried in a browser.\n".utf8))
    return true
  }

  /// A page the tool wrote, and the walk's JSON steps to compare it with.
  struct Written {
    var folder: URL
    var file: URL
    var steps: [[String: Any]]
    var status: Int32
    var stderr: String
  }

  /// Runs `command NAME --html page.html` in a new folder, and `command NAME --json`.
  static func write(_ command: String, _ name: String) throws -> Written {
    let folder = try Tool.temporaryDirectory()
    let file = folder.appendingPathComponent("page.html")
    let result = try Tool.run([command, name, "--html", file.path])
    let json = try Tool.run([command, name, "--json"])
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let steps = try #require(document["steps"] as? [[String: Any]])
    return Written(folder: folder, file: file, steps: steps, status: result.status, stderr: result.stderr)
  }

  /// The quantities the example file declares (inputs, targets, parameters, constants and
  /// equations): the learning rate is no quantity of the graph.
  static func declaredQuantities(_ name: String) throws -> Set<String> {
    let text = try String(contentsOf: Tool.repository.appendingPathComponent("Examples/\(name).txt"), encoding: .utf8)
    var names: Set<String> = []
    for line in text.split(separator: "\n") {
      let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
      guard let first = words.first, !first.hasPrefix("#") else { continue }
      if ["input", "target", "param", "const"].contains(first), words.count > 1 {
        names.insert(words[1])
      } else if !["doc", "rate", "loss", "title:", "source:", "let"].contains(first), line.contains("=") {
        names.insert(first)
      }
    }
    return names
  }

  /// What a step of the JSON is about on the graph, read from its ASCII quantity.
  static func expectedFocus(_ step: [String: Any]) -> (node: String?, edge: (from: String, to: String)?) {
    let quantity = step["quantity"] as? String ?? ""
    let plainName = { (text: String) in text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? text : nil }
    switch step["kind"] as? String {
    case "given", "value", "update":
      return (plainName(quantity.hasSuffix("'") ? String(quantity.dropLast()) : quantity), nil)
    case "local derivative":
      // "dA/dB": B, on the edge B -> A.
      let parts = quantity.split(separator: "/").map { String($0.dropFirst()) }
      return (parts[1], (parts[1], parts[0]))
    case "chain rule":
      return (String(quantity.split(separator: "/")[1].dropFirst()), nil)
    default:
      return (nil, nil)
    }
  }

  /// The number at the end of a label: "grad −9" is −9; and how far a number written with
  /// those digits may be from the exact value.
  static func number(_ label: String) -> (value: Double, tolerance: Double)? {
    let last = label.split(separator: " ").last.map(String.init) ?? label
    let text = last.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "−", with: "-")
    guard let value = Double(text) else { return nil }
    let decimals = text.contains("e") ? 0 : (text.split(separator: ".").dropFirst().first?.count ?? 0)
    let tolerance = text.contains("e") ? 1e-5 * abs(value) : max(0.5 * pow(10, -Double(decimals)), 5e-6 * abs(value))
    return (value, tolerance * 1.000001)
  }

  /// Checks the loaded page is at `index` (1-based) of `steps`, with no error, the step's node
  /// marked and its value shown on the graph and under it.
  static func expectAt(
    _ loaded: Browser.Loaded, _ index: Int, of steps: [[String: Any]], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let dom = loaded.dom
    let html = try #require(Tag.all("html", in: dom).first, sourceLocation: sourceLocation)
    #expect(html.attributes["data-errors"] == nil, "page errors: \(html.attributes["data-errors"] ?? "")", sourceLocation: sourceLocation)
    let complaints = loaded.consoleLines.filter { $0.contains("Uncaught") || $0.contains("Refused") || $0.contains("rror") }
    #expect(complaints.isEmpty, "console: \(complaints)", sourceLocation: sourceLocation)
    let body = try #require(Tag.all("body", in: dom).first, sourceLocation: sourceLocation)
    #expect(body.attributes["data-ready"] == "true", sourceLocation: sourceLocation)
    #expect(body.attributes["data-step"] == String(index), sourceLocation: sourceLocation)
    let step = steps[index - 1]
    let value = try #require(step["value"] as? Double, sourceLocation: sourceLocation)
    #expect(body.attributes["data-quantity"] == step["quantity"] as? String, sourceLocation: sourceLocation)
    // Within a few units in the last place: Foundation's JSON reader may round the last digit.
    let status = try #require(body.attributes["data-value"].flatMap(Double.init), sourceLocation: sourceLocation)
    #expect(abs(status - value) <= 1e-14 * abs(value), "\(status) for \(value)", sourceLocation: sourceLocation)

    // The list: exactly this step is current.
    let items = Tag.all("li", in: dom).filter { $0.classes.contains("step") }
    #expect(items.count == steps.count, sourceLocation: sourceLocation)
    let current = items.filter { $0.classes.contains("current") }.map { $0.attributes["id"] ?? "" }
    #expect(current == ["step-\(index)"], sourceLocation: sourceLocation)

    // The value under the graph, as the walk shows it.
    if let panel = dom.range(of: #"id="current""#) {
      let after = dom[panel.upperBound...]
      if let start = after.range(of: #"<strong class="value">"#), let end = after[start.upperBound...].range(of: "</strong>") {
        let shown = try #require(number(String(after[start.upperBound..<end.lowerBound])), sourceLocation: sourceLocation)
        #expect(abs(shown.value - value) <= shown.tolerance, "panel shows \(shown.value) for \(value)", sourceLocation: sourceLocation)
      } else {
        Issue.record("no value under the graph", sourceLocation: sourceLocation)
      }
    }

    // The graph: the step's node marked, and its value or gradient shown on it.
    let expected = expectedFocus(step)
    let nodes = Tag.all("g", in: dom).filter { $0.classes.contains("node") }
    let marked = nodes.filter { $0.classes.contains("current") }.map { $0.attributes["data-quantity"] ?? "" }
    guard let node = expected.node else { return }
    #expect(marked == [node], "step \(index) (\(step["quantity"] ?? "")) marks \(marked)", sourceLocation: sourceLocation)
    let section = step["section"] as? String
    let kind = step["kind"] as? String
    if let edge = expected.edge {
      let edges = Tag.all("g", in: dom).filter { $0.classes.contains("edge") && $0.classes.contains("current") }
      #expect(
        edges.map { [$0.attributes["data-from"] ?? "", $0.attributes["data-to"] ?? ""] } == [[edge.from, edge.to]],
        sourceLocation: sourceLocation)
      if let local = edges.first?.text("local", in: dom), let shown = number(local.text) {
        #expect(abs(shown.value - value) <= shown.tolerance, "edge shows \(local.text) for \(value)", sourceLocation: sourceLocation)
      }
    } else if let tag = nodes.first(where: { $0.attributes["data-quantity"] == node }), section != "experiments" {
      let label = try #require(tag.text(kind == "chain rule" ? "gradient" : "value", in: dom), sourceLocation: sourceLocation)
      #expect(!label.classes.contains("unreached"), sourceLocation: sourceLocation)
      let shown = try #require(number(label.text), "label '\(label.text)'", sourceLocation: sourceLocation)
      #expect(abs(shown.value - value) <= shown.tolerance, "node \(node) shows \(label.text) for \(value)", sourceLocation: sourceLocation)
    }
  }

  /// Where the screenshot `which` of `name` goes (the folder made if need be).
  static func screenshot(_ name: String, _ which: String) throws -> URL {
    try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
    return screenshots.appendingPathComponent("\(name)-\(which).png")
  }

  /// Checks that `picture` is a PNG with something in it.
  static func expectPicture(_ picture: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let bytes = try Data(contentsOf: picture)
    #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(picture.path) is a PNG", sourceLocation: sourceLocation)
    #expect(bytes.count > 10_000, "\(picture.path) shows something", sourceLocation: sourceLocation)
  }

  /// The name the example file's `loss` line gives.
  static func declaredLoss(_ name: String) throws -> String {
    let text = try String(contentsOf: Tool.repository.appendingPathComponent("Examples/\(name).txt"), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("loss ") })
    return String(line.dropFirst(5).trimmingCharacters(in: .whitespaces))
  }

  /// Checks that at step `index` the graph shows the values and gradients ∂loss/∂node the
  /// steps up to it reach, and hides the others.
  static func expectOnlyReached(
    _ loaded: Browser.Loaded, _ index: Int, of steps: [[String: Any]], loss: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let reached = steps.prefix(index)
    for node in Tag.all("g", in: loaded.dom).filter({ $0.classes.contains("node") }) {
      let name = node.attributes["data-quantity"] ?? ""
      let about = reached.filter { expectedFocus($0).node == name }
      let valued = about.contains {
        ["given", "value", "update"].contains($0["kind"] as? String) && $0["section"] as? String != "experiments"
      }
      // ∂loss/∂node: a chain-rule product, or a local derivative of the loss itself.
      var graded = about.contains {
        $0["kind"] as? String == "chain rule" || ($0["kind"] as? String == "local derivative" && expectedFocus($0).edge?.to == loss)
      }
      // The loss itself: its seed ∂L/∂L = 1 from the first step of the backward pass on.
      if name == loss {
        graded = graded || reached.contains { ["chain rule", "local derivative"].contains($0["kind"] as? String) }
      }
      if let value = node.text("value", in: loaded.dom) {
        #expect(value.classes.contains("unreached") != valued, "\(name) at step \(index): \(value)", sourceLocation: sourceLocation)
      }
      if let gradient = node.text("gradient", in: loaded.dom) {
        #expect(
          gradient.classes.contains("unreached") != graded, "\(name) at step \(index): \(gradient)", sourceLocation: sourceLocation)
      }
    }
  }

  @Test(arguments: examples) func theKeyboardStepsToTheLastStep(_ name: String) throws {
    if Self.browserMissing("walk --html") { return }
    let written = try Self.write("walk", name)
    defer { try? FileManager.default.removeItem(at: written.folder) }
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stderr == "Wrote \(written.file.path): open it in a web browser (xdg-open \(written.file.path)).\n")
    let count = written.steps.count
    // Space and → step forward, ← back: 1 + (count − 2) + 2 − 1 + 1 = count.
    let picture = try Self.screenshot(name, "last")
    let loaded = try Browser.load(
      written.file, fragment: "step=1&keys=ArrowRight*\(count - 2),Space*2,ArrowLeft,ArrowRight", screenshot: picture)
    try Self.expectAt(loaded, count, of: written.steps)
    Self.expectOnlyReached(loaded, count, of: written.steps, loss: try Self.declaredLoss(name))
    // The address followed along: it now names the last step (and no longer the keys).
    #expect(Tag.all("body", in: loaded.dom).first?.attributes["data-address"] == "#step=\(count)")
    try Self.expectPicture(picture)
    // One node for each quantity of the file.
    let nodes = Tag.all("g", in: loaded.dom).filter { $0.classes.contains("node") }.compactMap { $0.attributes["data-quantity"] }
    #expect(nodes.count == Set(nodes).count)
    #expect(Set(nodes) == (try Self.declaredQuantities(name)))
  }

  @Test(arguments: examples) func eachKindOfStepMarksItsNodeAndShowsItsValue(_ name: String) throws {
    if Self.browserMissing("walk --html") { return }
    let written = try Self.write("walk", name)
    defer { try? FileManager.default.removeItem(at: written.folder) }
    let loss = try Self.declaredLoss(name)
    // The first local derivative, chain-rule product and update (a browser run each, so only
    // these three; givens and forward values are checked at steps 1 and 12).
    let kinds: [(String, String)] = [("backward", "local derivative"), ("backward", "chain rule"), ("update", "update")]
    for (section, kind) in kinds {
      let index =
        try #require(
          written.steps.firstIndex { $0["section"] as? String == section && $0["kind"] as? String == kind }, "\(section) \(kind)") + 1
      // Reached from the first step with the keyboard (End, then Home: both keys work).
      let loaded = try Browser.load(written.file, fragment: "step=1&keys=End,Home,ArrowRight*\(index - 1)")
      try Self.expectAt(loaded, index, of: written.steps)
      Self.expectOnlyReached(loaded, index, of: written.steps, loss: loss)
    }
  }

  @Test(arguments: examples) func aFragmentOpensItsStepAndNothingLaterIsShown(_ name: String) throws {
    if Self.browserMissing("walk --html") { return }
    let written = try Self.write("walk", name)
    defer { try? FileManager.default.removeItem(at: written.folder) }
    let loss = try Self.declaredLoss(name)
    let picture = try Self.screenshot(name, "first")
    let first = try Browser.load(written.file, fragment: "step=1", screenshot: picture)
    try Self.expectAt(first, 1, of: written.steps)
    Self.expectOnlyReached(first, 1, of: written.steps, loss: loss)
    try Self.expectPicture(picture)
    let twelve = try Browser.load(written.file, fragment: "step=12")
    try Self.expectAt(twelve, 12, of: written.steps)
    Self.expectOnlyReached(twelve, 12, of: written.steps, loss: loss)
  }

  @Test func checkOpensAtTheFirstValueThatDiffers() throws {
    if Self.browserMissing("check --html") { return }
    let written = try Self.write("check", "simple-chain")
    defer { try? FileManager.default.removeItem(at: written.folder) }
    #expect(written.status == 1, "simple-chain's document has slips: \(written.stderr)")
    let first = try #require(written.steps.firstIndex { $0["verdict"] as? String == "differ" }) + 1
    // No step in the address: the page opens at the first difference. `d` hides the
    // document's values, `t` turns the page dark.
    let picture = try Self.screenshot("simple-chain", "check-dark")
    let loaded = try Browser.load(written.file, fragment: "keys=d,t", screenshot: picture)
    try Self.expectAt(loaded, first, of: written.steps)
    try Self.expectPicture(picture)
    let html = try #require(Tag.all("html", in: loaded.dom).first)
    #expect(html.attributes["data-theme"] == "dark")
    let body = try #require(Tag.all("body", in: loaded.dom).first)
    #expect(body.classes.contains("hide-document"))
    let button = Tag.all("button", in: loaded.dom).first { $0.attributes["data-action"] == "document" }
    #expect(button?.attributes["aria-pressed"] == "false")
  }

  /// `g` shows the graph alone across the page, and the list of steps is hidden; `g` again
  /// brings it back.
  @Test func theGraphAloneAcrossThePage() throws {
    if Self.browserMissing("walk --html") { return }
    let written = try Self.write("walk", "handwritten-222")
    defer { try? FileManager.default.removeItem(at: written.folder) }
    let picture = try Self.screenshot("handwritten-222", "graph-alone")
    let alone = try Browser.load(written.file, fragment: "step=40&keys=g", screenshot: picture)
    try Self.expectAt(alone, 40, of: written.steps)
    try Self.expectPicture(picture)
    #expect(try #require(Tag.all("html", in: alone.dom).first).attributes["data-layout"] == "graph")
    let button = Tag.all("button", in: alone.dom).first { $0.attributes["data-action"] == "layout" }
    #expect(button?.attributes["aria-pressed"] == "true")
    let back = try Browser.load(written.file, fragment: "step=40&keys=g,g")
    #expect(try #require(Tag.all("html", in: back.dom).first).attributes["data-layout"] == nil)
  }
}

extension WalkPageBrowserTests {
  /// How large the page draws its picture: pixels per unit of the drawing, as the page says.
  static func scale(_ loaded: Browser.Loaded) throws -> Double {
    let section = try #require(Tag.all("section", in: loaded.dom).first { $0.attributes["class"] == "graph" })
    return try #require(Double(section.attributes["data-scale"] ?? ""))
  }

  /// `g` on a network too wide for the screen: the picture is drawn at 0.7 pixels per unit
  /// or more (text 17 units high stays about 12 px), and scrolls rather than shrinking.
  @Test func theGraphAloneIsNeverDrawnTooSmallToRead() throws {
    if Self.browserMissing("walk --html") { return }
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let example = folder.appendingPathComponent("deep.txt").path
    let page = folder.appendingPathComponent("deep.html")
    #expect(try Tool.run(["new", "--layers", "2-3-3-3-2", "--output", example]).status == 0)
    #expect(try Tool.run(["walk", example, "--html", page.path]).status == 0)
    let picture = try Self.screenshot("deep", "graph-alone")
    let alone = try Browser.load(page, fragment: "step=120&keys=g", screenshot: picture)
    try Self.expectPicture(picture)
    let svg = try #require(Tag.all("svg", in: alone.dom).first)
    let viewBox = try #require(svg.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
    #expect(viewBox[2] * 0.7 > 1600, "the network is wider than the screen at the least scale")
    #expect(try Self.scale(alone) >= 0.699)
    // Beside the list, the picture fits its box as before.
    let beside = try Browser.load(page, fragment: "step=120")
    #expect(try Self.scale(beside) < 0.5)
  }

  /// A long comment on a document line scrolls inside the step's panel: the graph keeps most
  /// of its size, and the controls stay on the screen.
  @Test func aLongNoteDoesNotPushTheGraphOffTheScreen() throws {
    if Self.browserMissing("walk --html") { return }
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let example = folder.appendingPathComponent("note.txt")
    let note = String(repeating: "The handout rounds this value before multiplying, which the lecture points out later. ", count: 30)
    let text = """
      input x = 2
      target y = 20
      param w1 = 2
      param w2 = 0.5
      h = x * w1
      yhat = h * w2
      L = 1/2 * (y - yhat)^2
      loss L
      doc h = 5   # \(note)

      """
    try text.write(to: example, atomically: true, encoding: .utf8)
    let page = folder.appendingPathComponent("note.html")
    #expect(try Tool.run(["walk", example.path, "--html", page.path]).status == 0)
    // Step 1 is x, with nothing from the document; step 5 is h, with the note.
    let plain = try Self.scale(try Browser.load(page, fragment: "step=1"))
    let picture = try Self.screenshot("long-note", "step-5")
    let noted = try Browser.load(page, fragment: "step=5", screenshot: picture)
    try Self.expectPicture(picture)
    #expect(try #require(Tag.all("body", in: noted.dom).first).attributes["data-node"] == "h")
    // The panel takes at most 30% of the height: the graph keeps well over half its size.
    #expect(try Self.scale(noted) >= 0.5 * plain, "the graph keeps its size: \(plain)")
  }
}
