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
  public static func latex(_ text: String) -> String {
    var out = ""
    var previous: Character = " "
    for character in text {
      // `--` and `---` would print as dashes: `-{}-` keeps `--round` as typed.
      if character == "-", previous == "-" { out += "{}" }
      defer { previous = character }
      switch character {
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
