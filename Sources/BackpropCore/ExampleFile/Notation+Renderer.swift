import BackpropEngine
import Foundation

extension Notation {
  /// Writes one expression, bracketing only where precedence needs it.
  ///
  /// Each piece comes with the precedence of its outermost operation (5 for an atom,
  /// 3 for a negation or a leading negative number). A negative number is bracketed
  /// unless it starts the whole expression: `2 − 0.01 · (−18)`.
  struct Renderer {
    let notation: Notation
    let substitute: ((DocumentExpression) -> String?)?

    typealias Piece = (text: String, precedence: Int)

    /// The text `substitute` gives for a leaf, if any: only leaves are substituted, so
    /// no composite expression is ever hashed to look it up.
    private func substituted(_ expression: DocumentExpression) -> String? {
      guard let substitute, case .leaf = expression else { return nil }
      return substitute(expression)
    }

    func render(_ expression: DocumentExpression, leading: Bool = false) -> Piece {
      if let text = substituted(expression) {
        return negative(notation.number(text), leading: leading)
      }
      switch expression {
      case .number(_, let text):
        return negative(notation.number(text), leading: leading)
      case .leaf(let term):
        return (render(term), 5)
      case .apply(let op, let operands):
        switch op.form {
        case .prefix(let unicode, let ascii):
          let inner = operands[0]
          let bracketed = precedence(inner, leading: true) <= 3
          let text = render(inner, leading: bracketed).text
          return ((notation.style == .unicode ? unicode : ascii) + (bracketed ? "(\(text))" : text), 3)
        case .function(let unicode):
          let name = notation.style == .unicode ? unicode ?? op.name : op.name
          return ("\(name)(\(operands.map { render($0, leading: true).text }.joined(separator: ", ")))", 5)
        case .transparent:
          return render(operands[0], leading: leading)
        case .infix, .power:
          return binary(op, operands[0], operands[1], leading: leading)
        }
      }
    }

    private func render(_ term: DocumentTerm) -> String {
      switch term {
      case .name(let name): return notation.name(name)
      case .derivative(let of, let wrt): return notation.derivative(of: of, withRespectTo: wrt)
      case .afterUpdate(let inner): return atom(inner) + "'"
      case .afterTraining(let inner, .steps(let n)): return atom(inner) + "@\(n)"
      case .afterTraining(let inner, .converged): return atom(inner) + "@converged"
      case .substituting(let inner, let assignments):
        let list = assignments.map { "\(notation.name($0.name)) = \(render($0.value, leading: true).text)" }
        return atom(inner) + "[" + list.joined(separator: ", ") + "]"
      }
    }

    private func atom(_ expression: DocumentExpression) -> String {
      let rendered = render(expression)
      return rendered.precedence < 5 ? "(\(rendered.text))" : rendered.text
    }

    private func negative(_ text: String, leading: Bool) -> Piece {
      guard text.hasPrefix(notation.minus) else { return (text, 5) }
      return leading ? (text, 3) : ("(\(text))", 5)
    }

    /// How tightly an operator binds: 1 for + and −, 2 for · and /, 3 for a negation,
    /// 4 for a power, 5 for a function call.
    static func precedence(of op: Operator) -> Int {
      switch op.form {
      case .infix(_, _, let precedence, _, _): precedence
      case .prefix: 3
      case .power: 4
      case .function, .transparent: 5
      }
    }

    /// The precedence of an expression's outermost operation as it will be written,
    /// without writing it: a negative number counts as an atom unless it leads.
    private func precedence(_ expression: DocumentExpression, leading: Bool) -> Int {
      if let text = substituted(expression) { return text.hasPrefix("-") && leading ? 3 : 5 }
      switch expression {
      case .number(_, let text): return (text.hasPrefix("-") || text.hasPrefix(notation.minus)) && leading ? 3 : 5
      case .apply(let op, let operands):
        if case .transparent = op.form { return precedence(operands[0], leading: leading) }
        return Self.precedence(of: op)
      case .leaf: return 5
      }
    }

    /// Each operand is written once: whether it needs brackets is known beforehand, so
    /// a deeply nested formula costs time in proportion to its size.
    private func binary(_ op: Operator, _ left: DocumentExpression, _ right: DocumentExpression, leading: Bool) -> Piece {
      let precedence = Self.precedence(of: op)
      let isPower = op.form == .power
      let leftLeads = leading && !isPower
      let leftPrecedence = self.precedence(left, leading: leftLeads)
      let leftBracketed = isPower ? leftPrecedence < 5 : leftPrecedence < precedence
      let leftText = leftBracketed ? "(\(render(left, leading: true).text))" : render(left, leading: leftLeads).text
      if isPower {
        if notation.style == .unicode, case .number(_, let text) = right, let superscript = Notation.superscript(text) {
          return (leftText + superscript, 4)
        }
        let exponent =
          self.precedence(right, leading: false) < 5 ? "(\(render(right, leading: true).text))" : render(right).text
        return (leftText + "^" + exponent, 4)
      }
      guard case .infix(let unicode, let ascii, _, let associative, let compact) = op.form else { return (leftText, precedence) }
      let rightPrecedence = self.precedence(right, leading: false)
      let rightIsNegation: Bool = if case .apply(let inner, _) = right, case .prefix = inner.form { true } else { false }
      let rightBracketed = rightPrecedence < precedence || (rightPrecedence == precedence && !associative) || rightIsNegation
      let rightText = rightBracketed ? "(\(render(right, leading: true).text))" : render(right).text
      var symbol = notation.style == .unicode ? unicode : ascii
      if compact, left.isNumber, right.isNumber, !leftBracketed, !rightBracketed {
        symbol = symbol.trimmingCharacters(in: .whitespaces)
      }
      return (leftText + symbol + rightText, precedence)
    }
  }
}
