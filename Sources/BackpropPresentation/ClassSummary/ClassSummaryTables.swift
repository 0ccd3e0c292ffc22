import BackpropCore

/// The class summary's two tables as cells, one row per student and one per `doc` line
/// of the key: what the text, CSV and chart forms show.
public enum ClassSummaryTables {
  /// The students table's header.
  public static let studentHeader = [
    "file", "variant", "right", "slips", "carried", "rounding", "blank", "extra", "differs from key", "first mistake line", "first mistake",
    "named mistakes", "error",
  ]

  /// The lines table's header.
  public static let lineHeader = ["line", "value", "right", "slipped", "otherwise wrong", "blank", "most common mistake", "students"]

  /// One row per student, in `studentHeader`'s columns; a file that could not be judged
  /// has empty counts and its error.
  public static func studentRows(_ tally: ClassTally) -> [[String]] {
    tally.students.map { student in
      if let error = student.error {
        return [student.file, "", "", "", "", "", "", "", "", "", "", "", error]
      }
      return [
        student.file, student.variant.map(String.init) ?? "", String(student.right), String(student.slips), String(student.carried),
        String(student.rounding), String(student.blank), String(student.extra), String(student.copied),
        student.firstMistake.map { String($0.line) } ?? "",
        student.firstMistake?.what ?? "", student.namedMistakes.map(\.rawValue).joined(separator: " "), "",
      ]
    }
  }

  /// One row per `doc` line of the key, in `lineHeader`'s columns.
  public static func lineRows(_ tally: ClassTally) -> [[String]] {
    tally.lines.map { line in
      [
        String(line.line.line), line.line.text, String(line.right), String(line.slipped), String(line.otherwiseWrong), String(line.blank),
        line.commonMistake?.rawValue ?? "", line.commonMistake == nil ? "" : String(line.commonMistakeStudents),
      ]
    }
  }
}
