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
  /// often hold the answers); a variant's worksheet starts with `# variant: N`. Control
  /// and bidirectional characters of the title and source are written as code points
  /// (``KeyText/printable(_:)``): the worksheet is printed and handed out as it is.
  ///
  /// A kept value is the right one, worked out by the key's network for the worksheet's
  /// givens, not the number the key prints (a key made from a document keeps the
  /// document's slips): a given is written as the worksheet declares it, any other value
  /// with at least as many decimals as the key printed and at least 3 significant
  /// digits, so that a worksheet straight from `new` checks clean.
  ///
  /// - Parameters:
  ///   - variant: the student's variant number, or `nil` for the key's own givens.
  ///   - keeping: `doc` expressions as the key writes them (blanks ignored), whose
  ///     values stay.
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
    let expressions = Dictionary(
      example.documentValues.map { ($0.location.line, $0.expression) } + example.blanks.map { ($0.location.line, $0.expression) },
      uniquingKeysWith: { first, _ in first })
    for (offset, (line, drawnLine)) in zip(KeyText(text).lines, KeyText(drawn.text).lines).enumerated() {
      switch line.kind {
      case .blank:
        if line.comment == nil, lines.last?.isEmpty == false { lines.append("") }
      case .document:
        guard let expression = KeyText.documentExpression(line.code) else { continue }
        let written = "doc " + expression.trimmingCharacters(in: .whitespaces) + " ="
        guard kept.contains(KeyText.squeezed(expression)), let quantity = expressions[offset + 1] else {
          lines.append(written)
          continue
        }
        lines.append(written + " " + (try drawn.keptValue(of: quantity, printedLike: printed[offset + 1])))
      case .header:
        lines.append(KeyText.printable(String(drawnLine.code).trimmingCharacters(in: .whitespaces)))
      default:
        lines.append(String(drawnLine.code).trimmingCharacters(in: .whitespaces))
      }
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The right value of `quantity` for this key's givens, as a worksheet keeps it: a given
  /// as declared; any other value to as many decimals as `printed` has, and at least to
  /// 3 significant digits (0.06 · 0.15 = 0.009 is `0.00900`, not the key's `0.01`).
  private func keptValue(of quantity: DocumentExpression, printedLike printed: PrintedNumber?) throws -> String {
    if case .leaf(.name(let name)) = quantity, let given = example.leaves.first(where: { $0.name == name }),
      PrintedNumber(given.text) != nil
    {
      return given.text
    }
    let value = try validated.evaluation.value(of: quantity, in: validated.evaluation.initialState)
    return Self.kept(value, decimals: printed.map { max(0, -$0.unitExponent) } ?? 0)
  }

  /// `value` to at least `decimals` decimals and at least 3 significant digits.
  static func kept(_ value: Double, decimals: Int) -> String {
    guard value != 0 else { return String(format: "%.\(decimals)f", 0.0) }
    let significant = 2 - decimalExponent(of: value)
    let places = max(decimals, significant, 0)
    return places > 12 ? Readable.format(value) : String(format: "%.\(places)f", value)
  }
}
