import BackpropCore

/// The `--json` form of a walk: the example, every step with its verdict and cause,
/// and the summary (schema in README.md). Names are written in ASCII.
public enum WalkJSON {
  /// The JSON of `walkthrough`, `name` being what the user typed to name the example.
  public static func render(_ walkthrough: Walkthrough, name: String) -> JSON {
    let example = walkthrough.example
    let steps = walkthrough.lines.map { line -> JSON in
      let text = line.text(in: .ascii)
      var verdict = JSON.null
      var difference = JSON.null
      switch line.verdict {
      case .agree: verdict = .string("agree")
      case .differ(let by):
        verdict = .string("differ")
        difference = .number(by)
      case nil: break
      }
      var fields: [(String, JSON)] = [
        ("section", .string(line.section.rawValue)),
        ("kind", .string(line.kind.rawValue)),
        ("quantity", .string(text.quantity)),
        ("formula", .optional(text.formula)),
        ("arithmetic", .optional(text.arithmetic)),
        ("value", .number(line.value)),
        ("document", .optional(line.document?.printed.text)),
        ("verdict", verdict),
        ("difference", difference),
        ("line", line.document.map { .integer($0.location.line) } ?? .null),
        ("note", .optional(line.document?.note)),
      ]
      if let explanation = line.explanation {
        let range = explanation.fromDocumentInputs
        fields.append(("cause", .string(explanation.cause.rawValue)))
        fields.append(
          (
            "fromDocumentInputs",
            .object([
              ("value", .number(explanation.fromDocumentValue)), ("low", .number(range.low)), ("high", .number(range.high)),
            ])
          ))
        fields.append(("explanation", .string(explanation.sentence(for: line, in: walkthrough, notation: .ascii))))
        if let found = walkthrough.mistakes[line.id], let first = found.first {
          let object = { (mistake: Mistake) -> JSON in
            .object([
              ("kind", .string(mistake.kind.rawValue)), ("text", .string(ASCIIText.transliterate(mistake.text))),
              ("value", .number(mistake.value)),
            ])
          }
          fields.append(("mistake", object(first)))
          fields.append(("mistakes", .array(found.map(object))))
        }
        let origins = explanation.origins.map { origin -> JSON in
          let source = walkthrough.line(origin)
          return .object([
            ("quantity", .string(Notation.ascii.render(source.quantity))),
            ("line", source.document.map { .integer($0.location.line) } ?? .null),
          ])
        }
        if let first = origins.first {
          fields.append(("origin", first))
          fields.append(("origins", .array(origins)))
        }
        if let also = explanation.alsoFits { fields.append(("alsoFits", .string(also.rawValue))) }
      }
      return .object(fields)
    }
    let summary = walkthrough.summary
    var summaryFields: [(String, JSON)] = [
      ("documentValues", .integer(summary.documentValues)),
      ("agree", .integer(summary.agree)),
      ("differ", .integer(summary.differ)),
      ("notPrinted", .integer(summary.notPrinted)),
    ]
    if let slip = walkthrough.firstSlip {
      summaryFields.append(
        (
          "firstSlip",
          .object([
            ("quantity", .string(Notation.ascii.render(slip.quantity))),
            ("line", slip.document.map { .integer($0.location.line) } ?? .null),
          ])
        ))
    }
    return .object([
      ("example", .string(name)),
      ("title", .optional(example.title)),
      ("source", .optional(example.source)),
      ("rounding", walkthrough.rounding.map { .integer($0) } ?? .null),
      ("notes", .array(WalkNotes.sentences(walkthrough, notation: .ascii).map(JSON.string))),
      ("steps", .array(steps)),
      ("summary", .object(summaryFields)),
    ])
  }
}
