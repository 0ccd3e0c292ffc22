import BackpropCore

/// `new --from KEY [--keep NAMES] [--variant N]`: a worksheet from a teacher's answer key.
extension NewCommand {
  /// The options that describe a network of their own, which `--from` replaces.
  static let networkOptions = [
    "layers", "activation", "biases", "fixed-biases", "loss", "rate", "inputs", "targets", "weights", "bias-values", "title",
  ]

  /// `--from` with its `--keep` and `--variant`, or `nil` without `--from`.
  static func fromKey(_ parsed: ParsedArguments) throws -> (key: String, keep: [String], variant: Int?)? {
    let keep = parsed.text("keep")
    let variant = parsed.integer("variant")
    guard let key = parsed.text("from") else {
      if keep != nil { throw parsed.usage("'--keep' keeps values of an answer key: add '--from KEY'") }
      if variant != nil { throw parsed.usage("'--variant' draws givens from an answer key: add '--from KEY'") }
      return nil
    }
    if let option = networkOptions.first(where: { parsed.values[$0] != nil || parsed.flag($0) }) {
      throw parsed.usage("'--\(option)' describes a network of its own; with '--from' the key's network is used")
    }
    let names = keep.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
    if let keep, names.isEmpty || names.contains(where: \.isEmpty) {
      throw parsed.usage("'--keep' takes 'doc' names separated by commas, not '\(Failure.quoted(keep))'")
    }
    return (key, names, variant)
  }

  /// The worksheet of the key, its variant and kept values, and whether it has nothing to
  /// fill in (the key has no `doc` lines).
  static func worksheet(_ from: (key: String, keep: [String], variant: Int?)) throws -> (text: String, nothingToFillIn: Bool) {
    let key = try AnswerKeyLoader.load(from.key, command: "new")
    do {
      return (try key.worksheet(variant: from.variant, keeping: from.keep), key.documentLines.isEmpty)
    } catch let unknown as AnswerKey.UnknownDocumentLine {
      let known = unknown.known.prefix(12).joined(separator: ", ") + (unknown.known.count > 12 ? ", ..." : "")
      throw Failure.usage(
        "'--keep' names '\(Failure.quoted(unknown.name))', which is no 'doc' line of the key (it has: \(known.isEmpty ? "none" : known))",
        command: "new")
    }
  }
}
