import BackpropCore
import Foundation

extension ContourChart {
  /// Terminal lines: each cell shaded by the value at its centre, low values light
  /// (Unicode ` ░▒▓█`, ascii ` .:-=+*#%@`, evenly spaced between the lowest and highest
  /// value), the path drawn over it (`●` at each point joined by `·`, ascii `O` joined by
  /// `o`; `S` at the start, `E` at the end), the axes, the title and a one-line legend.
  ///
  /// Sizes below 8 × 4 cells are raised to it.
  public func terminal(width: Int = 60, height: Int = 20, ascii: Bool = false) -> [String] {
    let (width, height) = (min(max(width, 8), 1000), min(max(height, 4), 500))
    let (x, y) = axes(
      preferred: (max(2, width / 12), max(2, height / 4)), length: (Double(width), Double(height - 1)),
      spacing: ({ labels in Double((labels.map(\.count).max() ?? 0) + 1) }, { _ in 2 }))
    let surface = Surface(self)
    let shades: [Character] = ascii ? Array(" .:-=+*#%@") : Array(" ░▒▓█")
    let marks: (point: Character, join: Character, unknown: Character) = ascii ? ("O", "o", "x") : ("●", "·", "×")
    // Cell (column, row) holds fractions [column / width, (column + 1) / width) across, row 0 at the top.
    func cell(_ point: (x: Double, y: Double)) -> (column: Int, row: Int)? {
      guard Self.inside(point) else { return nil }
      return (min(Int(point.x * Double(width)), width - 1), min(Int((1 - point.y) * Double(height)), height - 1))
    }
    var cells = [[Character]](repeating: [Character](repeating: " ", count: width), count: height)
    var unknown = false
    for row in 0..<height {
      for column in 0..<width {
        let t = surface.shade(surface.value(atFraction: (Double(column) + 0.5) / Double(width), 1 - (Double(row) + 0.5) / Double(height)))
        unknown = unknown || !t.isFinite
        cells[row][column] = t.isFinite ? shades[min(Int(min(max(t, 0), 1) * Double(shades.count)), shades.count - 1)] : marks.unknown
      }
    }
    if noData {
      cells = [[Character]](repeating: [Character](repeating: " ", count: width), count: height)
      unknown = false
      LineChart.write("no data", centredIn: &cells)
    }
    for piece in clippedPath(x, y) {
      for (a, b) in zip(piece, piece.dropFirst()) {
        // Steps of at most half a cell along the segment (clipped, so at most the chart's size).
        let n = Int((max(abs(b.x - a.x) * Double(width), abs(b.y - a.y) * Double(height)) * 2).rounded(.up)) + 1
        for i in 0...n {
          let t = Double(i) / Double(n)
          if let c = cell((a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)) { cells[c.row][c.column] = marks.join }
        }
      }
    }
    let fractions = path.map { (x: x.fraction($0.x), y: y.fraction($0.y)) }
    for point in fractions { if let c = cell(point) { cells[c.row][c.column] = marks.point } }
    if let end = fractions.last.flatMap(cell) { cells[end.row][end.column] = "E" }
    if let start = fractions.first.flatMap(cell) { cells[start.row][start.column] = "S" }

    var legend: [String] = []
    if let extremes {
      let (low, high) = extremes
      let spacing = usesLogarithmicLevels ? ", log-spaced" : ""
      legend.append(
        low == high
          ? "every value is \(Readable.format(low))"
          : "\(String(shades.dropFirst())) light = low (\(Readable.format(low, significantDigits: 3))), dark = high (\(Readable.format(high, significantDigits: 3)))\(spacing)"
      )
    }
    if unknown { legend.append("\(marks.unknown) no value") }
    if !path.isEmpty { legend.append("S start, \(marks.point) step, E end") }
    let xTicks = zip(x.ticks, x.labels).compactMap { tick, label in cell((x.fraction(tick), 0)).map { ($0.column, label) } }
    let yTicks = zip(y.ticks, y.labels).compactMap { tick, label in cell((0, y.fraction(tick))).map { ($0.row, label) } }
    return TerminalAxes(
      title: title, xLabel: xLabel, yLabel: yLabel, ascii: ascii, cells: cells, xTicks: xTicks, yTicks: yTicks,
      legend: legend.joined(separator: "; ")
    ).lines()
  }
}
