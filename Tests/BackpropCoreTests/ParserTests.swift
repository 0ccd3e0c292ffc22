import Foundation
import Testing

@testable import BackpropCore

/// Example files: what they mean, and one clear error for each kind of mistake.
@Suite struct ParserTests {
  static let chain = """
    # a comment
    title: The chain
    source: handout
    input  x = 2
    target y = 20
    param  w1 = 2
    param  w2 = 0.5
    rate   alpha = 0.01
    yhat = h * w2      # equations in any order
    h    = x * w1
    L    = 1/2 * (y - yhat)^2
    loss L
    doc dL/dw2 = -72   # a note
    doc L[w2 = 0.6] = 154.88
    """

  @Test func readsEveryKindOfLine() throws {
    let example = try ExampleParser.parse(Self.chain, file: "chain.txt")
    #expect(example.title == "The chain")
    #expect(example.source == "handout")
    #expect(example.leaves.map(\.name) == ["x", "y", "w1", "w2", "alpha"])
    #expect(example.leaves.map(\.kind) == [.input, .target, .param, .param, .rate])
    #expect(example.parameters.map(\.name) == ["w1", "w2"])
    #expect(example.equations.map(\.name) == ["yhat", "h", "L"])
    #expect(example.loss == "L")
    #expect(example.documentValues.count == 2)
    #expect(example.documentValues[0].expression == .derivative(of: "L", withRespectTo: "w2"))
    #expect(example.documentValues[0].printed.text == "-72")
    #expect(example.documentValues[0].note == "a note")
    #expect(example.documentValues[0].location == SourceLocation(line: 13, column: 5))
    #expect(example.documentValues[1].expression == .leaf(.substituting(.name("L"), [.init(name: "w2", value: .number(0.6, text: "0.6"))])))
  }

