import BackpropEngine
import Foundation

extension ExampleParser {
  /// Two passes: first every name the file declares, then every expression,
  /// so that equations and document values may refer to names declared below them.
  struct Builder {
    var file: String
    var statements: [Statement]
    var example: Example
    var declared: [String: SourceLocation] = [:]
    var quantities: Set<String> = []
    var lets: Set<String> = []
    var leaves: Set<String> = []
    var letDepth: [String: Int] = [:]
    /// Each `let` name and the line it is on.
    var declaredLets: [String: Int] = [:]
    static let maximumLetDepth = 64
    static let maximumQuantities = 2000
    static let maximumDocumentValues = 10000
    var hasLoss = false

    init(file: String, statements: [Statement]) {
      self.file = file
      self.statements = statements
      self.example = Example(file: file, loss: "", lossLocation: SourceLocation(line: 1, column: 1))
    }

    static let leafKeywords = Set(Example.LeafKind.allCases.map(\.rawValue))
    static let keywords: Set<String> = leafKeywords.union(["title", "source", "loss", "let", "doc"])

    mutating func build() throws -> Example {
      for statement in statements { try declare(statement) }
      for statement in statements { try read(statement) }
      guard hasLoss else {
        let end = SourceLocation(line: max(1, (statements.last?.number ?? 0) + 1), column: 1)
        throw LocatedError(end, "no loss: say which quantity is the loss with 'loss NAME'")
      }
      return example
    }

    /// First pass: the name each line declares.
    mutating func declare(_ statement: Statement) throws {
      let tokens = statement.tokens
      guard case .identifier(let first) = tokens[0].kind else {
        throw LocatedError(
          tokens[0].location,
          "expected a declaration, an equation 'NAME = formula' or 'doc EXPRESSION = NUMBER', found \(tokens[0].kind.described)")
      }
      var nameToken: Token?
      if Self.leafKeywords.contains(first) || first == "let" {
        nameToken = tokens.count > 1 ? tokens[1] : nil
        guard let token = nameToken, case .identifier = token.kind else {
          throw LocatedError(nameToken?.location ?? statement.end, "expected a name after '\(first)'")
        }
      } else if !Self.keywords.contains(first), tokens.count > 1, tokens[1].kind == .symbol("=") {
        nameToken = tokens[0]
      }
      guard let token = nameToken, case .identifier(let name) = token.kind else { return }
      if Self.keywords.contains(name) || Operator.function(spelled: name) != nil || name == "converged" {
        throw LocatedError(token.location, "'\(name.excerpt())' is a reserved word and cannot name a quantity")
      }
      if declared.count >= Self.maximumQuantities {
        throw LocatedError(token.location, "more than \(Self.maximumQuantities) names: the tutor walks examples of a size worked by hand")
      }
      if let first = declared[name] {
        throw LocatedError(token.location, "'\(name.excerpt())' is defined twice (first at line \(first.line))")
      }
      declared[name] = token.location
      if first == "let" {
        lets.insert(name)
        declaredLets[name] = token.location.line
      } else {
        quantities.insert(name)
      }
      if Self.leafKeywords.contains(first) { leaves.insert(name) }
    }

