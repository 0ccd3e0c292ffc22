/// Escapers for Markdown as GitHub renders it.
extension Escaping {
  /// `text` as literal Markdown prose that may stand in a table cell or start a paragraph:
  /// the characters Markdown and GitHub's math read as markup anywhere (`\ ` * _ [ ] | $ ~ ^`)
  /// behind a backslash, `&`, `<` and `>` as entities (so no HTML, entity or quote is read),
  /// a leading `#`, `-`, `+`, `=` or `1.` escaped (no heading or list), line breaks as
  /// spaces (a cell is one line), and controls shown as on a terminal.
  public static func markdown(_ text: String) -> String {
    var out = ""
    let text = terminal(text, keepingLineBreaks: true)
    // The `.` or `)` of an ordered list's number at the start: `1.` reads as a list.
    let number = text.prefix { $0.isASCII && $0.isNumber }
    let listMark = number.isEmpty ? nil : text.dropFirst(number.count).first.flatMap { $0 == "." || $0 == ")" ? $0 : nil }
    for (offset, character) in text.enumerated() {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "|", "$", "~", "^": out += "\\" + String(character)
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\n", "\r", "\t": out += " "
      case _ where offset == 0 && "#-+=".contains(character): out += "\\" + String(character)
      case _ where listMark != nil && offset == number.count: out += "\\" + String(character)
      default: out.append(character)
      }
    }
    return out
  }
}
