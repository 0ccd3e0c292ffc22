import Foundation
import Testing

@testable import BackpropCore

/// An example's network evaluated through the tutor's layer, against values worked
/// out by hand (moved from the engine's tests: it needs the example parser).
@Suite struct EvaluationTests {
  @Test func partialsHoldOtherQuantitiesFixed() throws {
    // z = a·b + a with a = 3, b = 4: ∂z/∂a = b + 1 = 5, ∂z/∂b = a = 3.
    let example = try ExampleParser.parse(
      """
      input a = 3
      input b = 4
      z = a*b + a
      loss z
      """, file: "t.txt")
    let evaluation = try Evaluation(example)
    let locals = try evaluation.localDerivatives(of: "z", in: evaluation.initialState)
    #expect(locals == ["a": 5, "b": 3])
  }
}
