import Testing

@testable import BackpropCore

/// Each mistake of the catalogue planted in a small example and named.
struct MistakeTests {
  /// One sigmoid neuron: z = 0.2·0.5 + 0.4·0.3 + 0.1 = 0.32, ŷ = σ(0.32) = 0.579324,
  /// ∂L/∂ŷ = ŷ − y = −0.420676, ∂L/∂w1 = −0.102522·0.5 = −0.051261, w1′ = 0.200513.
  static let neuron = """
    input  x1 = 0.5
    input  x2 = 0.3
    target y = 1
    param  w1 = 0.2
    param  w2 = 0.4
    param  b = 0.1
    rate   eta = 0.01
    z    = w1 * x1 + w2 * x2 + b
    yhat = sigmoid(z)
    L    = 1/2 * (yhat - y)^2
    loss L

    """

  /// One tanh neuron: z = 0.3, y = tanh(0.3) = 0.291313.
  static let tanhNeuron = """
    input  x = 1
    target t = 0.5
    param  w = 0.3
    rate   eta = 0.1
    z = w * x
    y = tanh(z)
    L = 1/2 * (y - t)^2
    loss L

    """

  private func kinds(_ text: String, at line: String) throws -> [Mistake.Kind] {
    let walk = try Walkthrough(ExampleParser.parse(text + line + "\n", file: "planted.txt"))
    let mistakes = walk.mistakes
    return walk.lines.filter { $0.document != nil }.flatMap { mistakes[$0.id] ?? [] }.map(\.kind)
  }

  @Test func sigmoidDerivativeUsedForTanhIsNamed() throws {
    // a(1 − a) = 0.291313 · 0.708687 = 0.206449; the right 1 − a² = 0.915137.
    let walk = try Walkthrough(ExampleParser.parse(Self.tanhNeuron + "doc dy/dz = 0.2064\n", file: "planted.txt"))
    let mistakes = walk.mistakes.values.flatMap { $0 }
    #expect(mistakes.map(\.kind) == [.wrongActivationDerivative])
    #expect(abs(mistakes[0].value - 0.915137) < 1e-6)
    #expect(mistakes[0].text.contains("sigmoid's derivative"))
  }

  @Test func tanhDerivativeAtInputIsNamed() throws {
    // 1 − z² = 1 − 0.09 = 0.91 (at the output: 0.915137).
    #expect(try kinds(Self.tanhNeuron, at: "doc dy/dz = 0.910") == [.derivativeAtInput])
  }

  @Test func targetMinusOutputIsNamed() throws {
    // y − ŷ = 0.420676 where ŷ − y = −0.420676 belongs.
    #expect(try kinds(Self.neuron, at: "doc dL/dyhat = 0.4207") == [.targetMinusOutput])
  }

  @Test func updateAddedIsNamed() throws {
    // 0.2 + 0.01 · (−0.051261) = 0.199487 where 0.200513 belongs.
    #expect(try kinds(Self.neuron, at: "doc w1' = 0.1995") == [.updateAdded])
  }

  @Test func learningRateLeftOutIsNamed() throws {
    // 0.2 − (−0.051261) = 0.251261.
    #expect(try kinds(Self.neuron, at: "doc w1' = 0.2513").contains(.learningRateLeftOut))
  }

  @Test func biasLeftOutIsNamed() throws {
    // 0.2·0.5 + 0.4·0.3 = 0.22.
    #expect(try kinds(Self.neuron, at: "doc z = 0.22").contains(.biasLeftOut))
  }

  @Test func aSignFlippedToNegativeIsNamed() throws {
    // w1′ = 0.2 − 0.01 · (−0.051261) = 0.200513, printed −0.2005.
    #expect(try kinds(Self.neuron, at: "doc w1' = -0.2005").contains(.signFlipped))
  }

  @Test func anInputLeftOutOfTheChainRuleIsNamed() throws {
    // ∂L/∂w1 = ∂L/∂z · x1 = −0.102522 · 0.5 = −0.051261; without x1, −0.102522.
    #expect(try kinds(Self.neuron, at: "doc dL/dw1 = -0.1025").contains(.factorLeftOut))
  }

