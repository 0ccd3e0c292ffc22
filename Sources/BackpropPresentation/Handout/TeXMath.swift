import BackpropCore

/// Mathematics in the lecture's Unicode notation (`∂E_total/∂w5 = 0.138499 · 0.59327`)
/// rewritten as TeX math (`\partial E_{\mathrm{total}}/\partial w_{5} = 0.138499 \cdot 0.59327`),
/// for LaTeX and for GitHub's `$…$`.
///
/// It rewrites symbols and lays out names only; the numbers are the walk's, character
/// for character. Names are set the way a lecture sets them: `w1` as w₁, `net_h1` as
/// net with subscript h1, `E_total` as E with subscript total, `ŷ` as y with a hat.
/// Whatever it does not know becomes `?`, so the result is always valid TeX with no
/// command but those it writes itself.
public enum TeXMath {
  /// `text`, in the Unicode notation, as TeX math (without the surrounding `$`).
  public static func render(_ text: String) -> String {
    var out = TeX()
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if isNameStart(character) {
        var end = index
        while end < characters.count, isNamePart(characters[end]) { end += 1 }
        out += name(String(characters[index..<end]))
        index = end
      } else if character.isPlainDigit || (character == "." && index + 1 < characters.count && characters[index + 1].isPlainDigit) {
        let end = numberEnd(characters, from: index)
        out += number(String(characters[index..<end]))
        index = end
      } else if let digit = superscripts[character] {
        var digits = String(digit)
        index += 1
        while index < characters.count, let next = superscripts[characters[index]] {
          digits.append(next)
          index += 1
        }
        out += "^{\(digits)}"
      } else if character == "^" {
        index += 1
        out += "^{" + exponent(characters, &index) + "}"
      } else {
        out += symbol(character)
        index += 1
      }
    }
    return out.text
  }

  /// TeX being written: a space goes between a control word and a letter or a command
  /// after it (`\\alpha x`, not `\\alphax`), and nowhere else it is not asked for.
  private struct TeX {
    var text = ""

    static func += (tex: inout TeX, piece: String) {
      if let first = piece.first, first.isLetter || first == "\\", tex.endsInControlWord { tex.text += " " }
      tex.text += piece
    }

    private var endsInControlWord: Bool {
      guard let last = text.last, last.isLetter else { return false }
      let word = text.reversed().prefix { $0.isLetter }
      return text.dropLast(word.count).last == "\\"
    }
  }

  private static let superscripts: [Character: Character] = [
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
  ]

  private static let symbols: [Character: String] = [
    "∂": "\\partial", "·": "\\cdot", "−": "-", "′": "'", "∇": "\\nabla", "←": "\\leftarrow", "→": "\\to",
    "…": "\\ldots", "√": "\\surd", "½": "\\tfrac{1}{2}", "¼": "\\tfrac{1}{4}", "≈": "\\approx", "×": "\\times",
    "{": "\\{", "}": "\\}", "#": "\\#", "%": "\\%", "&": "\\&", "$": "\\$", "~": "\\sim", "\\": "\\backslash",
    "|": "\\vert", "_": "\\_", "\"": "''",
  ]

  /// A symbol or punctuation: its TeX, printable ASCII as it is, anything else `?`.
  private static func symbol(_ character: Character) -> String {
    if let tex = symbols[character] { return tex }
    if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return String(character) }
    return "?"
  }

  /// A letter of a name: Latin ASCII as it is, a Greek letter as its command, `ŷ` as `\hat{y}`.
  private static func letter(_ character: Character) -> String {
    if let ascii = character.asciiValue, character.isLetter, ascii < 0x7F { return String(character) }
    if let name = GreekLetters.asciiName(of: character) { return name == "yhat" ? "\\hat{y}" : "\\" + name }
    return "?"
  }

  private static func isNameStart(_ character: Character) -> Bool {
    character.isLetter
  }

  private static func isNamePart(_ character: Character) -> Bool {
    character.isLetter || character.isPlainDigit || character == "_"
  }

  /// `w1` as `w_{1}`, `net_h1` as `\mathrm{net}_{h1}`, `E_total` as `E_{\mathrm{total}}`.
  static func name(_ name: String) -> String {
    let parts = name.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
    let stem = String(parts[0])
    let letters = String(stem.prefix { !$0.isPlainDigit })
    let digits = String(stem.dropFirst(letters.count))
    var base: String
    if digits.allSatisfy(\.isPlainDigit), !letters.isEmpty {
      base = word(letters)
      if !digits.isEmpty { base += "_{\(digits)}" }
    } else {
      base = word(stem)
    }
    guard parts.count == 2 else { return base }
    let subscriptText = String(parts[1])
    let subscriptTeX =
      subscriptText.contains { !$0.isLetter && !$0.isPlainDigit } || hasWord(subscriptText)
      ? word(subscriptText) : subscriptText.map { $0.isPlainDigit ? String($0) : letter($0) }.joined()
    return (digits.isEmpty ? base : "{\(base)}") + "_{\(subscriptTeX)}"
  }

  /// One letter in italics, a word upright: `\mathrm{net}`.
  private static func word(_ text: String) -> String {
    if text.count == 1, let first = text.first { return letter(first) }
    let letters = text.map { $0 == "_" ? "\\_" : $0.isPlainDigit ? String($0) : letter($0) }.joined()
    return "\\mathrm{\(letters)}"
  }

  /// Whether `text` holds two letters in a row: a word, not a letter and a number.
  private static func hasWord(_ text: String) -> Bool {
    zip(text, text.dropFirst()).contains { $0.isLetter && $1.isLetter }
  }

  /// The end of the number starting at `start`: digits, a point, and an exponent `e-05`.
  private static func numberEnd(_ characters: [Character], from start: Int) -> Int {
    var end = start
    while end < characters.count, characters[end].isPlainDigit || characters[end] == "." { end += 1 }
    if end + 1 < characters.count, characters[end] == "e" {
      var exponentEnd = end + 1
      if characters[exponentEnd] == "-" || characters[exponentEnd] == "+" || characters[exponentEnd] == "−" { exponentEnd += 1 }
      if exponentEnd < characters.count, characters[exponentEnd].isPlainDigit {
        while exponentEnd < characters.count, characters[exponentEnd].isPlainDigit { exponentEnd += 1 }
        return exponentEnd
      }
    }
    return end
  }

  /// `3.5e-05` as `3.5\mathrm{e}{-05}`: the digits as printed.
  private static func number(_ text: String) -> String {
    guard let e = text.firstIndex(of: "e") else { return text }
    let exponent = text[text.index(after: e)...].replacingOccurrences(of: "−", with: "-")
    return text[..<e] + "\\mathrm{e}{" + exponent + "}"
  }

  /// What a `^` raises to: a bracketed group (written without its brackets), a name, a number or one symbol.
  private static func exponent(_ characters: [Character], _ index: inout Int) -> String {
    guard index < characters.count else { return "" }
    let start = index
    if characters[index] == "(" {
      var depth = 0
      while index < characters.count {
        if characters[index] == "(" { depth += 1 }
        if characters[index] == ")" { depth -= 1 }
        index += 1
        if depth == 0 { break }
      }
      let inner = characters[(start + 1)..<max(start + 1, index - (depth == 0 ? 1 : 0))]
      return render(String(inner))
    }
    if isNameStart(characters[index]) {
      while index < characters.count, isNamePart(characters[index]) { index += 1 }
    } else if characters[index].isPlainDigit || characters[index] == "." {
      index = numberEnd(characters, from: index)
    } else {
      index += 1
    }
    return render(String(characters[start..<index]))
  }
}

extension Character {
  /// 0 to 9, and nothing else that Unicode calls a number.
  fileprivate var isPlainDigit: Bool { isASCII && isNumber }
}
