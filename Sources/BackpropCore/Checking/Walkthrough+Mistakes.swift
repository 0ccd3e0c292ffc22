import BackpropEngine

extension Walkthrough {
  /// The named mistakes of every slip line of `lines`: each step recomputed from the
  /// document's own inputs under the catalogue's mistakes (see ``MistakeCatalogue``).
  ///
  /// A line with no mistake that reproduces its printed value is left out: it stays a slip.
  static func mistakes(_ lines: [Line], in validated: ValidatedExample) -> [Row.ID: [Mistake]] {
    var result: [Row.ID: [Mistake]] = [:]
    var printed: [DocumentExpression: Double] = [:]
    for line in lines {
      defer { if let document = line.document { printed[line.quantity] = document.printed.value } }
      guard let document = line.document, line.explanation?.cause == .slip else { continue }
      let found = MistakeCatalogue.mistakes(
        for: line.step, printed: document.printed, inputs: { printed[$0] }, in: validated)
      if !found.isEmpty { result[line.id] = found }
    }
    return result
  }
}