  @Test func swappedWeightsAreNamed() throws {
    // 0.4·0.5 + 0.2·0.3 + 0.1 = 0.36.
    #expect(try kinds(Self.neuron, at: "doc z = 0.36").contains(.swappedOperands))
  }

  @Test func copyingMistakesAreNamed() throws {
    #expect(try kinds(Self.neuron, at: "doc z = 3.2").contains(.decimalShifted))
    #expect(try kinds(Self.neuron, at: "doc z = 0.23").contains(.digitsTransposed))
    // ∂L/∂w1 = −0.051261 copied without its minus.
    #expect(try kinds(Self.neuron, at: "doc dL/dw1 = 0.0513").contains(.minusDropped))
  }

  @Test func activationDerivativeLeftOutIsNamed() throws {
    // ∂L/∂z = ∂L/∂ŷ · ∂ŷ/∂z printed as ∂L/∂ŷ alone: −0.420676.
    #expect(try kinds(Self.neuron, at: "doc dL/dz = -0.4207").contains(.activationDerivativeLeftOut))
  }

  @Test func aPlainSlipNamesNothing() throws {
    #expect(try kinds(Self.neuron, at: "doc z = 0.5117").isEmpty)
  }

  @Test func squaredErrorHalfLeftOutIsNamed() throws {
    // 2(ŷ − y) = −0.841352 where ŷ − y = −0.420676 belongs.
    #expect(try kinds(Self.neuron, at: "doc dL/dyhat = -0.8414").contains(.squaredErrorConstant))
  }

  @Test func theLossWithoutItsHalfSaysSo() throws {
    // (ŷ − y)² = 0.420676² = 0.176968 where ½(ŷ − y)² = 0.088484 belongs: the loss, not a
    // derivative, so the sentence names the squared error itself and the ½ by its value.
    let walk = try Walkthrough(ExampleParser.parse(Self.neuron + "doc L = 0.1770\n", file: "planted.txt"))
    let mistakes = walk.mistakes.values.flatMap { $0 }
    #expect(mistakes.map(\.kind) == [.squaredErrorConstant])
    #expect(mistakes.first?.text.contains("leaves out the ½ of the squared error;") == true, "\(mistakes)")
    #expect(abs((mistakes.first?.value ?? 0) - 0.088484) < 1e-6)
  }

  @Test func otherLearningRateIsNamed() throws {
    // 0.2 − 0.02 · (−0.051261) = 0.201025 with twice the rate.
    #expect(try kinds(Self.neuron, at: "doc w1' = 0.2010").contains(.wrongLearningRate))
  }

  @Test func reluDerivativeAsInputIsNamed() throws {
    // z = 0.3 > 0, so relu′(z) = 1; the input itself is 0.3.
    let relu = "input x = 1\nparam w = 0.3\nz = w * x\ny = relu(z)\nloss y\n"
    #expect(try kinds(relu, at: "doc dy/dz = 0.3").contains(.reluDerivativeAsInput))
  }

  @Test func onePathOfTwoIsNamed() throws {
    // a reaches L through u = a·x (∂ = 2) and v = a + x (∂ = 1): ∂L/∂a = 3; the path through v alone gives 1.
    let paths = "input x = 2\nparam a = 0.5\nu = a * x\nv = a + x\nL = u + v\nloss L\n"
    #expect(try kinds(paths, at: "doc dL/da = 1.0") == [.onePathOnly])
  }

  /// L = ½w², so ∂L/∂w = w and each step halves w with η = 0.5: w@N = 0.5^N.
  static let halving = "param w = 1\nrate eta = 0.5\nL = 1/2 * w^2\nloss L\n"

  @Test func valueAfterOneStepTooFewIsNamed() throws {
    // w@3 = 0.125; 0.25 is w@2.
    #expect(try kinds(Self.halving, at: "doc w@3 = 0.25") == [.offByOneStep])
  }

  @Test func updatedWeightInTheBackwardPassIsNamed() throws {
    // ∂L/∂w = w = 1; with w′ = 1 − 0.5 · 1 = 0.5 it is 0.5.
    #expect(try kinds(Self.halving, at: "doc dL/dw = 0.50").contains(.updatedWeightUsed))
  }
}
