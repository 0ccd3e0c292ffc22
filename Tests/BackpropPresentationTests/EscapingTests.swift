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