    /// Second pass: the line's meaning.
    mutating func read(_ statement: Statement) throws {
      let tokens = statement.tokens
      guard case .identifier(let first) = tokens[0].kind else { return }
      switch first {
      case "title", "source":
        guard statement.isHeader else {
          throw LocatedError(tokens[0].location, "expected ':' after '\(first)' (write '\(first): TEXT')")
        }
        guard case .identifier(let text) = tokens[1].kind, !text.isEmpty else {
          throw LocatedError(tokens[0].location, "'\(first):' needs some text after it")
        }
        if (first == "title" ? example.title : example.source) != nil {
          throw LocatedError(tokens[0].location, "a second '\(first):' line; an example has one")
        }
        if first == "title" { example.title = text } else { example.source = text }
      case _ where Self.leafKeywords.contains(first):
        try readLeaf(Example.LeafKind(rawValue: first)!, statement)
      case "loss":
        try readLoss(statement)
      case "let":
        let name = try nameAndEquals(statement, keyword: "let")
        var scope = ExpressionParser.Scope(quantities: quantities, lets: definedLets, leaves: leaves, allowsStates: true)
        scope.laterLets = declaredLets.filter { !definedLets.contains($0.key) }
        let expression = try ExpressionParser.parse(Array(tokens[3...]), scope: scope, end: statement.end)
        // Each let builds on the ones it reads; a long tower of them is not hand-written
        // and would nest the evaluation too deeply.
        let depth = 1 + (expression.names.compactMap { letDepth[$0] }.max() ?? 0)
        if depth > Self.maximumLetDepth {
          throw LocatedError(tokens[1].location, "'\(name.excerpt())' builds on more than \(Self.maximumLetDepth) 'let' values in a row")
        }
        letDepth[name] = depth
        example.definitions.append(Example.Definition(name: name, expression: expression, location: tokens[1].location))
      case "doc":
        if example.documentValues.count + example.blanks.count >= Self.maximumDocumentValues {
          throw LocatedError(tokens[0].location, "more than \(Self.maximumDocumentValues) 'doc' lines: more than any document prints")
        }
        try readDocumentValue(statement)
      default:
        guard tokens.count > 1, tokens[1].kind == .symbol("=") else {
          throw LocatedError(
            tokens[0].location,
            "expected a declaration (input, target, param, const, rate, loss, let, doc, title:, source:) or an equation 'NAME = formula', found '\(first.excerpt())'"
          )
        }
        var scope = ExpressionParser.Scope(quantities: quantities, allowsStates: false)
        scope.allLets = lets
        let parsed = try ExpressionParser.parse(Array(tokens[2...]), scope: scope, end: statement.end)
        // The parser refuses derivatives and states here, each with its own message.
        guard let formula = parsed.forwardFormula else {
          throw LocatedError(tokens[2].location, "a forward equation may name only the network's quantities")
        }
        example.equations.append(Example.Equation(name: first, formula: formula, location: tokens[0].location, note: statement.comment))
      }
    }

    /// `let` lines may use only the `let` values above them, so they cannot form a cycle.
    var definedLets: Set<String> { Set(example.definitions.map(\.name)) }

    func nameAndEquals(_ statement: Statement, keyword: String) throws -> String {
      let tokens = statement.tokens
      guard case .identifier(let name) = tokens[1].kind else { return "" }
      guard tokens.count > 2, tokens[2].kind == .symbol("=") else {
        throw LocatedError(tokens.count > 2 ? tokens[2].location : statement.end, "expected '=' after '\(keyword) \(name.excerpt())'")
      }
      guard tokens.count > 3 else {
        throw LocatedError(statement.end, "expected a value after '\(keyword) \(name.excerpt()) ='")
      }
      return name
    }

    mutating func readLeaf(_ kind: Example.LeafKind, _ statement: Statement) throws {
      let name = try nameAndEquals(statement, keyword: kind.rawValue)
      let tokens = Array(statement.tokens[3...])
      if kind == .rate, example.rate != nil {
        throw LocatedError(statement.tokens[0].location, "a second learning rate; an example has one 'rate' line")
      }
      if let named = tokens.first(where: { if case .identifier(let n) = $0.kind { Operator.function(spelled: n) == nil } else { false } }),
        case .identifier(let other) = named.kind
      {
        throw LocatedError(named.location, "the value of '\(name.excerpt())' must be a number, not a formula of '\(other.excerpt())'")
      }
      let expression = try ExpressionParser.parse(tokens, scope: .init(quantities: [], allowsStates: false), end: statement.end)
      // Every step of the arithmetic a finite number: `1/(1/0)` is not 0.
      let value: Double
      do {
        value = try expression.finiteValue { _ in .nan }
      } catch let problem as NonFiniteValue {
        throw LocatedError(
          tokens[0].location, "the value of '\(name.excerpt())' is not a finite number: \(Evaluation.describe(problem))")
      }
      guard value.isFinite else {
        throw LocatedError(tokens[0].location, "the value of '\(name.excerpt())' is not a finite number")
      }
      let start = statement.text.index(statement.text.startIndex, offsetBy: tokens[0].location.column - 1)
      let text = statement.text[start...].trimmingCharacters(in: .whitespaces)
      example.leaves.append(
        Example.Leaf(kind: kind, name: name, value: value, text: text, location: statement.tokens[1].location, note: statement.comment))
    }

