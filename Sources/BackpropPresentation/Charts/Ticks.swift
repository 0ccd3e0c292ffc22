import BackpropCore
import Foundation

/// "Nice" axis ticks: 1, 2, 2.5 or 5 times a power of ten, covering a range.
///
/// A tick is an integer number of units times an exact power of ten, computed as
/// `(i · units) / 10ⁿ`: one correctly rounded division, so the tick 0.6 is the double
/// nearest 0.6 and not 3 · 0.2 = 0.6000000000000001.
public enum Ticks {
  /// Evenly spaced ticks from the last at or below `low` to the first at or above `high`.
  ///
  /// The step is the smallest nice number at least (high − low) / count, so there are
  /// about `count` intervals: `Ticks.linear(0, 1)` is `[0, 0.2, 0.4, 0.6, 0.8, 1]`.
  /// A range of one number is widened by a tenth of its size each way (by 1 around
  /// zero); a range with an infinite or NaN end has no ticks.
  public static func linear(_ low: Double, _ high: Double, count: Int = 5) -> [Double] {
    guard low.isFinite, high.isFinite else { return [] }
    let (a, b) = widened(low, high)
    let n = Double(min(max(count, 1), 1000))
    let raw = b / n - a / n
    guard raw > 0, raw.isFinite else { return [] }
    var k = Int(floor(log10(raw)))
    var r = raw / power(k)
    if r >= 10 { (k, r) = (k + 1, r / 10) }
    if r < 1 { (k, r) = (k - 1, r * 10) }
    // units × 10^(k−1): 10, 20, 25, 50 or 100 tenths of 10^k.
    let units = [10.0, 20, 25, 50, 100].first { $0 / 10 >= r * (1 - 1e-9) } ?? 100
    func tick(_ i: Double) -> Double { scaled(i * units, k - 1) }
    let size = tick(1)
    let first = floor(a / size + 1e-9)
    let last = ceil(b / size - 1e-9)
    guard first.isFinite, last.isFinite, last - first <= 10_000 else { return [] }
    return stride(from: first, through: last, by: 1).map(tick).filter(\.isFinite)
  }

  /// Powers of ten covering a positive range (for a log axis); at least 2.
  ///
  /// `Ticks.logarithmic(0.5, 162)` is `[0.1, 1, 10, 100, 1000]`. A range that is not
  /// positive and finite has no ticks.
  public static func logarithmic(_ low: Double, _ high: Double) -> [Double] {
    logarithmic(low, high, maximumCount: .max)
  }

  /// Powers of ten covering `low...high`, every 1, 2, 5, 10, 20, ... decades so that
  /// there are at most `maximumCount` of them (at least 2).
  static func logarithmic(_ low: Double, _ high: Double, maximumCount: Int) -> [Double] {
    guard low > 0, high > 0, low.isFinite, high.isFinite else { return [] }
    let (a, b) = (min(low, high), max(low, high))
    var kLow = Int(floor(log10(a)))
    if power(kLow + 1) <= a { kLow += 1 }
    if power(kLow) > a { kLow -= 1 }
    var kHigh = Int(ceil(log10(b)))
    if power(kHigh - 1) >= b { kHigh -= 1 }
    if power(kHigh) < b { kHigh += 1 }
    if kHigh == kLow { kHigh += 1 }
    var decades = 1
    for candidate in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] {
      decades = candidate
      let count = Int(ceil(Double(kHigh) / Double(candidate))) - Int(floor(Double(kLow) / Double(candidate))) + 1
      if count <= max(maximumCount, 2) { break }
    }
    let first = Int(floor(Double(kLow) / Double(decades))) * decades
    let last = Int(ceil(Double(kHigh) / Double(decades))) * decades
    return stride(from: first, through: last, by: decades).map(power).filter { $0 > 0 && $0.isFinite }
  }

  /// `low...high`, or when that is a single number (to 1 part in 10¹²), a range around it.
  static func widened(_ low: Double, _ high: Double) -> (low: Double, high: Double) {
    let (a, b) = (min(low, high), max(low, high))
    let magnitude = max(abs(a), abs(b))
    guard b - a <= magnitude * 1e-12 else { return (a, b) }
    let pad = magnitude > 0 ? magnitude / 10 : 1
    return (max(a - pad, -.greatestFiniteMagnitude), min(b + pad, .greatestFiniteMagnitude))
  }

  /// 10ᵏ, exact for |k| ≤ 22 (a negative power is 1 / 10⁻ᵏ, correctly rounded).
  static func power(_ k: Int) -> Double { scaled(1, k) }

  /// `integer` × 10ᵏ with a single rounding where the numbers allow it.
  private static func scaled(_ integer: Double, _ k: Int) -> Double {
    if k >= 0 { return integer * pow(10, Double(k)) }
    if k >= -308 { return integer / pow(10, Double(-k)) }
    return integer * pow(10, Double(k))
  }
}
