import Foundation
import Testing

@testable import BackpropCore

/// Random small networks with planted causes: each must be found as planted.
///
/// The network: h = σ(w1·x), y = w2·h, L = ½(y − t)², so ∂L/∂y = y − t, ∂y/∂w2 = h (a bare
/// name) and ∂L/∂w2 = (y − t)·h. The test works each value out itself in Double and
/// prints it to 4 decimals as a student would; the seeds make every run the same.
@Suite struct CausePropertyTests {
  /// A reproducible generator (SplitMix64).
  struct Seeded {
    var state: UInt64
    mutating func next() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
    /// A number with at most two decimals in `low...high`, as a handout gives it.
    mutating func given(_ low: Double, _ high: Double) -> Double { ((low + (high - low) * next()) * 100).rounded() / 100 }
  }

  struct Net {
    var x, w1, w2, t: Double
    var h: Double { 1 / (1 + Foundation.exp(-w1 * x)) }
    var dLdy: Double { w2 * h - t }
    var dLdw2: Double { dLdy * h }
    var text: String {
      "input x = \(x)\ntarget t = \(t)\nparam w1 = \(w1)\nparam w2 = \(w2)\nh = sigmoid(w1 * x)\ny = w2 * h\n"
        + "L = 1/2 * (y - t)^2\nloss L\n"
    }
  }

  static func printed(_ value: Double) -> String { String(format: "%.4f", (value * 10_000).rounded() / 10_000) }
  static func round4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

  func causes(_ net: Net, _ doc: String) throws -> [String: Explanation] {
    let walkthrough = try Walkthrough(try ExampleParser.parse(net.text + doc, file: "generated.txt"))
    var result: [String: Explanation] = [:]
    for line in walkthrough.lines {
      if let explanation = line.explanation { result[Notation.ascii.render(line.quantity)] = explanation }
    }
    return result
  }

  /// Networks whose gradient is not near zero, so that a slip in h shows downstream.
  static let networks: [Net] = {
    var random = Seeded(state: 11)
    var nets: [Net] = []
    while nets.count < 60 {
      let net = Net(x: random.given(-2, 2), w1: random.given(-1.5, 1.5), w2: random.given(0.5, 3), t: random.given(-2, 2))
      if Swift.abs(net.dLdy) > 0.3 { nets.append(net) }
    }
    return nets
  }()

  @Test func aPlantedSlipAndTheValueCarriedFromIt() throws {
    for net in Self.networks {
      // h off by 0.05; ∂L/∂w2 worked from it and the right ∂L/∂y.
      let wrongH = Self.round4(net.h + 0.05)
      let dLdy = Self.round4(net.dLdy)
      let carried = dLdy * wrongH
      let found = try causes(
        net, "doc h = \(Self.printed(wrongH))\ndoc dL/dy = \(Self.printed(dLdy))\ndoc dL/dw2 = \(Self.printed(carried))\n")
      #expect(found["h"]?.cause == .slip, "\(net)")
      #expect(found["dL/dw2"]?.cause == .carried, "\(net)")
      #expect(found["dL/dy"] == nil, "\(net)")
    }
  }

  @Test func consistentRoundingIsNeverASlip() throws {
    var drifted = 0
    for net in Self.networks {
      let h = Self.round4(net.h)
      let dLdy = Self.round4(net.dLdy)
      let worked = Self.round4(dLdy * h)
      let found = try causes(net, "doc h = \(Self.printed(h))\ndoc dL/dy = \(Self.printed(dLdy))\ndoc dL/dw2 = \(Self.printed(worked))\n")
      #expect(found["h"] == nil && found["dL/dy"] == nil, "\(net)")
      guard worked != Self.round4(net.dLdw2) else { continue }
      drifted += 1
      // The product of two rounded inputs: at most about 2.5 units wide, so a truncation
      // that fits as well is said beside it, never chosen over it.
      #expect(found["dL/dw2"]?.cause == .rounding, "\(net)")
    }
    #expect(drifted > 0)
  }

  @Test func aPlantedTruncation() throws {
    var planted = 0
    for net in Self.networks {
      let cut = (net.dLdw2 * 10_000).rounded(.towardZero) / 10_000
      guard cut != Self.round4(net.dLdw2) else { continue }
      planted += 1
      let found = try causes(net, "doc dL/dw2 = \(Self.printed(cut))\n")
      #expect(found["dL/dw2"]?.cause == .truncated, "\(net)")
    }
    #expect(planted > 10)
  }
}
