import BackpropEngine

/// Derivatives (`∂A/∂B`, `dA/dB`) and the names an expression may use.
extension ExpressionParser {
  /// `∂A/∂B`.
  mutating func parseDerivative() throws -> DocumentExpression {
    try requireStates(tokens[index], "a derivative")
    index += 1
    let of = try derivativeName()
    try expect("/", "in a derivative ∂A/∂B")
    guard peek?.kind == .partial else {
      throw LocatedError(location, "expected '∂' after '/' in a derivative ∂A/∂B")
    }
    index += 1
    let withRespectTo = try derivativeName()
    return .derivative(of: of, withRespectTo: withRespectTo)
  }

  mutating func derivativeName() throws -> String {
    guard let token = peek, case .identifier(let name) = token.kind else {
      throw LocatedError(location, "expected a quantity after '∂'")
    }
    guard scope.quantities.contains(name) else { throw unknownName(name, at: token.location) }
    index += 1
    return name
  }

  /// `dA/dB`, when A and B are quantities and `dA`, `dB` are not names themselves.
  mutating func parseDerivativeSpelledWithD() throws -> DocumentExpression? {
    guard scope.allowsStates, index + 2 < tokens.count,
      case .identifier(let top) = tokens[index].kind,
      tokens[index + 1].kind == .symbol("/"),
      case .identifier(let bottom) = tokens[index + 2].kind,
      let of = quantity(spelledWithD: top), let withRespectTo = quantity(spelledWithD: bottom)
    else { return nil }
    index += 3
    return .derivative(of: of, withRespectTo: withRespectTo)
  }

  /// `dL/dq` with L a quantity and q not: name q, not `dL`.
  func misspeltDerivative() -> LocatedError? {
    guard index + 1 < tokens.count, case .identifier(let top) = tokens[index].kind, tokens[index + 1].kind == .symbol("/"),
      quantity(spelledWithD: top) != nil
    else { return nil }
    guard index + 2 < tokens.count, case .identifier(let bottom) = tokens[index + 2].kind, bottom.hasPrefix("d"), bottom.count > 1 else {
      return LocatedError(
        index + 2 < tokens.count ? tokens[index + 2].location : endLocation,
        "expected dNAME after '/' in the derivative \(top.excerpt())/d...")
    }
    let name = String(bottom.dropFirst())
    let at = tokens[index + 2].location
    return unknownName(name, at: SourceLocation(line: at.line, column: at.column + 1))
  }

  func quantity(spelledWithD word: String) -> String? {
    guard word.hasPrefix("d"), !scope.quantities.contains(word), !scope.lets.contains(word) else { return nil }
    let name = String(word.dropFirst())
    return scope.quantities.contains(name) ? name : nil
  }

  func unknownName(_ name: String, at location: SourceLocation) -> LocatedError {
    let known = scope.allowsStates ? scope.quantities.union(scope.lets) : scope.quantities
    var message = "unknown name '\(name.excerpt())'"
    if let suggestion = Suggestion.closest(to: name, among: known) {
      message += "; did you mean '\(suggestion.excerpt())'?"
    } else if name.hasPrefix("d"), scope.quantities.contains(String(name.dropFirst())) {
      message += "; a derivative is written dA/dB"
    }
    return LocatedError(location, message)
  }
}
