import BackpropEngine

/// Reads an expression from the tokens of one line.
///
/// Grammar, loosest first (`^` groups to the right, and `-x^2` is `-(x^2)`):
///
///     sum      = product (("+" | "-") product)*
///     product  = unary (("*" | "/") unary)*
///     unary    = "-" unary | power
///     power    = postfix ("^" unary)?
///     postfix  = primary ("'" | "@" (INTEGER | "converged") | "[" assignments "]")*
///     primary  = NUMBER | derivative | NAME | FUNCTION "(" sum ")" | "(" sum ")"
///     derivative = ("∂" NAME | "d" NAME) "/" ("∂" NAME | "d" NAME)
struct ExpressionParser {
  /// What the names of an expression may refer to.
  struct Scope {
    /// The quantities of the network: leaves and forward equations.
    var quantities: Set<String>
    /// `let` values, usable where states are.
    var lets: Set<String> = []
    /// Inputs, targets, parameters, constants and the rate: what `[...]` may set.
    var leaves: Set<String> = []
    /// `let` values not usable here because they are defined further down, by line.
    var laterLets: [String: Int] = [:]
    /// Every `let` of the file, to explain why one cannot be used in an equation.
    var allLets: Set<String> = []
    /// Whether derivatives, `'`, `@` and `[...]` are allowed (document values and `let`).
    var allowsStates: Bool
  }

  /// How deeply parentheses and operators may nest; deeper is an error, not a crash.
  static let maximumDepth = 2 * maximumParentheses + 2
  /// How deeply parentheses may nest (the documented limit); each level costs two of ``maximumDepth``.
  static let maximumParentheses = 256

  let tokens: [Token]
  var index = 0
  let scope: Scope
  let endLocation: SourceLocation
  var depth = 0
  /// Operations built so far; a formula has at most ``maximumOperations``.
  var operations = 0
  static let maximumOperations = 2000
  /// How deeply a formula may nest counting chains of operators: its operations, and the
  /// functions and states around them.
  static let maximumChainDepth = maximumOperations + 2 * maximumDepth

  init(tokens: [Token], scope: Scope, endLocation: SourceLocation) {
    self.tokens = tokens
    self.scope = scope
    self.endLocation = endLocation
  }

  /// Parses all of `tokens` as one expression.
  static func parse(_ tokens: [Token], scope: Scope, end: SourceLocation) throws -> DocumentExpression {
    var parser = ExpressionParser(tokens: tokens, scope: scope, endLocation: end)
    let expression = try parser.parseSum()
    if let extra = parser.peek {
      throw LocatedError(extra.location, "unexpected \(extra.kind.described) after the expression")
    }
    try checkDepth(of: expression, at: tokens.first?.location ?? end)
    return expression
  }

  /// Long chains such as `a + a + ... + a` nest without parentheses: a flat sum of
  /// 2,000 operations (the documented limit) is allowed, anything deeper is not.
  static func checkDepth(of expression: DocumentExpression, at location: SourceLocation) throws {
    var stack: [(DocumentExpression, Int)] = [(expression, 1)]
    while let (node, level) = stack.popLast() {
      if level > maximumChainDepth {
        throw LocatedError(location, "expression is nested too deeply (more than \(maximumChainDepth) levels)")
      }
      switch node {
      case .number, .leaf(.name), .leaf(.derivative): break
      case .leaf(.afterUpdate(let inner)), .leaf(.afterTraining(let inner, _)):
        stack.append((inner, level + 1))
      case .leaf(.substituting(let inner, let assignments)):
        stack.append((inner, level + 1))
        stack.append(contentsOf: assignments.map { ($0.value, level + 1) })
      case .apply(_, let operands):
        stack.append(contentsOf: operands.map { ($0, level + 1) })
      }
    }
  }

  var peek: Token? { index < tokens.count ? tokens[index] : nil }
  var location: SourceLocation { peek?.location ?? endLocation }

