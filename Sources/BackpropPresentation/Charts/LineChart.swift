import BackpropCore
import Foundation

/// A line chart of y against x, e.g. the loss after each training step.
///
/// Points with a NaN or infinite coordinate are left out and break the line. The axes
/// run from the nice tick at or below the data to the one at or above it.
public struct LineChart: Sendable {
  /// The title, centred above the chart.
  public var title: String
  /// The x axis's label.
  public var xLabel: String
  /// The y axis's label.
  public var yLabel: String
  /// The points, in order of x.
  public var points: [(x: Double, y: Double)]
  /// Log scale on y. `nil` = automatic: log when all y > 0 and max/min ≥ 100.
  ///
  /// A log scale asked for when some y ≤ 0 falls back to linear.
  public var logarithmicY: Bool?

  /// A chart of `points`, the y scale chosen automatically unless `logarithmicY` says.
  public init(title: String, xLabel: String, yLabel: String, points: [(x: Double, y: Double)], logarithmicY: Bool? = nil) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.points = points
    self.logarithmicY = logarithmicY
  }

  /// Whether y is drawn on a log scale: as asked, or automatically, and only when every y > 0.
  public var usesLogarithmicY: Bool {
    let ys = plotted.map(\.y)
    guard let low = ys.min(), let high = ys.max(), low > 0 else { return false }
    return logarithmicY ?? (high / low >= 100)
  }

  /// The points that can be drawn: both coordinates finite.
  private var plotted: [(x: Double, y: Double)] {
    points.filter { $0.x.isFinite && $0.y.isFinite }
  }

  /// The runs of consecutive drawable points: a point that cannot be drawn breaks the line.
  private var runs: [[(x: Double, y: Double)]] {
    var runs: [[(x: Double, y: Double)]] = [[]]
    for point in points {
      if point.x.isFinite && point.y.isFinite {
        runs[runs.count - 1].append(point)
      } else if !runs[runs.count - 1].isEmpty {
        runs.append([])
      }
    }
    return runs.filter { !$0.isEmpty }
  }

  private func xAxis(preferred: Int, length: Double, spacing: ([String]) -> Double) -> ChartAxis {
    let xs = plotted.map(\.x)
    return .covering(xs.min() ?? 0, xs.max() ?? 1, logarithmic: false, preferred: preferred, length: length, spacing: spacing)
  }

  private func yAxis(preferred: Int, length: Double, spacing: ([String]) -> Double) -> ChartAxis {
    let ys = plotted.map(\.y)
    return .covering(
      ys.min() ?? 0, ys.max() ?? 1, logarithmic: usesLogarithmicY, preferred: preferred, length: length, spacing: spacing)
  }

  /// The chart as terminal lines (no trailing spaces, no colour codes): a frame of
  /// width × height plot cells plus y tick labels on the left, x tick labels below,
  /// the axis labels and the title.
  ///
  /// Unicode draws the curve in braille, 2 × 4 dots a cell; ascii draws it in `*` on
  /// `|`, `-` and `+`. Sizes below 8 × 3 cells are raised to it.
  public func terminal(width: Int = 60, height: Int = 15, ascii: Bool = false) -> [String] {
    let width = min(max(width, 8), 1000)
    let height = min(max(height, 3), 500)
    let x = xAxis(preferred: max(2, width / 12), length: Double(width)) { labels in
      Double((labels.map(\.count).max() ?? 0) + 1)
    }
    let y = yAxis(preferred: max(2, height / 3), length: Double(height - 1)) { _ in 2 }
    // The curve's own grid: braille dots, or one point a cell.
    let (across, down) = ascii ? (1, 1) : (2, 4)
    let (columns, rows) = (width * across, height * down)
    func dot(_ point: (x: Double, y: Double)) -> (column: Int, row: Int)? {
      let (fx, fy) = (x.fraction(point.x), y.fraction(point.y))
      guard fx.isFinite, fy.isFinite else { return nil }
      let column = Int((min(max(fx, 0), 1) * Double(columns - 1)).rounded())
      let row = Int(((1 - min(max(fy, 0), 1)) * Double(rows - 1)).rounded())
      return (column, row)
    }
    var dots = [[Bool]](repeating: [Bool](repeating: false, count: columns), count: rows)
    for run in runs {
      let placed = run.compactMap(dot)
      for (a, b) in zip(placed, placed.dropFirst()) { Self.line(from: a, to: b, on: &dots) }
      // A point on its own: in braille a 2 × 2 block of dots within its cell, to be seen.
      if let only = placed.first, placed.count == 1 {
        let (column, row) = ascii ? (only.column, only.row) : (only.column - only.column % 2, only.row - (only.row % 4 == 3 ? 1 : 0))
        for (c, r) in ascii ? [(0, 0)] : [(0, 0), (1, 0), (0, 1), (1, 1)] { dots[row + r][column + c] = true }
      }
    }
    var cells = [[Character]](repeating: [Character](repeating: " ", count: width), count: height)
    for row in 0..<height {
      for column in 0..<width {
        cells[row][column] =
          ascii ? (dots[row][column] ? "*" : " ") : Self.braille(dots, column: column * across, row: row * down)
      }
    }
    if plotted.count == 1, let only = dot(plotted[0]) {
      cells[only.row / down][only.column / across] = ascii ? "*" : "●"
    }
    if plotted.isEmpty { Self.write("no data", centredIn: &cells) }
    let xTicks = x.ticks.indices.compactMap { i in dot((x.ticks[i], y.low)).map { ($0.column / across, x.labels[i]) } }
    let yTicks = y.ticks.indices.compactMap { i in dot((x.low, y.ticks[i])).map { ($0.row / down, y.labels[i]) } }
    return TerminalAxes(
      title: title, xLabel: xLabel, yLabel: yLabel + (y.logarithmic ? " (log scale)" : ""), ascii: ascii, cells: cells,
      xTicks: xTicks, yTicks: yTicks
    ).lines()
  }

  /// A standalone SVG document: the title at the top, axes with ticks, tick labels and
  /// axis labels, and the curve as a `<polyline>` (with a dot at each point when there
  /// are few); a log axis when `usesLogarithmicY`.
  ///
  /// Sizes below 320 × 240 are raised to it.
  public func svg(width: Int = 800, height: Int = 500) -> String {
    let width = min(max(width, 320), 20_000)
    let height = min(max(height, 240), 20_000)
    let top = title.isEmpty ? 24.0 : 60
    let plotHeight = Double(height) - top - 70
    let y = yAxis(preferred: max(2, Int(plotHeight / 70)), length: plotHeight) { _ in ChartSVG.tickSize * 2 }
    let left = ChartSVG.leftMargin(y, yLabel: yLabel)
    let plotWidth = Double(width) - left - 36
    let x = xAxis(preferred: max(2, Int(plotWidth / 100)), length: plotWidth) { labels in
      (labels.map { ChartSVG.textWidth($0) }.max() ?? 0) + 16
    }
    let area = ChartSVG.Area(x: left, y: top, width: plotWidth, height: plotHeight)
    var body = ChartSVG.axes(
      area, x: x, y: y, xLabel: xLabel, yLabel: yLabel + (y.logarithmic ? " (log scale)" : ""), grid: true)
    let colour = "#1f5fa8"
    func pixel(_ point: (x: Double, y: Double)) -> (x: Double, y: Double)? {
      let (px, py) = (area.x(x.fraction(point.x)), area.y(y.fraction(point.y)))
      return px.isFinite && py.isFinite ? (px, py) : nil
    }
    let marked = plotted.count <= 60
    for run in runs {
      let pixels = run.compactMap(pixel)
      if pixels.count >= 2 {
        body.append(
          #"<polyline fill="none" stroke="\#(colour)" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round" "#
            + #"points="\#(ChartSVG.points(Self.thinned(pixels)))"/>"#)
      }
      for point in pixels where marked || pixels.count == 1 {
        body.append(ChartSVG.circle(point, radius: 3.5, #"fill="\#(colour)""#))
      }
    }
    if plotted.isEmpty {
      body.append(
        ChartSVG.text(
          "no data", x: area.x + area.width / 2, y: area.y + area.height / 2, size: ChartSVG.labelSize,
          attributes: ##"fill="#888888""##))
    }
    return ChartSVG.document(width: width, height: height, title: title, body: body)
  }

  /// The points that draw the same line: of consecutive points in one pixel column,
  /// the first, the lowest, the highest and the last.
  static func thinned(_ pixels: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
    var kept: [(x: Double, y: Double)] = []
    var first = 0
    while first < pixels.count {
      let column = pixels[first].x.rounded(.down)
      var (last, low, high) = (first, first, first)
      while last + 1 < pixels.count && pixels[last + 1].x.rounded(.down) == column {
        last += 1
        if pixels[last].y < pixels[low].y { low = last }
        if pixels[last].y > pixels[high].y { high = last }
      }
      for i in Set([first, low, high, last]).sorted() { kept.append(pixels[i]) }
      first = last + 1
    }
    return kept
  }

  /// Sets the dots of the straight line from `a` to `b` (Bresenham's algorithm).
  private static func line(from a: (column: Int, row: Int), to b: (column: Int, row: Int), on dots: inout [[Bool]]) {
    let (dx, dy) = (abs(b.column - a.column), -abs(b.row - a.row))
    let (sx, sy) = (a.column < b.column ? 1 : -1, a.row < b.row ? 1 : -1)
    var (column, row, error) = (a.column, a.row, dx + dy)
    while true {
      dots[row][column] = true
      if column == b.column && row == b.row { return }
      let twice = 2 * error
      if twice >= dy { (error, column) = (error + dy, column + sx) }
      if twice <= dx { (error, row) = (error + dx, row + sy) }
    }
  }

  /// The braille character for the 2 × 4 dots whose top left is (`column`, `row`).
  private static func braille(_ dots: [[Bool]], column: Int, row: Int) -> Character {
    // Bits of U+2800 + n, by dot: left column 0x01, 0x02, 0x04, 0x40; right 0x08, 0x10, 0x20, 0x80.
    let bits: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
    var n: UInt32 = 0
    for r in 0..<4 {
      for c in 0..<2 where dots[row + r][column + c] { n |= bits[r][c] }
    }
    return n == 0 ? " " : Character(Unicode.Scalar(0x2800 + n)!)
  }

  /// Writes `text` in the middle of the cells, as far as it fits.
  static func write(_ text: String, centredIn cells: inout [[Character]]) {
    guard let width = cells.first?.count else { return }
    let row = cells.count / 2
    let start = max(0, (width - text.count) / 2)
    for (i, character) in text.enumerated() where start + i < width { cells[row][start + i] = character }
  }
}
