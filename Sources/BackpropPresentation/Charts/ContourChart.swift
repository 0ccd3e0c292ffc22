import BackpropCore
import Foundation

/// A contour map of a function of two variables, with a path drawn over it: the loss
/// surface over two parameters and the gradient-descent path descending it.
///
/// Between the grid's points the function is read bilinearly. Low values are light
/// and high values dark, in the terminal and in SVG alike.
public struct ContourChart: Sendable {
  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var xRange: ClosedRange<Double>
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

  /// A standalone SVG: filled contours (bands between the levels, from a light to a dark
  /// colour), the contour lines, the path as a polyline with a hollow circle at its
  /// start and a diamond at its end, axes with ticks and labels, the title, and a colour
  /// legend with the levels.
  ///
  /// Sizes below 320 × 240 are raised to it.
  public func svg(width: Int = 800, height: Int = 600) -> String {
    let (width, height) = (min(max(width, 320), 20_000), min(max(height, 240), 20_000))
    let surface = Surface(self)
    let levels = self.levels
    let levelLabels = ChartAxis.labels(levels, usesLogarithmicLevels)
    let legendWidth = 24 + 18 + 8 + max(levelLabels.map { ChartSVG.textWidth($0) }.max() ?? 0, ChartSVG.textWidth("no value")) + 16
    let top = title.isEmpty ? 24.0 : 60
    let plotHeight = Double(height) - top - 70
    let yOnly = axes(
      preferred: (2, max(2, Int(plotHeight / 70))), length: (1, plotHeight), spacing: ({ _ in 0 }, { _ in ChartSVG.tickSize * 2 }))
    let left = ChartSVG.leftMargin(yOnly.y, yLabel: yLabel)
    let plotWidth = max(Double(width) - left - legendWidth, 40)
    let (x, y) = axes(
      preferred: (max(2, Int(plotWidth / 80)), max(2, Int(plotHeight / 70))), length: (plotWidth, plotHeight),
      spacing: ({ labels in (labels.map { ChartSVG.textWidth($0) }.max() ?? 0) + 16 }, { _ in ChartSVG.tickSize * 2 }))
    let area = ChartSVG.Area(x: left, y: top, width: plotWidth, height: plotHeight)

    // Samples about 3 px apart, each coloured by its band; a row's equal neighbours merge into one rectangle.
    let (columns, rows) = (min(max(Int(plotWidth / 3), 2), 600), min(max(Int(plotHeight / 3), 2), 600))
    let samples = (0..<rows).map { r in
      (0..<columns).map { c in surface.value(atFraction: (Double(c) + 0.5) / Double(columns), 1 - (Double(r) + 0.5) / Double(rows)) }
    }
    let bandColours = (0...levels.count).map { ChartSVG.colour((Double($0) + 0.5) / Double(levels.count + 1)) }
    let grey = "#c8c8c8"
    func colour(_ value: Double) -> String {
      value.isFinite ? bandColours[levels.firstIndex { value < $0 } ?? levels.count] : grey
    }
    func edge(_ start: Double, _ i: Int, _ n: Int, _ size: Double) -> Double {
      ((start + size * Double(i) / Double(n)) * 100).rounded() / 100
    }
    var body = [#"<g shape-rendering="crispEdges">"#]
    for (r, row) in samples.enumerated() where !noData {
      let (y0, y1) = (edge(area.y, r, rows, area.height), edge(area.y, r + 1, rows, area.height))
      var c = 0
      while c < columns {
        let fill = colour(row[c])
        var next = c + 1
        while next < columns && colour(row[next]) == fill { next += 1 }
        let (x0, x1) = (edge(area.x, c, columns, area.width), edge(area.x, next, columns, area.width))
        body.append(ChartSVG.rect(x0, y0, x1 - x0, y1 - y0, #"fill="\#(fill)""#))
        c = next
      }
    }
    body.append("</g>")
    func pixel(_ r: Double, _ c: Double) -> (x: Double, y: Double) {
      (area.x + (c + 0.5) / Double(columns) * area.width, area.y + (r + 0.5) / Double(rows) * area.height)
    }
    for level in levels {
      let d = ChartSVG.isoline(samples, level: level, pixel: pixel)
      if !d.isEmpty {
        body.append(##"<path fill="none" stroke="#000000" stroke-opacity="0.35" stroke-width="1" d="\##(d)"/>"##)
      }
    }
    body += ChartSVG.axes(area, x: x, y: y, xLabel: xLabel, yLabel: yLabel, grid: false)
    if noData {
      body.append(
        ChartSVG.text(
          "no data", x: area.x + area.width / 2, y: area.y + area.height / 2, size: ChartSVG.labelSize,
          attributes: ##"fill="#888888""##))
    }
    body += pathMarks(area, x, y)
    body += legend(
      area, levels: levels, labels: levelLabels, colours: bandColours,
      grey: !noData && samples.joined().contains { !$0.isFinite } ? grey : nil)
    return ChartSVG.document(width: width, height: height, title: title, body: body)
  }

  private static let pathColour = "#d62728"

  /// The path over the map: a white halo under a red line, dots at the steps when
  /// there are few, a hollow circle at the start and a diamond at the end.
  private func pathMarks(_ area: ChartSVG.Area, _ x: ChartAxis, _ y: ChartAxis) -> [String] {
    var marks: [String] = []
    func pixel(_ point: (x: Double, y: Double)) -> (x: Double, y: Double) { (area.x(point.x), area.y(point.y)) }
    for piece in clippedPath(x, y) {
      let points = ChartSVG.points(piece.map(pixel))
      marks.append(#"<polyline fill="none" stroke="white" stroke-width="5" stroke-linejoin="round" points="\#(points)"/>"#)
      marks.append(
        #"<polyline fill="none" stroke="\#(Self.pathColour)" stroke-width="2.5" stroke-linejoin="round" points="\#(points)"/>"#)
    }
    let inside = path.map { (x: x.fraction($0.x), y: y.fraction($0.y)) }.filter(Self.inside).map(pixel)
    if path.count <= 60 {
      for point in inside {
        marks.append(ChartSVG.circle(point, radius: 2.5, #"fill="\#(Self.pathColour)""#))
      }
    }
    let fractions = path.map { (x: x.fraction($0.x), y: y.fraction($0.y)) }
    if let last = fractions.last, path.count > 1, Self.inside(last) { marks.append(Self.endMark(pixel(last))) }
    if let first = fractions.first, Self.inside(first) { marks.append(Self.startMark(pixel(first))) }
    return marks
  }

  private static func startMark(_ p: (x: Double, y: Double)) -> String {
    ChartSVG.circle(p, radius: 7, #"fill="white" stroke="\#(pathColour)" stroke-width="3""#)
  }

  private static func endMark(_ p: (x: Double, y: Double)) -> String {
    let corners = [(p.x, p.y - 9), (p.x + 9, p.y), (p.x, p.y + 9), (p.x - 9, p.y)]
    return #"<polygon points="\#(ChartSVG.points(corners))" fill="\#(pathColour)" stroke="white" stroke-width="2"/>"#
  }

  /// The colour legend right of the map: one swatch a band, lowest at the bottom, the
  /// levels between them; grey for no value; then the path's marks.
  private func legend(_ area: ChartSVG.Area, levels: [Double], labels: [String], colours: [String], grey: String?) -> [String] {
    var lines: [String] = []
    let left = area.x + area.width + 24
    let swatch = min(28, (area.height * 0.6) / Double(max(colours.count, 1)))
    let bottom = area.y + area.height * 0.6 + 10
    let textX = left + 18 + 8
    if extremes != nil {
      for (i, colour) in colours.enumerated() {
        let top = bottom - swatch * Double(i + 1)
        lines.append(ChartSVG.rect(left, top, 18, swatch, #"fill="\#(colour)" stroke="\#(ChartSVG.ink)" stroke-width="0.5""#))
      }
      // Every level while they are 16 px apart or more, else every 2nd, 3rd, ...
      let every = max(1, Int((16 / swatch).rounded(.up)))
      for (i, label) in labels.enumerated() where i % every == (labels.count - 1) % every {
        let y = bottom - swatch * Double(i + 1)
        lines.append(ChartSVG.text(label, x: textX, y: y + ChartSVG.tickSize * 0.35, size: ChartSVG.tickSize, anchor: "start"))
      }
      if levels.isEmpty, let extremes {
        let y = bottom - swatch / 2 + ChartSVG.tickSize * 0.35
        lines.append(ChartSVG.text(Readable.format(extremes.low), x: textX, y: y, size: ChartSVG.tickSize, anchor: "start"))
      }
    }
    var y = bottom + 28
    if let grey {
      lines.append(ChartSVG.rect(left, y - 12, 18, 16, #"fill="\#(grey)""#))
      lines.append(ChartSVG.text("no value", x: textX, y: y + 1, size: ChartSVG.tickSize, anchor: "start"))
      y += 28
    }
    if !path.isEmpty {
      lines.append(Self.startMark((left + 9, y - 5)))
      lines.append(ChartSVG.text("start", x: textX, y: y, size: ChartSVG.tickSize, anchor: "start"))
      lines.append(Self.endMark((left + 9, y + 23)))
      lines.append(ChartSVG.text("end", x: textX, y: y + 28, size: ChartSVG.tickSize, anchor: "start"))
    }
    return lines
  }
}
