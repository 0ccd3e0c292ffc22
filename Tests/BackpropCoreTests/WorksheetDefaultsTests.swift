import Foundation
import Testing

@testable import BackpropCore

/// `new --layers 2-2-2 --fixed-biases` promises the well-known 2-2-2 example's numbers
/// (Matt Mazur, "A Step by Step Backpropagation Example", 2015): i1 = 0.05, i2 = 0.10,
/// w1–w4 = 0.15, 0.20, 0.25, 0.30, b1 = 0.35, w5–w8 = 0.40, 0.45, 0.50, 0.55, b2 = 0.60,
/// targets 0.01 and 0.99, and a total error of 0.298371109 before training.
@Suite struct WorksheetDefaultsTests {
  /// The worksheet `new --layers 2-2-2 --fixed-biases` writes, parsed.
  func wellKnownWorksheet() throws -> Example {
    var worksheet = Worksheet(layers: [2, 2, 2], activations: [.sigmoid, .sigmoid])
    worksheet.trainBiases = false
    return try ExampleParser.parse(try worksheet.text(), file: "worksheet.txt")
  }

  func value(_ name: String, in example: Example) throws -> Double {
    try #require(example.leaves.first { $0.name == name }, "no \(name)").value
  }

  @Test func theGivensAreTheWellKnownExamples() throws {
    let example = try wellKnownWorksheet()
    let expected: [(String, Double, Example.LeafKind)] = [
      ("x1", 0.05, .input), ("x2", 0.10, .input), ("y1", 0.01, .target), ("y2", 0.99, .target),
      ("w1", 0.15, .param), ("w2", 0.20, .param), ("w3", 0.25, .param), ("w4", 0.30, .param),
      ("w5", 0.40, .param), ("w6", 0.45, .param), ("w7", 0.50, .param), ("w8", 0.55, .param),
      ("b1", 0.35, .const), ("b2", 0.60, .const),
    ]
    for (name, number, kind) in expected {
      let leaf = try #require(example.leaves.first { $0.name == name }, "no \(name)")
      #expect(leaf.value == number, "\(name)")
      #expect(leaf.kind == kind, "\(name)")
    }
  }

  @Test func theErrorBeforeTrainingIsTheWellKnownOne() throws {
    let example = try wellKnownWorksheet()
    let v = { (name: String) in try value(name, in: example) }
    // The forward pass written out, as the example works it: net_h1 = w1·i1 + w2·i2 + b1, ...
    func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
    let h1 = sigmoid(try v("w1") * v("x1") + v("w2") * v("x2") + v("b1"))
    let h2 = sigmoid(try v("w3") * v("x1") + v("w4") * v("x2") + v("b1"))
    let o1 = sigmoid(try v("w5") * h1 + v("w6") * h2 + v("b2"))
    let o2 = sigmoid(try v("w7") * h1 + v("w8") * h2 + v("b2"))
    let error = 0.5 * pow(try v("y1") - o1, 2) + 0.5 * pow(try v("y2") - o2, 2)
    // The example's own intermediate values: out_h1 = 0.593269992, out_o1 = 0.75136507,
    // out_o2 = 0.772928465, E_total = 0.298371109.
    #expect(abs(h1 - 0.593269992) < 5e-10)
    #expect(abs(o1 - 0.75136507) < 5e-9)
    #expect(abs(o2 - 0.772928465) < 5e-10)
    #expect(abs(error - 0.298371109) < 5e-10)
    // And the tutor, evaluating the worksheet's own equations, gets the same loss.
    let walked = try ValidatedExample(example).steps.first { Notation.ascii.render($0.quantity) == "L" && $0.section == .loss }
    let loss = try #require(walked).value
    #expect(abs(loss - 0.298371109) < 5e-10)
  }
}
