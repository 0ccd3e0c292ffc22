import Foundation

/// The handout as Markdown for GitHub: a heading, a table per section, mathematics as
/// TeX in `$…$`, prose escaped (``Escaping/markdown(_:)``).
extension Handout {
  /// The whole handout, starting with ``WriterMark/markdown``.
  public func markdown() -> String {
    var output = Output()
    output.line(WriterMark.markdown)
    output.line("# " + Escaping.markdown(title))
    for line in preamble {
      output.line()
      output.line(Escaping.markdown(line))
    }
    for section in sections {
      output.line()
      output.line("## " + Escaping.markdown(section.heading))
      output.line()
      let givens = section.rows.allSatisfy(\.isGiven)
      var header = givens ? ["Quantity", "Value", "Role"] : ["Step", "Formula", "Substitution", "Value"]
      if version == .withDocument { header += ["Document", "Verdict"] }
      output.line("| " + header.joined(separator: " | ") + " |")
      output.line("|" + String(repeating: " --- |", count: header.count))
      for row in section.rows {
        output.line("| " + markdownCells(row, givens: givens).joined(separator: " | ") + " |")
      }
    }
    if let summary {
      for line in summary.split(separator: "\n") {
        output.line()
        output.line(Escaping.markdown(String(line)))
      }
    }
    return output.text
  }

  /// `$…$`, or an empty cell.
  static func markdownMath(_ text: String?) -> String {
    guard let text, !text.isEmpty else { return "" }
    return "$" + TeXMath.render(text).trimmingCharacters(in: .whitespaces) + "$"
  }

  /// A box to write a value in.
  static let markdownBox = "$\\boxed{\\phantom{0.000000}}$"

  private func markdownCells(_ row: Row, givens: Bool) -> [String] {
    let math = row.math
    var cells: [String]
    if givens {
      cells = [Self.markdownMath(math.quantity), Self.markdownMath(math.value), Escaping.markdown(row.role ?? "")]
    } else {
      let blank = version == .blanks && !row.isGiven
      cells = [
        Self.markdownMath(math.quantity), Self.markdownMath(math.formula),
        blank ? "" : Self.markdownMath(math.arithmetic), blank ? Self.markdownBox : Self.markdownMath(math.value),
      ]
    }
    if version == .withDocument {
      var verdict = ""
      if let (mark, difference) = verdictText(row) {
        verdict = Escaping.markdown(mark) + (difference.map { " " + Self.markdownMath($0) } ?? "")
      }
      if let times = timesText(row) { verdict += " " + Escaping.markdown(times) }
      if let cause = row.cause { verdict += "<br>" + Escaping.markdown(cause) }
      cells += [Self.markdownMath(math.document), verdict]
    }
    return cells
  }
}
