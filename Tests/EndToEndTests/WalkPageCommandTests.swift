import Foundation
import Testing

/// `walk --html` and `check --html` as commands: what they write and say, what they refuse,
/// and pages that stay self-contained and small. (The page in a browser: WalkPageBrowserTests.)
@Suite struct WalkPageCommandTests {
  static let mark = "<!DOCTYPE html>\n<!-- Written by backprop-tutor. -->\n"

  /// The text between `<script type="application/json" id="walk">` and `</script>`.
  static func embeddedJSON(_ page: String) -> String? {
    guard let start = page.range(of: #"<script type="application/json" id="walk">"#),
      let end = page[start.upperBound...].range(of: "</script>")
    else { return nil }
    return page[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func walkWritesOnePageAndSaysHowToOpenIt() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Tool.run(["walk", "simple-chain", "--html", "walk.html"], directory: folder)
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "Wrote walk.html: open it in a web browser (xdg-open walk.html).\n")
    let page = try String(contentsOf: folder.appendingPathComponent("walk.html"), encoding: .utf8)
    #expect(page.hasPrefix(Self.mark))
    #expect(page.hasSuffix("</html>\n"))
    // The JSON is walk --json's, to the byte (simple-chain has no '<' to escape).
    let json = try Tool.run(["walk", "simple-chain", "--json"])
    #expect(Self.embeddedJSON(page) == json.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    // 62 steps in the JSON, 62 in the list; the page opens at the first.
    #expect(page.components(separatedBy: #"<li id="step-"#).count - 1 == 62)
    #expect(page.contains(#"data-start="1" data-steps="62""#))
    #expect(page.contains(#"<g class="node""#))
  }

  @Test func thePageNeedsNothingFromTheNetwork() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try Tool.run(["walk", "handwritten-222", "--html", "page.html"], directory: folder)
    let page = try String(contentsOf: folder.appendingPathComponent("page.html"), encoding: .utf8)
    #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
    // The only address is the SVG namespace, which is a name, not a download.
    let addresses = page.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }.filter { !$0.hasPrefix("-equiv") }
    #expect(addresses.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg\"") }, "\(addresses)")
    for outside in ["<link", " src=", "@import", "@font-face", "url(http", "url(\"", "url('"] {
      #expect(!page.contains(outside), "\(outside)")
    }
    #expect(page.contains("<style>") && page.contains("<script>") && page.contains("<svg "))
  }

  @Test func everyBuiltInExamplesPageIsUnder300KB() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let list = try Tool.run(["list"])
    let names = list.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.compactMap { $0.split(separator: " ").first }
    #expect(names.count == 15)
    for name in names {
      let result = try Tool.run(["walk", String(name), "--html", "\(name).html"], directory: folder)
      #expect(result.status == 0, "\(name): \(result.stderr)")
      let size = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("\(name).html").path)[.size] as? Int
      #expect((size ?? .max) < 300_000, "\(name): \(size ?? -1) bytes")
    }
  }

  @Test func htmlDoesNotGoWithJSONOrStep() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for other in ["--json", "--step"] {
      let result = try Tool.run(["walk", "simple-chain", "--html", "page.html", other], directory: folder)
      #expect(result.status == 64)
      #expect(result.stderr.hasPrefix("Error: '--html' cannot be combined with '\(other)'"), "\(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func checkWritesThePageOfExactlyOneFile() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let two = try Tool.run(["check", "simple-chain", "shared-bias", "--html", "page.html"], directory: folder)
    #expect(two.status == 64)
    #expect(two.stderr.hasPrefix("Error: '--html' writes the page of one file; give exactly one, not 2"), "\(two.stderr)")
    let submissions = folder.appendingPathComponent("submissions")
    try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
    for name in ["a.txt", "b.txt"] {
      try String(contentsOf: Tool.repository.appendingPathComponent("Examples/simple-chain.txt"), encoding: .utf8)
        .write(to: submissions.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let folderOfTwo = try Tool.run(["check", "submissions", "--html", "page.html"], directory: folder)
    #expect(folderOfTwo.status == 64)
    #expect(folderOfTwo.stderr.hasPrefix("Error: '--html' writes the page of one file; submissions holds 2"), "\(folderOfTwo.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("page.html").path))

    // One file: the usual report on stdout, its status, and the page, opened at the first difference.
    let one = try Tool.run(["check", "submissions/a.txt", "--html", "page.html"], directory: folder)
    let plain = try Tool.run(["check", "submissions/a.txt"], directory: folder)
    #expect(one.status == 1)
    #expect(one.stdout == plain.stdout)
    #expect(one.stderr == "Wrote page.html: open it in a web browser (xdg-open page.html).\n")
    let page = try String(contentsOf: folder.appendingPathComponent("page.html"), encoding: .utf8)
    let json = try JSONSerialization.jsonObject(with: Data(try #require(Self.embeddedJSON(page)).utf8)) as? [String: Any]
    let steps = try #require(json?["steps"] as? [[String: Any]])
    let first = try #require(steps.firstIndex { $0["verdict"] as? String == "differ" }) + 1
    #expect(page.contains(#"<body data-start="\#(first)""#))
  }

  @Test func aFileTheToolDidNotWriteNeedsForce() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let notes = folder.appendingPathComponent("notes.html")
    try "<html>my lecture notes</html>\n".write(to: notes, atomically: true, encoding: .utf8)
    let refused = try Tool.run(["walk", "simple-chain", "--html", "notes.html"], directory: folder)
    #expect(refused.status == 73)
    #expect(
      refused.stderr
        == "Error: notes.html: exists and is not an HTML page written by backprop-tutor; --force replaces it\n")
    #expect(try String(contentsOf: notes, encoding: .utf8) == "<html>my lecture notes</html>\n")
    let forced = try Tool.run(["walk", "simple-chain", "--html", "notes.html", "--force"], directory: folder)
    #expect(forced.status == 0)
    // A page the tool wrote is replaced without --force.
    let again = try Tool.run(["walk", "shared-bias", "--html", "notes.html"], directory: folder)
    #expect(again.status == 0)
    let page = try String(contentsOf: notes, encoding: .utf8)
    #expect(page.hasPrefix(Self.mark) && page.contains("<title>shared-bias: "))
  }

  @Test func whatTheFileSaysIsEscaped() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = """
      title: </script><script>alert("title")</script> & <b>bold</b>
      source: <img src=x onerror=alert(1)>
      input x = 2
      param w = 3
      y = x * w
      loss y
      doc y = 6   # </script><!-- a note -->

      """
    try file.write(to: folder.appendingPathComponent("odd.txt"), atomically: true, encoding: .utf8)
    let result = try Tool.run(["walk", "odd.txt", "--html", "odd.html"], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let page = try String(contentsOf: folder.appendingPathComponent("odd.html"), encoding: .utf8)
    #expect(!page.contains("<script>alert"))
    #expect(!page.contains("<img"))
    #expect(!page.contains("<b>bold"))
    #expect(!page.contains("<!-- a note"))
    #expect(page.contains("&lt;/script&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"))
    // The JSON keeps the text, '<' written as \u003c, and still reads back as the same text.
    let json = try #require(Self.embeddedJSON(page))
    #expect(!json.contains("<"))
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect(object?["title"] as? String == #"</script><script>alert("title")</script> & <b>bold</b>"#)
    // Exactly the page's own two scripts, then the end of the page.
    #expect(page.components(separatedBy: "<script").count - 1 == 2)
    #expect(page.components(separatedBy: "</script>").count - 1 == 2)
  }
}
