import Foundation

/// A teacher's answer key: an example file whose network every submission is judged
/// with, and whose `doc` lines are the values the class works out.
///
/// A submission's document values are checked against the key's network, not its own:
/// a student who copied a given wrongly is told so (``KeyDifference``) instead of being
/// checked against the wrong given. A submission may hold only `doc` lines; the key then
/// supplies the network. A key can also be drawn again with other givens for each student
/// (``variant(_:)``); a worksheet carries its variant's number in a `# variant: N` line.
public struct AnswerKey {
  /// The key as validated: its network, and its `doc` lines.
  public let validated: ValidatedExample
  /// The variant this key is (its givens drawn for student `variant`), or `nil` for the key as written.
  public let variant: Int?
  /// The key file's text (for a variant, with the drawn givens).
  let text: String

  /// The key as parsed.
  public var example: Example { validated.example }

  /// Reads and validates a key from its text.
  ///
  /// - Throws: ``ExampleError`` when the key is not a valid example.
  public init(text: String, file: String) throws {
    try self.init(text: text, file: file, variant: nil)
  }

  init(text: String, file: String, variant: Int?) throws {
    self.text = text
    self.variant = variant
    validated = try ValidatedExample(ExampleParser.parse(text, file: file))
  }

  /// The key's `doc` lines, each expression once, in file order: what the class works out.
  public var documentLines: [DocumentLine] {
    var seen: Set<DocumentExpression> = []
    return printedLines.filter { seen.insert($0.expression).inserted }
  }

  /// Every `doc` line of the key, in file order, an expression printed twice twice: the
  /// rows of the class summary.
  public var printedLines: [DocumentLine] {
    let values = example.documentValues.map { DocumentLine(expression: $0.expression, text: $0.expressionText, line: $0.location.line) }
    let blanks = example.blanks.map { blank in
      let code = KeyText(text).lines[blank.location.line - 1].code
      let text = KeyText.documentExpression(code).map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      return DocumentLine(expression: blank.expression, text: text, line: blank.location.line)
    }
    return (values + blanks).sorted { $0.line < $1.line }
  }

  /// One `doc` line of the key: what it is the value of, as written, and its line.
  public struct DocumentLine: Sendable, Equatable {
    /// What the value is the value of.
    public var expression: DocumentExpression
    /// The expression as the key writes it (`dE_total/dw5`).
    public var text: String
    /// The key's line.
    public var line: Int
  }
}
