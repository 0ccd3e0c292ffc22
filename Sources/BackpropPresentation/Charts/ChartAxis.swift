import BackpropCore
import Foundation

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