  @Test func unicodeSpellingsReadAsASCII() throws {
    let example = try ExampleParser.parse(
      """
      input x = 2
      param w₁ = 3
      rate η = 0.1
      ŷ = σ(x × w₁) − ½
      L = ŷ²
      loss L
      doc ∂L/∂ŷ = 1
      """, file: "u.txt")
    #expect(example.leaves.map(\.name) == ["x", "w1", "eta"])
    #expect(example.equations[0].name == "yhat")
    #expect(
      example.equations[0].formula
        == .apply(.sigmoid, [.leaf("x") * .leaf("w1")]) - .number(0.5, text: "½"))
    #expect(example.equations[1].formula == .leaf("yhat") ^ .number(2, text: "2"))
    #expect(example.documentValues[0].expression == .derivative(of: "L", withRespectTo: "yhat"))
  }

  @Test func precedenceIsTheUsualOne() throws {
    let example = try ExampleParser.parse("input a = 2\nz = -a^2 + 3*a^2^1 / 6 - 1\nloss z", file: "p.txt")
    let evaluation = try Evaluation(example)
    // −(a²) + 3·a^(2^1)/6 − 1 = −4 + 2 − 1 = −3
    #expect(try evaluation.value(of: "z", in: evaluation.initialState) == -3)
  }

  @Test func statesAndDerivativesInDocumentValues() throws {
    let example = try ExampleParser.parse(
      Self.chain + "\nlet g = dL/dw1\ndoc g * 2 = -36\ndoc (y - yhat')^2 = 215.53\ndoc w1@2 = 1\ndoc yhat@converged = 20", file: "s.txt")
    let evaluation = try Evaluation(example)
    let start = evaluation.initialState
    let values = try example.documentValues.map { try evaluation.value(of: $0.expression, in: start) }
    #expect(values[0] == -72)
    #expect(abs(values[1] - 154.88) < 1e-12)
    #expect(values[2] == -36)
    #expect(abs(values[3] - 215.52588864) < 1e-9)
    #expect(abs(values[5] - 20) < 1e-9)
  }

  /// Each mistake, the place it is reported and the words that explain it.
  @Test(arguments: [
    ("input x = 2\nz = x +\nloss z", "2:8", "expected a number, a name or '('"),
    ("input x = 2\nz = x * q\nloss z", "2:9", "unknown name 'q'"),
    ("input x = 2\nz = x * xx\nloss z", "2:9", "did you mean 'x'?"),
    ("input x = 2\ninput x = 3\nz = x\nloss z", "2:7", "'x' is defined twice (first at line 1)"),
    ("input x = 2\na = b + x\nb = a * 2\nloss a", "2:1", "cycle among the forward equations: a -> b -> a"),
    ("input x = 2\nz = x * 2", "3:1", "no loss"),
    ("input x = 2\nz = x\nloss z\ndoc z = abc", "4:9", "the document value 'abc' is not a number"),
    ("input x = 2\nz = x\nloss z\ndoc z = 1.2.3", "4:9", "is not a number"),
    ("input x = 2\nz = x\nloss q", "3:6", "unknown name 'q'"),
    ("input x = 2\nz = x\nloss z\nloss z", "4:1", "a second 'loss' line"),
    ("input x = 2\nz = 2x\nloss z", "2:6", "write '*' to multiply"),
    ("input x = 2\nz = x $ 2\nloss z", "2:7", "unexpected character '$'"),
    ("input x = 2\nz = (x + 1\nloss z", "2:11", "expected ')' to close '('"),
    ("input x = 2\nz = x'\nloss z", "2:6", "not forward equations"),
    ("input x = 2\nz = x\nloss z\ndoc z@1.5 = 2", "4:7", "whole number of steps"),
    ("input x = 2\nz = x\nloss z\ndoc z[z = 1] = 2", "4:7", "'z' is computed by the network"),
    ("param w = y\nz = w\nloss z", "1:11", "the value of 'w' must be a number, not a formula of 'y'"),
    ("input x = 1/0\nz = x\nloss z", "1:11", "is not a finite number"),
    ("input x = 0\nz = 1 / x\nloss z", "2:1", "z divides by zero"),
    ("input x = -1\nz = log(x)\nloss z", "2:1", "z takes the log of a negative number (-1)"),
    ("input x = -4\nz = sqrt(x)\nloss z", "2:1", "square root of a negative number"),
    ("input x = 1000\nz = exp(x)\nloss z", "2:1", "z overflows to infinity"),
    ("input x = 2\nsigmoid = x\nloss sigmoid", "2:1", "reserved word"),
    ("frobnicate\n", "1:1", "expected a declaration"),
    ("input x = 2\nloss x\n", "2:6", "'x' is given, not computed"),
    ("title: a\ntitle: b\ninput x = 2\nz = x\nloss z\n", "2:1", "a second 'title:' line"),
    // Found by the fuzzer: a bare `source` used to read past the end of the line's tokens.
    ("source\n", "1:7", "expected ':' after 'source'"),
    ("title x = 3\n", "1:7", "expected ':' after 'title'"),
    ("input x = 2\nz = x\nloss z\ndoc = 3", "4:5", "expected 'doc EXPRESSION = NUMBER'"),
  ])
  func mistakes(text: String, location: String, message: String) throws {
    do {
      let example = try ExampleParser.parse(text, file: "bad.txt")
      _ = try Walkthrough(example)
      Issue.record("no error for:\n\(text)")
    } catch let error as ExampleError {
      #expect("\(error.location)" == location, "\(error)")
      #expect(error.description.hasPrefix("bad.txt:\(error.location): "))
      #expect(error.description.contains(message), "\(error)")
      #expect(!error.description.contains("\n"))
    }
  }

  /// Found by the fuzzer and a review: line ends of every kind, and a line holding only a carriage return.
  @Test func lineEndsOfEveryKind() throws {
    for text in ["input x = 2\r\nz = x * x\r\nloss z\r\n", "input x = 2\rz = x * x\rloss z\r", "input x = 2\nz = x * x\n\r \nloss z\n"] {
      let example = try ExampleParser.parse(text, file: "ends.txt")
      #expect(example.equations.count == 1)
      #expect(example.loss == "z")
    }
  }

  /// `?`, nothing or `___` after a doc line's last `=` is a blank; a `?` anywhere else is not a character of the format.
  @Test func blanksOfEveryKind() throws {
    let network = "input x = 2\nparam w = 3\nz = w * x\nloss z\n"
    let example = try ExampleParser.parse(
      network + "doc z = ?\ndoc dz/dw = ___\ndoc z[w = 1] =\ndoc w * x = ?  # to do\n", file: "blanks.txt")
    #expect(example.blanks.count == 4)
    #expect(example.documentValues.isEmpty)
    #expect(example.blanks.first?.expression == .name("z"))
    for text in ["doc z = ? 1\n", "doc ? = 1\n", "z2 = ?\n"] {
      #expect(throws: ExampleError.self) { try ExampleParser.parse(network + text, file: "q.txt") }
    }
  }

  @Test func deepNestingIsAnErrorNotACrash() throws {
    let deep = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
    #expect(throws: ExampleError.self) { try ExampleParser.parse("z = \(deep)\nloss z", file: "deep.txt") }
    let long = "z = " + Array(repeating: "1", count: 20_000).joined(separator: " + ")
    #expect(throws: ExampleError.self) { try ExampleParser.parse("\(long)\nloss z", file: "long.txt") }
  }

  @Test func badBytesNameTheirPlace() throws {
    var bytes = Array("input x = 2\nz = x\n".utf8)
    bytes += [0x6C, 0x6F, 0xFF, 0x73]
    do {
      _ = try ExampleParser.parse(Data(bytes), file: "bytes.txt")
      Issue.record("invalid UTF-8 accepted")
    } catch let error as ExampleError {
      #expect(error.description == "bytes.txt:3:3: invalid UTF-8 byte 0xFF; save the file as UTF-8")
    }
    do {
      _ = try ExampleParser.parse(Data("input x = 2\0\n".utf8), file: "nul.txt")
      Issue.record("NUL accepted")
    } catch let error as ExampleError {
      #expect(error.description == "nul.txt:1:12: NUL byte in the file; an example file is plain text")
    }
  }
}
