import BackpropCore

extension UnreachableTarget {
  /// One sentence for the user.
  public func sentence(_ notation: Notation) -> String {
    let high = range.high.isInfinite ? "∞" : Readable.format(range.high)
    let bounds =
      range.high.isInfinite
      ? "[\(Readable.format(range.low)), \(notation.style == .ascii ? "inf" : high))" : "(\(Readable.format(range.low)), \(high))"
    var text = "the target \(notation.name(target)) = \(notation.number(Readable.format(targetValue))) lies outside the range "
    text += "\(notation.number(bounds)) of \(notation.name(output)) = \(notation.render(outputFormula)), "
    text += "so \(notation.name(term)) can never reach 0"
    if let floor { text += ": it can only level off towards \(notation.number(Readable.format(floor)))" }
    return text
  }
}
