import BackpropCore
import Foundation

/// A contour map of a function of two variables, with a path drawn over it: the loss
/// surface over two parameters and the gradient-descent path descending it.
///
/// Between the grid's points the function is read bilinearly. Low values are light
/// and high values dark, in the terminal and in SVG alike.
public struct ContourChart: Sendable {
  /// The title, centred above the chart.
  public var title: String
  /// The x axis's label.
  public var xLabel: String
  /// The y axis's label.
  public var yLabel: String
  /// The span of x the map covers.
  public var xRange: ClosedRange<Double>
  /// The span of y the map covers.
  public var yRange: ClosedRange<Double>
  /// values[row][column]: row 0 is y = yRange.lowerBound, column 0 is x = xRange.lowerBound;
  /// rows and columns evenly spaced, at least 2 of each. Non-finite values are drawn grey
  /// (`×` in the terminal); a missing value in a short row counts as non-finite.
  public var values: [[Double]]
  /// The path, in the same coordinates; the parts outside the ranges are clipped.
  public var path: [(x: Double, y: Double)]
  /// Levels spaced logarithmically (when all finite values > 0 and they span ≥ 100×), else linearly. nil = automatic.
  ///
  /// Logarithmic levels asked for when some value ≤ 0 fall back to linear.
  public var logarithmicLevels: Bool?

  /// A map of `values` over `xRange` × `yRange`, with `path` drawn over it.
  public init(
    title: String, xLabel: String, yLabel: String, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
    values: [[Double]], path: [(x: Double, y: Double)], logarithmicLevels: Bool? = nil
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xRange = xRange
    self.yRange = yRange
    self.values = values
    self.path = path
    self.logarithmicLevels = logarithmicLevels
  }

  /// Whether the levels are spaced logarithmically: as asked, or automatically, and only when every finite value > 0.
  public var usesLogarithmicLevels: Bool {
    guard let extremes, extremes.low > 0 else { return false }
    return logarithmicLevels ?? (extremes.high / extremes.low >= 100)
  }

  /// Whether there are no values at all (an empty grid, not one of NaNs).
  var noData: Bool { values.allSatisfy(\.isEmpty) }

