import Foundation

/// Headless Chromium, driven from the command line: `--dump-dom` gives the page as the
/// script left it, `--screenshot` a picture of it. No package, no DevTools session.
enum Browser {
  /// The browser's path on this machine, if one is installed.
  static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// The flags every run takes: no sandbox (tests may run as root), no GPU, a profile of
  /// its own (runs side by side do not share one), no first-run noise.
  static func flags(profile: URL) -> [String] {
    [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
      "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
    ]
  }

  /// A loaded page: the DOM as the page's script left it, and the browser's log.
  struct Loaded {
    var dom: String
    var log: String

    /// What the page's console said, one line each (`"message", source: ...`).
    var consoleLines: [String] { log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") } }
  }

  /// Opens `file` with `fragment` (`step=3&keys=End`) and returns the DOM once it has loaded;
  /// with `screenshot`, also saves a 1600×900 picture of it there, in the same run.
  static func load(_ file: URL, fragment: String = "", screenshot: URL? = nil) throws -> Loaded {
    let profile = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: profile) }
    let address = file.absoluteString + (fragment.isEmpty ? "" : "#" + fragment)
    var arguments = flags(profile: profile)
    if let screenshot {
      try? FileManager.default.removeItem(at: screenshot)
      arguments += ["--hide-scrollbars", "--window-size=1600,900", "--screenshot=\(screenshot.path)"]
    }
    let result = try Tool.run(arguments + ["--dump-dom", address], executable: URL(fileURLWithPath: executable!), timeout: 60)
    return Loaded(dom: withoutScripts(result.stdout), log: result.stderr)
  }

  /// `dom` without the inside of its `<script>` elements, which is code and data, not markup.
  static func withoutScripts(_ dom: String) -> String {
    var out = ""
    var rest = dom[...]
    while let start = rest.range(of: "<script") {
      out += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].range(of: "</script>") else { return out }
      rest = rest[end.upperBound...]
    }
    return out + rest
  }
}

/// The start tags of a dumped DOM, read well enough for a test: a page's own markup, whose
/// attribute values are always quoted with `"`.
struct Tag {
  var name: String
  var attributes: [String: String]
  /// Where the tag ends in the DOM, to read what follows it.
  var end: String.Index

  /// The words of the `class` attribute.
  var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

  /// Every start tag called `name` in `dom`.
  static func all(_ name: String, in dom: String) -> [Tag] {
    var tags: [Tag] = []
    var rest = dom[...]
    while let start = rest.range(of: "<" + name) {
      let after = rest[start.upperBound...]
      guard let close = after.firstIndex(of: ">") else { break }
      let inside = after[..<close]
      if inside.first == " " || inside.isEmpty || inside.first == "\n" {
        tags.append(Tag(name: name, attributes: attributes(String(inside)), end: dom.index(after: close)))
      }
      rest = dom[dom.index(after: close)...]
    }
    return tags
  }

  /// `a="1" b="two"` as a dictionary, the entities HTML serialisation writes decoded.
  static func attributes(_ text: String) -> [String: String] {
    var result: [String: String] = [:]
    var rest = text[...]
    while let equals = rest.range(of: "=\"") {
      let name = rest[..<equals.lowerBound].split(separator: " ").last.map(String.init) ?? ""
      let valueStart = equals.upperBound
      guard let quote = rest[valueStart...].firstIndex(of: "\"") else { break }
      result[name] = decoded(String(rest[valueStart..<quote]))
      rest = rest[rest.index(after: quote)...]
    }
    return result
  }

  /// The text of the first `<text class="CLASS">` after this tag and before the tag's `</g>`.
  func text(_ className: String, in dom: String) -> (text: String, classes: [String])? {
    let inside = dom[end...].prefix { _ in true }
    let stop = inside.range(of: "</g>")?.lowerBound ?? inside.endIndex
    let body = String(inside[..<stop])
    for tag in Tag.all("text", in: body) where tag.classes.contains(className) {
      let content = body[tag.end...]
      let close = content.range(of: "</text>")?.lowerBound ?? content.endIndex
      // Any <tspan> inside is markup, not text.
      var text = ""
      var inTag = false
      for c in content[..<close] {
        if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
      }
      return (Tag.decoded(text), tag.classes)
    }
    return nil
  }

  static func decoded(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
  }
}