  mutating func take(_ symbol: Character) -> Bool {
    if peek?.kind == .symbol(symbol) {
      index += 1
      return true
    }
    return false
  }

  mutating func expect(_ symbol: Character, _ context: String) throws {
    guard take(symbol) else {
      throw LocatedError(location, "expected '\(symbol)' \(context), found \(peek?.kind.described ?? "the end of the line")")
    }
  }

  /// Counts one more operation, and stops a formula too long to be hand-written
  /// before it is built (a tree 100,000 deep would overflow the stack when freed).
  mutating func built() throws {
    operations += 1
    if operations > Self.maximumOperations {
      throw LocatedError(location, "the expression is too long (more than \(Self.maximumOperations) operations)")
    }
  }

  mutating func nested<T>(_ body: (inout Self) throws -> T) throws -> T {
    depth += 1
    defer { depth -= 1 }
    if depth > Self.maximumDepth {
      throw LocatedError(location, "the expression is nested too deeply")
    }
    return try body(&self)
  }

  mutating func parseSum() throws -> DocumentExpression {
    try nested { parser in
      var result = try parser.parseProduct()
      while true {
        guard let op = parser.takeInfix(precedence: 1) else { return result }
        try parser.built()
        result = .apply(op, [result, try parser.parseProduct()])
      }
    }
  }

  /// The infix operator of the table at `precedence` that the next token spells, taken.
  mutating func takeInfix(precedence: Int) -> Operator? {
    guard let token = peek, case .symbol(let symbol) = token.kind, let op = Operator.infix(symbol),
      case .infix(_, _, let p, _, _) = op.form, p == precedence
    else { return nil }
    index += 1
    return op
  }

  mutating func parseProduct() throws -> DocumentExpression {
    var result = try parseUnary()
    while true {
      if let op = takeInfix(precedence: 2) {
        try built()
        result = .apply(op, [result, try parseUnary()])
      } else if let token = peek, case .identifier = token.kind {
        throw LocatedError(token.location, "expected an operator before \(token.kind.described); write '*' to multiply")
      } else if let token = peek, token.kind == .symbol("(") {
        throw LocatedError(token.location, "expected an operator before '('; write '*' to multiply")
      } else {
        return result
      }
    }
  }

  mutating func parseUnary() throws -> DocumentExpression {
    try nested { parser in
      if case .symbol(let symbol)? = parser.peek?.kind, let op = Operator.prefix(symbol) {
        parser.index += 1
        return .apply(op, [try parser.parseUnary()])
      }
      if parser.take("+") { return try parser.parseUnary() }
      let base = try parser.parsePostfix()
      if parser.take("^") { return .apply(.power, [base, try parser.parseUnary()]) }
      return base
    }
  }

  mutating func parsePostfix() throws -> DocumentExpression {
    var result = try parsePrimary()
    while let token = peek {
      if [.symbol("'"), .symbol("@"), .symbol("[")].contains(token.kind) { try built() }
      if token.kind == .symbol("'") {
        try requireStates(token, "'")
        index += 1
        result = .leaf(.afterUpdate(result))
      } else if token.kind == .symbol("@") {
        try requireStates(token, "@")
        index += 1
        result = .leaf(.afterTraining(result, try parseTraining()))
      } else if token.kind == .symbol("[") {
        try requireStates(token, "[...]")
        index += 1
        result = .leaf(.substituting(result, try parseAssignments()))
      } else {
        break
      }
    }
    return result
  }

  func requireStates(_ token: Token, _ what: String) throws {
    guard scope.allowsStates else {
      let name = what == "'" ? "a prime (')" : what
      throw LocatedError(token.location, "\(name) is for document values and 'let' lines, not forward equations")
    }
  }

