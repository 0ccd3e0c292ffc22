import BackpropCore

/// A walk as one self-contained HTML page, for a projector: the computation graph, the
/// steps beside it, and controls that step through them (`walk --html`, `check --html`).
///
/// Everything is inline (CSS, JavaScript, the SVG graph, the walk's JSON), so the page
/// opens offline from a USB stick; its Content-Security-Policy forbids any network access.
/// The JSON is ``WalkJSON``'s, in `<script type="application/json" id="walk">`; the
/// steps are listed in the same order, one `<li class="step">` for each of its steps.
/// The script and style are `Resources/page.js` and `Resources/page.css`.
public struct WalkPage {
  /// Where the page opens when its address names no step.
  public enum Opening: Sendable {
    /// At the first step.
    case start
    /// At the first value that differs from the document's (for `check`), else the first step.
    case firstDifference
  }

  /// The replayed example.
  public var walkthrough: Walkthrough
  /// What the user typed to name the example: shown in the heading and the JSON.
  public var name: String
  /// Unicode symbols, or ASCII for `--ascii`.
  public var notation: Notation
  /// Where the page opens.
  public var opening: Opening

  /// A page for `walkthrough`, headed with `name`.
  public init(walkthrough: Walkthrough, name: String, notation: Notation = .unicode, opening: Opening = .start) {
    self.walkthrough = walkthrough
    self.name = name
    self.notation = notation
    self.opening = opening
  }

  /// The step the page opens at, 1-based.
  public var openingStep: Int {
    switch opening {
    case .start: return 1
    case .firstDifference:
      let first = walkthrough.lines.firstIndex { if case .differ = $0.verdict { true } else { false } }
      return (first ?? 0) + 1
    }
  }

  /// The whole page, starting with ``WriterMark/html``.
  ///
  /// - Throws: ``ExampleError`` when the graph cannot be evaluated.
  public func render() throws -> String {
    let example = walkthrough.example
    let title = name + ": " + (example.title ?? "untitled example")
    let json = Escaping.scriptJSON(WalkJSON.render(walkthrough, name: name).rendered())
    var page = [
      WriterMark.html,
      #"<html lang="en" data-theme="light">"#,
      "<head>",
      #"<meta charset="utf-8">"#,
      #"<meta name="viewport" content="width=device-width, initial-scale=1">"#,
      // Nothing from the network: the page must work offline, and a file must not phone home.
      #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">"#,
      #"<meta name="generator" content="backprop-tutor">"#,
      "<title>\(Escaping.html(title))</title>",
      "<style>\n\(PageAssets.style)</style>",
      "</head>",
      #"<body data-start="\#(openingStep)" data-steps="\#(walkthrough.lines.count)">"#,
    ]
    page += header()
    page.append("<main>")
    page.append(#"<section class="graph" aria-label="Computation graph">"#)
    // The picture without the document's values: the list shows them, a step at a time.
    page.append(
      try GraphPicture.svg(
        walkthrough, options: .init(edges: true, document: false, notation: notation, standalone: false, roomForSteps: true)))
    page.append("</section>")
    page.append(#"<section class="now" id="current" aria-live="polite" aria-label="The current step"></section>"#)
    page.append(#"<section class="steps" aria-label="The steps of the walk">"#)
    page.append(#"<ol id="steps">"#)
    page += stepItems()
    page.append("</ol>")
    let summary = WalkText(walkthrough: walkthrough, name: name, terminal: Terminal(ascii: notation.style == .ascii, colour: false))
      .summary()
    let summaryLines = summary.split(separator: "\n").map { Escaping.html(String($0)) }
    page.append(#"<p class="summary">\#(summaryLines.joined(separator: "<br>"))</p>"#)
    page.append("</section>")
    page.append("</main>")
    page.append(#"<script type="application/json" id="walk">"#)
    page.append(json)
    page.append("</script>")
    page.append("<script>\n\(PageAssets.script)</script>")
    page.append("</body>")
    page.append("</html>")
    return page.joined(separator: "\n") + "\n"
  }

  /// The title, the source and notes, and the controls.
  private func header() -> [String] {
    let example = walkthrough.example
    var lines = ["<header>"]
    lines.append(
      #"<h1><span class="name">\#(Escaping.html(name))</span> <span class="title">\#(Escaping.html(example.title ?? "untitled example"))</span></h1>"#
    )
    if let source = example.source { lines.append(#"<p class="source">Source: \#(Escaping.html(source))</p>"#) }
    for note in WalkNotes.sentences(walkthrough, notation: notation) {
      lines.append(#"<p class="note">Note: \#(Escaping.html(note))</p>"#)
    }
    if let rounding = walkthrough.rounding {
      let decimals = rounding == 1 ? "decimal" : "decimals"
      lines.append(#"<p class="note">Every value rounded to \#(rounding) \#(decimals) before it is used, as by hand.</p>"#)
    }
    lines.append(contentsOf: [
      #"<nav class="controls" aria-label="Step through the walk">"#,
      #"<button type="button" data-action="first" title="First step (Home)"><kbd>Home</kbd> First</button>"#,
      #"<button type="button" data-action="previous" title="Previous step (←)"><kbd>←</kbd> Back</button>"#,
      #"<span id="position" class="position">Step 1 of \#(walkthrough.lines.count)</span>"#,
      #"<button type="button" data-action="next" title="Next step (→ or Space)">Next <kbd>→</kbd></button>"#,
      #"<button type="button" data-action="last" title="Last step (End)">Last <kbd>End</kbd></button>"#,
      #"<button type="button" data-action="document" aria-pressed="true" title="Show or hide the document's values (d)"><kbd>d</kbd> Document</button>"#,
      #"<button type="button" data-action="layout" aria-pressed="false" title="The graph alone, full width (g)"><kbd>g</kbd> Graph</button>"#,
      #"<button type="button" data-action="theme" title="Light or dark (t)"><kbd>t</kbd> Theme</button>"#,
      "</nav>",
      "</header>",
    ])
    return lines
  }
}

extension WalkPage {
  /// What `walk --html` and `check --html` say on stderr once the page at `path` is written:
  /// `Wrote walk.html: open it in a web browser (xdg-open walk.html).`
  public static func wroteMessage(_ path: String) -> String {
    let shown = Escaping.terminal(path)
    // Quoted for the shell only when it needs it.
    let plain = path.unicodeScalars.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || "0123456789._/+-,:@%".unicodeScalars.contains($0))
    }
    let quoted = Escaping.terminal(plain && !path.hasPrefix("-") ? path : Escaping.posixShellQuoted(path))
    return "Wrote \(shown): open it in a web browser (xdg-open \(quoted)).\n"
  }
}
