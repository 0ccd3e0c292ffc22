/// The handout as a LaTeX document that `pdflatex` compiles with Debian's
/// texlive-latex-base alone (geometry, amsmath, array, longtable): a table per section
/// whose columns fit the page, mathematics set by ``TeXMath``, prose escaped
/// (``Escaping/latex(_:)``).
extension Handout {
  /// The whole document, starting with ``WriterMark/latex``.
  public func latex() -> String {
    var output = Output()
    output.line(WriterMark.latex)
    for line in Self.latexPreamble { output.line(line) }
    output.line("\\begin{document}")
    // Ragged: a long file name or address starts a line of its own rather than stick out.
    output.line("\\raggedright")
    output.line("\\section*{\(Escaping.latex(title))}")
    for line in preamble { output.line(Escaping.latex(line) + "\\par") }
    for section in sections {
      output.line()
      output.line("\\keeptogether")
      output.line("\\subsection*{\(Escaping.latex(section.heading))}")
      let givens = section.rows.allSatisfy(\.isGiven)
      let columns = latexColumns(givens: givens)
      output.line("\\begin{longtable}{" + columns.map(\.spec).joined() + "}")
      // \textbf works in the columns of mathematics too; the widths stay those declared.
      output.line(columns.map { "\\textbf{\($0.heading)}" }.joined(separator: " & ") + " \\\\")
      output.line("\\hline\\endhead")
      for (index, row) in section.rows.enumerated() {
        let note = latexNote(row)
        let isLast = index == section.rows.count - 1
        // `\\*`: no page break between a step and its note, nor before the end (a lone heading).
        output.line(latexCells(row, givens: givens).joined(separator: " & ") + (note != nil || isLast ? " \\\\*" : " \\\\"))
        if let note {
          let end = isLast ? " \\\\*" : " \\\\"
          output.line("\\multicolumn{\(columns.count)}{@{\\hspace{1.5em}}p{0.85\\textwidth}}{\\small\\itshape \(note)}" + end)
        }
      }
      output.line("\\end{longtable}")
    }
    if let summary {
      output.line()
      for line in summary.split(separator: "\n") { output.line(Escaping.latex(String(line)) + "\\par") }
    }
    output.line("\\end{document}")
    return output.text
  }

  /// The lines between the mark and `\begin{document}`.
  static let latexPreamble = [
    "\\documentclass[10pt]{article}",
    "\\usepackage[a4paper,margin=1.8cm]{geometry}",
    "\\usepackage{amsmath}",
    "\\usepackage{array}",
    "\\usepackage{longtable}",
    "\\setlength{\\parindent}{0pt}",
    "\\setlength{\\parskip}{3pt}",
    "\\setlength{\\tabcolsep}{4pt}",
    "\\setlength{\\LTleft}{0pt}",
    "\\setlength{\\LTpre}{2pt}",
    "\\renewcommand{\\arraystretch}{1.2}",
    // A column of mathematics that wraps after an operator, and one of prose.
    "\\newcolumntype{M}[1]{>{\\raggedright\\arraybackslash\\(}p{#1}<{\\)}}",
    "\\newcolumntype{T}[1]{>{\\raggedright\\arraybackslash}p{#1}}",
    // A heading goes to the next page rather than stand alone at the foot of one.
    "\\newcommand{\\keeptogether}{\\par\\ifdim\\dimexpr\\pagegoal-\\pagetotal\\relax<8\\baselineskip\\newpage\\fi}",
    "\\newcommand{\\answerbox}[1]{\\fbox{\\rule[-0.7em]{0pt}{2.1em}\\hspace{#1}}}",
  ]

  private struct LaTeXColumn {
    var heading: String
    var spec: String
  }

  /// Widths that add up, with the space between columns, to less than the line.
  private func latexColumns(givens: Bool) -> [LaTeXColumn] {
    let document = version == .withDocument
    var columns: [LaTeXColumn]
    if givens {
      columns = [
        LaTeXColumn(heading: "Quantity", spec: "M{0.2\\textwidth}"), LaTeXColumn(heading: "Value", spec: "M{0.25\\textwidth}"),
        LaTeXColumn(heading: "Role", spec: "T{0.3\\textwidth}"),
      ]
    } else {
      columns = [
        LaTeXColumn(heading: "Step", spec: document ? "M{0.34\\textwidth}" : "M{0.40\\textwidth}"),
        LaTeXColumn(heading: "Substitution", spec: document ? "M{0.3\\textwidth}" : "M{0.37\\textwidth}"),
        LaTeXColumn(heading: "Value", spec: document ? "M{0.13\\textwidth}" : "M{0.15\\textwidth}"),
      ]
    }
    if document { columns.append(LaTeXColumn(heading: "Document", spec: "T{0.14\\textwidth}")) }
    return columns
  }

  /// `\(…\)` is the column's: the mathematics alone.
  private static func latexMath(_ text: String?) -> String {
    TeXMath.render(text ?? "")
  }

  private func latexCells(_ row: Row, givens: Bool) -> [String] {
    let math = row.math
    var cells: [String]
    if givens {
      cells = [Self.latexMath(math.quantity), Self.latexMath(math.value), Escaping.latex(row.role ?? "")]
    } else {
      let step = [math.quantity, math.formula].compactMap { $0.map(TeXMath.render) }.joined(separator: " = ")
      if version == .blanks && !row.isGiven {
        cells = [step, "\\answerbox{0.34\\textwidth}", "\\answerbox{0.13\\textwidth}"]
      } else {
        cells = [step, Self.latexMath(math.arithmetic), Self.latexMath(math.value)]
      }
    }
    if version == .withDocument {
      var document = math.document.map { "$" + TeXMath.render($0) + "$" } ?? ""
      switch row.verdict {
      case .agree: document += " $\\surd$"
      case .differ: document += " $\\times$"
      case nil: break
      }
      cells.append(document)
    }
    return cells
  }

  /// Under a row with the document: by how much it is off, how often it was printed, and why.
  private func latexNote(_ row: Row) -> String? {
    guard version == .withDocument else { return nil }
    var parts: [String] = []
    if case .differ = row.verdict, let difference = row.math.difference {
      parts.append("off by $" + TeXMath.render(difference) + "$")
    }
    if let times = timesText(row) { parts.append(Escaping.latex(times)) }
    if let cause = row.cause { parts.append(Escaping.latex(cause)) }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }
}