  mutating func parseTraining() throws -> DocumentTerm.Training {
    guard let token = peek else {
      throw LocatedError(location, "expected a number of steps or 'converged' after '@'")
    }
    switch token.kind {
    case .identifier("converged"):
      index += 1
      return .converged
    case .number(let value, let text) where !text.contains(".") && !text.lowercased().contains("e"):
      index += 1
      guard value >= 0, value <= 1_000_000, let steps = Int(exactly: value) else {
        throw LocatedError(token.location, "a number of steps must be a whole number from 0 to 1000000")
      }
      return .steps(steps)
    default:
      throw LocatedError(token.location, "expected a whole number of steps or 'converged' after '@', found \(token.kind.described)")
    }
  }

  mutating func parseAssignments() throws -> [DocumentTerm.Assignment] {
    var assignments: [DocumentTerm.Assignment] = []
    repeat {
      guard let token = peek, case .identifier(let name) = token.kind else {
        throw LocatedError(location, "expected a name to set inside '[...]', found \(peek?.kind.described ?? "the end of the line")")
      }
      if scope.lets.contains(name) {
        throw LocatedError(
          token.location,
          "'\(name.excerpt())' is a 'let' value; only inputs, targets, parameters, constants and the rate can be set in [...]")
      }
      guard scope.quantities.contains(name) else { throw unknownName(name, at: token.location) }
      guard scope.leaves.contains(name) else {
        throw LocatedError(
          token.location,
          "'\(name.excerpt())' is computed by the network; only inputs, targets, parameters, constants and the rate can be set in [...]")
      }
      if assignments.contains(where: { $0.name == name }) {
        throw LocatedError(token.location, "'\(name.excerpt())' is set twice inside '[...]'")
      }
      index += 1
      try expect("=", "after '\(name.excerpt())' inside '[...]'")
      assignments.append(DocumentTerm.Assignment(name: name, value: try parseSum()))
    } while take(",")
    try expect("]", "to close '[...]'")
    return assignments
  }

  mutating func parsePrimary() throws -> DocumentExpression {
    guard let token = peek else {
      throw LocatedError(location, "expected a number, a name or '(', found the end of the line")
    }
    switch token.kind {
    case .number(let value, let text):
      index += 1
      return .number(value, text: text)
    case .partial:
      return try parseDerivative()
    case .identifier(let name):
      if let derivative = try parseDerivativeSpelledWithD() { return derivative }
      if scope.allowsStates, !scope.quantities.contains(name), let error = misspeltDerivative() { throw error }
      if !scope.allowsStates, quantity(spelledWithD: name) != nil, index + 1 < tokens.count, tokens[index + 1].kind == .symbol("/") {
        throw LocatedError(token.location, "a derivative is for document values and 'let' lines, not forward equations")
      }
      index += 1
      if let function = Operator.function(spelled: name), peek?.kind == .symbol("(") {
        index += 1
        var operands = [try parseSum()]
        for _ in 1..<function.arity {
          try expect(",", "between the operands of \(function.name)(...), which takes \(function.arity)")
          operands.append(try parseSum())
        }
        try expect(")", "to close \(function.name)(...)")
        return .apply(function, operands)
      }
      if scope.quantities.contains(name) { return .name(name) }
      if scope.allowsStates && scope.lets.contains(name) { return .name(name) }
      if let line = scope.laterLets[name] {
        throw LocatedError(
          token.location,
          "'\(name.excerpt())' is a 'let' value defined below, at line \(line); a 'let' line can use only the 'let' values above it")
      }
      if !scope.allowsStates, scope.laterLets[name] != nil || scope.allLets.contains(name) {
        throw LocatedError(token.location, "'\(name.excerpt())' is a 'let' value: forward equations use only the network's quantities")
      }
      if Operator.function(spelled: name) != nil {
        throw LocatedError(token.location, "\(name) is a function: write \(name)(...)")
      }
      throw unknownName(name, at: token.location)
    case .symbol("("):
      index += 1
      let inner = try parseSum()
      try expect(")", "to close '('")
      return inner
    default:
      throw LocatedError(token.location, "expected a number, a name or '(', found \(token.kind.described)")
    }
  }
}
