import Foundation

/// A closed range of real numbers, for arithmetic on numbers known only to the
/// digits a document printed.
///
/// Mathematical properties: for every operation, the result contains f(a, b) for
/// every a in the first operand and b in the second. Bounds are widened by a
/// relative 1e-12 after each operation so that floating-point rounding can only make
/// the result larger, never exclude a true value.
public struct Interval: Hashable, Sendable, CustomStringConvertible {
  /// The smallest number in the range.
  public var low: Double
  /// The largest number in the range.
  public var high: Double

  /// The numbers between two bounds, given in either order.
  public init(_ low: Double, _ high: Double) {
    self.low = Swift.min(low, high)
    self.high = Swift.max(low, high)
  }

  /// A single number.
  public init(_ value: Double) { self.init(value, value) }

  /// (−∞, ∞): what is known of a result that cannot be bounded, such as a division by a
  /// range across zero.
  public static let everything = Interval(-.infinity, .infinity)

  /// Whether the range holds a single number: low = high.
  public var isPoint: Bool { low == high }

  /// Whether the two ranges share at least one number.
  public func overlaps(_ other: Interval) -> Bool {
    low <= other.high && other.low <= high
  }

  /// The number for a point, `[low, high]` otherwise.
  public var description: String { isPoint ? "\(low)" : "[\(low), \(high)]" }

  private func widened() -> Interval {
    guard low.isFinite || high.isFinite else { return .everything }
    if low.isNaN || high.isNaN { return .everything }
    let slack = 1e-12
    return Interval(low - Swift.abs(low) * slack, high + Swift.abs(high) * slack)
  }

  /// [a.low + b.low, a.high + b.high], widened.
  public static func + (a: Interval, b: Interval) -> Interval {
    Interval(a.low + b.low, a.high + b.high).widened()
  }

  /// [a.low − b.high, a.high − b.low], widened.
  public static func - (a: Interval, b: Interval) -> Interval {
    Interval(a.low - b.high, a.high - b.low).widened()
  }

  /// −[low, high] = [−high, −low], exact.
  public static prefix func - (a: Interval) -> Interval {
    Interval(-a.high, -a.low)
  }

  /// The least and greatest of the four products of the bounds, widened.
  public static func * (a: Interval, b: Interval) -> Interval {
    // The four corner products, NaN (0·∞) left out, without an array per product.
    var low = Double.infinity
    var high = -Double.infinity
    var any = false
    func take(_ product: Double) {
      guard !product.isNaN else { return }
      low = Swift.min(low, product)
      high = Swift.max(high, product)
      any = true
    }
    take(a.low * b.low)
    take(a.low * b.high)
    take(a.high * b.low)
    take(a.high * b.high)
    guard any else { return .everything }
    return Interval(low, high).widened()
  }

  /// a · [1/b.high, 1/b.low], widened; everything when `b` contains zero.
  public static func / (a: Interval, b: Interval) -> Interval {
    if b.low <= 0 && b.high >= 0 { return .everything }
    return (a * Interval(1 / b.high, 1 / b.low)).widened()
  }

  /// a^b, exactly for whole exponents and for positive bases; otherwise everything.
  public func power(_ b: Interval) -> Interval {
    if b.isPoint, b.low == b.low.rounded(), Swift.abs(b.low) <= 64 {
      let n = Int(b.low)
      if n == 0 { return Interval(1) }
      if n < 0 { return Interval(1) / power(Interval(Double(-n))) }
      let ends = [Operator.power.definition.value(low, b.low), Operator.power.definition.value(high, b.low)]
      var result = Interval(ends.min()!, ends.max()!)
      // An even power of a range across zero reaches down to zero.
      if n % 2 == 0, low < 0, high > 0 { result.low = 0 }
      return result.widened()
    }
    guard low > 0 else { return .everything }
    let corners = [low, high].flatMap { x in [b.low, b.high].map { Foundation.pow(x, $0) } }
    return Interval(corners.min()!, corners.max()!).widened()
  }

  /// The range of a function that does not decrease: [f(low), f(high)], widened.
  public func increasing(_ f: (Double) -> Double) -> Interval {
    Interval(f(low), f(high)).widened()
  }

  /// The range of a function that does not increase: [f(high), f(low)], widened.
  public func decreasing(_ f: (Double) -> Double) -> Interval {
    Interval(f(high), f(low)).widened()
  }
}
