import BackpropCore

/// The class summary for the terminal: a table of students, then a table of the key's lines.
public struct ClassSummaryText {
  /// The tally to show.
  public var tally: ClassTally
  /// Where it is shown: symbols and colour.
  public var terminal: Terminal

  /// The summary of `tally` for `terminal`.
  public init(tally: ClassTally, terminal: Terminal) {
    self.tally = tally
    self.terminal = terminal
  }

  /// Both tables, each under a heading.
  public func render(into output: inout Output) {
    let failed = tally.students.filter { $0.error != nil }.count
    let judged = tally.students.count - failed
    output.line(
      terminal.bold("Students: \(tally.students.count) \(tally.students.count == 1 ? "file" : "files"), \(judged) judged, \(failed) not"))
    var students = [["file", "right", "slips", "carried", "rounding", "blank", "extra", "key differs", "first mistake"]]
    for student in tally.students {
      let file = Escaping.terminal(student.file)
      if let error = student.error {
        students.append([file, "-", "-", "-", "-", "-", "-", "-", "error: " + Escaping.terminal(error)])
        continue
      }
      // The first mistake's own named mistake only: the others belong to other lines.
      var first = student.firstMistake.map { "line \($0.line): \(Escaping.terminal($0.what))" } ?? "-"
      if let mistake = student.firstMistake?.mistake { first += " (\(mistake.rawValue))" }
      students.append(
        [file]
          + [student.right, student.slips, student.carried, student.rounding, student.blank, student.extra, student.copied].map(String.init)
          + [first]
      )
    }
    for line in Self.aligned(students, leftColumns: [0, 8]) { output.line(line) }
    output.line()
    output.line(terminal.bold("Lines of the key: \(tally.lines.count)"))
    var lines = [["line", "value", "right", "slipped", "other", "blank", "most common mistake"]]
    for line in tally.lines {
      let mistake = line.commonMistake.map { "\($0.rawValue) (\(line.commonMistakeStudents))" } ?? "-"
      lines.append(
        ["\(line.line.line)", Escaping.terminal(line.line.text)]
          + [line.right, line.slipped, line.otherwiseWrong, line.blank].map(String.init)
          + [mistake])
    }
    for line in Self.aligned(lines, leftColumns: [1, 6]) { output.line(line) }
  }

  /// Rows with each cell padded to its column's width: words to the left, counts to the right.
  static func aligned(_ rows: [[String]], leftColumns: Set<Int>) -> [String] {
    var widths: [Int] = []
    for row in rows {
      for (i, cell) in row.enumerated() {
        if widths.count <= i { widths.append(0) }
        widths[i] = max(widths[i], Terminal.width(cell))
      }
    }
    return rows.map { row in
      let cells = row.enumerated().map { i, cell in
        let padding = String(repeating: " ", count: widths[i] - Terminal.width(cell))
        return leftColumns.contains(i) ? cell + padding : padding + cell
      }
      var line = "  " + cells.joined(separator: "  ")
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }
}
