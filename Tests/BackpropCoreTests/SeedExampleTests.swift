import BackpropExamples
import Foundation
import Testing

@testable import BackpropCore

/// The built-in examples against values computed independently: each fixture in
/// `Tests/Fixtures/seed-values/` was worked out with a separate Python program that
/// evaluates the network directly (not from the example file), one row per `doc` line.
@Suite struct SeedExampleTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  struct Row {
    var line: Int
    var expression: String
    var printed: String
    var exact: Double
    var verdict: String
  }

  static func fixture(_ name: String) throws -> [Row] {
    let url = repository.appendingPathComponent("Tests/Fixtures/seed-values/\(name).tsv")
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return Row(line: Int(fields[0])!, expression: fields[1], printed: fields[2], exact: Double(fields[3])!, verdict: fields[4])
    }
  }

  @Test(arguments: BuiltinExamples.names)
  func everyDocumentValueMatchesTheIndependentComputation(name: String) throws {
    let example = try #require(try BuiltinExamples.example(named: name))
    let walkthrough = try Walkthrough(example)
    let rows = try Self.fixture(name)
    let documented = walkthrough.lines.filter { $0.document != nil }
    #expect(documented.count == rows.count, "every doc line of \(name) is on exactly one line of the walk")
    #expect(example.documentValues.count == rows.count)
    for row in rows {
      let line = try #require(documented.first { $0.document?.location.line == row.line }, "\(name).txt:\(row.line)")
      #expect(line.document?.printed.text == row.printed, "\(name).txt:\(row.line)")
      #expect(
        abs(line.value - row.exact) <= 1e-9 * max(1, abs(row.exact)),
        "\(name).txt:\(row.line) \(row.expression): \(line.value) vs \(row.exact)")
      #expect(line.verdict?.name == row.verdict, "\(name).txt:\(row.line) \(row.expression)")
    }
  }

  @Test func theCatalogHoldsEveryFileOfExamples() throws {
    let folder = Self.repository.appendingPathComponent("Examples")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
    #expect(Set(files.map { String($0.dropLast(4)) }) == Set(BuiltinExamples.names))
    for name in BuiltinExamples.names {
      let onDisk = try Data(contentsOf: folder.appendingPathComponent("\(name).txt"))
      #expect([UInt8](onDisk) == BuiltinExamples.bytes(named: name), "\(name) is embedded as it is on disk")
    }
  }

  @Test func theLinearChainByHand() throws {
    // x = 2, w1 = 2, w2 = 0.5, y = 20, α = 0.01.
    let walkthrough = try Walkthrough(try #require(try BuiltinExamples.example(named: "simple-chain")))
    func value(_ quantity: DocumentExpression) -> Double? {
      walkthrough.lines.first { $0.quantity == quantity && !$0.repeatsLine }?.value
    }
    #expect(value(.name("h")) == 4)
    #expect(value(.name("yhat")) == 2)
    #expect(value(.name("L")) == 162)
    #expect(value(.derivative(of: "L", withRespectTo: "yhat")) == -18)
    #expect(value(.derivative(of: "L", withRespectTo: "w2")) == -72)
    #expect(value(.derivative(of: "L", withRespectTo: "w1")) == -18)
    // w1' = 2 + 0.18, w2' = 0.5 + 0.72; ŷ' = 2·2.18·1.22 = 5.3192; L' = ½·14.6808² = 107.76294432.
    #expect(abs(value(.afterUpdate(.name("w1")))! - 2.18) < 1e-12)
    #expect(abs(value(.afterUpdate(.name("w2")))! - 1.22) < 1e-12)
    #expect(abs(value(.afterUpdate(.name("yhat")))! - 5.3192) < 1e-12)
    #expect(abs(value(.afterUpdate(.name("L")))! - 107.76294432) < 1e-9)
    // The document's 107.88 differs; its 5.3192 agrees.
    let after = walkthrough.lines.filter { $0.quantity == .afterUpdate(.name("L")) }
    #expect(!after.isEmpty)
    for line in after {
      guard case .differ(let by) = line.verdict else {
        Issue.record("L' = 107.88 should differ")
        continue
      }
      #expect(abs(by - (107.88 - 107.76294432)) < 1e-9)
    }
  }

  @Test func theSharedBiasSumsBothPaths() throws {
    let example = try #require(try BuiltinExamples.example(named: "shared-bias"))
    let evaluation = try Evaluation(example)
    let start = evaluation.initialState
    let viaH1 = try evaluation.derivative(of: "L", withRespectTo: "z_h1", in: start)
    let viaH2 = try evaluation.derivative(of: "L", withRespectTo: "z_h2", in: start)
    #expect(abs(try evaluation.derivative(of: "L", withRespectTo: "b1", in: start) - (viaH1 + viaH2)) < 1e-15)
    // Worked by hand: δ_out = (ŷ − y)·ŷ(1 − ŷ) with ŷ = σ(1.10590597) = 0.75136507.
    #expect(abs(try evaluation.derivative(of: "L", withRespectTo: "b2", in: start) - 0.1384985) < 1e-6)
  }

  @Test func theHandwrittenNetAfterOneStep() throws {
    // The well-known 2-2-2 net: E_total = 0.298371109 before and 0.29102777 after one
    // step at rate 0.5 with the biases held fixed.
    let example = try #require(try BuiltinExamples.example(named: "handwritten-222"))
    let evaluation = try Evaluation(example)
    let start = evaluation.initialState
    #expect(abs(try evaluation.value(of: "E_total", in: start) - 0.298371109) < 1e-9)
    #expect(abs(try evaluation.value(of: "E_total", in: try evaluation.updated(start)) - 0.29102777) < 1e-8)
    // b1 and b2 are constants: the update leaves them alone.
    let next = try evaluation.updated(start)
    for leaf in example.leaves where leaf.kind == .const {
      let id = try evaluation.network.leaf(leaf.name)
      #expect(next[id] == start[id])
    }
  }

  @Test func theChainSettles() throws {
    // Gradient descent on ŷ = 2·w1·w2 from (2, 0.5) at rate 0.01 settles where
    // 2·w1·w2 = 20, at w1 = 3.391017..., w2 = 2.948967... (computed independently).
    let example = try #require(try BuiltinExamples.example(named: "simple-chain"))
    let evaluation = try Evaluation(example)
    let settled = try evaluation.trained(evaluation.initialState, .converged)
    let w1 = try evaluation.value(of: "w1", in: settled)
    let w2 = try evaluation.value(of: "w2", in: settled)
    #expect(abs(w1 - 3.3910174340716916) < 1e-9)
    #expect(abs(w2 - 2.948967439542979) < 1e-9)
    #expect(abs(2 * w1 * w2 - 20) < 1e-12)
  }
}
