import Foundation
import Testing

/// `walk --format markdown|latex`, with `--with-document`, `--blanks` and `--output`, end to
/// end: what it prints, what it writes, and what it refuses.
@Suite struct HandoutCommandTests {
  /// Runs `arguments` and expects exit 64 with `message` as the error's first line.
  func expectUsageError(_ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let result = try Tool.run(arguments, timeout: 20)
    #expect(result.status == 64, "\(arguments)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("Error: \(message)\n"), "\(result.stderr)", sourceLocation: sourceLocation)
  }

  @Test func optionsThatDoNotGoTogetherAreUsageErrors() throws {
    let walk = ["walk", "simple-chain"]
    try expectUsageError(walk + ["--format", "html"], "'--format' takes markdown or latex, not 'html'")
    try expectUsageError(
      walk + ["--format", "latex", "--json"], "'--json' and '--format' cannot be used together: choose JSON or a handout")
    try expectUsageError(
      walk + ["--format", "markdown", "--blanks", "--with-document"],
      "'--blanks' and '--with-document' cannot be used together: a worksheet shows no answers")
    try expectUsageError(walk + ["--format", "latex", "--step"], "'--step' pauses on a terminal; it cannot be used with '--format'")
    for option in ["--with-document", "--blanks"] {
      try expectUsageError(walk + [option], "'\(option)' needs '--format markdown' or '--format latex'")
    }
    try expectUsageError(walk + ["--output", "handout.md"], "'--output' needs '--format markdown' or '--format latex'")
  }

  @Test func theMarkdownSolutionGoesToStdout() throws {
    let result = try Tool.run(["walk", "simple-chain", "--format", "markdown"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "<!-- Written by backprop-tutor. -->")
    // ∂L/∂w2 = ∂L/∂ŷ · ∂ŷ/∂w2 = (ŷ − y) · h = (2 − 20) · 4 = −72.
    #expect(
      lines.contains(
        #"| $\partial L/\partial w_{2}$ | $\partial L/\partial \hat{y} \cdot \partial \hat{y}/\partial w_{2}$ | $-18 \cdot 4$ | $-72$ |"#))
    #expect(!result.stdout.contains("Document"))
  }

  @Test func withTheDocumentAndAsWorksheet() throws {
    let document = try Tool.run(["walk", "simple-chain", "--format", "markdown", "--with-document", "--ascii"])
    #expect(document.status == 0)
    #expect(document.stdout.unicodeScalars.allSatisfy { $0.isASCII })
    // L' = 1/2 (20 - 5.3192)^2 = 107.763; the document's 107.88 is a slip.
    #expect(document.stdout.contains("| $107.763$ | $107.88$ | X off by $+0.117$ (printed 2 times)<br>slip: "))
    let worksheet = try Tool.run(["walk", "simple-chain", "--format", "latex", "--blanks"])
    #expect(worksheet.status == 0)
    #expect(worksheet.stdout.hasPrefix("% Written by backprop-tutor.\n\\documentclass"))
    #expect(worksheet.stdout.contains(#"h = x \cdot w_{1} & \answerbox{0.34\textwidth} & \answerbox{0.13\textwidth} \\"#))
    #expect(!worksheet.stdout.contains("107.763"))
  }

  @Test func outputWritesTheFileAndReplacesOnlyItsOwn() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("handout.tex").path
    let write = ["walk", "handwritten-222", "--format", "latex", "--output", path]
    let first = try Tool.run(write)
    #expect(first.status == 0)
    #expect(first.stdout.isEmpty)
    #expect(first.stderr == "Wrote \(path): compile it with 'pdflatex \(path)'.\n")
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written.hasPrefix("% Written by backprop-tutor.\n"))
    #expect(written.hasSuffix("\\end{document}\n"))
    // Its own file is replaced; a file someone else wrote only with --force.
    #expect(try Tool.run(write).status == 0)
    try "my notes\n".write(toFile: path, atomically: false, encoding: .utf8)
    let refused = try Tool.run(write)
    #expect(refused.status == 73)
    #expect(refused.stderr == "Error: \(path): exists and is not a LaTeX handout written by backprop-tutor; --force replaces it\n")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "my notes\n")
    // A Markdown handout is not a LaTeX one either.
    let markdown = folder.appendingPathComponent("handout.md").path
    #expect(try Tool.run(["walk", "simple-chain", "--format", "markdown", "--output", markdown]).status == 0)
    #expect(try Tool.run(["walk", "simple-chain", "--format", "latex", "--output", markdown]).status == 73)
    #expect(try Tool.run(write + ["--force"]).status == 0)
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("% Written by backprop-tutor.\n"))
  }

  @Test func aHostileTitleCannotBreakEitherDocument() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("hostile.txt").path
    try """
    title: \\input{/etc/passwd} | $x$ & 100% ~^_ *b* [a](b) <i>
    input x = 2
    param w = 3
    target y = 1
    yhat = x * w
    L = 1/2 * (y - yhat)^2
    loss L
    doc L = 12

    """.write(toFile: file, atomically: false, encoding: .utf8)
    let markdown = try Tool.run(["walk", file, "--format", "markdown"])
    #expect(markdown.status == 0)
    #expect(markdown.stdout.contains(#": \\input{/etc/passwd} \| \$x\$ &amp; 100% \~\^\_ \*b\* \[a\](b) &lt;i&gt;"#))
    let latex = try Tool.run(["walk", file, "--format", "latex"])
    #expect(latex.status == 0)
    #expect(
      latex.stdout.contains(
        #": \textbackslash{}input\{/etc/passwd\} \textbar{} \$x\$ \& 100\% \~{}\^{}\_ *b* [a](b) \textless{}i\textgreater{}}"#))
    #expect(!latex.stdout.contains(#"\input{"#))
  }
}
