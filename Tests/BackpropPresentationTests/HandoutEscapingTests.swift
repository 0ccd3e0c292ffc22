import BackpropPresentation
import Testing

/// Prose in a Markdown or LaTeX handout prints as written: nothing in an example's title
/// or name can start a command, a table cell, math or a link.
@Suite struct HandoutEscapingTests {
  static let hostile = #"\input{/etc/passwd} | $x$ & 100% #1 ~^_ *b* [a](b) <i>"#

  @Test func markdownEscapesItsMarkup() {
    #expect(Escaping.markdown("a|b") == "a\\|b")
    #expect(Escaping.markdown("*x* _y_ `z`") == "\\*x\\* \\_y\\_ \\`z\\`")
    #expect(Escaping.markdown("$x$") == "\\$x\\$")
    #expect(Escaping.markdown("a\\b") == "a\\\\b")
    #expect(Escaping.markdown("[a](b)") == "\\[a\\](b)")
    #expect(Escaping.markdown("<b>&amp;") == "&lt;b&gt;&amp;amp;")
    #expect(Escaping.markdown("# title") == "\\# title")
    #expect(Escaping.markdown("- item") == "\\- item")
    #expect(Escaping.markdown("1. first") == "1\\. first")
    #expect(Escaping.markdown("x - y = 2.5") == "x - y = 2.5")
    #expect(Escaping.markdown("two\nlines") == "two lines")
    #expect(Escaping.markdown("∂L/∂ŷ = −18") == "∂L/∂ŷ = −18")
  }

  @Test func aHostileTitleStaysOneCellOfText() {
    let escaped = Escaping.markdown(Self.hostile)
    #expect(escaped == #"\\input{/etc/passwd} \| \$x\$ &amp; 100% #1 \~\^\_ \*b\* \[a\](b) &lt;i&gt;"#)
    // Every | and $ is escaped: none can end a cell or open math.
    for (index, character) in escaped.enumerated() where character == "|" || character == "$" {
      #expect(Array(escaped)[index - 1] == "\\")
    }
  }

  @Test func latexEscapesTheTenSpecials() {
    #expect(Escaping.latex(#"\"#) == #"\textbackslash{}"#)
    #expect(Escaping.latex("{}$&#%_") == ##"\{\}\$\&\#\%\_"##)
    #expect(Escaping.latex("~^") == #"\~{}\^{}"#)
    #expect(Escaping.latex("a|b<c>") == #"a\textbar{}b\textless{}c\textgreater{}"#)
    #expect(Escaping.latex("--round") == "-{}-round")
    #expect(Escaping.latex("simple-chain") == "simple-chain")
    #expect(Escaping.latex(#"say "hi""#) == "say ``hi''")
  }

  /// A backtick prints as one (OT1 would print an opening quote); a long word may break
  /// after every 30th character; no output line is much longer than 200 characters, since
  /// pdflatex stops at a line longer than its buffer.
  @Test func latexKeepsLongTextPrintable() {
    #expect(Escaping.latex("rm `ls`") == #"rm \`{}ls\`{}"#)
    let word = String(repeating: "a", count: 65)
    #expect(
      Escaping.latex(word) == String(repeating: "a", count: 30) + #"\allowbreak{}"# + String(repeating: "a", count: 30)
        + #"\allowbreak{}aaaaa"#)
    let prose = Array(repeating: "word", count: 10_000).joined(separator: " ")
    let lines = Escaping.latex(prose).split(separator: "\n")
    #expect(lines.count > 100)
    #expect(lines.allSatisfy { $0.utf8.count <= 240 })
    let long = Escaping.latex(String(repeating: "x", count: 100_000)).split(separator: "\n")
    #expect(long.allSatisfy { $0.utf8.count <= 240 && ($0.hasSuffix("%") || $0 == long.last) })
  }

  @Test func latexWritesTheLecturesSymbolsAndNothingUnknown() {
    #expect(Escaping.latex("∂L/∂ŷ = −18") == #"\ensuremath{\partial}L/\ensuremath{\partial}\ensuremath{\hat{y}} = \ensuremath{-}18"#)
    #expect(Escaping.latex("α · β²") == #"\ensuremath{\alpha} \ensuremath{\cdot} \ensuremath{\beta}\ensuremath{^{2}}"#)
    #expect(Escaping.latex("✓ ✗") == #"\ensuremath{\surd} \ensuremath{\times}"#)
    #expect(Escaping.latex("日本\u{1B}") == "???")
  }

  @Test func aHostileTitleRunsNoCommand() {
    let escaped = Escaping.latex(Self.hostile)
    #expect(
      escaped
        == ##"\textbackslash{}input\{/etc/passwd\} \textbar{} \$x\$ \& 100\% \#1 \~{}\^{}\_ *b* [a](b) \textless{}i\textgreater{}"##)
    #expect(!escaped.contains(#"\input"#))
  }

  @Test func mathIsSetAsTeX() {
    #expect(
      TeXMath.render("∂L/∂w2 = ∂L/∂ŷ · ∂ŷ/∂w2")
        == #"\partial L/\partial w_{2} = \partial L/\partial \hat{y} \cdot \partial \hat{y}/\partial w_{2}"#)
    #expect(TeXMath.render("E_total") == #"E_{\mathrm{total}}"#)
    #expect(TeXMath.render("net_h1") == #"\mathrm{net}_{h1}"#)
    #expect(TeXMath.render("(y − ŷ')²") == "(y - \\hat{y}')^{2}")
    #expect(TeXMath.render("α · σ(x)") == #"\alpha \cdot \sigma(x)"#)
    #expect(TeXMath.render("3.5102e-05") == #"3.5102\mathrm{e}{-05}"#)
    #expect(TeXMath.render("e^(−x)") == #"e^{-x}"#)
    #expect(TeXMath.render("w1@converged") == #"w_{1}@\mathrm{converged}"#)
    #expect(TeXMath.render("a|b$c{d}%&#") == ##"a\vert b\$c\{d\}\%\&\#"##)
    #expect(TeXMath.render("日") == "?")
  }
}
