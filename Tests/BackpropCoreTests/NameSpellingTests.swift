import Testing

@testable import BackpropCore

/// Names are what they look like: one spelling per name (NFC), nothing invisible, one
/// script; Greek letters still read as their names. And a message quotes at most about
/// 60 characters of what the user wrote.
@Suite struct NameSpellingTests {
  /// A complete example around `declaration`, which declares the parameter used by `z`.
  static func example(_ declaration: String, using name: String) -> String {
    "input x = 2\n\(declaration)\nz = x * \(name)\nloss z\n"
  }

  func error(_ text: String) throws -> ExampleError {
    try #require(throws: ExampleError.self) { try ExampleParser.parse(text, file: "f.txt") }
  }

  @Test func aNameIsNFCNormalised() throws {
    // é typed as e + U+0301 and used as the precomposed U+00E9: one parameter, stored precomposed.
    let example = try ExampleParser.parse(Self.example("param e\u{301} = 3", using: "\u{E9}"), file: "f.txt")
    let name = try #require(example.leaves.last?.name)
    #expect(Array(name.unicodeScalars) == ["\u{E9}"])
  }

  @Test func greekLettersAndSubscriptsStillReadAsTheirNames() throws {
    let text = "input x = 2\nparam σ1 = 1\nparam w₁ = 3\nŷ = x * w1 * sigma1\nδ_o = ŷ\nloss δ_o\n"
    let example = try ExampleParser.parse(text, file: "f.txt")
    #expect(example.leaves.map(\.name) == ["x", "sigma1", "w1"])
    #expect(example.loss == "delta_o")
    // A Greek letter the lexer spells out belongs to no script: it never mixes.
    let greek = try ExampleParser.parse(Self.example("param σΩ = 3", using: "σΩ"), file: "f.txt")
    #expect(greek.leaves.last?.name == "sigmaΩ")
    #expect(try ExampleParser.parse(Self.example("param Ω = 3", using: "Ω"), file: "f.txt").leaves.last?.name == "Ω")
  }

  @Test func aZeroWidthJoinerIsAnErrorAtItsOwnCodePoint() throws {
    let error = try error(Self.example("param w\u{200D}1 = 3", using: "w1"))
    #expect(error.location == SourceLocation(line: 2, column: 7))
    #expect(error.message == "unexpected invisible character U+200D ZERO WIDTH JOINER in a name")
  }

  @Test func everyInvisibleCharacterIsNamed() throws {
    for scalar: Unicode.Scalar in [
      "\u{200B}", "\u{200C}", "\u{2060}", "\u{FEFF}", "\u{202E}", "\u{2066}", "\u{200F}", "\u{61C}", "\u{FE0F}",
    ] {
      let error = try error(Self.example("param w\(scalar)1 = 3", using: "w1"))
      let code = String(scalar.value, radix: 16, uppercase: true)
      #expect(error.message.hasPrefix("unexpected invisible character U+" + String(repeating: "0", count: 4 - min(4, code.count)) + code))
      #expect(error.message.hasSuffix(" in a name"))
    }
  }

  @Test func aLeadingCombiningMarkIsNamedNotTheSpaceBeforeIt() throws {
    let error = try error(Self.example("param \u{301}w = 3", using: "w"))
    #expect(error.message.contains("U+0301 COMBINING ACUTE ACCENT"))
    #expect(!error.message.contains("U+0020"))
    #expect(error.location == SourceLocation(line: 2, column: 6))
  }

  @Test func aCyrillicLetterInALatinNameIsNamedWithItsCodePoint() throws {
    let error = try error(Self.example("param w\u{430}1 = 3", using: "w1"))
    #expect(error.location == SourceLocation(line: 2, column: 8))
    #expect(error.message == "'w\u{430}1' mixes Latin and Cyrillic letters: '\u{430}' is U+0430 CYRILLIC SMALL LETTER A")
  }

  @Test func aNameOfLookAlikesAloneIsAnError() throws {
    let error = try error(Self.example("param \u{430} = 3", using: "a"))
    #expect(error.message.contains("written in Cyrillic letters that look like Latin ones"))
    // A Cyrillic name that does not look Latin is a name.
    #expect(try ExampleParser.parse(Self.example("param \u{436} = 3", using: "\u{436}"), file: "f.txt").leaves.count == 2)
  }

  @Test func anExcerptIsCutAtSixtyCharacters() {
    #expect("short".excerpt() == "short")
    #expect(String(repeating: "a", count: 60).excerpt() == String(repeating: "a", count: 60))
    #expect(String(repeating: "a", count: 61).excerpt() == String(repeating: "a", count: 60) + "…")
  }

  @Test func aThreeHundredKilobyteNameGivesAShortMessage() throws {
    let long = String(repeating: "w", count: 300_000)
    for text in [
      Self.example("param w = 3", using: long),  // unknown name
      "input x = 2\nparam \(long) = 3\nparam \(long) = 4\nz = x\nloss z\n",  // defined twice
      "input x = 2\nparam w = \(long)\nz = x * w\nloss z\n",  // the value must be a number
      "input x = 2\nparam w = 3\nz = x * w\nloss \(long)\n",  // unknown loss
    ] {
      let error = try error(text)
      #expect(!error.message.contains("\n"))
      #expect(error.message.count < 160, "\(error.message.prefix(200))")
      #expect(error.message.contains(String(repeating: "w", count: 60) + "…"))
    }
  }
}
