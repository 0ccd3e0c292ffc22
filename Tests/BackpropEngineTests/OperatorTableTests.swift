import Foundation
import Testing

@testable import BackpropEngine

/// Every entry of the operator table against the mathematics: its local derivatives
/// against finite differences of its value, its interval extension against values
/// inside the operand ranges. The tests run over ``Operator/all``, so a new entry is
/// tested as soon as it is added.
@Suite struct OperatorTableTests {
  /// First operands: no 0 (the kink of relu, abs, step and sign), none equal to a
  /// second operand (the kink of max and min), negative and positive, small and large.
  static let firstOperands = [-2.3, -0.7, 0.4, 1.3, 2.9]
  /// Second operands: none among the first ones, fractional (so a negative base to
  /// their power is outside the domain rather than at an integer).
  static let secondOperands = [-1.6, 0.55, 1.9, 3.1]

  /// The sample points inside `op`'s domain: those where the value is a finite
  /// number at the point and at its finite-difference neighbours, and the operator
  /// reports no domain problem. The second operand is 0 for a unary operator.
  static func samplePoints(_ op: Operator) -> [(x: Double, y: Double)] {
    let definition = op.definition
    let candidates: [(x: Double, y: Double)] =
      op.arity == 1
      ? (firstOperands + [-4.1, 4.6]).map { ($0, 0) }
      : firstOperands.flatMap { x in secondOperands.map { (x, $0) } }
    return candidates.filter { x, y in
      let hx = step(x)
      let hy = op.arity == 1 ? 0 : step(y)
      let stencil = [(x, y), (x + hx, y), (x - hx, y), (x, y + hy), (x, y - hy)]
      return stencil.allSatisfy { a, b in
        definition.value(a, b).isFinite && definition.domainProblem(a, b, { "\($0)" }) == nil
      }
    }
  }

  /// The finite-difference step at `x`: small against |x|, large against rounding.
  static func step(_ x: Double) -> Double { 1e-5 * max(1, abs(x)) }

  /// Whether `a` and `b` agree to a relative `tolerance` (absolute below magnitude 1).
  static func agree(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
  }

  @Test(arguments: Operator.all)
  func localDerivativesAgreeWithFiniteDifferences(op: Operator) {
    let definition = op.definition
    let points = Self.samplePoints(op)
    #expect(points.count >= 3, "\(op): too few sample points inside the domain")
    for (x, y) in points {
      let value = definition.value(x, y)
      let (dx, dy) = definition.localDerivatives(x, y, value)
      // Central differences: (f(x + h) − f(x − h)) / 2h, error O(h²).
      let hx = Self.step(x)
      let numericX = (definition.value(x + hx, y) - definition.value(x - hx, y)) / (2 * hx)
      #expect(Self.agree(dx, numericX, 1e-6), "∂\(op)/∂x at (\(x), \(y)): \(dx) vs \(numericX)")
      if op.arity == 1 {
        #expect(dy == 0, "\(op) takes one operand: no derivative for a second")
      } else {
        let hy = Self.step(y)
        let numericY = (definition.value(x, y + hy) - definition.value(x, y - hy)) / (2 * hy)
        #expect(Self.agree(dy, numericY, 1e-6), "∂\(op)/∂y at (\(x), \(y)): \(dy) vs \(numericY)")
      }
    }
  }

  @Test(arguments: Operator.all)
  func intervalExtensionContainsEveryValue(op: Operator) {
    let definition = op.definition
    var random = SplitMix(seed: 0x5EED &+ UInt64(Operator.all.firstIndex(of: op)!))
    /// Whether the value at (x, y) is a number the interval must hold.
    func defined(_ x: Double, _ y: Double) -> Bool {
      definition.value(x, y).isFinite && definition.domainProblem(x, y, { "\($0)" }) == nil
    }
    func contains(_ interval: Interval, _ value: Double) -> Bool { interval.low <= value && value <= interval.high }

    // A point interval holds the point's value.
    for (x, y) in Self.samplePoints(op) {
      let value = definition.value(x, y)
      let interval = definition.interval(Interval(x), Interval(y))
      #expect(contains(interval, value), "\(op) at (\(x), \(y)) = \(value), not in \(interval)")
    }

    // Operand ranges around the sample points, some across a kink or the domain's edge.
    // A wrong extension misses thousands of values: they are reported once, the first few.
    var checked = 0
    var outside: [String] = []
    for (x0, y0) in Self.samplePoints(op) {
      for _ in 0..<8 {
        let xs = Interval(x0 - random.uniform(0, 1.5), x0 + random.uniform(0, 1.5))
        let ys = op.arity == 1 ? Interval(0) : Interval(y0 - random.uniform(0, 1.5), y0 + random.uniform(0, 1.5))
        let whole = definition.interval(xs, ys)
        // A random part of each range: its own interval, and the whole one, hold
        // every value inside it.
        let xPart = Interval(random.uniform(xs.low, xs.high), random.uniform(xs.low, xs.high))
        let yPart = op.arity == 1 ? ys : Interval(random.uniform(ys.low, ys.high), random.uniform(ys.low, ys.high))
        let part = definition.interval(xPart, yPart)
        var xSamples = [xPart.low, xPart.high, (xPart.low + xPart.high) / 2]
        var ySamples = op.arity == 1 ? [0] : [yPart.low, yPart.high, (yPart.low + yPart.high) / 2]
        for _ in 0..<6 {
          xSamples.append(random.uniform(xPart.low, xPart.high))
          if op.arity == 2 { ySamples.append(random.uniform(yPart.low, yPart.high)) }
        }
        for x in xSamples {
          for y in ySamples where defined(x, y) {
            let value = definition.value(x, y)
            if !contains(part, value) { outside.append("\(op)(\(x), \(y)) = \(value), not in \(part) for \(xPart) × \(yPart)") }
            if !contains(whole, value) { outside.append("\(op)(\(x), \(y)) = \(value), not in \(whole) for \(xs) × \(ys)") }
            checked += 1
          }
        }
      }
    }
    #expect(outside.isEmpty, "\(outside.count) of \(checked) values outside, first: \(outside.prefix(3).joined(separator: "; "))")
    #expect(checked >= 100, "\(op): too few values inside the domain")
  }

