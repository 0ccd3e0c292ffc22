import BackpropExamples
import Testing

@testable import BackpropCore

/// Training runs, experiments and what the numbers mean, against values worked out
/// independently.
@Suite struct TrainingTests {
  func evaluation(_ name: String) throws -> Evaluation {
    try Evaluation(try #require(try BuiltinExamples.example(named: name)))
  }

  @Test func theChainSettlesWhereXW1W2IsTwenty() throws {
    // Gradient descent on ŷ = 2·w1·w2, L = ½(20 − ŷ)², from (2, 0.5) at rate 0.01.
    // Computed independently (a separate Python loop): w1 = 3.3910174340716916,
    // w2 = 2.948967439542979, reached after about 25 steps.
    let evaluation = try evaluation("simple-chain")
    let run = try evaluation.train(from: evaluation.initialState, steps: 10_000, stopWhenSettled: true)
    #expect(run.settledAt != nil)
    #expect(run.finalStep < 100)
    #expect(abs(run.last.parameters[0] - 3.391017434) < 1e-9)
    #expect(abs(run.last.parameters[1] - 2.948967440) < 1e-9)
    #expect(run.last.loss < 1e-20)
    // Step 1 is the walk's update: w1' = 2.18, w2' = 1.22.
    #expect(abs(run.records[1].parameters[0] - 2.18) < 1e-12)
    #expect(abs(run.records[1].parameters[1] - 1.22) < 1e-12)
  }

  @Test func theHandwrittenNetOverTenThousandSteps() throws {
    // The well-known 2-2-2 net, biases fixed, rate 0.5: total error 0.29102777 after
    // one step and about 3.5102e-05 after 10,000.
    let evaluation = try evaluation("handwritten-222")
    let run = try evaluation.train(from: evaluation.initialState, steps: 10_000, every: 1)
    #expect(abs(run.records[0].loss - 0.298371109) < 1e-9)
    #expect(abs(run.records[1].loss - 0.29102777) < 1e-8)
    #expect(abs(run.last.loss - 3.5102e-05) < 5e-10)
    #expect(run.records.count == 10_001)
    // The same as the walk's one-step state, computed another way.
    let once = try evaluation.updated(evaluation.initialState)
    #expect(abs(try evaluation.value(of: "E_total", in: once) - run.records[1].loss) < 1e-15)
  }

  @Test func aTargetOutsideTheSigmoidPlateaus() throws {
    // y = 3.3 for a sigmoid output in (0, 1): Loss = ½(ŷ − 3.3)² can only fall towards ½(1 − 3.3)² = 2.645.
    let evaluation = try evaluation("sum-of-inputs")
    let unreachable = try UnreachableTarget.find(in: evaluation)
    #expect(unreachable.count == 1)
    #expect(unreachable.first?.target == "y")
    #expect(unreachable.first?.output == "ypred")
    #expect(abs((unreachable.first?.floor ?? 0) - 2.645) < 1e-12)
    let run = try evaluation.train(from: evaluation.initialState, steps: 20_000, every: 100)
    #expect(run.last.loss > 2.645)
    #expect(run.last.loss < 2.66)
    #expect(run.plateau != nil)
    // Targets inside the range are not flagged.
    #expect(try UnreachableTarget.find(in: try self.evaluation("shared-bias")).isEmpty)
  }

  @Test func nudgesMatchTheHandouts() throws {
    // Seed 000: f(2.1) − f(2) = 0.231 against f'(2)·0.1 = 0.2; L with w2 = 0.6 is 7.12
    // lower against the predicted 7.2.
    let slope = try evaluation("calculus-slope").nudge("x", by: 0.1)
    #expect(abs(slope.trials[0].actual - 0.231) < 1e-12)
    #expect(abs(slope.trials[0].predicted - 0.2) < 1e-12)
    // f(2 + Δ) − f(2) = 2Δ + 3Δ² + Δ³: the error per unit of Δ is 3Δ + Δ², shrinking with Δ.
    for trial in slope.trials {
      #expect(abs(trial.errorPerUnit - (3 * trial.delta + trial.delta * trial.delta)) < 1e-6)
    }
    let chain = try evaluation("simple-chain").nudge("w2", by: 0.1)
    #expect(abs(chain.trials[0].actual + 7.12) < 1e-12)
    #expect(abs(chain.trials[0].predicted + 7.2) < 1e-12)
    #expect(chain.changes.map(\.quantity) == ["w2", "yhat", "L"])
  }

  @Test func theSurfaceSurroundsThePath() throws {
    let evaluation = try evaluation("simple-chain")
    let surface = try evaluation.lossSurface(x: "w1", y: "w2", steps: 1000, resolution: 21)
    #expect(surface.values.count == 21)
    #expect(surface.values.allSatisfy { $0.count == 21 })
    for point in surface.path {
      #expect(surface.xRange.contains(point.x))
      #expect(surface.yRange.contains(point.y))
    }
    // Corner value: L = ½(20 − 2·w1·w2)² at the low corner of both ranges.
    let w1 = surface.xRange.lowerBound
    let w2 = surface.yRange.lowerBound
    let expected = 0.5 * (20 - 2 * w1 * w2) * (20 - 2 * w1 * w2)
    #expect(abs(surface.values[0][0] - expected) < 1e-9 * max(1, expected))
  }
}