  /// The lowest and highest finite values.
  var extremes: (low: Double, high: Double)? {
    let finite = values.joined().filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return nil }
    return (low, high)
  }

  /// The contour levels: nice values strictly between the lowest and highest finite
  /// values, powers of ten (or 1, 2, 5 × them, when few decades) on a logarithmic scale.
  var levels: [Double] {
    guard let extremes, extremes.low < extremes.high else { return [] }
    let (low, high) = extremes
    if usesLogarithmicLevels {
      // 1, 2 and 5 × 10ⁿ while that makes at most 24 levels; else every decade, or every
      // 2nd, 5th, ... when there are many; 1 to 9 × 10ⁿ when under a decade or two.
      let decades = Ticks.logarithmic(low, high, maximumCount: 13)
      func levels(_ multiples: [Double]) -> [Double] {
        decades.flatMap { decade in multiples.map { $0 * decade } }.filter { $0 > low && $0 < high }
      }
      let (each, oneTwoFive) = (levels([1]), levels([1, 2, 5]))
      let thinned = decades.count >= 2 && decades[1] / decades[0] > 10.5
      if thinned { return each }
      if (4...24).contains(oneTwoFive.count) { return oneTwoFive }
      if each.count >= 4 { return each }
      let all = levels([1, 2, 3, 4, 5, 6, 7, 8, 9])
      if all.count >= 2 { return all }
    }
    return Ticks.linear(low, high, count: 10).filter { $0 > low && $0 < high }
  }

  /// The grid read as a function of position, its size and extremes worked out once.
  struct Surface {
    let values: [[Double]]
    let columns: Int
    let extremes: (low: Double, high: Double)?
    let logarithmic: Bool

    init(_ chart: ContourChart) {
      values = chart.values
      columns = chart.values.map(\.count).max() ?? 0
      extremes = chart.extremes
      logarithmic = chart.usesLogarithmicLevels
    }

    /// Where `value` sits between the lowest and highest finite values, 0 to 1 (between
    /// their logarithms with logarithmic levels); 0 when they are equal, NaN when it is not finite.
    func shade(_ value: Double) -> Double {
      guard value.isFinite, let extremes else { return .nan }
      let (low, high) = extremes
      guard low < high else { return 0 }
      if logarithmic { return (log10(value) - log10(low)) / (log10(high) - log10(low)) }
      return (value / 2 - low / 2) / (high / 2 - low / 2)
    }

    /// The value at fractions `fx`, `fy` of the ranges: bilinear between the four grid
    /// points around it, or the nearest one's when one of the four is not finite.
    func value(atFraction fx: Double, _ fy: Double) -> Double {
      let rows = values.count
      guard rows > 0, columns > 0, fx.isFinite, fy.isFinite else { return .nan }
      func node(_ r: Int, _ c: Int) -> Double { c < values[r].count ? values[r][c] : .nan }
      let gx = min(max(fx, 0), 1) * Double(columns - 1)
      let gy = min(max(fy, 0), 1) * Double(rows - 1)
      let (c0, r0) = (min(Int(gx), max(columns - 2, 0)), min(Int(gy), max(rows - 2, 0)))
      let (c1, r1) = (min(c0 + 1, columns - 1), min(r0 + 1, rows - 1))
      let (tx, ty) = (gx - Double(c0), gy - Double(r0))
      let (a, b, c, d) = (node(r0, c0), node(r0, c1), node(r1, c0), node(r1, c1))
      guard a.isFinite, b.isFinite, c.isFinite, d.isFinite else { return node(Int(gy.rounded()), Int(gx.rounded())) }
      // a(1 − t) + bt rather than a + (b − a)t: no overflow between values near ±1e308.
      let lower = a * (1 - tx) + b * tx
      let upper = c * (1 - tx) + d * tx
      return lower * (1 - ty) + upper * ty
    }
  }

  /// The axes over the ranges, ticks inside them.
  func axes(
    preferred: (x: Int, y: Int), length: (x: Double, y: Double), spacing: (x: ([String]) -> Double, y: ([String]) -> Double)
  ) -> (x: ChartAxis, y: ChartAxis) {
    let x = ChartAxis.spanning(xRange.lowerBound, xRange.upperBound, preferred: preferred.x, length: length.x, spacing: spacing.x)
    let y = ChartAxis.spanning(yRange.lowerBound, yRange.upperBound, preferred: preferred.y, length: length.y, spacing: spacing.y)
    return (x, y)
  }

  /// The path in fractions of the axes, clipped to the unit square: the pieces that lie inside.
  func clippedPath(_ x: ChartAxis, _ y: ChartAxis) -> [[(x: Double, y: Double)]] {
    let points = path.map { (x: x.fraction($0.x), y: y.fraction($0.y)) }
    var pieces: [[(x: Double, y: Double)]] = []
    var open = false
    for (a, b) in zip(points, points.dropFirst()) {
      guard let segment = Self.clipped(a, b) else {
        open = false
        continue
      }
      if open && segment.whole.start {
        pieces[pieces.count - 1].append(segment.end)
      } else {
        pieces.append([segment.start, segment.end])
      }
      open = segment.whole.end
    }
    return pieces
  }

  /// The part of the segment from `a` to `b` inside the unit square (Liang–Barsky), and
  /// whether each end is the segment's own.
  private static func clipped(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double))
    -> (start: (x: Double, y: Double), end: (x: Double, y: Double), whole: (start: Bool, end: Bool))?
  {
    guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
    let (dx, dy) = (b.x - a.x, b.y - a.y)
    guard dx.isFinite, dy.isFinite else { return nil }
    var (t0, t1) = (0.0, 1.0)
    // Inside where p·t ≤ q for each side: x ≥ 0, x ≤ 1, y ≥ 0, y ≤ 1.
    for (p, q) in [(-dx, a.x), (dx, 1 - a.x), (-dy, a.y), (dy, 1 - a.y)] {
      if p == 0 {
        if q < 0 { return nil }
      } else if p < 0 {
        t0 = max(t0, q / p)
      } else {
        t1 = min(t1, q / p)
      }
    }
    guard t0 <= t1 else { return nil }
    return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy), (t0 == 0, t1 == 1))
  }

  /// Whether a point in fractions of the axes is inside the chart.
  static func inside(_ point: (x: Double, y: Double)) -> Bool {
    (0...1).contains(point.x) && (0...1).contains(point.y)
  }
}
