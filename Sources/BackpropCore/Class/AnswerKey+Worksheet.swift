import Foundation

extension AnswerKey {
  /// A `--keep` name that is no `doc` line of the key.
  public struct UnknownDocumentLine: Error, Equatable, Sendable {
    /// The name as given.
    public var name: String
    /// The key's `doc` lines, as written.
    public var known: [String]
  }

  /// The worksheet to hand out: the key's network (for a variant, with the variant's
  /// givens) and every `doc` line blank (`doc X =`), except those named in `keeping`,
  /// which stay filled in as givens. The key's comments are left out (a key's notes
  /// often hold the answers); a variant's worksheet starts with `# variant: N`.
  ///
  /// - Parameters:
  ///   - variant: the student's variant number, or `nil` for the key's own givens.
  ///   - keeping: `doc` expressions as the key writes them (blanks ignored), whose
  ///     values stay; for a variant, the variant's value to the key's printed decimals.
  /// - Throws: ``UnknownDocumentLine`` for a name in `keeping` that is no `doc` line of
  ///   the key; ``ExampleError`` when no variant can be drawn.
  public func worksheet(variant: Int? = nil, keeping: [String] = []) throws -> String {
    let known = documentLines.map(\.text)
    let kept = Set(keeping.map(KeyText.squeezed))
    for name in keeping where !known.map(KeyText.squeezed).contains(KeyText.squeezed(name)) {
      throw UnknownDocumentLine(name: name, known: known)
    }
    let drawn = try variant.map(self.variant) ?? self
    var lines: [String] = []
    if let variant { lines.append("# variant: \(variant)") }
    lines.append("# Fill in each blank 'doc NAME =' with your number; blanks are skipped when it is checked.")
    let printed = Dictionary(example.documentValues.map { ($0.location.line, $0.printed) }, uniquingKeysWith: { first, _ in first })
    for (offset, (line, drawnLine)) in zip(KeyText(text).lines, KeyText(drawn.text).lines).enumerated() {
      switch line.kind {
      case .blank:
        if line.comment == nil, lines.last?.isEmpty == false { lines.append("") }
      case .document:
        guard let expression = KeyText.documentExpression(line.code) else { continue }
        let written = "doc " + expression.trimmingCharacters(in: .whitespaces) + " ="
        guard kept.contains(KeyText.squeezed(expression)), let number = printed[offset + 1] else {
          lines.append(written)
          continue
        }
        lines.append(written + " " + (variant == nil ? number.text : try drawn.value(at: offset + 1, printedLike: number)))
      default:
        lines.append(String(drawnLine.code).trimmingCharacters(in: .whitespaces))
      }
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The value of the `doc` line at `line`, to as many decimals as `printed` has.
  private func value(at line: Int, printedLike printed: PrintedNumber) throws -> String {
    guard let blank = example.blanks.first(where: { $0.location.line == line }) else { return printed.text }
    let value = try validated.evaluation.value(of: blank.expression, in: validated.evaluation.initialState)
    let decimals = max(0, -printed.unitExponent)
    return decimals > 12 ? Readable.format(value) : String(format: "%.\(decimals)f", value)
  }
}
