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

/// One axis of a chart: the span it shows, its ticks and their labels.
struct ChartAxis {
  var low: Double
  var high: Double
  var logarithmic: Bool
  var ticks: [Double]
  var labels: [String]
  /// Unlabelled ticks between the decades of a log axis: 2, 3, ..., 9 × 10ⁿ.
  var minorTicks: [Double] = []

  /// Where `value` falls along the axis: 0 at `low`, 1 at `high` (between their
  /// logarithms on a log axis); NaN for a value the axis cannot place.
  func fraction(_ value: Double) -> Double {
    guard value.isFinite else { return .nan }
    if logarithmic {
      guard value > 0 else { return .nan }
      return (log10(value) - log10(low)) / (log10(high) - log10(low))
    }
    // Halves, so that a span of ±1e308 does not overflow.
    return (value / 2 - low / 2) / (high / 2 - low / 2)
  }

  /// An axis over the data widened to the ticks around it, with as many of the
  /// `preferred` ticks as leave labels `spacing(labels)` apart within `length`.
  static func covering(
    _ low: Double, _ high: Double, logarithmic: Bool, preferred: Int, length: Double, spacing: ([String]) -> Double
  ) -> ChartAxis {
    var axis = ChartAxis(low: 0, high: 1, logarithmic: false, ticks: [0, 1], labels: ["0", "1"])
    for count in stride(from: max(preferred, 1), through: 1, by: -1) {
      // A log axis labels every decade as long as the labels fit: up to twice as many ticks.
      let ticks =
        logarithmic ? Ticks.logarithmic(low, high, maximumCount: 2 * count + 1) : Ticks.linear(low, high, count: count)
      guard let first = ticks.first, let last = ticks.last else { continue }
      let (a, b) = logarithmic ? (low, high) : Ticks.widened(low, high)
      axis = ChartAxis(low: min(first, a), high: max(last, b), logarithmic: logarithmic, ticks: ticks, labels: labels(ticks, logarithmic))
      if axis.fits(length: length, spacing: spacing) { break }
    }
    if logarithmic, axis.ticks.count >= 2, axis.ticks[1] / axis.ticks[0] < 10.5, axis.ticks.count <= 7 {
      axis.minorTicks = axis.ticks.dropLast().flatMap { decade in (2...9).map { Double($0) * decade } }
    }
    return axis
  }

  /// An axis over exactly `low...high` (widened if it is one number), its ticks inside.
  static func spanning(_ low: Double, _ high: Double, preferred: Int, length: Double, spacing: ([String]) -> Double) -> ChartAxis {
    let finite = (max(low, -.greatestFiniteMagnitude), min(high, .greatestFiniteMagnitude))
    let (a, b) = Ticks.widened(finite.0, finite.1)
    let ends = [a, b]
    var axis = ChartAxis(low: a, high: b, logarithmic: false, ticks: ends, labels: ends.map { Readable.format($0) })
    for count in stride(from: max(preferred, 1), through: 1, by: -1) {
      let slack = (b / 2 - a / 2) * 2e-9
      let ticks = Ticks.linear(a, b, count: count).filter { $0 >= a - slack && $0 <= b + slack }
      guard ticks.count >= 2 else { continue }
      let candidate = ChartAxis(low: a, high: b, logarithmic: false, ticks: ticks, labels: labels(ticks, false))
      if candidate.fits(length: length, spacing: spacing) { return candidate }
      axis = candidate
    }
    return axis
  }

  private func fits(length: Double, spacing: ([String]) -> Double) -> Bool {
    guard ticks.count >= 2 else { return true }
    let positions = ticks.map { fraction($0) * length }
    let closest = zip(positions, positions.dropFirst()).map { $1 - $0 }.min() ?? length
    return closest >= spacing(labels)
  }

  /// Readable labels with enough digits to tell neighbouring ticks apart.
  static func labels(_ ticks: [Double], _ logarithmic: Bool) -> [String] {
    guard !logarithmic, ticks.count >= 2 else { return ticks.map { Readable.format($0) } }
    let step = abs(ticks[1] - ticks[0])
    let largest = ticks.map(abs).max() ?? 0
    guard step > 0, largest > 0 else { return ticks.map { Readable.format($0) } }
    // Digits from the largest tick's leading digit down to the step's last (+1 for 2.5 steps).
    let needed = Int(floor(log10(largest))) - Int(floor(log10(step))) + 2
    let digits = min(17, max(Readable.significantDigits, needed))
    return ticks.map { Readable.format($0, significantDigits: digits) }
  }
}

/// A terminal chart's axes around its plot cells: the title, the y label, a box with
/// y tick labels on its left, x tick labels below it, the x label and a legend.
struct TerminalAxes {
  var title: String
  var xLabel: String
  var yLabel: String
  var ascii: Bool
  /// The plot cells, top row first, every row as wide.
  var cells: [[Character]]
  var xTicks: [(column: Int, label: String)]
  var yTicks: [(row: Int, label: String)]
  var legend: String? = nil

  /// The lines, without trailing spaces.
  func lines() -> [String] {
    let width = cells.first?.count ?? 0
    var rowLabels = [String?](repeating: nil, count: cells.count)
    for tick in yTicks where cells.indices.contains(tick.row) && rowLabels[tick.row] == nil {
      rowLabels[tick.row] = tick.label
    }
    let labelWidth = rowLabels.compactMap { $0?.count }.max() ?? 0
    let box: (h: Character, v: Character, corners: [Character], yTick: Character, xTick: Character) =
      ascii ? ("-", "|", ["+", "+", "+", "+"], "+", "+") : ("─", "│", ["┌", "┐", "└", "┘"], "┤", "┬")
    func spaces(_ n: Int) -> String { String(repeating: " ", count: max(0, n)) }
    func centred(_ text: String) -> String { spaces(labelWidth + 1 + (width - text.count) / 2) + text }

    var lines: [String] = []
    if !title.isEmpty { lines.append(centred(title)) }
    if !yLabel.isEmpty { lines.append(yLabel) }
    lines.append(spaces(labelWidth) + String(box.corners[0]) + String(repeating: box.h, count: width) + String(box.corners[1]))
    for (row, cells) in cells.enumerated() {
      let label = rowLabels[row] ?? ""
      let edge = rowLabels[row] == nil ? box.v : box.yTick
      lines.append(spaces(labelWidth - label.count) + label + String(edge) + String(cells) + String(box.v))
    }
    var bottom = [Character](repeating: box.h, count: width)
    var labels = ""
    for tick in xTicks where bottom.indices.contains(tick.column) {
      bottom[tick.column] = box.xTick
      // Centred under its tick, a space at least from the label before it.
      let start = max(0, labelWidth + 1 + tick.column - (tick.label.count - 1) / 2)
      guard labels.isEmpty || start > labels.count else { continue }
      labels += spaces(start - labels.count) + tick.label
    }
    lines.append(spaces(labelWidth) + String(box.corners[2]) + String(bottom) + String(box.corners[3]))
    if !labels.isEmpty { lines.append(labels) }
    if !xLabel.isEmpty { lines.append(centred(xLabel)) }
    if let legend, !legend.isEmpty { lines.append(legend) }
    return lines.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
  }
}
