import BackpropCore
import Foundation
import Testing

@testable import BackpropPresentation

/// The JSON writer: escaping, numbers, layout; and the walk's JSON for the linear chain.
@Suite struct JSONTests {
  @Test func stringsEscapeQuotesBackslashesAndControlCharacters() {
    #expect(JSON.string("say \"hi\"").rendered() == #""say \"hi\"""#)
    #expect(JSON.string("a\\b").rendered() == #""a\\b""#)
    #expect(JSON.string("1\n2\r3\t4").rendered() == #""1\n2\r3\t4""#)
    // Other control characters as \u00XX, lower-case hex, four digits.
    #expect(JSON.string("\u{01}\u{1F}").rendered() == #""\u0001\u001f""#)
    // Everything else, Unicode included, as it is.
    #expect(JSON.string("∂L/∂ŷ = −18").rendered() == "\"∂L/∂ŷ = −18\"")
  }

  @Test func escapedStringsReadBackUnchanged() throws {
    let text = "quote \" backslash \\ " + String((0..<0x20).map { Character(Unicode.Scalar($0)!) }) + " end"
    let rendered = JSON.array([.string(text)]).rendered()
    let parsed = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String]
    #expect(parsed == [text])
  }

  @Test func numbersAreShortestAndNonFiniteIsNull() {
    #expect(JSON.number(0.1).rendered() == "0.1")
    #expect(JSON.number(-72).rendered() == "-72")
    #expect(JSON.number(.nan).rendered() == "null")
    #expect(JSON.number(.infinity).rendered() == "null")
    #expect(JSON.number(-.infinity).rendered() == "null")
    #expect(JSON.integer(109).rendered() == "109")
    #expect(JSON.optional(nil).rendered() == "null")
  }

  @Test func objectsKeepTheirKeysInOrderOneALine() {
    let json = JSON.object([("b", .integer(1)), ("a", .array([.bool(true), .null])), ("e", .object([])), ("f", .array([]))])
    #expect(
      json.rendered() == """
        {
          "b": 1,
          "a": [
            true,
            null
          ],
          "e": {},
          "f": []
        }
        """)
  }
}
