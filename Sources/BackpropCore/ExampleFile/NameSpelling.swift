import Foundation

/// What a name may be made of, so that two names that look the same are the same name.
///
/// A file is read by a person and checked by the tool: `w1` and `w‍1` (a zero-width
/// joiner inside) would be two parameters printed identically, and so would a Latin `a`
/// and a Cyrillic `а`. The rules:
/// - a name is NFC-normalised: `é` typed as `e` and a combining acute is the precomposed `é`;
/// - an invisible character (zero-width, a bidirectional control, any default-ignorable
///   code point such as a variation selector) is an error wherever it is, and a combining
///   mark with no letter to sit on (the start of a name, after a digit) is one too;
/// - a name's letters are of one script, Latin, Greek or Cyrillic: `wа1` with a Cyrillic
///   `а` is an error naming that letter and its code point;
/// - a name written only in Greek or Cyrillic letters that each look like a Latin one
///   (`а`, `ο`, `Τ`) is an error too: it would print as a Latin name.
///
/// Greek letters stay allowed. The letters of ``GreekLetters`` (`σ`, `δ`, `ŷ`, ...) are
/// spelled out by the lexer (`σ1` is `sigma1`), so they belong to no script here and never
/// "mix": `σ1`, `δ_o` and `ŷ` are names. Other Greek letters (`Ω`, `ο`) count as Greek.
enum NameSpelling {
  enum Script: String {
    case latin = "Latin"
    case greek = "Greek"
    case cyrillic = "Cyrillic"
  }

  /// `U+0430 CYRILLIC SMALL LETTER A`.
  static func describe(_ scalar: Unicode.Scalar) -> String {
    let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
    guard let name = scalar.properties.name ?? scalar.properties.nameAlias else { return code }
    return code + " " + name
  }

  /// A character nobody sees: zero-width, a bidirectional control, or another
  /// default-ignorable code point (a variation selector, a soft hyphen, a tag).
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: return true
    default: return scalar.properties.isDefaultIgnorableCodePoint
    }
  }

  static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: true
    default: false
    }
  }

  /// What is wrong with the character `c` of a line, if it holds an invisible character
  /// or a combining mark with no letter to sit on; `before` and `after` are its neighbours.
  static func problem(with c: Character, before: Character?, after: Character?) -> String? {
    if c.isASCII { return nil }
    let scalars = c.unicodeScalars
    if let invisible = scalars.first(where: isInvisible) {
      let inName = [before, c, after].contains { $0.map(Lexer.isIdentifierPart) ?? false }
      return "unexpected invisible character \(describe(invisible))" + (inName ? " in a name" : "")
    }
    let base = scalars.first!
    guard !Character(base).isLetter, let mark = scalars.first(where: isCombiningMark) else { return nil }
    if mark == base || base.properties.isWhitespace || !Lexer.isIdentifierPart(Character(base)) {
      return "unexpected combining mark \(describe(mark)) at the start of a name; a mark needs a letter before it"
    }
    return "unexpected combining mark \(describe(mark)) after '\(Character(base))'; a mark needs a letter before it"
  }

  /// The name as the lexer spelled it (`spelled`), NFC-normalised, once the letters as
  /// written (`written`, starting at `location`) are found to be of one script.
  static func checked(_ spelled: String, written: [Character], at location: SourceLocation) throws -> String {
    // Plain ASCII, nearly every name: one script, already in NFC.
    if spelled.utf8.allSatisfy({ $0 < 0x80 }) && written.allSatisfy(\.isASCII) { return spelled }
    var scripts: [Script] = []
    var letters: [(offset: Int, letter: Character, script: Script)] = []
    for (offset, c) in written.enumerated() where GreekLetters.asciiName(of: c) == nil {
      guard let script = script(of: c) else { continue }
      letters.append((offset, c, script))
      if !scripts.contains(script) { scripts.append(script) }
    }
    let quoted = String(written).excerpt()
    if scripts.count > 1 {
      // Name the letter that is not Latin: the look-alike slipped into a Latin name.
      let first = scripts.contains(.latin) ? Script.latin : scripts[0]
      let odd = letters.first { $0.script != first }!
      throw LocatedError(
        SourceLocation(line: location.line, column: location.column + odd.offset),
        "'\(quoted)' mixes \(first.rawValue) and \(odd.script.rawValue) letters: '\(odd.letter)' is \(describe(odd.letter.unicodeScalars.first!))"
      )
    }
    if let script = scripts.first, script != .latin, letters.allSatisfy({ lookAlikes.contains($0.letter.unicodeScalars.first!.value) }),
      let first = letters.first
    {
      throw LocatedError(
        SourceLocation(line: location.line, column: location.column + first.offset),
        "'\(quoted)' is written in \(script.rawValue) letters that look like Latin ones: '\(first.letter)' is "
          + "\(describe(first.letter.unicodeScalars.first!)); write the name in Latin letters")
    }
    return spelled.precomposedStringWithCanonicalMapping
  }

  /// The script of a letter, for the three whose letters look alike; `nil` for other
  /// scripts, digits and marks.
  static func script(of c: Character) -> Script? {
    if c.isASCII { return c.isLetter ? .latin : nil }
    guard c.isLetter, let scalar = String(c).precomposedStringWithCanonicalMapping.unicodeScalars.first else { return nil }
    switch scalar.value {
    case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2AF, 0x1D00...0x1D7F, 0x1E00...0x1EFF,
      0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
      return .latin
    case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
    case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
    default: return nil
    }
  }

  /// Greek and Cyrillic letters that print like a Latin letter.
  static let lookAlikes: Set<UInt32> = [
    // Cyrillic: а е о р с у х ѕ і ј һ ԁ ԛ ԝ ӏ, А В Е К М Н О Р С Т Х Ѕ І Ј Ү Ԛ Ԝ Ӏ
    0x430, 0x435, 0x43E, 0x440, 0x441, 0x443, 0x445, 0x455, 0x456, 0x458, 0x4BB, 0x501, 0x51B, 0x51D, 0x4CF,
    0x410, 0x412, 0x415, 0x41A, 0x41C, 0x41D, 0x41E, 0x420, 0x421, 0x422, 0x425, 0x405, 0x406, 0x408, 0x4AE, 0x51A, 0x51C, 0x4C0,
    // Greek (the letters GreekLetters does not spell out): ο ι υ ϲ ϳ, Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ Ϲ Ϳ
    0x3BF, 0x3B9, 0x3C5, 0x3F2, 0x3F3,
    0x391, 0x392, 0x395, 0x396, 0x397, 0x399, 0x39A, 0x39C, 0x39D, 0x39F, 0x3A1, 0x3A4, 0x3A5, 0x3A7, 0x3F9, 0x37F,
  ]
}
