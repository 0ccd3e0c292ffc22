import BackpropCore

/// Escapers for LaTeX, as `pdflatex` reads it with no package beyond Debian's
/// texlive-latex-base.
extension Escaping {
  /// The Unicode symbols prose may hold, each as LaTeX that prints it in the standard
  /// fonts (the Greek letters come from ``GreekLetters``).
  static let latexSymbols: [Character: String] = {
    var symbols: [Character: String] = [
      "∂": "\\ensuremath{\\partial}", "′": "\\ensuremath{'}", "·": "\\ensuremath{\\cdot}", "−": "\\ensuremath{-}",
      "²": "\\ensuremath{^{2}}", "³": "\\ensuremath{^{3}}", "½": "\\ensuremath{\\frac{1}{2}}", "¼": "\\ensuremath{\\frac{1}{4}}",
      "∇": "\\ensuremath{\\nabla}", "←": "\\ensuremath{\\leftarrow}", "→": "\\ensuremath{\\rightarrow}",
      "’": "'", "‘": "`", "“": "``", "”": "''", "—": "---", "–": "--", "…": "\\ldots{}", "√": "\\ensuremath{\\surd}",
      "✓": "\\ensuremath{\\surd}", "✗": "\\ensuremath{\\times}", "≈": "\\ensuremath{\\approx}", "×": "\\ensuremath{\\times}",
      "≤": "\\ensuremath{\\le}", "≥": "\\ensuremath{\\ge}", "±": "\\ensuremath{\\pm}", "\u{A0}": "~",
    ]
    for (letter, name) in GreekLetters.table {
      symbols[letter] = name == "yhat" ? "\\ensuremath{\\hat{y}}" : "\\ensuremath{\\\(name)}"
    }
    return symbols
  }()

  /// `text` as LaTeX prose that prints as written: the ten specials (`\ { } $ & # % _ ~ ^`)
  /// escaped, the symbols of ``latexSymbols`` as commands, line breaks as spaces, and any
  /// other character outside printable ASCII as `?` (the standard fonts have no glyph for
  /// it, and pdflatex would stop). Nothing in `text` can run a command or open a file.
  ///
  /// Long text stays printable: a word of more than 30 characters may break after every
  /// 30th (`\allowbreak{}`), so a long file name or source cannot run off the page, and an
  /// output line is ended (at a space, or with `%` inside a word) every 200 characters or
  /// so, since pdflatex cannot read a line longer than its buffer.
  public static func latex(_ text: String) -> String {
    var out = ""
    var previous: Character = " "
    var word = 0
    var lineStart = 0
    var lineLength: Int { out.utf8.count - lineStart }
    for character in text {
      // `--` and `---` would print as dashes: `-{}-` keeps `--round` as typed.
      if character == "-", previous == "-" { out += "{}" }
      defer { previous = character }
      if character.isWhitespace {
        word = 0
        if lineLength > 200 {
          out += "\n"
          lineStart = out.utf8.count
          continue
        }
      } else {
        word += 1
        if word > 30 {
          word = 1
          out += lineLength > 200 ? "\\allowbreak{}%\n" : "\\allowbreak{}"
          if out.hasSuffix("\n") { lineStart = out.utf8.count }
        }
      }
      switch character {
      // OT1 prints a backtick as an opening quote: the grave accent alone is the backtick.
      case "`": out += "\\`{}"
      case "\\": out += "\\textbackslash{}"
      case "{", "}", "$", "&", "#", "%", "_": out += "\\" + String(character)
      case "~": out += "\\~{}"
      case "^": out += "\\^{}"
      // Ligatures that would change what is printed, and the characters OT1 prints as others.
      case "<": out += "\\textless{}"
      case ">": out += "\\textgreater{}"
      case "|": out += "\\textbar{}"
      // OT1 has no straight double quote: an opening or a closing one, as the place says.
      case "\"": out += previous.isWhitespace || "([{".contains(previous) ? "``" : "''"
      case "\n", "\r", "\t": out += " "
      default:
        if let symbol = latexSymbols[character] {
          out += symbol
        } else if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
          out.append(character)
        } else {
          out += "?"
        }
      }
    }
    return out
  }
}
