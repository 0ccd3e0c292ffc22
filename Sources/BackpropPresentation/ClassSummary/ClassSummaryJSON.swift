import BackpropCore

/// The class summary as one JSON document: `{"students": [...], "lines": [...]}`. A file
/// that could not be judged is `{"file": ..., "error": ...}` among the students.
public enum ClassSummaryJSON {
  /// Both tables as JSON.
  public static func render(_ tally: ClassTally) -> JSON {
    let students = tally.students.map { student -> JSON in
      if let error = student.error { return .object([("file", .string(student.file)), ("error", .string(error))]) }
      return .object([
        ("file", .string(student.file)),
        ("variant", student.variant.map(JSON.integer) ?? .null),
        ("right", .integer(student.right)),
        ("slips", .integer(student.slips)),
        ("carried", .integer(student.carried)),
        ("rounding", .integer(student.rounding)),
        ("blank", .integer(student.blank)),
        ("extra", .integer(student.extra)),
        ("differsFromKey", .integer(student.copied)),
        (
          "firstMistake",
          student.firstMistake.map {
            .object([("line", .integer($0.line)), ("what", .string($0.what)), ("mistake", .optional($0.mistake?.rawValue))])
          } ?? .null
        ),
        ("namedMistakes", .array(student.namedMistakes.map { .string($0.rawValue) })),
      ])
    }
    let lines = tally.lines.map { line -> JSON in
      .object([
        ("line", .integer(line.line.line)),
        ("value", .string(line.line.text)),
        ("right", .integer(line.right)),
        ("slipped", .integer(line.slipped)),
        ("otherwiseWrong", .integer(line.otherwiseWrong)),
        ("blank", .integer(line.blank)),
        ("mostCommonMistake", .optional(line.commonMistake?.rawValue)),
        ("mostCommonMistakeStudents", .integer(line.commonMistakeStudents)),
      ])
    }
    return .object([("students", .array(students)), ("lines", .array(lines))])
  }
}
