import Testing

@testable import BackpropCore

/// Formulas printed the way a lecture writes them, and their local derivatives.
@Suite struct NotationTests {
  func expression(_ text: String, names: Set<String> = ["x", "y", "yhat", "w1", "w2", "h", "z", "a", "L", "alpha"]) throws
    -> DocumentExpression
  {
    try ExpressionParser.parse(
      try Lexer.tokens(in: Substring(text), lineNumber: 1), scope: .init(quantities: names, leaves: names, allowsStates: true),
      end: SourceLocation(line: 1, column: text.count + 1))
  }

  @Test(arguments: [
    ("1/2 * (y - yhat)^2", "1/2 · (y − ŷ)²", "1/2 * (y - yhat)^2"),
    ("dL/dyhat * dyhat/dw2", "∂L/∂ŷ · ∂ŷ/∂w2", "dL/dyhat * dyhat/dw2"),
    ("w1 - alpha * dL/dw1", "w1 − α · ∂L/∂w1", "w1 - alpha * dL/dw1"),
    ("sigmoid(z) * (1 - sigmoid(z))", "σ(z) · (1 − σ(z))", "sigmoid(z) * (1 - sigmoid(z))"),
    ("(y - yhat')^2", "(y − ŷ')²", "(y - yhat')^2"),
    ("L[w2 = 0.6] - L", "L[w2 = 0.6] − L", "L[w2 = 0.6] - L"),
    ("x - (y - z)", "x − (y − z)", "x - (y - z)"),
    ("-(x * y)", "−(x · y)", "-(x * y)"),
    ("x^(y + 1)", "x^(y + 1)", "x^(y + 1)"),
  ])
  func rendering(text: String, unicode: String, ascii: String) throws {
    let f = try expression(text)
    #expect(Notation.unicode.render(f) == unicode)
    #expect(Notation.ascii.render(f) == ascii)
  }

  @Test func negativeNumbersAreBracketedWhereTheyFollowAnOperator() throws {
    let f = try expression("w1 - alpha * dL/dw1")
    let values: [DocumentExpression: String] = [.name("w1"): "2", .name("alpha"): "0.01", .derivative(of: "L", withRespectTo: "w1"): "-18"]
    #expect(Notation.unicode.render(f) { values[$0] } == "2 − 0.01 · (−18)")
  }

  @Test(arguments: [
    ("1/2 * (y - yhat)^2", "yhat", "yhat - y"),
    ("0.5 * (yhat - y)^2", "yhat", "yhat - y"),
    ("x * w1 + y * w2 + a", "w1", "x"),
    ("x * w1 + y * w2 + a", "a", "1"),
    ("sigmoid(z)", "z", "sigmoid(z) * (1 - sigmoid(z))"),
    ("tanh(z)", "z", "1 - tanh(z)^2"),
    ("relu(z)", "z", "step(z)"),
    ("exp(2 * z)", "z", "2 * exp(2 * z)"),
    ("x / z", "z", "-x / z^2"),
    ("log(z)", "z", "1 / z"),
  ])
  func localDerivativeRules(text: String, name: String, expected: String) throws {
    let formula = try #require(try expression(text).forwardFormula)
    let derivative = Symbolic.derivative(of: formula, withRespectTo: name)
    #expect(Notation.ascii.render(derivative) == expected)
  }

  @Test func sigmoidDerivativeIsWrittenWithItsOutput() throws {
    let example = try ExampleParser.parse("input z = 0.3\nyhat = sigmoid(z)\nloss yhat", file: "s.txt")
    let network = try Network(example)
    let derivative = try #require(Symbolic.derivative(of: network.quantity("yhat")!.formula!, withRespectTo: "z", in: network))
    #expect(Notation.unicode.render(derivative) == "ŷ · (1 − ŷ)")
  }
}