    mutating func readLoss(_ statement: Statement) throws {
      let tokens = statement.tokens
      guard tokens.count == 2, case .identifier(let name) = tokens[1].kind else {
        let at = tokens.count > 2 ? tokens[2].location : (tokens.count > 1 ? tokens[1].location : statement.end)
        throw LocatedError(at, "expected one name after 'loss'")
      }
      if hasLoss {
        throw LocatedError(
          tokens[0].location, "a second 'loss' line; an example has exactly one loss (the first is '\(example.loss.excerpt())')")
      }
      guard quantities.contains(name) else {
        let suggestion = Suggestion.closest(to: name, among: quantities).map { "; did you mean '\($0.excerpt())'?" } ?? ""
        throw LocatedError(tokens[1].location, "unknown name '\(name.excerpt())'\(suggestion)")
      }
      if leaves.contains(name) {
        throw LocatedError(
          tokens[1].location, "'\(name.excerpt())' is given, not computed: the loss must be a quantity of a forward equation")
      }
      example.loss = name
      example.lossLocation = tokens[1].location
      hasLoss = true
    }

    mutating func readDocumentValue(_ statement: Statement) throws {
      let tokens = statement.tokens
      // The value follows the last '=' outside brackets: `L[w2 = 0.6] = 154.88`.
      var depth = 0
      var split: Int?
      for (i, token) in tokens.enumerated() {
        switch token.kind {
        case .symbol("("), .symbol("["): depth += 1
        case .symbol(")"), .symbol("]"): depth -= 1
        case .symbol("=") where depth == 0: split = i
        default: break
        }
      }
      if depth != 0 {
        var open: [Token] = []
        for token in tokens {
          switch token.kind {
          case .symbol("("), .symbol("["): open.append(token)
          case .symbol(")"), .symbol("]"):
            if open.popLast() == nil { throw LocatedError(token.location, "\(token.kind.described) closes nothing") }
          default: break
          }
        }
        if let unclosed = open.last { throw LocatedError(unclosed.location, "\(unclosed.kind.described) is never closed") }
      }
      guard let equals = split, equals > 1 else {
        throw LocatedError(tokens.count > 1 ? tokens[1].location : statement.end, "expected 'doc EXPRESSION = NUMBER'")
      }
      let valueTokens = Array(tokens[(equals + 1)...])
      let valueStart = valueTokens.first?.location ?? statement.end
      let startIndex = statement.text.index(statement.text.startIndex, offsetBy: min(valueStart.column - 1, statement.text.count))
      let printedText = statement.text[startIndex...].trimmingCharacters(in: .whitespaces)
      let scope = ExpressionParser.Scope(quantities: quantities, lets: Set(lets), leaves: leaves, allowsStates: true)
      // A blank (nothing, `?` or `___`) is a value still to be worked out: a worksheet's.
      if printedText.isEmpty || printedText == "?" || printedText.allSatisfy({ $0 == "_" }) {
        let expression = try ExpressionParser.parse(Array(tokens[1..<equals]), scope: scope, end: tokens[equals].location)
        example.blanks.append(Example.Blank(expression: expression, location: tokens[1].location))
        return
      }
      let asciiText = printedText.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "–", with: "-")
      if PrintedNumber(asciiText) == nil, let huge = Double(asciiText), !huge.isFinite || abs(huge) > 1e300 {
        throw LocatedError(valueStart, "the document value '\(printedText.excerpt())' is too large to check")
      }
      guard let printed = PrintedNumber(asciiText) else {
        throw LocatedError(
          valueStart, "the document value '\(printedText.excerpt())' is not a number (write it as printed, e.g. -0.00150 or 3.5e-05)")
      }
      let expression = try ExpressionParser.parse(Array(tokens[1..<equals]), scope: scope, end: tokens[equals].location)
      let keyStart = statement.text.index(statement.text.startIndex, offsetBy: tokens[1].location.column - 1)
      let keyEnd = statement.text.index(statement.text.startIndex, offsetBy: tokens[equals].location.column - 1)
      let keyText = statement.text[keyStart..<keyEnd].trimmingCharacters(in: .whitespaces)
      example.documentValues.append(
        Example.DocumentValue(
          expression: expression, expressionText: keyText, printed: printed, note: statement.comment, location: tokens[1].location))
    }
  }
}
