import BackpropPresentation
import Testing

/// Text in a man page: roff's specials never act, hyphens stay minus signs.
@Suite struct RoffEscapingTests {
  @Test func specialsAreEscaped() {
    #expect(Escaping.roff("--round <n>") == "\\-\\-round <n>")
    #expect(Escaping.roff("a\\b") == "a\\eb")
    #expect(Escaping.roff(".TH x\n'br") == "\\&.TH x\n\\&'br")
    #expect(Escaping.roff("a. b") == "a. b")
    #expect(Escaping.roff("σ′") == "\\[u03C3]\\[u2032]")
    #expect(Escaping.roff("\u{1B}[2J") == "\\eu{1B}[2J")
  }

  @Test func shellQuoting() {
    #expect(Escaping.posixShellQuoted("it's") == "'it'\\''s'")
    #expect(Escaping.fishQuoted("it's a \\") == "'it\\'s a \\\\'")
  }
}
