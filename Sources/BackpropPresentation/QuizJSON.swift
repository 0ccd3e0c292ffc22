import BackpropCore

/// A quiz's score as JSON, for a teacher's gradebook: `quiz --json`.
///
/// `{"example", "questions", "right", "rightAfterHints", "carried", "missed", "unanswered",
/// "answers": [{"quantity", "value", "answer", "verdict"}]}`: `value` is the exact value,
/// `answer` the student's last answer as typed (null when none), `verdict` one of
/// `right`, `right-after-hints`, `carried`, `missed`, `unanswered`.
public enum QuizJSON {
  /// The record of `score`, its quantities written in ASCII.
  public static func render(_ score: QuizScore) -> JSON {
    .object([
      ("example", .string(score.example)),
      ("questions", .integer(score.entries.count)),
      ("right", .integer(score.count(.right))),
      ("rightAfterHints", .integer(score.count(.rightAfterHints))),
      ("carried", .integer(score.count(.carried))),
      ("missed", .integer(score.count(.missed))),
      ("unanswered", .integer(score.count(.unanswered))),
      (
        "answers",
        .array(
          score.entries.map { entry in
            .object([
              ("quantity", .string(entry.quantity)), ("value", .number(entry.value)), ("answer", .optional(entry.answer)),
              ("verdict", .string(entry.verdict.rawValue)),
            ])
          })
      ),
    ])
  }
}