  @Test func maxOfTwoAndThree() {
    // max(2, 3) = 3: b is the larger, so ∂/∂a = 0 and ∂/∂b = 1.
    let max = Operator.named("max")!.definition
    let value = max.value(2, 3)
    #expect(value == 3)
    let (da, db) = max.localDerivatives(2, 3, value)
    #expect(da == 0 && db == 1)
    // The other way round, the other operand: max(3, 2) = 3, ∂/∂a = 1, ∂/∂b = 0.
    #expect(max.value(3, 2) == 3)
    let swapped = max.localDerivatives(3, 2, 3)
    #expect(swapped.0 == 1 && swapped.1 == 0)
  }

  @Test func minOfTwoAndThree() {
    // min(2, 3) = 2: a is the smaller, so ∂/∂a = 1 and ∂/∂b = 0.
    let min = Operator.named("min")!.definition
    let value = min.value(2, 3)
    #expect(value == 2)
    let (da, db) = min.localDerivatives(2, 3, value)
    #expect(da == 1 && db == 0)
    #expect(min.value(3, 2) == 2)
    let swapped = min.localDerivatives(3, 2, 2)
    #expect(swapped.0 == 0 && swapped.1 == 1)
  }

  @Test func softplusAtZero() {
    // softplus(0) = ln(1 + e⁰) = ln 2; softplus'(0) = σ(0) = 1/2.
    let softplus = Operator.named("softplus")!.definition
    let value = softplus.value(0, 0)
    #expect(abs(value - 0.6931471805599453) <= 1e-16)
    #expect(softplus.localDerivatives(0, 0, value).0 == 0.5)
  }

  @Test func softplusFarFromZero() {
    let softplus = Operator.named("softplus")!.definition
    // softplus(u) = ln(1 + e^u) ≈ e^u for very negative u: e^−700 = 9.86e−305 is a
    // normal Double, and ln(1 + t) = t to within t²/2.
    let small = softplus.value(-700, 0)
    #expect(small > 0)
    #expect(abs(small - exp(-700)) <= 1e-15 * exp(-700))
    // e^−740 = 4.2e−322 is below the normal range but still a positive Double.
    #expect(softplus.value(-740, 0) > 0)
    // e^−800 ≈ 10^−347.4 is smaller than the least positive Double (4.9e−324): the
    // nearest Double is 0. The value must be that, finite and not negative, and the
    // naive ln(1 + e^u) must not have overflowed anywhere.
    let tiny = softplus.value(-800, 0)
    #expect(tiny.isFinite)
    #expect(tiny >= 0)
    #expect(tiny < Double.leastNonzeroMagnitude)
    let tinySlope = softplus.localDerivatives(-800, 0, tiny).0
    #expect(tinySlope.isFinite && tinySlope >= 0 && tinySlope < Double.leastNonzeroMagnitude)
    // softplus(800) = 800 + ln(1 + e^−800) = 800 to the last digit; e^800 alone overflows.
    let large = softplus.value(800, 0)
    #expect(large == 800)
    #expect(softplus.localDerivatives(800, 0, large).0 == 1)
  }

  @Test func intervalsOfMaxAndMin() {
    // Over a ∈ [1, 2], b ∈ [0, 3]: max(a, b) runs from max(1, 0) = 1 to max(2, 3) = 3,
    // min(a, b) from min(1, 0) = 0 to min(2, 3) = 2.
    let max = Operator.named("max")!.definition.interval(Interval(1, 2), Interval(0, 3))
    #expect(max.low <= 1 && max.high >= 3)
    #expect(abs(max.low - 1) <= 1e-12 && abs(max.high - 3) <= 3e-12)
    let min = Operator.named("min")!.definition.interval(Interval(1, 2), Interval(0, 3))
    #expect(min.low <= 0 && min.high >= 2)
    #expect(abs(min.low) <= 1e-12 && abs(min.high - 2) <= 2e-12)
  }

  @Test func theNewEntriesAreFunctionsSpelledByTheirNames() {
    #expect(Operator.function(spelled: "max") == Operator.named("max"))
    #expect(Operator.function(spelled: "min") == Operator.named("min"))
    #expect(Operator.function(spelled: "softplus") == Operator.named("softplus"))
    #expect(Operator.named("max")?.arity == 2)
    #expect(Operator.named("min")?.arity == 2)
    #expect(Operator.named("softplus")?.arity == 1)
  }
}

/// A small deterministic random generator, so failures reproduce.
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * Double(next() >> 11) / Double(1 << 53)
  }
}
