import BackpropCore
import BackpropExamples
import Foundation
import Testing

@testable import BackpropPresentation

/// The walk's JSON for the linear chain (Examples/simple-chain.txt): x = 2, w1 = 2,
/// w2 = 0.5, y = 20, h = x·w1, ŷ = h·w2, L = ½(y − ŷ)².
@Suite struct WalkJSONTests {
  func document() throws -> [String: Any] {
    let example = try #require(try BuiltinExamples.example(named: "simple-chain"))
    let rendered = WalkJSON.render(try Walkthrough(example), name: "simple-chain").rendered()
    return try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
  }

  func steps(_ document: [String: Any]) throws -> [[String: Any]] {
    try #require(document["steps"] as? [[String: Any]])
  }

  @Test func theHeaderFields() throws {
    let document = try document()
    #expect(document["example"] as? String == "simple-chain")
    #expect(document["title"] as? String == "The linear chain yhat = x * w1 * w2")
    #expect(document["rounding"] is NSNull)
    #expect((document["source"] as? String)?.contains("(\"Build a Simple Neural Network") == true)
  }

  @Test func theFirstStepsAreTheGivensInASCII() throws {
    let steps = try steps(try document())
    #expect(steps[0]["quantity"] as? String == "x")
    #expect(steps[0]["section"] as? String == "setup")
    #expect(steps[0]["kind"] as? String == "given")
    #expect(steps[0]["value"] as? Double == 2)
    #expect(steps[0]["verdict"] is NSNull)
  }

  @Test func aValueTheDocumentPrintedAgrees() throws {
    let steps = try steps(try document())
    // h = x·w1 = 2·2 = 4, printed as "doc h = 4" on line 19.
    let h = try #require(steps.first { $0["quantity"] as? String == "h" && $0["section"] as? String == "forward" })
    #expect(h["formula"] as? String == "x * w1")
    #expect(h["arithmetic"] as? String == "2 * 2")
    #expect(h["value"] as? Double == 4)
    #expect(h["document"] as? String == "4")
    #expect(h["verdict"] as? String == "agree")
    #expect(h["line"] as? Int == 19)
    // ∂L/∂w2 = (ŷ − y)·h = (2 − 20)·4 = −72.
    let gradient = try #require(steps.first { $0["quantity"] as? String == "dL/dw2" })
    #expect(gradient["value"] as? Double == -72)
  }

  @Test func aSlipHasItsCauseAndDifference() throws {
    let steps = try steps(try document())
    // (y − ŷ')² = (20 − 5.3192)² = 14.6808² = 215.52588864; the document printed 215.76 (line 109).
    let slip = try #require(steps.first { $0["line"] as? Int == 109 })
    #expect(slip["quantity"] as? String == "(y - yhat')^2")
    #expect(slip["verdict"] as? String == "differ")
    #expect(slip["cause"] as? String == "slip")
    let difference = try #require(slip["difference"] as? Double)
    #expect(abs(difference - (215.76 - 215.52588864)) < 1e-9)
    let fromDocument = try #require(slip["fromDocumentInputs"] as? [String: Any])
    #expect(abs((fromDocument["value"] as? Double ?? 0) - 215.52588864) < 1e-9)
  }

  @Test func theSummary() throws {
    let summary = try #require(try document()["summary"] as? [String: Any])
    // 54 'doc' lines; 4 differ (lines 87, 109, 110 and 113).
    #expect(summary["documentValues"] as? Int == 54)
    #expect(summary["agree"] as? Int == 50)
    #expect(summary["differ"] as? Int == 4)
    let first = try #require(summary["firstSlip"] as? [String: Any])
    #expect(first["line"] as? Int == 109)
  }
}
