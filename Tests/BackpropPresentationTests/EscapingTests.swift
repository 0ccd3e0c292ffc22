import Testing

@testable import BackpropPresentation

/// One escaper per output language, each tested on what that language cannot hold.
@Suite struct EscapingTests {
  @Test func jsonEscapesQuotesBackslashesAndControls() {
    #expect(Escaping.json("a\"b\\c") == #"a\"b\\c"#)
    #expect(Escaping.json("\u{0}\u{8}\n") == #"\u0000\u0008\n"#)
    #expect(Escaping.json("σ(z)") == "σ(z)")
  }

  @Test func dotEscapesQuotesAndBackslashesUnlessKeptForLineBreaks() {
    #expect(Escaping.dot("say \"hi\"") == #"say \"hi\""#)
    #expect(Escaping.dot(#"a\b"#) == #"a\\b"#)
    #expect(Escaping.dot("two\nlines") == #"two\nlines"#)
    // A label's own \n is Graphviz's line break: left alone.
    #expect(Escaping.dot(#"h = x * w1\nvalue 4"#, keepingEscapes: true) == #"h = x * w1\nvalue 4"#)
  }

  @Test func xmlEscapesMarkupAndReplacesWhatXMLCannotHold() {
    #expect(Escaping.xml("L < 1 & \"w\" > 'b'") == "L &lt; 1 &amp; &quot;w&quot; &gt; &apos;b&apos;")
    #expect(Escaping.xml("a\tb\nc") == "a b c")
    #expect(Escaping.xml("\u{1}\u{FFFE}") == "\u{FFFD}\u{FFFD}")
    #expect(Escaping.xml("ŷ") == "ŷ")
  }
}

/// What a terminal would obey rather than show, from a hostile file.
@Suite struct TerminalEscapingTests {
  @Test func terminalShowsControlsAsCodePoints() {
    #expect(Escaping.terminal("a\u{1B}[2Jb") == #"a\u{1B}[2Jb"#)
    #expect(Escaping.terminal("\u{1B}]52;c;aGk=\u{7}") == #"\u{1B}]52;c;aGk=\u{7}"#)
    #expect(Escaping.terminal("\r\t\n\u{7F}\u{9B}\u{80}") == #"\u{D}\u{9}\u{A}\u{7F}\u{9B}\u{80}"#)
    #expect(Escaping.terminal("x\u{202E}y\u{2066}\u{200E}\u{200F}\u{61C}") == #"x\u{202E}y\u{2066}\u{200E}\u{200F}\u{61C}"#)
    #expect(Escaping.terminal("σ(z) = ŷ · w₁ ✓ é") == "σ(z) = ŷ · w₁ ✓ é")
    // U+00A0 and U+00A1 are printable: only U+0080–U+009F are C1.
    #expect(Escaping.terminal("\u{A0}\u{A1}") == "\u{A0}\u{A1}")
  }

  @Test func terminalKeepsLineBreaksOnlyWhenAsked() {
    #expect(Escaping.terminal("one\ntwo\u{1B}\n", keepingLineBreaks: true) == "one\ntwo\\u{1B}\n")
  }

  @Test func jsonEscapesDELC1AndBidiControls() {
    #expect(Escaping.json("\u{1B}\u{7F}\u{9B}\u{202E}\u{2069}") == #"\u001b\u007f\u009b\u202e\u2069"#)
  }

  @Test func dotAndXMLShowNoControls() {
    #expect(Escaping.dot("t\u{1B}[2J") == #"t\\u{1B}[2J"#)
    #expect(Escaping.xml("a\u{202E}b\u{9B}") == "a\u{FFFD}b\u{FFFD}")
  }
}

/// CSV for spreadsheets and gradebooks: RFC 4180 quoting, and no cell read as a formula.
@Suite struct CSVEscapingTests {
  @Test func quotesWhatRFC4180Quotes() {
    #expect(Escaping.csv("plain") == "plain")
    #expect(Escaping.csv("a,b") == "\"a,b\"")
    #expect(Escaping.csv("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(Escaping.csv("two\nlines") == "\"two\nlines\"")
  }

  @Test func aCellThatLooksLikeAFormulaGetsAnApostrophe() {
    #expect(Escaping.csv("=1+2") == "'=1+2")
    #expect(Escaping.csv("+cmd") == "'+cmd")
    #expect(Escaping.csv("-x") == "'-x")
    #expect(Escaping.csv("@SUM(A1)") == "'@SUM(A1)")
    #expect(Escaping.csv("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
    // Plain numbers stay numbers.
    #expect(Escaping.csv("-0.5") == "-0.5")
    #expect(Escaping.csv("-3e-05") == "-3e-05")
    #expect(Escaping.csv("+2") == "+2")
    // What a terminal would act on is shown, not obeyed; a formula stays harmless.
    #expect(Escaping.csv("a\u{1B}[31mred") == "a\\u{1B}[31mred")
    #expect(Escaping.csv("\u{202E}txt.exe") == "\\u{202E}txt.exe")
    #expect(Escaping.csv("x\u{9B}2J\u{2066}") == "x\\u{9B}2J\\u{2066}")
    #expect(Escaping.csv("=\u{7}1") == "'=\\u{7}1")
    #expect(Escaping.csv("\tcmd") == "\\u{9}cmd")
    #expect(Escaping.csv("a\rb") == "a\\u{D}b")
  }
}
