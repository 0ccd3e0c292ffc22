import BackpropEngine

/// Splits one line into tokens, reading Unicode spellings as their ASCII forms.
enum Lexer {
  /// Subscript digits, read as digits: `w₁` is `w1`.
  static let subscripts: [Character: String] = [
    "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
  ]

  static let superscripts: [Character: String] = [
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
  ]

  /// Symbols read as themselves besides the operators' spellings.
  static let punctuation: Set<Character> = ["(", ")", "[", "]", ",", "=", "'", "@", ":", "′"]

  static func tokens(in line: Substring, lineNumber: Int) throws -> [Token] {
    let characters = Array(line)
    var tokens: [Token] = []
    var index = 0
    func location(_ i: Int) -> SourceLocation { SourceLocation(line: lineNumber, column: i + 1) }

    while index < characters.count {
      let c = characters[index]
      let start = index
      let neighbours = (index > 0 ? characters[index - 1] : nil, index + 1 < characters.count ? characters[index + 1] : nil)
      if let problem = NameSpelling.problem(with: c, before: neighbours.0, after: neighbours.1) {
        throw LocatedError(location(start), problem)
      }
      if c == " " || c == "\t" || c == "\r" {
        index += 1
      } else if c.isASCII && (c.isNumber || (c == "." && index + 1 < characters.count && characters[index + 1].isASCIIDigit)) {
        let (text, end) = scanNumber(characters, from: index)
        guard let value = Double(text) else {
          throw LocatedError(location(start), "'\(text.excerpt())' is not a number")
        }
        guard value.isFinite else {
          throw LocatedError(location(start), "'\(text.excerpt())' is too large to be a number")
        }
        tokens.append(Token(kind: .number(value, text: text), location: location(start)))
        index = end
      } else if c == "∂" {
        tokens.append(Token(kind: .partial, location: location(start)))
        index += 1
      } else if superscripts[c] != nil {
        // ²³ is the exponent 23, not 2 then 3.
        var exponent = ""
        while index < characters.count, let digit = superscripts[characters[index]] {
          exponent += digit
          index += 1
        }
        tokens.append(Token(kind: .symbol("^"), location: location(start)))
        tokens.append(Token(kind: .number(Double(exponent)!, text: exponent), location: location(start)))
      } else if c == "½" {
        tokens.append(Token(kind: .number(0.5, text: "½"), location: location(start)))
        index += 1
      } else if isIdentifierStart(c) {
        var name = ""
        while index < characters.count, isIdentifierPart(characters[index]) {
          let c = characters[index]
          name += GreekLetters.asciiName(of: c) ?? subscripts[c] ?? String(c)
          index += 1
        }
        let spelled = try NameSpelling.checked(name, written: Array(characters[start..<index]), at: location(start))
        tokens.append(Token(kind: .identifier(spelled), location: location(start)))
      } else if let symbol = Operator.canonicalSymbol(c) ?? (c == "′" ? "'" : (punctuation.contains(c) ? c : nil)) {
        tokens.append(Token(kind: .symbol(symbol), location: location(start)))
        index += 1
      } else if c == "?", isBlankMark(characters, at: index, after: tokens) {
        // `doc X = ?`: a blank, still to be worked out.
        tokens.append(Token(kind: .symbol("?"), location: location(start)))
        index += 1
      } else {
        throw LocatedError(location(start), "unexpected character '\(c.printable)'")
      }
    }
    return tokens
  }

  /// Whether the `?` at `index` is a `doc` line's blank: after its `=`, and last on the line.
  private static func isBlankMark(_ characters: [Character], at index: Int, after tokens: [Token]) -> Bool {
    guard case .identifier("doc")? = tokens.first?.kind, case .symbol("=")? = tokens.last?.kind else { return false }
    return characters[(index + 1)...].allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
  }

  private static func scanNumber(_ characters: [Character], from start: Int) -> (String, Int) {
    var index = start
    var text = ""
    func take(while predicate: (Character) -> Bool) {
      while index < characters.count, predicate(characters[index]) {
        text.append(characters[index])
        index += 1
      }
    }
    take(while: \.isASCIIDigit)
    if index < characters.count, characters[index] == "." {
      text.append(".")
      index += 1
      take(while: \.isASCIIDigit)
    }
    // An exponent only when digits follow: `2e` stays a number and a name.
    if index < characters.count, characters[index] == "e" || characters[index] == "E" {
      var lookahead = index + 1
      if lookahead < characters.count, characters[lookahead] == "+" || characters[lookahead] == "-" {
        lookahead += 1
      }
      if lookahead < characters.count, characters[lookahead].isASCIIDigit {
        text += String(characters[index..<lookahead])
        index = lookahead
        take(while: \.isASCIIDigit)
      }
    }
    return (text, index)
  }

  static func isIdentifierStart(_ c: Character) -> Bool {
    c == "_" || c.isLetter
  }

  static func isIdentifierPart(_ c: Character) -> Bool {
    c == "_" || c.isLetter || (c.isASCII && c.isNumber) || c.isSubscriptDigit
  }
}
